#!/usr/bin/env bash
# What one INSERT statement per row costs an import: one 10,000-entry import's rows written into a fresh SQLite
# log one per statement and as many as store.MultiRowInsert puts in one, or the numbers given, in that order.
# Usage: bench/inserts.sh [entries=10000] [rounds=2] [rows per statement...]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
run_benchmark dev.hotfixlog.markdown.InsertBenchmark "$@"
