package dev.hotfixlog.hotfix;

/**
 * The legible write-up of seed 000 (constraint, signal, boundary, operating rule, under a failure-mode category)
 * and the completed entry's one-line summary (learning and the post-mortem link).
 */
public record WriteUp(String category, String constraint, String signal, String boundary, String operatingRule,
                      String learning, String postmortemUrl) {
    public static final WriteUp EMPTY = new WriteUp(null, null, null, null, null, null, null);
}
