package dev.hotfixlog.notify;

import dev.hotfixlog.hotfix.Hotfix;
import dev.hotfixlog.notify.ReminderRepository.OpenFollowUp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * Follow-ups falling due: "due soon" once, within a day of the due time, then "overdue" once per day. Keys carry the
 * due time, so moving a follow-up's due date arms its reminders again; a server that was down for a week sends
 * today's reminder, not seven.
 */
final class FollowUpsFallingDue implements ReminderScan.Topic<OpenFollowUp> {
    static final Duration DUE_SOON = Duration.ofHours(24);
    private final ReminderRepository repo = new ReminderRepository();

    @Override
    public MessageKind kind() {
        return MessageKind.REMINDER;
    }

    /** Open follow-ups within a day of their due time or past it; one of a kind this version does not know, not. */
    @Override
    public List<OpenFollowUp> due(Handle h, Instant now) {
        return repo.dueBy(h, now.plus(DUE_SOON).toEpochMilli()).stream()
                .filter(f -> f.kind() != null)
                .toList();
    }

    @Override
    public String key(OpenFollowUp f, Instant now) {
        String base = "reminder:" + f.hotfixId() + ":" + f.kind().json() + ":" + f.dueMillis();
        if (!overdue(f, now)) {
            return base + ":soon";
        }
        return base + ":overdue-day-"
                + (now.toEpochMilli() - f.dueMillis()) / Duration.ofDays(1).toMillis();
    }

    @Override
    public Map<String, String> values(Hotfix h, OpenFollowUp f, Instant now, String publicUrl) {
        return MessageValues.reminder(h, f.kind(), overdue(f, now), publicUrl);
    }

    @Override
    public boolean stillDue(Handle h, OpenFollowUp f) {
        return repo.stillDue(h, f.hotfixId(), f.kind(), f.dueMillis());
    }

    private static boolean overdue(OpenFollowUp f, Instant now) {
        return now.toEpochMilli() >= f.dueMillis();
    }
}
