#!/usr/bin/env bash
# tauri-driver (the WebDriver bridge for the end-to-end tests) in the project-local .tools/,
# built once with `cargo install --locked`; nothing happens when it is already there.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)/.tools"
if [ ! -x "$root/bin/tauri-driver" ]; then
  cargo install tauri-driver --locked --version '~2.1' --root "$root"
fi
