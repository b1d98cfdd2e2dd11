#!/usr/bin/env bash
# Notification benchmark (issue "Follow-through"): 10,000 queued messages drained to a local webhook receiver,
# next to the same POSTs without a database; and a declare's latency with and without configured channels.
# SQLite always; PostgreSQL too when HOTFIX_BENCH_PG_URL or HOTFIX_TEST_PG_URL is set.
# Usage: bench/notify.sh [messages=10000] [creates=2000]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
run_benchmark dev.hotfixlog.bench.NotifyBenchmark "$@"
