-- History and audit are append-only for every client of the database, not only for this application's code.
CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END;
$$;
CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER hotfix_revision_append_only BEFORE UPDATE ON hotfix_revision
    FOR EACH ROW EXECUTE FUNCTION refuse_change();
