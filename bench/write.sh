#!/usr/bin/env bash
# Write benchmark (issue "The hotfix record"): API creates/s and p50/p99 at 16 concurrent connections, against
# the physical limit measured in the same run: the same rows written straight over JDBC, one transaction per
# create, with the same durability. SQLite and PostgreSQL; 3 alternating rounds; median ratio.
# Usage: bench/write.sh [jdbc-creates-per-round=3000] [clients=16] [api-seconds-per-round=10]
# PostgreSQL: HOTFIX_BENCH_PG_URL, default jdbc:postgresql://127.0.0.1:5432/test?user=postgres
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
. bench/lib.sh
run_benchmark dev.hotfixlog.bench.WriteBenchmark "$@"
