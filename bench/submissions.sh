#!/usr/bin/env bash
# ./tfwh bench submissions: the submission service on deadline day and its feedback time. Every
# authority's coordinator sends its seed-1 return for the last quarter at once (16 clients, retries
# allowed) and its SRO signs it off; then checks every receipt matches a landed file byte for byte
# and nothing is lost or duplicated. Then the feedback time (p50, p95, max, end to end over HTTP) of
# each authority's return for the quarter before, one at a time, for XLSX and CSV returns. Targets:
# all 152 within a minute with 0 errors; feedback p95 < 1 s. Record results in docs/benchmarks.md.
#
#   ./tfwh bench submissions [--work DIR] [--threads N] [--port N]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="$ROOT/target/bench-submissions"
THREADS=16
PORT=18093
while [[ $# -gt 0 ]]; do
  case "$1" in
    --work) WORK="$2"; shift 2 ;;
    --threads) THREADS="$2"; shift 2 ;;
    --port) PORT="$2"; shift 2 ;;
    -h | --help) sed -n '2,9p' "$0"; exit 0 ;;
    *) echo "bench submissions: unknown option $1" >&2; exit 2 ;;
  esac
done
export TFWH_ROOT="$ROOT"
# shellcheck source=../infra/bin/common.sh
source "$ROOT/infra/bin/common.sh"
TFWH="$ROOT/tfwh"
"$TFWH" help >/dev/null
tfwh_build
export TFWH_SKIP_BUILD=1

# The seed-1 sample, loaded and published, so each return is judged against its history.
tfwh_sample "$WORK/seed-1" --faults 0.02
rm -rf "$WORK/landing" "$WORK/submissions" "$WORK/classes"
mkdir -p "$WORK/classes"
javac -d "$WORK/classes" "$ROOT/bench/submissions/SubmissionLoad.java"
java -cp "$WORK/classes" SubmissionLoad users --users "$WORK/users.tsv" --tokens "$WORK/tokens.tsv" \
  --reference "$ROOT/reference"

"$TFWH" serve --warehouse "$WORK/seed-1/warehouse" --users "$WORK/users.tsv" --landing "$WORK/landing" \
  --port "$PORT" >"$WORK/serve.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$PORT/actuator/health/liveness" >/dev/null 2>&1 && break
  sleep 0.5
done
echo "tfwh bench submissions on $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB"
java -cp "$WORK/classes" SubmissionLoad run --url "http://127.0.0.1:$PORT" --tokens "$WORK/tokens.tsv" \
  --sample "$WORK/seed-1/landing" --landing "$WORK/landing" --deadline-quarter 2020Q1-p2 \
  --feedback-quarter 2019Q4-p2 --threads "$THREADS"
