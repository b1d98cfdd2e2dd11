#!/usr/bin/env bash
# A Markdown import into a log whose metrics were looked at: `hotfix metrics` over ten years keeps every
# month (metrics_month), and each row an import inserts runs triggers that forget the months it can move.
# Each run times `hotfix import LOG.md` through the launcher into a fresh log without kept months, then into
# a fresh log with them, and prints the ratio: what the kept months cost the import.
# Usage: bench/kept-months.sh LOG.md [runs=5]   (LOG.md: e.g. the log.md bench/markdown.sh writes)
set -euo pipefail
cd "$(dirname "$0")/.."
log="$(cd "$(dirname "${1:?usage: bench/kept-months.sh LOG.md [runs=5]}")" && pwd)/$(basename "$1")"
runs="${2:-5}"
./hotfix --version >/dev/null            # builds the jar and its archive when needed
data="$(mktemp -d)"
trap 'rm -rf "$data"' EXIT
import_ms() {
  local dir="$1" s e
  s=$(date +%s%N)
  env -u HOTFIX_DB_URL -u HOTFIX_SERVER HOTFIX_DATA_DIR="$dir" ./hotfix import "$log" >/dev/null 2>&1
  e=$(date +%s%N)
  echo $(( (e - s) / 1000000 ))
}
to="$(date -u +%Y-%m)"
echo "# \`hotfix import $(basename "$log")\` without and with ten years of kept metrics months; $(git log -1 --format=%h); $(nproc) cores"
echo
echo "| run | no kept months ms | kept months ms | ratio |"
echo "|---:|---:|---:|---:|"
for i in $(seq 1 "$runs"); do
  plain="$data/plain-$i"
  kept="$data/kept-$i"
  mkdir -p "$plain" "$kept"
  env -u HOTFIX_DB_URL -u HOTFIX_SERVER HOTFIX_DATA_DIR="$kept" ./hotfix metrics --from 2016-01 --to "$to" \
    >/dev/null 2>&1
  a=$(import_ms "$plain")
  b=$(import_ms "$kept")
  echo "| $i | $a | $b | $(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.2f", b / a }') |"
done
