package dev.hotfixlog.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * A long page is read in pieces on several cores, each piece guessing where it starts (an entry heading, in the
 * part named above it). The guess can be wrong: the heading may sit in a code block, or in a section that is
 * not a part of the log. Whatever the pieces, the page must read exactly as it does in one piece: the same
 * entries, types, signs, skipped lines and line-numbered errors, in the same order. No database is involved.
 */
class LongPageReadingProperties {
    /** Blocks that start, end or fake a part or an entry, so that piece boundaries fall on every kind of line. */
    private static final List<String> BLOCKS = List.of(
            "## Active Hotfixes\n\n",
            "## Completed Hotfixes\n\n",
            MarkdownBenchmark.generate(1)
                    .replaceFirst("(?s)^.*?(### )", "$1")
                    .replaceFirst("(?s)## Hotfix Patterns.*$", ""),
            "### 🚨 [HOTFIX-200] Fence with headings inside\n\n**Severity:** 🔴 Critical\n\n#### The Fix\n\n"
                    + "**Change Made:**\n```\n### 🚨 [HOTFIX-777] not an entry\n## Completed Hotfixes\n---\n```\n"
                    + "**Rollback Plan:** undo it\n\n",
            "### 🚨 [HOTFIX-201] A section of its own\n\n#### Timeline\n\n~~~\n### ✅ [HOTFIX-778] still not an "
                    + "entry\n~~~\n02:10 paged\n\n",
            "### ✅ [HOTFIX-202] Cache stampede - 2026-01-02\n**Duration:** 5 min | **Follow-up:** Done | "
                    + "**Learning:** jitter the expiry\n\n---\n\n",
            "### 🚨 [HOTFIX-XXX] A new one without a number\n**Severity:** High\n**Who:** Ana\n\n",
            "### 🚨 [HOTFIX-203] Details block\n\n#### Record Details\n\n```json\n{\"status\": \"active\"}\n```\n\n",
            "## Hotfix Patterns & Prevention\n\n### Common Emergency Types\n\n- **Type 1:** Certificate rotation - "
                    + "**Prevention:** Expiry alerts\n\n### Warning Signs\n\n- **Signal 1:** 5xx rate → "
                    + "**Threshold:** over 1% for 5 minutes\n\n",
            "## Notes for the team\n\n### 🚨 [HOTFIX-204] in a section that is not the log\nfree text\n\n",
            "### no id in this heading\n\n",
            "stray text between entries\n\n",
            "### 🚨 [HOTFIX-abc] a bad id\n\n",
            "**Severity:** Blue\n\n",
            "---\n\n");

    @Property(tries = 400)
    void aPageReadInPieces_readsAsInOnePiece(
            @ForAll("pages") String page, @ForAll @IntRange(min = 2, max = 12) int pieces) {
        assertThat(LogReader.read(page, pieces)).isEqualTo(LogReader.read(page, 1));
    }

    @Example
    void theExampleLogAndALongGeneratedOne_readTheSameInPieces() throws IOException {
        String example = Files.readString(Path.of("src/test/resources/example-hotfix-log.md"));
        String generated = MarkdownBenchmark.generate(300);
        for (String page : List.of(example, generated, generated.replace("\n", "\r\n"))) {
            ParsedLog whole = LogReader.read(page, 1);
            for (int pieces = 2; pieces <= 16; pieces++) {
                assertThat(LogReader.read(page, pieces)).as("%d pieces", pieces).isEqualTo(whole);
            }
        }
        assertThat(LogReader.read(generated, 1).entries()).hasSize(300);
    }

    @Provide
    Arbitrary<String> pages() {
        return Arbitraries.of(BLOCKS).list().ofMinSize(1).ofMaxSize(40).map(blocks -> String.join("", blocks));
    }
}
