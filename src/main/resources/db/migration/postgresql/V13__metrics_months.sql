-- Whole calendar months of metrics, kept (metrics.TallyCache). The triggers below are what keeps them true: every
-- change to a hotfix or a follow-up deletes, in the writer's transaction, each stored month it can move, and bumps
-- metrics_version so that a month computed from an older snapshot is never stored after the change.
-- What a change at detection time t can move (90 days = the repeat and prevention window, metrics.Targets):
--   its own month (counts, response times, post-mortems, types, confidence);
--   up to 90 days after t (hotfixes there may now repeat it, or no longer);
--   up to 90 days before t (process improvements done there may now have recurred, or no longer).
-- A follow-up moves the month it was ticked in (improvements done, prevention) and its hotfix's month.
CREATE TABLE metrics_month (
    zone        VARCHAR(64) NOT NULL,
    month_start BIGINT      NOT NULL,
    month_end   BIGINT      NOT NULL,
    tally       BYTEA       NOT NULL,
    valid_until BIGINT,
    computed_at BIGINT      NOT NULL,
    PRIMARY KEY (zone, month_start)
);
CREATE INDEX metrics_month_span ON metrics_month (month_start, month_end);

-- xid: the last transaction that bumped v, so a 10,000-row import bumps it once, not once per row.
CREATE TABLE metrics_version (v BIGINT NOT NULL, xid BIGINT);
INSERT INTO metrics_version (v) VALUES (0);

CREATE FUNCTION metrics_forget(t BIGINT, around BIGINT) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF t IS NOT NULL THEN
        DELETE FROM metrics_month WHERE month_end > t - around AND month_start <= t + around;
    END IF;
    UPDATE metrics_version SET v = v + 1, xid = txid_current() WHERE xid IS DISTINCT FROM txid_current();
END $$;

CREATE FUNCTION metrics_hotfix_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        PERFORM metrics_forget(OLD.detected_at, 7776000000);
    END IF;
    IF TG_OP <> 'DELETE' AND (TG_OP = 'INSERT' OR NEW.detected_at IS DISTINCT FROM OLD.detected_at) THEN
        PERFORM metrics_forget(NEW.detected_at, 7776000000);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER metrics_hotfix_changed AFTER INSERT OR UPDATE OR DELETE ON hotfix
    FOR EACH ROW EXECUTE FUNCTION metrics_hotfix_changed();

CREATE FUNCTION metrics_follow_up_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        PERFORM metrics_forget(OLD.done_at, 0);
        PERFORM metrics_forget((SELECT detected_at FROM hotfix WHERE id = OLD.hotfix_id), 0);
    END IF;
    IF TG_OP <> 'DELETE' THEN
        PERFORM metrics_forget(NEW.done_at, 0);
        PERFORM metrics_forget((SELECT detected_at FROM hotfix WHERE id = NEW.hotfix_id), 0);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER metrics_follow_up_changed AFTER INSERT OR UPDATE OR DELETE ON follow_up
    FOR EACH ROW EXECUTE FUNCTION metrics_follow_up_changed();

-- Metrics now read a month at a time (whole months are kept), so the three response-time indexes of V10, which
-- let ten years stream in grouping order, cost every write and help no read: a month is a range of
-- hotfix_metrics and a small sort.
DROP INDEX hotfix_detection_to_alert;
DROP INDEX hotfix_alert_to_fix;
DROP INDEX hotfix_total_duration;
