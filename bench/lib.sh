# Shared by the bench scripts: build the test classes once, then run one benchmark class on the test classpath.
# Usage (from a bench script, after cd to the repository root): run_benchmark dev.hotfixlog.bench.Class "$@"
run_benchmark() {
  local class="$1"
  shift
  mvn -q -B -Dstyle.color=never -DskipTests test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
  exec java -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" -DHOTFIX_LOG_LEVEL=WARN \
    "$class" "$@"
}
