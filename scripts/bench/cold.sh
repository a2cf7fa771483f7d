#!/usr/bin/env bash
# Whole-process cold start of the release `nianbao`, without the divan benches (a minute, not
# the half hour of `make bench`): `nianbao outline` of a corpus report (budget 20 ms) and
# `nianbao check A --last B` on the two largest corpus reports (budget 50 ms). Each command runs
# BENCH_RUNS times (default 30) after one warm-up, a new process each; prints min/median/max in
# milliseconds and exits 1 when a median is over its budget.
#
#   scripts/bench/cold.sh                    NIANBAO_CORPUS=... to use another corpus
#   BENCH_NO_BUILD=1 scripts/bench/cold.sh   use target/release/nianbao as it is
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
target="${CARGO_TARGET_DIR:-$root/target}"
corpus="${NIANBAO_CORPUS:-$root/../shared/corpus}"
runs="${BENCH_RUNS:-30}"
[[ -n "${BENCH_NO_BUILD:-}" ]] || cargo build --release -p nianbao-cli >&2
nianbao="$target/release/nianbao"
mapfile -t biggest < <(ls -S "$corpus"/*.txt 2>/dev/null | head -n 2)
[[ ${#biggest[@]} -ge 2 ]] || { echo "need two reports in $corpus" >&2; exit 2; }
last="${biggest[0]}" this="${biggest[1]}"

# median_ms BUDGET LABEL CMD...: N timed runs; prints a row; returns 1 when over budget.
failed=0
measure() {
  local budget="$1" label="$2"
  shift 2
  "$@" >/dev/null 2>&1 || { echo "$label: the command failed" >&2; failed=1; return; }
  local times=()
  for _ in $(seq "$runs"); do
    local t0 t1
    t0=$(date +%s%N)
    "$@" >/dev/null 2>&1
    t1=$(date +%s%N)
    times+=("$(((t1 - t0) / 1000))")
  done
  mapfile -t sorted < <(printf '%s\n' "${times[@]}" | sort -n)
  local n=${#sorted[@]} med
  med=$(((sorted[(n - 1) / 2] + sorted[n / 2]) / 2))
  local verdict="ok"
  ((med <= budget * 1000)) || { verdict="OVER"; failed=1; }
  printf '%-34s min %6.1f ms  median %6.1f ms  max %6.1f ms  budget %3d ms  %s\n' "$label" \
    "$(bc <<<"scale=1; ${sorted[0]} / 1000")" "$(bc <<<"scale=1; $med / 1000")" \
    "$(bc <<<"scale=1; ${sorted[n - 1]} / 1000")" "$budget" "$verdict"
}

echo "release nianbao, $runs runs each, $(nproc) cores; $(basename "$this") ($(wc -m <"$this") chars) --last $(basename "$last") ($(wc -m <"$last") chars)"
measure 20 "nianbao outline FILE" "$nianbao" outline "$this"
measure 50 "nianbao check A --last B" "$nianbao" check "$this" --last "$last"
measure 50 "nianbao figures FILE" "$nianbao" figures "$this"
exit "$failed"
