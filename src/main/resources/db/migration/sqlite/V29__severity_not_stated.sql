-- A record imported from a hand-kept log may not state its severity (a completed one-line entry has none): its
-- severity is NULL, "not stated", rather than a value the log never said. Declaring a hotfix still requires one;
-- the application refuses a NULL from every other writer.
--
-- SQLite cannot drop a NOT NULL with ALTER TABLE, and the usual rebuild (new table, copy, drop, rename) is unsafe
-- for this table: eighteen tables reference it ON DELETE CASCADE, and with foreign keys on (which a migration's
-- transaction cannot turn off) dropping it would delete their rows; its triggers and the views over it would have
-- to be dropped and made again too. SQLite documents a narrower procedure for exactly this change (removing a NOT
-- NULL constraint does not change how rows are stored; https://sqlite.org/lang_altertable.html, "making other
-- kinds of table schema changes"): edit the table's declaration in the schema table, then change the schema so
-- every connection reads the declaration again.
PRAGMA writable_schema = ON;
UPDATE sqlite_master
SET sql = replace(sql, 'severity                  VARCHAR(16)  NOT NULL,', 'severity                  VARCHAR(16),')
WHERE type = 'table' AND name = 'hotfix';
PRAGMA writable_schema = OFF;
-- The edit must have happened (V1's declaration, as every log has it); otherwise stop the migration here.
CREATE TEMP TABLE severity_not_stated_check (declared_nullable INTEGER NOT NULL CHECK (declared_nullable = 1));
INSERT INTO severity_not_stated_check (declared_nullable)
SELECT instr(sql, 'severity                  VARCHAR(16),') > 0 FROM sqlite_master WHERE type = 'table' AND name = 'hotfix';
DROP TABLE severity_not_stated_check;
-- A schema change (the same index, made again) moves the schema's version, so every open connection reads the
-- edited declaration before its next statement.
DROP INDEX hotfix_severity_number;
CREATE INDEX hotfix_severity_number ON hotfix (severity, number);
