"""The ingest step of a cycle: seed files and feed items in, one fetch record per feed.

Per feed, what the fetch log (``feed_fetches``, append-only) says decides the
request: the ETag / Last-Modified of its last good answer make it a
conditional GET (a 304 is recorded and costs no parsing), and a feed that
keeps failing is backed off exponentially (capped), or for as long as its
Retry-After asked. Feeds are fetched concurrently (a bounded pool, a few at a
time per host) under a budget for the whole cycle, so one slow server cannot
hold the others up; every feed gets a row saying what happened and why.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import threading
import time
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from pipeline.config import ConfigError, load_feeds
from pipeline.ids import stable_id
from pipeline.ingest import fetch as fetching
from pipeline.ingest.feeds import parse_feed
from pipeline.ingest.fulltext import full_text
from pipeline.ingest.seeds import read_seeds
from pipeline.models import Document, FeedFetch
from pipeline.runtime import CycleReport, Settings
from pipeline.store.duckdb_store import EventStore, feed_health, utcnow

FETCH_CONCURRENCY = 16          # feeds fetched at once: 200 feeds at the 30 s worst case fit in ~6 min
PER_HOST = 4                    # at most this many requests at once to one host
CYCLE_FETCH_BUDGET = 600.0      # seconds for all fetches of a cycle; feeds not started by then are skipped
BACKOFF_BASE = 600.0            # seconds: the 2nd failure in a row waits this long, each next one twice as long
BACKOFF_CAP = 6 * 3600.0        # ... up to this
MAX_FULL_TEXT_PER_FEED = 20     # linked pages fetched per feed and cycle (new items only)


def backoff_delay(consecutive_failures: int) -> float:
    """Seconds to wait after this many failures in a row: none after the first (a blip),
    then BACKOFF_BASE, doubling, capped at BACKOFF_CAP."""
    if consecutive_failures <= 1:
        return 0.0
    return min(BACKOFF_CAP, BACKOFF_BASE * 2 ** (consecutive_failures - 2))


@dataclass
class FeedOutcome:
    feed: object
    outcome: str                                   # ok | not_modified | error | skipped
    result: fetching.FetchResult | None = None
    docs: list[Document] = field(default_factory=list)
    items_seen: int = 0
    bozo_reason: str | None = None
    error: str | None = None
    error_kind: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    next_attempt_at: dt.datetime | None = None
    notes: list[str] = field(default_factory=list)


class _HostSlots:
    def __init__(self, per_host: int):
        self._lock = threading.Lock()
        self._slots: dict[str, threading.Semaphore] = defaultdict(lambda: threading.Semaphore(per_host))

    def __call__(self, url: str) -> threading.Semaphore:
        try:
            host = (urlsplit(url).hostname or "").lower()
        except ValueError:
            host = ""
        with self._lock:
            return self._slots[host]


def _fetch_feed(feed, state: dict, allow_networks, limits: fetching.Limits, now: dt.datetime,
                budget_end: float, slots: _HostSlots) -> FeedOutcome:
    next_at = state.get("next_attempt_at")
    if next_at is not None and next_at > now:
        n = state.get("consecutive_failures") or 0
        since = state.get("failing_since")
        return FeedOutcome(
            feed, "skipped", error_kind="backoff", next_attempt_at=next_at,
            error=(f"not fetched: backing off after {n} failure(s) in a row"
                   + (f" since {since:%Y-%m-%d %H:%M} UTC" if since else "")
                   + f"; next attempt after {next_at.astimezone(dt.timezone.utc):%Y-%m-%d %H:%M:%S} UTC"
                   + (f"; last error: {state.get('last_failure_reason')}" if state.get("last_failure_reason") else "")))
    if time.monotonic() >= budget_end:
        return FeedOutcome(feed, "skipped", error_kind="budget",
                           error=f"not fetched: the cycle's fetch budget ({CYCLE_FETCH_BUDGET:g} s) was used up")
    etag, last_modified = state.get("etag"), state.get("last_modified")
    with slots(feed.url):
        result = fetching.fetch(feed.url, allow_networks, limits, etag=etag, last_modified=last_modified,
                                deadline=budget_end)
    notes = [result.note] if result.note else []
    if result.final_url != feed.url:
        notes.append(f"redirected to {result.final_url}")
    if result.error:
        failures = (state.get("consecutive_failures") or 0) + 1
        delay = max(backoff_delay(failures), float(result.retry_after_s or 0))
        return FeedOutcome(feed, "error", result, error=result.error, error_kind=result.error_kind,
                           next_attempt_at=now + dt.timedelta(seconds=delay) if delay else None, notes=notes)
    if result.not_modified:
        return FeedOutcome(feed, "not_modified", result, etag=result.etag or etag,
                           last_modified=result.last_modified or last_modified, notes=notes)
    parsed = parse_feed(result.body, result.headers, feed.name, feed.url, now, base_url=result.final_url)
    return FeedOutcome(feed, "ok", result, docs=parsed.documents, items_seen=parsed.items_seen,
                       bozo_reason=parsed.bozo_reason, etag=result.etag, last_modified=result.last_modified,
                       notes=notes)


def _add_full_text(outcomes: list[FeedOutcome], known: set[str], allow_networks, limits, budget_end: float,
                   slots: _HostSlots) -> None:
    """Replace the body of new items of full_text feeds by their linked page's article text."""
    jobs = []
    for out in outcomes:
        if out.outcome != "ok" or not getattr(out.feed, "full_text", False):
            continue
        seen: set[str] = set()
        todo = []
        for i, doc in enumerate(out.docs):
            link = doc.source_uri
            if doc.document_id in known or doc.document_id in seen or not link.startswith(("http://", "https://")):
                continue
            seen.add(doc.document_id)
            todo.append(i)
        if len(todo) > MAX_FULL_TEXT_PER_FEED:
            out.notes.append(f"full text: {len(todo) - MAX_FULL_TEXT_PER_FEED} new item(s) beyond "
                             f"{MAX_FULL_TEXT_PER_FEED} kept their feed text")
            todo = todo[:MAX_FULL_TEXT_PER_FEED]
        jobs += [(out, i) for i in todo]
    if not jobs:
        return

    def one(job):
        out, i = job
        if time.monotonic() >= budget_end:
            return job, None, "the cycle's fetch budget was used up"
        url = out.docs[i].source_uri
        with slots(url):
            return (job, *full_text(url, allow_networks, limits, deadline=budget_end))

    with ThreadPoolExecutor(max_workers=FETCH_CONCURRENCY) as pool:
        done = list(pool.map(one, jobs))
    stats: dict[int, list] = defaultdict(lambda: [0, []])
    for (out, i), text, problem in done:
        if text:
            out.docs[i] = dataclasses.replace(out.docs[i], body=text)
            stats[id(out)][0] += 1
        else:
            stats[id(out)][1].append(f"{out.docs[i].source_uri}: {problem}")
    for out in outcomes:
        if id(out) in stats:
            ok, failed = stats[id(out)]
            note = f"full text: {ok} page(s) extracted"
            if failed:
                note += f", {len(failed)} kept their feed text ({'; '.join(failed[:3])[:600]})"
            out.notes.append(note)


def ingest(store: EventStore, settings: Settings, cycle_id: str, report: CycleReport,
           limits: fetching.Limits | None = None) -> None:
    limits = limits or fetching.DEFAULT_LIMITS
    now = utcnow()
    seed_docs, seed_problems = read_seeds(settings.seeds)
    report.problems += [f"seed {p.path}: {p.reason}" for p in seed_problems
                        if p.reason != "seed folder not found" or settings.seeds.exists()]
    try:
        feeds_cfg = load_feeds(settings.feeds)
        report.problems += list(feeds_cfg.problems)
        feeds = feeds_cfg.feeds
        allow = feeds_cfg.allow_networks
    except ConfigError as exc:
        report.problems.append(str(exc))
        feeds, allow = (), ()

    health = feed_health(store, [f.url for f in feeds])
    budget_end = time.monotonic() + CYCLE_FETCH_BUDGET
    slots = _HostSlots(PER_HOST)

    def one(feed) -> FeedOutcome:
        try:
            return _fetch_feed(feed, health.get(feed.url, {}), allow, limits, now, budget_end, slots)
        except Exception as exc:  # noqa: BLE001 - a bug on one feed must not lose the others
            return FeedOutcome(feed, "error", error=f"ingest failed: {type(exc).__name__}: {exc}"[:1000],
                               error_kind="internal")

    with ThreadPoolExecutor(max_workers=FETCH_CONCURRENCY) as pool:
        outcomes = list(pool.map(one, feeds))

    feed_docs = [d for out in outcomes for d in out.docs]
    if any(getattr(out.feed, "full_text", False) and out.docs for out in outcomes):
        known = store.known_document_ids(d.document_id for d in feed_docs)
        _add_full_text(outcomes, known, allow, limits, budget_end, slots)

    all_docs = list(seed_docs) + [d for out in outcomes for d in out.docs]
    with store.transaction():
        new_docs = store.append_documents(all_docs, cycle_id, now)
        new_ids = {d.document_id for d in new_docs}
        fetch_rows = []
        for out in outcomes:
            feed, result = out.feed, out.result
            base = FeedFetch(
                fetch_id=stable_id("fetch", cycle_id, feed.url), cycle_id=cycle_id,
                feed_name=feed.name, feed_url=feed.url, fetched_at=now,
                http_status=result.http_status if result else None, error=out.error,
                bytes_received=result.bytes_received if result else 0,
                duration_ms=result.duration_ms if result else 0,
                items_seen=out.items_seen, items_new=len({d.document_id for d in out.docs} & new_ids),
                bozo_reason=out.bozo_reason)
            fetch_rows.append(dict(
                base.__dict__, outcome=out.outcome, error_kind=out.error_kind,
                final_url=result.final_url if result else None, etag=out.etag,
                last_modified=out.last_modified,
                retry_after_s=result.retry_after_s if result else None,
                next_attempt_at=out.next_attempt_at, notes="; ".join(out.notes)[:2000] or None))
            if out.error:
                report.feeds_failed += 1
                report.problems.append(f"feed {feed.name} ({feed.url}): {out.error}")
            else:
                report.feeds_ok += 1
        store.append("feed_fetches", fetch_rows)
    report.documents_new += len(new_docs)
