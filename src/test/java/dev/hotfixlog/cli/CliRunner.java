package dev.hotfixlog.cli;

import java.io.StringReader;
import java.io.StringWriter;
import java.time.Clock;
import java.util.Map;

/** Runs the CLI in-process with given environment, clock and typed input; captures what it prints. */
public record CliRunner(Map<String, String> env, Clock clock) {
    public record Result(int code, String out, String err) {}

    public Result run(String... args) {
        return run("", false, args);
    }

    public Result run(String input, boolean interactive, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(args, env, clock, Terminal.of(new StringReader(input), out, err, interactive));
        return new Result(code, out.toString(), err.toString());
    }
}
