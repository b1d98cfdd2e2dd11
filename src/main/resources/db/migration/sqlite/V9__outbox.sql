-- The notifications' outbox: a message is written in the same transaction as the change that causes it, and a
-- background worker delivers it. One row per message and channel, so each channel retries on its own.
-- (channel, dedupe_key) is unique: an alert, a completion or one day's reminder is queued once per channel,
-- however many server instances notice it. The id column is the only statement that differs per dialect.
CREATE TABLE outbox_message (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    hotfix_id       VARCHAR(32)  NOT NULL REFERENCES hotfix (id) ON DELETE CASCADE,
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
CREATE INDEX outbox_message_due ON outbox_message (status, next_attempt_at);
CREATE INDEX outbox_message_claim ON outbox_message (claim);
CREATE INDEX outbox_message_hotfix ON outbox_message (hotfix_id, id);
