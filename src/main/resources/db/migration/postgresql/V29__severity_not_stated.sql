-- A record imported from a hand-kept log may not state its severity (a completed one-line entry has none): its
-- severity is NULL, "not stated", rather than a value the log never said. Declaring a hotfix still requires one;
-- the application refuses a NULL from every other writer. The views read the column as it is.
ALTER TABLE hotfix ALTER COLUMN severity DROP NOT NULL;
