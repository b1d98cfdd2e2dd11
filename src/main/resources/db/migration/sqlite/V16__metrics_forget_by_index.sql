-- The triggers of V13 forget the kept metrics months a write can move with conditions like
-- "month_start <= t + 90 days AND month_end > t - 90 days". The index on (month_start, month_end) can only use
-- the first as an upper bound, so every insert scanned every kept month older than t + 90 days: with ten years
-- kept, a 10,000-entry import (50,000 trigger runs) took about 0.7 s longer than into a log with none. A kept
-- month is a calendar month, never longer than 32 days (31 days and a daylight-saving hour), so
-- "month_end > x" implies "month_start > x - 32 days": said explicitly, it bounds the index scan from below.
-- Which months are forgotten does not change. 2764800000 ms = 32 days; 7776000000 ms = 90 days.
DROP TRIGGER metrics_hotfix_inserted;
CREATE TRIGGER metrics_hotfix_inserted AFTER INSERT ON hotfix BEGIN
    DELETE FROM metrics_month WHERE NEW.detected_at IS NOT NULL
        AND month_start > NEW.detected_at - 7776000000 - 2764800000
        AND month_end > NEW.detected_at - 7776000000 AND month_start <= NEW.detected_at + 7776000000;
    UPDATE metrics_version SET v = v + 1;
END;

DROP TRIGGER metrics_hotfix_updated;
CREATE TRIGGER metrics_hotfix_updated AFTER UPDATE ON hotfix BEGIN
    DELETE FROM metrics_month WHERE (OLD.detected_at IS NOT NULL
            AND month_start > OLD.detected_at - 7776000000 - 2764800000
            AND month_end > OLD.detected_at - 7776000000 AND month_start <= OLD.detected_at + 7776000000)
        OR (NEW.detected_at IS NOT NULL
            AND month_start > NEW.detected_at - 7776000000 - 2764800000
            AND month_end > NEW.detected_at - 7776000000 AND month_start <= NEW.detected_at + 7776000000);
    UPDATE metrics_version SET v = v + 1;
END;

DROP TRIGGER metrics_hotfix_deleted;
CREATE TRIGGER metrics_hotfix_deleted AFTER DELETE ON hotfix BEGIN
    DELETE FROM metrics_month WHERE OLD.detected_at IS NOT NULL
        AND month_start > OLD.detected_at - 7776000000 - 2764800000
        AND month_end > OLD.detected_at - 7776000000 AND month_start <= OLD.detected_at + 7776000000;
    UPDATE metrics_version SET v = v + 1;
END;

DROP TRIGGER metrics_follow_up_inserted;
CREATE TRIGGER metrics_follow_up_inserted AFTER INSERT ON follow_up BEGIN
    DELETE FROM metrics_month
        WHERE (month_start <= NEW.done_at AND month_start > NEW.done_at - 2764800000 AND month_end > NEW.done_at)
        OR (month_start <= (SELECT detected_at FROM hotfix WHERE id = NEW.hotfix_id)
            AND month_start > (SELECT detected_at FROM hotfix WHERE id = NEW.hotfix_id) - 2764800000
            AND month_end > (SELECT detected_at FROM hotfix WHERE id = NEW.hotfix_id));
    UPDATE metrics_version SET v = v + 1;
END;

DROP TRIGGER metrics_follow_up_updated;
CREATE TRIGGER metrics_follow_up_updated AFTER UPDATE ON follow_up BEGIN
    DELETE FROM metrics_month
        WHERE (month_start <= NEW.done_at AND month_start > NEW.done_at - 2764800000 AND month_end > NEW.done_at)
        OR (month_start <= OLD.done_at AND month_start > OLD.done_at - 2764800000 AND month_end > OLD.done_at)
        OR (month_start <= (SELECT detected_at FROM hotfix WHERE id = NEW.hotfix_id)
            AND month_start > (SELECT detected_at FROM hotfix WHERE id = NEW.hotfix_id) - 2764800000
            AND month_end > (SELECT detected_at FROM hotfix WHERE id = NEW.hotfix_id));
    UPDATE metrics_version SET v = v + 1;
END;

DROP TRIGGER metrics_follow_up_deleted;
CREATE TRIGGER metrics_follow_up_deleted AFTER DELETE ON follow_up BEGIN
    DELETE FROM metrics_month
        WHERE (month_start <= OLD.done_at AND month_start > OLD.done_at - 2764800000 AND month_end > OLD.done_at)
        OR (month_start <= (SELECT detected_at FROM hotfix WHERE id = OLD.hotfix_id)
            AND month_start > (SELECT detected_at FROM hotfix WHERE id = OLD.hotfix_id) - 2764800000
            AND month_end > (SELECT detected_at FROM hotfix WHERE id = OLD.hotfix_id));
    UPDATE metrics_version SET v = v + 1;
END;
