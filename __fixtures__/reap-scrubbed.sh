#!/bin/sh
# Starts a tool with a scrubbed environment (`env -i`), as sudo or a sandbox would: it does
# not carry the run's tag. The tool reports through a FIFO once running, then becomes
# `sleep 302`. Prints `scrubbed <pid> tag=<its RALPH_DISPATCH_RUN_ID or none>`, then `ready`.
# Usage: reap-scrubbed.sh [stay|exit] [ignore-term]
#   stay (default): keep running (`sleep 300`); exit: exit 0 at once, leaving the tool behind.
#   ignore-term: the tool ignores SIGTERM (run under `setsid -f`, this script then leads the
#   tool's session and dies of SIGTERM, leaving the tool with no tagged process beside it).
mode=${1:-stay}
trap_term=
if [ "${2:-}" = ignore-term ]; then trap_term='trap "" TERM;'; fi
fifo=$(mktemp -u)
mkfifo "$fifo"
env -i /bin/sh -c "$trap_term"' echo "scrubbed $$ tag=${RALPH_DISPATCH_RUN_ID:-none}" > "$1"; exec /bin/sleep 302' sh "$fifo" &
read -r line < "$fifo"
rm -f "$fifo"
echo "$line"
echo ready
if [ "$mode" = exit ]; then exit 0; fi
exec sleep 300
