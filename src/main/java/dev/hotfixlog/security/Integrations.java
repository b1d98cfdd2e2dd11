package dev.hotfixlog.security;

import com.google.re2j.Pattern;
import dev.hotfixlog.error.UnauthorizedException;
import dev.hotfixlog.error.ValidationException;
import dev.hotfixlog.web.Requests;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
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
 * hands in (alertmanager, grafana, deploy, github, slack, …), plus the options a kind names as its own (a chat's
 * {@code token=} and {@code channel=}, kept with the entry's secrets). Every entry needs a secret, and
 * {@link #verify} is the one place a delivery's credentials are checked: an unknown integration and a missing or
 * wrong secret or signature are the same 401 with the same body (the audit's reason, kept by the access gate,
 * tells them apart), so the names of the integrations cannot be found by asking.
 */
public final class Integrations {
    public static final String SETTING = "HOTFIX_INTEGRATIONS";
    /** Labels Alertmanager and Grafana rules commonly name the broken thing with. */
    public static final List<String> DEFAULT_SYSTEM_LABELS = List.of("service", "app", "job");

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,40}");
    private static final Pattern ENTRY_SEPARATOR = Pattern.compile("[;\\n]");
    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");
    private static final Pattern TIMESTAMP = Pattern.compile("\\d{1,12}");

    private final Map<String, Integration> byPath;
    /** The secret an unknown name is checked against (see {@link #unknown}): random, never any entry's. */
    private final String decoy;

    private Integrations(Map<String, Integration> byPath) {
        this.byPath = Map.copyOf(byPath);
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        this.decoy = HexFormat.of().formatHex(random);
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
            o.read(where, type, type.name() + " " + name, words[k]);
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
                o.timestampHeader != null
                                || o.hmac == null
                                || type.timestampHeader().isEmpty()
                        ? o.timestampHeader
                        : type.timestampHeader(),
                o.window,
                o.labels,
                o.options);
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
            throw unknown(kind, name, body);
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
                byte[] prefix = (i.kind().signedPrefix() + ts + ":").getBytes(StandardCharsets.UTF_8);
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

    /**
     * The chat entry at {@code <kind>/{name}}, once the platform's {@link Proof} matches the entry's secret, in
     * constant time: unknown, absent or wrong → the same 401, with the reason audited, as {@link #verify}.
     */
    public Integration verify(String kind, Context ctx, Proof proof, Instant now) {
        String name = ctx.pathParam("name");
        ctx.attribute(Requests.PRINCIPAL_NAME, kind + "/" + name);
        Integration i = byPath.get(kind + "/" + name);
        try {
            if (i == null) {
                throw unknown(kind, name, proof.signed() == null ? new byte[0] : proof.signed());
            }
            require(i.hmacSecret() != null, "the entry has no secret=");
            require(proof.given() != null && !proof.given().isBlank(), "no token or signature");
            String given = proof.given().trim();
            String expected = switch (proof.scheme()) {
                case SECRET -> i.hmacSecret();
                case HMAC_HEX -> hmacHex(i.hmacSecret(), proof.signed());
                case HMAC_BASE64 -> hmacBase64(i.hmacSecret(), proof.signed());
            };
            if (proof.scheme() == Proof.Scheme.HMAC_HEX) {
                given = given.toLowerCase(Locale.ROOT);
            }
            require(same(given, expected), "the token or signature does not match");
            if (proof.signedAt() != null) {
                long age = Math.abs(now.getEpochSecond() - proof.signedAt().getEpochSecond());
                require(
                        age <= i.window().toSeconds(),
                        "signed timestamp is " + age + " s from now, outside the "
                                + i.window().toSeconds() + " s window (a replay, or a clock that is off)");
            }
        } catch (IntegrationRefused e) {
            ctx.attribute(Requests.AUDIT_DETAIL, e.reason());
            throw e;
        }
        return i;
    }

    /**
     * The refusal of a name no entry has: the same 401 and body as a wrong secret, after as much work as checking
     * one (an HMAC of the body with a secret no entry has, compared in constant time), so a sender cannot tell
     * which names exist; the audit's reason says it was the name.
     */
    private IntegrationRefused unknown(String kind, String name, byte[] body) {
        // The work a wrong secret costs; what it says does not matter, the name is refused either way.
        same(hmacHex(decoy, body), decoy);
        return new IntegrationRefused("no " + kind + " integration named '" + name + "' (" + SETTING + ")");
    }

    /** Teams' outgoing-webhook HMAC: the key is the base64 security token decoded, the MAC base64. */
    private static String hmacBase64(String base64Key, byte[] data) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64Key.trim());
        } catch (IllegalArgumentException e) {
            throw new IntegrationRefused("the entry's secret is not the base64 security token Teams shows");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
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
