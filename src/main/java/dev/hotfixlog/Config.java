package dev.hotfixlog;

import com.google.re2j.Pattern;
import dev.hotfixlog.backup.Backups;
import dev.hotfixlog.error.ValidationException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;

/**
 * The typed, validated, frozen configuration. Built once at start-up; a bad value fails fast with the key's name.
 *
 * @param dataDir         folder for the SQLite file and local state
 * @param dbUrl           the JDBC URL actually used (never empty: SQLite default resolved here)
 * @param dbUser          PostgreSQL user, may be empty
 * @param dbPassword      PostgreSQL password, may be empty
 * @param dbPoolSize      most pooled connections for PostgreSQL
 * @param port            HTTP port, 0 for any free port
 * @param bind            listen address
 * @param maxRequestBytes largest HTTP body accepted
 * @param server          remote server base URL for the CLI, empty for direct database access
 * @param token           API token for the remote server, may be empty
 * @param bootstrapToken  secret of an admin token `serve` makes sure exists, may be empty
 * @param actor           name recorded in history for CLI changes
 * @param publicUrl       base URL of the server as people reach it, may be empty
 * @param oidc            single sign-on settings; {@code oidc.enabled()} is false when no issuer is set
 * @param followThrough   follow-up due times, channels, SMTP, templates and the delivery worker's interval
 * @param fields          the team's own fields (HOTFIX_FIELDS), as written: read by the record's feature
 * @param integrations    senders of alerts and deploys (HOTFIX_INTEGRATIONS), as written: read by security
 * @param causeWindow     how far back a deploy is suggested as a hotfix's cause (HOTFIX_CAUSE_WINDOW), as written
 * @param backupBeforeMigration {@code sqlite} or {@code always} (HOTFIX_BACKUP_BEFORE_MIGRATION)
 * @param riskReview      how long an accepted risk stands per severity (HOTFIX_RISK_REVIEW), as written
 * @param runbookUrl      the team's release runbook (HOTFIX_RUNBOOK_URL), or empty
 * @param attachMaxFile   largest attachment, in bytes (HOTFIX_ATTACH_MAX_FILE)
 * @param attachMaxRecord most bytes of attachments one hotfix or lesson holds (HOTFIX_ATTACH_MAX_RECORD)
 * @param migrateSeverity the team's lines over the migration's severity table (HOTFIX_MIGRATE_SEVERITY), as written
 */
public record Config(
        Path dataDir,
        String dbUrl,
        String dbUser,
        String dbPassword,
        int dbPoolSize,
        int port,
        String bind,
        long maxRequestBytes,
        String server,
        String token,
        String bootstrapToken,
        String actor,
        String publicUrl,
        Oidc oidc,
        FollowThrough followThrough,
        String fields,
        String integrations,
        String causeWindow,
        String backupBeforeMigration,
        String riskReview,
        String runbookUrl,
        long attachMaxFile,
        long attachMaxRecord,
        String migrateSeverity) {
    private static final Pattern URL_PARAMETERS = Pattern.compile("\\?.*$");
    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)(password=)[^&]*");
    private static final Pattern HTTP_URL = Pattern.compile("(?i)https?://[^\\s\"<>]+");

    public static final String CONFIG_FILE_ENV = "HOTFIX_CONFIG";

    /** The same settings over another database. */
    public Config withDbUrl(String url) {
        return new Config(
                dataDir,
                url,
                dbUser,
                dbPassword,
                dbPoolSize,
                port,
                bind,
                maxRequestBytes,
                server,
                token,
                bootstrapToken,
                actor,
                publicUrl,
                oidc,
                followThrough,
                fields,
                integrations,
                causeWindow,
                backupBeforeMigration,
                riskReview,
                runbookUrl,
                attachMaxFile,
                attachMaxRecord,
                migrateSeverity);
    }

    /** The SQLite file this configuration names, or null (PostgreSQL, or a log in memory). */
    public Path sqliteFile() {
        if (!isSqlite() || dbUrl.contains("mode=memory") || dbUrl.contains(":memory:")) {
            return null;
        }
        return Path.of(
                URL_PARAMETERS.matcher(dbUrl.substring("jdbc:sqlite:".length())).replaceFirst(""));
    }

    public Config {
        if (port < 0 || port > 65_535) {
            throw ValidationException.of(Setting.PORT.envName(), "must be 0..65535, was " + port);
        }
        if (dbPoolSize < 1) {
            throw ValidationException.of(Setting.DB_POOL_SIZE.envName(), "must be at least 1, was " + dbPoolSize);
        }
        if (maxRequestBytes < 1024) {
            throw ValidationException.of(
                    Setting.MAX_REQUEST_BYTES.envName(), "must be at least 1024, was " + maxRequestBytes);
        }
        if (attachMaxFile < 1024 || attachMaxFile > Backups.MAX_ATTACHMENT_BYTES) {
            throw ValidationException.of(
                    Setting.ATTACH_MAX_FILE.envName(),
                    "must be between 1024 and "
                            + Backups.MAX_ATTACHMENT_BYTES + " (64 MiB: a backup holds each file "
                            + "on one line, and every archive must restore), was " + attachMaxFile);
        }
        if (attachMaxRecord < attachMaxFile) {
            throw ValidationException.of(
                    Setting.ATTACH_MAX_RECORD.envName(),
                    "must be at least " + Setting.ATTACH_MAX_FILE.envName() + " (" + attachMaxFile + "), was "
                            + attachMaxRecord);
        }
        if (!backupBeforeMigration.equals("sqlite") && !backupBeforeMigration.equals("always")) {
            throw ValidationException.of(
                    Setting.BACKUP_BEFORE_MIGRATION.envName(),
                    "must be sqlite or always, was '" + backupBeforeMigration + "'");
        }
        if (!runbookUrl.isEmpty() && !HTTP_URL.matcher(runbookUrl).matches()) {
            throw ValidationException.of(
                    Setting.RUNBOOK_URL.envName(), "must be an http(s):// address, was '" + runbookUrl + "'");
        }
        if (!dbUrl.startsWith("jdbc:sqlite:") && !dbUrl.startsWith("jdbc:postgresql:")) {
            throw ValidationException.of(
                    Setting.DB_URL.envName(), "must start with jdbc:sqlite: or jdbc:postgresql:, was '" + dbUrl + "'");
        }
    }

    /** Resolves every key: flags first, then the environment, then the optional file, then the default. */
    public static Config resolve(Map<Setting, String> flags, Map<String, String> env) {
        Properties file = readFile(env.get(CONFIG_FILE_ENV));
        Map<Setting, String> values = new EnumMap<>(Setting.class);
        for (Setting s : Setting.values()) {
            String v = flags.get(s);
            if (v == null) {
                v = env.get(s.envName());
            }
            if (v == null) {
                v = file.getProperty(s.envName());
            }
            values.put(s, v == null ? s.defaultValue() : v.trim());
        }
        return fromValues(values);
    }

    /** Defaults everywhere except the given overrides; for tests and embedding. */
    public static Config withOverrides(Map<Setting, String> overrides) {
        return resolve(overrides, Map.of());
    }

    private static Config fromValues(Map<Setting, String> v) {
        Path dataDir = Path.of(v.get(Setting.DATA_DIR));
        String dbUrl = v.get(Setting.DB_URL);
        if (dbUrl.isEmpty()) {
            dbUrl = "jdbc:sqlite:" + dataDir.resolve("hotfix.db");
        }
        String actor = v.get(Setting.ACTOR);
        if (actor.isEmpty()) {
            actor = System.getProperty("user.name", "cli");
        }
        return new Config(
                dataDir,
                dbUrl,
                v.get(Setting.DB_USER),
                v.get(Setting.DB_PASSWORD),
                intValue(v, Setting.DB_POOL_SIZE),
                intValue(v, Setting.PORT),
                v.get(Setting.BIND),
                longValue(v, Setting.MAX_REQUEST_BYTES),
                stripSlash(v.get(Setting.SERVER)),
                v.get(Setting.TOKEN),
                v.get(Setting.BOOTSTRAP_TOKEN),
                actor,
                stripSlash(v.get(Setting.PUBLIC_URL)),
                new Oidc(
                        v.get(Setting.OIDC_ISSUER),
                        v.get(Setting.OIDC_CLIENT_ID),
                        v.get(Setting.OIDC_CLIENT_SECRET),
                        v.get(Setting.OIDC_ROLE_CLAIM),
                        v.get(Setting.OIDC_ROLES)),
                new FollowThrough(
                        v.get(Setting.FOLLOWUP_DUE),
                        v.get(Setting.CHANNELS),
                        v.get(Setting.SMTP_HOST),
                        intValue(v, Setting.SMTP_PORT),
                        v.get(Setting.SMTP_USER),
                        v.get(Setting.SMTP_PASSWORD),
                        v.get(Setting.SMTP_FROM),
                        v.get(Setting.SMTP_TLS),
                        v.get(Setting.TEMPLATES_DIR),
                        longValue(v, Setting.NOTIFY_INTERVAL_MS)),
                v.get(Setting.FIELDS),
                v.get(Setting.INTEGRATIONS),
                v.get(Setting.CAUSE_WINDOW),
                v.get(Setting.BACKUP_BEFORE_MIGRATION),
                v.get(Setting.RISK_REVIEW),
                v.get(Setting.RUNBOOK_URL),
                longValue(v, Setting.ATTACH_MAX_FILE),
                longValue(v, Setting.ATTACH_MAX_RECORD),
                v.get(Setting.MIGRATE_SEVERITY));
    }

    /**
     * The raw follow-through settings. Each feature reads its part when the app is built (the channel list, the
     * templates, the due times), so a bad value stops the start with the setting's name, not the first delivery.
     */
    public record FollowThrough(
            String followUpDue,
            String channels,
            String smtpHost,
            int smtpPort,
            String smtpUser,
            String smtpPassword,
            String smtpFrom,
            String smtpTls,
            String templatesDir,
            long intervalMillis) {
        public FollowThrough {
            if (smtpPort < 1 || smtpPort > 65_535) {
                throw ValidationException.of(Setting.SMTP_PORT.envName(), "must be 1..65535, was " + smtpPort);
            }
            if (!smtpTls.equals("starttls") && !smtpTls.equals("tls") && !smtpTls.equals("none")) {
                throw ValidationException.of(
                        Setting.SMTP_TLS.envName(), "must be starttls, tls or none, was '" + smtpTls + "'");
            }
            if (intervalMillis < 0) {
                throw ValidationException.of(
                        Setting.NOTIFY_INTERVAL_MS.envName(), "must be 0 or more, was " + intervalMillis);
            }
        }

        @Override
        public String toString() {
            return "FollowThrough[smtpHost=" + smtpHost + ", secrets=***]";
        }
    }

    /** OpenID Connect single sign-on; off unless an issuer is set, and then client id and secret are needed. */
    public record Oidc(String issuer, String clientId, String clientSecret, String roleClaim, String roles) {
        public Oidc {
            if (!issuer.isEmpty() && (clientId.isEmpty() || clientSecret.isEmpty())) {
                throw ValidationException.of(
                        Setting.OIDC_CLIENT_ID.envName(),
                        "HOTFIX_OIDC_ISSUER is set, so "
                                + "HOTFIX_OIDC_CLIENT_ID and HOTFIX_OIDC_CLIENT_SECRET are needed too");
            }
        }

        public boolean enabled() {
            return !issuer.isEmpty();
        }
    }

    /** Never prints a secret: this may end up in a log line. */
    @Override
    public String toString() {
        return "Config[dataDir=" + dataDir + ", dbUrl="
                + PASSWORD_PARAMETER.matcher(dbUrl).replaceAll("$1***")
                + ", dbUser=" + dbUser + ", port=" + port + ", bind=" + bind + ", server=" + server
                + ", oidcIssuer=" + oidc.issuer() + ", secrets=***]";
    }

    public boolean isRemote() {
        return !server.isEmpty();
    }

    public boolean isSqlite() {
        return dbUrl.startsWith("jdbc:sqlite:");
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static int intValue(Map<Setting, String> v, Setting s) {
        return (int) longValue(v, s);
    }

    private static long longValue(Map<Setting, String> v, Setting s) {
        try {
            return Long.parseLong(v.get(s));
        } catch (NumberFormatException e) {
            throw ValidationException.of(s.envName(), "must be a whole number, was '" + v.get(s) + "'");
        }
    }

    private static Properties readFile(String path) {
        Properties p = new Properties();
        if (path == null || path.isBlank()) {
            return p;
        }
        try (Reader r = Files.newBufferedReader(Path.of(path), StandardCharsets.UTF_8)) {
            p.load(r);
            return p;
        } catch (IOException e) {
            throw ValidationException.of(CONFIG_FILE_ENV, "cannot read config file '" + path + "': " + e.getMessage());
        }
    }
}
