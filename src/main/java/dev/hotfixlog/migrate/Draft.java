package dev.hotfixlog.migrate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.re2j.Pattern;
import dev.hotfixlog.hotfix.RecordFields;
import dev.hotfixlog.hotfix.Status;
import dev.hotfixlog.hotfix.TextRules;
import dev.hotfixlog.json.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The record a tool's document is being made into, and the rules every tool's values pass on their way in. Times
 * are set only where the tool says them: no tool here records when a fix was deployed, so none is invented, and
 * the decision tree's questions stay unanswered ("not recorded"). A record without a title or a creation time is
 * skipped ({@link Unusable}: a history entry no metric can place); a moment that would come before the one it
 * follows is left out with a note rather than refusing the record.
 */
public final class Draft {
    // [[:space:]] is Java's \\s (vertical tab included); RE2/J's \\s leaves it out.
    private static final Pattern SPACES = Pattern.compile("[[:space:]]+");
    private final MigrationTool tool;
    private final SeverityTable severities;
    private final String key;
    private final List<String> notes = new ArrayList<>();
    private final ObjectNode fields = Json.object();
    /** Every field this tool fills, set or not: one it has no value for is cleared, not left as it was. */
    private final Set<String> owned = new LinkedHashSet<>(
            List.of("title", "severity", "owner", "systemsAffected", "detectedAt", "alertedAt", "resolvedAt"));

    private Status status;

    private Draft(MigrationTool tool, SeverityTable severities, String key) {
        this.tool = tool;
        this.severities = severities;
        this.key = key;
    }

    /** A record the mapping cannot use, with why; the run skips it and says so. */
    public static final class Unusable extends RuntimeException {
        public Unusable(String reason) {
            super(reason, null, false, false);
        }
    }

    /** One document of the tool as our record: the tool's {@link MigrationTool#map}, then the common notes. */
    static Mapped map(MigrationTool tool, SeverityTable severities, MigrationRequest request, SourceDoc d) {
        Draft draft = new Draft(tool, severities, d.key());
        tool.map(d.doc(), draft, request);
        for (JsonNode cut : d.doc().path("cut")) {
            draft.notes.add(d.key() + ": " + cut.asText() + " went on past " + Http.MAX_SUB_PAGES + " pages or came "
                    + "round again; the first ones are kept");
        }
        return draft.done();
    }

    /** The tool's id of the record. */
    public String key() {
        return key;
    }

    /** Says something in the run's report about this record ({@code key: text}). */
    public void note(String text) {
        notes.add(key + ": " + text);
    }

    /** The first of the candidates that is given, with its runs of white space made one space. */
    public void title(String... candidates) {
        String t = SourceText.first(candidates);
        if (t == null) {
            throw new Unusable("has no title");
        }
        put("title", SPACES.matcher(t).replaceAll(" "));
    }

    /** The severity of the first of the tool's values (priority before urgency) that the table has a line for. */
    public void severity(List<String> values) {
        fields.put("severity", severities.of(tool, values, notes, key).json());
    }

    /**
     * The name the source's lookup found for a person's or team's id ({@code doc.names}); the id itself when
     * the lookup failed (with a note) or was never made (saved pages).
     */
    public String named(JsonNode doc, String id, String what) {
        JsonNode name = id == null ? null : doc.path("names").get(id);
        if (name != null && name.isTextual()) {
            return name.asText();
        }
        if (name != null) {
            notes.add(key + ": the " + what + " " + id + " could not be looked up at the source; its id stands");
        }
        return id;
    }

    public void owner(String owner) {
        put("owner", owner);
    }

    public void systems(List<String> systems) {
        ArrayNode a = fields.putArray("systemsAffected");
        systems.stream()
                .map(s -> cut("systemsAffected", SPACES.matcher(s).replaceAll(" "), TextRules.NAME_MAX_CHARS))
                .distinct()
                .limit(100)
                .forEach(a::add);
    }

    /** The four moments, in order; one that would break the order is left out, with a note. */
    public void times(Instant detected, Instant alerted, Instant resolved, boolean done) {
        if (detected == null) {
            throw new Unusable("has no creation time");
        }
        fields.put("detectedAt", detected.toString());
        if (alerted != null && alerted.isBefore(detected)) {
            notes.add(key + ": alerted " + alerted + " is before detected " + detected + "; alertedAt left out");
            alerted = null;
        }
        if (alerted != null) {
            fields.put("alertedAt", alerted.toString());
        }
        Instant floor = alerted != null ? alerted : detected;
        if (resolved != null && resolved.isBefore(floor)) {
            notes.add(key + ": resolved " + resolved + " is before " + floor + "; resolvedAt left out");
            resolved = null;
        }
        if (resolved != null && done) {
            fields.put("resolvedAt", resolved.toString());
        }
        status = done ? Status.COMPLETED : Status.ACTIVE;
    }

    /** A text field of the record ({@code RecordFields}' JSON name), cut to its length; null clears it. */
    public void put(String field, String value) {
        owned.add(field);
        if (value == null) {
            return;
        }
        fields.put(field, cut(field, value, RecordFields.get(field).maxChars()));
    }

    /** A field that is no plain text ({@code followUps}), as its JSON. */
    public void set(String field, JsonNode value) {
        fields.set(field, value);
    }

    /** Text as the log may keep it: no NUL, no broken pair, at most its field's length (cut with a note). */
    public String cut(String field, String value, int max) {
        StringBuilder b = new StringBuilder(Math.min(value.length(), max));
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\u0000'
                    || Character.isSurrogate(c)
                            && !(Character.isHighSurrogate(c)
                                    && i + 1 < value.length()
                                    && Character.isLowSurrogate(value.charAt(i + 1)))
                            && !(Character.isLowSurrogate(c)
                                    && i > 0
                                    && Character.isHighSurrogate(value.charAt(i - 1)))) {
                continue;
            }
            b.append(c);
        }
        String s = b.toString();
        if (s.length() > max) {
            int end = max - 1;
            if (Character.isHighSurrogate(s.charAt(end - 1))) {
                end--;
            }
            notes.add(key + ": " + field + " cut to " + max + " characters (the source has " + s.length()
                    + "); the whole text is in the source document");
            s = s.substring(0, end) + "…";
        }
        return s;
    }

    private Mapped done() {
        for (String f : owned) {
            if (!fields.has(f)) {
                fields.putNull(f); // a merge patch over an earlier run's record: a value the source lost goes
            }
        }
        return new Mapped(fields, status, List.copyOf(notes));
    }
}
