package dev.hotfixlog.migrate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hotfixlog.text.Split;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One tool a team moves in from, whole: its name (the command's and the API's word, the severity table's prefix,
 * what each record's link names), where its records come from ({@link #open}: its {@link Source}), how one of
 * them becomes our record ({@link #map}, with the table {@link #rows} the dry run and the README show), and its
 * built-in severity table. Adding a tool is one class implementing this and one line in {@code App}'s list.
 */
public interface MigrationTool {
    /** Its word in {@code hotfix migrate <name>}, {@code "source"} and the severity table: a-z, 0-9 and -. */
    String name();

    /** Other words a person may type for it. */
    default List<String> aliases() {
        return List.of();
    }

    /** The tool's own name, for people. */
    String label();

    /** What the tool calls one of its records. */
    String thing();

    /** Where its API is when no {@code --from} is given, or null when it must be named (self-hosted, a database). */
    default String defaultOrigin() {
        return null;
    }

    /** Its API in the EU ({@code --region eu}), or null when it has no regions. */
    default String euOrigin() {
        return null;
    }

    /** What the error says when there is no {@code from} and no default. */
    default String fromRequired() {
        return "is required: " + label() + "'s address, or a saved JSON page or folder";
    }

    /** Why {@code from} cannot be read by this tool, or null: an http(s) address needs a host. */
    default String refusal(String from) {
        if (!overHttp(from)) {
            return null;
        }
        try {
            return URI.create(from).getHost() == null ? "has no host: " + MigrationRequest.origin(from) : null;
        } catch (IllegalArgumentException e) {
            return "is not an address: " + e.getMessage();
        }
    }

    /** True when the records come from the tool's API at {@code from}, rather than saved pages or a database. */
    default boolean overHttp(String from) {
        return MigrationRequest.isUrl(from);
    }

    /** True when {@code from} names the server's own files (saved pages), which an API caller may not. */
    default boolean readsFiles(String from) {
        return !overHttp(from);
    }

    /** The tool's history as the request names it, read a page at a time. */
    Source open(MigrationRequest request, Instant now, Fetcher.Sleeper sleeper);

    /** The mapping table: our field, and what of the tool fills it. */
    List<MappingRow> rows();

    /** Fills the record from one source document ({@link SourceDoc#doc}) by the draft's rules. */
    void map(ObjectNode doc, Draft record, MigrationRequest request);

    /** Its built-in lines of the severity table, without the tool's prefix: {@code P1=critical,*=medium}. */
    String severities();

    /** {@link #severities} as a map of value to severity. */
    default Map<String, String> severityLines() {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : Split.on(severities(), ",")) {
            int eq = line.indexOf('=');
            out.put(
                    name() + "." + line.substring(0, eq).strip(),
                    line.substring(eq + 1).strip());
        }
        return out;
    }
}
