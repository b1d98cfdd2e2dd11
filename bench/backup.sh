#!/usr/bin/env bash
# Backup (issue 21): `hotfix backup` of a generated log (default 100,000 hotfixes with their systems and
# follow-ups) against the databases' own floor in the same run: SQLite's VACUUM INTO of the same file and
# pg_dump -Fc of the same PostgreSQL schema (HOTFIX_BENCH_PG_URL, default the local server). 3 rounds, medians.
# Goal: at most 2x the floor. Usage: bench/backup.sh [hotfixes=100000]
set -euo pipefail
cd "$(dirname "$0")/.."
export HOTFIX_LOG_LEVEL=WARN
. bench/lib.sh
run_benchmark dev.hotfixlog.bench.BackupBenchmark "$@"
