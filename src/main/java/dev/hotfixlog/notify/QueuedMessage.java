package dev.hotfixlog.notify;

import dev.hotfixlog.hotfix.Severity;

/**
 * A message the worker has claimed and is about to deliver; {@code attempt} counts this one. {@code hotfixId} and
 * {@code severity} are null for a message about no hotfix (a warning sign).
 */
public record QueuedMessage(
        long id,
        String hotfixId,
        MessageKind kind,
        String channel,
        Severity severity,
        String subject,
        String body,
        int attempt) {
    public Message message() {
        return new Message(kind, subject, body);
    }
}
