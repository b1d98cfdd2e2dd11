package dev.hotfixlog.error;

import java.util.Optional;

/**
 * Every kind of failure this application reports on purpose, with all that its two boundaries say of it, once:
 * the problem type (the last segment of its URI, RFC 9457), the HTTP status and the CLI's exit code. The web's
 * {@code ProblemMapper}, the remote client's {@code ApiTransport} and the CLI's {@code ExitCodes} read this table;
 * a new kind is a new line here and nothing more in them.
 */
public enum ErrorKind {
    INVALID_INPUT("invalid-input", 422, ErrorKind.EXIT_BAD_INPUT),
    BAD_REQUEST("bad-request", 400, ErrorKind.EXIT_BAD_INPUT),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415, ErrorKind.EXIT_FAILURE),
    TOO_LARGE("too-large", 413, ErrorKind.EXIT_BAD_INPUT),
    NOT_FOUND("not-found", 404, ErrorKind.EXIT_BAD_INPUT),
    STALE_VERSION("stale-version", 412, ErrorKind.EXIT_CONFLICT),
    CONFLICT("conflict", 409, ErrorKind.EXIT_CONFLICT),
    PRECONDITION_REQUIRED("precondition-required", 428, ErrorKind.EXIT_CONFLICT),
    UNAUTHORIZED("unauthorized", 401, ErrorKind.EXIT_FAILURE),
    FORBIDDEN("forbidden", 403, ErrorKind.EXIT_FAILURE),
    STORAGE_UNAVAILABLE("storage-unavailable", 503, ErrorKind.EXIT_FAILURE),
    BUSY("busy", 503, ErrorKind.EXIT_FAILURE),
    /** The CLI's remote server could not be reached or did not answer with a problem document. */
    REMOTE_UNAVAILABLE("remote-unavailable", 500, ErrorKind.EXIT_FAILURE);

    /** Exit codes: 0 ok, 1 anything else, 2 bad input (an unknown id is bad input too), 3 conflict or stale. */
    public static final int EXIT_OK = 0;

    public static final int EXIT_FAILURE = 1;
    public static final int EXIT_BAD_INPUT = 2;
    public static final int EXIT_CONFLICT = 3;

    private final String type;
    private final int httpStatus;
    private final int exitCode;

    ErrorKind(String type, int httpStatus, int exitCode) {
        this.type = type;
        this.httpStatus = httpStatus;
        this.exitCode = exitCode;
    }

    /** The stable machine name: the last segment of the problem type URI. */
    public String type() {
        return type;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public int exitCode() {
        return exitCode;
    }

    public static Optional<ErrorKind> ofType(String type) {
        for (ErrorKind k : values()) {
            if (k.type.equals(type)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    /**
     * The exception a remote server's problem document of this kind stands for, on the client's side. Kinds whose
     * exception carries more than a message (the field list, the versions) are built by the client itself.
     */
    public HotfixLogException fromDetail(String detail) {
        return switch (this) {
            case INVALID_INPUT -> ValidationException.of("input", detail);
            case BAD_REQUEST -> new BadRequestException("request", detail);
            case UNSUPPORTED_MEDIA_TYPE -> new UnsupportedMediaTypeException(detail);
            case TOO_LARGE -> new TooLargeException(detail);
            case NOT_FOUND -> new NotFoundException(detail);
            case STALE_VERSION, CONFLICT -> new ConflictException(detail);
            case PRECONDITION_REQUIRED -> new PreconditionRequiredException(detail);
            case UNAUTHORIZED -> new UnauthorizedException(detail);
            case FORBIDDEN -> new ForbiddenException(detail);
            case STORAGE_UNAVAILABLE -> new StorageException(detail, null);
            case BUSY -> new BusyException(detail);
            case REMOTE_UNAVAILABLE -> new RemoteException(detail, null);
        };
    }
}
