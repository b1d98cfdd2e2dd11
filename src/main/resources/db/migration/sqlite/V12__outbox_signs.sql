-- A breached warning sign is about the whole log, not one hotfix: its messages have no hotfix. SQLite cannot
-- drop a NOT NULL, so the table is rebuilt with the same rows, ids and indexes.
CREATE TABLE outbox_message_new (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    hotfix_id       VARCHAR(32)  REFERENCES hotfix (id) ON DELETE CASCADE,
    kind            VARCHAR(16)  NOT NULL,
    channel         VARCHAR(64)  NOT NULL,
    dedupe_key      VARCHAR(200) NOT NULL,
    severity        VARCHAR(16)  NOT NULL,
    subject         TEXT         NOT NULL,
    body            TEXT         NOT NULL,
    status          VARCHAR(16)  NOT NULL,
    attempts        INTEGER      NOT NULL,
    next_attempt_at BIGINT       NOT NULL,
    lease_until     BIGINT,
    claim           VARCHAR(64),
    last_error      TEXT,
    created_at      BIGINT       NOT NULL,
    created_by      TEXT         NOT NULL,
    delivered_at    BIGINT,
    UNIQUE (channel, dedupe_key)
);
INSERT INTO outbox_message_new SELECT * FROM outbox_message;
DROP TABLE outbox_message;
ALTER TABLE outbox_message_new RENAME TO outbox_message;
CREATE INDEX outbox_message_due ON outbox_message (status, next_attempt_at);
CREATE INDEX outbox_message_claim ON outbox_message (claim);
CREATE INDEX outbox_message_hotfix ON outbox_message (hotfix_id, id);
