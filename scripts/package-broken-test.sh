#!/usr/bin/env bash
# `make package-test`, second half: the package test must fail when the package is broken.
# Bundles the release binary `make deb` built again (`tauri bundle`: no compilation, a few
# seconds) with a broken bundle config, into a scratch target folder (target/package-broken/),
# never touching target/release/bundle:
#   1. an icon path that does not exist → the bundling fails, naming the path;
#   2. no icon at all → a .deb is made, and scripts/package-test.sh refuses it (no icon installed).
# Exit 0 when both breakages are caught, 1 (with what slipped through) otherwise.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
target="${CARGO_TARGET_DIR:-$root/target}"
bin="$target/release/nianbao-app"
tauri="$root/ui/node_modules/.bin/tauri"
fail() { echo "package-broken-test: FAIL: $*" >&2; exit 1; }
ok() { echo "package-broken-test: ok: $*"; }
[[ -x "$bin" ]] || fail "no release binary at $bin (run 'make deb' first)"
[[ -x "$tauri" ]] || fail "no Tauri CLI at $tauri (run 'make deps-npm')"

scratch="$target/package-broken"
rm -rf "$scratch"
mkdir -p "$scratch/release"
trap 'rm -rf "$scratch"' EXIT
cp "$bin" "$scratch/release/nianbao-app"

# bundle CONFIG LOG: `tauri bundle --bundles deb` of the copied binary with CONFIG merged.
bundle() {
  (cd "$root/src-tauri" && CARGO_TARGET_DIR="$scratch" "$tauri" bundle --bundles deb --config "$1") >"$2" 2>&1
}

# 1. A broken icon path: the package build fails and says which file is missing.
if bundle '{"bundle":{"icon":["icons/no-such-icon.png"]}}' "$scratch/broken-path.log" &&
  ls "$scratch"/release/bundle/deb/*.deb >/dev/null 2>&1; then
  fail "a .deb was built with a missing icon file"
fi
grep -q 'icons/no-such-icon.png' "$scratch/broken-path.log" ||
  { cat "$scratch/broken-path.log" >&2; fail "the failed bundling does not name the missing icon"; }
ok "missing icon file: the package build fails ($(grep -m1 -o "resource path .*" "$scratch/broken-path.log" || echo 'icon named'))"

# 2. No icon in the bundle config: the .deb is made, the package test must refuse it.
rm -rf "$scratch/release/bundle"
bundle '{"bundle":{"icon":[]}}' "$scratch/no-icon.log" || { cat "$scratch/no-icon.log" >&2; fail "bundling without an icon failed outright"; }
deb="$(ls "$scratch"/release/bundle/deb/*.deb 2>/dev/null | head -n 1)"
[[ -n "$deb" ]] || fail "no .deb made without an icon"
if "$root/scripts/package-test.sh" "$deb" >"$scratch/no-icon-test.log" 2>&1; then
  cat "$scratch/no-icon-test.log" >&2
  fail "the package test passed a .deb without an icon"
fi
grep -q "FAIL: icon" "$scratch/no-icon-test.log" ||
  { cat "$scratch/no-icon-test.log" >&2; fail "the package test failed, but not for the icon"; }
ok "no icon in the bundle: the package test fails ($(grep -m1 -o 'FAIL: .*' "$scratch/no-icon-test.log"))"
echo "2 breakages caught"
