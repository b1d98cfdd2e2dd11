package dev.hotfixlog.cli;

import com.google.re2j.Pattern;
import dev.hotfixlog.Config;
import dev.hotfixlog.Setting;
import java.util.EnumMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** Where the data is: shared by every command as a mixin. Flags win over HOTFIX_* variables and the file. */
final class ConnectionOptions {
    private static final Pattern PASSWORD_OPTION = Pattern.compile("(?i)(password=)[^&;]*");

    @Option(
            names = "--db",
            paramLabel = "JDBC_URL",
            description = "Database URL (default: SQLite at hotfix-data/hotfix.db; env HOTFIX_DB_URL)")
    String db;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Data folder (default: hotfix-data)")
    String dataDir;

    @Option(
            names = "--server",
            paramLabel = "URL",
            description = "Talk to a running server's REST API instead of the database (env HOTFIX_SERVER)")
    String server;

    Config config(CliContext ctx, Map<Setting, String> more) {
        Map<Setting, String> flags = new EnumMap<>(Setting.class);
        put(flags, Setting.DB_URL, db);
        put(flags, Setting.DATA_DIR, dataDir);
        put(flags, Setting.SERVER, server);
        flags.putAll(more);
        return Config.resolve(flags, ctx.env());
    }

    private static void put(Map<Setting, String> m, Setting s, String v) {
        if (v != null) {
            m.put(s, v);
        }
    }

    /** A database URL fit to print: the value of a {@code password=} option is {@code ***}. */
    static String maskPassword(String url) {
        return PASSWORD_OPTION.matcher(url).replaceAll("$1***");
    }
}
