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
    tally       BLOB        NOT NULL,
    valid_until BIGINT,
    computed_at BIGINT      NOT NULL,
    PRIMARY KEY (zone, month_start)
);
CREATE INDEX metrics_month_span ON metrics_month (month_start, month_end);

CREATE TABLE metrics_version (v BIGINT NOT NULL);
INSERT INTO metrics_version (v) VALUES (0);

CREATE TRIGGER metrics_hotfix_inserted AFTER INSERT ON hotfix BEGIN
    DELETE FROM metrics_month WHERE NEW.detected_at IS NOT NULL
        AND month_end > NEW.detected_at - 7776000000 AND month_start <= NEW.detected_at + 7776000000;
    UPDATE metrics_version SET v = v + 1;
END;

CREATE TRIGGER metrics_hotfix_updated AFTER UPDATE ON hotfix BEGIN
    DELETE FROM metrics_month WHERE (OLD.detected_at IS NOT NULL
            AND month_end > OLD.detected_at - 7776000000 AND month_start <= OLD.detected_at + 7776000000)
        OR (NEW.detected_at IS NOT NULL
            AND month_end > NEW.detected_at - 7776000000 AND month_start <= NEW.detected_at + 7776000000);
    UPDATE metrics_version SET v = v + 1;
END;

CREATE TRIGGER metrics_hotfix_deleted AFTER DELETE ON hotfix BEGIN
    DELETE FROM metrics_month WHERE OLD.detected_at IS NOT NULL
        AND month_end > OLD.detected_at - 7776000000 AND month_start <= OLD.detected_at + 7776000000;
    UPDATE metrics_version SET v = v + 1;
END;

CREATE TRIGGER metrics_follow_up_inserted AFTER INSERT ON follow_up BEGIN
    DELETE FROM metrics_month WHERE (month_start <= NEW.done_at AND month_end > NEW.done_at)
        OR (month_start <= (SELECT detected_at FROM hotfix WHERE id = NEW.hotfix_id)
            AND month_end > (SELECT detected_at FROM hotfix WHERE id = NEW.hotfix_id));
    UPDATE metrics_version SET v = v + 1;
END;

CREATE TRIGGER metrics_follow_up_updated AFTER UPDATE ON follow_up BEGIN
    DELETE FROM metrics_month WHERE (month_start <= NEW.done_at AND month_end > NEW.done_at)
        OR (month_start <= OLD.done_at AND month_end > OLD.done_at)
        OR (month_start <= (SELECT detected_at FROM hotfix WHERE id = NEW.hotfix_id)
            AND month_end > (SELECT detected_at FROM hotfix WHERE id = NEW.hotfix_id));
    UPDATE metrics_version SET v = v + 1;
END;

CREATE TRIGGER metrics_follow_up_deleted AFTER DELETE ON follow_up BEGIN
    DELETE FROM metrics_month WHERE (month_start <= OLD.done_at AND month_end > OLD.done_at)
        OR (month_start <= (SELECT detected_at FROM hotfix WHERE id = OLD.hotfix_id)
            AND month_end > (SELECT detected_at FROM hotfix WHERE id = OLD.hotfix_id));
    UPDATE metrics_version SET v = v + 1;
END;

-- Metrics now read a month at a time (whole months are kept), so the three response-time indexes of V10, which
-- let ten years stream in grouping order, cost every write and help no read: a month is a range of
-- hotfix_metrics and a small sort.
DROP INDEX hotfix_detection_to_alert;
DROP INDEX hotfix_alert_to_fix;
DROP INDEX hotfix_total_duration;

-- Repeats walk a month of system rows by detection time and seek each one's predecessor in
-- hotfix_system_repeats (PostgreSQL has had a detection-time index since V11).
CREATE INDEX hotfix_system_detected ON hotfix_system (detected_at, category, name, hotfix_number);
