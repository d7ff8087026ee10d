"""`tradewatch`: run a cycle, and look inside the store without writing Python.

    tradewatch run                 one monitoring cycle (seeds and feeds in, alerts out)
    tradewatch status              what the store holds, the last cycles, failing feeds
    tradewatch query "SQL"         read-only SQL against the store
    tradewatch feeds               feed health: which feeds fail, since when, why
    tradewatch reextract           re-run the current extractor over every stored document
    tradewatch alerts preview      render the latest alerts to files to open in a browser
    tradewatch digest              compose and send the daily digest
"""
from __future__ import annotations

import argparse
import json
import logging
import sys

from pipeline import paths


def _table(cursor, limit: int | None = None) -> str:
    names = [c[0] for c in cursor.description]
    rows = cursor.fetchall()
    shown = rows if limit is None else rows[:limit]
    cells = [[_cell(v) for v in row] for row in shown]
    widths = [min(60, max([len(n)] + [len(c[i]) for c in cells])) for i, n in enumerate(names)]
    fmt = lambda vals: "  ".join(v[:w].ljust(w) for v, w in zip(vals, widths))  # noqa: E731
    lines = [fmt(names), fmt(["-" * w for w in widths])] + [fmt(c) for c in cells]
    if limit is not None and len(rows) > limit:
        lines.append(f"... {len(rows) - limit} more rows")
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines)


def _cell(value) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, (list, dict)):
        return json.dumps(value, default=str)
    return str(value).replace("\n", " ")


def cmd_run(args) -> int:
    from pipeline.alerts.deliver import smtp_from_environment
    from pipeline.cycle import Settings, run_cycle, summary_json

    try:
        smtp = smtp_from_environment()
    except ValueError as exc:
        print(f"tradewatch: AIRFLOW_CONN_SMTP_DEFAULT is invalid: {exc}", file=sys.stderr)
        return 2
    report = run_cycle(Settings.from_environment(), cycle_id=args.cycle_id, trigger="cli", smtp=smtp)
    if args.json:
        print(summary_json(report))
    else:
        print(f"cycle {report.cycle_id}: {report.documents_new} new documents, "
              f"{report.feeds_ok} feeds ok, {report.feeds_failed} failed; "
              f"{report.events_accepted} events accepted, {report.events_quarantined} quarantined; "
              f"{report.developments_new} new developments; {report.alerts_created} alerts created, "
              f"{report.alerts_sent} sent, {report.alerts_pending} pending, {report.alerts_failed} failed")
        for problem in report.problems:
            print(f"  ! {problem}")
    return 0


def cmd_reextract(args) -> int:
    from pipeline.cycle import Settings, reextract
    from pipeline.extract import EXTRACTOR_VERSION

    report = reextract(Settings.from_environment())
    print(f"extractor {EXTRACTOR_VERSION}: {report.reextracted_documents} stored documents re-read, "
          f"{report.events_accepted} events accepted, {report.events_quarantined} quarantined, "
          f"{report.developments_new} developments; no alerts sent for re-read documents")
    for problem in report.problems:
        print(f"  ! {problem}")
    return 0


def _open_read_only():
    import duckdb

    db = paths.setting("TRADEWATCH_DB")
    if not db.exists():
        print(f"tradewatch: no event store at {db} (run `tradewatch run` first, or set TRADEWATCH_DB)",
              file=sys.stderr)
        return None
    try:
        return duckdb.connect(str(db), read_only=True)
    except duckdb.IOException as exc:
        # DuckDB allows one writer and no reader beside it, across processes.
        print(f"tradewatch: cannot open {db} now: a running cycle holds it ({exc}); try again shortly",
              file=sys.stderr)
        return None


def cmd_query(args) -> int:
    import duckdb

    con = _open_read_only()
    if con is None:
        return 2
    try:
        cur = con.execute(args.sql)
        if cur.description is None:
            print("(no result)")
        elif args.format == "json":
            names = [c[0] for c in cur.description]
            for row in cur.fetchall():
                print(json.dumps(dict(zip(names, row)), default=str))
        elif args.format == "csv":
            import csv

            w = csv.writer(sys.stdout)
            w.writerow([c[0] for c in cur.description])
            w.writerows(cur.fetchall())
        else:
            print(_table(cur))
    except duckdb.Error as exc:
        print(f"tradewatch query: {exc}", file=sys.stderr)
        return 1
    finally:
        con.close()
    return 0


STATUS_SQL = {
    "store": """
        SELECT 'documents' AS relation, count(*) AS rows FROM documents
        UNION ALL SELECT 'events (current extractor)', count(*) FROM events
        UNION ALL SELECT 'event_log (all versions)', count(*) FROM event_log
        UNION ALL SELECT 'quarantine', count(*) FROM quarantine
        UNION ALL SELECT 'developments', count(*) FROM developments
        UNION ALL SELECT 'alerts', count(*) FROM alerts
        UNION ALL SELECT 'alerts pending', count(*) FROM alerts WHERE status = 'pending'
        UNION ALL SELECT 'alerts failed', count(*) FROM alerts WHERE status = 'failed'
        UNION ALL SELECT 'feed_fetches', count(*) FROM feed_fetches""",
    "last cycles": """
        SELECT c.cycle_id, c.started_at, c.trigger, c.extractor_version,
               (SELECT count(*) FROM documents d WHERE d.cycle_id = c.cycle_id) AS new_documents,
               (SELECT count(*) FROM event_log e WHERE e.cycle_id = c.cycle_id) AS new_events,
               (SELECT count(*) FROM alert_outbox a WHERE a.cycle_id = c.cycle_id) AS new_alerts
        FROM cycles c ORDER BY c.started_at DESC LIMIT 5""",
    "failing feeds": """
        WITH last AS (
            SELECT feed_name, feed_url, arg_max(error, fetched_at) AS last_error,
                   max(fetched_at) AS last_fetch,
                   max(fetched_at) FILTER (WHERE error IS NULL) AS last_success,
                   min(fetched_at) FILTER (WHERE error IS NOT NULL) AS first_failure
            FROM feed_fetches GROUP BY feed_name, feed_url)
        SELECT feed_name, feed_url,
               coalesce((SELECT min(f.fetched_at) FROM feed_fetches f
                         WHERE f.feed_url = last.feed_url AND f.error IS NOT NULL
                           AND f.fetched_at > coalesce(last.last_success, TIMESTAMPTZ '1970-01-01')),
                        first_failure) AS failing_since,
               last_error
        FROM last WHERE last_error IS NOT NULL ORDER BY feed_name""",
}


def cmd_status(args) -> int:
    con = _open_read_only()
    if con is None:
        return 2
    try:
        print(f"event store: {paths.setting('TRADEWATCH_DB')}")
        for title, sql in STATUS_SQL.items():
            print(f"\n== {title} ==")
            print(_table(con.execute(sql)))
    finally:
        con.close()
    return 0


def cmd_feeds(args) -> int:
    con = _open_read_only()
    if con is None:
        return 2
    try:
        has_health = con.execute("SELECT count(*) FROM information_schema.tables "
                                 "WHERE table_name = 'feed_health'").fetchall()[0][0]
        if not has_health:  # a store from before migration 002 (opened read-only: not migrated)
            print(_table(con.execute("""
                SELECT feed_name, feed_url, count(*) AS fetches,
                       count(*) FILTER (WHERE error IS NULL) AS ok,
                       max(fetched_at) AS last_fetch,
                       arg_max(http_status, fetched_at) AS last_status,
                       arg_max(error, fetched_at) AS last_error,
                       sum(items_new) AS items_new
                FROM feed_fetches GROUP BY feed_name, feed_url ORDER BY feed_name""")))
            print("\n== failing feeds ==")
            print(_table(con.execute(STATUS_SQL["failing feeds"])))
            return 0
        print(_table(con.execute("""
            SELECT feed_name, last_outcome, last_status, fetches, fetches_ok,
                   strftime(last_fetch_at, '%Y-%m-%d %H:%M:%S') AS last_fetch,
                   strftime(last_success_at, '%Y-%m-%d %H:%M:%S') AS last_success,
                   consecutive_failures AS failures_in_a_row, items_new, feed_url
            FROM feed_health ORDER BY feed_name""")))
        failing = con.execute("""
            SELECT feed_name, feed_url, failing_since, consecutive_failures, next_attempt_at,
                   coalesce(last_failure_reason, last_error), last_error_kind, last_outcome, last_success_at
            FROM feed_health
            WHERE last_outcome IN ('error', 'skipped') OR consecutive_failures > 0
            ORDER BY failing_since, feed_name""").fetchall()
        print("\n== failing feeds ==")
        for name, url, since, n, next_at, why, kind, outcome, last_ok in failing:
            when = f"since {since:%Y-%m-%d %H:%M:%S %Z}" if since else "now"
            print(f"{name} ({url}): failing {when}, {n} failed fetch(es) in a row"
                  f"{'' if last_ok else ', never fetched successfully'}")
            print(f"    why: {why}")
            if outcome == "skipped" and kind in ("backoff", "budget"):
                print(f"    last cycle: not fetched ({kind})")
            if next_at is not None:
                print(f"    next attempt after {next_at:%Y-%m-%d %H:%M:%S %Z}")
        print(f"({len(failing)} failing)")
    finally:
        con.close()
    return 0


def cmd_alerts_preview(args) -> int:
    from pathlib import Path

    from pipeline.alerts.preview import write_preview

    con = _open_read_only()
    if con is None:
        return 2
    try:
        cur = con.execute(
            """SELECT o.*, s.status FROM alert_outbox o JOIN outbox_status s USING (alert_id)
               ORDER BY o.created_at DESC, o.alert_id LIMIT ?""", [args.limit])
        names = [c[0] for c in cur.description]
        alerts = [dict(zip(names, row)) for row in cur.fetchall()]
    finally:
        con.close()
    index = write_preview(alerts, Path(args.out))
    print(f"{len(alerts)} alerts rendered: open {index.resolve().as_uri()}")
    return 0


def cmd_digest(args) -> int:
    import datetime as dt

    from pipeline.alerts.deliver import smtp_from_environment
    from pipeline.cycle import CycleReport, Settings, deliver, digest
    from pipeline.store.duckdb_store import EventStore

    when = (dt.datetime.fromisoformat(args.at) if args.at else dt.datetime.now(dt.timezone.utc))
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.timezone.utc)
    settings = Settings.from_environment()
    report = CycleReport(f"cli__digest__{when.isoformat()}")
    with EventStore(settings.db) as store:
        digest(store, settings, report.cycle_id, report, when)
        deliver(store, settings, smtp_from_environment(), report)
    print(f"digests: {report.alerts_created} created, {report.alerts_sent} sent, "
          f"{report.alerts_pending} pending, {report.alerts_failed} failed")
    for problem in report.problems:
        print(f"  ! {problem}")
    return 0


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    parser = argparse.ArgumentParser(prog="tradewatch", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("run", help="one monitoring cycle: seeds and feeds in, events, alerts out")
    p.add_argument("--cycle-id", help="id of this cycle (default: a timestamp); a re-run with the same id adds nothing")
    p.add_argument("--json", action="store_true", help="print the cycle report as JSON")
    p.set_defaults(func=cmd_run)
    p = sub.add_parser("status", help="what the store holds, the last cycles, failing feeds")
    p.set_defaults(func=cmd_status)
    p = sub.add_parser("query", help="read-only SQL against the store")
    p.add_argument("sql")
    p.add_argument("--format", choices=("table", "json", "csv"), default="table")
    p.set_defaults(func=cmd_query)
    p = sub.add_parser("feeds", help="feed health: which feeds fail, since when, and why")
    p.set_defaults(func=cmd_feeds)
    p = sub.add_parser("reextract", help="re-run the current extractor over every stored document")
    p.set_defaults(func=cmd_reextract)
    p = sub.add_parser("alerts", help="alert tools")
    alerts_sub = p.add_subparsers(dest="alerts_command", required=True)
    pp = alerts_sub.add_parser("preview", help="render the latest alerts to HTML/.eml files to open in a browser")
    pp.add_argument("--out", default="data/preview", help="folder to write (default: data/preview)")
    pp.add_argument("--limit", type=int, default=50)
    pp.set_defaults(func=cmd_alerts_preview)
    p = sub.add_parser("digest", help="compose and send the daily digest (as the trade_talks_digest DAG does)")
    p.add_argument("--at", help="the digest's time, ISO 8601 (default: now)")
    p.set_defaults(func=cmd_digest)
    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
