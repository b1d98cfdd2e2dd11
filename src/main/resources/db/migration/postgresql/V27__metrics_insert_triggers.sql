-- Inserted hotfixes and follow-ups forget the kept metrics months once a statement, not once a row. The row
-- triggers of V13 ran two plpgsql calls, each a DELETE and an UPDATE of metrics_version, for every follow-up: a
-- migration's page of 100 hotfixes (400 follow-ups) spent about 30 ms a statement in them, and every one of its
-- transactions left a dead metrics_version row the next UPDATE scanned again (bench/migrate.sh). The same months
-- are forgotten: each inserted hotfix's detection time ± 90 days, each follow-up's done time and its hotfix's
-- detection time. Updates and deletes keep their row triggers (they carry OLD values and are few).
DROP TRIGGER metrics_hotfix_changed ON hotfix;
CREATE TRIGGER metrics_hotfix_changed AFTER UPDATE OR DELETE ON hotfix
    FOR EACH ROW EXECUTE FUNCTION metrics_hotfix_changed();

CREATE FUNCTION metrics_hotfixes_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM metrics_month m USING (SELECT DISTINCT detected_at AS t FROM new_rows
                                       WHERE detected_at IS NOT NULL) x
        WHERE m.month_end > x.t - 7776000000 AND m.month_start <= x.t + 7776000000;
    UPDATE metrics_version SET v = v + 1, xid = txid_current() WHERE xid IS DISTINCT FROM txid_current();
    RETURN NULL;
END $$;

CREATE TRIGGER metrics_hotfixes_inserted AFTER INSERT ON hotfix
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION metrics_hotfixes_inserted();

DROP TRIGGER metrics_follow_up_changed ON follow_up;
CREATE TRIGGER metrics_follow_up_changed AFTER UPDATE OR DELETE ON follow_up
    FOR EACH ROW EXECUTE FUNCTION metrics_follow_up_changed();

CREATE FUNCTION metrics_follow_ups_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM metrics_month m USING (SELECT done_at AS t FROM new_rows WHERE done_at IS NOT NULL
                                       UNION
                                       SELECT h.detected_at FROM new_rows n JOIN hotfix h ON h.id = n.hotfix_id
                                       WHERE h.detected_at IS NOT NULL) x
        WHERE m.month_end > x.t AND m.month_start <= x.t;
    UPDATE metrics_version SET v = v + 1, xid = txid_current() WHERE xid IS DISTINCT FROM txid_current();
    RETURN NULL;
END $$;

CREATE TRIGGER metrics_follow_ups_inserted AFTER INSERT ON follow_up
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION metrics_follow_ups_inserted();
