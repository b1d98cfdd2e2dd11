-- The whole text of a message "Add to hotfix…" was used on (masked as it came), kept from the shortcut until its
-- form is submitted, a day at most: Slack's form carries only 3,000 characters of private_metadata, so the form
-- names the message (channel and ts) and its text is read back from here. Expired rows are deleted as new ones
-- come. The text is at most what a chat request holds (256 KiB).
CREATE TABLE chat_shortcut_message (
    integration VARCHAR(80)  NOT NULL,
    channel     VARCHAR(80)  NOT NULL,
    ts          VARCHAR(40)  NOT NULL,
    text        TEXT         NOT NULL,
    expires_at  BIGINT       NOT NULL,
    PRIMARY KEY (integration, channel, ts)
);
CREATE INDEX chat_shortcut_message_expiry ON chat_shortcut_message (expires_at);
