-- Full-text search across hotfixes and lessons (issue "Lessons from production"), SQLite's FTS5: one row per
-- hotfix and per lesson, kept by the triggers below in the writer's transaction, so every write path (API,
-- pages, CLI, Markdown import) is searchable at once. Porter stemming over unicode61 (diacritics folded), the
-- closest match to PostgreSQL's 'english' configuration.
-- rowid: a hotfix's number, a lesson's number negated; so a change finds its row without a scan.
CREATE VIRTUAL TABLE search_text USING fts5(
    ref UNINDEXED, kind UNINDEXED, title, body, tokenize = 'porter unicode61 remove_diacritics 2');

CREATE TRIGGER search_hotfix_inserted AFTER INSERT ON hotfix BEGIN
    INSERT INTO search_text (rowid, ref, kind, title, body) VALUES (NEW.number, NEW.id, 'hotfix', NEW.title,
        concat_ws(' ', NEW.problem, NEW.impact, NEW.why_emergency, NEW.change_made, NEW.rollback_plan,
            NEW.root_cause, NEW.risk_accepted, NEW.monitoring, NEW.category, NEW.constraint_text, NEW.signal_text,
            NEW.boundary_text, NEW.operating_rule, NEW.learning));
END;
-- Only when a searched text changes: the repository writes every column, and a lifecycle mark or a version bump
-- leaves the text as it was.
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
        concat_ws(' ', NEW.problem, NEW.impact, NEW.why_emergency, NEW.change_made, NEW.rollback_plan,
            NEW.root_cause, NEW.risk_accepted, NEW.monitoring, NEW.category, NEW.constraint_text, NEW.signal_text,
            NEW.boundary_text, NEW.operating_rule, NEW.learning));
END;
CREATE TRIGGER search_hotfix_deleted AFTER DELETE ON hotfix BEGIN
    DELETE FROM search_text WHERE rowid = OLD.number;
END;

CREATE TRIGGER search_lesson_inserted AFTER INSERT ON lesson BEGIN
    INSERT INTO search_text (rowid, ref, kind, title, body) VALUES (-NEW.number, NEW.id, 'lesson', NEW.title,
        concat_ws(' ', NEW.summary, NEW.constraint_text, NEW.signal_text, NEW.boundary_text, NEW.operating_rule,
            NEW.category));
END;
CREATE TRIGGER search_lesson_updated AFTER UPDATE ON lesson
    WHEN OLD.id IS NOT NEW.id OR OLD.number IS NOT NEW.number OR OLD.title IS NOT NEW.title OR
        OLD.summary IS NOT NEW.summary OR OLD.constraint_text IS NOT NEW.constraint_text OR
        OLD.signal_text IS NOT NEW.signal_text OR OLD.boundary_text IS NOT NEW.boundary_text OR
        OLD.operating_rule IS NOT NEW.operating_rule OR OLD.category IS NOT NEW.category
BEGIN
    DELETE FROM search_text WHERE rowid = -OLD.number;
    INSERT INTO search_text (rowid, ref, kind, title, body) VALUES (-NEW.number, NEW.id, 'lesson', NEW.title,
        concat_ws(' ', NEW.summary, NEW.constraint_text, NEW.signal_text, NEW.boundary_text, NEW.operating_rule,
            NEW.category));
END;
CREATE TRIGGER search_lesson_deleted AFTER DELETE ON lesson BEGIN
    DELETE FROM search_text WHERE rowid = -OLD.number;
END;

INSERT INTO search_text (rowid, ref, kind, title, body) SELECT number, id, 'hotfix', title,
    concat_ws(' ', problem, impact, why_emergency, change_made, rollback_plan, root_cause, risk_accepted, monitoring,
        category, constraint_text, signal_text, boundary_text, operating_rule, learning) FROM hotfix;
INSERT INTO search_text (rowid, ref, kind, title, body) SELECT -number, id, 'lesson', title,
    concat_ws(' ', summary, constraint_text, signal_text, boundary_text, operating_rule, category) FROM lesson;
