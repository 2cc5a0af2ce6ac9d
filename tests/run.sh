#!/usr/bin/env bash
# Runs each cmocka test binary given as an argument, with TAP output, and each check script
# (*.py, run with /usr/bin/python3, printing TAP itself), and ends with one plain line
# "N passed, N failed". Exits non-zero when anything failed, including a binary
# that crashed or printed no result. CCSIM names the ccsim binary that CLI tests spawn.
set -u
passed=0
failed=0
for bin in "$@"; do
  name=$(basename "$bin")
  case "$bin" in
    *.py) out=$(/usr/bin/python3 "$bin" 2>&1) ;;
    *) out=$(CMOCKA_MESSAGE_OUTPUT=TAP "$bin" 2>&1) ;;
  esac
  rc=$?
  ok=$(grep -c '^ok ' <<<"$out")
  bad=$(grep -c '^not ok ' <<<"$out")
  if [ "$rc" -ne 0 ] && [ "$bad" -eq 0 ]; then
    bad=1 # crashed, or failed outside a test
  fi
  if [ "$ok" -eq 0 ] && [ "$bad" -eq 0 ]; then
    bad=1 # ran no test at all
  fi
  passed=$((passed + ok))
  failed=$((failed + bad))
  if [ "$bad" -ne 0 ]; then
    echo "--- $name: $bad failed (exit $rc)"
    printf '%s\n' "$out"
  else
    printf '%-28s %3d passed\n' "$name" "$ok"
  fi
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
