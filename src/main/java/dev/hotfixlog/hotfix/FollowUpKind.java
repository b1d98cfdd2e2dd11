package dev.hotfixlog.hotfix;

import java.util.Optional;

/** The four follow-ups of the seed template's "Follow-up Required" checklist. */
public enum FollowUpKind implements JsonNamed {
    POSTMORTEM("postmortem", "Post-mortem scheduled"),
    PROPER_FIX("properFix", "Proper fix planned"),
    PROCESS_IMPROVEMENT("processImprovement", "Process improvement"),
    DOCUMENTATION("documentation", "Documentation updates");

    private final Names names;

    FollowUpKind(String json, String label) {
        this.names = new Names(json, label);
    }

    @Override
    public Names names() {
        return names;
    }

    public static Optional<FollowUpKind> fromJson(String name) {
        return JsonNamed.byJson(FollowUpKind.class, name);
    }
}
