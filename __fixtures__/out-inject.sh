#!/usr/bin/env bash
# Usage: out-inject.sh LINES_FILE PARTIAL
# Prints the lines of LINES_FILE (workflow-command look-alikes) on stderr, then on stdout, then
# a last line without a newline on each: "stderr tail PARTIAL" on stderr, PARTIAL on stdout.
set -eu
cat "$1" >&2
cat "$1"
printf 'stderr tail %s' "$2" >&2
printf '%s' "$2"
