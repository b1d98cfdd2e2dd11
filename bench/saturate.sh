#!/usr/bin/env bash
# Contention under a saturated CPU (issue 31): one busy-loop process per core for the whole run, and the
# concurrent-create tests run N times in a row on top of them. Prints each run's result and the pass/fail counts.
# A create must end 201 (or 503 with Retry-After), never 500, with unique ids, however loaded the machine is.
# The busy loops are bounded in time (SATURATE_MAX_SECONDS, default 3600) and killed when the script ends.
# Usage: bench/saturate.sh [runs=20] [tests=ConcurrentCreateTest,TwoProcessCreateTest]
# PostgreSQL's half of the tests runs when HOTFIX_TEST_PG_URL is set.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-20}"
tests="${2:-ConcurrentCreateTest,TwoProcessCreateTest}"
max_seconds="${SATURATE_MAX_SECONDS:-3600}"
cores="$(nproc)"
loops=()
stop_loops() {
  for p in "${loops[@]}"; do kill "$p" 2>/dev/null || true; done
}
trap stop_loops EXIT
trap 'exit 130' INT TERM
# Compile first, unloaded: the runs measure the tests, not the compiler.
mvn -o -q -B -Dstyle.color=never test-compile
for _ in $(seq 1 "$cores"); do
  timeout "$max_seconds" sh -c 'while :; do :; done' &
  loops+=("$!")
done
echo "# $runs runs of $tests with $cores busy loops (one per core); load before: $(cut -d' ' -f1-3 /proc/loadavg)"
passed=0
failed=0
for i in $(seq 1 "$runs"); do
  start=$(date +%s)
  if mvn -o -q -B -Dstyle.color=never test -Dtest="$tests" -Dsurefire.failIfNoSpecifiedTests=false \
      >"target/saturate-run-$i.log" 2>&1; then
    passed=$((passed + 1))
    result=pass
  else
    failed=$((failed + 1))
    result="FAIL (target/saturate-run-$i.log, target/surefire-reports)"
    mkdir -p "target/saturate-failed-$i" && cp target/surefire-reports/*.txt "target/saturate-failed-$i/" 2>/dev/null || true
  fi
  echo "run $i: $result in $(( $(date +%s) - start )) s, load $(cut -d' ' -f1 /proc/loadavg)"
done
echo "passed $passed, failed $failed of $runs"
[ "$failed" -eq 0 ]
