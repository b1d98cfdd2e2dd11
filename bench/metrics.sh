#!/usr/bin/env bash
# Metrics benchmark (issue "Success metrics"): 1,000,000 generated hotfixes over 10 years on SQLite, and on
# PostgreSQL when HOTFIX_BENCH_PG_URL or HOTFIX_TEST_PG_URL is set; the metrics for the whole range and for one
# quarter next to the raw SQL aggregate in the same run. Goal: under 1 s and under 100 ms.
# Usage: bench/metrics.sh [hotfixes=1000000] [rounds=5]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
run_benchmark dev.hotfixlog.bench.MetricsBenchmark "$@"
