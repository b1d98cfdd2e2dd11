package dev.hotfixlog.support;

import dev.hotfixlog.text.Spaces;
import java.net.URL;
import java.security.CodeSource;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.spi.JdbiPlugin;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementCustomizer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The runtime half of the SQL ownership rule. As a {@link JdbiPlugin} (found by {@code store.JdbiPlugins} through
 * {@code META-INF/services}) it sees every statement the application runs through Jdbi, on SQLite and PostgreSQL
 * alike, finds the feature that issued it (the first main-code frame outside {@code store} on the stack: on
 * SQLite's group-commit thread too, since the feature's callback runs there) and checks each table the statement
 * names against {@link TableOwners}. As a JUnit extension (registered for every test class through
 * {@code META-INF/services} and {@code junit-platform.properties}) it fails the test class during which a
 * feature touched a table it does not own, naming the feature, the table, the frame and the statement.
 *
 * <p>The record of refusals is static because both ends are made by service loaders; it lives in the tests only.
 * Statements a test class issues itself (its own checks of the database) are not a feature's and are skipped.
 */
public final class SqlOwnership implements JdbiPlugin, AfterAllCallback {
    private static final Queue<String> REFUSALS = new ConcurrentLinkedQueue<>();
    /**
     * Parsed statements by text; bounded in number, since a bound list renders a new text per length, and in
     * length, since a multi-row insert's text is long and seldom the same twice.
     */
    private static final Map<String, List<SqlTables.Ref>> PARSED = new ConcurrentHashMap<>();

    private static final int PARSED_MAX = 5_000;
    private static final int PARSED_MAX_CHARS = 4_000;
    private static final ClassValue<Boolean> IS_TEST_CLASS = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            CodeSource source = type.getProtectionDomain().getCodeSource();
            URL location = source == null ? null : source.getLocation();
            return location != null && location.getPath().contains("test-classes");
        }
    };
    private static final StackWalker STACK = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

    @Override
    public void customizeJdbi(Jdbi jdbi) {
        jdbi.addCustomizer(new StatementCustomizer() {
            @Override
            public void beforeExecution(PreparedStatement statement, StatementContext ctx) throws SQLException {
                check(ctx.getRenderedSql());
            }
        });
    }

    @Override
    public void afterAll(ExtensionContext context) {
        List<String> found = new ArrayList<>();
        for (String r = REFUSALS.poll(); r != null; r = REFUSALS.poll()) {
            if (!found.contains(r)) {
                found.add(r);
            }
        }
        if (!found.isEmpty()) {
            throw new AssertionError("SQL touched a table its feature does not own (ARCHITECTURE.md, \"Read "
                    + "models\"; owners in support.TableOwners): read the owner's views or go through its public "
                    + "interface:\n  " + String.join("\n  ", found));
        }
    }

    /** Records a refusal for each table of {@code sql} that its issuing feature may not touch. */
    static void check(String sql) {
        List<SqlTables.Ref> refs = PARSED.get(sql);
        if (refs == null) {
            refs = SqlTables.refs(sql);
            if (PARSED.size() < PARSED_MAX && sql.length() <= PARSED_MAX_CHARS) {
                PARSED.put(sql, refs);
            }
        }
        if (refs.isEmpty()) {
            return;
        }
        Optional<StackWalker.StackFrame> issuer = issuer();
        if (issuer.isEmpty()) {
            return;
        }
        StackWalker.StackFrame frame = issuer.get();
        String feature = featureOf(frame.getDeclaringClass().getPackageName());
        for (SqlTables.Ref ref : refs) {
            String why = TableOwners.get().refusal(feature, ref);
            if (why != null) {
                REFUSALS.add(feature + " " + why + " at " + frame.getClassName() + "." + frame.getMethodName() + ":"
                        + frame.getLineNumber() + " in: " + oneLine(sql));
            }
        }
    }

    /**
     * The first frame of main code outside the store; none when a test issued the statement itself, or when the
     * store wrote it (its own SQL, such as {@code store.Sequences}: plumbing, allowed every table).
     */
    private static Optional<StackWalker.StackFrame> issuer() {
        return STACK.walk(frames -> {
            List<StackWalker.StackFrame> ours = frames.filter(
                            f -> f.getClassName().startsWith("dev.hotfixlog.")
                                    && !f.getClassName().startsWith(SqlOwnership.class.getName()))
                    .toList();
            if (!ours.isEmpty() && inStore(ours.get(0))) {
                return Optional.<StackWalker.StackFrame>empty();
            }
            return ours.stream()
                    .filter(f -> !inStore(f))
                    .findFirst()
                    .filter(f -> !IS_TEST_CLASS.get(f.getDeclaringClass()));
        });
    }

    private static boolean inStore(StackWalker.StackFrame f) {
        return !IS_TEST_CLASS.get(f.getDeclaringClass())
                && f.getDeclaringClass().getPackageName().startsWith("dev.hotfixlog.store");
    }

    /** {@code dev.hotfixlog.hotfix.internal} → {@code hotfix}; the root package (App) → {@code (root)}. */
    static String featureOf(String packageName) {
        String rest =
                packageName.length() > "dev.hotfixlog".length() ? packageName.substring("dev.hotfixlog.".length()) : "";
        int dot = rest.indexOf('.');
        return rest.isEmpty() ? "(root)" : dot < 0 ? rest : rest.substring(0, dot);
    }

    private static String oneLine(String sql) {
        String s = Spaces.collapse(sql);
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }
}
