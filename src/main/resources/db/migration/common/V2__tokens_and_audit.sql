-- API tokens: only a SHA-256 of the secret is stored (the secret is shown once, at creation).
CREATE TABLE api_token (
    id         VARCHAR(36)  PRIMARY KEY,
    name       VARCHAR(200) NOT NULL,
    role       VARCHAR(16)  NOT NULL,
    token_hash VARCHAR(64)  NOT NULL UNIQUE,
    prefix     VARCHAR(16)  NOT NULL,
    created_at BIGINT       NOT NULL,
    created_by TEXT         NOT NULL,
    expires_at BIGINT,
    revoked_at BIGINT
);

-- The audit log: who did what, when, from where, and how it ended. Append-only (see V3 triggers).
CREATE TABLE audit_event (
    id      VARCHAR(36) PRIMARY KEY,
    at      BIGINT      NOT NULL,
    actor   TEXT        NOT NULL,
    action  VARCHAR(80) NOT NULL,
    subject TEXT,
    source  TEXT,
    outcome INTEGER     NOT NULL,
    detail  TEXT
);
CREATE INDEX audit_event_at ON audit_event (at);
