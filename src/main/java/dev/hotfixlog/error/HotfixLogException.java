package dev.hotfixlog.error;

/**
 * The one unchecked base of every failure this application reports on purpose.
 *
 * <p>Each subclass names what failed; the HTTP boundary ({@code web.ProblemMapper}) and the CLI boundary
 * ({@code cli.ExitCodes}) each map the subclasses in exactly one place. Messages name the subject, the bad
 * value and the fix, because they are read by someone at 3 AM.
 */
public abstract class HotfixLogException extends RuntimeException {
    protected HotfixLogException(String message) {
        super(message);
    }

    protected HotfixLogException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A stable, short machine name of the failure (the last segment of the problem type URI). */
    public abstract String kind();
}
