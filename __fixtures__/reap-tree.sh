#!/bin/bash
# Builds a tree of 300 sleeping processes below this shell: 15 branches (subshells), each
# with 19 `sleep 300` children. Each branch reports on a FIFO once its children are forked;
# when all 15 have, prints `ready <count>` and waits (the session then blocks).
branches=15
leaves=19
fifo=$(mktemp -u)
mkfifo "$fifo"
exec 3<>"$fifo"
rm -f "$fifo"
for ((b = 1; b <= branches; b++)); do
  (
    for ((i = 1; i <= leaves; i++)); do sleep 300 & done
    echo "branch $b" >&3
    wait
  ) &
done
for ((b = 1; b <= branches; b++)); do read -r _ <&3; done
echo "ready $((branches * (leaves + 1)))"
wait
