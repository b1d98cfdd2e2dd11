package dev.hotfixlog.security;

import com.google.re2j.Pattern;
import dev.hotfixlog.error.NotFoundException;
import dev.hotfixlog.error.UnauthorizedException;
import dev.hotfixlog.error.ValidationException;
import dev.hotfixlog.web.Requests;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The configured integrations ({@code HOTFIX_INTEGRATIONS}): entries separated by {@code ;} or new lines, each
 * {@code <kind> <name> [bearer=…] [basic=user:password] [hmac=…]
 * [hmac-header=…] [timestamp-header=…] [window=5m] [systems=service,app]}, the kinds being those {@code App}
 * hands in (alertmanager, grafana, deploy, github, …). Every entry needs a secret, and
 * {@link #verify} is the one place a delivery's credentials are checked: an unknown integration is a 404, a
 * missing or wrong secret or signature a 401 (both audited by the access gate).
 */
public final class Integrations {
    public static final String SETTING = "HOTFIX_INTEGRATIONS";
    /** Labels Alertmanager and Grafana rules commonly name the broken thing with. */
    public static final List<String> DEFAULT_SYSTEM_LABELS = List.of("service", "app", "job");

    private static final Duration DEFAULT_WINDOW = Duration.ofMinutes(5);
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,40}");
    private static final Pattern HEADER = Pattern.compile("[A-Za-z0-9-]{1,64}");
    private static final Pattern LABEL = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");
    private static final Pattern ENTRY_SEPARATOR = Pattern.compile("[;\\n]");
    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");
    private static final Pattern EQUALS = Pattern.compile("=");
    private static final Pattern COMMA = Pattern.compile(",");
    private static final Pattern WINDOW = Pattern.compile("(\\d{1,6})([smh])");
    private static final Pattern TIMESTAMP = Pattern.compile("\\d{1,12}");

    private final Map<String, Integration> byPath;

    private Integrations(Map<String, Integration> byPath) {
        this.byPath = Map.copyOf(byPath);
    }

    public static final Integrations NONE = new Integrations(Map.of());

    public List<Integration> all() {
        return byPath.values().stream()
                .sorted(Comparator.comparing(Integration::path))
                .toList();
    }

    /** Every entry, each error naming the entry by its position; each is of one of the {@code kinds}. */
    public static Integrations parse(String text, List<SenderKind> kinds) {
        Map<String, SenderKind> known = new LinkedHashMap<>();
        for (SenderKind k : kinds) {
            if (known.put(k.name(), k) != null) {
                throw new IllegalArgumentException("two kinds of sender are named " + k.name());
            }
        }
        Map<String, Integration> out = new LinkedHashMap<>();
        int position = 0;
        for (String raw : ENTRY_SEPARATOR.split(text == null ? "" : text)) {
            String entry = raw.trim();
            if (entry.isEmpty() || entry.startsWith("#")) {
                continue;
            }
            position++;
            Integration i = parseEntry("entry " + position, entry, known);
            if (out.putIfAbsent(i.path(), i) != null) {
                throw ValidationException.of(SETTING, "entry " + position + ": " + i.path() + " is named twice");
            }
        }
        return new Integrations(out);
    }

    private static Integration parseEntry(String where, String entry, Map<String, SenderKind> known) {
        String[] words = WHITE_SPACE.split(entry);
        SenderKind type = kindOf(where, words[0], known);
        if (words.length < 2 || !NAME.matcher(words[1]).matches()) {
            throw ValidationException.of(
                    SETTING,
                    where + ": give the integration a name after its type (a-z, " + "0-9, - and _), e.g. `"
                            + type.name() + " prod bearer=…`");
        }
        String name = words[1];
        EntryOptions o = new EntryOptions();
        for (int k = 2; k < words.length; k++) {
            o.read(where, type.name() + " " + name, words[k]);
        }
        o.check(where, type, name);
        return new Integration(
                type,
                name,
                o.bearer,
                o.user,
                o.password,
                o.hmac,
                o.hmac == null ? null : o.hmacHeader != null ? o.hmacHeader : type.signatureHeader(),
                o.timestampHeader,
                o.window,
                o.labels);
    }

    /** The kind an entry's first word names, or an error listing the kinds there are. */
    private static SenderKind kindOf(String where, String word, Map<String, SenderKind> known) {
        SenderKind type = known.get(word.toLowerCase(Locale.ROOT));
        if (type == null) {
            List<String> names = new ArrayList<>(known.keySet());
            throw ValidationException.of(
                    SETTING,
                    where + ": '" + word + "' is not an integration type; use "
                            + (names.size() < 2
                                    ? String.join("", names)
                                    : String.join(", ", names.subList(0, names.size() - 1)) + " or "
                                            + names.get(names.size() - 1)));
        }
        return type;
    }

    /** One entry's {@code key=value} options as they are read, then checked together. */
    private static final class EntryOptions {
        String bearer;
        String user;
        String password;
        String hmac;
        String hmacHeader;
        String timestampHeader;
        Duration window = DEFAULT_WINDOW;
        List<String> labels = DEFAULT_SYSTEM_LABELS;

        /** Reads one {@code key=value} word of the entry {@code named} ("kind name"). */
        void read(String where, String named, String word) {
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
                default ->
                    throw ValidationException.of(
                            SETTING,
                            where + ": unknown option '" + kv[0] + "'; use "
                                    + "bearer, basic, hmac, hmac-header, timestamp-header, window or systems");
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

    /**
     * The integration at this path, once its request proves it holds the secret: every credential the entry
     * names must match (compared in constant time), and a signed timestamp must be within the window.
     *
     * @param header the request's headers by name (case-insensitive)
     * @param body   the body exactly as received: what the sender signed
     */
    public Integration verify(String kind, String name, UnaryOperator<String> header, byte[] body, Instant now) {
        Integration i = byPath.get(kind + "/" + name);
        if (i == null) {
            throw new NotFoundException("no " + kind + " integration named '" + name + "' (" + SETTING + ")");
        }
        String auth = header.apply("Authorization");
        if (i.bearer() != null) {
            String given = auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)
                    ? auth.substring(7).trim()
                    : null;
            require(given != null && same(given, i.bearer()), "missing or wrong bearer token");
        }
        if (i.basicUser() != null) {
            String given =
                    auth != null && auth.regionMatches(true, 0, "Basic ", 0, 6) ? decode(auth.substring(6)) : null;
            require(
                    given != null && same(given, i.basicUser() + ":" + i.basicPassword()),
                    "missing or wrong basic credentials");
        }
        if (i.hmacSecret() != null) {
            String sent = header.apply(i.hmacHeader());
            require(sent != null, "no " + i.hmacHeader() + " signature");
            byte[] signed = body;
            if (i.timestampHeader() != null) {
                String ts = header.apply(i.timestampHeader());
                require(ts != null && TIMESTAMP.matcher(ts).matches(), "no " + i.timestampHeader() + " timestamp");
                long age = Math.abs(now.getEpochSecond() - Long.parseLong(ts));
                require(
                        age <= i.window().toSeconds(),
                        "signed timestamp is " + age + " s from now, outside the "
                                + i.window().toSeconds() + " s window (a replay, or a clock that is off)");
                byte[] prefix = (ts + ":").getBytes(StandardCharsets.UTF_8);
                signed = new byte[prefix.length + body.length];
                System.arraycopy(prefix, 0, signed, 0, prefix.length);
                System.arraycopy(body, 0, signed, prefix.length, body.length);
            }
            String expected = hmacHex(i.hmacSecret(), signed);
            String given = sent.trim();
            String prefix = i.kind().signaturePrefix();
            if (!prefix.isEmpty()) {
                require(given.startsWith(prefix), i.hmacHeader() + " is not " + prefix + "…");
                given = given.substring(prefix.length());
            }
            require(
                    same(given.toLowerCase(Locale.ROOT), expected),
                    "the " + i.hmacHeader() + " signature does not " + "match the body");
        }
        return i;
    }

    /**
     * The integration a request to {@code /api/v1/ingest/<kind>/{name}} proves it is: its name is the request's
     * actor in the audit log, and a refusal's reason goes there too (never to the sender).
     */
    public Integration verify(String kind, Context ctx, Instant now) {
        String name = ctx.pathParam("name");
        ctx.attribute(Requests.PRINCIPAL_NAME, kind + "/" + name);
        try {
            return verify(kind, name, ctx::header, ctx.bodyAsBytes(), now);
        } catch (IntegrationRefused e) {
            ctx.attribute(Requests.AUDIT_DETAIL, e.reason());
            throw e;
        }
    }

    /** HMAC-SHA256 of the bytes, as lowercase hex: how Grafana and GitHub sign a webhook. */
    public static String hmacHex(String secret, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    private static String decode(String b64) {
        try {
            return new String(Base64.getDecoder().decode(b64.trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean same(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private static void require(boolean ok, String reason) {
        if (!ok) {
            throw new IntegrationRefused(reason);
        }
    }

    /** A delivery whose credentials do not prove the secret; the reason goes to the audit log, not the sender. */
    public static final class IntegrationRefused extends UnauthorizedException {
        private final String reason;

        IntegrationRefused(String reason) {
            super("the integration's secret or signature is missing or wrong");
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }
}
