#!/usr/bin/env bash
# cargo-machete (unused dependencies) and cargo-deny (licenses, banned crates) in the
# project-local .tools/, built once with `cargo install --locked`; nothing happens when both are
# there. Both then run offline: machete reads the manifests and sources, deny the lockfile and
# the registry sources cargo already fetched.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)/.tools"
if [ ! -x "$root/bin/cargo-machete" ]; then
  cargo install cargo-machete --locked --version '~0.9.2' --root "$root"
fi
if [ ! -x "$root/bin/cargo-deny" ]; then
  cargo install cargo-deny --locked --version '~0.20.2' --root "$root"
fi
