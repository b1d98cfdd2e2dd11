package dev.hotfixlog.error;

/** A body in a type or charset the route does not read (HTTP 415): JSON routes read UTF-8 JSON only. */
public final class UnsupportedMediaTypeException extends HotfixLogException {
    public UnsupportedMediaTypeException(String message) {
        super(message);
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.UNSUPPORTED_MEDIA_TYPE;
    }
}
