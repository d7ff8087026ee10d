"""Delivery you can trust: a loopback SMTP server that misbehaves on purpose.

Real store, real extraction and validation (the seed's events), real SMTP over
loopback. Time is passed in, so the backoff between attempts is exercised
without waiting.
"""
from __future__ import annotations

import datetime as dt
from collections import Counter

import duckdb
import pytest

from pipeline.alerts.deliver import SmtpSettings
from pipeline.cycle import CycleReport, Settings, begin, deliver, ingest, process
from pipeline.store.duckdb_store import EventStore
from tests.conftest import free_port

T0 = dt.datetime(2030, 1, 1, 9, 0, tzinfo=dt.timezone.utc)


class MoodySmtp:
    """aiosmtpd on a fixed loopback port that can be stopped (refusing connections),
    answer 421 or 550 to DATA, drop the connection mid-DATA, or accept."""

    def __init__(self):
        self.port = free_port()
        self.mode = "ok"
        self.accepted: list[bytes] = []
        self.data_commands = 0
        self.controller = None

    def start(self):
        from aiosmtpd.controller import Controller

        moody = self

        class Handler:
            async def handle_DATA(self, server, session, envelope):
                moody.data_commands += 1
                if moody.mode == "drop":
                    server.transport.close()  # gone before any answer to the message
                    return "421 closing"
                if moody.mode in ("421", "550"):
                    return f"{moody.mode} mood: {moody.mode}"
                moody.accepted.append(envelope.content)
                return "250 OK"

        self.controller = Controller(Handler(), hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def stop(self):
        if self.controller is not None:
            self.controller.stop()
            self.controller = None

    @property
    def settings(self) -> SmtpSettings:
        return SmtpSettings(host="127.0.0.1", port=self.port, timeout=5)


@pytest.fixture
def smtp():
    server = MoodySmtp()
    yield server
    server.stop()


@pytest.fixture
def store_with_alerts(workdir):
    settings = Settings.from_environment()
    store = EventStore(settings.db)
    report = CycleReport("c1")
    version = begin(store, "c1", "cli")
    ingest(store, settings, "c1", report)
    process(store, settings, "c1", version, report)
    assert report.alerts_created > 0
    yield store, settings
    store.close()


def statuses(store) -> Counter:
    return Counter(s for (s,) in store.con.execute("SELECT status FROM alerts").fetchall())


def message_ids(raw: list[bytes]) -> list[str]:
    import email

    return [email.message_from_bytes(m)["Message-ID"] for m in raw]


def test_every_alert_is_delivered_exactly_once_after_the_server_recovers(store_with_alerts, smtp):
    store, settings = store_with_alerts
    n = store.count("alerts")

    # 1. Nothing listens: connection refused. Everything stays pending, with the reason.
    deliver(store, settings, smtp.settings, CycleReport("d1"), now=T0)
    assert statuses(store) == {"pending": n}
    details = {d for (d,) in store.con.execute("SELECT last_detail FROM alerts").fetchall()}
    assert all("Refused" in d for d in details)

    # Backoff: a cycle one minute later does not try again yet.
    smtp.start()
    deliver(store, settings, smtp.settings, CycleReport("d1b"), now=T0 + dt.timedelta(seconds=30))
    assert smtp.data_commands == 0

    # 2. The server answers 421 (try later), 3. drops the connection mid-DATA.
    smtp.mode = "421"
    deliver(store, settings, smtp.settings, CycleReport("d2"), now=T0 + dt.timedelta(minutes=2))
    assert statuses(store) == {"pending": n} and smtp.data_commands == n
    assert {d for (d,) in store.con.execute("SELECT last_detail FROM alerts").fetchall()} == {"SMTP 421 mood: 421"}
    smtp.mode = "drop"
    deliver(store, settings, smtp.settings, CycleReport("d3"), now=T0 + dt.timedelta(minutes=10))
    assert statuses(store) == {"pending": n} and smtp.accepted == []

    # 4. It recovers: each alert goes out once; later cycles send nothing more.
    smtp.mode = "ok"
    deliver(store, settings, smtp.settings, CycleReport("d4"), now=T0 + dt.timedelta(minutes=30))
    deliver(store, settings, smtp.settings, CycleReport("d5"), now=T0 + dt.timedelta(hours=5))
    assert statuses(store) == {"sent": n}
    expected = sorted(m for (m,) in store.con.execute("SELECT message_id FROM alerts").fetchall())
    assert sorted(message_ids(smtp.accepted)) == expected
    attempts = store.con.execute("SELECT DISTINCT attempts FROM alerts").fetchall()
    assert attempts == [(4,)]  # refused, 421, dropped, sent: every attempt recorded


def test_a_permanent_refusal_ends_failed_with_its_reason(store_with_alerts, smtp):
    store, settings = store_with_alerts
    n = store.count("alerts")
    smtp.mode = "550"
    smtp.start()
    deliver(store, settings, smtp.settings, CycleReport("d1"), now=T0)
    assert statuses(store) == {"pending": n}  # 5xx is tried once more, in case of a relay hiccup
    deliver(store, settings, smtp.settings, CycleReport("d2"), now=T0 + dt.timedelta(minutes=5))
    assert statuses(store) == {"failed": n}
    assert store.con.execute("SELECT DISTINCT last_detail FROM alerts").fetchall() == [("SMTP 550 mood: 550",)]
    smtp.mode = "ok"
    deliver(store, settings, smtp.settings, CycleReport("d3"), now=T0 + dt.timedelta(days=1))
    assert smtp.accepted == []  # failed is final: never sent later, never twice


def test_transient_failures_are_bounded(store_with_alerts):
    store, settings = store_with_alerts
    dead = SmtpSettings(host="127.0.0.1", port=free_port(), timeout=2)
    when = T0
    for _ in range(10):
        deliver(store, settings, dead, CycleReport("dx"), now=when)
        when += dt.timedelta(hours=1)
    n = store.count("alerts")
    assert statuses(store) == {"failed": n}
    assert store.con.execute("SELECT DISTINCT attempts FROM alerts").fetchall() == [(5,)]


def test_the_outbox_is_written_in_the_same_transaction_as_the_events(workdir, monkeypatch):
    """If appending the alerts fails, the events that caused them are not stored either,
    so the next cycle redoes both together: nothing is lost, nothing is half-done."""
    settings = Settings.from_environment()
    store = EventStore(settings.db)
    version = begin(store, "c1", "cli")
    ingest(store, settings, "c1", CycleReport("c1"))
    original = store.append

    def failing_append(table, rows):
        if table == "alert_outbox":
            raise duckdb.IOException("disk full (simulated)")
        return original(table, rows)

    monkeypatch.setattr(store, "append", failing_append)
    with pytest.raises(duckdb.IOException):
        process(store, settings, "c1", version, CycleReport("c1"))
    assert store.count("event_log") == 0 and store.count("alert_outbox") == 0
    monkeypatch.setattr(store, "append", original)
    report = CycleReport("c2")
    process(store, settings, "c2", version, report)
    assert report.events_accepted > 0 and store.count("alert_outbox") == report.alerts_created > 0
    store.close()
