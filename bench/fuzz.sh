#!/usr/bin/env bash
# Fuzzing for minutes, in three parts:
#  1. every Jazzer target (the *Fuzzer classes: request guard, multipart, JSON, Markdown, alert and deploy
#     payloads, redactor, time reader), coverage-guided, for the given seconds each, starting from the kept inputs
#     in src/test/resources/…/<Class>Inputs/<method>/ (a crash is written there: keep it as a seed once fixed);
#  2. the whole header and parameter grammar against a running server (GrammarSweep: every route of openapi.json
#     and every form route; Content-Type and Accept parameters quoted, unbalanced, repeated, empty, unknown;
#     multipart empty, broken, wrong boundary, huge; every query parameter bare, empty, repeated, wrong-case,
#     snake_case; every time field at its extremes), counting answers by status and printing each 5xx;
#  3. the API fuzz test (ApiFuzzTest) with more requests on SQLite and PostgreSQL, when a request count is given.
# Fails when a target crashed or any answer was a 5xx.
# Usage: bench/fuzz.sh [seconds per Jazzer target=120] [ApiFuzzTest requests per database=0] [seed=random]
set -uo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-120}"
requests="${2:-0}"
seed="${3:-$RANDOM$RANDOM}"
echo "# fuzz: ${seconds}s per Jazzer target; $(nproc) cores; $(java -version 2>&1 | head -1)"
mvn -q -B -Dstyle.color=never -DskipTests test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test || exit 1
cp="target/classes:target/test-classes:$(cat target/bench.classpath)"
failed=0
mkdir -p target/fuzz
for source in $(grep -rl "@FuzzTest" src/test/java); do
  class=$(echo "$source" | sed 's|src/test/java/||; s|\.java$||; s|/|.|g')
  method=$(grep -A1 "@FuzzTest" "$source" | grep -o "void [A-Za-z_0-9]*" | head -1 | cut -d' ' -f2)
  log="target/fuzz/${class##*.}.log"
  HOTFIX_LOG_LEVEL=ERROR java -cp "$cp" com.code_intelligence.jazzer.Jazzer --target_class="$class" \
    --target_method="$method" --instrumentation_includes='dev.hotfixlog.**' \
    --custom_hook_includes='dev.hotfixlog.**' -max_total_time="$seconds" -timeout=20 >"$log" 2>&1
  status=$?
  runs=$(grep -o "Done [0-9]* runs" "$log" | grep -o "[0-9]*" || echo "?")
  cov=$(grep -o "cov: [0-9]*" "$log" | tail -1 | cut -d' ' -f2)
  if [ "$status" -ne 0 ]; then
    failed=1
    echo "${class##*.}: CRASH after ${runs:-?} runs (coverage ${cov:-?}); see $log:"
    grep -m3 -E "^(== Java Exception|Caused by|java\.|org\.)" "$log" | sed 's/^/    /'
  else
    echo "${class##*.}: ${runs} runs, coverage ${cov:-?}, no crash"
  fi
done
HOTFIX_LOG_LEVEL=ERROR java -cp "$cp" dev.hotfixlog.web.GrammarSweep >target/fuzz/grammar.log 2>&1 || failed=1
grep -E "^(grammar sweep|5xx)" target/fuzz/grammar.log
if [ "$requests" -gt 0 ]; then
  mvn -q -B -o -Dstyle.color=never -Dtest=ApiFuzzTest -Dsurefire.failIfNoSpecifiedTests=false \
    -Dfuzz.requests="$requests" -Dfuzz.seed="$seed" test >/dev/null 2>&1 || failed=1
  grep -h "api fuzz" target/surefire-reports/dev.hotfixlog.web.ApiFuzzTest-output.txt
fi
exit "$failed"
