#!/usr/bin/env bash
# Linear time, with the issue's bound (issue 31, Must-show 2): LinearTimeTest over every RE2/J pattern of main, the
# hand scanners and the redactor's entry points, each one's worst input doubled to 2 MB, failing past 2.5x per
# doubling or one second of CPU at 2 MB (the build holds the ratio and 3 s: build machines are shared). Prints
# every measured operation, slowest at 2 MB first. Run it on a quiet machine: CPU time stretches under contention.
# Usage: bench/linear.sh [max milliseconds at 2 MB=1000]
set -euo pipefail
cd "$(dirname "$0")/.."
max="${1:-1000}"
echo "# LinearTimeTest, bound ${max} ms at 2 MB; $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg)"
status=0
mvn -o -q -B -Dstyle.color=never test -DskipFuzz -Dtest=LinearTimeTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dhotfix.linear.maxMillis="$max" >target/linear.log 2>&1 || status=$?
out=target/surefire-reports/dev.hotfixlog.security.LinearTimeTest-output.txt
grep -h " on \"" "$out" | sed 's/.*; 2048K \([0-9.]*\)ms.*/\1 &/' | sort -rn | cut -d' ' -f2- | head -15
echo "measured: $(grep -c ' on "' "$out") operations; largest ratio per doubling: $(grep -o 'ratio per doubling [0-9.]*' "$out" | cut -d' ' -f4 | sort -rn | head -1)"
grep -h "Tests run" target/surefire-reports/dev.hotfixlog.security.LinearTimeTest.txt
exit "$status"
