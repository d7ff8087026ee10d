"""Benchmark of the ingest step: N feeds on a loopback server, some slow, through one cycle.

    .venv/bin/python bench/bench_ingest.py [--feeds 200] [--items 20] [--slow 10] [--delay 2.0]

Serves ``--feeds`` RSS feeds of ``--items`` items each (``--slow`` of them
answer only after ``--delay`` seconds), runs the ingest step twice against a
fresh store (the second cycle gets 304s), and prints the wall time of each
cycle, the outcome counts and the documents stored. Loopback only.
"""
from __future__ import annotations

import argparse
import collections
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def feed_xml(n: int, items: int) -> bytes:
    parts = ['<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>',
             f"<title>feed {n}</title><link>http://127.0.0.1/</link><description>bench</description>"]
    for i in range(items):
        parts.append(f"<item><title>Feed {n} item {i}: tariff talks</title>"
                     f"<link>https://wire.example/{n}/{i}</link><guid>bench-{n}-{i}</guid>"
                     f"<pubDate>Thu, 09 Oct 2025 08:{i % 60:02d}:00 GMT</pubDate>"
                     f"<description>&lt;p&gt;Officials from Washington and Beijing met on Thursday for talks "
                     f"on tariffs and export controls (feed {n}, item {i}).&lt;/p&gt;</description></item>")
    parts.append("</channel></rss>")
    return "".join(parts).encode()


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--feeds", type=int, default=200)
    ap.add_argument("--items", type=int, default=20)
    ap.add_argument("--slow", type=int, default=10, help="feeds that answer only after --delay seconds")
    ap.add_argument("--delay", type=float, default=2.0)
    a = ap.parse_args(argv)

    from pipeline.ingest.step import ingest
    from pipeline.runtime import CycleReport, Settings
    from pipeline.store.duckdb_store import EventStore

    bodies = {f"/f{n}.xml": feed_xml(n, a.items) for n in range(a.feeds)}
    slow = {f"/f{n}.xml" for n in range(a.slow)}
    stop = threading.Event()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            body = bodies.get(self.path)
            if body is None:
                self.send_response(404)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            if self.path in slow:
                stop.wait(a.delay)
            etag = f'"{hash(body) & 0xFFFFFFFF:x}"'
            if self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.send_header("ETag", etag)
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("ETag", etag)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    port = httpd.server_address[1]
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        lines = ["allow_networks: [127.0.0.0/8]", "feeds:"]
        for path in bodies:
            lines += [f"  - name: {path[1:-4]}", f"    url: http://127.0.0.1:{port}{path}"]
        (tmp / "feeds.yaml").write_text("\n".join(lines) + "\n")
        (tmp / "seeds").mkdir()
        settings = Settings(db=tmp / "store.duckdb", feeds=tmp / "feeds.yaml", seeds=tmp / "seeds",
                            alerts=tmp / "alerts.yaml", outbox=tmp / "outbox")
        with EventStore(settings.db) as store:
            for n in (1, 2):
                report = CycleReport(f"bench-{n}")
                started = time.perf_counter()
                ingest(store, settings, report.cycle_id, report)
                seconds = time.perf_counter() - started
                outcomes = collections.Counter(r[0] for r in store.con.execute(
                    "SELECT outcome FROM feed_fetches WHERE cycle_id = ?", [report.cycle_id]).fetchall())
                print(f"cycle {n}: {a.feeds} feeds ({a.slow} answering after {a.delay:g} s) in {seconds:.2f} s; "
                      f"outcomes {dict(outcomes)}; {report.documents_new} new documents")
            print(f"documents stored: {store.count('documents')}")
    stop.set()
    httpd.shutdown()
    httpd.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
