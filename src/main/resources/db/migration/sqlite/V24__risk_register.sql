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
-- A record page lists its hotfix's risks, and deleting a hotfix cascades to them.
CREATE INDEX risk_hotfix ON risk (hotfix_id, id);

CREATE TABLE risk_event (
    id      INTEGER PRIMARY KEY,
    risk_id INTEGER     NOT NULL REFERENCES risk (id) ON DELETE CASCADE,
    at      BIGINT      NOT NULL,
    actor   TEXT        NOT NULL,
    action  VARCHAR(16) NOT NULL,
    detail  TEXT
);
CREATE INDEX risk_event_risk ON risk_event (risk_id, id);

-- The register starts with every Risk Accepted the log already holds (an upgraded log), accepted when its
-- emergency was detected (else when the record was made), reviewed after the default periods (critical 14 days,
-- high 30, medium 90: HOTFIX_RISK_REVIEW's defaults; a migration cannot read the configuration), and retired by
-- its proper fix when that follow-up is already done.
INSERT INTO risk (hotfix_id, from_record, statement, owner, accepted_by, decision, controls, proper_fix, review_by,
                  state, accepted_at, retired_at, retire_reason, retired_by_fix, updated_at, version)
SELECT h.id, TRUE, TRIM(h.risk_accepted), h.owner, 'hotfix-log (upgrade)', 'accept', NULL,
       COALESCE(f.description, 'the proper-fix follow-up of ' || h.id),
       COALESCE(h.detected_at, h.created_at) + CASE h.severity WHEN 'critical' THEN 1209600000
           WHEN 'high' THEN 2592000000 ELSE 7776000000 END,
       CASE WHEN f.done THEN 'retired' ELSE 'open' END,
       COALESCE(h.detected_at, h.created_at),
       CASE WHEN f.done THEN COALESCE(f.done_at, h.updated_at) END,
       CASE WHEN f.done THEN 'the proper fix is done: ' || h.id || '''s proper-fix follow-up' END,
       CASE WHEN f.done THEN TRUE ELSE FALSE END, h.updated_at, 1
FROM hotfix h LEFT JOIN follow_up f ON f.hotfix_id = h.id AND f.kind = 'properFix'
WHERE h.risk_accepted IS NOT NULL AND TRIM(h.risk_accepted) <> '';
INSERT INTO risk_event (risk_id, at, actor, action, detail)
SELECT id, accepted_at, 'hotfix-log (upgrade)', 'accepted', 'from ' || hotfix_id || '''s Risk Accepted, when the '
       || 'register was added'
FROM risk;
INSERT INTO risk_event (risk_id, at, actor, action, detail)
SELECT id, retired_at, 'hotfix-log (upgrade)', 'retired', retire_reason FROM risk WHERE state = 'retired';

-- The read model other features count and remind through (metrics, warning signs, reminders).
CREATE VIEW risk_facts AS
SELECT id, hotfix_id, state, review_by, accepted_at, retired_at, retired_by_fix, statement, owner, proper_fix
FROM risk;
