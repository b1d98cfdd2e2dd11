#!/usr/bin/env bash
# The API fuzz test (ApiFuzzTest: every route in openapi.json, garbage ids, query values, mutated JSON bodies,
# other media types and charsets, mutated Markdown logs) run longer than in `mvn verify`, on SQLite and
# PostgreSQL, with a seed of its own. Prints, per database: requests, 5xx answers, answers over 1 s, the slowest.
# Usage: bench/fuzz.sh [requests per database=50000] [seed=random]
set -euo pipefail
cd "$(dirname "$0")/.."
requests="${1:-50000}"
seed="${2:-$RANDOM$RANDOM}"
echo "# API fuzz: $requests requests per database, seed $seed; $(nproc) cores; $(java -version 2>&1 | head -1)"
mvn -q -B -o -Dstyle.color=never -Dtest=ApiFuzzTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dfuzz.requests="$requests" -Dfuzz.seed="$seed" test >/dev/null 2>&1 || status=$?
grep -h "api fuzz" target/surefire-reports/dev.hotfixlog.web.ApiFuzzTest-output.txt
exit "${status:-0}"
