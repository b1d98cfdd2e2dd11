-- Deploy markers (issue "Alerts and deploys in"): one row per deploy of a system, from the CLI, the API, a CI
-- pipeline's integration or GitHub's deployment_status webhook. delivery_key (the sender's own id of the event:
-- GitHub's X-GitHub-Delivery, a marker's "id") is unique, so a redelivered event is one deploy. rollback_of names
-- the earlier deploy of the same version when the one before it was another version. The id column is the only
-- statement that differs per dialect.
CREATE TABLE deploy (
    id           INTEGER PRIMARY KEY,
    system       VARCHAR(200) NOT NULL,
    version      VARCHAR(200) NOT NULL,
    deployed_at  BIGINT       NOT NULL,
    environment  VARCHAR(64)  NOT NULL,
    source       VARCHAR(80)  NOT NULL,
    actor        TEXT         NOT NULL,
    url          TEXT,
    delivery_key VARCHAR(300) UNIQUE,
    rollback_of  INTEGER,
    created_at   BIGINT       NOT NULL
);
CREATE INDEX deploy_system_time ON deploy (system, deployed_at);
CREATE INDEX deploy_time ON deploy (deployed_at);

-- A person's confirmation that a deploy caused a hotfix, or fixed it (one of each a hotfix).
CREATE TABLE deploy_link (
    hotfix_id    VARCHAR(32) NOT NULL REFERENCES hotfix (id) ON DELETE CASCADE,
    role         VARCHAR(8)  NOT NULL,
    deploy_id    INTEGER        NOT NULL REFERENCES deploy (id) ON DELETE CASCADE,
    confirmed_by TEXT        NOT NULL,
    confirmed_at BIGINT      NOT NULL,
    PRIMARY KEY (hotfix_id, role)
);
CREATE INDEX deploy_link_deploy ON deploy_link (deploy_id);

-- The read models metrics counts deploys through (DORA: frequency, change failure rate, time to restore).
CREATE VIEW deploy_facts AS
SELECT id, system, version, deployed_at, environment, rollback_of FROM deploy;
CREATE VIEW deploy_links AS
SELECT hotfix_id, role, deploy_id FROM deploy_link;
