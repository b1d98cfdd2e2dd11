package dev.hotfixlog.notify;

import java.util.Objects;

/** One rendered message: the subject (an e-mail's subject, a card's title) and the text, channel-neutral. */
public record Message(MessageKind kind, String subject, String text) {
    public Message {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
    }
}
