#!/usr/bin/env bash
# Edit benchmark (issue 32, "an edit converts once"): HotfixService.edit of one field on a record with systems,
# steps, follow-ups and a redaction, edits/s in-process with one client, against a JDBC floor measured in the same
# run on the same database (UPDATE of the hotfix row + one revision row per edit). SQLite and PostgreSQL;
# alternating rounds; median ratio.
# Usage: bench/edit.sh [edits-per-phase=1000] [rounds=3] [both|sqlite|postgresql]
# PostgreSQL: HOTFIX_BENCH_PG_URL, default jdbc:postgresql://127.0.0.1:5432/test?user=postgres
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
run_benchmark dev.hotfixlog.bench.EditBenchmark "$@"
