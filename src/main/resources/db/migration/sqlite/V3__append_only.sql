-- History and audit are append-only for every client of the database, not only for this application's code.
CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event
BEGIN SELECT RAISE(ABORT, 'audit_event is append-only'); END;
CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event
BEGIN SELECT RAISE(ABORT, 'audit_event is append-only'); END;
CREATE TRIGGER hotfix_revision_no_update BEFORE UPDATE ON hotfix_revision
BEGIN SELECT RAISE(ABORT, 'hotfix_revision is append-only'); END;
