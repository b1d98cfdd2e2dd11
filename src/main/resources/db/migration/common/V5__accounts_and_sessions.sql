CREATE TABLE account (
    username             VARCHAR(100) PRIMARY KEY,
    role                 VARCHAR(16)  NOT NULL,
    password_hash        TEXT         NOT NULL,
    must_change_password BOOLEAN      NOT NULL,
    created_at           BIGINT       NOT NULL,
    updated_at           BIGINT       NOT NULL
);

-- Web sessions live in the database, so they survive a restart and work on every instance sharing it.
-- Only a SHA-256 of the cookie is stored.
CREATE TABLE web_session (
    id_hash    VARCHAR(64)  PRIMARY KEY,
    username   VARCHAR(100) NOT NULL REFERENCES account (username) ON DELETE CASCADE,
    csrf_token VARCHAR(64)  NOT NULL,
    created_at BIGINT       NOT NULL,
    expires_at BIGINT       NOT NULL
);
CREATE INDEX web_session_expires ON web_session (expires_at);
