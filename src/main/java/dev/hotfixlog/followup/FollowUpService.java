package dev.hotfixlog.followup;

import java.util.List;

/**
 * The follow-through: follow-ups across all hotfixes and the hotfix debt ledger. The CLI, the REST API and the
 * pages all call this; {@link LocalFollowUpService} reads the database, {@link FollowUpApiClient} a server.
 * Follow-ups are changed on their record (a merge patch of {@code followUps}), so this service only reads.
 */
public interface FollowUpService {
    /** Overdue first, then by due time. */
    List<FollowUpItem> list(FollowUpQuery query);

    DebtLedger debt();
}
