-- The hotfix record of the seed template (001) with the legible-fix write-up (000).
-- Portable SQL: the same statements run on SQLite and PostgreSQL. Instants are epoch milliseconds (UTC),
-- durations are seconds: plain integers keep metrics arithmetic fast and identical on both databases.

-- Ids are handed out from one counter row: UPDATE ... RETURNING takes a row lock on PostgreSQL and the write lock
-- on SQLite, so two server processes on one database never hand out the same number.
CREATE TABLE id_counter (
    name       VARCHAR(32) PRIMARY KEY,
    last_value BIGINT      NOT NULL
);
INSERT INTO id_counter (name, last_value) VALUES ('hotfix', 0);

CREATE TABLE hotfix (
    id                        VARCHAR(32)  PRIMARY KEY,
    number                    BIGINT       NOT NULL UNIQUE,
    title                     VARCHAR(200) NOT NULL,
    severity                  VARCHAR(16)  NOT NULL,
    status                    VARCHAR(16)  NOT NULL,
    owner                     TEXT,
    problem                   TEXT,
    impact                    TEXT,
    why_emergency             TEXT,
    change_made               TEXT,
    rollback_plan             TEXT,
    root_cause                TEXT,
    risk_accepted             TEXT,
    monitoring                TEXT,
    detected_at               BIGINT,
    alerted_at                BIGINT,
    fix_deployed_at           BIGINT,
    resolved_at               BIGINT,
    explicit_duration_seconds BIGINT,
    production_down           BOOLEAN,
    can_wait                  BOOLEAN,
    triage_outcome            VARCHAR(16),
    category                  TEXT,
    constraint_text           TEXT,
    signal_text               TEXT,
    boundary_text             TEXT,
    operating_rule            TEXT,
    learning                  TEXT,
    postmortem_url            TEXT,
    version                   INTEGER      NOT NULL,
    created_at                BIGINT       NOT NULL,
    updated_at                BIGINT       NOT NULL
);
CREATE INDEX hotfix_status_number ON hotfix (status, number);
CREATE INDEX hotfix_severity_number ON hotfix (severity, number);

CREATE TABLE hotfix_system (
    hotfix_id VARCHAR(32) NOT NULL REFERENCES hotfix (id) ON DELETE CASCADE,
    ordinal   INTEGER     NOT NULL,
    name      TEXT        NOT NULL,
    PRIMARY KEY (hotfix_id, ordinal)
);
CREATE INDEX hotfix_system_name ON hotfix_system (name);

CREATE TABLE hotfix_step (
    hotfix_id VARCHAR(32) NOT NULL REFERENCES hotfix (id) ON DELETE CASCADE,
    step      VARCHAR(32) NOT NULL,
    done      BOOLEAN     NOT NULL,
    done_at   BIGINT,
    done_by   TEXT,
    PRIMARY KEY (hotfix_id, step)
);

CREATE TABLE follow_up (
    hotfix_id   VARCHAR(32) NOT NULL REFERENCES hotfix (id) ON DELETE CASCADE,
    kind        VARCHAR(32) NOT NULL,
    description TEXT,
    owner       TEXT,
    due_at      BIGINT,
    done        BOOLEAN     NOT NULL,
    done_at     BIGINT,
    link        TEXT,
    PRIMARY KEY (hotfix_id, kind)
);
CREATE INDEX follow_up_open_due ON follow_up (done, due_at);

-- Append-only: rows are inserted, never updated or deleted by the application.
CREATE TABLE hotfix_revision (
    hotfix_id  VARCHAR(32) NOT NULL REFERENCES hotfix (id) ON DELETE CASCADE,
    version    INTEGER     NOT NULL,
    actor      TEXT        NOT NULL,
    changed_at BIGINT      NOT NULL,
    action     VARCHAR(32) NOT NULL,
    changes    TEXT        NOT NULL,
    PRIMARY KEY (hotfix_id, version)
);
