#!/usr/bin/env bash
# Runs every cargo-fuzz target found under src-tauri/crates/*/fuzz for FUZZ_SECONDS each
# (default 60), on stable Rust (--sanitizer none), installing cargo-fuzz if it is missing.
#
#   scripts/bench/fuzz.sh                  every target, 60 s each
#   FUZZ_SECONDS=600 scripts/bench/fuzz.sh longer
#   FUZZ_ONLY=import_docx ...              one target by name
#
# Seeds: each crate's own fuzz/seed.sh (if any, run once), plus the small files of the generated
# bad-input corpus (tests/bad-input/generate) matching the target's format. It never seeds from
# the real reports. Crashes stay in <crate>/fuzz/artifacts/<target>/ (gitignored); turn each into
# a regression test. Not for CI: fuzzing is open-ended and this box has 2 shared cores.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
seconds="${FUZZ_SECONDS:-60}"

if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "== installing cargo-fuzz" >&2
  cargo install cargo-fuzz --locked
fi

# Small bad-input files as extra seeds, sorted by the importer they exercise.
bad="$root/tests/bad-input/generated"
if [[ ! -f "$bad/manifest.json" ]] && command -v node >/dev/null; then
  node "$root/tests/bad-input/generate" "$bad" >&2 || true
fi
seeds_for() { # seeds_for TARGET DIR: copy matching small bad-input files into DIR
  local pattern
  case "$1" in
    *docx*) pattern='*.docx' ;;
    *html*) pattern='*.html' ;;
    *) pattern='*.txt' ;;
  esac
  mkdir -p "$2"
  [[ -d "$bad" ]] && find "$bad" -maxdepth 1 -name "$pattern" -size -64k -exec cp {} "$2/" \; || true
}

passed=0 failed=0 found=0
failures=()
for fuzz_dir in "$root"/src-tauri/crates/*/fuzz; do
  [[ -f "$fuzz_dir/Cargo.toml" ]] || continue
  crate_dir="$(dirname "$fuzz_dir")"
  crate="$(basename "$crate_dir")"
  if [[ -x "$fuzz_dir/seed.sh" || -f "$fuzz_dir/seed.sh" ]] && [[ ! -d "$fuzz_dir/corpus" ]]; then
    sh "$fuzz_dir/seed.sh" >&2 || echo "($crate: seed.sh failed; fuzzing from empty corpora)" >&2
  fi
  mapfile -t targets < <(cd "$crate_dir" && cargo fuzz list 2>/dev/null)
  for target in "${targets[@]}"; do
    [[ -n "$target" ]] || continue
    [[ -z "${FUZZ_ONLY:-}" || "$FUZZ_ONLY" == "$target" ]] || continue
    found=$((found + 1))
    corpus="$fuzz_dir/corpus/$target"
    seeds="$fuzz_dir/target/bad-input-seeds/$target"
    mkdir -p "$corpus"
    seeds_for "$target" "$seeds"
    echo "== $crate/$target for ${seconds}s" >&2
    if (cd "$crate_dir" && cargo fuzz run --sanitizer none "$target" "$corpus" "$seeds" -- \
      -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -print_final_stats=1); then
      passed=$((passed + 1))
    else
      failed=$((failed + 1))
      failures+=("$crate/$target (artifacts in $fuzz_dir/artifacts/$target/)")
    fi
  done
done

if [[ $found -eq 0 ]]; then
  echo "no cargo-fuzz targets under src-tauri/crates/*/fuzz" >&2
fi
for f in "${failures[@]+"${failures[@]}"}"; do echo "CRASH: $f" >&2; done
echo "fuzz: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
