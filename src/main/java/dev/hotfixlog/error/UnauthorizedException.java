package dev.hotfixlog.error;

/** No credentials, or credentials that prove nothing (unknown, expired or revoked token). */
public class UnauthorizedException extends HotfixLogException {
    public UnauthorizedException(String message) {
        super(message);
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.UNAUTHORIZED;
    }
}
