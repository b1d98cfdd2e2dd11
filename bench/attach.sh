#!/usr/bin/env bash
# Attachments (issue 22): N distinct ~300 KB PNG screenshots uploaded over HTTP by 8 clients and read back, against
# the same bytes written and read with plain JDBC in the same database in the same run; then the record page of a
# hotfix with 50 attachments (p50, p99). SQLite and PostgreSQL (HOTFIX_BENCH_PG_URL, default the local server).
# Goals: uploads >= 50% of the JDBC floor; the page's p50 < 50 ms.
# Usage: bench/attach.sh [files=1000] [sqlite|postgresql|both]
set -euo pipefail
cd "$(dirname "$0")/.."
export HOTFIX_LOG_LEVEL=WARN
. bench/lib.sh
run_benchmark dev.hotfixlog.bench.AttachBenchmark "$@"
