-- PostgreSQL only: its planner reads hotfix_system_repeats (V10) only from its leading column, so a period's
-- repeat incidents scanned every system row (222 ms for a quarter of a million-hotfix log). SQLite skip-scans
-- that index and needs nothing more. The next common migration is V12.
CREATE INDEX hotfix_system_detected ON hotfix_system (detected_at);
