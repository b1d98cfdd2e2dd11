#!/usr/bin/env bash
# Search benchmark (issue "Lessons from production"): 100,000 hotfixes and lessons on SQLite (FTS5) and, when
# HOTFIX_BENCH_PG_URL or HOTFIX_TEST_PG_URL is set, PostgreSQL (tsvector); p50/p95 of searches and of similar past
# fixes. Goal: p95 under 50 ms. Usage: bench/search.sh [documents=100000] [queries=300]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
run_benchmark dev.hotfixlog.bench.SearchBenchmark "$@"
