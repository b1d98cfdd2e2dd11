#!/usr/bin/env bash
# Alert storm (issue "Alerts and deploys in"): 1,000 Alertmanager groups x 10 deliveries replayed by wrk at 16
# connections. Prints incoming alerts (goal 1,000), duplicates (goal 0), deliveries counted and refused, the
# ingest's deliveries/s as a ratio of write.sh's JDBC limit measured in the same run (goal >= 50%), and the
# board's p50 while the storm runs (goal < 50 ms). SQLite, then PostgreSQL (HOTFIX_BENCH_PG_URL, default the
# local server). Usage: bench/ingest.sh [groups=1000] [resends=10] [connections=16]
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
export HOTFIX_LOG_LEVEL=WARN
. bench/lib.sh
run_benchmark dev.hotfixlog.bench.IngestBenchmark "$@"
