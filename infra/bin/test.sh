#!/usr/bin/env bash
# ./tfwh test: every test, as CI runs it. Unit tests run in surefire and the integration tests (a
# real Trino, a standalone Spark cluster) in failsafe, both in `mvn verify` (-DskipITs leaves out the latter).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
if [[ "${1:-}" == "--help" || "${1:-}" == "-h" ]]; then
  echo "Usage: ./tfwh test [extra maven arguments]   runs every test (mvn verify) as CI does"
  exit 0
fi
cd "$ROOT"
"$ROOT/infra/bin/test-prerequisites.sh"
exec mvn -B verify "$@"
