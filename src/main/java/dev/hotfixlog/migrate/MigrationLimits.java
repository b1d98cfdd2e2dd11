package dev.hotfixlog.migrate;

import dev.hotfixlog.error.FieldError;
import dev.hotfixlog.error.ValidationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How long one run waits on a source and how far it follows it. A source that stops sending (or sends a byte now
 * and then) is cut, and one that never stops paging is stopped: the run must end on its own either way. A run
 * stopped by {@code maxPages} has stored its pages with the position after them, so the same command goes on.
 *
 * @param readTimeout   the longest silence: to connect, to the answer's first line, between two parts of its body
 * @param answerTimeout the longest one answer may take, from the request to the body's last byte
 * @param maxPages      the most pages of records one run reads
 */
public record MigrationLimits(Duration readTimeout, Duration answerTimeout, int maxPages) {
    public static final Duration READ_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration ANSWER_TIMEOUT = Duration.ofMinutes(2);
    /**
     * 100,000 records of 100-record pages (50,000 of OnCall's 50): a source that makes up records for ever leaves
     * no more than that in the log, and a run's tally stays small; a longer history takes another run, which goes on.
     */
    public static final int MAX_PAGES = 1_000;

    public static final MigrationLimits DEFAULT = new MigrationLimits(READ_TIMEOUT, ANSWER_TIMEOUT, MAX_PAGES);

    public MigrationLimits {
        List<FieldError> errors = new ArrayList<>();
        if (readTimeout == null || readTimeout.isNegative() || readTimeout.isZero()) {
            errors.add(new FieldError("readTimeout", "must be a positive number of seconds, was " + readTimeout));
        }
        if (answerTimeout == null || answerTimeout.isNegative() || answerTimeout.isZero()) {
            errors.add(new FieldError("answerTimeout", "must be a positive number of seconds, was " + answerTimeout));
        }
        if (maxPages < 1) {
            errors.add(new FieldError("maxPages", "must be at least 1, was " + maxPages));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }
}
