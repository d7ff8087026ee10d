-- Migration 003: alert threading, "what changed", and daily digests in the same outbox.

ALTER TABLE alert_outbox ADD COLUMN kind VARCHAR DEFAULT 'alert';   -- 'alert' | 'digest'
ALTER TABLE alert_outbox ADD COLUMN story_key VARCHAR;              -- alerts of one story thread together
ALTER TABLE alert_outbox ADD COLUMN in_reply_to VARCHAR;            -- Message-ID of the story's first alert
ALTER TABLE alert_outbox ADD COLUMN "references" VARCHAR;           -- Message-IDs of the thread, oldest first
ALTER TABLE alert_outbox ADD COLUMN what_changed VARCHAR;           -- e.g. 'deadline moved from 2025-08-12 to 2025-11-10'
-- A digest is about many developments: it names no single event.
ALTER TABLE alert_outbox ALTER COLUMN event_id DROP NOT NULL;
ALTER TABLE alert_outbox ALTER COLUMN development_id DROP NOT NULL;

-- Grain: one row per delivery outcome summary of one outbox message (alert or digest).
CREATE OR REPLACE VIEW outbox_status AS
WITH last_delivery AS (
    SELECT alert_id,
           arg_max(outcome, attempt) AS outcome,
           count(*) AS attempts,
           max(attempted_at) AS last_attempt_at,
           max(attempted_at) FILTER (WHERE outcome = 'sent') AS sent_at,
           arg_max(detail, attempt) AS last_detail
    FROM alert_deliveries GROUP BY alert_id)
SELECT o.alert_id, o.kind,
       CASE WHEN d.outcome = 'sent' THEN 'sent'
            WHEN d.outcome = 'failed' THEN 'failed'
            ELSE 'pending' END AS status,
       coalesce(d.attempts, 0) AS attempts, d.last_attempt_at, d.sent_at, d.last_detail
FROM alert_outbox o LEFT JOIN last_delivery d USING (alert_id);

-- Grain: one row per alert (one development x one recipient); status derived
-- from the appended delivery records. Key: alert_id.
CREATE OR REPLACE VIEW alerts AS
SELECT o.alert_id, o.event_id, o.development_id, o.subject,
       [o.recipient] AS recipients,
       s.status, o.priority, o.created_at, s.sent_at, s.attempts, s.last_attempt_at,
       s.last_detail, o.message_id, o.story_key, o.in_reply_to, o.what_changed
FROM alert_outbox o JOIN outbox_status s USING (alert_id)
WHERE o.kind = 'alert';

-- Grain: one row per daily digest email (one recipient x one day). Key: alert_id.
CREATE OR REPLACE VIEW digests AS
SELECT o.alert_id AS digest_id, o.recipient, o.subject, s.status, o.created_at, s.sent_at,
       s.attempts, s.last_detail, o.message_id
FROM alert_outbox o JOIN outbox_status s USING (alert_id)
WHERE o.kind = 'digest';
