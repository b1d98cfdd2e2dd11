package dev.hotfixlog;

/**
 * Every configuration key, its default and what it means. The README's configuration table is this enum.
 * A key is read, in order of precedence, from a command-line flag, the environment, the optional file named by
 * {@code HOTFIX_CONFIG}, then the default.
 */
public enum Setting {
    DATA_DIR("HOTFIX_DATA_DIR", "--data-dir", "hotfix-data", "Folder for the embedded database and local state."),
    DB_URL(
            "HOTFIX_DB_URL",
            "--db",
            "",
            "JDBC URL; empty means SQLite at <data dir>/hotfix.db. "
                    + "Use jdbc:postgresql://host:5432/db for a shared database."),
    DB_USER("HOTFIX_DB_USER", null, "", "Database user (PostgreSQL)."),
    DB_PASSWORD("HOTFIX_DB_PASSWORD", null, "", "Database password (PostgreSQL)."),
    DB_POOL_SIZE("HOTFIX_DB_POOL_SIZE", null, "10", "Most connections held open to PostgreSQL."),
    PORT("HOTFIX_PORT", "--port", "8080", "HTTP port of `serve` (0 picks a free one)."),
    BIND("HOTFIX_BIND", "--bind", "127.0.0.1", "Address `serve` listens on; loopback unless you say otherwise."),
    MAX_REQUEST_BYTES("HOTFIX_MAX_REQUEST_BYTES", null, "2097152", "Largest request body the server reads."),
    SERVER("HOTFIX_SERVER", "--server", "", "CLI: talk to this server's REST API instead of the database."),
    TOKEN("HOTFIX_TOKEN", null, "", "CLI: API token sent as `Authorization: Bearer` in --server mode."),
    BOOTSTRAP_TOKEN(
            "HOTFIX_BOOTSTRAP_TOKEN",
            null,
            "",
            "`serve`: make sure an admin API token with this value "
                    + "exists (automation, tests); at least 16 characters."),
    PUBLIC_URL(
            "HOTFIX_PUBLIC_URL",
            null,
            "",
            "Base URL people reach the server at (for single sign-on "
                    + "redirects); empty means taken from each request."),
    OIDC_ISSUER("HOTFIX_OIDC_ISSUER", null, "", "OpenID Connect issuer URL; empty turns single sign-on off."),
    OIDC_CLIENT_ID("HOTFIX_OIDC_CLIENT_ID", null, "", "OpenID Connect client id."),
    OIDC_CLIENT_SECRET("HOTFIX_OIDC_CLIENT_SECRET", null, "", "OpenID Connect client secret."),
    OIDC_ROLE_CLAIM("HOTFIX_OIDC_ROLE_CLAIM", null, "groups", "ID token claim holding the user's groups."),
    OIDC_ROLES(
            "HOTFIX_OIDC_ROLES",
            null,
            "",
            "Group to role, e.g. `sre-leads=admin,oncall=responder,*=viewer`; "
                    + "the highest match wins; no match and no `*` means no access."),
    ACTOR("HOTFIX_ACTOR", null, "", "Name recorded in the history for CLI changes; empty means the OS user."),
    FOLLOWUP_DUE(
            "HOTFIX_FOLLOWUP_DUE",
            null,
            "postmortem=48h,properFix=14d,processImprovement=30d,documentation=14d",
            "When each follow-up falls due after a hotfix is resolved (`m`, `h` or `d`), unless a due time was set."),
    CHANNELS(
            "HOTFIX_CHANNELS",
            null,
            "",
            "Where messages go: entries separated by `;` or new lines, each "
                    + "`<slack|mattermost|teams|webhook|email> <URL or addresses> [severity=…] [events=…] [name=…]`; "
                    + "see \"Notifications\" below. Empty sends nothing."),
    SMTP_HOST("HOTFIX_SMTP_HOST", null, "", "SMTP server for `email` channels."),
    SMTP_PORT("HOTFIX_SMTP_PORT", null, "587", "SMTP port."),
    SMTP_USER("HOTFIX_SMTP_USER", null, "", "SMTP user; empty means no authentication."),
    SMTP_PASSWORD("HOTFIX_SMTP_PASSWORD", null, "", "SMTP password."),
    SMTP_FROM("HOTFIX_SMTP_FROM", null, "hotfix-log@localhost", "Sender address of e-mails."),
    SMTP_TLS(
            "HOTFIX_SMTP_TLS",
            null,
            "starttls",
            "`starttls` (required), `tls` (implicit, port 465) or `none` "
                    + "(only for a relay on a trusted network)."),
    TEMPLATES_DIR(
            "HOTFIX_TEMPLATES_DIR",
            null,
            "",
            "Folder whose `alert.txt`, `complete.txt`, `stakeholder.txt`, "
                    + "`reminder.txt` or `sign.txt` replace the built-in message templates."),
    NOTIFY_INTERVAL_MS(
            "HOTFIX_NOTIFY_INTERVAL_MS",
            null,
            "1000",
            "`serve`: how often the delivery worker looks "
                    + "for due messages and reminders, in milliseconds; 0 turns the worker off."),
    FIELDS(
            "HOTFIX_FIELDS",
            null,
            "",
            "The team's own fields: a JSON list, or the path of a file holding one; see "
                    + "\"A team's own fields\" below. Empty means none."),
    INTEGRATIONS(
            "HOTFIX_INTEGRATIONS",
            null,
            "",
            "Senders of alerts and deploys, and chat workspaces, each with its own URL and secret: "
                    + "entries separated by `;` or new lines, each `<alertmanager|grafana|github|deploy> <name> [bearer=…] "
                    + "[basic=user:password] [hmac=…] [timestamp-header=…] [window=5m] [systems=service,app]`, or `slack "
                    + "<name> secret=<signing secret> token=xoxb-… [channel=C…]`; see \"Point "
                    + "Alertmanager at it\" below. Empty takes none."),
    CAUSE_WINDOW(
            "HOTFIX_CAUSE_WINDOW",
            null,
            "24h",
            "How long before a hotfix's detection a deploy to one of its "
                    + "systems is still suggested as its cause (`m`, `h` or `d`)."),
    RISK_REVIEW(
            "HOTFIX_RISK_REVIEW",
            null,
            "critical=14d,high=30d,medium=90d",
            "How long a risk accepted on a "
                    + "hotfix of each severity stands before it must be reviewed (`m`, `h` or `d`); past it, the risk is "
                    + "expired."),
    RUNBOOK_URL(
            "HOTFIX_RUNBOOK_URL",
            null,
            "",
            "The team's release runbook (one of the seed's related documents), "
                    + "linked from every record page next to the risk register and the learning library; `http(s)://…`."),
    ATTACH_MAX_FILE(
            "HOTFIX_ATTACH_MAX_FILE",
            null,
            "10485760",
            "Largest evidence attachment, in bytes (a "
                    + "screenshot, a log excerpt, a PDF), at most 67108864 (64 MiB); a larger file is refused with 413."),
    ATTACH_MAX_RECORD(
            "HOTFIX_ATTACH_MAX_RECORD",
            null,
            "104857600",
            "Most bytes of attachments one hotfix or lesson "
                    + "holds; a file that would go past it is refused with 413."),
    MIGRATE_SEVERITY(
            "HOTFIX_MIGRATE_SEVERITY",
            null,
            "",
            "Lines over the built-in severity table of `hotfix "
                    + "migrate`, `source.value=severity` separated by commas (`pagerduty.P3=high,morgue.*=high`); see "
                    + "\"Moving in\"."),
    BACKUP_BEFORE_MIGRATION(
            "HOTFIX_BACKUP_BEFORE_MIGRATION",
            null,
            "sqlite",
            "Keep a copy of the log before a newer "
                    + "release migrates its schema: `sqlite` (a SQLite log, copied whole) or `always` (a PostgreSQL log "
                    + "too, as a `hotfix backup` archive in `<data dir>/backups`).");

    private final String envName;
    private final String flag;
    private final String defaultValue;
    private final String description;

    Setting(String envName, String flag, String defaultValue, String description) {
        this.envName = envName;
        this.flag = flag;
        this.defaultValue = defaultValue;
        this.description = description;
    }

    public String envName() {
        return envName;
    }

    /** The command-line flag, or null where the key is only read from the environment or the file. */
    public String flag() {
        return flag;
    }

    public String defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }
}
