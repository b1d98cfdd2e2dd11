-- The record's read models (ARCHITECTURE.md, "Read models"): the hotfix feature alone names its tables (hotfix,
-- hotfix_step, hotfix_system, hotfix_revision, hotfix_redaction, follow_up, id_counter, idempotency_key) in SQL;
-- every other feature reads the record through these views, which hotfix keeps stable when its tables change.
-- ArchitectureTest fails a feature's SQL that names one of the tables. Plain projections of one table each (the
-- people excepted), so both databases fold them into the query that reads them and keep using the tables' indexes.
-- Each is dropped first, so the migration can run again on its own output.

-- One row a record: what the board, metrics, follow-ups, search and lessons read of it.
DROP VIEW IF EXISTS record_facts;
CREATE VIEW record_facts AS
SELECT id, number, title, severity, status, owner, category, confidence,
       detected_at, alerted_at, fix_deployed_at, resolved_at, explicit_duration_seconds, created_at,
       problem, impact, why_emergency, change_made, rollback_plan, root_cause, risk_accepted, monitoring,
       constraint_text, signal_text, boundary_text, operating_rule, learning,
       search
FROM hotfix;

-- A record's follow-ups (post-mortem, proper fix, process improvement), one row each.
DROP VIEW IF EXISTS record_follow_ups;
CREATE VIEW record_follow_ups AS
SELECT hotfix_id, kind, description, owner, due_at, done, done_at, link
FROM follow_up;

-- A record's affected systems with its type and detection time copied in (the repeat count's index).
DROP VIEW IF EXISTS record_systems;
CREATE VIEW record_systems AS
SELECT hotfix_id, hotfix_number, name, category, detected_at
FROM hotfix_system;

-- Every text the record holds as a person: owners, who ticked a step, who changed it.
DROP VIEW IF EXISTS record_people;
CREATE VIEW record_people AS
SELECT owner AS name FROM hotfix WHERE owner IS NOT NULL
UNION SELECT owner FROM follow_up WHERE owner IS NOT NULL
UNION SELECT done_by FROM hotfix_step WHERE done_by IS NOT NULL
UNION SELECT actor FROM hotfix_revision;
