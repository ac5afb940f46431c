#!/usr/bin/env bash
# ./tfwh bench exports: time to produce the ministerial briefing PDF, the league table as XLSX
# (also ODS and CSV) and one authority profile, median of 20 runs after 10 warm-up runs, on the
# seed-1 sample (phase 1, quarter ending 2015-03-31 by default). Measured twice: with the query
# layer's result cache, as the API serves, and without it (every query runs on DuckDB). Then every
# authority's profile in one ./tfwh briefing --all-authorities run. Targets: briefing < 500 ms,
# profile < 200 ms, XLSX < 200 ms once warm; all 152 profiles < 30 s. Not a timed test; record
# results in docs/benchmarks.md.
#
#   ./tfwh bench exports [--warehouse DIR] [--work DIR] [--period YYYY-MM-DD] [--runs N]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="$ROOT/target/bench-exports"
WAREHOUSE=""
PERIOD="2015-03-31"
RUNS=20
while [[ $# -gt 0 ]]; do
  case "$1" in
    --warehouse) WAREHOUSE="$2"; shift 2 ;;
    --work) WORK="$2"; shift 2 ;;
    --period) PERIOD="$2"; shift 2 ;;
    --runs) RUNS="$2"; shift 2 ;;
    -h | --help) sed -n '2,10p' "$0"; exit 0 ;;
    *) echo "bench exports: unknown option $1" >&2; exit 2 ;;
  esac
done
export TFWH_ROOT="$ROOT"
# shellcheck source=../infra/bin/common.sh
source "$ROOT/infra/bin/common.sh"
TFWH="$ROOT/tfwh"
"$TFWH" help >/dev/null
tfwh_build
export TFWH_SKIP_BUILD=1

if [[ -z "$WAREHOUSE" ]]; then
  tfwh_sample "$WORK/seed-1" --faults 0.02
  WAREHOUSE="$WORK/seed-1/warehouse"
fi

echo "tfwh bench exports on $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB"
echo "== result cache on (as the API serves)"
# tfwh_java execs java: each run in its own subshell so the script carries on.
(tfwh_java bench uk.gov.tfwh.bench.ExportBenchmark \
  --warehouse "$WAREHOUSE" --period "$PERIOD" --runs "$RUNS")
echo "== no result cache (every query on DuckDB)"
(tfwh_java bench uk.gov.tfwh.bench.ExportBenchmark \
  --warehouse "$WAREHOUSE" --period "$PERIOD" --runs "$RUNS" --no-cache)
# Every authority's profile for the last quarter of phase 2 in one run, as ./tfwh briefing does it
# (one JVM, reads shared across authorities): the wall-clock time, against the < 30 s target.
echo "== every authority's profile (--all-authorities, phase 2, 2020Q1)"
rm -rf "$WORK/profiles"
start=$(date +%s.%N)
"$TFWH" briefing --warehouse "$WAREHOUSE" --phase 2 --period 2020Q1 --snapshot published \
  --all-authorities --out "$WORK/profiles" 2>/dev/null
end=$(date +%s.%N)
printf 'all-authorities: %d profiles in %.1f s wall clock (JVM start included)\n' \
  "$(($(wc -l <"$WORK/profiles/index.csv") - 1))" "$(awk -v a="$start" -v b="$end" 'BEGIN {print b - a}')"
