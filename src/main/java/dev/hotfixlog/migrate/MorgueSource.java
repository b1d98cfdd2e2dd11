package dev.hotfixlog.migrate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hotfixlog.error.ValidationException;
import dev.hotfixlog.json.Json;
import dev.hotfixlog.text.Split;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Etsy's Morgue, read straight from its MySQL/MariaDB database: {@code postmortems} 100 at a time by id, with
 * their tags, Jira tickets, image links and edit history. Columns the installation's schema does not have yet
 * (Morgue grew {@code subsystem}, {@code tldr}, {@code why_surprised} … by migrations) are simply absent from the
 * document; so are tables it does not have. Read only; the driver may not read local files for the server.
 */
final class MorgueSource implements Source {
    static final int LIMIT = 100;
    private static final String MYSQL = "jdbc:mysql:";
    private final Connection connection;
    private final Set<String> tables = new HashSet<>();
    private final Instant since;
    private final Instant until;

    /**
     * The driver options a URL may carry: who and how securely to connect, and how long to wait. Any other (the
     * driver's file loading, socket factories, authentication plugins) is refused: the URL may come over the API.
     */
    static final Set<String> OPTIONS = Set.of(
            "user",
            "password",
            "sslmode",
            "serversslcert",
            "truststore",
            "truststorepassword",
            "keystore",
            "keystorepassword",
            "connecttimeout",
            "sockettimeout");

    MorgueSource(MigrationRequest r) {
        this.since = r.since();
        this.until = r.until();
        String from = r.from();
        String url = from.length() >= MYSQL.length()
                        && from.substring(0, MYSQL.length())
                                .toLowerCase(Locale.ROOT)
                                .equals(MYSQL)
                ? "jdbc:mariadb:" + from.substring(MYSQL.length())
                : from;
        int q = url.indexOf('?');
        if (q >= 0) {
            for (String option : Split.on(url.substring(q + 1), "&")) {
                String name = option.contains("=") ? option.substring(0, option.indexOf('=')) : option;
                if (!name.isEmpty() && !OPTIONS.contains(name.toLowerCase(Locale.ROOT))) {
                    throw ValidationException.of(
                            "from",
                            "the option '" + name + "' is not taken here; a Morgue URL "
                                    + "may carry user, password, sslMode, serverSslCert, trustStore, keyStore (and their "
                                    + "passwords), connectTimeout and socketTimeout");
                }
            }
        }
        Properties p = new Properties();
        // A hostile server must not be able to ask for a file of this machine (LOAD DATA LOCAL).
        p.setProperty("allowLocalInfile", "false");
        p.setProperty("connectTimeout", "10000");
        p.setProperty("socketTimeout", "120000");
        try {
            connection = DriverManager.getConnection(url, p);
            connection.setReadOnly(true);
            DatabaseMetaData meta = connection.getMetaData();
            try (ResultSet rs = meta.getTables(connection.getCatalog(), null, "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    tables.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
                }
            }
        } catch (SQLException e) {
            throw ValidationException.of(
                    "from", "Morgue's database " + r.origin() + " cannot be read: " + e.getMessage());
        }
        if (!tables.contains("postmortems")) {
            throw ValidationException.of("from", r.origin() + " has no postmortems table: is it Morgue's database?");
        }
    }

    @Override
    public SourcePage page(String cursor) {
        long after = cursor == null ? 0 : Long.parseLong(cursor);
        try {
            List<ObjectNode> rows = rows("SELECT * FROM postmortems WHERE id > ? ORDER BY id LIMIT " + LIMIT, after);
            if (rows.isEmpty()) {
                return new SourcePage(List.of(), List.of(), null);
            }
            List<Long> ids = rows.stream().map(o -> o.get("id").asLong()).toList();
            Map<Long, List<ObjectNode>> tags = byPostmortem(
                    "postmortem_referenced_tags",
                    "SELECT r.postmortem_id, "
                            + "t.title FROM postmortem_referenced_tags r JOIN tags t ON t.id = r.tag_id WHERE r.deleted = 0 "
                            + "AND t.deleted = 0 AND r.postmortem_id IN (%s) ORDER BY t.title",
                    ids);
            Map<Long, List<ObjectNode>> jira = byPostmortem(
                    "jira",
                    "SELECT postmortem_id, ticket FROM jira WHERE "
                            + "deleted = 0 AND postmortem_id IN (%s) ORDER BY id",
                    ids);
            Map<Long, List<ObjectNode>> images = byPostmortem(
                    "images",
                    "SELECT postmortem_id, image_link FROM images"
                            + " WHERE deleted = 0 AND postmortem_id IN (%s) ORDER BY id",
                    ids);
            Map<Long, List<ObjectNode>> history = byPostmortem(
                    "postmortem_history",
                    "SELECT * FROM " + "postmortem_history WHERE postmortem_id IN (%s) ORDER BY id",
                    ids);
            List<SourceDoc> docs = new ArrayList<>();
            List<Skipped> skipped = new ArrayList<>();
            for (ObjectNode pm : rows) {
                long id = pm.get("id").asLong();
                if (pm.path("deleted").asInt(0) != 0) {
                    skipped.add(new Skipped(String.valueOf(id), "deleted in Morgue"));
                    continue;
                }
                long start = pm.path("starttime").asLong(0);
                if (start > 0
                        && (since != null && start < since.getEpochSecond()
                                || until != null && start >= until.getEpochSecond())) {
                    continue;
                }
                ObjectNode doc = Json.object();
                doc.put("source", MorgueTool.NAME);
                doc.set("postmortem", pm);
                doc.set("tags", array(tags.get(id), "title"));
                doc.set("jira", array(jira.get(id), "ticket"));
                doc.set("images", array(images.get(id), "image_link"));
                ArrayNode h = Json.mapper().createArrayNode();
                history.getOrDefault(id, List.of()).forEach(x -> {
                    x.remove("postmortem_id");
                    h.add(x);
                });
                doc.set("history", h);
                docs.add(new SourceDoc(String.valueOf(id), doc, null));
            }
            return new SourcePage(docs, skipped, rows.size() == LIMIT ? String.valueOf(ids.get(ids.size() - 1)) : null);
        } catch (SQLException e) {
            throw ValidationException.of(
                    "from", "reading Morgue's postmortems after id " + after + " failed: " + e.getMessage());
        }
    }

    private static ArrayNode array(List<ObjectNode> rows, String column) {
        ArrayNode a = Json.mapper().createArrayNode();
        if (rows != null) {
            rows.forEach(r -> a.add(r.path(column).asText("")));
        }
        return a;
    }

    private Map<Long, List<ObjectNode>> byPostmortem(String table, String sql, List<Long> ids) throws SQLException {
        Map<Long, List<ObjectNode>> out = new LinkedHashMap<>();
        if (!tables.contains(table)) {
            return out;
        }
        String marks = ids.stream().map(i -> "?").collect(Collectors.joining(","));
        for (ObjectNode row : rows(String.format(sql, marks), ids.toArray())) {
            out.computeIfAbsent(row.path("postmortem_id").asLong(), k -> new ArrayList<>())
                    .add(row);
        }
        return out;
    }

    /** Rows as JSON objects by column name: numbers as numbers, text as text, binary and NULL left out. */
    private List<ObjectNode> rows(String sql, Object... args) throws SQLException {
        List<ObjectNode> out = new ArrayList<>();
        try (PreparedStatement st = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                st.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                ResultSetMetaData md = rs.getMetaData();
                while (rs.next()) {
                    ObjectNode o = Json.object();
                    for (int c = 1; c <= md.getColumnCount(); c++) {
                        String name = md.getColumnLabel(c).toLowerCase(Locale.ROOT);
                        Object v = rs.getObject(c);
                        if (v instanceof Number n) {
                            o.put(name, n.longValue());
                        } else if (v instanceof Boolean b) {
                            o.put(name, b ? 1 : 0);
                        } else if (v instanceof String s) {
                            o.put(name, s);
                        } else if (v != null && !(v instanceof byte[])) {
                            o.put(name, v.toString());
                        }
                    }
                    out.add(o);
                }
            }
        }
        return out;
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // closing a read-only connection: nothing to keep
        }
    }
}
