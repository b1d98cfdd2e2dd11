#!/usr/bin/env bash
# What one INSERT statement per row costs an import: one 10,000-entry import's rows written into a fresh SQLite
# log one per statement and forty per statement (store.MultiRowInsert). Usage: bench/inserts.sh [entries] [rounds]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
run_benchmark dev.hotfixlog.markdown.InsertBenchmark "$@"
