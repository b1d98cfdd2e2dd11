package dev.hotfixlog.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Which feature owns each table of the migrations (ARCHITECTURE.md's package table and "Read models"): only the
 * owner names a table in SQL; every view is a read model its feature publishes (the record's {@code record_*},
 * {@code incoming_facts}, {@code deploy_facts}, …) and anyone may read it; {@code store} and {@code backup} are
 * the plumbing that copies, restores and migrates every table. {@link #EXCEPTIONS} are the reads that predate
 * the check, each to become a view; a new one fails the build.
 */
public final class TableOwners {
    /** The plumbing packages, which may touch every table. */
    public static final Set<String> PLUMBING = Set.of("store", "backup");

    private static final String OWNERS = """
            hotfix: hotfix hotfix_step hotfix_system hotfix_revision hotfix_redaction follow_up id_counter
                    idempotency_key hotfix_field field_definition
            markdown: hotfix_markdown markdown_page emergency_type warning_sign
            security: account api_token audit_event web_session oidc_pending
            notify: outbox_message outbox_message_new
            metrics: metrics_month metrics_version signal_value
            lesson: lesson lesson_case lesson_tag
            search: search_text
            incoming: incoming_alert incoming_alert_item incoming_delivery
            deploy: deploy deploy_link
            risk: risk risk_event
            attachment: attachment attachment_content
            migrate: migration_cursor migration_link
            chat: chat_announcement chat_link chat_link_code chat_request chat_inbox chat_shortcut_message
            store: unfinished_restore
            """;

    /**
     * Reads of another feature's table that were there before the check, as {@code feature: table …}. Each is
     * a read model waiting to be published as a view; none may be added.
     */
    private static final String EXCEPTIONS = """
            lesson: account api_token audit_event
            metrics: emergency_type
            search: hotfix hotfix_markdown lesson
            """;

    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    private static final TableOwners INSTANCE = new TableOwners();

    private final Map<String, String> owners = parse(OWNERS);
    private final Map<String, Set<String>> readExceptions = byFeature(EXCEPTIONS);
    private final Set<String> tables = new HashSet<>();
    private final Set<String> views = new HashSet<>();

    private TableOwners() {
        try (Stream<Path> files = Files.walk(MIGRATIONS)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".sql")).toList()) {
                List<String> t = SqlTables.tokens(Files.readString(f));
                for (int i = 0; i + 1 < t.size(); i++) {
                    if (!t.get(i).equals("create")) {
                        continue;
                    }
                    int j = i + 1;
                    boolean temporary = false; // a migration's own scratch table, gone when it ends: no one's
                    while (j < t.size()
                            && List.of("or", "replace", "virtual", "temp", "temporary")
                                    .contains(t.get(j))) {
                        temporary |= t.get(j).startsWith("temp");
                        j++;
                    }
                    if (temporary
                            || j + 1 >= t.size()
                            || !(t.get(j).equals("table") || t.get(j).equals("view"))) {
                        continue;
                    }
                    Set<String> into = t.get(j).equals("table") ? tables : views;
                    j++;
                    while (j < t.size() && List.of("if", "not", "exists").contains(t.get(j))) {
                        j++;
                    }
                    into.add(t.get(j));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static TableOwners get() {
        return INSTANCE;
    }

    /** Every table the migrations create. */
    public Set<String> tables() {
        return Set.copyOf(tables);
    }

    /** Every view the migrations create. */
    public Set<String> views() {
        return Set.copyOf(views);
    }

    /** Table → its feature, as declared above. */
    public Map<String, String> owners() {
        return Map.copyOf(owners);
    }

    /** Why {@code feature} may not touch {@code ref}, or null when it may (or the name is no table of ours). */
    public String refusal(String feature, SqlTables.Ref ref) {
        if (PLUMBING.contains(feature)) {
            return null;
        }
        if (views.contains(ref.name())) {
            return ref.write() ? "writes the view " + ref.name() : null;
        }
        if (!tables.contains(ref.name())) {
            return null; // a CTE, an alias, a function's FROM, a catalogue of the database: no table of ours
        }
        String owner = owners.get(ref.name());
        if (feature.equals(owner)) {
            return null;
        }
        if (!ref.write() && readExceptions.getOrDefault(feature, Set.of()).contains(ref.name())) {
            return null;
        }
        return (ref.write() ? "writes " : "reads ") + ref.name() + ", a table of " + owner;
    }

    /** {@code feature: word word …} lines, a line without a colon continuing the one before: feature → words. */
    private static Map<String, Set<String>> byFeature(String text) {
        Map<String, Set<String>> out = new HashMap<>();
        Set<String> words = null;
        for (String line : text.lines().toList()) {
            int colon = line.indexOf(':');
            if (colon >= 0) {
                words = out.computeIfAbsent(line.substring(0, colon).strip(), f -> new HashSet<>());
                line = line.substring(colon + 1);
            }
            for (String word : SqlTables.tokens(line)) {
                words.add(word);
            }
        }
        return out;
    }

    private static Map<String, String> parse(String text) {
        Map<String, String> out = new HashMap<>();
        byFeature(text)
                .forEach((feature, tables) -> tables.forEach(t -> {
                    if (out.put(t, feature) != null) {
                        throw new IllegalStateException(t + " has two owners in TableOwners");
                    }
                }));
        return out;
    }
}
