package dev.hotfixlog.hotfix;

import java.util.Locale;

/**
 * The seed's decision tree "Is this really a hotfix?". Either answer may still be unknown (null), in which case
 * the outcome is unknown too; a record whose outcome is not {@code hotfix} is kept and marked, never refused.
 *
 * @param productionDown is production down or severely degraded?
 * @param canWait        can it wait 2–4 hours?
 */
public record Triage(Boolean productionDown, Boolean canWait) {
    public static final Triage UNANSWERED = new Triage(null, null);

    public enum Outcome {
        /** Production is fine: use the normal process. */
        NORMAL("Use normal process"),
        /** Production is hurt but it can wait 2–4 hours: use the expedited PR process. */
        EXPEDITED("Use expedited PR process"),
        /** Production is hurt and it cannot wait: hotfix approved. */
        HOTFIX("HOTFIX APPROVED");

        private final String advice;

        Outcome(String advice) {
            this.advice = advice;
        }

        public String advice() {
            return advice;
        }

        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The tree's answer, or null while the questions it needs are unanswered. */
    public Outcome outcome() {
        if (productionDown == null) {
            return null;
        }
        if (!productionDown) {
            return Outcome.NORMAL;
        }
        if (canWait == null) {
            return null;
        }
        return canWait ? Outcome.EXPEDITED : Outcome.HOTFIX;
    }
}
