-- Search finds a hotfix by its team's own fields too (issue "Fields as data"): each text value is indexed in a
-- stored generated column like the log's own lines (V18), and the record's read model of them shows it.
ALTER TABLE hotfix_field ADD COLUMN IF NOT EXISTS search tsvector GENERATED ALWAYS AS (
    to_tsvector('english', coalesce(text_value, ''))) STORED;
CREATE INDEX IF NOT EXISTS hotfix_field_search ON hotfix_field USING GIN (search) WITH (fastupdate = off);
DROP VIEW IF EXISTS record_fields;
CREATE VIEW record_fields AS
SELECT hotfix_id, name, text_value, number_value, bool_value, search
FROM hotfix_field;
