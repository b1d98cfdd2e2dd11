package dev.hotfixlog.followup;

import dev.hotfixlog.hotfix.FollowUpKind;
import dev.hotfixlog.hotfix.HotfixId;
import dev.hotfixlog.hotfix.Severity;
import java.time.Instant;

/**
 * One follow-up with the hotfix it belongs to. {@code owner} is the follow-up's own owner, else the hotfix's:
 * someone is always answerable unless nobody was named at all.
 */
public record FollowUpItem(
        HotfixId hotfixId,
        String title,
        Severity severity,
        FollowUpKind kind,
        String description,
        String owner,
        Instant dueAt,
        boolean done,
        Instant doneAt,
        String link,
        FollowUpState state) {}
