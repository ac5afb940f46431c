#!/usr/bin/env bash
# ./tfwh bench etl: full load of the seed-1 sample at scale 1 and scale 10, then an incremental load
# of one new quarter on top of the full history, and of the same quarter on top of only the 4 before
# it. Prints wall time, rows per second (claim rows + returns read) and peak RSS of each load, for
# each store of --stores in turn (default: iceberg, the default store; "folder iceberg" also
# measures the legacy folder store, each chosen by TFWH_STORE for every load), then one table of
# them side by side.
# Not a timed test; record results in docs/benchmarks.md.
#
#   ./tfwh bench etl [--stores "folder iceberg"] [--scales "1 10"] [--work DIR]
#                    [--only full|incremental] [--repeat N]
#   ./tfwh bench etl --state-read [--scales S] [--work DIR]
#
# --repeat N loads each incremental quarter N times (default 5), each time onto a fresh copy of
# the same history, the two histories taking turns, and prints every run, the medians and the
# median of the pairs' differences, in wall and CPU seconds: a short load varies by seconds from
# run to run on a shared 2-core machine.
#
# --only incremental skips the full loads. The samples are generated once into WORK/landing and
# kept; warehouses and logs go to WORK/<store>/ and WORK/<store>-<measure>.log (each load's log
# has its StageClock lines: where the time went).
#
# --state-read measures only reading the previous load's state as the next load does (returns and
# landing stamps): the sample at the first of --scales loaded once into each store, then read five
# times in one JVM from the folder store's Java-serialised state/ and from the Iceberg store's
# tfwh_state tables (bench/state-read StateReadBenchmark; docs/design/iceberg.md, section 5.9.1).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SCALES="1 10"
STORES="iceberg"
WORK="$ROOT/target/bench-etl"
ONLY=""
REPEAT=5
STATE_READ=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --scales) SCALES="$2"; shift 2 ;;
    --stores) STORES="$2"; shift 2 ;;
    --work) WORK="$2"; shift 2 ;;
    --only) ONLY="$2"; shift 2 ;;
    --repeat) REPEAT="$2"; shift 2 ;;
    --state-read) STATE_READ=1; shift ;;
    -h | --help) sed -n '2,26p' "$0"; exit 0 ;;
    *) echo "bench etl: unknown option $1" >&2; exit 2 ;;
  esac
done
# The state read needs one sample only.
[[ "$STATE_READ" == 1 ]] && SCALES="${SCALES%% *}"
for store in $STORES; do
  case "$store" in
    folder | iceberg) ;;
    *) echo "bench etl: --stores takes folder and/or iceberg, not '$store'" >&2; exit 2 ;;
  esac
done
TFWH="$ROOT/tfwh"
mkdir -p "$WORK/tmp"
export TFWH_JAVA_OPTS="${TFWH_JAVA_OPTS:-} -Djava.io.tmpdir=$WORK/tmp"

# Builds once up front, so no load below pays for a build.
"$TFWH" help >/dev/null
TFWH_SKIP_BUILD=0 "$TFWH" load --help >/dev/null
export TFWH_SKIP_BUILD=1

# Runs one load and prints: label, wall s, rows read, rows/s, peak RSS MiB and, where
# /usr/bin/time is installed, the CPU seconds (user + system) of the load and its children.
measure() {
  local label="$1" landing="$2" warehouse="$3"
  local log="$WORK/$label.log"
  local start end wall rss rows cpu="-"
  start=$(date +%s.%N)
  if [[ -x /usr/bin/time ]]; then
    /usr/bin/time -v -o "$WORK/$label.time" "$TFWH" load --landing "$landing" --warehouse "$warehouse" >"$log" 2>&1
    rss=$(awk -F: '/Maximum resident set size/ {printf "%.0f", $2/1024}' "$WORK/$label.time")
    cpu=$(awk -F: '/(User|System) time \(seconds\)/ {s += $2} END {printf "%.1f", s}' "$WORK/$label.time")
  else
    "$TFWH" load --landing "$landing" --warehouse "$warehouse" >"$log" 2>&1 &
    local pid=$! peak=0 now
    while kill -0 "$pid" 2>/dev/null; do
      for p in $pid $(pgrep -P "$pid" || true); do
        now=$(awk '/VmHWM/ {print $2}' "/proc/$p/status" 2>/dev/null || echo 0)
        (( now > peak )) && peak=$now
      done
      sleep 0.2
    done
    wait "$pid"
    rss=$((peak / 1024))
  fi
  end=$(date +%s.%N)
  wall=$(echo "$end - $start" | bc)
  # Rows the load itself read (returns + claim rows); reused returns are not counted.
  if grep -q '^tfwh load: nothing new' "$log"; then
    rows=0 # what the current release's report says would be the previous load's
  else
    rows=$(python3 - "$warehouse" <<'PY'
import base64, gzip, json, pathlib, sqlite3, sys
wh = pathlib.Path(sys.argv[1])
if (wh / "catalog.db").exists():
    # The Iceberg store: the newest release's report, in the embedded catalog, gzipped in base64
    # after its prefix since the release tables' version 3 (ReleaseText), JSON before.
    db = sqlite3.connect(f"file:{wh / 'catalog.db'}?mode=ro", uri=True)
    text = db.execute(
        "SELECT load_report_json FROM tfwh_release ORDER BY release_seq DESC LIMIT 1").fetchone()[0]
    packed = "gzip+base64:"
    if text.startswith(packed):
        text = gzip.decompress(base64.b64decode(text[len(packed):])).decode("utf-8")
    report = json.loads(text)
else:
    current = (wh / "CURRENT").read_text().strip()
    report = json.loads((wh / "snapshots" / current / "load-report.json").read_text())
fresh = [r for r in report["returns"] if not r["reused"]]
print(len(fresh) + sum(r["claimRowsRead"] for r in fresh))
PY
)
  fi
  printf '%-30s wall %7.1f s   rows read %'"'"'10d   %'"'"'9.0f rows/s   peak RSS %6s MiB   cpu %5s s\n' \
    "$label" "$wall" "$rows" "$(echo "$rows / $wall" | bc -l)" "$rss" "$cpu"
  RESULTS[$label]="$wall $rss"
}
declare -A RESULTS

# Loads map the class-data archive `./tfwh warm-up` records once per build (infra/bin/common.sh);
# it is recorded here, timed apart, as a deployment would. TFWH_CDS=0 measures without it.
if [[ "${TFWH_CDS:-1}" == 1 ]]; then
  "$TFWH" warm-up
fi

# Returns arrive days before the load that follows them, but here the history was copied a moment
# ago: a load trusts a landing file's remembered checksum only once the file has not changed for 2 s
# (FileChecksums), so without this pause every incremental would read the whole history again.
settle() {
  sleep 3
}

# keep_history WAREHOUSE: keeps the loaded history aside, so each incremental starts from it.
keep_history() {
  rm -rf "$1.history" && cp -r "$1" "$1.history"
}

# measure_incremental LABEL LANDING WAREHOUSE RUN: one load of the new quarter onto a fresh copy
# of the kept history; prints the line and records its wall and CPU seconds under LABEL.
declare -A WALLS CPUS
measure_incremental() {
  local label="$1" landing="$2" warehouse="$3" run="$4" line
  rm -rf "$warehouse" && cp -r "$warehouse.history" "$warehouse"
  line="$(measure "$label" "$landing" "$warehouse")"
  echo "$line (run $run)"
  WALLS[$label]+="$(echo "$line" | awk '{print $3}') "
  CPUS[$label]+="$(echo "$line" | awk '{print $(NF-1)}') "
}

# median VALUES...: the middle value (the lower middle of an even count).
median() {
  printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}

declare -A MEDIANS
median_of() {
  local label="$1"
  MEDIANS[$label]="$(median ${WALLS[$label]})"
  printf '%-30s median wall %.1f s, median cpu %s s over %d runs\n' "$label" \
    "${MEDIANS[$label]}" "$(median ${CPUS[$label]})" "$REPEAT"
}

# paired_difference LONG SHORT: the median of the runs' differences (run i of LONG minus run i of
# SHORT). Each pair ran back to back, so a drift of the machine's speed over the minutes of the
# bench falls on both members of a pair; the difference of two medians does not have that.
paired_difference() {
  local long="$1" short="$2" field
  for field in WALLS CPUS; do
    local -n values="$field"
    local -a a=(${values[$long]}) b=(${values[$short]}) d=()
    local i
    for i in "${!a[@]}"; do
      [[ "${a[$i]}" == "-" || "${b[$i]:--}" == "-" ]] && continue
      d+=("$(echo "${a[$i]} - ${b[$i]}" | bc -l)")
    done
    if ((${#d[@]} > 0)); then
      printf '%-30s median of the paired %s differences %+.2f s (each: %s)\n' "$long" \
        "$([[ $field == WALLS ]] && echo wall || echo cpu)" "$(median "${d[@]}")" \
        "$(printf '%+.1f ' "${d[@]}")"
    fi
  done
}

echo "tfwh bench etl on $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; heap ${TFWH_SPARK_HEAP:-3g}; stores: $STORES"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

# The samples, generated once and loaded by every store.
for scale in $SCALES; do
  landing="$WORK/landing/scale-$scale"
  if [[ ! -d "$landing" ]]; then
    mkdir -p "$WORK/landing"
    "$TFWH" generate --out "$landing.part" --seed 1 --scale "$scale" >"$WORK/landing/generate-$scale.log" 2>&1
    mv "$landing.part" "$landing"
  fi
done
first="${SCALES%% *}"

if [[ "$STATE_READ" == 1 ]]; then
  dir="$WORK/state-read"
  rm -rf "$dir" && mkdir -p "$dir"
  echo "== state read: the scale-$first sample loaded into each store (logs in $dir)"
  TFWH_STORE=folder "$TFWH" load --landing "$WORK/landing/scale-$first" --warehouse "$dir/folder" \
    >"$dir/folder.log" 2>&1
  TFWH_STORE=iceberg "$TFWH" load --landing "$WORK/landing/scale-$first" --warehouse "$dir/iceberg" \
    >"$dir/iceberg.log" 2>&1
  export TFWH_ROOT="$ROOT"
  # shellcheck source=../infra/bin/common.sh
  source "$ROOT/infra/bin/common.sh"
  tfwh_java bench/state-read uk.gov.tfwh.bench.state.StateReadBenchmark --folder "$dir/folder" \
    --iceberg "$dir/iceberg"
fi
mapfile -t quarters < <(ls "$WORK/landing/scale-$first" | grep -oE '20[0-9]{2}Q[1-4]' | sort -u | tail -n 5)
last="${quarters[4]}"
history_quarters=$(( $(ls "$WORK/landing/scale-$first" | grep -oE '20[0-9]{2}Q[1-4]' | sort -u | wc -l) - 1 ))

# bench_store STORE: every measurement on one store, its warehouses and logs under WORK/STORE.
bench_store() {
  local store="$1" base="$WORK/$1"
  export TFWH_STORE="$store"
  echo
  echo "== store $store (TFWH_STORE=$store); load average $(cut -d' ' -f1-3 /proc/loadavg)"
  rm -rf "$base" && mkdir -p "$base"
  if [[ "$ONLY" != "incremental" ]]; then
    for scale in $SCALES; do
      measure "$store-full-scale-$scale" "$WORK/landing/scale-$scale" "$base/scale-$scale/warehouse"
    done
  fi
  [[ "$ONLY" == "full" ]] && return 0

  # Incremental: the full history without its last quarter is loaded, then that quarter arrives.
  local long="$base/incremental" short="$base/incremental-short"
  mkdir -p "$long/history" "$long/new"
  cp "$WORK/landing/scale-$first/"* "$long/history/"
  mv "$long/history/"*"$last"* "$long/new/"
  settle
  measure "$store-history-before-$last" "$long/history" "$long/warehouse"
  mv "$long/new/"* "$long/history/"
  keep_history "$long/warehouse"

  # The same new quarter on a short history: only the 4 quarters before it. The target is that a
  # new quarter costs no more on top of 32+ quarters than on top of 4; loading the same quarter (its
  # returns, claim rows and files) in both keeps everything but the history's length equal.
  mkdir -p "$short/history" "$short/new"
  for q in "${quarters[@]:0:4}"; do cp "$WORK/landing/scale-$first/"*"$q"* "$short/history/"; done
  cp "$WORK/landing/scale-$first/"*"$last"* "$short/new/"
  settle
  measure "$store-history-4-quarters" "$short/history" "$short/warehouse"
  mv "$short/new/"* "$short/history/"
  keep_history "$short/warehouse"
  settle

  # Alternately, so the machine's drift from run to run (a host throttling the VM, say) falls on
  # both alike; and each history goes first in every other pair, so whatever the load before leaves
  # behind (its files' writeback, its JVM's exit) does not always fall on the same one.
  local run
  for run in $(seq 1 "$REPEAT"); do
    if ((run % 2 == 1)); then
      measure_incremental "$store-new-quarter-on-$history_quarters" "$long/history" "$long/warehouse" "$run"
      measure_incremental "$store-new-quarter-on-4" "$short/history" "$short/warehouse" "$run"
    else
      measure_incremental "$store-new-quarter-on-4" "$short/history" "$short/warehouse" "$run"
      measure_incremental "$store-new-quarter-on-$history_quarters" "$long/history" "$long/warehouse" "$run"
    fi
  done
  median_of "$store-new-quarter-on-$history_quarters"
  median_of "$store-new-quarter-on-4"
  paired_difference "$store-new-quarter-on-$history_quarters" "$store-new-quarter-on-4"
  # Nothing new: the same landing folder again onto the warehouse that has just loaded it.
  measure "$store-nothing-new" "$long/history" "$long/warehouse"
}

for store in $STORES; do
  bench_store "$store"
done

# Side by side: wall s (peak RSS MiB for the full loads); new quarters are medians of --repeat runs.
cell() { # cell KEY FIELD(1 wall, 2 rss)
  local value="${RESULTS[$1]:-}"
  [[ -z "$value" ]] && { echo "-"; return; }
  echo "$value" | awk -v f="$2" '{ if (f == 1) printf "%.1f s", $1; else printf "%d MiB", $2 }'
}
echo
printf '%-34s' "measure"; for store in $STORES; do printf '%-22s' "$store"; done; echo "target"
if [[ "$ONLY" != "incremental" ]]; then
  for scale in $SCALES; do
    printf '%-34s' "full load, scale $scale"
    for store in $STORES; do printf '%-22s' "$(cell "$store-full-scale-$scale" 1), $(cell "$store-full-scale-$scale" 2)"; done
    case "$scale" in 1) echo "< 60 s" ;; 10) echo "< 5 min, < 4 GiB" ;; *) echo ;; esac
  done
fi
if [[ "$ONLY" != "full" ]]; then
  printf '%-34s' "new quarter on $history_quarters (median)"
  for store in $STORES; do printf '%-22s' "${MEDIANS[$store-new-quarter-on-$history_quarters]} s"; done; echo "< 20 s"
  printf '%-34s' "new quarter on 4 (median)"
  for store in $STORES; do printf '%-22s' "${MEDIANS[$store-new-quarter-on-4]} s"; done; echo "on $history_quarters no slower"
  printf '%-34s' "nothing new"
  for store in $STORES; do printf '%-22s' "$(cell "$store-nothing-new" 1)"; done; echo
fi
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
