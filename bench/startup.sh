#!/usr/bin/env bash
# CLI start-up: `hotfix list` on an empty log, in a new JVM each time: plain `java -jar` against the `./hotfix`
# launcher (class-data archive, quick JIT tier). Usage: bench/startup.sh [runs=5]
set -euo pipefail
cd "$(dirname "$0")/.."
./hotfix --version >/dev/null   # builds the jar and the archive when needed
runs="${1:-5}"
data="$(mktemp -d)"
trap 'rm -rf "$data"' EXIT
time_ms() {
  local s e
  s=$(date +%s%N)
  env -u HOTFIX_DB_URL -u HOTFIX_SERVER HOTFIX_DATA_DIR="$data" "$@" >/dev/null 2>&1
  e=$(date +%s%N)
  echo $(( (e - s) / 1000000 ))
}
echo "# CLI start-up, \`hotfix list\` on an empty log; $(nproc) cores; $(java -version 2>&1 | head -1)"
echo
echo "| run | java -jar target/hotfix.jar ms | ./hotfix ms |"
echo "|---:|---:|---:|"
for i in $(seq 1 "$runs"); do
  echo "| $i | $(time_ms java -jar target/hotfix.jar list) | $(time_ms ./hotfix list) |"
done
