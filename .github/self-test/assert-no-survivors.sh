#!/usr/bin/env bash
# Self-test (.github/workflows/ci.yml): after a ralph-dispatch step, no process of its run may be
# alive. Looks two ways: by command line (the fixtures have unique file names), and by the
# environment tag that every process of a run carries (RALPH_DISPATCH_RUN_ID, src/constants.ts),
# read from /proc/<pid>/environ on Linux and from `ps eww` on macOS, as src/reaper.ts does.
set -euo pipefail

survivors=0
report() { # pids...
  ps -o pid,ppid,pgid,stat,command -p "$(echo "$@" | tr ' ' ',')" || true
  survivors=$((survivors + $#))
}

# 1. By command line. pgrep never matches itself.
if pids=$(pgrep -f 'ralph-selftest-|agent-session\.mjs'); then
  echo "::error title=self-test::fixture processes still alive: $(echo $pids)"
  report $pids
fi

# 2. By the run's environment tag. The bracket keeps grep's own command line from matching.
tagged=()
case "$(uname -s)" in
  Linux)
    for environ in /proc/[0-9]*/environ; do
      pid=${environ#/proc/}
      pid=${pid%/environ}
      # Other users' processes and processes gone meanwhile cannot be read: not ours.
      if { tr '\0' '\n' <"$environ"; } 2>/dev/null | grep -q '^RALPH_DISPATCH_[R]UN_ID='; then tagged+=("$pid"); fi
    done
    ;;
  Darwin)
    while read -r pid; do tagged+=("$pid"); done < <(ps -axeww -o pid=,command= | grep -E ' RALPH_DISPATCH_[R]UN_ID=' | awk '{print $1}')
    ;;
esac
if [ "${#tagged[@]}" -gt 0 ]; then
  echo "::error title=self-test::processes tagged RALPH_DISPATCH_RUN_ID still alive: ${tagged[*]}"
  report "${tagged[@]}"
fi

if [ "$survivors" -gt 0 ]; then exit 1; fi
echo "no process of the run is alive"
