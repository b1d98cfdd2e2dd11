package dev.hotfixlog.lesson;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/** What the field-notes site is built from, read in one transaction: published lessons, their cases, people. */
final class FieldNotesRepository {
    private static final int CHUNK = 1000;
    private final LessonRepository lessons = new LessonRepository();

    /** A case's facts that the site may show (and the title, which is scrubbed). */
    record CaseRow(String title, String severity, String category, Instant detectedAt, Instant resolvedAt) {}

    record Content(List<Lesson> lessons, Map<String, CaseRow> cases, List<String> people) {}

    Content content(Handle h) {
        List<Lesson> published = lessons.published(h);
        List<String> ids = published.stream()
                .flatMap(l -> l.cases().stream())
                .map(Object::toString)
                .distinct()
                .toList();
        Map<String, CaseRow> cases = new HashMap<>();
        for (int i = 0; i < ids.size(); i += CHUNK) {
            h.createQuery("SELECT id, title, severity, category, detected_at, resolved_at FROM record_facts WHERE id IN"
                            + " (<ids>)")
                    .bindList("ids", ids.subList(i, Math.min(ids.size(), i + CHUNK)))
                    .map((rs, ctx) -> {
                        long d = rs.getLong(5);
                        Instant detected = rs.wasNull() ? null : Instant.ofEpochMilli(d);
                        long r = rs.getLong(6);
                        Instant resolved = rs.wasNull() ? null : Instant.ofEpochMilli(r);
                        cases.put(
                                rs.getString(1),
                                new CaseRow(rs.getString(2), rs.getString(3), rs.getString(4), detected, resolved));
                        return null;
                    })
                    .forEach(x -> {});
        }
        return new Content(published, cases, people(h));
    }

    /** Every text the log holds as a person: owners, who ticked a step, who changed a record, accounts, tokens. */
    List<String> people(Handle h) {
        return new ArrayList<>(h.createQuery("SELECT name FROM record_people"
                        + " UNION SELECT actor FROM audit_event"
                        + " UNION SELECT username FROM account"
                        + " UNION SELECT name FROM api_token"
                        + " UNION SELECT created_by FROM api_token")
                .mapTo(String.class)
                .list());
    }
}
