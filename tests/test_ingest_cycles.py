"""Ingest across cycles, with a real store and a loopback server: conditional GET,
backoff and Retry-After derived from the fetch log, item versions, full text,
and `tradewatch feeds`."""
from __future__ import annotations

import email.utils
import os
import subprocess
import sys

import pytest

from tests.conftest import rss

ETAG = '"v1"'
LAST_MODIFIED = "Thu, 09 Oct 2025 08:00:00 GMT"


@pytest.fixture
def server(feed_server):
    """The shared FeedServer, which answers conditional requests with 304."""
    return feed_server


def write_config(tmp_path, feeds: list[dict]):
    from pipeline.runtime import Settings

    lines = ["allow_networks: [127.0.0.0/8]", "feeds:"]
    for feed in feeds:
        lines.append(f"  - name: {feed['name']}")
        lines.append(f"    url: {feed['url']}")
        if feed.get("full_text"):
            lines.append("    full_text: true")
    (tmp_path / "feeds.yaml").write_text("\n".join(lines) + "\n")
    (tmp_path / "seeds").mkdir(exist_ok=True)
    return Settings(db=tmp_path / "store.duckdb", feeds=tmp_path / "feeds.yaml", seeds=tmp_path / "seeds",
                    alerts=tmp_path / "alerts.yaml", outbox=tmp_path / "outbox")


def cycle(settings, cycle_id: str):
    from pipeline.ingest.step import ingest
    from pipeline.runtime import CycleReport
    from pipeline.store.duckdb_store import EventStore

    report = CycleReport(cycle_id)
    with EventStore(settings.db) as store:
        ingest(store, settings, cycle_id, report)
    return report


def rows(settings, sql: str, params=()) -> list[tuple]:
    import duckdb

    con = duckdb.connect(str(settings.db), read_only=True)
    try:
        return con.execute(sql, list(params)).fetchall()
    finally:
        con.close()


ITEMS = [
    {"title": "Tariff truce extended", "link": "https://wire.example/truce?utm_source=rss", "guid": "g-truce",
     "description": "The truce was extended by 90 days."},
    {"title": "Rare earth controls", "link": "https://wire.example/rare-earths",
     "description": "Beijing imposed export controls on rare earths."},
]


def test_second_cycle_sends_conditional_requests_gets_304_and_parses_nothing(tmp_path, server, monkeypatch):
    from pipeline.ingest import step

    server.routes["/both.xml"] = (200, {"Content-Type": "application/rss+xml", "ETag": ETAG,
                                        "Last-Modified": LAST_MODIFIED}, rss(ITEMS).encode())
    server.routes["/lm.xml"] = (200, {"Content-Type": "application/rss+xml", "Last-Modified": LAST_MODIFIED},
                                rss(ITEMS[:1], title="lm").encode())
    settings = write_config(tmp_path, [{"name": "both", "url": server.url("/both.xml")},
                                       {"name": "lm", "url": server.url("/lm.xml")}])
    cycle(settings, "c1")
    assert rows(settings, "SELECT feed_name, outcome, http_status, items_new, etag, last_modified FROM feed_fetches "
                          "ORDER BY feed_name") == [("both", "ok", 200, 2, ETAG, LAST_MODIFIED),
                                                    ("lm", "ok", 200, 1, None, LAST_MODIFIED)]
    documents = rows(settings, "SELECT count(*) FROM documents")[0][0]
    assert documents == 3

    parsed = []
    real_parse = step.parse_feed
    monkeypatch.setattr(step, "parse_feed", lambda *a, **k: parsed.append(a) or real_parse(*a, **k))
    cycle(settings, "c2")
    both, lm = server.hits("/both.xml")[-1], server.hits("/lm.xml")[-1]
    assert both[0].get("If-None-Match") == ETAG and both[0].get("If-Modified-Since") == LAST_MODIFIED
    assert lm[0].get("If-Modified-Since") == LAST_MODIFIED and "If-None-Match" not in lm[0]
    assert both[1] == lm[1] == 304
    assert parsed == []  # a 304 costs no parsing
    assert rows(settings, "SELECT feed_name, outcome, http_status, error, items_seen, items_new, etag, last_modified "
                          "FROM feed_fetches WHERE cycle_id = 'c2' ORDER BY feed_name") == [
        ("both", "not_modified", 304, None, 0, 0, ETAG, LAST_MODIFIED),
        ("lm", "not_modified", 304, None, 0, 0, None, LAST_MODIFIED)]
    assert rows(settings, "SELECT count(*) FROM documents")[0][0] == documents

    # The feed changes (new validators): fetched in full; a changed item is a new version, nothing overwritten.
    changed = [dict(ITEMS[0], description="The truce was extended by 90 days, to November 10."), ITEMS[1]]
    server.routes["/both.xml"] = (200, {"Content-Type": "application/rss+xml", "ETag": '"v2"'}, rss(changed).encode())
    cycle(settings, "c3")
    assert rows(settings, "SELECT outcome, items_seen, items_new, etag FROM feed_fetches "
                          "WHERE cycle_id = 'c3' AND feed_name = 'both'") == [("ok", 2, 1, '"v2"')]
    versions = rows(settings, "SELECT body FROM documents WHERE guid = 'g-truce' AND feed_name = 'both' ORDER BY ingested_at")
    assert [v[0] for v in versions] == ["The truce was extended by 90 days.",
                                        "The truce was extended by 90 days, to November 10."]
    # The item without a guid is identified by its link: unchanged, so still one version.
    assert rows(settings, "SELECT count(*) FROM documents WHERE source_uri = 'https://wire.example/rare-earths'"
                ) == [(1,)]


def test_failing_feed_backs_off_and_retry_after_is_honoured(tmp_path, server):
    server.routes["/good.xml"] = (200, {"Content-Type": "application/rss+xml"}, rss(ITEMS).encode())
    server.routes["/broken.xml"] = (500, {}, b"oops")
    server.routes["/busy.xml"] = (503, {"Retry-After": "3600"}, b"busy")
    settings = write_config(tmp_path, [{"name": n, "url": server.url(f"/{n}.xml")}
                                       for n in ("good", "broken", "busy")])
    for i in range(1, 5):
        cycle(settings, f"c{i}")
    # broken: the first failure is retried at once (a blip); from the second on it waits (10 min, doubling).
    assert [s for _, s in server.hits("/broken.xml")] == [500, 500]
    # busy: asked to come back in an hour, so it is not asked again in these cycles.
    assert [s for _, s in server.hits("/busy.xml")] == [503]
    assert len(server.hits("/good.xml")) == 4
    log = rows(settings, "SELECT cycle_id, feed_name, outcome, error_kind, retry_after_s FROM feed_fetches "
                         "WHERE feed_name <> 'good' ORDER BY feed_name, cycle_id")
    assert log == [
        ("c1", "broken", "error", "http", None), ("c2", "broken", "error", "http", None),
        ("c3", "broken", "skipped", "backoff", None), ("c4", "broken", "skipped", "backoff", None),
        ("c1", "busy", "error", "http", 3600), ("c2", "busy", "skipped", "backoff", None),
        ("c3", "busy", "skipped", "backoff", None), ("c4", "busy", "skipped", "backoff", None)]
    health = rows(settings, "SELECT feed_name, consecutive_failures, failing_since IS NOT NULL, "
                            "last_failure_reason, next_attempt_at > now() FROM feed_health ORDER BY feed_name")
    assert health == [("broken", 2, True, "HTTP 500 Internal Server Error", True),
                      ("busy", 1, True, "HTTP 503 Service Unavailable", True),
                      ("good", 0, False, None, None)]

    # `tradewatch feeds` says which feeds fail, since when, and why.
    env = dict(os.environ, TRADEWATCH_DB=str(settings.db))
    out = subprocess.run([sys.executable, "-m", "pipeline.cli", "feeds"], env=env, capture_output=True,
                         text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    failing = out.stdout.split("== failing feeds ==")[1]
    assert "broken" in failing and "HTTP 500" in failing and "busy" in failing and "HTTP 503" in failing
    assert "good" not in failing


def test_full_text_fetches_the_linked_page_once(tmp_path, server):
    article = ("<html><head><title>Truce</title></head><body><nav>Home | World | Markets</nav>"
               "<article><h1>Truce extended</h1>"
               "<p>WASHINGTON - The United States and China agreed on Monday to extend their tariff truce by "
               "another 90 days, officials in both capitals said, averting a sharp rise in duties.</p>"
               "<p>Negotiators will meet again in Stockholm next month to discuss export controls on "
               "rare earth magnets and semiconductors, according to a statement from the Commerce Ministry.</p>"
               "</article><footer>Copyright Wire</footer></body></html>")
    server.routes["/story.html"] = (200, {"Content-Type": "text/html; charset=utf-8"}, article.encode())
    server.routes["/missing.html"] = (404, {}, b"")
    items = [{"title": "Truce extended", "link": server.url("/story.html"), "guid": "s1", "description": "Short."},
             {"title": "Gone", "link": server.url("/missing.html"), "guid": "s2", "description": "Teaser only."}]
    server.routes["/ft.xml"] = (200, {"Content-Type": "application/rss+xml"}, rss(items).encode())
    settings = write_config(tmp_path, [{"name": "ft", "url": server.url("/ft.xml"), "full_text": True}])
    cycle(settings, "c1")
    bodies = dict(rows(settings, "SELECT guid, body FROM documents"))
    assert "Stockholm next month" in bodies["s1"] and "Copyright" not in bodies["s1"]
    assert bodies["s2"] == "Teaser only."  # the page failed: the feed's own text is kept, and why is noted
    notes = rows(settings, "SELECT notes FROM feed_fetches")[0][0]
    assert "1 page(s) extracted" in notes and "HTTP 404" in notes
    cycle(settings, "c2")
    assert len(server.hits("/story.html")) == 1  # known items are not fetched again
    assert rows(settings, "SELECT count(*) FROM documents")[0][0] == 2


def test_http_date_retry_after_and_backoff_schedule():
    import datetime as dt

    from pipeline.ingest.fetch import MAX_RETRY_AFTER, _retry_after
    from pipeline.ingest.step import BACKOFF_CAP, backoff_delay

    now = dt.datetime(2025, 10, 9, 8, 0, tzinfo=dt.timezone.utc)
    assert _retry_after("120") == 120
    assert _retry_after(email.utils.format_datetime(now + dt.timedelta(minutes=5), usegmt=True), now) == 300
    assert _retry_after("Thu, 01 Jan 1970 00:00:00 GMT", now) == 0
    assert _retry_after("99999999") == MAX_RETRY_AFTER
    assert _retry_after("soon") is None
    assert [backoff_delay(n) for n in range(1, 5)] == [0, 600, 1200, 2400]
    assert backoff_delay(50) == BACKOFF_CAP
