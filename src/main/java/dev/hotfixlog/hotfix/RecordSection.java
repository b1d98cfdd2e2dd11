package dev.hotfixlog.hotfix;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The parts of a record the web page edits in place, in the template's order. Each maps its form fields to
 * the API's field names, so a page edit is the same merge patch the REST API and the CLI send.
 */
public enum RecordSection {
    SUMMARY("summary", "Summary"),
    // Declaring late: when it was detected and when the team was alerted, if not just now. Times are UTC; any
    // form the API reads is taken ("2026-10-04 02:17").
    WHEN("when", "When"),
    EMERGENCY("emergency", "The Emergency"),
    FIX("fix", "The Fix"),
    CONTEXT("context", "The Context"),
    WRITE_UP("writeup", "Legible Fix"),
    // Who owns each follow-up, by when, and where the work lives: the checklist ticks them, this edits them.
    FOLLOW_UPS(
            "followups",
            "Follow-up details",
            new FormField("followUps.postmortem.description", "Post-mortem: what", "input"),
            new FormField("followUps.postmortem.owner", "Post-mortem: owner", "input"),
            new FormField("followUps.postmortem.dueAt", "Post-mortem: due (UTC)", "time"),
            new FormField("followUps.postmortem.link", "Post-mortem: link", "input"),
            new FormField("followUps.properFix.description", "Proper fix: what", "input"),
            new FormField("followUps.properFix.owner", "Proper fix: owner", "input"),
            new FormField("followUps.properFix.dueAt", "Proper fix: due (UTC)", "time"),
            new FormField("followUps.properFix.link", "Proper fix: tracker link", "input"),
            new FormField("followUps.processImprovement.description", "Process improvement: what", "input"),
            new FormField("followUps.processImprovement.owner", "Process improvement: owner", "input"),
            new FormField("followUps.processImprovement.dueAt", "Process improvement: due (UTC)", "time"),
            new FormField("followUps.processImprovement.link", "Process improvement: link", "input"),
            new FormField("followUps.documentation.description", "Documentation: what", "input"),
            new FormField("followUps.documentation.owner", "Documentation: owner", "input"),
            new FormField("followUps.documentation.dueAt", "Documentation: due (UTC)", "time"),
            new FormField("followUps.documentation.link", "Documentation: link", "input"));

    /** The sections the new-hotfix form shows: the template's own, without the later write-up. */
    public static final List<RecordSection> DECLARE = List.of(SUMMARY, WHEN, EMERGENCY, FIX, CONTEXT);

    private final String key;
    private final String heading;
    private final List<FormField> fields;

    /** A section whose inputs are the catalogue's fields of it ({@link RecordFields}), in its order. */
    RecordSection(String key, String heading) {
        this.key = key;
        this.heading = heading;
        this.fields = null;
    }

    /** A section of sub-fields the catalogue describes as one (the follow-ups' details). */
    RecordSection(String key, String heading, FormField... fields) {
        this.key = key;
        this.heading = heading;
        this.fields = List.of(fields);
    }

    /** The catalogue's inputs per section, made once both enums exist. */
    private static final class FromCatalogue {
        static final Map<RecordSection, List<FormField>> FIELDS = new EnumMap<>(RecordSection.class);

        static {
            for (RecordSection s : RecordSection.values()) {
                FIELDS.put(
                        s,
                        s.fields != null
                                ? s.fields
                                : RecordFields.inSection(s).stream()
                                        .map(RecordField::formField)
                                        .toList());
            }
        }
    }

    public String key() {
        return key;
    }

    public String heading() {
        return heading;
    }

    public List<FormField> fields() {
        return FromCatalogue.FIELDS.get(this);
    }

    /** The form field of this API name in any section, or null. */
    public static FormField field(String name) {
        for (RecordSection s : values()) {
            for (FormField f : s.fields()) {
                if (f.name().equals(name)) {
                    return f;
                }
            }
        }
        return null;
    }

    /** Null when no section has that key (a hand-typed URL). */
    public static RecordSection byKey(String key) {
        for (RecordSection s : values()) {
            if (s.key.equals(key)) {
                return s;
            }
        }
        return null;
    }

    /** The API fields a revision touched, by top-level name ({@code followUps.postmortem.done} → followUps). */
    public static Set<String> topLevel(List<FieldChange> changes) {
        Set<String> out = new HashSet<>();
        for (FieldChange c : changes) {
            out.add(HotfixJson.topLevel(c.field()));
        }
        return out;
    }
}
