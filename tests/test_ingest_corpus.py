"""The whole feedparser test corpus (tests/fixtures/feedparser-tests, 2,248 feeds) through
the ingest step, in one cycle, with a real DuckDB store and a loopback HTTP server.

The server answers as feedparser's own test harness does: each file's
``Header:`` lines are sent as response headers (``Status:`` as the status, a
``Location:`` pointing at this server), ``compression/*.gz`` and ``*.z`` go out
with Content-Encoding gzip and deflate, ``/-/return-304.xml`` answers 304, and
a request whose If-None-Match / If-Modified-Since matches the file's ETag /
Last-Modified gets a 304.

Run as two `tradewatch run` cycles. Checked: no crash, no hang (every fetch bounded), one fetch row per feed,
every failure recorded with its reason, and every item feedparser recovers
when it parses the file directly is stored (items that are exact duplicates
of another item in the same feed are one document).
"""
from __future__ import annotations

import collections
import os
import re
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest

from tests.conftest import LoopbackHTTP, query

CORPUS = Path(__file__).resolve().parent / "fixtures" / "feedparser-tests"
HEADER_LINE = re.compile(rb"^Header:\s+([^:]+):(.+)$", re.MULTILINE)
ORIGINAL_ORIGIN = "http://localhost:8097"


def corpus_files() -> list[Path]:
    return sorted(p for p in CORPUS.rglob("*") if p.is_file() and p.name != "LICENSE")


def declared_headers(path: Path) -> dict[str, str]:
    """The response headers a corpus file declares (as feedparser's test server reads them)."""
    if path.parent.name == "compression":
        return {"Content-Encoding": "gzip" if path.suffix == ".gz" else "deflate",
                "Content-type": "application/xml"}
    return {k.decode("utf-8").strip(): v.decode("utf-8").strip()
            for k, v in HEADER_LINE.findall(path.read_bytes())}


class CorpusServer(LoopbackHTTP):
    """Serves CORPUS under /tests/ the way feedparser's test harness does."""

    def __init__(self):
        self.requests: list[tuple[str, dict]] = []
        self.lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self):  # noqa: N802
                with server.lock:
                    server.requests.append((self.path, dict(self.headers)))
                if self.path == "/-/return-304.xml":
                    self.send_response(304)
                    self.send_header("Content-type", "text/xml")
                    self.end_headers()
                    return
                rel = self.path.split("?")[0].removeprefix("/tests/")
                path = (CORPUS / rel).resolve()
                if not self.path.startswith("/tests/") or CORPUS not in path.parents or not path.is_file():
                    self.send_response(404)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                headers = {k: v.replace(ORIGINAL_ORIGIN, server.origin) for k, v in declared_headers(path).items()}
                blob = path.read_bytes()
                if (self.headers.get("if-modified-since") == headers.get("Last-Modified", "nom")
                        or self.headers.get("if-none-match") == headers.get("ETag", "nomatch")):
                    status = 304
                else:
                    status = int(headers.pop("Status", 200))
                headers.pop("Status", None)
                self.send_response(status)
                self.send_header("Content-type", headers.pop("Content-type", "application/xml"))
                for k, v in headers.items():
                    self.send_header(k, v)
                if status == 304:
                    self.end_headers()
                    return
                self.send_header("Content-Length", str(len(blob)))
                self.end_headers()
                self.wfile.write(blob)

            def log_message(self, *args):
                pass

        self._serve(Handler)
        self.origin = f"http://127.0.0.1:{self.port}"

    def url(self, path: Path) -> str:
        return f"{self.origin}/tests/{path.relative_to(CORPUS).as_posix()}"


def direct_items(path: Path) -> int:
    """Entries feedparser recovers parsing the file itself (decompressed, with its headers)."""
    import gzip
    import zlib

    import feedparser

    data = path.read_bytes()
    if path.suffix == ".gz":
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError, zlib.error):
            pass
    elif path.suffix == ".z":
        for wbits in (zlib.MAX_WBITS, -zlib.MAX_WBITS):
            try:
                data = zlib.decompress(data, wbits)
                break
            except zlib.error:
                continue
    headers = {k.lower(): v for k, v in declared_headers(path).items()}
    return len(feedparser.parse(data, response_headers=headers).entries)


def redirect_target(path: Path) -> Path:
    """The corpus file a redirecting file sends the client to (itself when it does not redirect)."""
    location = declared_headers(path).get("Location", "")
    if declared_headers(path).get("Status", "200").startswith("3") and location.startswith(
            ORIGINAL_ORIGIN + "/tests/"):
        return CORPUS / location.removeprefix(ORIGINAL_ORIGIN + "/tests/")
    return path


# Files whose answer is not a feed, by what the harness serves: the reason recorded.
EXPECTED_FAILURES = {
    "http/http_status_404.xml": ("http", 404),
    "http/http_status_302-no-location.xml": ("http", 302),
    "compression/gzip-struct-error.gz": ("decode", 200),
}


def cli(env: dict, *args: str) -> str:
    proc = subprocess.run([sys.executable, "-m", "pipeline.cli", *args], env=env, capture_output=True,
                          text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return proc.stdout




@pytest.mark.e2e
def test_every_corpus_feed_goes_through_tradewatch_run(tmp_path):
    files = corpus_files()
    assert len(files) == 2248
    names = {f"c{i:04d}": path for i, path in enumerate(files)}
    server = CorpusServer()
    try:
        lines = ["allow_networks: [127.0.0.0/8]", "feeds:"]
        for name, path in names.items():
            lines += [f"  - name: {name}", f"    url: {server.url(path)}"]
        (tmp_path / "feeds.yaml").write_text("\n".join(lines) + "\n")
        (tmp_path / "seeds").mkdir()
        (tmp_path / "alerts.yaml").write_text(
            "sender: tradewatch@localhost\nrecipients:\n  - email: desk@example.com\n    event_types: all\n")
        db = tmp_path / "store.duckdb"
        env = {k: v for k, v in os.environ.items() if k != "AIRFLOW_CONN_SMTP_DEFAULT"}
        env.update(TRADEWATCH_DB=str(db), TRADEWATCH_FEEDS=str(tmp_path / "feeds.yaml"),
                   TRADEWATCH_SEEDS=str(tmp_path / "seeds"), TRADEWATCH_ALERTS=str(tmp_path / "alerts.yaml"),
                   TRADEWATCH_OUTBOX=str(tmp_path / "outbox"))
        started = time.monotonic()
        cli(env, "run", "--cycle-id", "corpus-1")
        first_s = time.monotonic() - started
        requests_first = len(server.requests)
        documents_first = query(db, "SELECT count(*) FROM documents")[0][0]

        # A second cycle: the one file that sends an ETag is asked for conditionally and answers
        # 304; every other feed is fetched again and adds nothing.
        started = time.monotonic()
        cli(env, "run", "--cycle-id", "corpus-2")
        second_s = time.monotonic() - started
    finally:
        server.stop()
    rows = query(db, "SELECT feed_name, feed_url, outcome, http_status, error, error_kind, items_seen, "
                     "items_new, bozo_reason FROM feed_fetches WHERE cycle_id = 'corpus-1'")
    stored = dict(query(db, "SELECT feed_url, count(*) FROM documents GROUP BY feed_url"))
    assert len(rows) == len(files)  # one fetch row per feed, each with an outcome

    by_name = {r[0]: r for r in rows}
    outcomes = collections.Counter(r[2] for r in rows)
    failures = {}
    for name, path in names.items():
        _name, url, outcome, status, error, kind, seen, new, bozo = by_name[name]
        rel = path.relative_to(CORPUS).as_posix()
        if outcome == "error":
            assert error and kind, f"{rel}: a failure without its reason"
            failures[rel] = (kind, status)
        else:
            assert error is None
    assert failures == EXPECTED_FAILURES
    # The harness's 304 (after a redirect) is an answer, not a failure, and parses nothing.
    r304 = by_name[next(n for n, p in names.items() if p.name == "http_redirect_to_304.xml")]
    assert (r304[2], r304[3], r304[6]) == ("not_modified", 304, 0)

    second = query(db, "SELECT outcome, count(*), sum(items_new) FROM feed_fetches "
                       "WHERE cycle_id = 'corpus-2' GROUP BY outcome ORDER BY outcome")
    assert query(db, "SELECT count(*) FROM documents")[0][0] == documents_first
    etag_feed = server.url(CORPUS / "http" / "http_status_304.xml")
    conditional = [h for p, h in server.requests[requests_first:] if etag_feed.endswith(p)]
    assert len(conditional) == 1 and conditional[0].get("If-None-Match") == '"abc123"'
    assert query(db, f"SELECT outcome, http_status, items_seen FROM feed_fetches "
                     f"WHERE cycle_id = 'corpus-2' AND feed_url = '{etag_feed}'") == [("not_modified", 304, 0)]

    # Every item feedparser recovers from the file is stored (duplicates within a feed are one document).
    lost = {}
    recovered_total = stored_total = 0
    for name, path in names.items():
        url = by_name[name][1]
        rel = path.relative_to(CORPUS).as_posix()
        recovered = 0 if rel in EXPECTED_FAILURES else direct_items(redirect_target(path))
        recovered_total += recovered
        n_stored = stored.get(url, 0)
        stored_total += n_stored
        if n_stored != recovered:
            lost[rel] = (recovered, n_stored, by_name[name][6])
    # Where the counts differ, it is only because identical items are one document:
    # the fetch row saw as many items as feedparser recovers.
    assert all(seen == recovered and n_stored < recovered for recovered, n_stored, seen in lost.values()), lost
    print(f"\ncorpus: {len(files)} feeds; tradewatch run {first_s:.1f} s, second run {second_s:.1f} s "
          f"(second-cycle outcomes {second}); outcomes {dict(outcomes)}; "
          f"failed {dict(collections.Counter(k for k, _ in failures.values()))}; "
          f"bozo feeds (reason recorded) {sum(r[8] is not None for r in rows)}; "
          f"items recovered by feedparser {recovered_total}, stored {stored_total}; "
          f"feeds with duplicate items merged: {len(lost)}; requests served {len(server.requests)}")
