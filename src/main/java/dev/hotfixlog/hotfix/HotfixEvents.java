package dev.hotfixlog.hotfix;

import org.jdbi.v3.core.Handle;

/**
 * Told of each declared or changed record <em>inside</em> the transaction that stores it, so whatever it writes
 * (the notifications' outbox) commits or rolls back with the change itself. It must only touch the database
 * through {@code h}: on SQLite a write may run again after a busy retry. Imports do not call it: an imported
 * record is history, not news.
 */
public interface HotfixEvents {
    HotfixEvents NONE = new HotfixEvents() {
        @Override
        public void created(Handle h, Hotfix created) {
        }

        @Override
        public void changed(Handle h, Hotfix before, Hotfix after) {
        }
    };

    void created(Handle h, Hotfix created);

    void changed(Handle h, Hotfix before, Hotfix after);
}
