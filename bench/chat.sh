#!/usr/bin/env bash
# Chat benchmark (issue 33): a server with a Slack workspace configured against a local fake of Slack's Web API,
# its board loaded with 100 active hotfixes; 50 concurrent signed requests as Slack sends them (/hotfix declare,
# list, show; block_actions clicks; view_submission declarations): the acknowledgement's p50/p99 per kind (goal
# p99 < 1 s, Slack's limit 3 s); declarations one at a time and in a burst of 50 at once: the time from each
# submit to its id back in chat (chat.postEphemeral at the fake) and declarations/s against the create path's
# JDBC limit measured in the same run.
# SQLite and PostgreSQL (HOTFIX_BENCH_PG_URL, default jdbc:postgresql://127.0.0.1:5432/test?user=postgres).
# Usage: bench/chat.sh [mixed-requests=1000] [declarations=300]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
# The server's access log says INFO for each of the thousand requests; the tables are what this prints.
(run_benchmark dev.hotfixlog.bench.ChatBenchmark "$@") 2>&1 | grep --line-buffered -v ' INFO  d\.hotfixlog\.access '
