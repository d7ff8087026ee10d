"""The DuckDB event store: append-only tables, bulk writes, derived views.

Every write is a bulk ``INSERT ... SELECT`` from an Arrow table (one per
batch), keyed on deterministic ids: a row whose id is already stored is
skipped, so appending the same batch twice changes nothing. Nothing here
issues UPDATE or DELETE.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Iterable, Sequence
from pathlib import Path

import duckdb
import pyarrow as pa

from pipeline.models import Document, Event
from pipeline.store.migrations import migrate

# table -> its key columns: the append skips rows whose key is already stored.
KEYS = {
    "cycles": ("cycle_id",),
    "document_versions": ("document_id",),
    "feed_fetches": ("fetch_id",),
    "extractor_versions": ("extractor_version",),
    "extractions": ("document_id", "extractor_version"),
    "event_log": ("event_id",),
    "quarantine": ("quarantine_id",),
    "development_mentions": ("event_id",),
    "alert_outbox": ("alert_id",),
    "alert_deliveries": ("delivery_id",),
}


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


class EventStore:
    """One connection to the store file; migrations applied on open (read-write)."""

    def __init__(self, path: str | Path, read_only: bool = False):
        self.path = Path(path)
        if not read_only:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        elif not self.path.exists():
            raise FileNotFoundError(f"no event store at {self.path}: run `tradewatch run` first")
        self.con = duckdb.connect(str(self.path), read_only=read_only)
        if not read_only:
            migrate(self.con)

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> "EventStore":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- writing -----------------------------------------------------------

    def append(self, table: str, rows: Sequence[dict]) -> int:
        """Append rows (dicts keyed by column) whose key is not yet stored; return how many."""
        if not rows:
            return 0
        keys = KEYS[table]
        batch = pa.Table.from_pylist(list(rows))
        # Within one batch, the first row with a key wins (a duplicate id is a
        # signal, not a crash).
        self.con.register("_batch", batch)
        try:
            join = " AND ".join(f"t.{k} = b.{k}" for k in keys)
            inserted = self.con.execute(
                f"""
                INSERT INTO {table} BY NAME
                SELECT * EXCLUDE (_rownum) FROM (
                    SELECT b.*, row_number() OVER (PARTITION BY {", ".join("b." + k for k in keys)}) AS _rownum
                    FROM _batch b
                    WHERE NOT EXISTS (SELECT 1 FROM {table} t WHERE {join})
                ) WHERE _rownum = 1
                """
            ).fetchall()[0][0]
            return int(inserted)
        finally:
            self.con.unregister("_batch")

    def transaction(self):
        return _Transaction(self.con)

    def count(self, relation: str) -> int:
        return self.con.execute(f"SELECT count(*) FROM {relation}").fetchall()[0][0]

    # -- cycles and versions -------------------------------------------------

    def record_cycle(self, cycle_id: str, trigger: str, extractor_version: str, now: dt.datetime) -> None:
        with self.transaction():
            self.append("cycles", [dict(cycle_id=cycle_id, started_at=now, trigger=trigger,
                                        extractor_version=extractor_version)])
            self.activate_extractor(extractor_version, now)

    def activate_extractor(self, version: str, now: dt.datetime) -> None:
        """Make `version` current unless it is already the latest activated one."""
        current = self.current_extractor_version()
        if current != version:
            known = self.con.execute(
                "SELECT count(*) FROM extractor_versions WHERE extractor_version = ?", [version]
            ).fetchall()[0][0]
            if known:
                # Re-activating an older version would need an update; the store is
                # append-only, so a rollback of the extractor is a new version string.
                raise RuntimeError(
                    f"extractor {version} was superseded by {current}: give the rolled-back "
                    "extractor a new version string"
                )
            self.append("extractor_versions", [dict(extractor_version=version, activated_at=now)])

    def current_extractor_version(self) -> str | None:
        row = self.con.execute(
            "SELECT extractor_version FROM extractor_versions "
            "ORDER BY activated_at DESC, extractor_version DESC LIMIT 1"
        ).fetchall()
        return row[0][0] if row else None

    # -- documents -----------------------------------------------------------

    def known_document_ids(self, ids: Iterable[str]) -> set[str]:
        ids = list(set(ids))
        if not ids:
            return set()
        rows = self.con.execute(
            "SELECT document_id FROM document_versions WHERE document_id IN (SELECT unnest(?))", [ids]
        ).fetchall()
        return {r[0] for r in rows}

    def append_documents(self, docs: Sequence[Document], cycle_id: str, now: dt.datetime) -> list[Document]:
        """Append the documents not yet stored; return those that were new."""
        known = self.known_document_ids(d.document_id for d in docs)
        new, seen = [], set()
        for d in docs:
            if d.document_id not in known and d.document_id not in seen:
                seen.add(d.document_id)
                new.append(d)
        self.append("document_versions", [
            dict(dataclasses.asdict(d), cycle_id=cycle_id, ingested_at=now) for d in new
        ])
        return new

    def documents_to_extract(self, extractor_version: str) -> list[Document]:
        """Document versions the given extractor has not read yet, oldest first."""
        cur = self.con.execute(
            """
            SELECT document_id, source_kind, source_uri, feed_url, feed_name, title,
                   published_at, published_at_source, body, content_hash, guid
            FROM document_versions d
            WHERE NOT EXISTS (SELECT 1 FROM extractions x
                              WHERE x.document_id = d.document_id AND x.extractor_version = ?)
            ORDER BY ingested_at, published_at, document_id
            """,
            [extractor_version],
        )
        return [_document(row) for row in cur.fetchall()]

    def extracted_before(self, document_ids: list[str], extractor_version: str) -> set[str]:
        """Those documents some other extractor version has already read (re-extraction)."""
        if not document_ids:
            return set()
        rows = self.con.execute(
            "SELECT DISTINCT document_id FROM extractions WHERE extractor_version <> ? "
            "AND document_id IN (SELECT unnest(?))", [extractor_version, list(document_ids)]).fetchall()
        return {r[0] for r in rows}

    # -- events ----------------------------------------------------------------

    def current_events(self) -> list[Event]:
        """Accepted events of the current extractor, in append order (for the development fold)."""
        cur = self.con.execute(
            """
            SELECT event_id, document_id, extractor_version, event_type, action, occurred_on,
                   effective_on, deadline, commodity, rate_pct, actors, location, date_precision,
                   evidence_spans, confidence
            FROM events ORDER BY seq, event_id
            """
        )
        return [_event(row) for row in cur.fetchall()]

    def development_of(self) -> dict[str, str]:
        return dict(self.con.execute("SELECT event_id, development_id FROM development_mentions").fetchall())

    def next_seq(self) -> int:
        return self.con.execute("SELECT coalesce(max(seq), 0) + 1 FROM event_log").fetchall()[0][0]

    # -- alerts ------------------------------------------------------------

    def first_events(self, where: str, params: list) -> list[tuple[Event, dict]]:
        """Each development's first event (with its document's source fields) matching `where`.

        `where` is a fixed SQL condition over the aliases e (first event), m
        (its development_mentions row) and d (document); values go in `params`.
        """
        cur = self.con.execute(
            f"""
            SELECT e.event_id, e.document_id, e.extractor_version, e.event_type, e.action, e.occurred_on,
                   e.effective_on, e.deadline, e.commodity, e.rate_pct, e.actors, e.location,
                   e.date_precision, e.evidence_spans, e.confidence,
                   coalesce(d.feed_name, d.source_kind) AS source, coalesce(d.title, '') AS title,
                   d.source_uri, d.published_at,
                   (SELECT count(*) FROM development_mentions x WHERE x.development_id = m.development_id) AS mentions
            FROM development_mentions m
            JOIN events e ON e.event_id = m.event_id
            JOIN document_versions d ON d.document_id = e.document_id
            WHERE m.is_first AND ({where})
            ORDER BY e.seq
            """, params)
        out = []
        for row in cur.fetchall():
            extra = dict(source=row[15], title=row[16], link=row[17], published=row[18], mentions=row[19])
            out.append((_event(row[:15]), extra))
        return out

    def threads(self) -> dict[tuple[str, str], list[str]]:
        """(recipient, story key) -> Message-IDs of the alerts already in that story, oldest first."""
        out: dict[tuple[str, str], list[str]] = {}
        for recipient, story, mid in self.con.execute(
            "SELECT recipient, story_key, message_id FROM alert_outbox WHERE kind = 'alert' "
            "AND story_key IS NOT NULL ORDER BY created_at, alert_id"
        ).fetchall():
            out.setdefault((recipient, story), []).append(mid)
        return out

    def pending_alerts(self) -> list[dict]:
        cur = self.con.execute(
            """
            SELECT o.*, s.attempts, s.last_attempt_at, s.last_detail
            FROM alert_outbox o JOIN outbox_status s USING (alert_id)
            WHERE s.status = 'pending'
            ORDER BY o.created_at, o.alert_id
            """
        )
        names = [c[0] for c in cur.description]
        return [dict(zip(names, row)) for row in cur.fetchall()]


class _Transaction:
    def __init__(self, con):
        self.con = con

    def __enter__(self):
        self.con.begin()
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc_type:
            self.con.rollback()
        else:
            self.con.commit()
        return False


def _document(row) -> Document:
    (document_id, source_kind, source_uri, feed_url, feed_name, title, published_at,
     published_at_source, body, content_hash, guid) = row
    if published_at.tzinfo is None:
        published_at = published_at.replace(tzinfo=dt.timezone.utc)
    return Document(document_id=document_id, source_kind=source_kind, source_uri=source_uri,
                    feed_url=feed_url, feed_name=feed_name, title=title,
                    published_at=published_at.astimezone(dt.timezone.utc),
                    published_at_source=published_at_source, body=body,
                    content_hash=content_hash, guid=guid)


def _event(row) -> Event:
    from pipeline.models import Evidence

    (event_id, document_id, version, etype, action, occ, eff, dl, com, rate, actors, loc,
     precision, spans, confidence) = row
    return Event(event_id=event_id, document_id=document_id, extractor_version=version,
                 event_type=etype, action=action, occurred_on=occ, effective_on=eff, deadline=dl,
                 commodity=com, rate_pct=rate, actors=tuple(actors or ()), location=loc,
                 date_precision=precision,
                 evidence=tuple(Evidence(s["text"], s["start"], s["end"]) for s in spans or ()),
                 confidence=confidence)


def event_row(e: Event, cycle_id: str, now: dt.datetime, seq: int) -> dict:
    first = e.evidence[0] if e.evidence else None
    return dict(
        event_id=e.event_id, document_id=e.document_id, extractor_version=e.extractor_version,
        event_type=e.event_type, action=e.action, occurred_on=e.occurred_on,
        effective_on=e.effective_on, deadline=e.deadline, commodity=e.commodity,
        rate_pct=e.rate_pct, actors=list(e.actors), location=e.location,
        date_precision=e.date_precision,
        evidence=first.text if first else "", evidence_start=first.start if first else 0,
        evidence_end=first.end if first else 0,
        evidence_spans=[dict(text=s.text, start=s.start, end=s.end) for s in e.evidence],
        confidence=float(e.confidence), cycle_id=cycle_id, appended_at=now, seq=seq,
    )


def candidate_json(row: dict) -> str:
    return json.dumps(row, default=str, sort_keys=True)


def feed_health(store: EventStore, feed_urls: Sequence[str]) -> dict[str, dict]:
    """Per feed URL, what the fetch log says (the ``feed_health`` view of migration 002):
    validators of the last good answer, consecutive failures, next attempt, last error."""
    urls = list(dict.fromkeys(feed_urls))
    if not urls:
        return {}
    cur = store.con.execute(
        "SELECT * FROM feed_health WHERE feed_url IN (SELECT unnest(?))", [urls])
    names = [c[0] for c in cur.description]
    return {row[names.index("feed_url")]: dict(zip(names, row)) for row in cur.fetchall()}
