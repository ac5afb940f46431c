#!/usr/bin/env bash
# ./tfwh test: every test, as CI runs it. Unit and integration tests run in `mvn verify`; the Trino
# integration tests run in the same build (the `trino-it` profile is on unless -DskipTrino).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
if [[ "${1:-}" == "--help" || "${1:-}" == "-h" ]]; then
  echo "Usage: ./tfwh test [extra maven arguments]   runs every test (mvn verify) as CI does"
  exit 0
fi
cd "$ROOT"
exec mvn -B verify "$@"
