-- A breached warning sign is about the whole log, not one hotfix: its messages have no hotfix.
ALTER TABLE outbox_message ALTER COLUMN hotfix_id DROP NOT NULL;
