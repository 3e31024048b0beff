#!/bin/sh
# Says whether stdin and stdout are terminals, then reads stdin to EOF (Ctrl+D under a tty,
# the pipe closed under pipe, at once under closed) and exits 0.
if [ -t 0 ]; then echo "stdin: tty"; else echo "stdin: not a tty"; fi
if [ -t 1 ]; then echo "stdout: tty"; else echo "stdout: not a tty"; fi
echo "waiting for EOF"
cat >/dev/null
echo "got EOF, exiting"
exit 0
