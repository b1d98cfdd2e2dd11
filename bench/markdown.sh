#!/usr/bin/env bash
# Markdown import/export benchmark (issue "The hotfix log as Markdown"): a generated 10,000-entry log imported
# into an empty SQLite log and exported (log and full), next to reading and writing the same bytes alone in the
# same run. Goal: both under 3 s, within 3x of the bytes alone. Usage: bench/markdown.sh [entries=10000] [rounds=4]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
./hotfix --version >/dev/null   # the last line times the launcher: build the jar and its archive first
run_benchmark dev.hotfixlog.markdown.MarkdownBenchmark "$@"
