package dev.hotfixlog.security;

import static dev.hotfixlog.security.Integrations.SETTING;

import com.google.re2j.Pattern;
import dev.hotfixlog.error.ValidationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One entry's {@code key=value} options as they are read, then checked together. */
final class EntryOptions {
    private static final Duration DEFAULT_WINDOW = Duration.ofMinutes(5);
    private static final Pattern HEADER = Pattern.compile("[A-Za-z0-9-]{1,64}");
    private static final Pattern LABEL = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");
    private static final Pattern EQUALS = Pattern.compile("=");
    private static final Pattern COMMA = Pattern.compile(",");
    private static final Pattern WINDOW = Pattern.compile("(\\d{1,6})([smh])");

    String bearer;
    String user;
    String password;
    String hmac;
    String hmacHeader;
    String timestampHeader;
    Duration window = DEFAULT_WINDOW;
    List<String> labels = Integrations.DEFAULT_SYSTEM_LABELS;
    Map<String, String> options = new LinkedHashMap<>();

    /** Reads one {@code key=value} word of the entry {@code named} ("kind name"); a kind's own options kept. */
    void read(String where, SenderKind type, String named, String word) {
        String[] kv = EQUALS.split(word, 2);
        if (kv.length != 2 || kv[1].isEmpty()) {
            throw ValidationException.of(
                    SETTING, where + " (" + named + "): '" + kv[0] + "' needs a value, e.g. bearer=…");
        }
        switch (kv[0]) {
            case "bearer" -> bearer = kv[1];
            case "basic" -> {
                int colon = kv[1].indexOf(':');
                if (colon < 1 || colon == kv[1].length() - 1) {
                    throw ValidationException.of(SETTING, where + ": basic= takes user:password");
                }
                user = kv[1].substring(0, colon);
                password = kv[1].substring(colon + 1);
            }
            case "hmac", "secret" -> hmac = kv[1];
            case "hmac-header" -> hmacHeader = header(where, kv[1]);
            case "timestamp-header" -> timestampHeader = header(where, kv[1]);
            case "window" -> window = window(where, kv[1]);
            case "systems" -> labels = labels(where, kv[1]);
            default -> {
                if (!type.options().contains(kv[0])) {
                    throw ValidationException.of(
                            SETTING,
                            where + ": unknown option '" + kv[0] + "'; use "
                                    + "bearer, basic, hmac, hmac-header, timestamp-header, window or systems"
                                    + (type.options().isEmpty() ? "" : ", or " + String.join(", ", type.options())));
                }
                options.put(kv[0], kv[1]);
            }
        }
    }

    /** The options fit together: a secret of some kind, one Authorization, a signature where the kind wants one. */
    void check(String where, SenderKind type, String name) {
        if (bearer == null && user == null && hmac == null) {
            throw ValidationException.of(
                    SETTING,
                    where + " (" + type.name() + " " + name + "): needs its own "
                            + "secret: bearer=…, basic=user:password"
                            + (type.signature() != SenderKind.Signature.ACCEPTED ? " or hmac=…" : ""));
        }
        if (bearer != null && user != null) {
            throw ValidationException.of(SETTING, where + ": bearer and basic both set Authorization; choose one");
        }
        if (type.signature() == SenderKind.Signature.REQUIRED && hmac == null) {
            throw ValidationException.of(
                    SETTING,
                    where + ": a " + type.name() + " integration needs secret=… (the "
                            + "webhook's secret, checked against " + type.signatureHeader() + ")");
        }
        if (timestampHeader != null && hmac == null) {
            throw ValidationException.of(SETTING, where + ": timestamp-header only applies with hmac=…");
        }
    }

    private static List<String> labels(String where, String v) {
        List<String> l = new ArrayList<>();
        for (String s : COMMA.split(v)) {
            if (!LABEL.matcher(s).matches()) {
                throw ValidationException.of(SETTING, where + ": '" + s + "' is not a label name");
            }
            l.add(s);
        }
        return l;
    }

    private static String header(String where, String v) {
        if (!HEADER.matcher(v).matches()) {
            throw ValidationException.of(SETTING, where + ": '" + v + "' is not a header name");
        }
        return v;
    }

    private static Duration window(String where, String v) {
        var m = WINDOW.matcher(v);
        if (!m.matches()) {
            throw ValidationException.of(SETTING, where + ": window= takes a number and s, m or h, e.g. 5m");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofHours(n);
        };
    }
}
