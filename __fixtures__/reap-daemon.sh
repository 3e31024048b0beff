#!/bin/sh
# A tool that starts a daemon the classic way: setsid, then a background fork whose parent
# exits, stdio on /dev/null. The daemon (`sleep 300`) ends up in a session of its own,
# reparented to init (or a subreaper), sharing nothing with the session but its environment.
# Prints `daemon <pid> ppid <ppid> pgid <pgid> sid <sid> parent <this shell's pid>` once the
# daemon's parent is gone, then `ready`. Usage: reap-daemon.sh [exit|stay]
#   exit (default): exit 0 at once; stay: keep running (`sleep 300`).
mode=${1:-exit}
pidfile=$(mktemp)
setsid -w sh -c 'sleep 300 </dev/null >/dev/null 2>&1 & echo $! > "$1"' sh "$pidfile"
pid=$(cat "$pidfile")
rm -f "$pidfile"
# setsid -w returned: the intermediate shell has exited and the daemon was reparented.
# /proc/<pid>/stat after the command name: state ppid pgrp session ...
set -- $(sed 's/^.*) //' "/proc/$pid/stat")
echo "daemon $pid ppid $2 pgid $3 sid $4 parent $$"
echo ready
if [ "$mode" = stay ]; then exec sleep 300; fi
exit 0
