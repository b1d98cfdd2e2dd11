-- Evidence attachments (issue "The seed's last pieces"). Each distinct content is stored once, by its SHA-256, in
-- the database itself (SQLite BLOB, PostgreSQL bytea), so backups, copies and several instances carry it with no
-- shared disk. An attachment names its owner (a hotfix or a lesson) by id, without a foreign key: deleting the
-- record marks its attachments deleted and forgets their bytes, but what existed stays. The id and bytes columns
-- are the only statements that differ per dialect.
CREATE TABLE attachment_content (
    sha256     VARCHAR(64) PRIMARY KEY,
    size       BIGINT      NOT NULL,
    bytes      BLOB       NOT NULL,
    created_at BIGINT      NOT NULL
);

CREATE TABLE attachment (
    id            INTEGER PRIMARY KEY,
    owner_kind    VARCHAR(8)  NOT NULL,
    owner_id      VARCHAR(32) NOT NULL,
    file_name     TEXT        NOT NULL,
    note          TEXT,
    file_type     VARCHAR(8)  NOT NULL,
    size          BIGINT      NOT NULL,
    sha256        VARCHAR(64) NOT NULL,
    preview       TEXT,
    added_by      TEXT        NOT NULL,
    added_at      BIGINT      NOT NULL,
    deleted_at    BIGINT,
    deleted_by    TEXT,
    delete_reason TEXT
);
-- A record page lists its owner's attachments; a deletion asks whether anything live still holds a content.
CREATE INDEX attachment_owner ON attachment (owner_kind, owner_id, id);
CREATE INDEX attachment_content_held ON attachment (sha256, deleted_at);
