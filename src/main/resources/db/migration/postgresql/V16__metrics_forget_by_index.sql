-- metrics_forget (V13) deleted kept months with "month_end > t - around AND month_start <= t + around": the index
-- on (month_start, month_end) bounds that scan only from above, so each write scanned every kept month before
-- t + around. A kept month is a calendar month, never longer than 32 days (31 days and a daylight-saving hour), so
-- "month_end > x" implies "month_start > x - 32 days": said explicitly, it bounds the scan from below. Which
-- months are forgotten does not change (the same on SQLite, its V16). 2764800000 ms = 32 days.
CREATE OR REPLACE FUNCTION metrics_forget(t BIGINT, around BIGINT) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF t IS NOT NULL THEN
        DELETE FROM metrics_month WHERE month_start > t - around - 2764800000
            AND month_end > t - around AND month_start <= t + around;
    END IF;
    UPDATE metrics_version SET v = v + 1, xid = txid_current() WHERE xid IS DISTINCT FROM txid_current();
END $$;
