# Shared by ./tfwh and the scripts in infra/: builds the project when sources changed and runs a
# module's main class from its own jar and its resolved runtime classpath.
# shellcheck shell=bash

ROOT="${TFWH_ROOT:?TFWH_ROOT must be set}"
STAMP="$ROOT/target/.tfwh-built"

tfwh_sources_changed() {
  [[ ! -f "$STAMP" ]] && return 0
  local newer
  newer="$(find "$ROOT" \( -path "$ROOT/var" -o -path "$ROOT/.git" -o -name target -o -name node_modules \) -prune -o \
    \( -name '*.java' -o -name 'pom.xml' -o -path '*/src/main/resources/*' \) -type f -newer "$STAMP" -print -quit)"
  [[ -n "$newer" ]]
}

tfwh_build() {
  if [[ "${TFWH_SKIP_BUILD:-}" == "1" ]] || ! tfwh_sources_changed; then
    return 0
  fi
  echo "tfwh: building the project (mvn install, tests skipped)..." >&2
  mkdir -p "$ROOT/target"
  (cd "$ROOT" && mvn -B -q install -DskipTests -Dspotless.check.skip=true) >&2
  touch "$STAMP"
}

# The classpath of a runnable module: its jar and what maven-dependency-plugin resolved for it.
tfwh_classpath() {
  local module="$1"
  local cpfile="$ROOT/$module/target/runtime-classpath.txt"
  local jar
  jar="$(find "$ROOT/$module/target" -maxdepth 1 -name '*.jar' ! -name '*-sources.jar' ! -name '*-tests.jar' | head -n 1)"
  if [[ ! -f "$cpfile" || -z "$jar" ]]; then
    echo "tfwh: $module is not built (no $cpfile); run 'mvn install -DskipTests'" >&2
    exit 1
  fi
  echo "$jar:$(cat "$cpfile")"
}

tfwh_main_exists() {
  local classpath="$1" main="$2"
  local path="${main//.//}.class"
  local entry
  # The main class may sit in the module's own jar or in one of the project's jars it depends on
  # (api/web runs api/server's ServeCommand); third-party jars are not searched.
  local IFS=':'
  for entry in $classpath; do
    [[ "$entry" == "$ROOT"/* || "$entry" == */uk/gov/tfwh/* ]] || continue
    if [[ -d "$entry" ]]; then
      [[ -f "$entry/$path" ]] && return 0
    elif command -v unzip >/dev/null; then
      unzip -l "$entry" "$path" >/dev/null 2>&1 && return 0
    else
      jar tf "$entry" | grep -qx "$path" && return 0
    fi
  done
  return 1
}

# Every JVM the launcher starts (load, publish, serve, migrate, ...) may write to an s3:// warehouse.
# The AWS SDK in Iceberg's S3FileIO adds checksums to every request by default, which S3 APIs other
# than AWS's own may refuse (s3proxy answers a PUT with 400), and Iceberg has no property to turn
# that off: only the SDK's system property does (docs/design/iceberg.md, 5.1). AWS accepts requests
# without the optional checksums. TFWH_JAVA_OPTS comes later on the command line, so
# -Daws.requestChecksumCalculation=when_supported there brings the SDK's default back.
TFWH_S3_JAVA_OPTS="-Daws.requestChecksumCalculation=when_required"

tfwh_java_with() {
  local opts="$1" module="$2" main="$3"
  shift 3
  tfwh_build
  local classpath
  classpath="$(tfwh_classpath "$module")"
  if ! tfwh_main_exists "$classpath" "$main"; then
    # A build that lost a command's class (a half-finished build or a deleted jar): say which.
    echo "tfwh: $main is missing from the build of $module; run \`mvn -o install -DskipTests\` and try again." >&2
    exit 1
  fi
  # The commands whose only logging is SLF4J's simple provider (publish, briefing): the libraries'
  # warnings, not their running commentary, which the command's own lines already give.
  # shellcheck disable=SC2086
  exec java $opts -Dorg.slf4j.simpleLogger.defaultLogLevel=warn $TFWH_S3_JAVA_OPTS ${TFWH_JAVA_OPTS:-} \
    -cp "$classpath" "$main" "$@"
}

tfwh_java() {
  tfwh_java_with "-Duser.timezone=UTC -Dfile.encoding=UTF-8 -Dtfwh.root.dir=$ROOT" "$@"
}

# Spark on Java 17 needs these opens; SPARK_LOCAL_IP keeps it on loopback.
TFWH_SPARK_OPENS="--add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED \
--add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED \
--add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED \
--add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED \
--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED \
--add-opens=java.base/sun.nio.cs=ALL-UNNAMED --add-opens=java.base/sun.security.action=ALL-UNNAMED \
--add-opens=java.base/sun.util.calendar=ALL-UNNAMED -Djdk.reflect.useDirectMethodHandle=false"

# Quiet: a missing or refused archive is not worth a warning on every load (it only costs speed).
TFWH_CDS_QUIET="-Xlog:cds=off -Xlog:cds+dynamic=off"

tfwh_spark_java() {
  export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"
  local opts archive
  opts="$(tfwh_spark_opts)"
  tfwh_build
  if [[ "${TFWH_CDS:-1}" == 1 ]]; then
    archive="$(tfwh_class_data_archive "$1" "$opts")"
    [[ -f "$archive" ]] && opts="$opts -XX:SharedArchiveFile=$archive $TFWH_CDS_QUIET"
  fi
  # Built just above: no second look for changed sources.
  TFWH_SKIP_BUILD=1 tfwh_java_with "$opts" "$@"
}

# A load's JVM lives seconds to minutes on few cores, and C2's compiles take a core from it (a JFR
# recording of a 20 s incremental load showed 19,000 methods compiled in 28 s of CPU on 2 cores).
# With C1 alone, measured on 2 cores: incremental quarter 22 -> 14.5 s, scale 1 46.7 -> 34.6 s,
# scale 10 91 -> 126 s (docs/benchmarks.md). TFWH_JIT=full brings C2 back for very large loads.
tfwh_spark_jit() {
  case "${TFWH_JIT:-quick}" in
    quick) echo "-XX:TieredStopAtLevel=1" ;;
    full) echo "" ;;
    *) echo "tfwh: TFWH_JIT must be quick or full, not ${TFWH_JIT}" >&2; return 2 ;;
  esac
}

# The load's classes outside the class-data archive fill about 20 MiB of metaspace, just past the
# JVM's first threshold (about 21 MiB), so a GC cycle (a pause, then a concurrent mark of the whole
# heap) ran at the end of every incremental load only to find the classes still in use (GC log,
# docs/benchmarks.md). A first threshold of 64 MiB leaves that to loads that really grow.
tfwh_spark_opts() {
  local jit
  jit="$(tfwh_spark_jit)" || return 2
  echo "-Xmx${TFWH_SPARK_HEAP:-3g} -XX:MetaspaceSize=64m $jit $TFWH_SPARK_OPENS -Duser.timezone=UTC -Dfile.encoding=UTF-8 -Dtfwh.root.dir=$ROOT"
}

# The class-data archive (AppCDS) of a Spark module's current build: a load's JVM loads about
# 20,000 classes, and parsing and verifying them is about a third of a short incremental load's CPU.
# Named by the options and the size and time of the java binary and of every classpath entry, so a
# rebuild or another JDK needs a new one (the JVM would refuse a stale archive anyway, so the name
# only has to tell builds apart; no JVM is started to compute it). Recorded by `./tfwh warm-up`.
tfwh_class_data_archive() {
  local module="$1" opts="$2" classpath key
  classpath="$(tfwh_classpath "$module")"
  # shellcheck disable=SC2086
  key="$({ echo "$opts"; IFS=':' && stat -L -c '%n %s %Y' "$(command -v java)" $classpath 2>&1; } \
    | sha256sum | cut -c1-16)"
  echo "$ROOT/target/cds/$(basename "$module")-$key.jsa"
}

# ./tfwh warm-up: records the load's class-data archive by loading the contract's examples into a
# throw-away warehouse, the JVM writing the classes it loaded as it exits (which takes a while:
# about 170 MB). Checked with java -Xshare:on before it is put in place, so a torn or refused
# archive is never used. Run once after each build or deployment; loads work without it.
tfwh_warm_up() {
  export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"
  tfwh_build
  local module=etl/spark opts archive classpath work start
  opts="$(tfwh_spark_opts)"
  archive="$(tfwh_class_data_archive "$module" "$opts")"
  if [[ -f "$archive" ]]; then
    echo "tfwh warm-up: the class-data archive of this build is in place: $archive"
    return 0
  fi
  classpath="$(tfwh_classpath "$module")"
  mkdir -p "$(dirname "$archive")"
  # Archives of earlier builds are dead weight.
  find "$(dirname "$archive")" -maxdepth 1 -name "$(basename "$module")-*.jsa*" -delete 2>/dev/null || true
  work="$(mktemp -d)"
  start=$(date +%s)
  # shellcheck disable=SC2086
  if ! java $opts -XX:ArchiveClassesAtExit="$archive.$$.tmp" $TFWH_CDS_QUIET -cp "$classpath" \
    uk.gov.tfwh.etl.LoadCommand --landing "$ROOT/contract/examples" --warehouse "$work/warehouse" \
    >"$work/load.log" 2>&1; then
    echo "tfwh warm-up: the warm-up load failed; see $work/load.log" >&2
    rm -f "$archive.$$.tmp"
    return 1
  fi
  # shellcheck disable=SC2086
  if java -Xshare:on -XX:SharedArchiveFile="$archive.$$.tmp" $TFWH_CDS_QUIET $opts -cp "$classpath" -version \
    >/dev/null 2>&1; then
    mv -f "$archive.$$.tmp" "$archive"
    rm -rf "$work"
    echo "tfwh warm-up: class-data archive recorded in $(($(date +%s) - start)) s:" \
      "$archive ($(($(stat -c %s "$archive") / 1048576)) MiB)"
  else
    rm -f "$archive.$$.tmp"
    echo "tfwh warm-up: the JVM refused the recorded archive; loads run without one" >&2
    return 1
  fi
}

# The seed-1 sample for a benchmark: generated into DIR/landing (with any further generate
# options, such as --scale 10), loaded into DIR/warehouse and published, with their logs in DIR.
# A published warehouse already there is kept, so a benchmark run again measures at once.
tfwh_sample() {
  local dir="$1"
  shift
  # DIR/published marks it done, whichever store the warehouse is (the Iceberg store by default).
  [[ -f "$dir/published" ]] && return 0
  rm -rf "$dir" && mkdir -p "$dir"
  echo "== preparing the seed-1 sample in $dir (generate${*:+ $*}, load, publish)"
  "$ROOT/tfwh" generate --out "$dir/landing" --seed 1 "$@" >"$dir/generate.log" 2>&1
  "$ROOT/tfwh" load --landing "$dir/landing" --warehouse "$dir/warehouse" >"$dir/load.log" 2>&1
  "$ROOT/tfwh" publish --warehouse "$dir/warehouse" --current >>"$dir/load.log" 2>&1
  touch "$dir/published"
}
