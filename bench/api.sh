#!/usr/bin/env bash
# ./tfwh bench api: the API under load on loopback. Serves the seed-1 sample on the embedded engine
# and drives it with 64 keep-alive connections for the league table and for authority progress,
# printing requests per second, p50 and p99 latency and errors per run, and the server's heap after
# a full GC after each run (memory growth across runs). With wrk the league table also runs with
# Accept-Encoding: gzip, as browsers ask. The client is wrk when it is installed
# (apt-get install wrk: two threads on epoll, light beside the server on the same cores) after a
# 5-second warm-up, otherwise bench/api-load/ApiLoad.java (a Java thread per connection, which
# also checks every response's snapshot); --client chooses. Every result line names its client. With --trino the same league-table load runs against the API on the Trino engine
# (./tfwh trino start --warehouse serving the warehouse's Iceberg catalog; the API's Trino user is
# tfwh) and through Trino directly (TrinoDirectLoad), and the ratio is printed.
# The warehouse is the Iceberg store (the default of every ./tfwh command).
#
# --reliability (always with ApiLoad) is issue 8's sustained-load check: 5 minutes (or --duration) of anonymous load on
# the league table and progress while a new snapshot is loaded and published part-way through;
# every response must come from one snapshot (header, ETag and body agree), no connection may be
# served the old snapshot after the new one, errors must be zero and the heap must not grow.
#
#   ./tfwh bench api [--duration S] [--connections N] [--runs N] [--trino] [--client wrk|java]
#                    [--reliability] [--warehouse DIR] [--landing DIR] [--work DIR] [--port P]
#
# Without --warehouse the seed-1 sample is generated and loaded once into the work folder.
# Not a timed test; results are recorded by hand in docs/benchmarks.md.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DURATION=""
CONNECTIONS=64
RUNS=3
TRINO=0
RELIABILITY=0
WAREHOUSE=""
LANDING=""
WORK="$ROOT/target/bench-api"
PORT=18080
TRINO_PORT=8096
CLIENT=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --duration) DURATION="$2"; shift 2 ;;
    --connections) CONNECTIONS="$2"; shift 2 ;;
    --runs) RUNS="$2"; shift 2 ;;
    --trino) TRINO=1; shift ;;
    --client) CLIENT="$2"; shift 2 ;;
    --reliability) RELIABILITY=1; shift ;;
    --warehouse) WAREHOUSE="$2"; shift 2 ;;
    --landing) LANDING="$2"; shift 2 ;;
    --work) WORK="$2"; shift 2 ;;
    --port) PORT="$2"; shift 2 ;;
    -h | --help) sed -n '2,22p' "$0"; exit 0 ;;
    *) echo "bench api: unknown option $1" >&2; exit 2 ;;
  esac
done
if [[ -z "$CLIENT" ]]; then
  CLIENT=$(command -v wrk >/dev/null && echo wrk || echo java)
fi
if [[ "$CLIENT" != wrk && "$CLIENT" != java ]]; then
  echo "bench api: --client is wrk or java, not $CLIENT" >&2
  exit 2
fi
if [[ -z "$DURATION" ]]; then
  DURATION=$([[ "$RELIABILITY" == 1 ]] && echo 300 || echo 30)
fi
export TFWH_ROOT="$ROOT"
# shellcheck source=../infra/bin/common.sh
source "$ROOT/infra/bin/common.sh"
TFWH="$ROOT/tfwh"
mkdir -p "$WORK"
WORK="$(cd "$WORK" && pwd)"

# Build once (unless told not to), then never again while servers run.
if [[ "${TFWH_SKIP_BUILD:-}" != 1 ]]; then
  "$TFWH" users --help >/dev/null
fi
export TFWH_SKIP_BUILD=1

# The server runs from a private copy of the project's jars, so a rebuild in the checkout during a
# long run cannot pull classes from under it.
SERVER_CLASSPATH=""
rm -rf "$WORK/lib" && mkdir -p "$WORK/lib"
IFS=':' read -r -a entries <<<"$(tfwh_classpath api/server)"
for entry in "${entries[@]}"; do
  if [[ "$entry" == "$ROOT"/* || "$entry" == */uk/gov/tfwh/* ]]; then
    cp "$entry" "$WORK/lib/$(basename "$entry")"
    entry="$WORK/lib/$(basename "$entry")"
  fi
  SERVER_CLASSPATH="${SERVER_CLASSPATH:+$SERVER_CLASSPATH:}$entry"
done

LOAD_CLASSES="$WORK/api-load-classes"
rm -rf "$LOAD_CLASSES" && mkdir -p "$LOAD_CLASSES"
javac -d "$LOAD_CLASSES" "$ROOT/bench/api-load/ApiLoad.java"

# load_and_publish LANDING WAREHOUSE LOG: one load of the landing folder, then publish it.
load_and_publish() {
  "$TFWH" load --landing "$1" --warehouse "$2" >"$3" 2>&1
  "$TFWH" publish --warehouse "$2" --current >>"$3" 2>&1
}

# The published release's id, from the catalog (./tfwh publish --list; an earlier one says
# "previously published").
published_id() {
  "$TFWH" publish --warehouse "$WAREHOUSE" --list 2>/dev/null \
    | awk '/published/ && !/previously published/ { print $1; exit }'
}

# The warehouse: given, or the seed-1 sample loaded once into the work folder ($WORK/published
# marks it loaded and published). The reliability trial loads a warehouse of its own below.
if [[ -z "$WAREHOUSE" ]]; then
  WAREHOUSE="$WORK/warehouse"
  [[ -n "$LANDING" ]] || LANDING="$WORK/landing"
  if [[ ! -f "$LANDING/generation-manifest.json" && ! -f "$WORK/published" ]]; then
    echo "== generating the seed-1 sample into $LANDING"
    "$TFWH" generate --out "$LANDING" --seed 1 --faults 0.02 >"$WORK/generate.log" 2>&1
  fi
  if [[ "$RELIABILITY" == 0 && ! -f "$WORK/published" ]]; then
    echo "== loading and publishing it into $WAREHOUSE"
    rm -rf "$WAREHOUSE"
    load_and_publish "$LANDING" "$WAREHOUSE" "$WORK/load.log"
    touch "$WORK/published"
  fi
fi
if [[ "$RELIABILITY" == 1 ]]; then
  if [[ -z "$LANDING" || ! -d "$LANDING" ]]; then
    echo "bench api --reliability: needs the landing folder to load again (--landing DIR)" >&2
    exit 2
  fi
  # The trial loads a copy of the landing into a warehouse of its own, so the benchmark's warehouse
  # and landing stay as they were (an Iceberg warehouse cannot be copied: its catalog names its
  # files by absolute location, so a copy would commit into the original).
  rm -rf "$WORK/reliability" && mkdir -p "$WORK/reliability"
  cp -r "$LANDING" "$WORK/reliability/landing"
  WAREHOUSE="$WORK/reliability/warehouse"
  LANDING="$WORK/reliability/landing"
  echo "== loading and publishing the landing into $WAREHOUSE for the trial"
  load_and_publish "$LANDING" "$WAREHOUSE" "$WORK/reliability/first-load.log"
fi

SERVER_PID=""
TRINO_STARTED=0
cleanup() {
  # Under set -e a failing wait (the killed server's 143) would become the script's exit status.
  if [[ -n "$SERVER_PID" ]]; then
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  if [[ "$TRINO_STARTED" == 1 ]]; then
    "$TFWH" trino stop --port "$TRINO_PORT" --data "$WORK/trino" >/dev/null 2>&1 || true
  fi
  return 0
}
trap cleanup EXIT

# serve ENGINE [extra options]: starts ./tfwh serve in the background and waits until it is ready.
serve() {
  local engine="$1"
  shift
  # ./tfwh serve's main class, run from api/server's own jar and classpath (the API alone; the
  # dashboard pages of api/web add nothing on /api). exec: the background job is the server's JVM.
  # shellcheck disable=SC2086
  exec_java() { exec java ${TFWH_BENCH_SERVER_OPTS:--Xmx1g -XX:+UseParallelGC} "$@"; }
  (
    exec_java -Duser.timezone=UTC -Dfile.encoding=UTF-8 -Dtfwh.root.dir="$ROOT" \
      -cp "$SERVER_CLASSPATH" uk.gov.tfwh.api.ServeCommand \
      --warehouse "$WAREHOUSE" --port "$PORT" --engine "$engine" "$@"
  ) >"$WORK/serve-$engine.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 240); do
    if curl -fsS "http://127.0.0.1:$PORT/actuator/health/readiness" >/dev/null 2>&1; then
      return 0
    fi
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then
      echo "bench api: the server exited; see $WORK/serve-$engine.log" >&2
      tail -20 "$WORK/serve-$engine.log" >&2
      exit 1
    fi
    sleep 0.5
  done
  echo "bench api: the server was not ready after 120 s; see $WORK/serve-$engine.log" >&2
  exit 1
}

stop_server() {
  kill "$SERVER_PID" 2>/dev/null || true
  wait "$SERVER_PID" 2>/dev/null || true
  SERVER_PID=""
}

# The server's JVM (./tfwh serve execs java, so it is the background job itself).
heap_after_gc() {
  if command -v jcmd >/dev/null; then
    jcmd "$SERVER_PID" GC.run >/dev/null 2>&1 || true
    # The sum of every generation's "used" (young and old; Metaspace is reported apart).
    jcmd "$SERVER_PID" GC.heap_info 2>/dev/null \
      | awk '/total/ && /used/ && !/Metaspace|class space/ {
          for (i = 1; i <= NF; i++) if ($i == "used") { v = $(i+1); sub(/K,?$/, "", v); kb += v }
        } END { printf "%d MiB used\n", kb / 1024 }'
  fi
}

# The latest phase-2 quarter the warehouse holds, and an authority with figures in it.
# period_end 2020Q1 -> 2020-03-31
period_end() {
  local year="${1%Q*}" quarter="${1#*Q}"
  case "$quarter" in
    1) echo "$year-03-31" ;; 2) echo "$year-06-30" ;; 3) echo "$year-09-30" ;; *) echo "$year-12-31" ;;
  esac
}

latest_period() {
  curl -fsS "http://127.0.0.1:$PORT/api/v1/periods" \
    | grep -o '"[0-9]\{4\}Q[1-4]"' | tr -d '"' | sort | tail -1
}

load() {
  java -cp "$LOAD_CLASSES" ApiLoad --url "http://127.0.0.1:$PORT" --connections "$CONNECTIONS" "$@"
}

# measure LABEL PATH [ApiLoad options]: one run of the chosen client; fails when any request did.
measure() {
  local label="$1" path="$2"
  shift 2
  # One request first, outside the figures: a slow engine's first query (Trino: seconds) is start-up.
  curl -fsS -o /dev/null -H 'Accept: application/json' --max-time 120 "http://127.0.0.1:$PORT$path" || true
  if [[ "$CLIENT" == wrk ]]; then
    wrk -t2 -c"$CONNECTIONS" -d5s --timeout 30s -s "$ROOT/bench/api-load/wrk-report.lua" \
      "http://127.0.0.1:$PORT$path" >/dev/null 2>&1 || true
    local out
    out="$(TFWH_BENCH_LABEL="$label" TFWH_BENCH_CONNECTIONS="$CONNECTIONS" wrk -t2 \
      -c"$CONNECTIONS" -d"${DURATION}s" --timeout 30s -s "$ROOT/bench/api-load/wrk-report.lua" \
      "http://127.0.0.1:$PORT$path" | grep '^label=')"
    echo "$out load average $(cut -d' ' -f1-3 /proc/loadavg)"
    [[ "$out" == *" errors=0 "* ]]
  else
    local out code=0
    out="$(load --label "$label" --duration "$DURATION" "$@" --path "$path")" || code=$?
    echo "$out" | sed "s/^label=[^ ]* /&client=java /; /^label=/s/\$/ load average $(cut -d' ' -f1-3 /proc/loadavg)/"
    return "$code"
  fi
}

echo "tfwh bench api on $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; warehouse $WAREHOUSE"
serve embedded
PERIOD="$(latest_period)"
PERIOD="${TFWH_BENCH_PERIOD:-${PERIOD:-2019Q4}}"
AUTHORITY="${TFWH_BENCH_AUTHORITY:-E10000016}"
LEAGUE="/api/v1/league-table?phase=2&period=$PERIOD"
PROGRESS="/api/v1/authorities/$AUTHORITY/progress?phase=2"
echo "league table: $LEAGUE"
echo "progress:     $PROGRESS"
echo "heap after GC at start: $(heap_after_gc)"

if [[ "$RELIABILITY" == 1 ]]; then
  before="$(published_id)"
  echo "== reliability: $DURATION s of load at $CONNECTIONS connections; published snapshot $before"
  # The load runs at least DURATION seconds and until 30 s after the new snapshot is published.
  published_flag="$WORK/reliability/published"
  rm -f "$published_flag"
  load --label reliability --duration "$DURATION" --warmup 2 --check-snapshot \
    --until-file "$published_flag" --after-file 30 \
    --path "$LEAGUE" --path "$PROGRESS" >"$WORK/reliability.out" 2>&1 &
  LOAD_PID=$!
  sleep "$(awk -v d="$DURATION" 'BEGIN { printf "%d", d / 10 }')"
  echo "   loading and publishing a new snapshot while the load runs..."
  started=$(date +%s)
  # A return arrives (the contract's valid Birmingham example, a resubmission of 2013Q3), so the
  # load makes a new snapshot rather than finding nothing new.
  cp "$ROOT/contract/examples/valid-p1-birmingham-2013Q3.summary.csv" "$LANDING/"
  load_and_publish "$LANDING" "$WAREHOUSE" "$WORK/reliability-load.log"
  after="$(published_id)"
  touch "$published_flag"
  echo "   published $after ($(($(date +%s) - started)) s after the load started)"
  status=0
  wait "$LOAD_PID" || status=$?
  cat "$WORK/reliability.out"
  echo "heap after GC at end: $(heap_after_gc)"
  if [[ "$before" == "$after" ]]; then
    echo "bench api --reliability: no new snapshot was published; see $WORK/reliability-load.log" >&2
    exit 1
  fi
  grep -q "snapshots=.*$after" "$WORK/reliability.out" || {
    echo "bench api --reliability: the new snapshot was never served" >&2
    exit 1
  }
  exit "$status"
fi

status=0
for run in $(seq 1 "$RUNS"); do
  measure "embedded-league-table-run$run" "$LEAGUE" --check-snapshot \
    | tee "$WORK/embedded-league.out" || status=1
  if [[ "$CLIENT" == wrk ]]; then
    # As browsers and HTTP libraries ask: the cache sends repeats gzipped (57 KB -> 6 KB).
    TFWH_BENCH_ENCODING=gzip measure "embedded-league-table-gzip-run$run" "$LEAGUE" || status=1
  fi
  measure "embedded-progress-run$run" "$PROGRESS" --check-snapshot || status=1
  echo "heap after GC after run $run: $(heap_after_gc)"
done
stop_server

if [[ "$TRINO" == 1 ]]; then
  echo "== Trino engine (./tfwh trino on port $TRINO_PORT)"
  # Trino serves the warehouse's own catalog; every query is pinned to the release it reads.
  if "$TFWH" trino start --port "$TRINO_PORT" --data "$WORK/trino" --warehouse "$WAREHOUSE" \
    >"$WORK/trino-start.log" 2>&1; then
    TRINO_STARTED=1
    serve trino --trino-url "jdbc:trino://127.0.0.1:$TRINO_PORT"
    measure trino-league-table "$LEAGUE" | tee "$WORK/trino.out" || status=1
    stop_server
    # The same view queried through Trino directly: the query layer's Trino engine, no HTTP.
    javac -d "$LOAD_CLASSES" -cp "$SERVER_CLASSPATH" "$ROOT/bench/api-load/TrinoDirectLoad.java"
    java -cp "$SERVER_CLASSPATH:$LOAD_CLASSES" TrinoDirectLoad --warehouse "$WAREHOUSE" \
      --trino-url "jdbc:trino://127.0.0.1:$TRINO_PORT" --phase 2 \
      --period "$(period_end "$PERIOD")" \
      --threads 4 --duration "$DURATION" 2>/dev/null | grep '^label=' | tee "$WORK/trino-direct.out" \
      || status=1
    figure() { grep -o "$2=[0-9.]*" "$1" | head -1 | cut -d= -f2; }
    ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.0f", a / b; else print "n/a" }'; }
    embedded="$(figure "$WORK/embedded-league.out" rps)"
    trino="$(figure "$WORK/trino.out" rps)"
    direct="$(figure "$WORK/trino-direct.out" rps)"
    echo "league table rps: API on embedded $embedded, API on Trino $trino, Trino directly $direct"
    echo "  API on embedded / Trino directly: $(ratio "$embedded" "$direct")x requests per second," \
      "p50 $(figure "$WORK/embedded-league.out" p50_ms) ms vs $(figure "$WORK/trino-direct.out" p50_ms) ms"
  else
    echo "bench api: ./tfwh trino start failed; see $WORK/trino-start.log" >&2
  fi
fi
exit "$status"
