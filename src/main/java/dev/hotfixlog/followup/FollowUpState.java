package dev.hotfixlog.followup;

/** Where a follow-up stands at a given moment. */
public enum FollowUpState {
    OVERDUE("overdue"),
    DUE_SOON("due-soon"),
    OPEN("open"),
    DONE("done");

    private final String json;

    FollowUpState(String json) {
        this.json = json;
    }

    public String json() {
        return json;
    }

    public static FollowUpState parse(String s) {
        for (FollowUpState v : values()) {
            if (v.json.equals(s)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown follow-up state " + s);
    }
}
