# Shared by the bench scripts: build the test classes once, then run one benchmark class on the test classpath.
# Usage (from a bench script, after cd to the repository root): run_benchmark dev.hotfixlog.bench.Class "$@"
run_benchmark() {
  local class="$1"
  shift
  mvn -q -B -Dstyle.color=never -DskipTests test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
  # The drivers are test classes, but the tests' Jdbi plugin (support.SqlOwnership: a stack walk and a parse per
  # statement) is not part of the jar: the benchmarks run without it, as production does.
  rm -rf target/bench-test-classes
  cp -r target/test-classes target/bench-test-classes
  rm -f target/bench-test-classes/META-INF/services/org.jdbi.v3.core.spi.JdbiPlugin
  exec java -cp "target/classes:target/bench-test-classes:$(cat target/bench.classpath)" -DHOTFIX_LOG_LEVEL=WARN \
    "$class" "$@"
}
