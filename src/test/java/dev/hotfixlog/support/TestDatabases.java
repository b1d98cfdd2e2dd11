package dev.hotfixlog.support;

import java.util.stream.Stream;

/** The argument source of {@link BothDatabases}; JUnit closes each {@link TestDb} after its test. */
public final class TestDatabases {
    private TestDatabases() {}

    public static Stream<TestDb> both() {
        return Stream.of("sqlite", "postgresql").map(n -> n.equals("sqlite") ? TestDb.sqlite() : TestDb.postgres());
    }
}
