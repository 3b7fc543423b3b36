#!/usr/bin/env bash
# Start-up time and idle memory of the XãSố server on existing data, run through tsx and compiled, in turn.
# Usage: bash bench/startup.sh DATA_DIR [starts=5] [node=node]
# DATA_DIR must hold an embedded database that a first start has already created (initdb, migrations, demo data).
# Prints, per start: the way it ran, ms from spawn to the "listening" line, and VmRSS 3 s later; then medians.
set -euo pipefail
cd "$(dirname "$0")/.."
DATA="$(cd "$1" && pwd)"
STARTS="${2:-5}"
NODE="${3:-node}"
bash scripts/build.sh --if-needed
PORT_PG="$("$NODE" -e 's=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
LOG="$(mktemp)"
trap 'rm -f "$LOG"' EXIT

run() { # $1 = label, rest = node arguments
  local label="$1"; shift
  : >"$LOG"
  local t0 t1 pid
  t0=$(date +%s%N)
  DATA_DIR="$DATA" HOST=127.0.0.1 PORT=0 EMBEDDED_PG_PORT="$PORT_PG" SEED_DEMO=false "$NODE" "$@" >"$LOG" 2>&1 &
  pid=$!
  for _ in $(seq 1 3000); do grep -q "XãSố is listening" "$LOG" && break; kill -0 "$pid" 2>/dev/null || break; sleep 0.005; done
  t1=$(date +%s%N)
  grep -q "XãSố is listening" "$LOG" || { echo "$label did not start:" >&2; tail -20 "$LOG" >&2; exit 1; }
  sleep 3
  local rss; rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
  kill -TERM "$pid"; wait "$pid" || true
  echo "$label $(((t1 - t0) / 1000000)) $((rss / 1024))"
}

results=()
for _ in $(seq 1 "$STARTS"); do
  results+=("$(run tsx --import tsx src/main.ts)")
  results+=("$(run compiled --enable-source-maps dist/main.js)")
done
printf '%s\n' "${results[@]}" | awk '{print "  " $1 ": " $2 " ms to listening, " $3 " MiB RSS idle"}'
for label in tsx compiled; do
  printf '%s\n' "${results[@]}" | awk -v l="$label" '$1 == l {print $2, $3}' | sort -n | awk -v l="$label" '{ms[NR]=$1; rss[NR]=$2} END {
    n=asort(rss); m=int((NR+1)/2); printf "median %-8s %s ms to listening, %s MiB RSS idle (%d starts, %s)\n", l, ms[m], rss[m], NR, "'"$("$NODE" --version)"'" }'
done
