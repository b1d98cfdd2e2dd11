-- Moving in (issue "Moving in"): each record brought from another tool (PagerDuty, Opsgenie, Grafana OnCall,
-- Morgue) and the hotfix it became, so a second run updates instead of duplicating. doc_sha256 is the source
-- document as last kept (a changed one is kept again as evidence); mapped_sha256 the fields it mapped to (equal:
-- the record is left alone, with whatever people have added since). deleted_at: the hotfix was deleted here,
-- and a later run does not bring it back. No foreign key: the link outlives a deleted hotfix on purpose.
CREATE TABLE migration_link (
    source        VARCHAR(40)  NOT NULL,
    source_key    VARCHAR(200) NOT NULL,
    hotfix_id     VARCHAR(32)  NOT NULL,
    url           TEXT,
    doc_sha256    CHAR(64)     NOT NULL,
    mapped_sha256 CHAR(64)     NOT NULL,
    migrated_at   BIGINT       NOT NULL,
    updated_at    BIGINT       NOT NULL,
    deleted_at    BIGINT,
    PRIMARY KEY (source, source_key)
);
CREATE INDEX migration_link_hotfix ON migration_link (hotfix_id);

-- Where a run that stopped halfway goes on: the source's own position after the last page it stored, written
-- in that page's transaction. Cleared when a run reads the last page.
CREATE TABLE migration_cursor (
    source     VARCHAR(40) NOT NULL,
    origin     TEXT        NOT NULL,
    position   TEXT        NOT NULL,
    records    BIGINT      NOT NULL,
    updated_at BIGINT      NOT NULL,
    PRIMARY KEY (source, origin)
);
