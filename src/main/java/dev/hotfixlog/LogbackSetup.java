package dev.hotfixlog;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.Map;
import org.slf4j.Logger;

/**
 * The logging set-up, in code instead of a logback.xml: logback reads XML through its Joran machinery, which
 * cost every CLI command about 50 ms of start-up (a wall-clock profile of {@code hotfix list}). Found by
 * logback through {@code META-INF/services}. Logs go to stderr so that stdout stays the CLI's output; the level
 * is {@code HOTFIX_LOG_LEVEL} (default INFO). A file named by {@code -Dlogback.configurationFile} still wins.
 */
public final class LogbackSetup extends ContextAwareBase implements Configurator {
    private static final Map<String, Level> QUIET = Map.of(
            "org.eclipse.jetty",
            Level.WARN,
            "org.flywaydb",
            Level.WARN,
            "com.zaxxer.hikari",
            Level.WARN,
            "io.javalin",
            Level.WARN);

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{HH:mm:ss.SSS} %-5level %logger{20} - %msg%n");
        encoder.start();
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("STDERR");
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.start();
        QUIET.forEach((name, level) -> context.getLogger(name).setLevel(level));
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(level(System.getenv("HOTFIX_LOG_LEVEL")));
        root.addAppender(stderr);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** The level named (any case), INFO when unset or not a level. */
    static Level level(String name) {
        return name == null || name.isBlank() ? Level.INFO : Level.toLevel(name.strip(), Level.INFO);
    }
}
