#!/usr/bin/env bash
# ./tfwh bench query: median and p99 latency of every catalogue query, per engine, over the seed-1
# sample loaded at scale 1 and scale 10. The embedded engine is measured twice: as the API runs it
# (per-snapshot result cache on, so repeated questions are answered from memory) and with the cache
# off (every call runs on DuckDB: the figure the issue's 20 ms target is about). Trino is measured
# on the Iceberg store: ./tfwh trino start --warehouse serves the sample's catalog on a spare port
# and every query is pinned to the current release, as the API's Trino engine runs it.
# Each store of --stores (default: iceberg, the default store; "folder iceberg" for both side by
# side) gets its own sample, loaded and published with TFWH_STORE naming it; after the timings the
# answers of every call on each store are compared (snapshot ids left out) and the differences
# printed.
# Not a timed test; record results in docs/benchmarks.md.
#
#   ./tfwh bench query [--stores "folder iceberg"] [--scales "1 10"] [--work DIR] [--iterations N]
#                      [--no-trino]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SCALES="1 10"
STORES="iceberg"
WORK="$ROOT/target/bench-query"
ITERATIONS=200
TRINO=1
while [[ $# -gt 0 ]]; do
  case "$1" in
    --scales) SCALES="$2"; shift 2 ;;
    --stores) STORES="$2"; shift 2 ;;
    --work) WORK="$2"; shift 2 ;;
    --iterations) ITERATIONS="$2"; shift 2 ;;
    --no-trino) TRINO=0; shift ;;
    -h | --help) sed -n '2,15p' "$0"; exit 0 ;;
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

for store in $STORES; do
  case "$store" in
    folder | iceberg) ;;
    *) echo "bench query: --stores takes folder and/or iceberg, not '$store'" >&2; exit 2 ;;
  esac
done

# sample DIR STORE SCALE: the seed-1 sample at that scale, loaded into STORE and published, once
# (DIR/ready marks it done); the landing folder is generated once per scale for every store. With
# --work target/bench-etl the warehouses `./tfwh bench etl` loaded (the same layout) are used.
sample() {
  local dir="$1" store="$2" scale="$3" landing="$WORK/landing/scale-$3"
  [[ -f "$dir/ready" ]] && return 0
  if [[ -f "$dir/warehouse/CURRENT" || -f "$dir/warehouse/catalog.db" ]]; then
    TFWH_STORE="$store" "$TFWH" publish --warehouse "$dir/warehouse" --current >"$dir/publish.log" 2>&1
    touch "$dir/ready"
    return 0
  fi
  if [[ ! -d "$landing" ]]; then
    mkdir -p "$WORK/landing"
    "$TFWH" generate --out "$landing.part" --seed 1 --scale "$scale" >"$WORK/landing/generate-$scale.log" 2>&1
    mv "$landing.part" "$landing"
  fi
  rm -rf "$dir" && mkdir -p "$dir"
  echo "== preparing the seed-1 sample at scale $scale in the $store store ($dir)"
  TFWH_STORE="$store" "$TFWH" load --landing "$landing" --warehouse "$dir/warehouse" >"$dir/load.log" 2>&1
  TFWH_STORE="$store" "$TFWH" publish --warehouse "$dir/warehouse" --current >>"$dir/load.log" 2>&1
  touch "$dir/ready"
}

TRINO_PORT=8095
TRINO_DATA="$WORK/trino"
stop_trino() { "$TFWH" trino stop --port "$TRINO_PORT" --data "$TRINO_DATA" >/dev/null 2>&1 || true; }
[[ "$TRINO" == 1 ]] && trap stop_trino EXIT

echo "tfwh bench query on $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $ITERATIONS iterations per query"
for scale in $SCALES; do
  for store in $STORES; do
    dir="$WORK/$store/scale-$scale"
    sample "$dir" "$store" "$scale"
    echo "== scale $scale, $store store: embedded (result cache on, as served)"
    (tfwh_java bench uk.gov.tfwh.bench.QueryBenchmark --store "$store" \
      --warehouse "$dir/warehouse" --engine embedded --iterations "$ITERATIONS" \
      --results "$dir/answers.txt")
    echo "== scale $scale, $store store: embedded (no result cache: every call runs on DuckDB)"
    (tfwh_java bench uk.gov.tfwh.bench.QueryBenchmark --store "$store" \
      --warehouse "$dir/warehouse" --engine embedded --no-cache --iterations "$ITERATIONS")
    if [[ "$TRINO" == 1 && "$store" == iceberg ]]; then
      # Trino serves one sample's catalog at a time: started afresh on each scale's warehouse.
      stop_trino
      if ! "$TFWH" trino start --port "$TRINO_PORT" --data "$TRINO_DATA" --warehouse "$dir/warehouse" \
        >"$WORK/trino-start-$scale.log" 2>&1; then
        echo "bench query: ./tfwh trino start failed; see $WORK/trino-start-$scale.log" >&2
        exit 1
      fi
      echo "== scale $scale, $store store: trino"
      (tfwh_java bench uk.gov.tfwh.bench.QueryBenchmark --store "$store" \
        --warehouse "$dir/warehouse" --engine trino --trino "jdbc:trino://127.0.0.1:$TRINO_PORT" \
        --iterations "$((ITERATIONS / 4))" --warmup 10)
    fi
  done
  # The same questions over the same landing folder: the answers must not depend on the store.
  read -ra stores <<<"$STORES"
  for store in "${stores[@]:1}"; do
    a="$WORK/${stores[0]}/scale-$scale/answers.txt" b="$WORK/$store/scale-$scale/answers.txt"
    if cmp -s "$a" "$b"; then
      echo "== scale $scale: every call's answer on the $store store equals the ${stores[0]} store's ($(grep -c '^== ' "$a") calls, $(wc -l <"$a") lines)"
    else
      echo "== scale $scale: ANSWERS DIFFER between the ${stores[0]} and the $store store:"
      diff "$a" "$b" | head -20 || true
      DIFFERENT=1
    fi
  done
done
exit "${DIFFERENT:-0}"
