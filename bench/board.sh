#!/usr/bin/env bash
# Board benchmark (issue "The web app"): GET / on SQLite with 200 active and 20,000 completed hotfixes, one
# request at a time, p50/p99 next to a static file served by the same server in the same run (the floor).
# Goal: board p50 under 20 ms. Usage: bench/board.sh [requests-per-phase=1000]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
run_benchmark dev.hotfixlog.bench.BoardBenchmark "$@"
