-- What a Markdown page holds beyond the record (issue "The hotfix log as Markdown").
-- Per record: sections and lines the template does not have (kept verbatim), the completed one-liner's
-- "Follow-up" status text, and the history summary of an earlier system (from a full export).
CREATE TABLE hotfix_markdown (
    hotfix_id       VARCHAR(32) PRIMARY KEY REFERENCES hotfix (id) ON DELETE CASCADE,
    followup_status TEXT,
    extras          TEXT,
    history         TEXT
);

-- The seed's "Hotfix Patterns & Prevention": common emergency types with their prevention, and warning signs
-- with their thresholds. The metrics feature builds on them.
CREATE TABLE emergency_type (
    ordinal    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    prevention TEXT
);

CREATE TABLE warning_sign (
    ordinal     INTEGER PRIMARY KEY,
    signal_text TEXT NOT NULL,
    threshold   TEXT
);
