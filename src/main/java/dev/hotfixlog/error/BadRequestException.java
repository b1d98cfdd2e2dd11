package dev.hotfixlog.error;

import java.util.List;

/**
 * The request itself cannot be read (a broken %-escape in its path, a NUL in a query value, a yes/no that is
 * neither true nor false, a cursor this server never issued): HTTP 400, where a readable request whose values
 * break the record's rules is a {@link ValidationException} (422).
 */
public final class BadRequestException extends ValidationException {
    public BadRequestException(String field, String message) {
        super(List.of(new FieldError(field, message)));
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.BAD_REQUEST;
    }
}
