-- A create sent twice with the same Idempotency-Key (a double click, a retry after a timeout) creates one
-- hotfix. The key is remembered per caller with a hash of the request, in the create's own transaction.
CREATE TABLE idempotency_key (
    principal  VARCHAR(200) NOT NULL,
    key_hash   VARCHAR(64)  NOT NULL,
    body_hash  VARCHAR(64)  NOT NULL,
    hotfix_id  VARCHAR(32)  NOT NULL REFERENCES hotfix (id) ON DELETE CASCADE,
    created_at BIGINT       NOT NULL,
    PRIMARY KEY (principal, key_hash)
);
