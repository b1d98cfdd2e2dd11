-- Success metrics (issue "Success metrics, emergency types and warning signs").
-- Team confidence: an optional 1-5 rating recorded at completion.
ALTER TABLE hotfix ADD COLUMN confidence INTEGER;

-- Metrics read a period of detections: this index covers every column the response-time and frequency
-- aggregates touch, so a quarter is an index range and the whole history an index-only scan.
CREATE INDEX hotfix_metrics ON hotfix (detected_at, severity, alerted_at, fix_deployed_at, resolved_at,
    explicit_duration_seconds, category, confidence);
-- Prevention looks for a later hotfix of the same emergency type.
CREATE INDEX hotfix_category_detected ON hotfix (category, detected_at);

-- Repeat incidents pair hotfixes by (emergency type, affected system) in order of detection. Each system row
-- carries its hotfix's type, detection time and number (the repository rewrites them with the hotfix), so that
-- pairing is one walk along this index instead of a join and a sort of the whole history.
ALTER TABLE hotfix_system ADD COLUMN category TEXT;
ALTER TABLE hotfix_system ADD COLUMN detected_at BIGINT;
ALTER TABLE hotfix_system ADD COLUMN hotfix_number BIGINT;
UPDATE hotfix_system SET
    category = (SELECT h.category FROM hotfix h WHERE h.id = hotfix_system.hotfix_id),
    detected_at = (SELECT h.detected_at FROM hotfix h WHERE h.id = hotfix_system.hotfix_id),
    hotfix_number = (SELECT h.number FROM hotfix h WHERE h.id = hotfix_system.hotfix_id);
CREATE INDEX hotfix_system_repeats ON hotfix_system (category, name, detected_at, hotfix_number);

-- External warning signals: a value pushed through the API (PUT /api/v1/signals/{name}), with the threshold it is
-- judged against.
CREATE TABLE signal_value (
    name        VARCHAR(100) PRIMARY KEY,
    description TEXT,
    value       DOUBLE PRECISION NOT NULL,
    threshold   DOUBLE PRECISION NOT NULL,
    direction   VARCHAR(8)   NOT NULL,
    updated_at  BIGINT       NOT NULL,
    updated_by  TEXT         NOT NULL
);

-- Process improvements done per quarter, and post-mortems done in time: a range of done_at per kind.
CREATE INDEX follow_up_kind_done ON follow_up (kind, done, done_at);

-- Response-time histograms group by severity and a duration: indexes in that order let a long period stream
-- its groups instead of sorting a million rows (the expressions are the ones MetricsRepository groups by).
CREATE INDEX hotfix_detection_to_alert ON hotfix (severity, ((alerted_at - detected_at) / 1000), detected_at);
CREATE INDEX hotfix_alert_to_fix ON hotfix (severity, ((fix_deployed_at - alerted_at) / 1000), detected_at);
CREATE INDEX hotfix_total_duration ON hotfix (severity,
    (COALESCE((resolved_at - detected_at) / 1000, explicit_duration_seconds)), detected_at);
