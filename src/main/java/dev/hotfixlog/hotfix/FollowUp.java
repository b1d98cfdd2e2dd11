package dev.hotfixlog.hotfix;

import java.time.Instant;

/** One follow-up: what, who, by when, whether done and when, and a link to where the work lives. */
public record FollowUp(String description, String owner, Instant dueAt, boolean done, Instant doneAt, String link) {
    public static final FollowUp OPEN = new FollowUp(null, null, null, false, null, null);

    public FollowUp withDueAt(Instant due) {
        return new FollowUp(description, owner, due, done, doneAt, link);
    }
}
