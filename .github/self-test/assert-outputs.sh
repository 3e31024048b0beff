#!/usr/bin/env bash
# Self-test (.github/workflows/ci.yml): checks the outputs of one ralph-dispatch step against the
# matrix case's expectations. Every value arrives through the environment (the workflow passes
# steps.<id>.outputs.* and matrix.* in `env:`), never spliced into this script.
#   OUTCOME            steps.<id>.outcome (success when status is completed, else failure)
#   STATUS TERMINATION EXIT_CODE SIGNAL ORPHANS_KILLED MARKER_SEEN DURATION_MS LOG_FILE
#   EXPECT_STATUS EXPECT_TERMINATION EXPECT_EXIT_CODE EXPECT_SIGNAL EXPECT_ORPHANS_KILLED
#   EXPECT_MARKER_SEEN EXPECT_LOG (a fixed string the log file must hold)
set -euo pipefail

failures=0
check() { # name actual expected
  if [ "$2" = "$3" ]; then
    printf 'ok    %-15s %s\n' "$1" "$2"
  else
    printf 'FAIL  %-15s %s (expected %s)\n' "$1" "${2:-<empty>}" "${3:-<empty>}"
    echo "::error title=self-test::$1 is '${2}', expected '${3}'"
    failures=$((failures + 1))
  fi
}

expect_outcome=failure
if [ "$EXPECT_STATUS" = completed ]; then expect_outcome=success; fi

check outcome "$OUTCOME" "$expect_outcome"
check status "$STATUS" "$EXPECT_STATUS"
check termination "$TERMINATION" "$EXPECT_TERMINATION"
check exit-code "$EXIT_CODE" "$EXPECT_EXIT_CODE"
check signal "$SIGNAL" "$EXPECT_SIGNAL"
check orphans-killed "$ORPHANS_KILLED" "$EXPECT_ORPHANS_KILLED"
check marker-seen "$MARKER_SEEN" "$EXPECT_MARKER_SEEN"

if [[ "$DURATION_MS" =~ ^[0-9]+$ ]] && [ "$DURATION_MS" -gt 0 ]; then
  printf 'ok    %-15s %s\n' duration-ms "$DURATION_MS"
else
  check duration-ms "$DURATION_MS" 'a positive integer'
fi

if [ -f "$LOG_FILE" ] && grep -qF -- "$EXPECT_LOG" "$LOG_FILE"; then
  printf 'ok    %-15s %s holds %s\n' log-file "$LOG_FILE" "$EXPECT_LOG"
else
  check log-file "$LOG_FILE" "a file holding '$EXPECT_LOG'"
fi

if [ "$failures" -gt 0 ]; then
  echo "$failures check(s) failed"
  exit 1
fi
