-- Lessons from production (issue "Lessons from production"): a lesson, the hotfixes it was learned from (its
-- cases) and its tags. No column names a person: the field-notes site is built from these tables alone.
CREATE TABLE lesson (
    id              VARCHAR(32)  PRIMARY KEY,
    number          BIGINT       NOT NULL UNIQUE,
    title           VARCHAR(200) NOT NULL,
    summary         TEXT,
    constraint_text TEXT,
    signal_text     TEXT,
    boundary_text   TEXT,
    operating_rule  TEXT,
    category        TEXT,
    bucket          VARCHAR(32),
    published       BOOLEAN      NOT NULL,
    version         INTEGER      NOT NULL,
    created_at      BIGINT       NOT NULL,
    updated_at      BIGINT       NOT NULL
);
CREATE INDEX lesson_published ON lesson (published, number);

-- A purged hotfix takes its case link with it; the lesson keeps its text.
CREATE TABLE lesson_case (
    lesson_id VARCHAR(32) NOT NULL REFERENCES lesson (id) ON DELETE CASCADE,
    ordinal   INTEGER     NOT NULL,
    hotfix_id VARCHAR(32) NOT NULL REFERENCES hotfix (id) ON DELETE CASCADE,
    PRIMARY KEY (lesson_id, ordinal)
);
CREATE INDEX lesson_case_hotfix ON lesson_case (hotfix_id);

CREATE TABLE lesson_tag (
    lesson_id VARCHAR(32) NOT NULL REFERENCES lesson (id) ON DELETE CASCADE,
    ordinal   INTEGER     NOT NULL,
    tag       VARCHAR(50) NOT NULL,
    PRIMARY KEY (lesson_id, ordinal)
);
CREATE INDEX lesson_tag_tag ON lesson_tag (tag);

INSERT INTO id_counter (name, last_value) VALUES ('lesson', 0);
