"""The DuckDB event store: migrations, append-only bulk writes, deterministic ids, derived views."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import duckdb
import pytest

from pipeline.models import Document, Event, Evidence
from pipeline.store.duckdb_store import EventStore, event_row
from pipeline.store.migrations import discover

ROOT = Path(__file__).resolve().parent.parent
NOW = dt.datetime(2025, 6, 10, 12, 0, tzinfo=dt.timezone.utc)


def make_doc(n: int) -> Document:
    return Document(document_id=f"doc_{n}", source_kind="feed", source_uri=f"https://x.example/{n}",
                    feed_url="https://x.example/feed", feed_name="wire", title=f"t{n}",
                    published_at=NOW, published_at_source="feed", body=f"body {n}", content_hash=f"h{n}")


def make_event(n: int, doc: str = "doc_1") -> Event:
    return Event(event_id=f"ev_{n}", document_id=doc, extractor_version="rules-test",
                 event_type="tariff_deadline", action="extend", occurred_on=dt.date(2025, 8, 11),
                 effective_on=None, deadline=dt.date(2025, 11, 10), commodity=None, rate_pct=None,
                 actors=("US",), location=None, date_precision="day",
                 evidence=(Evidence("extended the truce to Nov. 10", 0, 29),), confidence=0.9)


@pytest.fixture
def store(tmp_path):
    s = EventStore(tmp_path / "store.duckdb")
    yield s
    s.close()


def test_migrations_are_applied_once_and_recorded(tmp_path):
    path = tmp_path / "store.duckdb"
    EventStore(path).close()
    with EventStore(path) as again:  # reopening applies nothing new
        rows = again.con.execute("SELECT version, name FROM schema_migrations ORDER BY version").fetchall()
    assert rows == [(m.version, m.name) for m in discover()]


def test_append_skips_ids_already_stored_and_duplicates_within_a_batch(store):
    docs = [make_doc(1), make_doc(2), make_doc(1)]
    assert [d.document_id for d in store.append_documents(docs, "c1", NOW)] == ["doc_1", "doc_2"]
    assert store.append_documents(docs, "c2", NOW) == []
    rows = store.con.execute("SELECT document_id, cycle_id FROM documents ORDER BY 1").fetchall()
    assert rows == [("doc_1", "c1"), ("doc_2", "c1")]


def test_event_rows_round_trip_through_the_events_view(store):
    store.record_cycle("c1", "cli", "rules-test", NOW)
    event = make_event(1)
    assert store.append("event_log", [event_row(event, "c1", NOW, 1)]) == 1
    assert store.append("event_log", [event_row(event, "c1", NOW, 1)]) == 0
    assert store.current_events() == [event]


def test_events_view_shows_only_the_current_extractor_version(store):
    store.record_cycle("c1", "cli", "rules-1", NOW)
    old = make_event(1).__class__(**{**make_event(1).__dict__, "extractor_version": "rules-1"})
    store.append("event_log", [event_row(old, "c1", NOW, 1)])
    store.record_cycle("c2", "cli", "rules-2", NOW + dt.timedelta(minutes=1))
    new = make_event(2).__class__(**{**make_event(2).__dict__, "extractor_version": "rules-2"})
    store.append("event_log", [event_row(new, "c2", NOW, 2)])
    assert store.con.execute("SELECT event_id FROM events").fetchall() == [("ev_2",)]
    assert store.count("event_log") == 2  # the older version stays queryable
    with pytest.raises(RuntimeError, match="superseded"):
        store.activate_extractor("rules-1", NOW + dt.timedelta(minutes=2))


def test_alert_status_is_derived_from_appended_delivery_records(store):
    store.append("alert_outbox", [dict(
        alert_id="a1", event_id="ev_1", development_id="ev_1", recipient="desk@example.com",
        sender="tw@localhost", priority="high", subject="s", body_text="t", body_html="<p>t</p>",
        message_id="<a1@tradewatch.local>", cycle_id="c1", created_at=NOW)])
    status = lambda: store.con.execute(  # noqa: E731
        "SELECT status, attempts, sent_at FROM alerts").fetchall()[0]
    assert status() == ("pending", 0, None)
    store.append("alert_deliveries", [dict(delivery_id="d1", alert_id="a1", attempt=1, attempted_at=NOW,
                                           outcome="retry", transport="smtp", detail="421")])
    assert status() == ("pending", 1, None)
    store.append("alert_deliveries", [dict(delivery_id="d2", alert_id="a1", attempt=2, attempted_at=NOW,
                                           outcome="sent", transport="smtp", detail=None)])
    assert status() == ("sent", 2, NOW)


def test_a_failed_transaction_leaves_nothing_behind(store):
    with pytest.raises(ZeroDivisionError):
        with store.transaction():
            store.append_documents([make_doc(1)], "c1", NOW)
            1 / 0
    assert store.count("documents") == 0


def test_read_only_open_of_a_missing_store_names_the_path(tmp_path):
    with pytest.raises(FileNotFoundError, match="no event store at"):
        EventStore(tmp_path / "absent.duckdb", read_only=True)


def test_every_relation_documents_its_grain():
    for migration in discover():
        for m in re.finditer(r"CREATE (?:TABLE IF NOT EXISTS|OR REPLACE VIEW) (\w+)", migration.sql):
            preceding = migration.sql[: m.start()].rstrip().rsplit("\n\n", 1)[-1]
            assert "Grain:" in preceding, f"{migration.name}: {m.group(1)} does not document its grain"


def test_project_code_never_updates_or_deletes_stored_rows():
    offenders = []
    for path in list((ROOT / "pipeline").rglob("*.py")) + list((ROOT / "dags").glob("*.py")):
        text = path.read_text()
        for stmt in re.findall(r"\b(UPDATE\s+\w+\s+SET|DELETE\s+FROM|TRUNCATE|DROP\s+TABLE)\b", text, re.I):
            offenders.append(f"{path.name}: {stmt}")
        if "executemany(" in text:
            offenders.append(f"{path.name}: executemany")
    assert offenders == []


def test_concurrent_reader_sees_committed_rows_only(tmp_path):
    path = tmp_path / "s.duckdb"
    with EventStore(path) as s:
        s.append_documents([make_doc(1)], "c1", NOW)
    con = duckdb.connect(str(path), read_only=True)
    assert con.execute("SELECT count(*) FROM documents").fetchall() == [(1,)]
    con.close()
