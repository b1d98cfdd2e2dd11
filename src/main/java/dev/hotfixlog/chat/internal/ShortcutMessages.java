package dev.hotfixlog.chat.internal;

import dev.hotfixlog.chat.ChatInbound;
import dev.hotfixlog.store.Database;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The whole text of a message the shortcut "Add to hotfix…" was used on, kept server-side from the shortcut until
 * its form is submitted ({@code chat_shortcut_message}, V33): Slack keeps only 3,000 characters of a form's
 * {@code private_metadata}, so a long message would be cut there. Keyed by the workspace's entry and the message
 * (channel and ts), which the form's metadata names; the text is already masked. Kept for {@link #LIFE}.
 */
final class ShortcutMessages {
    /** How long a form may stay open and still keep the whole message. */
    static final Duration LIFE = Duration.ofDays(1);

    private final ChatRepository repo = new ChatRepository();
    private final Database db;
    private final Clock clock;

    ShortcutMessages(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Keeps the message's text (the latest, if the shortcut is used on it again), forgetting expired ones. */
    void keep(String integration, ChatInbound.Message m) {
        long now = clock.millis();
        try {
            db.write(h -> {
                repo.keepShortcutMessage(h, integration, m.channel(), m.ts(), m.text(), now, now + LIFE.toMillis());
                return null;
            });
        } catch (RuntimeException e) {
            // The same message kept at the same moment by another shortcut: that text serves as well.
            if (!Duplicates.isDuplicateKey(e)) {
                throw e;
            }
        }
    }

    /** The whole text kept for the message the form names, or empty when none is (expired, or never kept). */
    Optional<String> text(String integration, ChatInbound.Message m) {
        long now = clock.millis();
        return db.read(h -> repo.shortcutMessage(h, integration, m.channel(), m.ts(), now));
    }
}
