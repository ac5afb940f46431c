#!/usr/bin/env bash
# ./tfwh demo: the main job on the embedded default. Generates the seed-1 sample, loads it with
# Spark (local mode), publishes the snapshot and serves the API and dashboard on localhost.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

DIR="$ROOT/var/demo"
PORT=8080
SEED=1
usage() {
  cat <<USAGE
Usage: ./tfwh demo [--dir DIR] [--port N] [--seed N]

Generates the sample returns (seed $SEED), loads them into a warehouse, publishes the snapshot and
serves the API and the dashboard on http://127.0.0.1:PORT/ until interrupted.
  --dir DIR   working folder (default var/demo): DIR/landing and DIR/warehouse
  --port N    HTTP port (default 8080)
  --seed N    sample seed (default 1)
USAGE
}
while [[ $# -gt 0 ]]; do
  case "$1" in
    --dir) DIR="${2:?--dir needs a folder}"; shift 2 ;;
    --port) PORT="${2:?--port needs a number}"; shift 2 ;;
    --seed) SEED="${2:?--seed needs a number}"; shift 2 ;;
    -h | --help) usage; exit 0 ;;
    *) echo "tfwh demo: unknown option '$1'" >&2; usage >&2; exit 2 ;;
  esac
done

TFWH="$ROOT/tfwh"
echo "== 1/4 generating sample returns (seed $SEED) into $DIR/landing"
rm -rf "$DIR/landing"
"$TFWH" generate --out "$DIR/landing" --seed "$SEED" --faults 0.02
echo "== 2/4 loading them into $DIR/warehouse"
"$TFWH" load --landing "$DIR/landing" --warehouse "$DIR/warehouse"
echo "== 3/4 publishing the current snapshot"
"$TFWH" publish --warehouse "$DIR/warehouse" --current
echo "== 4/4 serving on http://127.0.0.1:$PORT/"
exec "$TFWH" serve --warehouse "$DIR/warehouse" --port "$PORT"
