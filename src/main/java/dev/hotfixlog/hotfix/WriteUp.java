package dev.hotfixlog.hotfix;

/**
 * The legible write-up of seed 000 (constraint, signal, boundary, operating rule, under a failure-mode category,
 * which is also the hotfix's emergency type), the completed entry's one-line summary (learning and the
 * post-mortem link), and the team's confidence in its emergency procedure, 1 (shaken) to 5 (at ease), rated at
 * completion if the team wants to.
 */
public record WriteUp(String category, String constraint, String signal, String boundary, String operatingRule,
                      String learning, String postmortemUrl, Integer confidence) {
    public static final WriteUp EMPTY = new WriteUp(null, null, null, null, null, null, null, null);

    public WriteUp(String category, String constraint, String signal, String boundary, String operatingRule,
                   String learning, String postmortemUrl) {
        this(category, constraint, signal, boundary, operatingRule, learning, postmortemUrl, null);
    }
}
