#!/usr/bin/env bash
# ./tfwh trino start|stop|status [--port N] [--data DIR] [--warehouse DIR [--catalog FILE]]
#
# A single-node Trino on 127.0.0.1 over the local warehouse: the Iceberg catalog the load and the
# API use (with --warehouse; the settings mapped by TrinoCatalogCommand). A folder-store warehouse
# is refused, naming ./tfwh migrate --from-snapshots. Its file-based access control
# (etc/rules.json) lets only the user tfwh (the API, publish --trino) read the warehouse tables and
# the current release; everyone else reads <catalog>.published. start
# fetches io.trino:trino-server (tar.gz) into the local Maven repository when missing, unpacks it
# under var/trino/, writes the configuration from infra/trino/etc into DIR/etc, starts the server
# with a JDK new enough for it and waits until it is ready.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
TRINO_VERSION="${TFWH_TRINO_VERSION:-476}"
# Trino 476's classes are Java 24 bytecode and it refuses older runtimes.
TRINO_MIN_JAVA=24
INSTALL_BASE="$ROOT/var/trino"
INSTALL="$INSTALL_BASE/trino-server-$TRINO_VERSION"
# Only the connectors tfwh uses are unpacked: Trino starts faster with fewer plugins.
PLUGINS="${TFWH_TRINO_PLUGINS:-tpch iceberg}"
READY_TIMEOUT="${TFWH_TRINO_READY_TIMEOUT:-180}"

usage() {
  cat <<'USAGE'
Usage: ./tfwh trino start|stop|status [--port N] [--data DIR] [--warehouse DIR [--catalog FILE]]

  start    fetch Trino when missing, start it on 127.0.0.1 and wait until it is ready
  stop     stop the server started with the same --data
  status   say whether it runs and is ready

  --port N          HTTP port (default 8090; the API uses 8080)
  --data DIR        node data, configuration and logs (default var/trino/data)
  --warehouse DIR   also serve the warehouse's Iceberg catalog (tables tfwh.warehouse.<table>)
  --catalog FILE    its catalog settings (default TFWH_CATALOG, else the embedded SQLite catalog
                    DIR/catalog.db); a password stays in the variable the file names. Repeat it
                    to serve several catalogs (each file its own tfwh.catalog.name)

Environment: TFWH_TRINO_JAVA_HOME (a JDK >= 24 to run Trino with), TFWH_TRINO_PLUGINS, TFWH_CATALOG.
USAGE
}

die() {
  echo "tfwh trino: $*" >&2
  exit 1
}

command="${1:-}"
[[ $# -gt 0 ]] && shift
PORT=""
DATA="$INSTALL_BASE/data"
WAREHOUSE=""
CATALOGS=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --port) PORT="${2:?--port needs a number}"; shift 2 ;;
    --port=*) PORT="${1#--port=}"; shift ;;
    --data) DATA="${2:?--data needs a folder}"; shift 2 ;;
    --data=*) DATA="${1#--data=}"; shift ;;
    --warehouse) WAREHOUSE="${2:?--warehouse needs a folder}"; shift 2 ;;
    --warehouse=*) WAREHOUSE="${1#--warehouse=}"; shift ;;
    --catalog) CATALOGS+=("${2:?--catalog needs a file}"); shift 2 ;;
    --catalog=*) CATALOGS+=("${1#--catalog=}"); shift ;;
    -h | --help) usage; exit 0 ;;
    *) echo "tfwh trino: unknown option '$1'" >&2; usage >&2; exit 2 ;;
  esac
done
case "$command" in
  start | stop | status) ;;
  -h | --help | help) usage; exit 0 ;;
  *) echo "tfwh trino: say start, stop or status" >&2; usage >&2; exit 2 ;;
esac
if [[ ${#CATALOGS[@]} -gt 0 && -z "$WAREHOUSE" && "$command" == start ]]; then
  echo "tfwh trino: --catalog needs --warehouse (the folder the catalog's defaults are relative to)" >&2
  exit 2
fi
if [[ -n "$PORT" && ! "$PORT" =~ ^[0-9]+$ ]]; then
  echo "tfwh trino: --port must be a number, not '$PORT'" >&2
  exit 2
fi
mkdir -p "$DATA"
DATA="$(cd "$DATA" && pwd)"
PID_FILE="$DATA/trino.pid"
PORT_FILE="$DATA/port"
if [[ -z "$PORT" ]]; then
  PORT="$(cat "$PORT_FILE" 2>/dev/null || echo 8090)"
fi

java_major() {
  # Prints the feature version of the java binary given, such as 17 or 25.
  "$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}' | cut -d. -f1
}

find_java_home() {
  local candidates=()
  [[ -n "${TFWH_TRINO_JAVA_HOME:-}" ]] && candidates+=("$TFWH_TRINO_JAVA_HOME")
  [[ -n "${JAVA_HOME:-}" ]] && candidates+=("$JAVA_HOME")
  local dir
  for dir in /usr/lib/jvm/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/*; do
    [[ -d "$dir" ]] && candidates+=("$dir")
  done
  local best="" best_major=0 home major
  for home in "${candidates[@]}"; do
    [[ -x "$home/bin/java" ]] || continue
    major="$(java_major "$home/bin/java" || echo 0)"
    if [[ "$major" =~ ^[0-9]+$ ]] && ((major >= TRINO_MIN_JAVA && major > best_major)); then
      best="$home"
      best_major="$major"
    fi
  done
  echo "$best"
}

tarball_path() {
  local repo
  repo="$(mvn -B -q help:evaluate -Dexpression=settings.localRepository -DforceStdout 2>/dev/null || true)"
  [[ -d "$repo" ]] || repo="$HOME/.m2/repository"
  echo "$repo/io/trino/trino-server/$TRINO_VERSION/trino-server-$TRINO_VERSION.tar.gz"
}

# The tarball's members to extract (files only, one a line): with "base", everything outside
# plugin/; then every file of the plugins named. The tarball stores a jar shared between plugins
# once and the other copies as hard links to it (451 in plugin/iceberg alone, into lib/,
# delta-lake/, hive/ ...), and tar can only make a link to a file it extracts too, so the files
# the links point at are listed as well (docs/design/iceberg.md, 5.11).
members() {
  local listing="$1" base="$2"
  shift 2
  awk -v top="trino-server-$TRINO_VERSION/" -v base="$base" -v plugins="$*" '
    BEGIN { n = split(plugins, p, " "); for (i = 1; i <= n; i++) wanted[top "plugin/" p[i] "/"] = 1 }
    $1 ~ /^d/ { next }
    {
      name = $6
      keep = (base == "base" && index(name, top "plugin/") != 1)
      if (match(name, /^[^\/]+\/plugin\/[^\/]+\//) && (substr(name, 1, RLENGTH) in wanted)) keep = 1
      if (!keep) next
      if ($1 ~ /^h/ && $7 == "link" && $8 == "to") print $9
      print name
    }' "$listing" | awk '!seen[$0]++'
}

# Extracts the members for these plugins (and, with "base", the server itself) into a staging
# folder and prints that folder. Other plugins' folders in it hold only link targets.
stage() {
  local tarball="$1" base="$2"
  shift 2
  local staging="$INSTALL_BASE/.unpack-$$"
  rm -rf "$staging"
  mkdir -p "$staging"
  tar -tvzf "$tarball" >"$staging/listing" || die "could not read $tarball"
  members "$staging/listing" "$base" "$@" >"$staging/members"
  tar -xzf "$tarball" -C "$staging" -T "$staging/members" || die "could not unpack $tarball"
  echo "$staging"
}

fetch_and_unpack() {
  local plugin missing=()
  for plugin in $PLUGINS; do
    [[ -d "$INSTALL/plugin/$plugin" ]] || missing+=("$plugin")
  done
  # An install unpacked with more plugins (hive, before Trino served the Iceberg store only) keeps
  # only the wanted ones: every plugin folder is loaded at start-up. The others' files that wanted
  # plugins link to stay, as the links are names of the same files.
  local dir keep
  for dir in "$INSTALL/plugin"/*; do
    [[ -d "$dir" ]] || continue
    keep=0
    for plugin in $PLUGINS; do
      [[ "$(basename "$dir")" == "$plugin" ]] && keep=1
    done
    ((keep)) || rm -rf "$dir"
  done
  [[ -x "$INSTALL/bin/launcher" && ${#missing[@]} -eq 0 ]] && return 0
  local tarball
  tarball="$(tarball_path)"
  if [[ ! -f "$tarball" ]]; then
    echo "tfwh trino: fetching io.trino:trino-server:$TRINO_VERSION:tar.gz from Maven Central (about 800 MB)..." >&2
    mvn -B -q dependency:get -Dartifact="io.trino:trino-server:$TRINO_VERSION:tar.gz" -Dtransitive=false >&2 \
      || die "could not fetch io.trino:trino-server:$TRINO_VERSION:tar.gz with Maven (is Maven Central reachable?)"
  fi
  local staging server
  if [[ ! -x "$INSTALL/bin/launcher" ]]; then
    echo "tfwh trino: unpacking Trino $TRINO_VERSION into $INSTALL (plugins: $PLUGINS)..." >&2
    # shellcheck disable=SC2086
    staging="$(stage "$tarball" base $PLUGINS)"
    server="$staging/trino-server-$TRINO_VERSION"
    local plugin_dir keep
    for plugin_dir in "$server/plugin"/*; do
      keep=0
      for plugin in $PLUGINS; do
        [[ "$(basename "$plugin_dir")" == "$plugin" ]] && keep=1
      done
      ((keep)) || rm -rf "$plugin_dir"
    done
    # A rename, so an interrupted unpack never looks like a complete install.
    mv "$server" "$INSTALL"
  else
    echo "tfwh trino: adding the plugins ${missing[*]} to $INSTALL..." >&2
    staging="$(stage "$tarball" plugins "${missing[@]}")"
    for plugin in "${missing[@]}"; do
      mv "$staging/trino-server-$TRINO_VERSION/plugin/$plugin" "$INSTALL/plugin/$plugin"
    done
  fi
  rm -rf "$staging"
}

write_config() {
  rm -rf "$DATA/etc"
  mkdir -p "$DATA/etc/catalog" "$DATA/log"
  local file
  for file in node.properties config.properties jvm.config log.properties access-control.properties rules.json catalog/tpch.properties; do
    sed -e "s|@PORT@|$PORT|g" -e "s|@DATA@|$DATA|g" "$HERE/etc/$file" >"$DATA/etc/$file"
  done
  [[ -n "$WAREHOUSE" ]] && write_iceberg_catalog
  return 0
}

# The warehouse's Iceberg catalog, mapped from the same catalog settings the load and the API read
# by TrinoCatalogCommand (one mapping, in Java), and the SQLite driver Trino's iceberg plugin lacks
# (it ships PostgreSQL's).
write_iceberg_catalog() {
  export TFWH_ROOT="$ROOT"
  # shellcheck source=../bin/common.sh
  source "$ROOT/infra/bin/common.sh"
  tfwh_build
  local classpath sqlite
  classpath="$(tfwh_classpath warehouse/query)"
  local args=(--warehouse "$WAREHOUSE" --out "$DATA/etc/catalog") catalog
  for catalog in "${CATALOGS[@]}"; do
    args+=(--catalog "$catalog")
  done
  # The command says why in one line when it refuses (a folder-store warehouse, an unset secret).
  java -cp "$classpath" uk.gov.tfwh.warehouse.query.trino.TrinoCatalogCommand "${args[@]}" >&2 ||
    exit 1
  sqlite="$(tr ':' '\n' <<<"$classpath" | grep '/sqlite-jdbc-[^/]*\.jar$' | head -n 1)"
  [[ -f "$sqlite" ]] || die "no sqlite-jdbc jar on warehouse/query's classpath"
  if [[ ! -f "$INSTALL/plugin/iceberg/$(basename "$sqlite")" ]]; then
    [[ -d "$INSTALL/plugin/iceberg" ]] || die "the iceberg plugin is not installed (TFWH_TRINO_PLUGINS)"
    rm -f "$INSTALL/plugin/iceberg"/sqlite-jdbc-*.jar
    cp "$sqlite" "$INSTALL/plugin/iceberg/"
  fi
}

running_pid() {
  local pid
  pid="$(cat "$PID_FILE" 2>/dev/null || true)"
  if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
    echo "$pid"
  fi
}

info() {
  curl -s --max-time 2 "http://127.0.0.1:$PORT/v1/info" 2>/dev/null || true
}

# True once a query that must run on a node answers without an error. Trino reports it has started
# before its node has announced its catalogs to the scheduler, and a query sent in between fails
# with "No nodes available to run query"; a TPC-H scan is scheduled like any warehouse query.
schedulable() {
  local body uri
  body="$(curl -s --max-time 5 -X POST -H 'X-Trino-User: tfwh' \
    --data 'SELECT count(*) FROM tpch.tiny.region' "http://127.0.0.1:$PORT/v1/statement" 2>/dev/null)" ||
    return 1
  for _ in $(seq 1 100); do
    [[ "$body" == *'"error"'* || -z "$body" ]] && return 1
    uri="$(grep -o '"nextUri":"[^"]*"' <<<"$body" | head -n 1 | cut -d'"' -f4)"
    [[ -z "$uri" ]] && return 0
    sleep 0.1
    body="$(curl -s --max-time 5 -H 'X-Trino-User: tfwh' "$uri" 2>/dev/null)" || return 1
  done
  return 1
}

launcher() {
  "$INSTALL/bin/launcher" "$1" --etc-dir="$DATA/etc" --data-dir="$DATA" --pid-file="$PID_FILE" \
    --launcher-log-file="$DATA/log/launcher.log" --server-log-file="$DATA/log/server.log"
}

case "$command" in
  start)
    if [[ -n "$(running_pid)" ]]; then
      echo "tfwh trino: already running (pid $(running_pid)) on http://127.0.0.1:$PORT"
      exit 0
    fi
    java_home="$(find_java_home)"
    if [[ -z "$java_home" ]]; then
      die "Trino $TRINO_VERSION needs a JDK $TRINO_MIN_JAVA or newer (its classes are Java $TRINO_MIN_JAVA bytecode); none found in TFWH_TRINO_JAVA_HOME, JAVA_HOME or /usr/lib/jvm. Install one (e.g. Temurin 25) beside the project's JDK 17 and set TFWH_TRINO_JAVA_HOME."
    fi
    fetch_and_unpack
    write_config
    echo "$PORT" >"$PORT_FILE"
    echo "tfwh trino: starting Trino $TRINO_VERSION with $java_home on http://127.0.0.1:$PORT (data $DATA)" >&2
    mkdir -p "$DATA/log"
    # The launcher's own output is kept: when it fails before Trino logs anything, it says why.
    JAVA_HOME="$java_home" PATH="$java_home/bin:$PATH" launcher start >"$DATA/log/launcher-start.out" 2>&1 ||
      true
    deadline=$((SECONDS + READY_TIMEOUT))
    while ((SECONDS < deadline)); do
      if [[ "$(info)" == *'"starting":false'* ]] && schedulable; then
        echo "tfwh trino: ready on http://127.0.0.1:$PORT (jdbc:trino://127.0.0.1:$PORT)"
        exit 0
      fi
      if [[ -z "$(running_pid)" ]]; then
        tail -n 30 "$DATA/log/server.log" >&2 2>/dev/null || true
        tail -n 30 "$DATA/log/launcher-start.out" >&2 2>/dev/null || true
        die "Trino exited while starting; the log is $DATA/log/server.log"
      fi
      sleep 1
    done
    die "Trino did not become ready within ${READY_TIMEOUT}s; the log is $DATA/log/server.log"
    ;;
  stop)
    pid="$(running_pid)"
    if [[ -z "$pid" ]]; then
      echo "tfwh trino: not running"
      exit 0
    fi
    kill "$pid"
    for _ in $(seq 1 30); do
      kill -0 "$pid" 2>/dev/null || { echo "tfwh trino: stopped"; rm -f "$PID_FILE"; exit 0; }
      sleep 1
    done
    kill -9 "$pid" 2>/dev/null || true
    rm -f "$PID_FILE"
    echo "tfwh trino: killed (it did not stop within 30 s)"
    ;;
  status)
    pid="$(running_pid)"
    if [[ -z "$pid" ]]; then
      echo "tfwh trino: not running"
      exit 3
    fi
    if [[ "$(info)" == *'"starting":false'* ]]; then
      echo "tfwh trino: running (pid $pid), ready on http://127.0.0.1:$PORT"
    else
      echo "tfwh trino: running (pid $pid), starting on http://127.0.0.1:$PORT"
    fi
    ;;
esac
