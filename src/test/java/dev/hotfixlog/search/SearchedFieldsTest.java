package dev.hotfixlog.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotfixlog.hotfix.RecordFields;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What is searched is written three times: SQLite's searched-row view (V21; V15 and V18 had it in each trigger)
 * and PostgreSQL's generated columns (V15), and the body PostgreSQL's snippets are cut from
 * ({@link SearchRepository}, from the catalogue). A field added to one and not
 * the others would be found and never shown, or shown and never found, on one database only.
 */
class SearchedFieldsTest {
    private static final List<String> HOTFIX = List.of(
            "problem",
            "impact",
            "why_emergency",
            "change_made",
            "rollback_plan",
            "root_cause",
            "risk_accepted",
            "monitoring",
            "category",
            "constraint_text",
            "signal_text",
            "boundary_text",
            "operating_rule",
            "learning");
    private static final List<String> LESSON =
            List.of("summary", "constraint_text", "signal_text", "boundary_text", "operating_rule", "category");

    @Test
    void theSnippetBodies_nameTheSearchedColumns_inOrder() {
        assertThat(columns(SearchRepository.HOTFIX_BODY, "coalesce\\(h\\.(\\w+), ''\\)"))
                .isEqualTo(HOTFIX);
        assertThat(columns(SearchRepository.LESSON_BODY, "coalesce\\(l\\.(\\w+), ''\\)"))
                .isEqualTo(LESSON);
    }

    @Test
    void sqlitesIndexTriggers_indexTheSameColumns_onInsertAndOnUpdate() throws IOException {
        String sql = migration("sqlite");
        List<String> bodies = new ArrayList<>();
        Matcher m = Pattern.compile("concat_ws\\(' ',([^;]*?)\\)\\);", Pattern.DOTALL)
                .matcher(sql);
        while (m.find()) {
            bodies.add(m.group(1));
        }
        assertThat(bodies).hasSize(4); // hotfix inserted and updated, lesson inserted and updated
        assertThat(columns(bodies.get(0), "NEW\\.(\\w+)")).isEqualTo(HOTFIX);
        assertThat(columns(bodies.get(1), "NEW\\.(\\w+)")).isEqualTo(HOTFIX);
        assertThat(columns(bodies.get(2), "NEW\\.(\\w+)")).isEqualTo(LESSON);
        assertThat(columns(bodies.get(3), "NEW\\.(\\w+)")).isEqualTo(LESSON);
        // An update re-indexes only when a searched text changed: its WHEN names every searched column.
        List<String> whens = new ArrayList<>();
        Matcher w = Pattern.compile("AFTER UPDATE ON \\w+\\s+WHEN (.*?)\\sBEGIN", Pattern.DOTALL)
                .matcher(sql);
        while (w.find()) {
            whens.add(w.group(1));
        }
        assertThat(whens).hasSize(2);
        List<String> key = List.of("id", "number", "title");
        assertThat(columns(whens.get(0), "OLD\\.(\\w+) IS NOT")).containsExactlyElementsOf(concat(key, HOTFIX));
        assertThat(columns(whens.get(1), "OLD\\.(\\w+) IS NOT")).containsExactlyElementsOf(concat(key, LESSON));
    }

    @Test
    void sqlitesTriggersOfV18_whichAddTheLogsOwnText_indexTheSameColumns() throws IOException {
        String sql = Files.readString(Path.of("src/main/resources/db/migration/sqlite/V18__search_log_extras.sql"));
        Matcher m = Pattern.compile("concat_ws\\(' ',(.*?)\\(SELECT group_concat", Pattern.DOTALL)
                .matcher(sql);
        int bodies = 0;
        while (m.find()) {
            assertThat(columns(m.group(1), "(?:NEW|h)\\.(\\w+)")).isEqualTo(HOTFIX);
            bodies++;
        }
        assertThat(bodies)
                .as("hotfix inserted, updated; its log text inserted, updated, deleted; the rebuild")
                .isEqualTo(6);
    }

    @Test
    void sqlitesSearchedRowOfV21_isSaidOnce_readByEveryTrigger_andNamesTheCataloguesSearchedColumns()
            throws IOException {
        String sql = Files.readString(Path.of("src/main/resources/db/migration/sqlite/V21__search_team_fields.sql"));
        Matcher m = Pattern.compile("concat_ws\\(' ',(.*?)\\(SELECT group_concat", Pattern.DOTALL)
                .matcher(sql);
        List<String> bodies = new ArrayList<>();
        while (m.find()) {
            bodies.add(m.group(1));
        }
        assertThat(bodies).as("one definition of the searched row").hasSize(1);
        assertThat(columns(bodies.get(0), "h\\.(\\w+)")).isEqualTo(HOTFIX).isEqualTo(RecordFields.searchedColumns());
        assertThat(sql.split("FROM search_hotfix_row", -1))
                .as("seven triggers and the rebuild read it")
                .hasSize(9);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    @Test
    void postgresqlsGeneratedColumns_weighTheSameColumns() throws IOException {
        String sql = migration("postgresql");
        List<String> bodies = new ArrayList<>();
        Matcher m = Pattern.compile(
                        "setweight\\(to_tsvector\\('english', (coalesce\\(\\w+, ''\\) \\|\\|.*?)\\), 'B'\\)",
                        Pattern.DOTALL)
                .matcher(sql);
        while (m.find()) {
            bodies.add(m.group(1));
        }
        assertThat(bodies).hasSize(2);
        assertThat(columns(bodies.get(0), "coalesce\\((\\w+), ''\\)")).isEqualTo(HOTFIX);
        assertThat(columns(bodies.get(1), "coalesce\\((\\w+), ''\\)")).isEqualTo(LESSON);
    }

    private static List<String> columns(String text, String pattern) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile(pattern).matcher(text);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static String migration(String vendor) throws IOException {
        try (InputStream in =
                SearchedFieldsTest.class.getResourceAsStream("/db/migration/" + vendor + "/V15__search.sql")) {
            assertThat(in).as("V15 for " + vendor).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
