package dev.hotfixlog.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hotfixlog.hotfix.CustomField;
import dev.hotfixlog.hotfix.CustomFields;
import dev.hotfixlog.hotfix.FieldValues;
import dev.hotfixlog.hotfix.Hotfix;
import dev.hotfixlog.hotfix.HotfixId;
import dev.hotfixlog.hotfix.Severity;
import dev.hotfixlog.hotfix.Status;
import dev.hotfixlog.hotfix.Timeline;
import dev.hotfixlog.json.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A team's own fields through the Markdown log, for generated definitions (every type, generated labels and
 * choices) and values (text full of what breaks Markdown): written under their labels, read back by the reader,
 * they are the values they were.
 */
class TeamFieldLinesProperties {
    private static final List<String> WORDS = List.of(
            "Region",
            "Customer",
            "facing",
            "SLA",
            "ticket",
            "Zone",
            "Cell",
            "Ünïcödé",
            "日本語",
            "Team",
            "owner",
            "Change",
            "Pager",
            "Build",
            "Tier");
    private static final List<String> TEXT = List.of(
            "eu-west-1",
            "a | b",
            "**bold**",
            "_em_",
            "`code`",
            "→",
            "Ünïcödé",
            "日本語",
            "🚨",
            "[link](https://example.com/a?b=1)",
            "- item",
            "50%",
            "'quoted'",
            "x: y",
            "&amp;",
            "\\\\",
            "#1",
            "line\nbreak",
            "two\n\nparagraphs");

    @Property(tries = 300)
    void teamFields_writtenUnderTheirLabels_readBackAsTheyWere(@ForAll("teams") Team t) {
        TeamFieldLines lines = new TeamFieldLines(t.fields());
        Hotfix h = new Hotfix(
                new HotfixId(7),
                "Checkout 502",
                Severity.HIGH,
                "Priya",
                null,
                Timeline.EMPTY.withDetectedAt(Instant.parse("2026-11-22T10:00:00Z")),
                Status.ACTIVE,
                null,
                null,
                null,
                null,
                new FieldValues(t.values()),
                1,
                Instant.EPOCH,
                Instant.EPOCH,
                null);
        String page = "## Active Hotfixes\n\n"
                + LogWriter.one(h, new LogWriter.Beyond(null, lines.withTeamLines(h, List.of()), List.of()));
        List<PageEntry> entries = lines.take(LogReader.read(page).entries());
        assertThat(entries).hasSize(1);
        JsonNode read = entries.get(0).item().fields().path("fields");
        ObjectNode expected = Json.object();
        t.values().forEach((k, v) -> expected.set(k, Json.mapper().valueToTree(v)));
        assertThat(read).as(page).isEqualTo(expected);
        assertThat(entries.get(0).extras())
                .as("no team line is left as the entry's own text")
                .isEmpty();
    }

    record Team(CustomFields fields, Map<String, Object> values) {}

    @Provide
    Arbitrary<Team> teams() {
        // A definition whose label is the template's own is refused at start (CustomField), so none is drawn.
        Arbitrary<String> label = Arbitraries.of(WORDS)
                .list()
                .ofMinSize(1)
                .ofMaxSize(3)
                .map(w -> String.join(" ", w))
                .filter(l -> Label.find(l) == null);
        Arbitrary<CustomField.Type> type = Arbitraries.of(CustomField.Type.class);
        Arbitrary<List<String>> choices = Arbitraries.of("eu", "us", "apac", "web", "ios", "Ünïcödé", "a b")
                .set()
                .ofMinSize(1)
                .ofMaxSize(4)
                .map(ArrayList::new);
        Arbitrary<String> text = Arbitraries.of(TEXT)
                .list()
                .ofMinSize(1)
                .ofMaxSize(3)
                .map(p -> String.join(" ", p))
                .map(String::strip)
                .filter(s -> !s.isEmpty());
        Arbitrary<Object[]> one = Combinators.combine(
                        label,
                        type,
                        choices,
                        text,
                        Arbitraries.integers().between(-5000, 5000),
                        Arbitraries.of(true, false))
                .as((l, ty, c, tx, n, b) -> new Object[] {l, ty, c, tx, n, b});
        return one.list().ofMinSize(1).ofMaxSize(6).map(TeamFieldLinesProperties::team);
    }

    @SuppressWarnings("unchecked")
    private static Team team(List<Object[]> drawn) {
        List<CustomField> defs = new ArrayList<>();
        Map<String, Object> values = new HashMap<>();
        LinkedHashSet<String> labels = new LinkedHashSet<>();
        for (int i = 0; i < drawn.size(); i++) {
            Object[] d = drawn.get(i);
            String label = (String) d[0];
            if (!labels.add(label.toLowerCase(Locale.ROOT))) {
                continue; // two fields of one label would be one line for the reader
            }
            CustomField.Type type = (CustomField.Type) d[1];
            boolean choice = type == CustomField.Type.CHOICE || type == CustomField.Type.MULTI_CHOICE;
            List<String> choices = (List<String>) d[2];
            CustomField f = new CustomField("field" + i, label, type, false, choice ? choices : List.of(), null);
            defs.add(f);
            Object v = switch (type) {
                case NUMBER -> (double) (int) d[4];
                case YES_NO -> d[5];
                case CHOICE -> choices.get(0);
                case MULTI_CHOICE -> choices;
                case DATE -> "2026-11-" + (10 + i);
                case LINK -> "https://example.com/t/" + i;
                case TEXT -> ((String) d[3]).replace("\n", " ");
                default -> d[3];
            };
            values.put(f.name(), v);
        }
        return new Team(new CustomFields(defs), values);
    }
}
