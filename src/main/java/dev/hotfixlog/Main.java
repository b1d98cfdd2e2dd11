package dev.hotfixlog;

import dev.hotfixlog.cli.Cli;
import dev.hotfixlog.cli.Terminal;
import java.time.Clock;

/** The jar's entry point; the only place that calls {@code System.exit}. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        int code = Cli.run(args, System.getenv(), Clock.systemUTC(), Terminal.system());
        if (code != Cli.KEEP_RUNNING) {
            System.exit(code);
        }
    }
}
