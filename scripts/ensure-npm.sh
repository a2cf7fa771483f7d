#!/usr/bin/env bash
# `npm ci` in ui/ when node_modules is missing or older than package-lock.json; else nothing.
set -euo pipefail
cd "$(dirname "$0")/../ui"

node -e 'const [a,b]=process.versions.node.split(".").map(Number); if (a<20||(a===20&&b<19)) { console.error("Node >= 20.19 is needed (found "+process.version+")"); process.exit(1) }'

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules ]; then
  npm ci --no-audit --no-fund
  touch node_modules
fi
