-- Migration 002: feed fetching that survives the real web.
-- feed_fetches stays append-only (one row per fetch of a feed); these columns
-- record what the next cycle needs to know, so the conditional-GET state
-- (ETag / Last-Modified) and the backoff state are derived from the log, never
-- kept in a mutable table. Rows written before this migration read as NULL.

-- 'ok' (2xx, parsed) | 'not_modified' (304: nothing parsed) | 'error' | 'skipped'
-- (not fetched this cycle: backing off, or the cycle's fetch budget was spent).
ALTER TABLE feed_fetches ADD COLUMN outcome VARCHAR;
-- refused | dns | connect | timeout | deadline | too_large | http | redirects |
-- decode | protocol | invalid_url | backoff | budget (null on success)
ALTER TABLE feed_fetches ADD COLUMN error_kind VARCHAR;
ALTER TABLE feed_fetches ADD COLUMN final_url VARCHAR;        -- after redirects
ALTER TABLE feed_fetches ADD COLUMN etag VARCHAR;             -- validators to send next time
ALTER TABLE feed_fetches ADD COLUMN last_modified VARCHAR;
ALTER TABLE feed_fetches ADD COLUMN retry_after_s INTEGER;    -- the answer's Retry-After, in seconds
ALTER TABLE feed_fetches ADD COLUMN next_attempt_at TIMESTAMPTZ;  -- not fetched again before (backoff, Retry-After)
ALTER TABLE feed_fetches ADD COLUMN notes VARCHAR;            -- survivable oddities (encoding, full text)

-- Grain: one row per feed URL ever fetched. Key: feed_url.
-- Derived from feed_fetches: the last outcome, since when the feed has been
-- failing, how many fetches in a row failed, when it will be tried again and
-- the validators of its last good answer.
CREATE OR REPLACE VIEW feed_health AS
WITH f AS (
    SELECT *,
           coalesce(outcome, CASE WHEN error IS NULL THEN 'ok' ELSE 'error' END) AS outcome_
    FROM feed_fetches),
good AS (
    SELECT feed_url, max(fetched_at) AS last_success_at
    FROM f WHERE outcome_ IN ('ok', 'not_modified') GROUP BY feed_url),
summary AS (
    SELECT f.feed_url,
           arg_max(f.feed_name, f.fetched_at) AS feed_name,
           count(*) FILTER (WHERE f.outcome_ <> 'skipped') AS fetches,
           count(*) FILTER (WHERE f.outcome_ IN ('ok', 'not_modified')) AS fetches_ok,
           max(f.fetched_at) AS last_fetch_at,
           arg_max(f.outcome_, f.fetched_at) AS last_outcome,
           arg_max({'s': f.http_status}, f.fetched_at).s AS last_status,
           arg_max({'e': f.error}, f.fetched_at).e AS last_error,
           arg_max({'k': f.error_kind}, f.fetched_at).k AS last_error_kind,
           (arg_max({'e': f.error}, f.fetched_at) FILTER (WHERE f.outcome_ = 'error')).e AS last_failure_reason,
           max(g.last_success_at) AS last_success_at,
           min(f.fetched_at) FILTER (WHERE f.outcome_ IN ('error', 'skipped')
                                     AND f.fetched_at > coalesce(g.last_success_at, TIMESTAMPTZ '1970-01-01'))
               AS failing_since,
           count(*) FILTER (WHERE f.outcome_ = 'error'
                            AND f.fetched_at > coalesce(g.last_success_at, TIMESTAMPTZ '1970-01-01'))
               AS consecutive_failures,
           arg_max({'t': f.next_attempt_at}, f.fetched_at).t AS next_attempt_at,
           arg_max({'etag': f.etag, 'last_modified': f.last_modified}, f.fetched_at)
               FILTER (WHERE f.outcome_ IN ('ok', 'not_modified')) AS validators,
           sum(f.items_new) AS items_new
    FROM f LEFT JOIN good g USING (feed_url)
    GROUP BY f.feed_url)
SELECT feed_name, feed_url, fetches, fetches_ok, last_fetch_at, last_outcome, last_status,
       last_error, last_error_kind, last_failure_reason, last_success_at,
       CASE WHEN consecutive_failures > 0 THEN failing_since END AS failing_since,
       consecutive_failures, next_attempt_at,
       validators.etag AS etag, validators.last_modified AS last_modified, items_new
FROM summary;
