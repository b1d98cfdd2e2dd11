-- Run it from chat (issue 33): the chat feature's own rows, the same on SQLite and PostgreSQL.

-- The one announcement a hotfix has in a chat workspace (an integration of HOTFIX_INTEGRATIONS): where it is
-- (channel, and the message's ts once posted; NULL until then) and which version of the record it shows.
-- wanted_version is set by the record's listener in the change's own transaction; a push after the commit posts
-- or updates the message and sets shown_version. No foreign key: a deleted hotfix's message is updated to say so.
CREATE TABLE chat_announcement (
    hotfix_id      VARCHAR(32)  NOT NULL,
    integration    VARCHAR(80)  NOT NULL,
    channel        VARCHAR(80)  NOT NULL,
    ts             VARCHAR(40),
    wanted_version INTEGER      NOT NULL,
    shown_version  INTEGER      NOT NULL,
    updated_at     BIGINT       NOT NULL,
    PRIMARY KEY (hotfix_id, integration)
);

-- Which Hotfix Log account a chat user acts as: linked by the e-mail their workspace verified, or by a one-time
-- code the account asked for. The account's role is read on every action, never copied here.
CREATE TABLE chat_link (
    integration VARCHAR(80)  NOT NULL,
    workspace   VARCHAR(80)  NOT NULL,
    chat_user   VARCHAR(80)  NOT NULL,
    username    VARCHAR(200) NOT NULL,
    how         VARCHAR(10)  NOT NULL,
    linked_at   BIGINT       NOT NULL,
    PRIMARY KEY (integration, workspace, chat_user)
);

-- One-time link codes: only their SHA-256 is kept, each good once and for ten minutes.
CREATE TABLE chat_link_code (
    code_hash  CHAR(64)     NOT NULL PRIMARY KEY,
    username   VARCHAR(200) NOT NULL,
    expires_at BIGINT       NOT NULL
);

-- Signed requests already taken, by the SHA-256 of their body, for the signature's window: a replay of one (or
-- a platform's retry of it) is acknowledged and not acted on twice.
CREATE TABLE chat_request (
    body_hash CHAR(64) NOT NULL PRIMARY KEY,
    seen_at   BIGINT   NOT NULL
);
CREATE INDEX chat_request_seen ON chat_request (seen_at);
