#!/usr/bin/env bash
# The same CLI command through two checkouts' launchers, run after run, interleaved: a change against its
# baseline in one run, so this shared machine's drift hits both alike. Each import goes into a fresh log.
# Usage: bench/compare.sh BASELINE_DIR [runs=5] [LOG.md]
#   BASELINE_DIR: another checkout, e.g. `git worktree add /tmp/base 47d295b`
#   LOG.md: a Markdown log to import; without it, `hotfix list` on an empty log is timed.
set -euo pipefail
cd "$(dirname "$0")/.."
base="$(cd "${1:?usage: bench/compare.sh BASELINE_DIR [runs=5] [LOG.md]}" && pwd)"
runs="${2:-5}"
log="${3:-}"
[ -z "$log" ] || log="$(cd "$(dirname "$log")" && pwd)/$(basename "$log")"
./hotfix --version >/dev/null            # builds the jars and their archives when needed
"$base/hotfix" --version >/dev/null
data="$(mktemp -d)"
trap 'rm -rf "$data"' EXIT
run_ms() {
  local launcher="$1" dir s e
  dir="$data/$RANDOM$RANDOM"
  mkdir -p "$dir"
  s=$(date +%s%N)
  if [ -n "$log" ]; then
    env -u HOTFIX_DB_URL -u HOTFIX_SERVER HOTFIX_DATA_DIR="$dir" "$launcher" import "$log" >/dev/null 2>&1
  else
    env -u HOTFIX_DB_URL -u HOTFIX_SERVER HOTFIX_DATA_DIR="$dir" "$launcher" list >/dev/null 2>&1
  fi
  e=$(date +%s%N)
  echo $(( (e - s) / 1000000 ))
}
what="list"
[ -z "$log" ] || what="import $(basename "$log")"
echo "# \`hotfix $what\`: $(git log -1 --format=%h) against $(git -C "$base" log -1 --format=%h); $(nproc) cores"
echo
echo "| run | baseline ms | this checkout ms | ratio |"
echo "|---:|---:|---:|---:|"
for i in $(seq 1 "$runs"); do
  b=$(run_ms "$base/hotfix")
  t=$(run_ms ./hotfix)
  echo "| $i | $b | $t | $(awk -v t="$t" -v b="$b" 'BEGIN { printf "%.2f", t / b }') |"
done
