#!/usr/bin/env bash
# Usage: out-inject.sh FILE
# Prints FILE (workflow-command look-alikes, its last line without a newline) on stderr, then
# on stdout: each stream ends with a partial line.
set -eu
cat "$1" >&2
cat "$1"
