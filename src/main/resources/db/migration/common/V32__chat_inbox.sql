-- A chat's requests, kept from their acknowledgement until their work is done (finding F6): written in the same
-- transaction as the replay guard (chat_request), so a request the chat was told is taken is never lost to a
-- restart, a slow chat API or a full queue. A worker claims a row by setting lease_until (attempts + 1); a row
-- whose lease ran out is run again by the sweeper, at least once in all; the work itself is idempotent (a
-- declaration by its form's id, a stamp or a note by the request's time). Done rows are deleted; a row given up
-- after its attempts keeps done_at and is deleted with the rest a day after it came. The body is the raw request
-- (at most 256 KiB, base64), kept only while its work is pending (emptied when given up).
CREATE TABLE chat_inbox (
    body_hash    CHAR(64)     NOT NULL PRIMARY KEY,
    integration  VARCHAR(80)  NOT NULL,
    route        VARCHAR(20)  NOT NULL,
    content_type VARCHAR(200),
    body         TEXT         NOT NULL,
    received_at  BIGINT       NOT NULL,
    lease_until  BIGINT       NOT NULL,
    attempts     INTEGER      NOT NULL,
    done_at      BIGINT
);
CREATE INDEX chat_inbox_waiting ON chat_inbox (integration, done_at, lease_until);
