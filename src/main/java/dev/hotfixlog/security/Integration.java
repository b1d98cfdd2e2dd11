package dev.hotfixlog.security;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One sender the log takes events from without a person's token: an Alertmanager, a Grafana contact point, a
 * GitHub repository's deployment webhook, a CI pipeline's deploy marker. Each has its own URL
 * ({@code /api/v1/ingest/<type>/<name>}) and its own secret, so one leaked secret is revoked alone.
 *
 * @param type            what it sends
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
public record Integration(Type type, String name, String bearer, String basicUser, String basicPassword,
                          String hmacSecret, String hmacHeader, String timestampHeader, Duration window,
                          List<String> systemLabels) {
    public Integration {
        systemLabels = List.copyOf(systemLabels);
    }

    /** What an integration sends, and the part of its URL that says so. */
    public enum Type {
        ALERTMANAGER, GRAFANA, DEPLOY, GITHUB;

        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Type> fromJson(String text) {
            for (Type t : values()) {
                if (t.json().equals(text)) {
                    return Optional.of(t);
                }
            }
            return Optional.empty();
        }

        /** The header a body signature comes in when the entry names none. */
        String defaultSignatureHeader() {
            return this == GITHUB ? "X-Hub-Signature-256" : "X-Grafana-Alerting-Signature";
        }
    }

    /** Its path under {@code /api/v1/ingest/}. */
    public String path() {
        return type.json() + "/" + name;
    }

    @Override
    public String toString() {
        return "Integration[" + path() + ", secrets=***]";
    }
}
