-- Search finds a hotfix by its team's own fields too (issue "Fields as data"): their texts join the hotfix's
-- searched body, beside the log's own lines (V18). The searched row of a hotfix is now said once, in the view
-- search_hotfix_row; every trigger and the rebuild read it, so a searched field is added in one place. A change
-- to the hotfix, its log lines or a team field's text rebuilds its row, in the writer's own transaction. Written
-- to run again on its own output (drop-if-exists, then a full rebuild).
DROP TRIGGER IF EXISTS search_hotfix_inserted;
DROP TRIGGER IF EXISTS search_hotfix_updated;
DROP TRIGGER IF EXISTS search_markdown_inserted;
DROP TRIGGER IF EXISTS search_markdown_updated;
DROP TRIGGER IF EXISTS search_markdown_deleted;
DROP TRIGGER IF EXISTS search_field_inserted;
DROP TRIGGER IF EXISTS search_field_deleted;
DROP VIEW IF EXISTS search_hotfix_row;

CREATE VIEW search_hotfix_row AS
SELECT h.number, h.id, h.title,
       concat_ws(' ', h.problem, h.impact, h.why_emergency, h.change_made, h.rollback_plan, h.root_cause,
           h.risk_accepted, h.monitoring, h.category, h.constraint_text, h.signal_text, h.boundary_text,
           h.operating_rule, h.learning,
           (SELECT group_concat(json_extract(e.value, '$.text'), ' ') FROM hotfix_markdown m, json_each(m.extras) e
            WHERE m.hotfix_id = h.id),
           (SELECT group_concat(f.text_value, ' ') FROM hotfix_field f WHERE f.hotfix_id = h.id)) AS body
FROM hotfix h;

CREATE TRIGGER search_hotfix_inserted AFTER INSERT ON hotfix BEGIN
    INSERT INTO search_text (rowid, ref, kind, title, body)
    SELECT number, id, 'hotfix', title, body FROM search_hotfix_row WHERE id = NEW.id;
END;
-- Every update rebuilds the row (V18 listed the searched columns here too; a second list to keep in step).
CREATE TRIGGER search_hotfix_updated AFTER UPDATE ON hotfix
BEGIN
    DELETE FROM search_text WHERE rowid = OLD.number;
    INSERT INTO search_text (rowid, ref, kind, title, body)
    SELECT number, id, 'hotfix', title, body FROM search_hotfix_row WHERE id = NEW.id;
END;
CREATE TRIGGER search_markdown_inserted AFTER INSERT ON hotfix_markdown BEGIN
    DELETE FROM search_text WHERE rowid = (SELECT number FROM hotfix WHERE id = NEW.hotfix_id);
    INSERT INTO search_text (rowid, ref, kind, title, body)
    SELECT number, id, 'hotfix', title, body FROM search_hotfix_row WHERE id = NEW.hotfix_id;
END;
CREATE TRIGGER search_markdown_updated AFTER UPDATE ON hotfix_markdown BEGIN
    DELETE FROM search_text WHERE rowid = (SELECT number FROM hotfix WHERE id = NEW.hotfix_id);
    INSERT INTO search_text (rowid, ref, kind, title, body)
    SELECT number, id, 'hotfix', title, body FROM search_hotfix_row WHERE id = NEW.hotfix_id;
END;
CREATE TRIGGER search_markdown_deleted AFTER DELETE ON hotfix_markdown BEGIN
    DELETE FROM search_text WHERE rowid = (SELECT number FROM hotfix WHERE id = OLD.hotfix_id);
    INSERT INTO search_text (rowid, ref, kind, title, body)
    SELECT number, id, 'hotfix', title, body FROM search_hotfix_row WHERE id = OLD.hotfix_id;
END;
CREATE TRIGGER search_field_inserted AFTER INSERT ON hotfix_field WHEN NEW.text_value IS NOT NULL BEGIN
    DELETE FROM search_text WHERE rowid = (SELECT number FROM hotfix WHERE id = NEW.hotfix_id);
    INSERT INTO search_text (rowid, ref, kind, title, body)
    SELECT number, id, 'hotfix', title, body FROM search_hotfix_row WHERE id = NEW.hotfix_id;
END;
CREATE TRIGGER search_field_deleted AFTER DELETE ON hotfix_field WHEN OLD.text_value IS NOT NULL BEGIN
    DELETE FROM search_text WHERE rowid = (SELECT number FROM hotfix WHERE id = OLD.hotfix_id);
    INSERT INTO search_text (rowid, ref, kind, title, body)
    SELECT number, id, 'hotfix', title, body FROM search_hotfix_row WHERE id = OLD.hotfix_id;
END;

DELETE FROM search_text WHERE kind = 'hotfix';
INSERT INTO search_text (rowid, ref, kind, title, body)
SELECT number, id, 'hotfix', title, body FROM search_hotfix_row;
