package dev.hotfixlog.cli;

import dev.hotfixlog.error.ErrorKind;
import dev.hotfixlog.error.FieldError;
import dev.hotfixlog.error.HotfixLogException;
import dev.hotfixlog.error.ValidationException;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * The one place where failures become exit codes and messages; the codes themselves are the failures' kinds'
 * ({@link ErrorKind}): 0 ok, 2 bad input (the message names the field; an unknown id is bad input too), 3 conflict
 * or stale version, 1 anything else.
 */
final class ExitCodes implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {
    static final int OK = ErrorKind.EXIT_OK;
    static final int FAILURE = ErrorKind.EXIT_FAILURE;
    static final int BAD_INPUT = ErrorKind.EXIT_BAD_INPUT;
    static final int CONFLICT = ErrorKind.EXIT_CONFLICT;

    /** A failure's own exit code (its {@link ErrorKind}'s); 1 for anything unforeseen. */
    static int of(Throwable e) {
        return e instanceof HotfixLogException h ? h.kind().exitCode() : FAILURE;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, CommandLine.ParseResult parseResult) {
        PrintWriter err = cmd.getErr();
        CommandLine.Model.CommandSpec spec = cmd.getCommandSpec();
        if (e instanceof ValidationException v) {
            for (FieldError f : v.errors()) {
                err.println(
                        "error: " + CliSpelling.field(f.field(), spec) + ": " + CliSpelling.message(f.message(), spec));
            }
        } else if (e instanceof HotfixLogException h) {
            err.println("error: " + CliSpelling.message(h.getMessage(), spec));
        } else {
            err.println("error: unexpected failure: " + e);
            e.printStackTrace(err);
        }
        err.flush();
        return of(e);
    }

    @Override
    public int handleParseException(CommandLine.ParameterException e, String[] args) {
        PrintWriter err = e.getCommandLine().getErr();
        String unknown = e instanceof CommandLine.UnmatchedArgumentException u ? UnknownCommand.message(u) : null;
        err.println("error: " + (unknown != null ? unknown : e.getMessage()));
        err.println("try: " + e.getCommandLine().getCommandSpec().qualifiedName() + " --help");
        err.flush();
        return BAD_INPUT;
    }
}
