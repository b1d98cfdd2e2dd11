package dev.hotfixlog.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotfixlog.support.SqlTables;
import dev.hotfixlog.support.SqlTables.Ref;
import dev.hotfixlog.support.TableOwners;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The rules support.SqlOwnership checks every statement of the suite with: which tables, and whose. */
class SqlOwnershipRulesTest {
    @Test
    void everyTableOfTheMigrations_hasOneOwner_andEveryOwnedNameIsATable() {
        TableOwners owners = TableOwners.get();
        assertThat(owners.tables()).as("tables of the migrations").contains("hotfix", "id_counter", "lesson");
        assertThat(owners.views()).contains("record_facts", "incoming_facts");
        assertThat(owners.owners().keySet())
                .as("each table of the migrations needs an owner in TableOwners")
                .containsExactlyInAnyOrderElementsOf(owners.tables());
    }

    @Test
    void refs_nameTheTablesAStatementReadsAndWrites() {
        assertThat(SqlTables.refs("UPDATE id_counter SET last_value = last_value + 1 WHERE name = 'lesson'"
                        + " RETURNING last_value"))
                .containsExactly(new Ref("id_counter", true));
        assertThat(SqlTables.refs("SELECT h.id, s.x FROM hotfix h, follow_up f JOIN hotfix_step AS s ON s.id = h.id "
                        + "WHERE h.title = 'FROM lesson' -- FROM risk\n FOR UPDATE"))
                .containsExactly(new Ref("hotfix", false), new Ref("follow_up", false), new Ref("hotfix_step", false));
        assertThat(SqlTables.refs("INSERT INTO outbox_message (a) VALUES (:from) ON CONFLICT (a) DO UPDATE SET a = 1"))
                .containsExactly(new Ref("outbox_message", true));
        assertThat(SqlTables.refs("DELETE FROM \"Lesson_Tag\" WHERE lesson_id IN (SELECT id FROM public.lesson)"))
                .containsExactly(new Ref("lesson_tag", true), new Ref("lesson", false));
        assertThat(SqlTables.refs("SELECT EXTRACT(EPOCH FROM now()), x::text FROM record_facts"))
                .extracting(Ref::name)
                .contains("record_facts");
    }

    @Test
    void aFeature_mayReadViews_andTouchOnlyItsOwnTables_thePlumbingAll() {
        TableOwners owners = TableOwners.get();
        assertThat(owners.refusal("lesson", new Ref("id_counter", true)))
                .isEqualTo("writes id_counter, a table of hotfix");
        assertThat(owners.refusal("notify", new Ref("hotfix", false))).isEqualTo("reads hotfix, a table of hotfix");
        assertThat(owners.refusal("notify", new Ref("record_facts", false))).isNull();
        assertThat(owners.refusal("hotfix", new Ref("id_counter", true))).isNull();
        assertThat(owners.refusal("backup", new Ref("hotfix", true))).isNull();
        assertThat(owners.refusal("metrics", new Ref("some_cte", false))).isNull();
        Set<String> seen = new HashSet<>(owners.owners().values());
        assertThat(seen).doesNotContain("backup");
    }
}
