-- The risk register (issue "The seed's last pieces"): each hotfix's Risk Accepted becomes a risk, kept in step
-- with the record (from_record: at most one a hotfix), and more can be added by hand. state is open, mitigated or
-- retired; "expired" is derived (open or mitigated, past review_by). Every change is a risk_event, so a retirement
-- or a re-acceptance keeps what it replaced. The id columns are the only statements that differ per dialect.
CREATE TABLE risk (
    id             INTEGER PRIMARY KEY,
    hotfix_id      VARCHAR(32)  NOT NULL REFERENCES hotfix (id) ON DELETE CASCADE,
    from_record    BOOLEAN      NOT NULL,
    statement      TEXT         NOT NULL,
    owner          TEXT,
    accepted_by    TEXT         NOT NULL,
    decision       VARCHAR(16)  NOT NULL,
    controls       TEXT,
    proper_fix     TEXT,
    review_by      BIGINT       NOT NULL,
    state          VARCHAR(16)  NOT NULL,
    accepted_at    BIGINT       NOT NULL,
    retired_at     BIGINT,
    retire_reason  TEXT,
    retired_by_fix BOOLEAN      NOT NULL,
    updated_at     BIGINT       NOT NULL,
    version        INTEGER      NOT NULL
);
CREATE UNIQUE INDEX risk_from_record ON risk (hotfix_id) WHERE from_record = 1;
CREATE INDEX risk_state_review ON risk (state, review_by);

CREATE TABLE risk_event (
    id      INTEGER PRIMARY KEY,
    risk_id INTEGER     NOT NULL REFERENCES risk (id) ON DELETE CASCADE,
    at      BIGINT      NOT NULL,
    actor   TEXT        NOT NULL,
    action  VARCHAR(16) NOT NULL,
    detail  TEXT
);
CREATE INDEX risk_event_risk ON risk_event (risk_id, id);

-- The read model other features count and remind through (metrics, warning signs, reminders).
CREATE VIEW risk_facts AS
SELECT id, hotfix_id, state, review_by, accepted_at, retired_at, retired_by_fix, statement, owner, proper_fix
FROM risk;
