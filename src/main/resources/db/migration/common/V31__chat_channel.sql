-- A channel of its own per hotfix (issue 33, an entry's channel-per-hotfix=): 1 when the announcement's channel
-- was made for its hotfix (pinned there, archived on completion), 2 once archived, 0 for a shared channel.
ALTER TABLE chat_announcement ADD COLUMN own_channel INTEGER NOT NULL DEFAULT 0;
