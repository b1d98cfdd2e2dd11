-- PostgreSQL's V27 turns its metrics insert triggers into statement triggers. SQLite's V13 triggers stay as they
-- are (SQLite has no statement triggers; its per-row triggers run in-process, and bench/migrate.sh measured its
-- migration at 52% of fetching). This version keeps both kinds of log at the same schema version.
SELECT 1;
