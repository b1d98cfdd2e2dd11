package dev.hotfixlog.risk;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** The register's SQL (V24); a risk's systems are read through the record's view {@code record_systems}. */
final class RiskRepository {
    private static final String COLUMNS = "id, hotfix_id, from_record, statement, owner, accepted_by, decision, "
            + "controls, proper_fix, review_by, state, accepted_at, retired_at, retire_reason, retired_by_fix, version";

    /** The values a new risk is stored with. */
    record Row(
            String hotfixId,
            boolean fromRecord,
            String statement,
            String owner,
            String acceptedBy,
            RiskDecision decision,
            String controls,
            String properFix,
            long reviewBy,
            long acceptedAt) {}

    long insert(Handle h, Row r) {
        return h.createQuery("""
                        INSERT INTO risk (hotfix_id, from_record, statement, owner, accepted_by, decision, controls,
                            proper_fix, review_by, state, accepted_at, retired_by_fix, updated_at, version)
                        VALUES (:hotfix, :fromRecord, :statement, :owner, :acceptedBy, :decision, :controls,
                            :properFix, :reviewBy, 'open', :acceptedAt, FALSE, :acceptedAt, 1)
                        RETURNING id""")
                .bind("hotfix", r.hotfixId())
                .bind("fromRecord", r.fromRecord())
                .bind("statement", r.statement())
                .bind("owner", r.owner())
                .bind("acceptedBy", r.acceptedBy())
                .bind("decision", r.decision().json())
                .bind("controls", r.controls())
                .bind("properFix", r.properFix())
                .bind("reviewBy", r.reviewBy())
                .bind("acceptedAt", r.acceptedAt())
                .mapTo(Long.class)
                .one();
    }

    Optional<Risk> find(Handle h, long id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM risk WHERE id = :id")
                .bind("id", id)
                .map((rs, c) -> risk(rs))
                .findOne()
                .map(r -> withSystems(h, List.of(r)).get(0));
    }

    /** The risk kept in step with a hotfix's Risk Accepted, if it has one. */
    Optional<Risk> fromRecord(Handle h, String hotfixId) {
        return h.createQuery("SELECT " + COLUMNS + " FROM risk WHERE hotfix_id = :id AND from_record = TRUE")
                .bind("id", hotfixId)
                .map((rs, c) -> risk(rs))
                .findOne();
    }

    List<Risk> ofHotfix(Handle h, String hotfixId) {
        return h.createQuery("SELECT " + COLUMNS + " FROM risk WHERE hotfix_id = :id ORDER BY id")
                .bind("id", hotfixId)
                .map((rs, c) -> risk(rs))
                .list();
    }

    /**
     * Risks by standing (null: not retired), system, owner, hotfix; oldest accepted first. Expired is open or
     * mitigated past its review date at {@code now}.
     */
    List<Risk> list(Handle h, RiskQuery q, long now) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        if (q.standing() == null) {
            where.append(" AND state <> 'retired'");
        } else if (q.standing() == RiskState.EXPIRED) {
            where.append(" AND state <> 'retired' AND review_by < :now");
        } else if (q.standing() == RiskState.RETIRED) {
            where.append(" AND state = 'retired'");
        } else {
            where.append(" AND state = :state AND review_by >= :now");
        }
        if (q.owner() != null) {
            where.append(" AND LOWER(owner) = :owner");
        }
        if (q.hotfixId() != null) {
            where.append(" AND hotfix_id = :hotfix");
        }
        if (q.system() != null) {
            where.append(" AND hotfix_id IN (SELECT hotfix_id FROM record_systems WHERE LOWER(name) = :system)");
        }
        List<Risk> risks = h.createQuery(
                        "SELECT " + COLUMNS + " FROM risk" + where + " ORDER BY accepted_at, id LIMIT :limit")
                .bind("now", now)
                .bind("state", q.standing() == null ? null : q.standing().json())
                .bind("owner", q.owner() == null ? null : q.owner().toLowerCase(Locale.ROOT))
                .bind("hotfix", q.hotfixId())
                .bind("system", q.system() == null ? null : q.system().toLowerCase(Locale.ROOT))
                .bind("limit", q.limit())
                .map((rs, c) -> risk(rs))
                .list();
        return withSystems(h, risks);
    }

    /** Optimistic: changes the risk only at the version read; false when another change came first. */
    boolean update(Handle h, Risk r, long now) {
        return h.createUpdate("""
                        UPDATE risk SET statement = :statement, owner = :owner, decision = :decision,
                            controls = :controls, proper_fix = :properFix, review_by = :reviewBy, state = :state,
                            retired_at = :retiredAt, retire_reason = :reason, retired_by_fix = :byFix,
                            updated_at = :now, version = version + 1
                        WHERE id = :id AND version = :version""")
                        .bind("statement", r.statement())
                        .bind("owner", r.owner())
                        .bind("decision", r.decision().json())
                        .bind("controls", r.controls())
                        .bind("properFix", r.properFix())
                        .bind("reviewBy", r.reviewBy().toEpochMilli())
                        .bind("state", r.state().json())
                        .bind(
                                "retiredAt",
                                r.retiredAt() == null ? null : r.retiredAt().toEpochMilli())
                        .bind("reason", r.retireReason())
                        .bind("byFix", r.retiredByFix())
                        .bind("now", now)
                        .bind("id", r.id())
                        .bind("version", r.version())
                        .execute()
                == 1;
    }

    /** Every risk of the log, by hotfix, then as accepted: the register a full Markdown export carries. */
    List<Risk> all(Handle h) {
        return h.createQuery("SELECT " + COLUMNS + " FROM risk ORDER BY hotfix_id, accepted_at, id")
                .map((rs, c) -> risk(rs))
                .list();
    }

    /** Whether the log has this hotfix (through the record's read model). */
    boolean hotfixExists(Handle h, String hotfixId) {
        return h.createQuery("""
                        SELECT COUNT(*) FROM record_facts
                        WHERE id = :id""").bind("id", hotfixId).mapTo(Long.class).one() > 0;
    }

    /** Sets every field of a risk as a page's register says (an import), with who accepted it and when. */
    void restore(Handle h, Risk r, long now) {
        h.createUpdate("""
                        UPDATE risk SET statement = :statement, owner = :owner, accepted_by = :acceptedBy,
                            decision = :decision, controls = :controls, proper_fix = :properFix,
                            review_by = :reviewBy, state = :state, accepted_at = :acceptedAt,
                            retired_at = :retiredAt, retire_reason = :reason, retired_by_fix = :byFix,
                            updated_at = :now, version = version + 1
                        WHERE id = :id""")
                .bind("statement", r.statement())
                .bind("owner", r.owner())
                .bind("acceptedBy", r.acceptedBy())
                .bind("decision", r.decision().json())
                .bind("controls", r.controls())
                .bind("properFix", r.properFix())
                .bind("reviewBy", r.reviewBy().toEpochMilli())
                .bind("state", r.state().json())
                .bind("acceptedAt", r.acceptedAt().toEpochMilli())
                .bind("retiredAt", r.retiredAt() == null ? null : r.retiredAt().toEpochMilli())
                .bind("reason", r.retireReason())
                .bind("byFix", r.retiredByFix())
                .bind("now", now)
                .bind("id", r.id())
                .execute();
    }

    /** Replaces a risk's history with the one a page's register kept. */
    void replaceEvents(Handle h, long riskId, List<RiskEvent> events) {
        h.createUpdate("""
                        DELETE FROM risk_event WHERE risk_id = :id""").bind("id", riskId).execute();
        for (RiskEvent e : events) {
            event(h, riskId, e.at().toEpochMilli(), e.actor(), e.action(), e.detail());
        }
    }

    void event(Handle h, long riskId, long at, String actor, String action, String detail) {
        h.createUpdate("""
                        INSERT INTO risk_event (risk_id, at, actor, action, detail) VALUES (:risk, :at, :actor,
                        :action, :detail)""")
                .bind("risk", riskId)
                .bind("at", at)
                .bind("actor", actor)
                .bind("action", action)
                .bind("detail", detail)
                .execute();
    }

    List<RiskEvent> events(Handle h, long riskId) {
        return h.createQuery("""
                        SELECT at, actor, action, detail FROM risk_event WHERE risk_id = :id ORDER BY id""")
                .bind("id", riskId)
                .map((rs, c) -> new RiskEvent(
                        Instant.ofEpochMilli(rs.getLong("at")),
                        rs.getString("actor"),
                        rs.getString("action"),
                        rs.getString("detail")))
                .list();
    }

    private static List<Risk> withSystems(Handle h, List<Risk> risks) {
        if (risks.isEmpty()) {
            return risks;
        }
        Map<String, List<String>> systems = new LinkedHashMap<>();
        h.createQuery("""
                        SELECT hotfix_id, name FROM record_systems WHERE hotfix_id IN (<ids>) ORDER BY name""")
                .bindList("ids", risks.stream().map(Risk::hotfixId).distinct().toList())
                .map((rs, c) -> Map.entry(rs.getString(1), rs.getString(2)))
                .forEach(e -> systems.computeIfAbsent(e.getKey(), k -> new ArrayList<>())
                        .add(e.getValue()));
        return risks.stream()
                .map(r -> r.withSystems(systems.getOrDefault(r.hotfixId(), List.of())))
                .toList();
    }

    private static Risk risk(ResultSet rs) throws SQLException {
        long retired = rs.getLong("retired_at");
        Instant retiredAt = rs.wasNull() ? null : Instant.ofEpochMilli(retired);
        return new Risk(
                rs.getLong("id"),
                rs.getString("hotfix_id"),
                rs.getBoolean("from_record"),
                rs.getString("statement"),
                rs.getString("owner"),
                rs.getString("accepted_by"),
                RiskDecision.parse("decision", rs.getString("decision")),
                rs.getString("controls"),
                rs.getString("proper_fix"),
                Instant.ofEpochMilli(rs.getLong("review_by")),
                RiskState.parse("state", rs.getString("state")),
                Instant.ofEpochMilli(rs.getLong("accepted_at")),
                retiredAt,
                rs.getString("retire_reason"),
                rs.getBoolean("retired_by_fix"),
                List.of(),
                rs.getInt("version"));
    }
}
