#!/usr/bin/env bash
# Field-notes site benchmark (issue "Lessons from production"): 10,000 published lessons built by `hotfix site`
# from SQLite, side by side with Hugo (Debian package `hugo`) building the same lessons as Markdown pages, in the
# same run. Goal: faster than Hugo. Usage: bench/site.sh [lessons=10000] [rounds=3]
set -euo pipefail
cd "$(dirname "$0")/.."
command -v hugo >/dev/null || { echo "bench/site.sh needs hugo: apt-get install -y hugo" >&2; exit 2; }
. bench/lib.sh
run_benchmark dev.hotfixlog.bench.SiteBenchmark "$@"
