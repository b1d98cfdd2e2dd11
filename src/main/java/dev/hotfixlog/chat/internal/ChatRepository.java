package dev.hotfixlog.chat.internal;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/** The chat feature's SQL (V30): announcements, links, one-time link codes, requests already taken. */
final class ChatRepository {
    /** An announcement row: where, the message once posted, and which change it must show. */
    public record Row(String hotfixId, String integration, String channel, String ts, int wanted, int shown, int own) {
        /** The channel was made for this hotfix and is not archived yet. */
        public boolean ownChannel() {
            return own == 1;
        }
    }

    /** One announcement row, selected as hotfix_id, integration, channel, ts, wanted, shown, own_channel. */
    private static final RowMapper<Row> ROW = (rs, ctx) -> new Row(
            rs.getString(1),
            rs.getString(2),
            rs.getString(3),
            rs.getString(4),
            rs.getInt(5),
            rs.getInt(6),
            rs.getInt(7));

    /** Adds the hotfix's announcement in this workspace, unless it has one; true when added. */
    public boolean addAnnouncement(Handle h, String hotfixId, String integration, String channel, long now) {
        return addAnnouncement(h, hotfixId, integration, channel, false, now);
    }

    /** Adds it, in a channel made for this hotfix when {@code own}. */
    public boolean addAnnouncement(
            Handle h, String hotfixId, String integration, String channel, boolean own, long now) {
        if (h.createQuery("SELECT COUNT(*) FROM chat_announcement WHERE hotfix_id = :id AND integration = :i")
                        .bind("id", hotfixId)
                        .bind("i", integration)
                        .mapTo(Integer.class)
                        .one()
                > 0) {
            return false;
        }
        h.createUpdate("""
                        INSERT INTO chat_announcement
                            (hotfix_id, integration, channel, ts, wanted_version, shown_version, updated_at,
                             own_channel)
                        VALUES (:id, :i, :c, NULL, 1, 0, :now, :own)""")
                .bind("own", own ? 1 : 0)
                .bind("id", hotfixId)
                .bind("i", integration)
                .bind("c", channel)
                .bind("now", now)
                .execute();
        return true;
    }

    /** The hotfix's announcement in this workspace, if it has one. */
    public Optional<Row> announcement(Handle h, String hotfixId, String integration) {
        return h.createQuery("""
                        SELECT hotfix_id, integration, channel, ts, wanted_version, shown_version, own_channel
                        FROM chat_announcement WHERE hotfix_id = :id AND integration = :i""")
                .bind("id", hotfixId)
                .bind("i", integration)
                .map(ROW)
                .findOne();
    }

    /** Runs {@code push} once the transaction of {@code h} commits (never when it rolls back). */
    public void afterCommit(Handle h, Runnable push) {
        h.afterCommit(push);
    }

    /** The record changed: every announcement of it must show the change; how many it has. */
    public int wanted(Handle h, String hotfixId, long now) {
        return h.createUpdate("""
                        UPDATE chat_announcement SET wanted_version = wanted_version + 1, updated_at = :now
                        WHERE hotfix_id = :id""").bind("id", hotfixId).bind("now", now).execute();
    }

    /** The hotfix's announcements that do not show its last change yet. */
    public List<Row> behind(Handle h, String hotfixId) {
        return h.createQuery("""
                        SELECT hotfix_id, integration, channel, ts, wanted_version, shown_version, own_channel
                        FROM chat_announcement WHERE hotfix_id = :id AND (ts IS NULL OR wanted_version > shown_version)
                        ORDER BY integration""").bind("id", hotfixId).map(ROW).list();
    }

    /** The hotfix's announcements posted so far (each with its message's id). */
    public List<Row> posted(Handle h, String hotfixId) {
        return h.createQuery("""
                        SELECT hotfix_id, integration, channel, ts, wanted_version, shown_version, own_channel
                        FROM chat_announcement WHERE hotfix_id = :id AND ts IS NOT NULL ORDER BY integration""").bind("id", hotfixId).map(ROW).list();
    }

    /** Every announcement that does not show its record's last change (after a restart). */
    public List<String> allBehind(Handle h) {
        return h.createQuery("""
                        SELECT DISTINCT hotfix_id FROM chat_announcement
                        WHERE ts IS NULL OR wanted_version > shown_version""").mapTo(String.class).list();
    }

    /** The message now shows change {@code version}; {@code ts} is its id once posted. */
    public void shown(Handle h, Row row, String ts, int version, long now) {
        h.createUpdate("""
                        UPDATE chat_announcement SET ts = :ts, updated_at = :now,
                            shown_version = CASE WHEN shown_version < :v THEN :v ELSE shown_version END
                        WHERE hotfix_id = :id AND integration = :i""")
                .bind("ts", ts)
                .bind("v", version)
                .bind("now", now)
                .bind("id", row.hotfixId())
                .bind("i", row.integration())
                .execute();
    }

    /** The hotfix's own channel was archived: it is not archived again. */
    public void archived(Handle h, Row row) {
        h.createUpdate("UPDATE chat_announcement SET own_channel = 2 WHERE hotfix_id = :id AND integration = :i")
                .bind("id", row.hotfixId())
                .bind("i", row.integration())
                .execute();
    }

    public Optional<String> linkedAccount(Handle h, String integration, String workspace, String user) {
        return h.createQuery("""
                        SELECT username FROM chat_link
                        WHERE integration = :i AND workspace = :w AND chat_user = :u""")
                .bind("i", integration)
                .bind("w", workspace)
                .bind("u", user)
                .mapTo(String.class)
                .findOne();
    }

    public void link(
            Handle h, String integration, String workspace, String user, String username, String how, long now) {
        h.createUpdate("DELETE FROM chat_link WHERE integration = :i AND workspace = :w AND chat_user = :u")
                .bind("i", integration)
                .bind("w", workspace)
                .bind("u", user)
                .execute();
        h.createUpdate("""
                        INSERT INTO chat_link (integration, workspace, chat_user, username, how, linked_at)
                        VALUES (:i, :w, :u, :name, :how, :now)""")
                .bind("i", integration)
                .bind("w", workspace)
                .bind("u", user)
                .bind("name", username)
                .bind("how", how)
                .bind("now", now)
                .execute();
    }

    public void addCode(Handle h, String codeHash, String username, long expiresAt) {
        h.createUpdate("INSERT INTO chat_link_code (code_hash, username, expires_at) VALUES (:c, :u, :e)")
                .bind("c", codeHash)
                .bind("u", username)
                .bind("e", expiresAt)
                .execute();
    }

    /** Drops this account's expired codes, and its live ones beyond the {@code keep} that expire last. */
    public void keepNewestCodes(Handle h, String username, long now, int keep) {
        h.createUpdate("DELETE FROM chat_link_code WHERE username = :u AND expires_at < :now")
                .bind("u", username)
                .bind("now", now)
                .execute();
        List<String> older = h.createQuery(
                        "SELECT code_hash FROM chat_link_code WHERE username = :u ORDER BY expires_at DESC, code_hash")
                .bind("u", username)
                .mapTo(String.class)
                .list();
        for (String hash : older.subList(Math.min(keep, older.size()), older.size())) {
            h.createUpdate("DELETE FROM chat_link_code WHERE code_hash = :c")
                    .bind("c", hash)
                    .execute();
        }
    }

    /** The account a code was made for, once: the code is gone after, used or not, and so are expired ones. */
    public Optional<String> redeem(Handle h, String codeHash, long now) {
        h.createUpdate("DELETE FROM chat_link_code WHERE expires_at < :now")
                .bind("now", now)
                .execute();
        Optional<String> who = h.createQuery("SELECT username FROM chat_link_code WHERE code_hash = :c")
                .bind("c", codeHash)
                .mapTo(String.class)
                .findOne();
        h.createUpdate("DELETE FROM chat_link_code WHERE code_hash = :c")
                .bind("c", codeHash)
                .execute();
        return who;
    }

    /**
     * Notes a signed request's body as taken; false when it was taken already within the window (a replay, a
     * retry). Older ones are forgotten: their signatures are stale by then and refused before this.
     */
    public boolean firstTime(Handle h, String bodyHash, long now, long windowMillis) {
        h.createUpdate("DELETE FROM chat_request WHERE seen_at < :before")
                .bind("before", now - 2 * windowMillis)
                .execute();
        if (h.createQuery("SELECT COUNT(*) FROM chat_request WHERE body_hash = :b")
                        .bind("b", bodyHash)
                        .mapTo(Integer.class)
                        .one()
                > 0) {
            return false;
        }
        h.createUpdate("INSERT INTO chat_request (body_hash, seen_at) VALUES (:b, :now)")
                .bind("b", bodyHash)
                .bind("now", now)
                .execute();
        return true;
    }

    /** Keeps the whole text of a message the shortcut was used on (replacing an earlier one), expired ones gone. */
    public void keepShortcutMessage(
            Handle h, String integration, String channel, String ts, String text, long now, long expires) {
        h.createUpdate("""
                        DELETE FROM chat_shortcut_message WHERE expires_at < :now
                        """).bind("now", now).execute();
        h.createUpdate("""
                        DELETE FROM chat_shortcut_message WHERE integration = :i AND channel = :c AND ts = :ts
                        """)
                .bind("i", integration)
                .bind("c", channel)
                .bind("ts", ts)
                .execute();
        h.createUpdate("""
                        INSERT INTO chat_shortcut_message (integration, channel, ts, text, expires_at)
                        VALUES (:i, :c, :ts, :text, :expires)
                        """)
                .bind("i", integration)
                .bind("c", channel)
                .bind("ts", ts)
                .bind("text", text)
                .bind("expires", expires)
                .execute();
    }

    /** The whole text kept for a message, unless expired. */
    public Optional<String> shortcutMessage(Handle h, String integration, String channel, String ts, long now) {
        return h.createQuery("""
                        SELECT text FROM chat_shortcut_message
                        WHERE integration = :i AND channel = :c AND ts = :ts AND expires_at >= :now
                        """)
                .bind("i", integration)
                .bind("c", channel)
                .bind("ts", ts)
                .bind("now", now)
                .mapTo(String.class)
                .findOne();
    }
}
