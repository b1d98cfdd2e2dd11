package dev.hotfixlog.notify;

import dev.hotfixlog.hotfix.Severity;

/** A message the worker has claimed and is about to deliver; {@code attempt} counts this one. */
record QueuedMessage(long id, String hotfixId, MessageKind kind, String channel, Severity severity, String subject,
                     String body, int attempt) {
    Message message() {
        return new Message(kind, subject, body);
    }
}
