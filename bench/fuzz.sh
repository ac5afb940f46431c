#!/usr/bin/env bash
# ./tfwh bench fuzz: coverage-guided fuzzing of the return reader (CSV and XLSX) with Jazzer for a
# bounded time (ReturnReaderFuzzTest in etl/returns, Maven profile fuzz). Prints inputs fuzzed,
# executions per second, corpus size and findings. The corpus the fuzzer grows stays in
# etl/returns/target/fuzz (the next run starts from it); a sample of it, at most --keep-max entries
# (100) named fuzz-<sha1>, is kept in etl/returns/src/test/resources/fuzz/..., which every build
# replays beside the seeds (replaying all of it would cost CI minutes). A finding is left in
# etl/returns/target/fuzz/crash-*, to be fixed and then kept as a regression-* input, and the run
# exits non-zero.
#
#   ./tfwh bench fuzz [--minutes N] [--keep-max N] [--no-keep]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
MINUTES=10
KEEP=1
KEEP_MAX=100
while [[ $# -gt 0 ]]; do
  case "$1" in
    --minutes) MINUTES="$2"; shift 2 ;;
    --no-keep) KEEP=0; shift ;;
    --keep-max) KEEP_MAX="$2"; shift 2 ;;
    -h | --help) sed -n '2,11p' "$0"; exit 0 ;;
    *) echo "bench fuzz: unknown option $1" >&2; exit 2 ;;
  esac
done
MODULE="$ROOT/etl/returns"
KEPT="$MODULE/src/test/resources/fuzz/ReturnReaderFuzzTestInputs/readReturn"
GROWN="$MODULE/target/fuzz/.cifuzz-corpus/uk.gov.tfwh.returns.fuzz.ReturnReaderFuzzTest/readReturn"
LOG="$ROOT/target/bench-fuzz/fuzz.log"
mkdir -p "$(dirname "$LOG")"

echo "fuzzing the return reader for $MINUTES min (log: $LOG)"
kept_before=$(find "$KEPT" -type f | wc -l)
cd "$ROOT"
# The reader's upstream modules must be installed; -o keeps the run offline once they are.
mvn -B -o -q -pl etl/returns -am install -DskipTests >/dev/null
set +e
mvn -B -o -pl etl/returns -Pfuzz test-compile surefire:test@fuzz \
  -Dtfwh.fuzz.duration="${MINUTES}m" -Dsurefire.timeout=$(( MINUTES * 60 + 600 )) >"$LOG" 2>&1
status=$?
set -e

runs=$(grep -oE '^Done [0-9]+ runs in [0-9]+ second' "$LOG" | tail -1 | awk '{print $2}')
secs=$(grep -oE '^Done [0-9]+ runs in [0-9]+ second' "$LOG" | tail -1 | awk '{print $5}')
last=$(grep -E '^#[0-9]+[[:space:]]+(DONE|pulse|NEW|REDUCE)' "$LOG" | tail -1 || true)
cov=$(sed -nE 's/.* cov: ([0-9]+) .*/\1/p' <<<"$last")
corp=$(sed -nE 's/.* corp: ([0-9]+)\/.*/\1/p' <<<"$last")
rss=$(sed -nE 's/.* rss: ([0-9]+Mb).*/\1/p' <<<"$last")
findings=$(grep -c 'FuzzTestFindingException' "$LOG" || true)

added=0
if [[ "$KEEP" == 1 && -d "$GROWN" ]]; then
  # Entries already kept and still in the grown corpus stay; new ones fill up to KEEP_MAX.
  kept_now=0
  for f in "$KEPT"/fuzz-*; do
    [[ -f "$f" ]] || continue
    if [[ -f "$GROWN/${f##*/fuzz-}" ]] && (( kept_now < KEEP_MAX )); then
      kept_now=$((kept_now + 1))
    else
      rm -f "$f"
    fi
  done
  for f in $(ls "$GROWN" | sort); do
    (( kept_now < KEEP_MAX )) || break
    if [[ ! -e "$KEPT/fuzz-$f" ]]; then
      cp "$GROWN/$f" "$KEPT/fuzz-$f"
      added=$((added + 1))
      kept_now=$((kept_now + 1))
    fi
  done
fi

echo "inputs fuzzed:       ${runs:-0} in ${secs:-?} s ($(( ${runs:-0} / ${secs:-1} )) per second)"
echo "coverage (edges):    ${cov:-?}; corpus in this run: ${corp:-?} inputs; peak RSS ${rss:-?}"
echo "kept corpus:         $kept_before inputs before, $added added, $(find "$KEPT" -type f | wc -l) now"
echo "findings:            $findings"
echo "errors:              $([[ $status == 0 ]] && echo 0 || echo "1 (maven exit $status; see $LOG)")"
exit "$status"
