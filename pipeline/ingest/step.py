"""The ingest step of a cycle: seed files and feed items in, one fetch record per feed."""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from pipeline.config import ConfigError, load_feeds
from pipeline.ids import stable_id
from pipeline.ingest.feeds import parse_feed
from pipeline.ingest.fetch import fetch
from pipeline.ingest.seeds import read_seeds
from pipeline.models import FeedFetch
from pipeline.runtime import CycleReport, Settings
from pipeline.store.duckdb_store import EventStore, utcnow

FETCH_CONCURRENCY = 8


def ingest(store: EventStore, settings: Settings, cycle_id: str, report: CycleReport) -> None:
    now = utcnow()
    seed_docs, seed_problems = read_seeds(settings.seeds)
    report.problems += [f"seed {p.path}: {p.reason}" for p in seed_problems
                        if p.reason != "seed folder not found" or settings.seeds.exists()]
    try:
        feeds_cfg = load_feeds(settings.feeds)
        report.problems += list(feeds_cfg.problems)
        feeds = feeds_cfg.feeds
    except ConfigError as exc:
        report.problems.append(str(exc))
        feeds_cfg, feeds = None, ()

    def one(feed):
        result = fetch(feed.url, allow_networks=feeds_cfg.allow_networks)
        docs, seen, bozo = [], 0, None
        if result.ok:
            parsed = parse_feed(result.body, result.headers, feed.name, feed.url, now)
            docs, seen, bozo = parsed.documents, parsed.items_seen, parsed.bozo_reason
        return feed, result, docs, seen, bozo

    with ThreadPoolExecutor(max_workers=FETCH_CONCURRENCY) as pool:
        fetched = list(pool.map(one, feeds))

    all_docs = list(seed_docs)
    for _feed, _result, docs, _seen, _bozo in fetched:
        all_docs += docs
    with store.transaction():
        new_docs = store.append_documents(all_docs, cycle_id, now)
        new_ids = {d.document_id for d in new_docs}
        fetch_rows = []
        for feed, result, docs, seen, bozo in fetched:
            items_new = sum(d.document_id in new_ids for d in docs)
            fetch_rows.append(FeedFetch(
                fetch_id=stable_id("fetch", cycle_id, feed.url), cycle_id=cycle_id,
                feed_name=feed.name, feed_url=feed.url, fetched_at=now,
                http_status=result.http_status, error=result.error,
                bytes_received=len(result.body or b""), duration_ms=result.duration_ms,
                items_seen=seen, items_new=items_new, bozo_reason=bozo).__dict__)
            if result.error:
                report.feeds_failed += 1
                report.problems.append(f"feed {feed.name} ({feed.url}): {result.error}")
            else:
                report.feeds_ok += 1
        store.append("feed_fetches", fetch_rows)
    report.documents_new += len(new_docs)
