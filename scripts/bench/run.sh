#!/usr/bin/env bash
# `make bench`: every benchmark in release, one table against design.md's budgets, and the
# Python baseline (jieba + difflib over all paragraph pairs + regex figures) on the same pair of
# reports, as a ratio.
#
#   scripts/bench/run.sh                 full run
#   BENCH_ARGS="--sample-count 20" ...   passed to every divan bench (quicker, noisier)
#   BENCH_SKIP_CARGO=1 ...               reuse target/bench/divan.txt from the last run
#   BENCH_THIS=a.txt BENCH_LAST=b.txt    the pair (default: the two largest corpus reports)
#   BENCH_RUNS=20                        whole-process runs per command
#   NIANBAO_CORPUS=...                   corpus folder (default ../shared/corpus)
#
# It installs what it needs: hyperfine from apt when it can (else a timed loop), a virtual
# environment in scripts/bench/.venv with jieba from PyPI. It never writes outside target/ and
# scripts/bench/.venv. Exit status 1 when a measured budget is exceeded.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"
target="${CARGO_TARGET_DIR:-$root/target}"
out="$target/bench"
mkdir -p "$out"
runs="${BENCH_RUNS:-20}"
corpus="${NIANBAO_CORPUS:-$root/../shared/corpus}"
say() { printf '\n== %s\n' "$*" >&2; }

# --- 1. release build and divan benches ------------------------------------------------------
say "release build of nianbao"
cargo build --release -p nianbao-cli
nianbao="$target/release/nianbao"

if [[ -z "${BENCH_SKIP_CARGO:-}" ]]; then
  say "cargo bench (divan) over the domain crates"
  # The app crate needs GTK/WebKit and has no benches: leave it out.
  # shellcheck disable=SC2086
  if ! cargo bench --workspace --exclude nianbao-app --benches -- ${BENCH_ARGS:-} 2>&1 | tee "$out/divan.txt"; then
    echo "cargo bench failed; rows it did not reach are reported as not measured" >&2
  fi
fi

# --- 2. the pair ------------------------------------------------------------------------------
if [[ -n "${BENCH_THIS:-}" && -n "${BENCH_LAST:-}" ]]; then
  this="$BENCH_THIS" last="$BENCH_LAST"
else
  mapfile -t biggest < <(ls -S "$corpus"/*.txt 2>/dev/null | head -n 2)
  if [[ ${#biggest[@]} -lt 2 ]]; then
    echo "need two reports in $corpus (set NIANBAO_CORPUS or BENCH_THIS/BENCH_LAST)" >&2
    exit 2
  fi
  last="${biggest[0]}" this="${biggest[1]}"
fi
printf '%s (%s chars) --last %s (%s chars)\n' \
  "$(basename "$this")" "$(wc -m <"$this")" "$(basename "$last")" "$(wc -m <"$last")" >"$out/pair.txt"

# --- 3. whole processes: nianbao check, and the Python baseline -------------------------------
if ! command -v hyperfine >/dev/null && [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
  say "installing hyperfine (apt)"
  apt-get install -y -qq hyperfine >/dev/null 2>&1 || (apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq hyperfine >/dev/null 2>&1) || true
fi

# time_runs NAME N CMD...: N runs of CMD (one warm-up first), milliseconds per line in NAME.times.
time_runs() {
  local name="$1" n="$2"
  shift 2
  rm -f "$out/$name.times"
  if command -v hyperfine >/dev/null; then
    local quoted
    quoted="$(printf '%q ' "$@")"
    hyperfine --style basic --warmup 1 --runs "$n" --export-json "$out/$name.json" "$quoted" >&2
    node -e 'const r=require(process.argv[1]).results[0];console.log(r.times.map(t=>(t*1000).toFixed(3)).join("\n"))' \
      "$out/$name.json" >"$out/$name.times"
  else
    "$@" >/dev/null 2>&1 || true
    for _ in $(seq "$n"); do
      local t0 t1
      t0=$(date +%s%N)
      "$@" >/dev/null 2>&1 || true
      t1=$(date +%s%N)
      echo "scale=3; ($t1 - $t0) / 1000000" | bc >>"$out/$name.times" 2>/dev/null ||
        echo $(((t1 - t0) / 1000000)) >>"$out/$name.times"
    done
  fi
}

say "nianbao check as a whole process ($runs runs, a new process each: jieba and lexicons load every time)"
if "$nianbao" check "$this" --last "$last" >"$out/nianbao-check.txt" 2>&1; then
  time_runs nianbao "$runs" "$nianbao" check "$this" --last "$last"
else
  echo "nianbao check failed on the pair: $(tail -n 1 "$out/nianbao-check.txt")" >&2
  rm -f "$out/nianbao.times"
fi

say "nianbao figures as a whole process ($runs runs)"
if "$nianbao" figures "$this" >/dev/null 2>&1; then
  time_runs figures "$runs" "$nianbao" figures "$this"
else
  rm -f "$out/figures.times"
fi

say "nianbao outline as a whole process ($runs runs; budget 20 ms: the dictionary is built in)"
if "$nianbao" outline "$this" >/dev/null 2>&1; then
  time_runs outline "$runs" "$nianbao" outline "$this"
else
  rm -f "$out/outline.times"
fi

say "Python baseline: virtual environment with jieba"
venv="$here/.venv"
rm -f "$out/python.times" "$out/python-work.times"
setup_venv() {
  command -v python3 >/dev/null || return 1
  [[ -x "$venv/bin/python" ]] || python3 -m venv "$venv" || return 1
  "$venv/bin/python" -c 'import jieba' 2>/dev/null || "$venv/bin/pip" install -q 'jieba==0.42.1'
}
if setup_venv; then
  py="$venv/bin/python"
  "$py" "$here/baseline.py" "$this" "$last" >"$out/baseline.txt" # builds jieba's cache once
  python_runs=$(((runs + 3) / 4))
  say "Python baseline as a whole process ($python_runs runs)"
  time_runs python "$python_runs" "$py" "$here/baseline.py" "$this" "$last"
  for _ in $(seq "$python_runs"); do
    "$py" "$here/baseline.py" "$this" "$last" --timing 2>&1 >/dev/null |
      awk '{ printf "%.3f\n", $1 * 1000 }' >>"$out/python-work.times"
  done
else
  echo "python3/venv/pip unavailable: the baseline is not measured" >&2
fi

# --- 4. the table -----------------------------------------------------------------------------
say "benchmark table (release, $(nproc) cores)"
node "$here/table.mjs" "$here/budgets.tsv" "$out/divan.txt" "$out" | tee "$out/table.txt"
