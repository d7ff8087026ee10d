-- Migration 001: the append-only event store.
-- Nothing in these tables is ever updated or deleted: state (current events,
-- developments, alert status) is derived by the views below.

-- Grain: one row per migration applied. Key: version.
CREATE TABLE IF NOT EXISTS schema_migrations (
    version     INTEGER PRIMARY KEY,
    name        VARCHAR NOT NULL,
    applied_at  TIMESTAMPTZ NOT NULL
);

-- Grain: one row per monitoring cycle (a `tradewatch run` or one Airflow DAG run).
-- Key: cycle_id (the Airflow run id, or a timestamped id for the CLI).
CREATE TABLE IF NOT EXISTS cycles (
    cycle_id      VARCHAR PRIMARY KEY,
    started_at    TIMESTAMPTZ NOT NULL,
    trigger       VARCHAR NOT NULL,          -- 'cli' | 'airflow'
    extractor_version VARCHAR NOT NULL
);

-- Grain: one row per version of one document (a seed file or a feed item).
-- Key: document_id = hash(source_uri, content_hash): the same text is the same row;
-- changed text is a new version, never an overwrite.
CREATE TABLE IF NOT EXISTS document_versions (
    document_id          VARCHAR PRIMARY KEY,
    source_kind          VARCHAR NOT NULL,   -- 'seed' | 'feed'
    source_uri           VARCHAR NOT NULL,
    feed_url             VARCHAR,
    feed_name            VARCHAR,
    guid                 VARCHAR,
    title                VARCHAR,
    published_at         TIMESTAMPTZ NOT NULL,
    published_at_source  VARCHAR NOT NULL,   -- 'text' | 'mtime' | 'feed' | 'fetched'
    body                 VARCHAR NOT NULL,
    content_hash         VARCHAR NOT NULL,
    cycle_id             VARCHAR NOT NULL,
    ingested_at          TIMESTAMPTZ NOT NULL
);

-- Grain: one row per fetch of one feed. Key: fetch_id = hash(cycle_id, feed_url).
CREATE TABLE IF NOT EXISTS feed_fetches (
    fetch_id        VARCHAR PRIMARY KEY,
    cycle_id        VARCHAR NOT NULL,
    feed_name       VARCHAR NOT NULL,
    feed_url        VARCHAR NOT NULL,
    fetched_at      TIMESTAMPTZ NOT NULL,
    http_status     INTEGER,                 -- null when no answer came
    error           VARCHAR,                 -- null on success
    bytes_received  BIGINT NOT NULL,
    duration_ms     BIGINT NOT NULL,
    items_seen      INTEGER NOT NULL,
    items_new       INTEGER NOT NULL,
    bozo_reason     VARCHAR                  -- feedparser's complaint, when it had one
);

-- Grain: one row per extractor version ever activated. Key: extractor_version.
-- The latest activation is the current version that the `events` view shows.
CREATE TABLE IF NOT EXISTS extractor_versions (
    extractor_version  VARCHAR PRIMARY KEY,
    activated_at       TIMESTAMPTZ NOT NULL
);

-- Grain: one row per (document version, extractor version) extraction done.
-- Key: (document_id, extractor_version). A document with no events still gets
-- its row, so the next cycle knows it was read.
CREATE TABLE IF NOT EXISTS extractions (
    document_id        VARCHAR NOT NULL,
    extractor_version  VARCHAR NOT NULL,
    events_accepted    INTEGER NOT NULL,
    events_quarantined INTEGER NOT NULL,
    cycle_id           VARCHAR NOT NULL,
    extracted_at       TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (document_id, extractor_version)
);

-- Grain: one row per accepted event mention (one event as reported by one
-- document version, by one extractor version). Key: event_id.
CREATE TABLE IF NOT EXISTS event_log (
    event_id           VARCHAR PRIMARY KEY,
    document_id        VARCHAR NOT NULL,
    extractor_version  VARCHAR NOT NULL,
    event_type         VARCHAR NOT NULL,
    action             VARCHAR NOT NULL,
    occurred_on        DATE,
    effective_on       DATE,
    deadline           DATE,
    commodity          VARCHAR,
    rate_pct           DOUBLE,
    actors             VARCHAR[] NOT NULL,
    location           VARCHAR,
    date_precision     VARCHAR,
    evidence           VARCHAR NOT NULL,     -- the first evidence sentence
    evidence_start     INTEGER NOT NULL,     -- its character offsets in the body
    evidence_end       INTEGER NOT NULL,
    evidence_spans     STRUCT("text" VARCHAR, "start" INTEGER, "end" INTEGER)[] NOT NULL,
    confidence         DOUBLE NOT NULL,
    cycle_id           VARCHAR NOT NULL,
    appended_at        TIMESTAMPTZ NOT NULL,
    seq                BIGINT NOT NULL       -- append order, for the development fold
);

-- Grain: one row per candidate event that failed validation. Key: quarantine_id
-- = hash(event_id, failed expectations). The candidate is kept whole as JSON.
CREATE TABLE IF NOT EXISTS quarantine (
    quarantine_id        VARCHAR PRIMARY KEY,
    event_id             VARCHAR NOT NULL,
    document_id          VARCHAR NOT NULL,
    extractor_version    VARCHAR NOT NULL,
    failed_expectations  VARCHAR[] NOT NULL,
    candidate            JSON NOT NULL,
    cycle_id             VARCHAR NOT NULL,
    quarantined_at       TIMESTAMPTZ NOT NULL
);

-- Grain: one row per event mention resolved to a development. Key: event_id.
-- development_id is the event_id of the development's first event.
CREATE TABLE IF NOT EXISTS development_mentions (
    event_id        VARCHAR PRIMARY KEY,
    development_id  VARCHAR NOT NULL,
    is_first        BOOLEAN NOT NULL,
    cycle_id        VARCHAR NOT NULL,
    resolved_at     TIMESTAMPTZ NOT NULL
);

-- Grain: one row per alert for one recipient about one development (the outbox).
-- Key: alert_id = hash(development_id, recipient). Written in the same
-- transaction as the events that cause it.
CREATE TABLE IF NOT EXISTS alert_outbox (
    alert_id        VARCHAR PRIMARY KEY,
    event_id        VARCHAR NOT NULL,
    development_id  VARCHAR NOT NULL,
    recipient       VARCHAR NOT NULL,
    sender          VARCHAR NOT NULL,
    priority        VARCHAR NOT NULL,        -- 'normal' | 'high'
    subject         VARCHAR NOT NULL,
    body_text       VARCHAR NOT NULL,
    body_html       VARCHAR NOT NULL,
    message_id      VARCHAR NOT NULL,
    cycle_id        VARCHAR NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL
);

-- Grain: one row per delivery attempt of one alert. Key: delivery_id
-- = hash(alert_id, attempt). outcome: 'sent' | 'retry' | 'failed'.
CREATE TABLE IF NOT EXISTS alert_deliveries (
    delivery_id   VARCHAR PRIMARY KEY,
    alert_id      VARCHAR NOT NULL,
    attempt       INTEGER NOT NULL,
    attempted_at  TIMESTAMPTZ NOT NULL,
    outcome       VARCHAR NOT NULL,
    transport     VARCHAR NOT NULL,          -- 'smtp' | 'eml'
    detail        VARCHAR
);

-- Grain: one row per document version (see document_versions). Public name.
CREATE OR REPLACE VIEW documents AS
SELECT document_id, source_kind, source_uri, feed_url, feed_name, guid, title,
       published_at, published_at_source, body, content_hash, cycle_id, ingested_at
FROM document_versions;

-- Grain: one row per accepted event mention of the CURRENT extractor version.
-- Older versions stay queryable in event_log.
CREATE OR REPLACE VIEW events AS
SELECT e.*
FROM event_log e
WHERE e.extractor_version = (
    SELECT extractor_version FROM extractor_versions
    ORDER BY activated_at DESC, extractor_version DESC LIMIT 1);

-- Grain: one row per alert; status derived from its latest delivery record.
CREATE OR REPLACE VIEW alerts AS
WITH last_delivery AS (
    SELECT alert_id,
           arg_max(outcome, attempt) AS outcome,
           count(*) AS attempts,
           max(attempted_at) AS last_attempt_at,
           max(attempted_at) FILTER (WHERE outcome = 'sent') AS sent_at,
           arg_max(detail, attempt) AS last_detail
    FROM alert_deliveries GROUP BY alert_id)
SELECT o.alert_id, o.event_id, o.development_id, o.subject,
       [o.recipient] AS recipients,
       CASE WHEN d.outcome = 'sent' THEN 'sent'
            WHEN d.outcome = 'failed' THEN 'failed'
            ELSE 'pending' END AS status,
       o.priority, o.created_at, d.sent_at,
       coalesce(d.attempts, 0) AS attempts, d.last_attempt_at, d.last_detail, o.message_id
FROM alert_outbox o LEFT JOIN last_delivery d USING (alert_id);

-- Grain: one row per development (a real-world happening, however many
-- documents report it). Key: development_id.
CREATE OR REPLACE VIEW developments AS
SELECT m.development_id,
       arg_min(e.event_type, e.seq) AS event_type,
       arg_min(e.action, e.seq) AS first_action,
       arg_max(e.action, e.seq) AS latest_action,
       min(e.appended_at) AS first_seen_at,
       m.development_id AS first_event_id,
       count(*) AS mentions,
       count(DISTINCT e.document_id) AS documents,
       count(DISTINCT coalesce(d.feed_name, d.source_kind)) AS sources,
       arg_max(e.occurred_on, e.seq) AS latest_occurred_on,
       arg_max(e.deadline, e.seq) AS latest_deadline,
       arg_max(e.rate_pct, e.seq) AS latest_rate_pct,
       arg_min(e.commodity, e.seq) AS commodity
FROM development_mentions m
JOIN event_log e USING (event_id)
JOIN document_versions d ON d.document_id = e.document_id
GROUP BY m.development_id;
