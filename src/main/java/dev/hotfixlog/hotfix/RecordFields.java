package dev.hotfixlog.hotfix;

import static dev.hotfixlog.hotfix.CatalogueLine.field;
import static dev.hotfixlog.hotfix.FieldKind.CHOICE;
import static dev.hotfixlog.hotfix.FieldKind.DURATION;
import static dev.hotfixlog.hotfix.FieldKind.LINK;
import static dev.hotfixlog.hotfix.FieldKind.LIST;
import static dev.hotfixlog.hotfix.FieldKind.LONG_TEXT;
import static dev.hotfixlog.hotfix.FieldKind.NUMBER;
import static dev.hotfixlog.hotfix.FieldKind.TEXT;
import static dev.hotfixlog.hotfix.FieldKind.TIME;
import static dev.hotfixlog.hotfix.RecordSection.CONTEXT;
import static dev.hotfixlog.hotfix.RecordSection.EMERGENCY;
import static dev.hotfixlog.hotfix.RecordSection.FIX;
import static dev.hotfixlog.hotfix.RecordSection.FOLLOW_UPS;
import static dev.hotfixlog.hotfix.RecordSection.SUMMARY;
import static dev.hotfixlog.hotfix.RecordSection.WHEN;
import static dev.hotfixlog.hotfix.RecordSection.WRITE_UP;
import static dev.hotfixlog.hotfix.TextRules.NAME_MAX_CHARS;
import static dev.hotfixlog.hotfix.TextRules.TEXT_MAX_CHARS;
import static dev.hotfixlog.hotfix.TextRules.TITLE_MAX_CHARS;
import static dev.hotfixlog.hotfix.TextRules.URL_MAX_CHARS;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The catalogue of the record's fields, in the seed template's order: the one place a field is described. The
 * JSON codec ({@link HotfixJson}), the SQL ({@code HotfixRepository}), the rules ({@code internal.HotfixRules}), the page
 * sections ({@link RecordSection}), the Markdown reader and writer, the CLI's text, the search text and the
 * OpenAPI document's record schema all read it.
 *
 * <p><b>Adding a field</b> that holds text, a link or a number: one {@code field(...)…plain()} line here ({@link CatalogueLine}), in the place the
 * template gives it, and its column in a new migration (and, when {@code searched}, that migration also adds it
 * to the searched text: SQLite's view {@code search_hotfix_row}, PostgreSQL's {@code hotfix.search} column and
 * the {@code record_facts} view). Nothing else: {@code CatalogueFieldTest} adds one that way and follows it through
 * every layer.
 */
public final class RecordFields {
    private static final List<RecordField> BUILT_IN = List.of(
            field("title")
                    .column("title")
                    .form(SUMMARY, "Title (brief description)")
                    .kind(TEXT)
                    .maxChars(TITLE_MAX_CHARS)
                    .onBoard()
                    .structured(),
            field("severity")
                    .column("severity")
                    .template("Severity", "🔴 Critical | 🟡 High | 🔵 Medium")
                    .form(SUMMARY, "Severity")
                    .kind(CHOICE)
                    .onBoard()
                    .structured(),
            field("owner")
                    .column("owner")
                    .template("Who", "[Person who made the change]")
                    .form(SUMMARY, "Who")
                    .kind(TEXT)
                    .maxChars(NAME_MAX_CHARS)
                    .onBoard()
                    .aliases("owner")
                    .structured(),
            field("problem")
                    .column("problem")
                    .template("Problem", "[What was broken/failing]")
                    .form(EMERGENCY, "Problem")
                    .kind(LONG_TEXT)
                    .searched()
                    .plain(),
            field("impact")
                    .column("impact")
                    .template("Impact", "[How many users affected, business impact]")
                    .form(EMERGENCY, "Impact")
                    .kind(LONG_TEXT)
                    .searched()
                    .plain(),
            field("whyEmergency")
                    .column("why_emergency")
                    .template("Why Emergency", "[Why normal process couldn't wait]")
                    .form(EMERGENCY, "Why Emergency")
                    .kind(LONG_TEXT)
                    .searched()
                    .aliases("why")
                    .plain(),
            field("changeMade")
                    .column("change_made")
                    .template("Change Made", "[Brief description of what was changed]")
                    .form(FIX, "Change Made")
                    .kind(LONG_TEXT)
                    .searched()
                    .aliases("change", "fix")
                    .plain(),
            field("systemsAffected")
                    .template("Files/Systems Affected", "[What was touched]")
                    .form(FIX, "Files/Systems Affected (one per line)")
                    .kind(LIST)
                    .maxChars(NAME_MAX_CHARS)
                    .aliases("files affected", "systems affected", "files/systems", "systems", "files")
                    .structured(),
            field("rollbackPlan")
                    .column("rollback_plan")
                    .template("Rollback Plan", "[How to undo if it makes things worse]")
                    .form(FIX, "Rollback Plan")
                    .kind(LONG_TEXT)
                    .searched()
                    .aliases("rollback")
                    .plain(),
            field("rootCause")
                    .column("root_cause")
                    .template("Root Cause (Initial)", "[Best guess at cause]")
                    .form(CONTEXT, "Root Cause (Initial)")
                    .kind(LONG_TEXT)
                    .searched()
                    .aliases("root cause", "cause")
                    .plain(),
            field("riskAccepted")
                    .column("risk_accepted")
                    .template("Risk Accepted", "[What corners were cut, what wasn't tested]")
                    .form(CONTEXT, "Risk Accepted")
                    .kind(LONG_TEXT)
                    .searched()
                    .aliases("risk", "risks accepted")
                    .plain(),
            field("monitoring")
                    .column("monitoring")
                    .template("Monitoring", "[What metrics to watch post-fix]")
                    .form(CONTEXT, "Monitoring")
                    .kind(LONG_TEXT)
                    .searched()
                    .aliases("metrics to watch")
                    .plain(),
            field("detectedAt")
                    .column("detected_at")
                    .template("Date/Time", "[YYYY-MM-DD HH:MM]")
                    .form(WHEN, "Detected at (UTC)")
                    .kind(TIME)
                    .onBoard()
                    .aliases("date", "time", "when", "detected", "date / time")
                    .structured(),
            field("alertedAt")
                    .column("alerted_at")
                    .form(WHEN, "Team alerted at (UTC)")
                    .kind(TIME)
                    .structured(),
            field("fixDeployedAt").column("fix_deployed_at").kind(TIME).structured(),
            field("resolvedAt").column("resolved_at").kind(TIME).structured(),
            // Stamped when the alerts the hotfix was declared from all resolved (incoming); people may correct it.
            field("alertsClearedAt").column("alerts_cleared_at").kind(TIME).structured(),
            field("duration")
                    .column("explicit_duration_seconds")
                    .template("Duration", "[How long to implement]")
                    .kind(DURATION)
                    .aliases("time to fix")
                    .structured(),
            field("triage").structured(),
            field("steps").structured(),
            field("followUps").form(FOLLOW_UPS, null).structured(),
            field("category")
                    .column("category")
                    .template("Category", "[Failure-mode category]")
                    .form(WRITE_UP, "Failure-mode category")
                    .kind(TEXT)
                    .maxChars(NAME_MAX_CHARS)
                    .searched()
                    .aliases("failure-mode category", "failure mode")
                    .plain(),
            field("constraint")
                    .column("constraint_text")
                    .template("Constraint", "[The constraint that was violated]")
                    .form(WRITE_UP, "Constraint")
                    .kind(LONG_TEXT)
                    .searched()
                    .plain(),
            field("signal")
                    .column("signal_text")
                    .template("Signal", "[The validation signal that shows it holds]")
                    .form(WRITE_UP, "Validation signal")
                    .kind(LONG_TEXT)
                    .searched()
                    .aliases("validation signal")
                    .plain(),
            field("boundary")
                    .column("boundary_text")
                    .template("Boundary", "[Who owns this boundary]")
                    .form(WRITE_UP, "Ownership boundary")
                    .kind(LONG_TEXT)
                    .searched()
                    .aliases("ownership boundary")
                    .plain(),
            field("operatingRule")
                    .column("operating_rule")
                    .template("Operating Rule", "[The rule we operate by now]")
                    .form(WRITE_UP, "Operating rule")
                    .kind(LONG_TEXT)
                    .searched()
                    .plain(),
            field("learning")
                    .column("learning")
                    .template("Learning", "[Key insight]")
                    .form(WRITE_UP, "Learning (one line)")
                    .kind(TEXT)
                    .maxChars(TEXT_MAX_CHARS)
                    .searched()
                    .aliases("lesson", "key insight")
                    .plain(),
            field("postmortemUrl")
                    .column("postmortem_url")
                    .template("Post-mortem", "[Link to full analysis]")
                    .form(WRITE_UP, "Post-mortem link")
                    .kind(LINK)
                    .maxChars(URL_MAX_CHARS)
                    .aliases("postmortem", "post mortem")
                    .plain(),
            field("confidence")
                    .column("confidence")
                    .form(WRITE_UP, "Team confidence, 1 (shaken) to 5 (at ease)")
                    .kind(NUMBER)
                    .maxChars(0)
                    .between(1, 5, "1 (shaken) to 5 (at ease)")
                    .plain(),
            // The team's own fields (HOTFIX_FIELDS, CustomFields), by name: {"region": "eu", ...}.
            field("fields").structured());

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
            out.addAll(((Supplier<List<RecordField>>)
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
}
