package dev.hotfixlog.chat.internal;

import java.sql.SQLException;

/** A primary-key collision: two requests raced to write the same row, and the other one won. */
final class Duplicates {
    private Duplicates() {}

    static boolean isDuplicateKey(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof SQLException s
                    && ("23505".equals(s.getSQLState())
                            || (s.getMessage() != null && s.getMessage().contains("UNIQUE constraint failed")))) {
                return true;
            }
        }
        return false;
    }
}
