#!/usr/bin/env bash
# Overload: 1,000 connections for 30 s on the board (GET /) and then on the list API (GET /api/v1/hotfixes),
# from wrk in its own process, against a real `hotfix serve` on SQLite with 200 hotfixes. Prints wrk's figures
# (requests, p50/p99, non-2xx: the 503s of load shedding, socket errors and timeouts; wrk's timeout is 10 s) and
# the server's threads and resident memory before, right after, and 20, 40 and 60 s after the load. During each
# run a probe asks every 0.5 s for /health (as HAProxy does) and for the list API with another signed-in token (a
# responder who is not the flood): what each was answered, and its slowest answer.
# Usage: bench/overload.sh [seconds=30] [connections=1000]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-30}"
connections="${2:-1000}"
command -v wrk >/dev/null || { echo "overload: wrk is needed (apt-get install -y wrk)" >&2; exit 1; }
ulimit -n 65536 2>/dev/null || true
./hotfix --version >/dev/null
data="$(mktemp -d)"
port=18471
token="overload-bench-token-$$-long-enough"
HOTFIX_DATA_DIR="$data" HOTFIX_PORT="$port" HOTFIX_BOOTSTRAP_TOKEN="$token" HOTFIX_LOG_LEVEL=WARN \
  ./hotfix serve >"$data/serve.log" 2>&1 &
pid=$!
trap 'kill $pid ${prober:-} 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.5; done
for i in $(seq 1 200); do
  curl -sf "http://127.0.0.1:$port/api/v1/hotfixes" -H "Authorization: Bearer $token" \
    -H 'Content-Type: application/json' -d "{\"title\":\"Load $i\",\"severity\":\"high\"}" >/dev/null
done
responder="$(curl -sf "http://127.0.0.1:$port/api/v1/tokens" -H "Authorization: Bearer $token" \
  -H 'Content-Type: application/json' -d '{"name":"responder on call","role":"responder"}' \
  | sed -E 's/.*"token":"([^"]+)".*/\1/')"
curl -sf -o /dev/null "http://127.0.0.1:$port/api/v1/hotfixes" -H "Authorization: Bearer $responder"
# Every 0.5 s until stopped: /health and the responder's GET, "<health status> <s> <list status> <s>" a line.
probe() {
  while :; do
    h="$(curl -s -o /dev/null -m 10 -w '%{http_code} %{time_total}' "http://127.0.0.1:$port/health")"
    l="$(curl -s -o /dev/null -m 10 -w '%{http_code} %{time_total}' -H "Authorization: Bearer $responder" \
      "http://127.0.0.1:$port/api/v1/hotfixes")"
    echo "$h $l"
    sleep 0.5
  done
}
probe_summary() {
  awk '{ n++; h[$1]++; l[$3]++; if ($2 > hm) hm = $2; if ($4 > lm) lm = $4 }
    END { printf "probes during the load: %d; /health:", n; for (c in h) printf " %s x%d", c, h[c];
          printf " (slowest %.2f s); responder GET /api/v1/hotfixes:", hm; for (c in l) printf " %s x%d", c, l[c];
          printf " (slowest %.2f s)\n", lm }' "$1"
}
listen_overflows() { awk '/^TcpExt:/ { if (!n) { split($0, k); n = 1 } else { for (i = 2; i <= NF; i++) if (k[i] == "ListenOverflows") print $i } }' /proc/net/netstat; }
state() {
  echo "$(ls "/proc/$pid/task" | wc -l) threads, $(awk '/VmRSS/ { printf "%.0f MB", $2 / 1024 }' "/proc/$pid/status") RSS"
}
server_java="$(readlink "/proc/$pid/exe")"
echo "# Overload: $connections connections, $seconds s each, wrk -t2 --timeout 10s; $(nproc) cores;" \
  "$("$server_java" -version 2>&1 | head -1); listen overflows so far: $(listen_overflows)"
echo
echo "before: $(state)"
for target in "/" "/api/v1/hotfixes"; do
  echo
  echo "## GET $target"
  probe >"$data/probe.txt" &
  prober=$!
  wrk -t2 -c"$connections" -d"${seconds}s" --timeout 10s --latency -H "Authorization: Bearer $token" \
    "http://127.0.0.1:$port$target" | grep -E "Latency |50%|99%|requests in|Socket errors|Non-2xx|Requests/sec"
  kill "$prober"
  probe_summary "$data/probe.txt"
  echo "right after: $(state)"
done
for wait in 20 40 60; do
  sleep 20
  echo "$wait s after: $(state)"
done
echo "listen overflows since the start: $(listen_overflows) (a connection the kernel could not queue)"
echo "health: $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health")"
