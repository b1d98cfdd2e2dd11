#!/usr/bin/env bash
# Moving in (issue 23): N PagerDuty-shaped incidents (with their log entries and notes) from a local PagerDuty,
# migrated into a fresh log, against fetching the same pages the same way without storing them, in the same run.
# SQLite and PostgreSQL (HOTFIX_BENCH_PG_URL, default the local server). Goal: the migration >= 50% of fetch-only.
# Usage: bench/migrate.sh [incidents=50000] [sqlite|postgresql|both]
set -euo pipefail
cd "$(dirname "$0")/.."
export HOTFIX_LOG_LEVEL=WARN
. bench/lib.sh
run_benchmark dev.hotfixlog.migrate.MigrateBenchmark "$@"
