package dev.hotfixlog.hotfix;

import java.time.Instant;

/**
 * One step of the process: whether it is done, when, and by whom (for the quick review: the one senior reviewer).
 * A step may be done at an unknown time (an import), so {@code at} is optional even when {@code done}.
 */
public record Step(boolean done, Instant at, String by) {
    public static final Step OPEN = new Step(false, null, null);

    public Step {
        if (!done && at != null) {
            throw new IllegalArgumentException("a step that is not done has no time");
        }
    }

    public static Step doneAt(Instant at, String by) {
        return new Step(true, at, by);
    }
}
