#!/bin/sh
# Leaves a grandchild behind that ignores SIGTERM, then exits 0. The grandchild reports
# through a FIFO once its trap is set, so the session exits only after that.
# Prints `grandchild <pid> ready`.
fifo=$(mktemp -u)
mkfifo "$fifo"
sh -c 'trap "" TERM; echo ready > "$1"; sleep 301' sh "$fifo" &
read -r line < "$fifo"
rm -f "$fifo"
echo "grandchild $! $line"
exit 0
