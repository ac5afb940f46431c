#!/usr/bin/env bash
# ./tfwh bench <name>: runs one benchmark and prints its figures. Benchmarks live in bench/<name>.sh;
# results are recorded by hand, with the machine, in docs/benchmarks.md.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# What a benchmark measures: the first sentence of its script's header comment, after the name.
summary() {
  awk 'NR == 1 { next } /^#( |$)/ { sub(/^# ?/, ""); if ($0 == "") exit; text = text " " $0; next } { exit }
    END { sub(/^ *\.\/tfwh bench [a-z-]*: */, "", text); n = index(text, ". "); if (n) text = substr(text, 1, n);
          print text }' "$1"
}
usage() {
  echo "Usage: ./tfwh bench <name> [options]   (./tfwh bench <name> --help for its options)"
  echo
  echo "Benchmarks (figures are printed; record them with the machine in docs/benchmarks.md):"
  local script
  for script in "$ROOT"/bench/*.sh; do
    [[ -e "$script" ]] || continue
    printf '  %-12s ' "$(basename "$script" .sh)"
    summary "$script" | fold -s -w 84 | sed -e '2,$s/^/               /' -e 's/ *$//'
  done
  return 0
}
name="${1:-}"
case "$name" in
  "" ) usage >&2; exit 2 ;;
  -h | --help) usage; exit 0 ;;
esac
shift
script="$ROOT/bench/$name.sh"
if [[ ! -x "$script" ]]; then
  echo "tfwh bench: unknown benchmark '$name'" >&2
  usage >&2
  exit 2
fi
# Every benchmark runs on the store every ./tfwh command defaults to (the Iceberg store); those
# with --store or --stores also measure the legacy folder store beside it.
exec "$script" "$@"
