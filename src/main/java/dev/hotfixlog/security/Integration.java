package dev.hotfixlog.security;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One sender the log takes events from without a person's token: an Alertmanager, a Grafana contact point, a
 * GitHub repository's deployment webhook, a CI pipeline's deploy marker. Each has its own URL
 * ({@code /api/v1/ingest/<kind>/<name>}) and its own secret, so one leaked secret is revoked alone.
 *
 * @param kind            what kind of sender it is (its URL's first part, how it signs)
 * @param name            its part of the URL
 * @param bearer          the token of {@code Authorization: Bearer}, or null
 * @param basicUser       the user of {@code Authorization: Basic}, or null (then no basic auth)
 * @param basicPassword   its password
 * @param hmacSecret      the key of a signature over the body (Grafana's HMAC, GitHub's X-Hub-Signature-256)
 * @param hmacHeader      where the signature comes
 * @param timestampHeader where Grafana's signed timestamp comes, or null (then the body alone is signed)
 * @param window          how far a signed timestamp may be from now
 * @param systemLabels    the alert labels whose values are the hotfix's systems, first found first
 * @param options         the kind's own further settings ({@link SenderKind#options}): a chat's bot token, its
 *                        default channel; as secret as the rest
 */
public record Integration(
        SenderKind kind,
        String name,
        String bearer,
        String basicUser,
        String basicPassword,
        String hmacSecret,
        String hmacHeader,
        String timestampHeader,
        Duration window,
        List<String> systemLabels,
        Map<String, String> options) {
    public Integration {
        systemLabels = List.copyOf(systemLabels);
        options = options == null ? Map.of() : Map.copyOf(options);
    }

    /** An integration with no options of its kind's own. */
    public Integration(
            SenderKind kind,
            String name,
            String bearer,
            String basicUser,
            String basicPassword,
            String hmacSecret,
            String hmacHeader,
            String timestampHeader,
            Duration window,
            List<String> systemLabels) {
        this(
                kind,
                name,
                bearer,
                basicUser,
                basicPassword,
                hmacSecret,
                hmacHeader,
                timestampHeader,
                window,
                systemLabels,
                Map.of());
    }

    /** One of its kind's own settings, or null when the entry gives none. */
    public String option(String name) {
        return options.get(name);
    }

    /** Its path under {@code /api/v1/ingest/}. */
    public String path() {
        return kind.name() + "/" + name;
    }

    @Override
    public String toString() {
        return "Integration[" + path() + ", secrets=***]";
    }
}
