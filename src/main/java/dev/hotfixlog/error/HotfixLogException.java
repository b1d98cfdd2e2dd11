package dev.hotfixlog.error;

/**
 * The one unchecked base of every failure this application reports on purpose.
 *
 * <p>Each subclass names what failed and its {@link ErrorKind}, which carries the problem type, HTTP status and
 * exit code that the HTTP boundary ({@code web.ProblemMapper}) and the CLI boundary ({@code cli.ExitCodes}) give
 * it. Messages name the subject, the bad value and the fix, because they are read by someone at 3 AM.
 */
public abstract class HotfixLogException extends RuntimeException {
    protected HotfixLogException(String message) {
        super(message);
    }

    protected HotfixLogException(String message, Throwable cause) {
        super(message, cause);
    }

    public abstract ErrorKind kind();

    /** The HTTP status of this failure: its kind's, unless the instance knows better. */
    public int httpStatus() {
        return kind().httpStatus();
    }
}
