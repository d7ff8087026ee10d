"""End to end, with every component real: a loopback HTTP feed, the Airflow DAG run by
`dag.test()`, Great Expectations, a DuckDB file, and a loopback SMTP server (aiosmtpd).
"""
from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from tests.conftest import free_port, query, rss, write_feeds

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.e2e

RARE_EARTHS = (
    "<p>BEIJING, Oct 9 (Wire) - China's Ministry of Commerce on Thursday imposed export controls on "
    "rare earth processing technologies and on foreign-made products containing Chinese rare earths, "
    "requiring exporters to obtain licences.</p>"
    "<p>The ministry said the measures protect national security. Markets in Shanghai were little changed.</p>"
)
TRUCE = (
    "<p>WASHINGTON, Aug 12 (Wire) - President Donald Trump on Monday signed an executive order extending "
    "the pause on higher tariffs on Chinese goods by 90 days, to Nov. 10.</p>"
    "<p>The White House said talks with Beijing would continue.</p>"
)
ITEMS = [
    {"title": "China tightens rare earth export controls", "link": "https://wire.example/2025/10/09/rare-earths",
     "guid": "https://wire.example/2025/10/09/rare-earths", "pubDate": "Thu, 09 Oct 2025 08:00:00 GMT",
     "description": RARE_EARTHS},
    {"title": "Trump extends China tariff truce to Nov. 10", "link": "https://wire.example/2025/08/12/truce",
     "guid": "https://wire.example/2025/08/12/truce", "pubDate": "Tue, 12 Aug 2025 05:00:00 GMT",
     "description": TRUCE},
]
RELATIONS = ("documents", "event_log", "quarantine", "development_mentions", "alert_outbox",
             "alert_deliveries", "feed_fetches", "extractions", "cycles")


def counts(db: Path) -> dict[str, int]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {r: con.execute(f"SELECT count(*) FROM {r}").fetchall()[0][0] for r in RELATIONS}
    finally:
        con.close()




@pytest.fixture
def monitor_dag(airflow_db):
    from airflow.dag_processing.dagbag import DagBag

    bag = DagBag(dag_folder=str(ROOT / "dags"))
    assert bag.import_errors == {}
    return bag.dags["trade_talks_monitor"]


def test_feed_to_alert_through_airflow_and_a_rerun_adds_nothing(workdir, feed_server, smtp_sink,
                                                                 monitor_dag, monkeypatch):
    url = feed_server.serve("/wire.xml", rss(ITEMS))
    write_feeds(workdir, {"wire": url, "down": f"http://127.0.0.1:{free_port()}/gone.xml"})
    monkeypatch.setenv("AIRFLOW_CONN_SMTP_DEFAULT", smtp_sink.uri)
    db = workdir / "store.duckdb"
    logical_date = dt.datetime(2025, 10, 9, 12, 0, tzinfo=dt.timezone.utc)

    run = monitor_dag.test(logical_date=logical_date)
    assert str(run.state) in ("success", "DagRunState.SUCCESS")

    # Documents: the seed (dated from its text) and both feed items (dated by the feed).
    assert query(db, """SELECT source_kind, source_uri, feed_url, published_at_source,
                               strftime(published_at, '%Y-%m-%d') FROM documents ORDER BY source_kind DESC, source_uri""") == [
        ("seed", "seeds/000_2c0dfefd472a788a.txt", None, "text", "2025-06-10"),
        ("feed", "https://wire.example/2025/08/12/truce", url, "feed", "2025-08-12"),
        ("feed", "https://wire.example/2025/10/09/rare-earths", url, "feed", "2025-10-09"),
    ]
    # Events: the rare-earth ruling and the moved deadline, each from its own item.
    events = query(db, """SELECT d.source_uri, e.event_type, e.commodity, e.occurred_on, e.deadline, e.actors[1]
                          FROM events e JOIN documents d USING (document_id) WHERE d.source_kind = 'feed'""")
    assert ("https://wire.example/2025/10/09/rare-earths", "export_control", "rare_earths",
            dt.date(2025, 10, 9), None, "CN") in events
    assert any(e[:2] == ("https://wire.example/2025/08/12/truce", "tariff_deadline")
               and e[4] == dt.date(2025, 11, 10) for e in events)
    # The seed yields events too.
    assert query(db, "SELECT count(*) FROM events e JOIN documents d USING (document_id) "
                     "WHERE d.source_kind = 'seed'")[0][0] > 0

    # Alerts: one per new development, every one sent, each arrived exactly once.
    alerts = query(db, "SELECT alert_id, status, subject, message_id FROM alerts ORDER BY alert_id")
    developments = query(db, "SELECT count(*) FROM developments")[0][0]
    assert 0 < len(alerts) <= developments
    assert {a[1] for a in alerts} == {"sent"}
    received = smtp_sink.parsed()
    assert sorted(m["Message-ID"] for m in received) == sorted(a[3] for a in alerts)
    assert any("rare-earth export controls" in a[2] for a in alerts)
    assert any("2025-11-10" in m.get_body(("plain",)).get_content() for m in received)

    # The unreachable feed is recorded, with no answer, and the cycle still completed.
    assert query(db, "SELECT feed_name, http_status, error IS NOT NULL, items_new FROM feed_fetches "
                     "ORDER BY feed_name") == [("down", None, True, 0), ("wire", 200, False, 2)]

    # Re-running the same DAG run adds no row and sends no mail.
    before = counts(db)
    mails = len(smtp_sink.messages)
    monitor_dag.test(logical_date=logical_date)
    assert counts(db) == before
    assert len(smtp_sink.messages) == mails


def test_cli_cycle_records_an_unreachable_feed_and_still_alerts(workdir):
    write_feeds(workdir, {"offline": f"http://127.0.0.1:{free_port()}/feed.xml"})
    env = dict(os.environ)
    tradewatch = [sys.executable, "-m", "pipeline.cli"]
    first = subprocess.run(tradewatch + ["run"], env=env, capture_output=True, text=True, timeout=300)
    assert first.returncode == 0, first.stderr
    db = workdir / "store.duckdb"
    assert query(db, "SELECT feed_name, http_status, error LIKE '%Connect%' FROM feed_fetches") == [
        ("offline", None, True)]
    alerts = query(db, "SELECT status FROM alerts")
    assert alerts and {a[0] for a in alerts} == {"sent"}
    emls = sorted(p.name for p in (workdir / "outbox").iterdir())
    assert emls == sorted(f"{a[0]}.eml" for a in query(db, "SELECT alert_id FROM alerts"))

    # A second CLI cycle on the same input: a new cycle and fetch row, nothing else.
    before = counts(db)
    second = subprocess.run(tradewatch + ["run"], env=env, capture_output=True, text=True, timeout=300)
    assert second.returncode == 0, second.stderr
    after = counts(db)
    assert {k: after[k] - before[k] for k in after} == {
        **{k: 0 for k in after}, "cycles": 1, "feed_fetches": 1}
    assert sorted(p.name for p in (workdir / "outbox").iterdir()) == emls

    status = subprocess.run(tradewatch + ["status"], env=env, capture_output=True, text=True, timeout=60)
    assert status.returncode == 0 and "failing feeds" in status.stdout and "offline" in status.stdout
    q = subprocess.run(tradewatch + ["query", "SELECT count(*) AS n FROM documents", "--format", "json"],
                       env=env, capture_output=True, text=True, timeout=60)
    assert q.stdout.strip() == '{"n": 1}'
    write = subprocess.run(tradewatch + ["query", "DELETE FROM document_versions"], env=env,
                           capture_output=True, text=True, timeout=60)
    assert write.returncode == 1 and "read-only" in write.stderr.lower()
