"""The daily digest, through the trade_talks_digest DAG (dag.test), a real store and SMTP;
and the alert preview a person opens in a browser."""
from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from pipeline.alerts.deliver import smtp_from_environment
from pipeline.cycle import Settings, run_cycle
from tests.conftest import rss, write_feeds

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def digest_workdir(workdir, feed_server, smtp_sink, monkeypatch):
    (workdir / "alerts.yaml").write_text(
        "sender: tradewatch@localhost\nrecipients:\n"
        "  - email: desk@example.com\n    event_types: all\n    min_priority: normal\n"
        "  - email: chief@example.com\n    event_types: all\n    min_priority: normal\n    delivery: digest\n")
    today = dt.datetime.now(dt.timezone.utc)
    deadline = (today + dt.timedelta(days=10)).date()
    text = (f"<p>WASHINGTON (Wire) - The White House said on {today:%A} that the pause on higher tariffs "
            f"on Chinese goods expires on {deadline:%B} {deadline.day}, {deadline.year}.</p>")
    url = feed_server.serve("/wire.xml", rss([{
        "title": "Tariff pause nears its end", "link": "https://wire.example/pause-ends",
        "guid": "https://wire.example/pause-ends", "pubDate": today.strftime("%a, %d %b %Y %H:%M:%S GMT"),
        "description": text}]))
    write_feeds(workdir, {"wire": url})
    monkeypatch.setenv("AIRFLOW_CONN_SMTP_DEFAULT", smtp_sink.uri)
    report = run_cycle(Settings.from_environment(), smtp=smtp_from_environment())
    assert report.alerts_created > 0
    return workdir, deadline


def test_digest_dag_sends_one_email_per_digest_recipient(digest_workdir, smtp_sink, airflow_db):
    from airflow.dag_processing.dagbag import DagBag

    workdir, deadline = digest_workdir
    immediate = len(smtp_sink.messages)
    assert all(m["To"] == "desk@example.com" for m in smtp_sink.parsed())  # digest readers get no alerts

    dag = DagBag(dag_folder=str(ROOT / "dags")).dags["trade_talks_digest"]
    at = dt.datetime.now(dt.timezone.utc).replace(microsecond=0) + dt.timedelta(hours=1)
    dag.test(logical_date=at)
    digests = [m for m in smtp_sink.parsed()[immediate:]]
    assert [m["To"] for m in digests] == ["chief@example.com"]
    body = digests[0].get_body(("plain",)).get_content()
    assert digests[0]["Subject"].startswith(f"[TradeWatch digest] {at.date().isoformat()}: ")
    assert "New developments in the last day" in body and "- none" not in body.split("Tariff deadlines")[0]
    assert f"{deadline.isoformat()} (in " in body

    con = duckdb.connect(str(workdir / "store.duckdb"), read_only=True)
    assert con.execute("SELECT recipient, status FROM digests").fetchall() == [("chief@example.com", "sent")]
    con.close()
    dag.test(logical_date=at)  # re-running the day's digest sends nothing more
    assert len(smtp_sink.messages) == immediate + 1


def test_alerts_preview_writes_files_a_browser_opens(digest_workdir, tmp_path):
    out = tmp_path / "preview"
    done = subprocess.run([sys.executable, "-m", "pipeline.cli", "alerts", "preview", "--out", str(out)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    index = (out / "index.html").read_text()
    pages = sorted(p.name for p in out.glob("*.html") if p.name != "index.html")
    assert pages and all(f'href="{name}"' in index for name in pages)
    assert len(list(out.glob("*.eml"))) == len(pages)
    assert "<script" not in index.lower()
