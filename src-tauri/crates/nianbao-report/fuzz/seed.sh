#!/bin/sh
# Seeds for parse_text: the project's own invented reports (never the real corpus).
set -eu
here="$(cd "$(dirname "$0")" && pwd)"
mkdir -p "$here/corpus/parse_text"
for f in "$here"/../tests/fixtures/*.txt "$here"/../../../../tests/fixtures/sample-library/*.txt; do
  [ -f "$f" ] && cp "$f" "$here/corpus/parse_text/" || true
done
