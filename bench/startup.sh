#!/usr/bin/env bash
# CLI start-up, each run in a new JVM: plain `java -jar` against the `./hotfix` launcher (class-data archive,
# quick JIT tier, serial collector). `hotfix list` on an empty log; with a Markdown log as second argument,
# also `hotfix import` of it into a fresh log. Usage: bench/startup.sh [runs=5] [LOG.md]
set -euo pipefail
cd "$(dirname "$0")/.."
./hotfix --version >/dev/null   # builds the jar and the archive when needed
runs="${1:-5}"
log="${2:-}"
data="$(mktemp -d)"
trap 'rm -rf "$data"' EXIT
time_ms() {
  local dir="$1" s e
  shift
  s=$(date +%s%N)
  env -u HOTFIX_DB_URL -u HOTFIX_SERVER HOTFIX_DATA_DIR="$dir" "$@" >/dev/null 2>&1
  e=$(date +%s%N)
  echo $(( (e - s) / 1000000 ))
}
fresh() { local d; d="$data/$RANDOM$RANDOM"; mkdir -p "$d"; echo "$d"; }
echo "# CLI start-up; $(nproc) cores; $(java -version 2>&1 | head -1)"
echo
echo "| run | command | java -jar target/hotfix.jar ms | ./hotfix ms |"
echo "|---:|---|---:|---:|"
for i in $(seq 1 "$runs"); do
  echo "| $i | list | $(time_ms "$data" java -jar target/hotfix.jar list) | $(time_ms "$data" ./hotfix list) |"
  if [ -n "$log" ]; then
    echo "| $i | import $(basename "$log") | $(time_ms "$(fresh)" java -jar target/hotfix.jar import "$log") |" \
         "$(time_ms "$(fresh)" ./hotfix import "$log") |"
  fi
done
