-- Incoming alerts (issue "Alerts and deploys in"): what Alertmanager or Grafana sent, one row per alert group
-- while it is live. live_group holds "<integration>:<SHA-256 of groupKey>" while the group can still take
-- deliveries (open; dismissed but still firing; declared and its hotfix not completed) and is NULL after, so the
-- unique index makes "exactly one incoming alert per live group" a fact of the database, whatever the senders do.
-- The id column is the only statement that differs per dialect.
ALTER TABLE hotfix ADD COLUMN alerts_cleared_at BIGINT;

CREATE TABLE incoming_alert (
    id                INTEGER PRIMARY KEY,
    integration       VARCHAR(64)  NOT NULL,
    group_hash        CHAR(64)     NOT NULL,
    live_group        VARCHAR(140) UNIQUE,
    group_key         TEXT         NOT NULL,
    title             TEXT         NOT NULL,
    severity          VARCHAR(16),
    systems           TEXT         NOT NULL,
    links             TEXT         NOT NULL,
    state             VARCHAR(16)  NOT NULL,
    firing            INTEGER      NOT NULL,
    alerts            INTEGER      NOT NULL,
    started_at        BIGINT,
    first_received_at BIGINT       NOT NULL,
    last_received_at  BIGINT       NOT NULL,
    cleared_at        BIGINT,
    deliveries        INTEGER      NOT NULL,
    hotfix_id         VARCHAR(32)  REFERENCES hotfix (id) ON DELETE SET NULL,
    repeat_of         VARCHAR(32),
    outcome           VARCHAR(16),
    outcome_note      TEXT,
    decided_by        TEXT,
    decided_at        BIGINT,
    version           INTEGER      NOT NULL
);
CREATE INDEX incoming_alert_state ON incoming_alert (state, id);
CREATE INDEX incoming_alert_group ON incoming_alert (integration, group_hash, id);
CREATE INDEX incoming_alert_hotfix ON incoming_alert (hotfix_id);

-- Each alert of a group, by Alertmanager's fingerprint: the latest word on it (a later startsAt wins; with the
-- same startsAt, resolved wins over firing, so a late re-send from an HA peer cannot re-open it).
CREATE TABLE incoming_alert_item (
    incoming_id   INTEGER         NOT NULL REFERENCES incoming_alert (id) ON DELETE CASCADE,
    fingerprint   VARCHAR(128) NOT NULL,
    status        VARCHAR(16)  NOT NULL,
    name          TEXT         NOT NULL,
    starts_at     BIGINT,
    ends_at       BIGINT,
    generator_url TEXT,
    labels        TEXT         NOT NULL,
    annotations   TEXT         NOT NULL,
    PRIMARY KEY (incoming_id, fingerprint)
);

-- Every delivery, raw (redacted). A body identical to one already kept for the alert is folded into it: its
-- count and last time go up, so a storm of re-sends costs one row per distinct body.
CREATE TABLE incoming_delivery (
    id                INTEGER PRIMARY KEY,
    incoming_id       INTEGER        NOT NULL REFERENCES incoming_alert (id) ON DELETE CASCADE,
    body_hash         CHAR(64)    NOT NULL,
    status            VARCHAR(16) NOT NULL,
    body              TEXT        NOT NULL,
    first_received_at BIGINT      NOT NULL,
    last_received_at  BIGINT      NOT NULL,
    times             INTEGER     NOT NULL,
    UNIQUE (incoming_id, body_hash)
);

-- The read model other features (metrics) count incoming alerts through.
CREATE VIEW incoming_facts AS
SELECT id, integration, state, outcome, repeat_of, hotfix_id, systems, first_received_at, started_at, cleared_at
FROM incoming_alert;
