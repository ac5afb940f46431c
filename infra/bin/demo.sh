#!/usr/bin/env bash
# ./tfwh demo: the main job on the embedded default (the Iceberg store, its SQLite catalog in the
# warehouse folder). Generates the seed-1 sample, loads it with Spark (local mode), publishes the
# release and serves the API and dashboard on localhost, with
# demo users (national team, Kent's coordinator and its SRO) and the submission service taking
# returns into the demo's landing folder.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

DIR="$ROOT/var/demo"
PORT=8080
SEED=1
usage() {
  cat <<USAGE
Usage: ./tfwh demo [--dir DIR] [--port N] [--seed N]

Generates the sample returns (seed $SEED), loads them into a warehouse, publishes the snapshot and
serves the API and the dashboard on http://127.0.0.1:PORT/ until interrupted. Prints the demo users'
sign-in tokens (national team, Kent's coordinator, Kent's SRO) and where to send a return.
  --dir DIR   working folder (default var/demo): DIR/landing, DIR/submissions, DIR/warehouse and
              DIR/users.tsv, made afresh each run
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
rm -rf "$DIR/landing" "$DIR/submissions"
"$TFWH" generate --out "$DIR/landing" --seed "$SEED" --faults 0.02
# Demos before the Iceberg store became the default left snapshot folders here, which every
# command now refuses (StoreChoice): the demo's warehouse is its own, so it starts again.
if [[ -e "$DIR/warehouse/CURRENT" || -d "$DIR/warehouse/snapshots" ]]; then
  echo "tfwh demo: removing $DIR/warehouse, an earlier demo's folder-store warehouse (snapshot folders)"
  rm -rf "$DIR/warehouse"
fi
echo "== 2/4 loading them into $DIR/warehouse (the Iceberg store: catalog.db and tables/)"
"$TFWH" load --landing "$DIR/landing" --warehouse "$DIR/warehouse"
echo "== 3/4 publishing the current release"
"$TFWH" publish --warehouse "$DIR/warehouse" --current
USERS="$DIR/users.tsv"
rm -f "$USERS"
add_user() { "$TFWH" users add "$@" --users "$USERS" 2>/dev/null; }
NATIONAL_TOKEN="$(add_user national --role NATIONAL)"
KENT_TOKEN="$(add_user kent --role COORDINATOR --authority E10000016)"
SRO_TOKEN="$(add_user kent-sro --role COORDINATOR --authority E10000016 --sro)"
URL="http://127.0.0.1:$PORT"
cat <<SIGNIN
== 4/4 serving on $URL/
   Sign in at $URL/login with a user name and its token:
     national   $NATIONAL_TOKEN   national team: pre-release figures, submission status
     kent       $KENT_TOKEN   Kent's coordinator: send a return at $URL/submissions/new
     kent-sro   $SRO_TOKEN   Kent's senior responsible officer: signs Kent's returns off
   A return to send: contract/examples/valid-p2-kent-2015Q2.summary.csv with its .claims.csv
   (or any bad-*.csv there, to see the findings). Signed-off returns land in $DIR/landing;
   ./tfwh load --landing $DIR/landing --warehouse $DIR/warehouse loads them.
SIGNIN
exec "$TFWH" serve --warehouse "$DIR/warehouse" --port "$PORT" --users "$USERS" \
  --landing "$DIR/landing"
