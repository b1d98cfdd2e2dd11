package dev.hotfixlog.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.hotfixlog.json.Json;
import dev.hotfixlog.support.Linearity;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Every pattern that reads a person's text, and every hand-written scanner, takes time in proportion to the text:
 * for each, its worst input is searched among adversarial families built from the patterns themselves, then
 * doubled up to 2 MB; each doubling may cost at most {@link Linearity#MAX_RATIO_PER_DOUBLING} times more, and the
 * 2 MB input must take under {@link #LARGEST_MAX_NANOS} (a second in {@code bench/linear.sh}).
 *
 * <p>The patterns are not listed by hand: every static {@code com.google.re2j.Pattern} of every main class is
 * found on the compiled classes, so a pattern added tomorrow is measured tomorrow.
 */
@Tag("slow")
class LinearTimeTest {
    /**
     * CPU time allowed at 2 MB. The build runs on shared machines where CPU time itself stretches under
     * contention, so the build's bound (3 s) is there to catch a catastrophe, and the growth ratio catches the
     * class; {@code bench/linear.sh} runs this test with the issue's bound of one second
     * ({@code -Dhotfix.linear.maxMillis=1000}) for the figure in docs/PERFORMANCE.md.
     */
    private static final long LARGEST_MAX_NANOS = Long.getLong("hotfix.linear.maxMillis", 3_000L) * 1_000_000L;

    private static Map<String, Pattern> patterns;
    private static Set<String> detectorUnits;

    @BeforeAll
    static void findEveryPattern() throws ReflectiveOperationException {
        patterns = new LinkedHashMap<>();
        for (JavaClass c : new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.hotfixlog")) {
            for (JavaField f : c.getFields()) {
                if (f.getModifiers().contains(JavaModifier.STATIC)
                        && f.getRawType().isEquivalentTo(Pattern.class)) {
                    Field field = Class.forName(c.getName()).getDeclaredField(f.getName());
                    field.setAccessible(true);
                    patterns.put(c.getSimpleName() + "." + f.getName(), (Pattern) field.get(null));
                }
            }
        }
        detectorUnits = new LinkedHashSet<>();
        Detectors.ALL.forEach(
                d -> detectorUnits.addAll(Linearity.unitsFrom(d.pattern().pattern())));
        detectorUnits.addAll(List.of(
                "-----BEGIN RSA PRIVATE KEY----- x\n",
                "-----BEGIN ",
                "-----END ",
                "Ab1+",
                "https://h/Ab1",
                "https://h/services/T/B/x",
                "?token=",
                "&a=b",
                "AKIAIOSFODNN7EXAMPLE Ab1+/",
                "AKIAIOSFODNN7EXAMPLE ",
                "u:p@",
                "Bearer ",
                "password=",
                "[REDACTED:jwt]",
                // Armor headers, other armors, a token's prefix in an address; and what takes the folded path:
                // invisible characters, full-width letters, a secret split by them (each text read twice).
                "-----BEGIN PGP PRIVATE KEY BLOCK-----\nVersion: x\n",
                "Comment: a\\\n",
                "\n\n",
                "---- BEGIN ",
                "-----END PGP PRIVATE KEY BLOCK-----",
                "-----BEGIN PUBLIC KEY-----\nAb1+\n",
                "Private-Lines: 1\nAb1+\n",
                "https://h/tk_3f9a8b7c6d5e4f3a2b1c0",
                "/tk_",
                "\u200B",
                "\uDB40\uDC41",
                "ＡＫＩＡ",
                "AKIA\u200BIOSFODNN7EXAMPLE ",
                "ＡＫＩＡＩＯＳＦＯＤＮＮ７ＥＸＡＭＰＬＥ ",
                "\uFDFA",
                "ｐａｓｓｗｏｒｄ＝",
                // Escapes, each read decoded as well (a second reading), and secrets in them.
                "%41",
                "%3D",
                "&#65;",
                "&#x4b;",
                "&amp;",
                "&commat;",
                "\\u0041",
                "key%3DAKIAIOSFODNN7EXAMPLE%26",
                "&#65;&#75;&#73;&#65;",
                "ghp%5F",
                "password%3D",
                "mysql -p",
                "sshpass -p ",
                "Cookie: a=",
                "machine h login u password ",
                "\"auth\":\"",
                "AC0a1b2c3d4e5f60718293a4b5c6d7e8f9 "));
    }

    @Test
    void thePatternsAreFound() {
        assertThat(patterns).containsKeys("Detectors.JWT", "Detectors.PASSWORD_IN_URL", "Detectors.AWS_ACCESS_KEY_ID");
    }

    @Test
    void theRedactorsPatterns_growLinearly_andTakeUnderASecondAt2MB() {
        assertLinear(growths(name -> name.startsWith("Detectors.")));
    }

    /** Every other pattern of main: the slowest part (a minute or more on a busy machine). */
    @Test
    void everyOtherPatternOfMain_growsLinearly_andTakesUnderASecondAt2MB() {
        assertLinear(growths(name -> !name.startsWith("Detectors.")));
    }

    /** Each distinct pattern once (many classes split on the same comma), under the first name found. */
    private static List<Linearity.Growth> growths(Predicate<String> names) {
        Map<String, String> bySource = new LinkedHashMap<>();
        patterns.forEach((name, p) -> bySource.putIfAbsent(p.flags() + "/" + p.pattern(), name));
        List<Linearity.Growth> out = new ArrayList<>();
        bySource.values().stream()
                .filter(names)
                .forEach(name -> out.add(Linearity.growth(
                        name,
                        findAll(patterns.get(name)),
                        Linearity.unitsFrom(patterns.get(name).pattern()))));
        return out;
    }

    @Test
    void theHandWrittenScanners_growLinearly_andTakeUnderASecondAt2MB() {
        Hints hints = new Hints(Detectors.ALL);
        assertLinear(List.of(
                Linearity.growth("KeyMaterial.pemBlocks", KeyMaterial::pemBlocks, detectorUnits),
                Linearity.growth("KeyMaterial.bareRuns", KeyMaterial::bareRuns, detectorUnits),
                Linearity.growth("Folding.of", Folding::of, detectorUnits),
                Linearity.growth("Hints.candidates", hints::candidates, detectorUnits),
                Linearity.growth("UrlSecrets.spans", UrlSecrets::spans, detectorUnits),
                Linearity.growth("AwsKeyPairs.secretsNearKeyIds", AwsKeyPairs::secretsNearKeyIds, detectorUnits)));
    }

    /** The two ways in: a text, and a JSON body masked before it is read. {@code -eyJ} took 26 s at 100 KB. */
    @Test
    void theRedactorsEntryPoints_growLinearly_andTakeUnderASecondAt2MB() {
        SecretRedactor redactor = new SecretRedactor();
        Consumer<String> body = text -> {
            ObjectNode doc = Json.object();
            doc.putObject("followUps").putObject("postmortem").put("description", text);
            redactor.maskInPlace(doc);
        };
        assertLinear(List.of(
                Linearity.growth("SecretRedactor.redact", redactor::redact, detectorUnits),
                Linearity.growth("SecretRedactor.maskInPlace", body, detectorUnits)));
    }

    private static Consumer<String> findAll(Pattern p) {
        return text -> {
            Matcher m = p.matcher(text);
            int found = 0;
            while (m.find()) {
                found++;
            }
            if (found < 0) {
                throw new AssertionError("unreachable: keeps the loop from being optimised away");
            }
        };
    }

    private static void assertLinear(List<Linearity.Growth> growths) {
        growths.forEach(System.out::println);
        assertThat(growths)
                .as("operations that grow faster than linearly, or take over " + LARGEST_MAX_NANOS / 1_000_000
                        + " ms on 2 MB")
                .filteredOn(
                        g -> g.worstRatio() > Linearity.MAX_RATIO_PER_DOUBLING || g.largestNanos() > LARGEST_MAX_NANOS)
                .isEmpty();
    }
}
