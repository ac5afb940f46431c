#!/usr/bin/env bash
# The Debian packages the tests need beyond a JDK and Maven, installed when missing: by ./tfwh test
# (so that a fresh machine with only a JDK and Maven runs every test) and by .ci/run. One list, so
# the two never differ. Installs only where it can without asking (root, or sudo without a
# password); otherwise says which packages to install and stops before a build that would fail.
set -euo pipefail

need=()
# Browser tests (dashboards) drive Debian's Chromium; unzip is used by the launcher.
command -v chromium >/dev/null || need+=(chromium)
command -v chromedriver >/dev/null || need+=(chromium-driver)
command -v unzip >/dev/null || need+=(unzip)
# The Iceberg catalog's tests start a real PostgreSQL server on loopback (LocalPostgres, which
# runs Debian's /usr/lib/postgresql/<version>/bin/initdb and pg_ctl).
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || need+=(postgresql)
# The multi-host tests (infra, MultiHostIT) make their hosts with iproute2's `ip netns`.
command -v ip >/dev/null || need+=(iproute2)
# The OpenAPI document is linted with Redocly and Spectral from the npm registry (OpenApiLintTest).
command -v npm >/dev/null || need+=(npm)

((${#need[@]} == 0)) && exit 0

sudo=""
if [[ $(id -u) -ne 0 ]]; then
  if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    sudo="sudo"
  else
    sudo="unavailable"
  fi
fi
if [[ "$sudo" == "unavailable" ]] || ! command -v apt-get >/dev/null; then
  echo "tfwh test: the tests need packages this machine lacks: ${need[*]}" >&2
  echo "  on Debian or Ubuntu: sudo apt-get install --no-install-recommends ${need[*]}" >&2
  exit 1
fi
echo "tfwh test: installing ${need[*]} (for the browser, catalog, multi-host and OpenAPI tests)"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}"
