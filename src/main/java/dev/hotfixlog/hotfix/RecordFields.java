package dev.hotfixlog.hotfix;

import static dev.hotfixlog.hotfix.TextRules.NAME_MAX_CHARS;
import static dev.hotfixlog.hotfix.TextRules.TEXT_MAX_CHARS;
import static dev.hotfixlog.hotfix.TextRules.TITLE_MAX_CHARS;
import static dev.hotfixlog.hotfix.TextRules.URL_MAX_CHARS;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The catalogue of the record's fields, in the seed template's order: the one place a field is described. The
 * JSON codec ({@link HotfixJson}), the SQL ({@code HotfixRepository}), the rules ({@code internal.HotfixRules}), the page
 * sections ({@link RecordSection}), the Markdown reader and writer, the CLI's text, the search text and the
 * OpenAPI document's record schema all read it.
 *
 * <p><b>Adding a field</b> that holds text, a link or a number: one {@link #plain} line here, in the place the
 * template gives it, and its column in a new migration (and, when {@code searched}, that migration also adds it
 * to the searched text: SQLite's view {@code search_hotfix_row}, PostgreSQL's {@code hotfix.search} column and
 * the {@code record_facts} view). Nothing else: {@code CatalogueFieldTest} adds one that way and follows it through
 * every layer.
 */
public final class RecordFields {
    private static final List<RecordField> BUILT_IN = List.of(
            structured(
                    "title",
                    "title",
                    null,
                    null,
                    RecordSection.SUMMARY,
                    "Title (brief description)",
                    FieldKind.TEXT,
                    TITLE_MAX_CHARS,
                    false,
                    true),
            structured(
                    "severity",
                    "severity",
                    "Severity",
                    "🔴 Critical | 🟡 High | 🔵 Medium",
                    RecordSection.SUMMARY,
                    "Severity",
                    FieldKind.CHOICE,
                    0,
                    false,
                    true),
            structured(
                    "owner",
                    "owner",
                    "Who",
                    "[Person who made the change]",
                    RecordSection.SUMMARY,
                    "Who",
                    FieldKind.TEXT,
                    NAME_MAX_CHARS,
                    false,
                    true,
                    "owner"),
            plain(
                    "problem",
                    "problem",
                    "Problem",
                    "[What was broken/failing]",
                    RecordSection.EMERGENCY,
                    "Problem",
                    FieldKind.LONG_TEXT,
                    true),
            plain(
                    "impact",
                    "impact",
                    "Impact",
                    "[How many users affected, business impact]",
                    RecordSection.EMERGENCY,
                    "Impact",
                    FieldKind.LONG_TEXT,
                    true),
            plain(
                    "whyEmergency",
                    "why_emergency",
                    "Why Emergency",
                    "[Why normal process couldn't wait]",
                    RecordSection.EMERGENCY,
                    "Why Emergency",
                    FieldKind.LONG_TEXT,
                    true,
                    "why"),
            plain(
                    "changeMade",
                    "change_made",
                    "Change Made",
                    "[Brief description of what was changed]",
                    RecordSection.FIX,
                    "Change Made",
                    FieldKind.LONG_TEXT,
                    true,
                    "change",
                    "fix"),
            structured(
                    "systemsAffected",
                    null,
                    "Files/Systems Affected",
                    "[What was touched]",
                    RecordSection.FIX,
                    "Files/Systems Affected (one per line)",
                    FieldKind.LIST,
                    NAME_MAX_CHARS,
                    false,
                    false,
                    "files affected",
                    "systems affected",
                    "files/systems",
                    "systems",
                    "files"),
            plain(
                    "rollbackPlan",
                    "rollback_plan",
                    "Rollback Plan",
                    "[How to undo if it makes things worse]",
                    RecordSection.FIX,
                    "Rollback Plan",
                    FieldKind.LONG_TEXT,
                    true,
                    "rollback"),
            plain(
                    "rootCause",
                    "root_cause",
                    "Root Cause (Initial)",
                    "[Best guess at cause]",
                    RecordSection.CONTEXT,
                    "Root Cause (Initial)",
                    FieldKind.LONG_TEXT,
                    true,
                    "root cause",
                    "cause"),
            plain(
                    "riskAccepted",
                    "risk_accepted",
                    "Risk Accepted",
                    "[What corners were cut, what wasn't tested]",
                    RecordSection.CONTEXT,
                    "Risk Accepted",
                    FieldKind.LONG_TEXT,
                    true,
                    "risk",
                    "risks accepted"),
            plain(
                    "monitoring",
                    "monitoring",
                    "Monitoring",
                    "[What metrics to watch post-fix]",
                    RecordSection.CONTEXT,
                    "Monitoring",
                    FieldKind.LONG_TEXT,
                    true,
                    "metrics to watch"),
            structured(
                    "detectedAt",
                    "detected_at",
                    "Date/Time",
                    "[YYYY-MM-DD HH:MM]",
                    RecordSection.WHEN,
                    "Detected at (UTC)",
                    FieldKind.TIME,
                    0,
                    false,
                    true,
                    "date",
                    "time",
                    "when",
                    "detected",
                    "date / time"),
            structured(
                    "alertedAt",
                    "alerted_at",
                    null,
                    null,
                    RecordSection.WHEN,
                    "Team alerted at (UTC)",
                    FieldKind.TIME,
                    0,
                    false,
                    false),
            structured("fixDeployedAt", "fix_deployed_at", null, null, null, null, FieldKind.TIME, 0, false, false),
            structured("resolvedAt", "resolved_at", null, null, null, null, FieldKind.TIME, 0, false, false),
            // Stamped when the alerts the hotfix was declared from all resolved (incoming); people may correct it.
            structured("alertsClearedAt", "alerts_cleared_at", null, null, null, null, FieldKind.TIME, 0, false, false),
            structured(
                    "duration",
                    "explicit_duration_seconds",
                    "Duration",
                    "[How long to implement]",
                    null,
                    null,
                    FieldKind.DURATION,
                    0,
                    false,
                    false,
                    "time to fix"),
            structured("triage", null, null, null, null, null, FieldKind.STRUCTURED, 0, false, false),
            structured("steps", null, null, null, null, null, FieldKind.STRUCTURED, 0, false, false),
            structured(
                    "followUps",
                    null,
                    null,
                    null,
                    RecordSection.FOLLOW_UPS,
                    null,
                    FieldKind.STRUCTURED,
                    0,
                    false,
                    false),
            plain(
                    "category",
                    "category",
                    "Category",
                    "[Failure-mode category]",
                    RecordSection.WRITE_UP,
                    "Failure-mode category",
                    FieldKind.TEXT,
                    NAME_MAX_CHARS,
                    true,
                    "failure-mode category",
                    "failure mode"),
            plain(
                    "constraint",
                    "constraint_text",
                    "Constraint",
                    "[The constraint that was violated]",
                    RecordSection.WRITE_UP,
                    "Constraint",
                    FieldKind.LONG_TEXT,
                    true),
            plain(
                    "signal",
                    "signal_text",
                    "Signal",
                    "[The validation signal that shows it holds]",
                    RecordSection.WRITE_UP,
                    "Validation signal",
                    FieldKind.LONG_TEXT,
                    true,
                    "validation signal"),
            plain(
                    "boundary",
                    "boundary_text",
                    "Boundary",
                    "[Who owns this boundary]",
                    RecordSection.WRITE_UP,
                    "Ownership boundary",
                    FieldKind.LONG_TEXT,
                    true,
                    "ownership boundary"),
            plain(
                    "operatingRule",
                    "operating_rule",
                    "Operating Rule",
                    "[The rule we operate by now]",
                    RecordSection.WRITE_UP,
                    "Operating rule",
                    FieldKind.LONG_TEXT,
                    true),
            plain(
                    "learning",
                    "learning",
                    "Learning",
                    "[Key insight]",
                    RecordSection.WRITE_UP,
                    "Learning (one line)",
                    FieldKind.TEXT,
                    TEXT_MAX_CHARS,
                    true,
                    "lesson",
                    "key insight"),
            plain(
                    "postmortemUrl",
                    "postmortem_url",
                    "Post-mortem",
                    "[Link to full analysis]",
                    RecordSection.WRITE_UP,
                    "Post-mortem link",
                    FieldKind.LINK,
                    URL_MAX_CHARS,
                    false,
                    "postmortem",
                    "post mortem"),
            new RecordField(
                    "confidence",
                    "confidence",
                    null,
                    null,
                    List.of(),
                    RecordSection.WRITE_UP,
                    "Team confidence, 1 (shaken) to 5 (at ease)",
                    FieldKind.NUMBER,
                    0,
                    1,
                    5,
                    "1 (shaken) to 5 (at ease)",
                    false,
                    false,
                    true),
            // The team's own fields (HOTFIX_FIELDS, CustomFields), by name: {"region": "eu", ...}.
            structured("fields", null, null, null, null, null, FieldKind.STRUCTURED, 0, false, false));
    /**
     * A system property naming a class (a {@code Supplier<List<RecordField>>}) whose fields join the built-in ones,
     * after them. For tests (and forks): a test adds a field this way to show that the catalogue is all a plain
     * field needs; a team's own fields are {@code HOTFIX_FIELDS}, not this.
     */
    public static final String EXTRA_FIELDS_PROPERTY = "hotfix.fields.extra";

    private static final List<RecordField> ALL = withExtra(BUILT_IN);
    private static final Map<String, RecordField> BY_NAME =
            ALL.stream().collect(Collectors.toUnmodifiableMap(RecordField::name, Function.identity()));
    private static final List<RecordField> PLAIN =
            ALL.stream().filter(RecordField::isPlain).toList();

    private RecordFields() {}

    /** Every field, in the template's order. */
    public static List<RecordField> all() {
        return ALL;
    }

    /** The fields the catalogue alone handles: one column each, text, link or number. */
    public static List<RecordField> plain() {
        return PLAIN;
    }

    public static RecordField get(String name) {
        RecordField f = BY_NAME.get(name);
        if (f == null) {
            throw new IllegalArgumentException("no field " + name + " in the catalogue");
        }
        return f;
    }

    /** The API names of every field, in order: what a client may set. */
    public static List<String> names() {
        return ALL.stream().map(RecordField::name).toList();
    }

    /** The fields a page section edits, in order. */
    static List<RecordField> inSection(RecordSection section) {
        List<RecordField> out = new ArrayList<>();
        for (RecordField f : ALL) {
            if (f.section() == section) {
                out.add(f);
            }
        }
        return out;
    }

    /** The columns full-text search reads, in order (as the searched text of migrations V15 and V21 lists them). */
    public static List<String> searchedColumns() {
        return ALL.stream()
                .filter(RecordField::searched)
                .map(RecordField::column)
                .toList();
    }

    @SuppressWarnings("unchecked")
    private static List<RecordField> withExtra(List<RecordField> builtIn) {
        String supplier = System.getProperty(EXTRA_FIELDS_PROPERTY, "");
        if (supplier.isBlank()) {
            return builtIn;
        }
        try {
            List<RecordField> out = new ArrayList<>(builtIn);
            out.addAll(((java.util.function.Supplier<List<RecordField>>)
                            Class.forName(supplier).getDeclaredConstructor().newInstance())
                    .get());
            return List.copyOf(out);
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalStateException(
                    EXTRA_FIELDS_PROPERTY + "=" + supplier + " is not a Supplier<List<"
                            + "RecordField>> with a public no-argument constructor: " + e,
                    e);
        }
    }

    private static RecordField plain(
            String name,
            String column,
            String label,
            String placeholder,
            RecordSection section,
            String formLabel,
            FieldKind kind,
            boolean searched,
            String... aliases) {
        int max = kind == FieldKind.LINK ? URL_MAX_CHARS : TEXT_MAX_CHARS;
        return new RecordField(
                name,
                column,
                label,
                placeholder,
                List.of(aliases),
                section,
                formLabel,
                kind,
                max,
                0,
                0,
                null,
                searched,
                false,
                true);
    }

    private static RecordField plain(
            String name,
            String column,
            String label,
            String placeholder,
            RecordSection section,
            String formLabel,
            FieldKind kind,
            int maxChars,
            boolean searched,
            String... aliases) {
        return new RecordField(
                name,
                column,
                label,
                placeholder,
                List.of(aliases),
                section,
                formLabel,
                kind,
                maxChars,
                0,
                0,
                null,
                searched,
                false,
                true);
    }

    private static RecordField structured(
            String name,
            String column,
            String label,
            String placeholder,
            RecordSection section,
            String formLabel,
            FieldKind kind,
            int maxChars,
            boolean searched,
            boolean onBoard,
            String... aliases) {
        return new RecordField(
                name,
                column,
                label,
                placeholder,
                List.of(aliases),
                section,
                formLabel,
                kind,
                maxChars,
                0,
                0,
                null,
                searched,
                onBoard,
                false);
    }
}
