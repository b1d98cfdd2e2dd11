package dev.hotfixlog.security;

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
 */
public record SenderKind(String name, String signatureHeader, Signature signature, String signaturePrefix) {
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
    }
}
