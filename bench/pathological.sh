#!/usr/bin/env bash
# The worst inputs found for the text fields and the Markdown importer at 0.5, 1 and 2 MB, through the HTTP API:
# time to answer in ms and µs per KB (flat = linear). Goal: linear, under 1 s at 2 MB.
# Usage: bench/pathological.sh [rounds=3]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
run_benchmark dev.hotfixlog.bench.PathologicalInputBenchmark "$@"
