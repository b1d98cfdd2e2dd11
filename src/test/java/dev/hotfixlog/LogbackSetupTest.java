package dev.hotfixlog;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.ConsoleAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

/** Logging is set up in code: stderr, the level from HOTFIX_LOG_LEVEL, the chatty libraries at WARN. */
class LogbackSetupTest {
    @Test
    void logsGoToStderr_andLibrariesSpeakOnlyWhenSomethingIsWrong() {
        LoggerContext context = new LoggerContext();
        LogbackSetup setup = new LogbackSetup();
        setup.setContext(context);

        assertThat(setup.configure(context)).isEqualTo(Configurator.ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);

        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        assertThat(root.getAppender("STDERR"))
                .isInstanceOfSatisfying(
                        ConsoleAppender.class, a -> assertThat(a.getTarget()).isEqualTo("System.err"));
        assertThat(context.getLogger("org.flywaydb").getLevel()).isEqualTo(Level.WARN);
        assertThat(context.getLogger("org.eclipse.jetty.server").getEffectiveLevel())
                .isEqualTo(Level.WARN);
    }

    @Test
    void theLevelIsReadInAnyCase_andAnUnknownOneMeansInfo() {
        assertThat(LogbackSetup.level("debug")).isEqualTo(Level.DEBUG);
        assertThat(LogbackSetup.level(" WARN ")).isEqualTo(Level.WARN);
        assertThat(LogbackSetup.level(null)).isEqualTo(Level.INFO);
        assertThat(LogbackSetup.level("loud")).isEqualTo(Level.INFO);
    }
}
