package dev.hotfixlog.risk;

import java.time.Instant;
import java.util.List;

/**
 * The risk register: every hotfix's Risk Accepted as a risk (kept in step by {@link RiskFromRecord}), risks added
 * by hand, their review dates, retirement and re-acceptance. The API, the CLI and the pages call this.
 */
public interface RiskService {
    List<Risk> list(RiskQuery query);

    Risk get(long id);

    List<RiskEvent> history(long id);

    Risk add(NewRisk risk, String actor);

    /** Retires a risk: the reason is required (the proper fix shipped, the system is gone, …). */
    Risk retire(long id, String reason, String actor);

    /** Accepts it again until {@code reviewBy}, with the reason; the earlier acceptance stays in its history. */
    Risk reaccept(long id, Instant reviewBy, String reason, String actor);

    /** Records the compensating controls now in place; the risk stands as mitigated until its review date. */
    Risk mitigate(long id, String controls, String actor);
}
