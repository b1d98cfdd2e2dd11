-- Search finds a hotfix by its team's own fields too (issue "Fields as data"): their texts join the hotfix's
-- searched body, beside the log's own lines (V18). The triggers of V18 are made again with them, and a change to
-- a field's text rebuilds its hotfix's row, in the writer's own transaction. Written to run again on its own
-- output (drop-if-exists, then a full rebuild).
DROP TRIGGER IF EXISTS search_hotfix_inserted;
DROP TRIGGER IF EXISTS search_hotfix_updated;
DROP TRIGGER IF EXISTS search_markdown_inserted;
DROP TRIGGER IF EXISTS search_markdown_updated;
DROP TRIGGER IF EXISTS search_markdown_deleted;

CREATE TRIGGER search_hotfix_inserted AFTER INSERT ON hotfix BEGIN
    INSERT INTO search_text (rowid, ref, kind, title, body) VALUES (NEW.number, NEW.id, 'hotfix', NEW.title,
        concat_ws(' ', NEW.problem, NEW.impact, NEW.why_emergency, NEW.change_made, NEW.rollback_plan, NEW.root_cause, NEW.risk_accepted, NEW.monitoring, NEW.category, NEW.constraint_text, NEW.signal_text, NEW.boundary_text, NEW.operating_rule, NEW.learning,
            (SELECT group_concat(json_extract(e.value, '$.text'), ' ') FROM hotfix_markdown m, json_each(m.extras) e
             WHERE m.hotfix_id = NEW.id),
            (SELECT group_concat(f.text_value, ' ') FROM hotfix_field f WHERE f.hotfix_id = NEW.id)));
END;
CREATE TRIGGER search_hotfix_updated AFTER UPDATE ON hotfix
    WHEN OLD.id IS NOT NEW.id OR OLD.number IS NOT NEW.number OR OLD.title IS NOT NEW.title OR
        OLD.problem IS NOT NEW.problem OR OLD.impact IS NOT NEW.impact OR
        OLD.why_emergency IS NOT NEW.why_emergency OR OLD.change_made IS NOT NEW.change_made OR
        OLD.rollback_plan IS NOT NEW.rollback_plan OR OLD.root_cause IS NOT NEW.root_cause OR
        OLD.risk_accepted IS NOT NEW.risk_accepted OR OLD.monitoring IS NOT NEW.monitoring OR
        OLD.category IS NOT NEW.category OR OLD.constraint_text IS NOT NEW.constraint_text OR
        OLD.signal_text IS NOT NEW.signal_text OR OLD.boundary_text IS NOT NEW.boundary_text OR
        OLD.operating_rule IS NOT NEW.operating_rule OR OLD.learning IS NOT NEW.learning
BEGIN
    DELETE FROM search_text WHERE rowid = OLD.number;
    INSERT INTO search_text (rowid, ref, kind, title, body) VALUES (NEW.number, NEW.id, 'hotfix', NEW.title,
        concat_ws(' ', NEW.problem, NEW.impact, NEW.why_emergency, NEW.change_made, NEW.rollback_plan, NEW.root_cause, NEW.risk_accepted, NEW.monitoring, NEW.category, NEW.constraint_text, NEW.signal_text, NEW.boundary_text, NEW.operating_rule, NEW.learning,
            (SELECT group_concat(json_extract(e.value, '$.text'), ' ') FROM hotfix_markdown m, json_each(m.extras) e
             WHERE m.hotfix_id = NEW.id),
            (SELECT group_concat(f.text_value, ' ') FROM hotfix_field f WHERE f.hotfix_id = NEW.id)));
END;
CREATE TRIGGER search_markdown_inserted AFTER INSERT ON hotfix_markdown BEGIN
    DELETE FROM search_text WHERE rowid = (SELECT number FROM hotfix WHERE id = NEW.hotfix_id);
    INSERT INTO search_text (rowid, ref, kind, title, body) SELECT h.number, h.id, 'hotfix', h.title,
        concat_ws(' ', h.problem, h.impact, h.why_emergency, h.change_made, h.rollback_plan, h.root_cause, h.risk_accepted, h.monitoring, h.category, h.constraint_text, h.signal_text, h.boundary_text, h.operating_rule, h.learning,
            (SELECT group_concat(json_extract(e.value, '$.text'), ' ') FROM hotfix_markdown m, json_each(m.extras) e
             WHERE m.hotfix_id = h.id),
            (SELECT group_concat(f.text_value, ' ') FROM hotfix_field f WHERE f.hotfix_id = h.id))
        FROM hotfix h WHERE h.id = NEW.hotfix_id;
END;
CREATE TRIGGER search_markdown_updated AFTER UPDATE ON hotfix_markdown BEGIN
    DELETE FROM search_text WHERE rowid = (SELECT number FROM hotfix WHERE id = NEW.hotfix_id);
    INSERT INTO search_text (rowid, ref, kind, title, body) SELECT h.number, h.id, 'hotfix', h.title,
        concat_ws(' ', h.problem, h.impact, h.why_emergency, h.change_made, h.rollback_plan, h.root_cause, h.risk_accepted, h.monitoring, h.category, h.constraint_text, h.signal_text, h.boundary_text, h.operating_rule, h.learning,
            (SELECT group_concat(json_extract(e.value, '$.text'), ' ') FROM hotfix_markdown m, json_each(m.extras) e
             WHERE m.hotfix_id = h.id),
            (SELECT group_concat(f.text_value, ' ') FROM hotfix_field f WHERE f.hotfix_id = h.id))
        FROM hotfix h WHERE h.id = NEW.hotfix_id;
END;
CREATE TRIGGER search_markdown_deleted AFTER DELETE ON hotfix_markdown BEGIN
    DELETE FROM search_text WHERE rowid = (SELECT number FROM hotfix WHERE id = OLD.hotfix_id);
    INSERT INTO search_text (rowid, ref, kind, title, body) SELECT h.number, h.id, 'hotfix', h.title,
        concat_ws(' ', h.problem, h.impact, h.why_emergency, h.change_made, h.rollback_plan, h.root_cause, h.risk_accepted, h.monitoring, h.category, h.constraint_text, h.signal_text, h.boundary_text, h.operating_rule, h.learning,
            (SELECT group_concat(json_extract(e.value, '$.text'), ' ') FROM hotfix_markdown m, json_each(m.extras) e
             WHERE m.hotfix_id = h.id),
            (SELECT group_concat(f.text_value, ' ') FROM hotfix_field f WHERE f.hotfix_id = h.id))
        FROM hotfix h WHERE h.id = OLD.hotfix_id;
END;

-- A team field's text changed: its hotfix's row is rebuilt, as for the log's own lines.
DROP TRIGGER IF EXISTS search_field_inserted;
DROP TRIGGER IF EXISTS search_field_deleted;
CREATE TRIGGER search_field_inserted AFTER INSERT ON hotfix_field WHEN NEW.text_value IS NOT NULL BEGIN
    DELETE FROM search_text WHERE rowid = (SELECT number FROM hotfix WHERE id = NEW.hotfix_id);
    INSERT INTO search_text (rowid, ref, kind, title, body) SELECT h.number, h.id, 'hotfix', h.title,
        concat_ws(' ', h.problem, h.impact, h.why_emergency, h.change_made, h.rollback_plan, h.root_cause, h.risk_accepted, h.monitoring, h.category, h.constraint_text, h.signal_text, h.boundary_text, h.operating_rule, h.learning,
            (SELECT group_concat(json_extract(e.value, '$.text'), ' ') FROM hotfix_markdown m, json_each(m.extras) e
             WHERE m.hotfix_id = h.id),
            (SELECT group_concat(f.text_value, ' ') FROM hotfix_field f WHERE f.hotfix_id = h.id))
        FROM hotfix h WHERE h.id = NEW.hotfix_id;
END;
CREATE TRIGGER search_field_deleted AFTER DELETE ON hotfix_field WHEN OLD.text_value IS NOT NULL BEGIN
    DELETE FROM search_text WHERE rowid = (SELECT number FROM hotfix WHERE id = OLD.hotfix_id);
    INSERT INTO search_text (rowid, ref, kind, title, body) SELECT h.number, h.id, 'hotfix', h.title,
        concat_ws(' ', h.problem, h.impact, h.why_emergency, h.change_made, h.rollback_plan, h.root_cause, h.risk_accepted, h.monitoring, h.category, h.constraint_text, h.signal_text, h.boundary_text, h.operating_rule, h.learning,
            (SELECT group_concat(json_extract(e.value, '$.text'), ' ') FROM hotfix_markdown m, json_each(m.extras) e
             WHERE m.hotfix_id = h.id),
            (SELECT group_concat(f.text_value, ' ') FROM hotfix_field f WHERE f.hotfix_id = h.id))
        FROM hotfix h WHERE h.id = OLD.hotfix_id;
END;

DELETE FROM search_text WHERE kind = 'hotfix';
INSERT INTO search_text (rowid, ref, kind, title, body) SELECT h.number, h.id, 'hotfix', h.title,
    concat_ws(' ', h.problem, h.impact, h.why_emergency, h.change_made, h.rollback_plan, h.root_cause, h.risk_accepted, h.monitoring, h.category, h.constraint_text, h.signal_text, h.boundary_text, h.operating_rule, h.learning,
            (SELECT group_concat(json_extract(e.value, '$.text'), ' ') FROM hotfix_markdown m, json_each(m.extras) e
             WHERE m.hotfix_id = h.id),
            (SELECT group_concat(f.text_value, ' ') FROM hotfix_field f WHERE f.hotfix_id = h.id))
    FROM hotfix h;
