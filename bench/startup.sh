#!/usr/bin/env bash
# CLI start-up, each run in a new JVM, against the JVM's own start-up floor in the same run.
# The everyday commands (new, list, show, set, mark) through the ./hotfix launcher (on a JDK 25+ its AOT cache,
# else the class-data archive; quick JIT tier, serial collector), the same with a plain `java -jar`, and the
# floor: `java -version` of the JVM the launcher runs. Interleaved, so a busy moment hits them all alike.
# Usage: bench/startup.sh [runs=7] [LOG.md]   (with a log: also `hotfix import` of it into a fresh log)
set -euo pipefail
cd "$(dirname "$0")/.."
./hotfix --version >/dev/null   # builds the jar and the cache or archive when needed
runs="${1:-7}"
log="${2:-}"
data="$(mktemp -d)"
trap 'rm -rf "$data"' EXIT
# The JVM the launcher picks (it prints nothing; ask it the same way it decides).
launcher_java="$(HOTFIX_JAVA_OPTS=-XshowSettings:properties ./hotfix --version 2>&1 | sed -n 's/^ *java.home = //p')"
floor_java="${launcher_java:+$launcher_java/bin/java}"
floor_java="${floor_java:-java}"
time_ms() {
  local dir="$1" s e
  shift
  s=$(date +%s%N)
  env -u HOTFIX_DB_URL -u HOTFIX_SERVER HOTFIX_DATA_DIR="$dir" HOTFIX_ACTOR=bench "$@" >/dev/null 2>&1
  e=$(date +%s%N)
  echo $(( (e - s) / 1000000 ))
}
fresh() { local d; d="$data/$RANDOM$RANDOM"; mkdir -p "$d"; echo "$d"; }
log_dir="$(fresh)"
./hotfix --version >/dev/null
env HOTFIX_DATA_DIR="$log_dir" HOTFIX_ACTOR=bench ./hotfix new --title "Bench seed" --severity high >/dev/null
echo "# CLI start-up; $(nproc) cores; launcher JVM: $("$floor_java" -version 2>&1 | head -1)"
echo
echo "| run | floor: java -version ms | command | ./hotfix ms | ratio to floor | java -jar ms |"
echo "|---:|---:|---|---:|---:|---:|"
declare -A sum
for i in $(seq 1 "$runs"); do
  for cmd in "new --title Bench --severity medium" "list" "show 1" "set 1 owner=Bench" "mark 1 alerted"; do
    floor=$(time_ms "$log_dir" "$floor_java" -Xshare:auto -version)
    # shellcheck disable=SC2086
    fast=$(time_ms "$log_dir" ./hotfix $cmd)
    # shellcheck disable=SC2086
    plain=$(time_ms "$log_dir" java -jar target/hotfix.jar $cmd)
    name="${cmd%% *}"
    [ "$name" = mark ] && env HOTFIX_DATA_DIR="$log_dir" ./hotfix set 1 alertedAt= >/dev/null 2>&1 || true
    echo "| $i | $floor | $name | $fast | $(awk -v a="$fast" -v b="$floor" 'BEGIN { printf "%.1f", a / b }') | $plain |"
  done
  if [ -n "$log" ]; then
    echo "| $i | | import $(basename "$log") | $(time_ms "$(fresh)" ./hotfix import "$log") | |" \
         "$(time_ms "$(fresh)" java -jar target/hotfix.jar import "$log") |"
  fi
done
