package dev.hotfixlog.hotfix;

import java.util.Optional;

/** The seed's hotfix process, in order. Lifecycle events tick the matching steps. */
public enum StepKind implements JsonNamed {
    ALERT_TEAM("alertTeam", "Alert team"),
    START_LOG("startLog", "Start log entry"),
    MINIMAL_CHANGE("minimalChange", "Make minimal change"),
    QUICK_REVIEW("quickReview", "Get quick review"),
    DEPLOY_WITH_MONITORING("deployWithMonitoring", "Deploy with monitoring"),
    COMPLETE_LOG("completeLog", "Complete log entry");

    private final Names names;

    StepKind(String json, String label) {
        this.names = new Names(json, label);
    }

    @Override
    public Names names() {
        return names;
    }

    public static Optional<StepKind> fromJson(String name) {
        return JsonNamed.byJson(StepKind.class, name);
    }
}
