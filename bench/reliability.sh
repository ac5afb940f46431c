#!/usr/bin/env bash
# ./tfwh bench reliability: the full crash trial (CrashTrialTest in api/server): the real
# `./tfwh load` is SIGKILLed at random moments, while writing and during the snapshot switch, at
# least 30 times, while the real API answers a national user over HTTP; every answer must come
# from one committed snapshot with unchanged figures, after each kill the current snapshot must be
# complete and the next load must account for every input. Optionally the 10-minute fuzz run
# (bench/fuzz.sh). Prints kills survived, API requests served, inputs fuzzed and errors.
#
#   ./tfwh bench reliability [--store iceberg|folder|s3|both|all] [--kills N] [--seed S] [--fuzz]
#                            [--fuzz-minutes N]
#
# --store names the store the loads write and the API serves (TFWH_STORE and tfwh.store.kind, so
# the trial does not depend on which store is the default). The default is iceberg, the default
# store of every ./tfwh command; folder is the legacy folder store; s3 is the Iceberg store with its
# tables on object storage: the trial starts s3proxy (filesystem backend in a temporary folder) and
# gives the loads (--catalog FILE) and the API one catalog file for s3:// tables and the embedded
# SQLite catalog. both runs the whole trial on folder and iceberg in turn (twice the time: 10 to 30
# minutes per 30 kills on a shared 2-core machine); all runs it on folder, iceberg and s3.
# TFWH_SKIP_BUILD=1 uses the jars already built.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
KILLS=30
STORE=iceberg
SEED=""
FUZZ=0
FUZZ_MINUTES=10
while [[ $# -gt 0 ]]; do
  case "$1" in
    --kills) KILLS="$2"; shift 2 ;;
    --store) STORE="$2"; shift 2 ;;
    --seed) SEED="$2"; shift 2 ;;
    --fuzz) FUZZ=1; shift ;;
    --fuzz-minutes) FUZZ=1; FUZZ_MINUTES="$2"; shift 2 ;;
    -h | --help) sed -n '2,19p' "$0"; exit 0 ;;
    *) echo "bench reliability: unknown option $1" >&2; exit 2 ;;
  esac
done
case "$STORE" in
  folder | iceberg | s3) STORES=("$STORE") ;;
  both) STORES=(folder iceberg) ;;
  all) STORES=(folder iceberg s3) ;;
  *) echo "bench reliability: --store must be folder, iceberg, s3, both or all, not '$STORE'" >&2; exit 2 ;;
esac
if (( KILLS < 1 )); then
  echo "bench reliability: --kills must be at least 1" >&2
  exit 2
fi
WORK="$ROOT/target/bench-reliability"
mkdir -p "$WORK"
cd "$ROOT"

# Formatting is the build's gate, not the benchmark's. The trial runs the load through ./tfwh, so
# etl/spark's jar is built too.
if [[ "${TFWH_SKIP_BUILD:-0}" != 1 ]]; then
  mvn -B -o -q -pl etl/spark,api/server -am install -DskipTests -Dspotless.check.skip=true >/dev/null
fi
# The trial's loads run from a frozen copy of the launcher, the reference data, the examples and
# the load's own jars: on a shared machine another build replacing etl/spark's jar under a running
# load fails it with a NoClassDefFoundError that has nothing to do with the trial.
FROZEN="$WORK/root"
rm -rf "$FROZEN"
mkdir -p "$FROZEN/infra/bin" "$FROZEN/etl/spark/target" "$FROZEN/contract" "$FROZEN/lib"
cp "$ROOT/tfwh" "$FROZEN/"
cp "$ROOT/infra/bin/common.sh" "$FROZEN/infra/bin/"
cp -r "$ROOT/reference" "$FROZEN/"
cp -r "$ROOT/contract/examples" "$FROZEN/contract/"
find "$ROOT/etl/spark/target" -maxdepth 1 -name '*.jar' ! -name '*-sources.jar' ! -name '*-tests.jar' \
  -exec cp {} "$FROZEN/etl/spark/target/" \;
frozen_classpath=()
IFS=':' read -ra entries <"$ROOT/etl/spark/target/runtime-classpath.txt" || true # no final newline
for entry in "${entries[@]}"; do
  if [[ "$entry" == */uk/gov/tfwh/* || "$entry" == "$ROOT"/* ]]; then
    cp -r "$entry" "$FROZEN/lib/"
    entry="$FROZEN/lib/$(basename "$entry")"
  fi
  frozen_classpath+=("$entry")
done
(IFS=':'; echo "${frozen_classpath[*]}") >"$FROZEN/etl/spark/target/runtime-classpath.txt"

seed_arg=()
[[ -n "$SEED" ]] && seed_arg=("-Dtfwh.crash.seed=$SEED")
crash_status=0
# Surefire points java.io.tmpdir there (the root pom); SQLite's driver unpacks its library into it.
mkdir -p "$ROOT/api/server/target/tmp"
for store in "${STORES[@]}"; do
  LOG="$WORK/crash-trial-$store.log"
  echo "crash trial on the $store store: $KILLS kills of ./tfwh load while the API serves (log: $LOG)"
  echo "  load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  start=$(date +%s)
  set +e
  mvn -B -o -pl api/server verify -DskipITs -Dspotless.check.skip=true -Dtest=CrashTrialTest -Dsurefire.failIfNoSpecifiedTests=false \
    -Dtfwh.crash.kills="$KILLS" -Dtfwh.crash.store="$store" -Dtfwh.root.dir="$FROZEN" "${seed_arg[@]}" >"$LOG" 2>&1
  status=$?
  set -e
  end=$(date +%s)
  line=$(grep -o 'CRASH-TRIAL kills survived.*' "$LOG" | tail -1 || true)
  trials=$(grep -c 'CRASH-TRIAL trial [0-9]*: ' "$LOG" || true)
  echo "  trials completed and checked: ${trials:-0} (until $KILLS kills had landed)"
  echo "  ${line:-no final figures: the trial stopped early; see $LOG}"
  notes=$(grep -o 'CRASH-TRIAL notes: .*' "$LOG" | tail -1 || true)
  [[ -n "$notes" ]] && echo "  ${notes#CRASH-TRIAL }"
  echo "  wall time: $((end - start)) s; load average after: $(cut -d' ' -f1-3 /proc/loadavg); result: $([[ $status == 0 ]] && echo passed || echo "FAILED (see $LOG)")"
  [[ $status == 0 ]] || crash_status=$status
done

fuzz_status=0
if [[ "$FUZZ" == 1 ]]; then
  echo
  set +e
  "$ROOT/bench/fuzz.sh" --minutes "$FUZZ_MINUTES"
  fuzz_status=$?
  set -e
fi

errors=0
[[ $crash_status == 0 ]] || errors=$((errors + 1))
[[ $fuzz_status == 0 ]] || errors=$((errors + 1))
echo
echo "reliability: $([[ $errors == 0 ]] && echo "all passed" || echo "$errors part(s) failed")"
exit $(( errors > 0 ))
