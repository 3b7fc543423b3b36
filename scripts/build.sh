#!/usr/bin/env bash
# Compiles src/ to dist/ (JavaScript + source maps) with tsc. `--if-needed`: only when a source is newer
# than the last build. A full build starts from an empty dist/, so a deleted source leaves no stale module.
set -euo pipefail
cd "$(dirname "$0")/.."

STAMP=dist/.build-stamp
if [ "${1:-}" = "--if-needed" ] && [ -f "$STAMP" ] &&
  [ -z "$(find src tsconfig.json tsconfig.build.json package-lock.json -newer "$STAMP" -print -quit 2>/dev/null)" ]; then
  exit 0
fi

echo "Building dist/ (tsc)…" >&2
rm -rf dist
node node_modules/typescript/bin/tsc -p tsconfig.build.json
touch "$STAMP"
