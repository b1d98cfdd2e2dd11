-- Where a secret was masked on save, and what kind it was; never the secret itself.
CREATE TABLE hotfix_redaction (
    hotfix_id   VARCHAR(32) NOT NULL REFERENCES hotfix (id) ON DELETE CASCADE,
    ordinal     INTEGER     NOT NULL,
    field       TEXT        NOT NULL,
    kind        VARCHAR(40) NOT NULL,
    redacted_at BIGINT      NOT NULL,
    PRIMARY KEY (hotfix_id, ordinal)
);
