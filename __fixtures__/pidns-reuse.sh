# Runs as pid 1 of a new pid namespace (unshare -Urpf --mount-proc): starts the action's main
# ("$@"), waits until the session's root is gone, steers the next pid to the root's, starts an
# unrelated untagged `sleep 1000` (it gets the root's pid), and says whether main killed it.
env -u RALPH_DISPATCH_RUN_ID "$@" &
main=$!
while [ ! -s "$RUNNER_TEMP/rootpid" ]; do sleep 0.02; done
root=$(cat "$RUNNER_TEMP/rootpid")
while [ -e "/proc/$root" ]; do sleep 0.02; done
echo $((root - 1)) > /proc/sys/kernel/ns_last_pid
env -u RALPH_DISPATCH_RUN_ID sleep 1000 &
victim=$!
echo "victim $victim root $root" >&2
wait $main
if kill -0 "$victim" 2>/dev/null; then echo "victim alive" >&2; else echo "victim dead" >&2; fi
