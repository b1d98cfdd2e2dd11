package dev.hotfixlog.security;

import java.time.Duration;
import java.util.List;

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
        List<String> systemLabels) {
    public Integration {
        systemLabels = List.copyOf(systemLabels);
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
