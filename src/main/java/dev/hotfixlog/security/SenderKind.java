package dev.hotfixlog.security;

import java.util.List;
import java.util.Objects;

/**
 * How one kind of sender proves a delivery is its own, as far as it differs from the others: every kind may use
 * a bearer token or basic credentials; this says where its HMAC-SHA256 body signature comes and whether its
 * entries must have one. The kinds themselves live with what they send ({@code incoming}'s alert formats,
 * {@code deploy}'s routes); {@code App} hands their list to {@link Integrations#parse}.
 *
 * @param name            its word in {@code HOTFIX_INTEGRATIONS} and its part of the URL
 *                        ({@code /api/v1/ingest/<name>/…})
 * @param signatureHeader where the signature comes when the entry names no {@code hmac-header}
 * @param signature       whether the entry may, is told it may, or must sign
 * @param signaturePrefix what the signature's hex follows in its header ({@code sha256=}), or empty
 * @param timestampHeader where the kind always sends the signed timestamp (Slack's
 *                        {@code X-Slack-Request-Timestamp}) when the entry names no {@code timestamp-header}, or empty
 * @param signedPrefix    what the signed text starts with before {@code <timestamp>:<body>} (Slack's {@code v0:}), or
 *                        empty
 * @param options         the kind's own further settings an entry may give ({@code token=…}, {@code channel=…}: how a
 *                        chat is answered), kept with its secrets in {@link Integration#options}
 */
public record SenderKind(
        String name,
        String signatureHeader,
        Signature signature,
        String signaturePrefix,
        String timestampHeader,
        String signedPrefix,
        List<String> options) {
    /** How a kind's entries use a body signature. */
    public enum Signature {
        /** Taken when configured, not offered in the error that asks for a secret. */
        ACCEPTED,
        /** Offered as one of the secrets ({@code … or hmac=…}). */
        OFFERED,
        /** Every entry needs one: the sender signs every delivery. */
        REQUIRED
    }

    public SenderKind {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(signatureHeader, "signatureHeader");
        Objects.requireNonNull(signature, "signature");
        signaturePrefix = signaturePrefix == null ? "" : signaturePrefix;
        timestampHeader = timestampHeader == null ? "" : timestampHeader;
        signedPrefix = signedPrefix == null ? "" : signedPrefix;
        options = options == null ? List.of() : List.copyOf(options);
    }

    /** A kind that signs the body alone (or a timestamp the entry names) and takes no options of its own. */
    public SenderKind(String name, String signatureHeader, Signature signature, String signaturePrefix) {
        this(name, signatureHeader, signature, signaturePrefix, "", "", List.of());
    }
}
