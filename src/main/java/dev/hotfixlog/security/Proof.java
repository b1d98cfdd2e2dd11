package dev.hotfixlog.security;

import java.time.Instant;

/**
 * What a chat request offers as its proof where its platform does not sign with a header the entry names:
 * Mattermost's slash-command token ({@link Scheme#SECRET}: the entry's secret itself), a MAC the log made
 * with the entry's secret over what it asked the chat to send back ({@link Scheme#HMAC_HEX}: a button's
 * context, a dialog's state), or Microsoft Teams' outgoing webhook ({@link Scheme#HMAC_BASE64}:
 * {@code Authorization: HMAC <base64>} over the body, keyed with the base64-decoded security token). Checked by
 * {@link Integrations#verify(String, io.javalin.http.Context, Proof, Instant)}, the one place secrets are checked.
 *
 * @param given    what the request carries, or null when it carries nothing
 * @param signed   what the MAC is over (unused for {@link Scheme#SECRET})
 * @param signedAt the moment the signed text says it was sent (Teams' Activity {@code timestamp}), checked
 *                 against the entry's window; null when the chat signs none
 */
public record Proof(Scheme scheme, String given, byte[] signed, Instant signedAt) {
    public enum Scheme {
        SECRET,
        HMAC_HEX,
        HMAC_BASE64
    }
}
