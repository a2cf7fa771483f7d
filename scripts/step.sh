#!/usr/bin/env bash
# Run one named step of a make target and print how long it took: `step.sh NAME CMD ARGS...`.
set -euo pipefail
name="$1"
shift
start=$(date +%s)
printf '\n==> %s\n' "$name"
status=0
"$@" || status=$?
end=$(date +%s)
if [ "$status" -eq 0 ]; then
  printf '==> %s: ok in %ss\n' "$name" "$((end - start))"
else
  printf '==> %s: FAILED (exit %s) after %ss\n' "$name" "$status" "$((end - start))"
fi
exit "$status"
