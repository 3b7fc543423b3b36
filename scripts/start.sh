#!/usr/bin/env bash
# `npm start`: build when the sources changed, then run the compiled server (exec: signals reach node itself).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh --if-needed
exec node --enable-source-maps dist/main.js "$@"
