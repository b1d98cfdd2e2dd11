-- Success metrics (issue "Success metrics, emergency types and warning signs").
-- Team confidence: an optional 1-5 rating recorded at completion.
ALTER TABLE hotfix ADD COLUMN confidence INTEGER;

-- Metrics read a period of detections: this index covers every column the response-time and frequency
-- aggregates touch, so a quarter is an index range and the whole history an index-only scan.
CREATE INDEX hotfix_metrics ON hotfix (detected_at, severity, alerted_at, fix_deployed_at, resolved_at);
-- Repeat incidents look back for an earlier hotfix of the same emergency type.
CREATE INDEX hotfix_category_detected ON hotfix (category, detected_at);

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
