-- Search finds what a hand-kept log holds beyond the template's labels (issue "Nothing leaked, nothing mangled"):
-- a team's own sections and lines (hotfix_markdown.extras, a JSON list of {section, text}). PostgreSQL indexes
-- the JSON's string values only (to_tsvector over jsonb), in a stored generated column like the hotfix's own.
ALTER TABLE hotfix_markdown ADD COLUMN IF NOT EXISTS search tsvector GENERATED ALWAYS AS (
    to_tsvector('english', coalesce(extras, '[]')::jsonb)) STORED;
CREATE INDEX IF NOT EXISTS hotfix_markdown_search ON hotfix_markdown USING GIN (search) WITH (fastupdate = off);
