#!/usr/bin/env bash
# Copy (issue 21): `hotfix copy` SQLite -> PostgreSQL of a generated log (default 100,000 hotfixes with their
# systems and follow-ups) side by side with pgloader (Debian package) moving the same file in the same run, and
# pgloader's result compared with ours (column types, the id counter, identity sequences). Needs the local
# PostgreSQL at 127.0.0.1:5432 (user postgres). Usage: bench/copy.sh [hotfixes=100000] [rounds=3]
set -euo pipefail
cd "$(dirname "$0")/.."
command -v pgloader >/dev/null || { apt-get update -qq && apt-get install -y -qq pgloader >/dev/null; }
export HOTFIX_LOG_LEVEL=WARN
. bench/lib.sh
run_benchmark dev.hotfixlog.bench.CopyBenchmark "$@"
