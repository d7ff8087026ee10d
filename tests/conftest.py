"""Shared fixtures: real loopback servers (HTTP feeds, SMTP), a store, an Airflow home.

Airflow's configuration is read when airflow is first imported, so its
environment is set here, at collection, before any test imports it.
"""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"

_AIRFLOW_HOME = Path(tempfile.mkdtemp(prefix="tradewatch-airflow-"))
os.environ.update({
    "AIRFLOW_HOME": str(_AIRFLOW_HOME),
    "AIRFLOW__CORE__DAGS_FOLDER": str(ROOT / "dags"),
    "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
    "AIRFLOW__CORE__UNIT_TEST_MODE": "False",
    "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN": f"sqlite:///{_AIRFLOW_HOME}/airflow.db",
    "AIRFLOW__LOGGING__LOGGING_LEVEL": "WARNING",
    "GX_ANALYTICS_ENABLED": "False",
})
for _name in ("TRADEWATCH_DB", "TRADEWATCH_FEEDS", "TRADEWATCH_SEEDS", "TRADEWATCH_ALERTS",
              "TRADEWATCH_OUTBOX", "AIRFLOW_CONN_SMTP_DEFAULT"):
    os.environ.pop(_name, None)


def free_port() -> int:
    # aiosmtpd's Controller(port=0) cannot report its port: bind one first.
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


# -- SMTP --------------------------------------------------------------------


class SmtpSink:
    """A loopback SMTP server (aiosmtpd) that keeps every message it accepts."""

    def __init__(self):
        from aiosmtpd.controller import Controller

        self.messages: list[bytes] = []
        self.envelopes = []
        sink = self

        class Handler:
            async def handle_DATA(self, server, session, envelope):
                sink.messages.append(envelope.content)
                sink.envelopes.append(envelope)
                return "250 OK"

        self.port = free_port()
        self.controller = Controller(Handler(), hostname="127.0.0.1", port=self.port)
        self.controller.start()

    @property
    def uri(self) -> str:
        return f"smtp://127.0.0.1:{self.port}"

    def parsed(self):
        import email
        from email import policy

        return [email.message_from_bytes(m, policy=policy.default) for m in self.messages]

    def stop(self):
        self.controller.stop()


@pytest.fixture
def smtp_sink():
    sink = SmtpSink()
    yield sink
    sink.stop()


# -- HTTP ----------------------------------------------------------------------


class LoopbackHTTP:
    """A ThreadingHTTPServer on 127.0.0.1 (a free port), serving from a daemon thread."""

    def _serve(self, handler) -> None:
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def stop(self):
        self.httpd.shutdown()
        self.httpd.server_close()


class FeedServer(LoopbackHTTP):
    """A loopback HTTP server answering from a dict: path -> (status, headers, body).

    Like a real server it answers 304 (no body) to a request whose If-None-Match /
    If-Modified-Since matches the route's ETag / Last-Modified. Each request is
    recorded as (path, request headers, status sent).
    """

    def __init__(self):
        self.routes: dict[str, tuple[int, dict, bytes]] = {}
        self.requests: list[tuple[str, dict, int]] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802
                status, headers, body = server.routes.get(self.path, (404, {}, b"not found"))
                if status == 200 and (
                        ("ETag" in headers and self.headers.get("If-None-Match") == headers["ETag"])
                        or ("Last-Modified" in headers
                            and self.headers.get("If-Modified-Since") == headers["Last-Modified"])):
                    status, body = 304, b""
                server.requests.append((self.path, dict(self.headers), status))
                self.send_response(status)
                for k, v in headers.items():
                    self.send_header(k, v)
                if status != 304:
                    self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self._serve(Handler)

    def hits(self, path: str) -> list[tuple[dict, int]]:
        """(request headers, status sent) of every request for ``path``."""
        return [(h, s) for p, h, s in self.requests if p == path]

    def serve(self, path: str, body: bytes | str, status: int = 200,
              content_type: str = "application/rss+xml; charset=utf-8", **headers) -> str:
        if isinstance(body, str):
            body = body.encode("utf-8")
        self.routes[path] = (status, {"Content-Type": content_type, **headers}, body)
        return self.url(path)


@pytest.fixture
def feed_server():
    server = FeedServer()
    yield server
    server.stop()


# -- the monitor's own files -------------------------------------------------------


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    """TRADEWATCH_* variables pointing into a fresh folder, seeds copied in."""
    seeds = tmp_path / "seeds"
    shutil.copytree(ROOT / "seeds", seeds)
    (tmp_path / "feeds.yaml").write_text("allow_networks: [127.0.0.0/8]\nfeeds: []\n")
    (tmp_path / "alerts.yaml").write_text(
        "sender: tradewatch@localhost\nrecipients:\n"
        "  - email: desk@example.com\n    event_types: all\n    min_priority: normal\n")
    env = {
        "TRADEWATCH_DB": str(tmp_path / "store.duckdb"),
        "TRADEWATCH_FEEDS": str(tmp_path / "feeds.yaml"),
        "TRADEWATCH_SEEDS": str(seeds),
        "TRADEWATCH_ALERTS": str(tmp_path / "alerts.yaml"),
        "TRADEWATCH_OUTBOX": str(tmp_path / "outbox"),
    }
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    monkeypatch.delenv("AIRFLOW_CONN_SMTP_DEFAULT", raising=False)
    return tmp_path


def write_feeds(workdir: Path, feeds: dict[str, str]) -> None:
    lines = ["allow_networks: [127.0.0.0/8]", "feeds:"]
    for name, url in feeds.items():
        lines += [f"  - name: {name}", f"    url: {url}"]
    (workdir / "feeds.yaml").write_text("\n".join(lines) + "\n")


def rss(items: list[dict], title: str = "wire") -> str:
    """A small RSS 2.0 document; item keys: title, link, guid, pubDate, description."""
    from xml.sax.saxutils import escape

    out = ['<?xml version="1.0" encoding="utf-8"?>', '<rss version="2.0"><channel>',
           f"<title>{escape(title)}</title><link>http://127.0.0.1/</link><description>test</description>"]
    for item in items:
        out.append("<item>" + "".join(
            f"<{k}>{escape(v)}</{k}>" for k, v in item.items()) + "</item>")
    out.append("</channel></rss>")
    return "\n".join(out)


def query(db: Path, sql: str) -> list[tuple]:
    """Rows of a read-only query against a store file (as a journalist would run it)."""
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


@pytest.fixture(scope="session")
def airflow_db():
    """A migrated SQLite Airflow metadata DB with the store pool, once per session."""
    airflow = Path(sys.executable).parent / "airflow"
    env = dict(os.environ)
    subprocess.run([str(airflow), "db", "migrate"], check=True, env=env,
                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    subprocess.run([str(airflow), "pools", "set", "tradewatch_store", "1", "DuckDB event store writers"],
                   check=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    return _AIRFLOW_HOME
