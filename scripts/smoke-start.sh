#!/usr/bin/env bash
# Starts the compiled server (dist/main.js) with the given node on a fresh embedded data dir, as `npm start`
# does on a fresh clone, checks /healthz and the home page, and stops it. Usage: smoke-start.sh [node-binary]
set -euo pipefail
cd "$(dirname "$0")/.."
NODE="${1:-node}"
DIR="$(mktemp -d)"
chmod 755 "$DIR" # the embedded PostgreSQL runs as another user when we are root
free_port() { "$NODE" -e 's=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }
PG_PORT="$(free_port)"
PID=""
cleanup() {
  if [ -n "$PID" ] && kill -0 "$PID" 2>/dev/null; then
    kill -TERM "$PID"
    for _ in $(seq 1 100); do kill -0 "$PID" 2>/dev/null || break; sleep 0.1; done
  fi
  rm -rf "$DIR"
}
trap cleanup EXIT

DATA_DIR="$DIR/data" HOST=127.0.0.1 PORT=0 EMBEDDED_PG_PORT="$PG_PORT" LOG_LEVEL=info \
  "$NODE" --enable-source-maps dist/main.js >"$DIR/server.log" 2>&1 &
PID=$!
URL=""
for _ in $(seq 1 600); do
  URL="$(grep -o '"url":"[^"]*"' "$DIR/server.log" | head -n1 | cut -d'"' -f4 || true)"
  [ -n "$URL" ] && break
  kill -0 "$PID" 2>/dev/null || break
  sleep 0.1
done
if [ -z "$URL" ]; then
  echo "smoke-start: dist/main.js under $("$NODE" --version) did not start; its log:" >&2
  tail -n 40 "$DIR/server.log" >&2
  exit 1
fi
"$NODE" -e '
  const base = process.argv[1];
  (async () => {
    for (const path of ["/healthz", "/"]) {
      const r = await fetch(base + path);
      if (r.status !== 200) throw new Error(path + " answered " + r.status);
    }
  })().catch((e) => { console.error("smoke-start:", e.message); process.exit(1); });
' "$URL"
echo "smoke-start: dist/main.js under $("$NODE" --version) answered /healthz and / at $URL"
