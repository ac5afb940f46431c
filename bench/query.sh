#!/usr/bin/env bash
# ./tfwh bench query: median and p99 latency of every catalogue query, per engine, over the seed-1
# sample loaded at scale 1 and scale 10. The embedded engine is measured twice: as the API runs it
# (per-snapshot result cache on, so repeated questions are answered from memory) and with the cache
# off (every call runs on DuckDB: the figure the issue's 20 ms target is about). Trino is started
# with ./tfwh trino on a spare port and the snapshot registered by ./tfwh publish --trino.
# Not a timed test; record results in docs/benchmarks.md.
#
#   ./tfwh bench query [--scales "1 10"] [--work DIR] [--iterations N] [--no-trino]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SCALES="1 10"
WORK="$ROOT/target/bench-query"
ITERATIONS=200
TRINO=1
while [[ $# -gt 0 ]]; do
  case "$1" in
    --scales) SCALES="$2"; shift 2 ;;
    --work) WORK="$2"; shift 2 ;;
    --iterations) ITERATIONS="$2"; shift 2 ;;
    --no-trino) TRINO=0; shift ;;
    -h | --help) sed -n '2,10p' "$0"; exit 0 ;;
    *) echo "bench query: unknown option $1" >&2; exit 2 ;;
  esac
done
export TFWH_ROOT="$ROOT"
# shellcheck source=../infra/bin/common.sh
source "$ROOT/infra/bin/common.sh"
# tfwh_java execs the JVM, so each measurement below runs in a subshell of its own.
TFWH="$ROOT/tfwh"
"$TFWH" help >/dev/null
TFWH_SKIP_BUILD=0 "$TFWH" publish --help >/dev/null
export TFWH_SKIP_BUILD=1
mkdir -p "$WORK"

TRINO_PORT=8095
TRINO_DATA="$WORK/trino"
stop_trino() { "$TFWH" trino stop --port "$TRINO_PORT" --data "$TRINO_DATA" >/dev/null 2>&1 || true; }
if [[ "$TRINO" == 1 ]]; then
  trap stop_trino EXIT
  "$TFWH" trino start --port "$TRINO_PORT" --data "$TRINO_DATA" >"$WORK/trino-start.log" 2>&1
fi

echo "tfwh bench query on $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $ITERATIONS iterations per query"
for scale in $SCALES; do
  dir="$WORK/scale-$scale"
  tfwh_sample "$dir" --scale "$scale"
  echo "== scale $scale: embedded (result cache on, as served)"
  (tfwh_java bench uk.gov.tfwh.bench.QueryBenchmark \
    --warehouse "$dir/warehouse" --engine embedded --iterations "$ITERATIONS")
  echo "== scale $scale: embedded (no result cache: every call runs on DuckDB)"
  (tfwh_java bench uk.gov.tfwh.bench.QueryBenchmark \
    --warehouse "$dir/warehouse" --engine embedded --no-cache --iterations "$ITERATIONS")
  if [[ "$TRINO" == 1 ]]; then
    "$TFWH" publish --warehouse "$dir/warehouse" --current --trino "http://127.0.0.1:$TRINO_PORT" >/dev/null
    echo "== scale $scale: trino"
    (tfwh_java bench uk.gov.tfwh.bench.QueryBenchmark \
      --warehouse "$dir/warehouse" --engine trino --trino "jdbc:trino://127.0.0.1:$TRINO_PORT" \
      --iterations "$((ITERATIONS / 4))" --warmup 10)
  fi
done
