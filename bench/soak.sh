#!/usr/bin/env bash
# Soak (issue 21): two `hotfix serve` instances on one PostgreSQL behind HAProxy (Debian package), 16 writers and
# 4 readers through the proxy, one instance kill -9'ed and restarted twice, a signed-in Chromium session and a
# webhook receiver throughout; then every acknowledged write, duplicate writes and alerts, and the session are
# checked. Needs the local PostgreSQL at 127.0.0.1:5432 (user postgres), or pass a JDBC URL of an empty log.
# Usage: bench/soak.sh [seconds=300] [jdbc:postgresql://…]   (MultiInstanceSoakTest runs it for 45 s in CI)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v haproxy >/dev/null || { apt-get update -qq && apt-get install -y -qq haproxy >/dev/null; }
[ -x /usr/bin/chromium ] || { apt-get update -qq && apt-get install -y -qq chromium >/dev/null; }
export HOTFIX_LOG_LEVEL=WARN PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
. bench/lib.sh
run_benchmark dev.hotfixlog.bench.Soak "$@"
