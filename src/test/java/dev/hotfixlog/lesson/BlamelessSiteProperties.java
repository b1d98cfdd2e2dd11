package dev.hotfixlog.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hotfixlog.App;
import dev.hotfixlog.hotfix.Hotfix;
import dev.hotfixlog.json.Json;
import dev.hotfixlog.json.MergePatch;
import dev.hotfixlog.support.TestDb;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Blameless by construction: whatever people a log holds (owners, follow-up owners, who ticked a step, who made
 * the change) and however their names, e-mail addresses and handles are sprinkled through hotfix and lesson
 * text, the built site holds none of them.
 */
class BlamelessSiteProperties {
    private static final List<String> REAL = List.of(
            "Priya Raman",
            "Tomás Ortega",
            "Zoë Brandt",
            "Jürgen Weiß",
            "Siobhán O'Connell",
            "Kwame Mensah",
            "Øystein Dahl",
            "Mei-Ling Zhou",
            "Björn Lindqvist",
            "Aleksandra Nowakowska",
            "Chidinma Okafor",
            "Hiroshi Tanaka",
            "Nguyễn Thị Hương",
            "Dmitri Volkov",
            "José Ángel Iglesias",
            "Fatima Zahra Benali");

    @Provide
    Arbitrary<String> person() {
        Arbitrary<String> word = Arbitraries.strings()
                .withCharRange('a', 'z')
                .ofMinLength(4)
                .ofMaxLength(8)
                .map(w -> Character.toUpperCase(w.charAt(0)) + w.substring(1) + "qz".charAt(w.length() % 2));
        Arbitrary<String> invented = Combinators.combine(word, word).as((a, b) -> a + " " + b);
        return Arbitraries.oneOf(Arbitraries.of(REAL), invented);
    }

    @Property(tries = 15)
    void noPersonTheLogKnows_appearsAnywhereInTheSite(
            @ForAll @Size(min = 4, max = 8) List<@From("person") String> people) throws Exception {
        try (TestDb db = TestDb.sqlite();
                App app = App.local(db.config(), Clock.fixed(Instant.parse("2026-10-05T09:00:00Z"), ZoneOffset.UTC))) {
            List<String> mentions = new ArrayList<>();
            for (int i = 0; i < people.size(); i++) {
                String owner = people.get(i);
                String other = people.get((i + 1) % people.size());
                String third = people.get((i + 2) % people.size());
                mentions.add(email(other));
                ObjectNode h = Json.object();
                h.put("title", "Checkout broke after " + first(owner) + " pushed config");
                h.put("severity", "high");
                h.put("owner", owner);
                h.put("problem", "Reported by " + email(other) + " and @" + handle(third));
                h.put("rootCause", third + "'s cron and " + other.toUpperCase(Locale.ROOT) + " both wrote it");
                h.put("category", "Configuration rollout by " + last(third));
                ObjectNode follow = h.putObject("followUps");
                follow.putObject("postmortem").put("owner", other);
                h.putObject("steps").putObject("quickReview").put("done", true).put("by", third);
                Hotfix made = app.hotfixes().create(MergePatch.of(h), people.get((i + 3) % people.size()));
                ObjectNode l = Json.object();
                l.put("title", "What " + first(other) + " learned from " + last(owner));
                l.put("summary", "As " + owner + " put it to " + email(third) + ": commit before async I/O.");
                l.put(
                        "constraint",
                        "Ask @" + handle(other) + " or " + first(third).toLowerCase(Locale.ROOT));
                l.put("signal", "The 502 rate fell to 0.1% once " + owner + " (" + email(owner) + ") looked.");
                l.put("boundary", "Platform owns the pool; " + last(other) + " owns the daemons.");
                l.put("operatingRule", "Never hold a transaction across a network call, says " + third + ".");
                l.put("category", "Configuration rollout by " + last(third));
                l.putArray("tags").add(first(owner).toLowerCase(Locale.ROOT)).add("pool");
                l.putArray("cases").add(made.id().toString());
                l.put("published", true);
                app.lessons().create(MergePatch.of(l), other);
            }
            Path out = db.dataDir().resolve("site");
            app.fieldNotes().build(out, "https://notes.example.com/");
            String site = FieldNotesTest.everything(out);
            assertThat(site).contains("commit before async I/O");
            for (String person : people) {
                for (String token : person.split("[^\\p{L}]+")) {
                    if (token.length() >= 2) {
                        assertThat(Pattern.compile(
                                                "(?<![\\p{L}\\p{N}])" + Pattern.quote(token) + "(?![\\p{L}\\p{N}])",
                                                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
                                        .matcher(site)
                                        .find())
                                .as(token + " of " + person)
                                .isFalse();
                    }
                }
            }
            for (String mention : mentions) {
                assertThat(site).doesNotContainIgnoringCase(mention);
            }
            assertThat(site).doesNotContain("@");
        }
    }

    private static String first(String name) {
        return name.split(" ")[0];
    }

    private static String last(String name) {
        String[] parts = name.split(" ");
        return parts[parts.length - 1];
    }

    private static String handle(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}]+", ".");
    }

    private static String email(String name) {
        return handle(name) + "@example.com";
    }
}
