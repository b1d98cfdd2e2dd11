-- Where an account comes from: 'local' (password) or 'oidc' (single sign-on). An OIDC sign-in never takes over a
-- local account of the same name.
ALTER TABLE account ADD COLUMN source VARCHAR(16) NOT NULL DEFAULT 'local';

-- Sign-ins under way at the identity provider: one-use state, with the nonce and PKCE verifier to check the
-- answer against. In the database, so the callback may land on any instance.
CREATE TABLE oidc_pending (
    state_hash VARCHAR(64)  PRIMARY KEY,
    nonce      VARCHAR(100) NOT NULL,
    verifier   VARCHAR(200) NOT NULL,
    next_path  TEXT         NOT NULL,
    expires_at BIGINT       NOT NULL
);
