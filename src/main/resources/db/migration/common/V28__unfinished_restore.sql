-- A log being filled by `hotfix restore` or `hotfix copy` (issue 21). The row is committed before the restore's
-- one transaction and deleted inside it: a restore that finishes leaves no row; one that fails cleanly deletes it;
-- one killed halfway (kill -9, power) leaves it, and the log is refused as unusable until a restore or copy into
-- it finishes, instead of opening empty as if it were new. Not archived: it describes this log, not its content.
CREATE TABLE unfinished_restore (
    id         INTEGER     PRIMARY KEY CHECK (id = 1),
    kind       VARCHAR(16) NOT NULL CHECK (kind IN ('restore', 'copy')),
    started_at VARCHAR(40) NOT NULL
);
