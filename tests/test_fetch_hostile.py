"""Failing and hostile servers, all in one ingest cycle with a good feed beside them.

A server that never answers, one that trickles its headers or its body a byte
a second, 500, 404, a redirect loop, a 50 MB body, a gzip bomb and invalid
gzip: each is cut off within its limits, recorded with its reason, and the
good feed's items are stored as if nothing happened.
"""
from __future__ import annotations

import gzip
import ipaddress
import threading
import tracemalloc
from http.server import BaseHTTPRequestHandler

import pytest

from tests.conftest import LoopbackHTTP, rss

GOOD = rss([
    {"title": "US and China extend tariff truce", "link": "https://wire.example/truce", "guid": "truce-1",
     "description": "Washington and Beijing agreed on Monday to extend their tariff truce by 90 days."},
    {"title": "Talks in Geneva", "link": "https://wire.example/geneva", "guid": "geneva-1",
     "description": "Trade negotiators met in Geneva on Sunday."},
]).encode()
MB = 1024 * 1024
BOMB = gzip.compress(b"\0" * (50 * MB), compresslevel=9)


class HostileServer(LoopbackHTTP):
    def __init__(self):
        self.stop_event = threading.Event()
        self.hits: dict[str, int] = {}
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def _send(self, status, body=b"", **headers):
                self.send_response(status)
                for k, v in headers.items():
                    self.send_header(k.replace("_", "-"), v)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def _trickle(self, data: bytes):
                for i in range(min(len(data), 120)):  # bounded: at most two minutes
                    if server.stop_event.wait(1.0):
                        return
                    try:
                        self.wfile.write(data[i:i + 1])
                        self.wfile.flush()
                    except OSError:
                        return

            def do_GET(self):  # noqa: N802
                path = self.path
                server.hits[path] = server.hits.get(path, 0) + 1
                if path == "/good.xml":
                    self._send(200, GOOD, Content_Type="application/rss+xml")
                elif path == "/silent.xml":
                    server.stop_event.wait(120)  # accepts, reads the request, never answers
                elif path == "/trickle-headers.xml":
                    self._trickle(b"HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\n" + b"X-Pad: " * 100)
                elif path == "/trickle-body.xml":
                    self.send_response(200)
                    self.send_header("Content-Type", "application/rss+xml")
                    self.send_header("Content-Length", str(len(GOOD)))
                    self.end_headers()
                    self.wfile.flush()
                    self._trickle(GOOD)
                elif path == "/500.xml":
                    self._send(500, b"oops")
                elif path == "/404.xml":
                    self._send(404, b"not here")
                elif path == "/loop.xml":
                    self._send(302, Location="/loop.xml")
                elif path == "/huge.xml":  # 50 MB, no Content-Length: only the streaming cap stops it
                    self.send_response(200)
                    self.send_header("Content-Type", "application/rss+xml")
                    self.send_header("Connection", "close")
                    self.end_headers()
                    chunk = b"<rss>" + b"x" * (MB - 5)
                    for _ in range(50):
                        try:
                            self.wfile.write(chunk)
                        except OSError:
                            break
                    self.close_connection = True
                elif path == "/bomb.xml":
                    self._send(200, BOMB, Content_Type="application/rss+xml", Content_Encoding="gzip")
                elif path == "/bad-gzip.xml":
                    self._send(200, b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03" + b"this is not deflate" * 20,
                               Content_Type="application/rss+xml", Content_Encoding="gzip")
                else:
                    self._send(404)

        self._serve(Handler)

    def stop(self):
        self.stop_event.set()
        super().stop()


@pytest.fixture
def hostile():
    server = HostileServer()
    yield server
    server.stop()


def settings_for(tmp_path, feeds: dict[str, str]):
    from pipeline.runtime import Settings

    lines = ["allow_networks: [127.0.0.0/8]", "feeds:"]
    for name, url in feeds.items():
        lines += [f"  - name: {name}", f"    url: {url}"]
    (tmp_path / "feeds.yaml").write_text("\n".join(lines) + "\n")
    (tmp_path / "seeds").mkdir(exist_ok=True)
    return Settings(db=tmp_path / "store.duckdb", feeds=tmp_path / "feeds.yaml", seeds=tmp_path / "seeds",
                    alerts=tmp_path / "alerts.yaml", outbox=tmp_path / "outbox")


def test_hostile_servers_are_bounded_recorded_and_leave_the_good_feed_alone(tmp_path, hostile, monkeypatch):
    from pipeline.ingest import fetch
    from pipeline.ingest.step import ingest
    from pipeline.runtime import CycleReport
    from pipeline.store.duckdb_store import EventStore

    limits = fetch.Limits(connect=2.0, read=2.0, total=4.0, dns=2.0)  # short, so the test is quick
    monkeypatch.setattr(fetch, "DEFAULT_LIMITS", limits)
    names = ["good", "silent", "trickle-headers", "trickle-body", "500", "404", "loop", "huge", "bomb", "bad-gzip"]
    settings = settings_for(tmp_path, {n: hostile.url(f"/{n}.xml") for n in names})
    report = CycleReport("hostile-1")
    tracemalloc.start()
    try:
        with EventStore(settings.db) as store:
            ingest(store, settings, "hostile-1", report)
            _, peak = tracemalloc.get_traced_memory()
            rows = {r[0]: r[1:] for r in store.con.execute(
                "SELECT feed_name, outcome, http_status, error_kind, error, items_new, bytes_received "
                "FROM feed_fetches").fetchall()}
            docs = store.con.execute("SELECT source_uri FROM documents ORDER BY source_uri").fetchall()
    finally:
        tracemalloc.stop()

    assert rows["good"][:4] == ("ok", 200, None, None) and rows["good"][4] == 2
    assert docs == [("https://wire.example/geneva",), ("https://wire.example/truce",)]
    expected = {
        "silent": ("error", None, "timeout"),            # read timeout: no answer at all
        "trickle-headers": ("error", None, "deadline"),  # a byte a second defeats the read timeout,
        "trickle-body": ("error", 200, "deadline"),      # ... not the total deadline
        "500": ("error", 500, "http"),
        "404": ("error", 404, "http"),
        "loop": ("error", 302, "redirects"),
        "huge": ("error", 200, "too_large"),
        "bomb": ("error", 200, "too_large"),
        "bad-gzip": ("error", 200, "decode"),
    }
    assert {n: rows[n][:3] for n in expected} == expected
    for name in expected:
        assert rows[name][3], f"{name}: failure recorded without its reason"
        assert rows[name][4] == 0
    assert rows["huge"][5] <= limits.max_bytes + MB  # stopped at the cap, not 50 MB
    assert hostile.hits["/loop.xml"] == limits.max_redirects + 1
    assert peak < 80 * MB, f"peak Python memory {peak / MB:.0f} MB"
    assert report.feeds_ok == 1 and report.feeds_failed == len(expected)


def test_a_trickling_server_is_cut_off_by_the_total_deadline_even_with_a_long_read_timeout(hostile):
    from pipeline.ingest import fetch

    limits = fetch.Limits(connect=2.0, read=30.0, total=3.0)
    result = fetch.fetch(hostile.url("/trickle-body.xml"), [ipaddress.ip_network("127.0.0.0/8")], limits)
    # The server would trickle for two minutes; the read timeout never fires; the deadline does.
    assert (result.error_kind, result.http_status, result.body) == ("deadline", 200, None)
