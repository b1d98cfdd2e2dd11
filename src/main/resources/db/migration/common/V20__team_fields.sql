-- A team's own fields (HOTFIX_FIELDS; issue "Fields as data"): their values, typed, one row a value (a many-of
-- choice has one row per choice), and every definition the log has known, so a change of a field's type is
-- refused at start instead of misreading stored values. A field removed from HOTFIX_FIELDS keeps its rows
-- (hidden); put back, they show again. Written to run again on its own output.
CREATE TABLE IF NOT EXISTS hotfix_field (
    hotfix_id    VARCHAR(32)  NOT NULL REFERENCES hotfix (id) ON DELETE CASCADE,
    name         VARCHAR(64)  NOT NULL,
    ordinal      INTEGER      NOT NULL,
    text_value   TEXT,
    number_value DOUBLE PRECISION,
    bool_value   BOOLEAN,
    PRIMARY KEY (hotfix_id, name, ordinal)
);
CREATE INDEX IF NOT EXISTS hotfix_field_text ON hotfix_field (name, text_value);
CREATE INDEX IF NOT EXISTS hotfix_field_number ON hotfix_field (name, number_value);

CREATE TABLE IF NOT EXISTS field_definition (
    name       VARCHAR(64) PRIMARY KEY,
    type       VARCHAR(16) NOT NULL,
    first_seen BIGINT      NOT NULL
);

-- The record's read model of them (see V19): what metrics counts by choice.
DROP VIEW IF EXISTS record_fields;
CREATE VIEW record_fields AS
SELECT hotfix_id, name, text_value, number_value, bool_value
FROM hotfix_field;
