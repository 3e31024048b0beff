#!/bin/bash
# Keeps forking, and ignores SIGTERM (so do its children: an ignored signal stays ignored
# across fork and exec). Each round starts a long-lived child, a short-lived one, and a
# subshell that leaves a long-lived grandchild and exits. Prints `ready` after 5 rounds.
trap '' TERM
n=0
while :; do
  sleep 300 &
  sleep 0.05 &
  ( sleep 300 & exec sleep 0.1 ) &
  n=$((n + 1))
  if [ "$n" = 5 ]; then echo ready; fi
  sleep 0.02
done
