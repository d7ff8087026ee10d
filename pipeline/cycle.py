"""One monitoring cycle, as steps that the CLI runs in a row and the Airflow DAG runs as tasks.

ingest -> process (extract, validate, resolve developments, create alerts) -> deliver.
Each step reads what it needs from the store and appends what it found, so a
step that fails is simply redone by the next cycle; nothing is passed in
memory between steps.
"""
from __future__ import annotations

import datetime as dt
import json
import logging

from pipeline.alerts import deliver as delivery
from pipeline.alerts.compose import compose_alerts
from pipeline.config import ConfigError, load_alerts
from pipeline.developments import resolve
from pipeline.ids import stable_id
from pipeline.ingest.step import ingest
from pipeline.models import Document, Event
from pipeline.runtime import CycleReport, Settings
from pipeline.store.duckdb_store import EventStore, candidate_json, event_row, utcnow

log = logging.getLogger("tradewatch")



def new_cycle_id(now: dt.datetime | None = None) -> str:
    return "cli__" + (now or utcnow()).strftime("%Y%m%dT%H%M%S.%fZ")


def begin(store: EventStore, cycle_id: str, trigger: str) -> str:
    from pipeline.extract import EXTRACTOR_VERSION

    store.record_cycle(cycle_id, trigger, EXTRACTOR_VERSION, utcnow())
    return EXTRACTOR_VERSION


# -- process ------------------------------------------------------------------


def _candidate_frame(events: list[Event]):
    import pandas as pd

    rows = [event_row(e, "", utcnow(), 0) for e in events]
    columns = ["event_id", "document_id", "extractor_version", "event_type", "action", "occurred_on",
               "effective_on", "deadline", "commodity", "rate_pct", "actors", "location",
               "date_precision", "evidence", "evidence_start", "evidence_end", "confidence"]
    return pd.DataFrame([{k: r[k] for k in columns} for r in rows], columns=columns)


def process(store: EventStore, settings: Settings, cycle_id: str, extractor_version: str,
            report: CycleReport) -> None:
    from pipeline.extract import extract
    from pipeline.validate import validate_candidates

    docs = store.documents_to_extract(extractor_version)
    if not docs:
        return
    docs.sort(key=lambda d: (d.published_at, d.document_id))
    by_doc: dict[str, list[Event]] = {}
    for doc in docs:
        try:
            by_doc[doc.document_id] = extract(doc)
        except Exception as exc:  # one bad document must not stop the cycle: record it
            log.exception("extraction failed for %s", doc.source_uri)
            report.problems.append(f"extraction failed for {doc.source_uri}: {type(exc).__name__}: {exc}")
            by_doc[doc.document_id] = []
    candidates = [e for d in docs for e in by_doc[d.document_id]]
    outcome = validate_candidates(_candidate_frame(candidates))
    accepted_ids = set(outcome.accepted["event_id"]) if len(outcome.accepted) else set()
    accepted = [e for e in candidates if e.event_id in accepted_ids]

    now = utcnow()
    quarantine_rows = []
    if len(outcome.quarantined):
        for row in outcome.quarantined.to_dict("records"):
            failed = [str(x) for x in row.pop("failed_expectations")]
            quarantine_rows.append(dict(
                quarantine_id=stable_id("q", row["event_id"], *failed), event_id=row["event_id"],
                document_id=row["document_id"], extractor_version=row["extractor_version"],
                failed_expectations=failed, candidate=candidate_json(row), cycle_id=cycle_id,
                quarantined_at=now))

    try:
        routing = load_alerts(settings.alerts)
    except ConfigError as exc:
        report.problems.append(f"alerts not created: {exc}")
        routing = None

    history = store.current_events()
    resolutions, developments = resolve(history, store.development_of(), accepted)
    report.developments_new += sum(r.is_first for r in resolutions)
    alert_rows = []
    if routing is not None:
        # A document an earlier extractor version already read is old news: re-extracting
        # it builds the new version's developments but interrupts no editor.
        reread = store.extracted_before([d.document_id for d in docs], extractor_version)
        fresh = [r for r in resolutions if r.event.document_id not in reread]
        report.reextracted_documents += len(reread)
        alert_rows = compose_alerts(fresh, developments, {d.document_id: d for d in docs},
                                    routing, store.threads(), cycle_id, now)

    seq = store.next_seq()
    quarantined_by_doc: dict[str, int] = {}
    for row in quarantine_rows:
        quarantined_by_doc[row["document_id"]] = quarantined_by_doc.get(row["document_id"], 0) + 1
    extraction_rows = [dict(document_id=d.document_id, extractor_version=extractor_version,
                            events_accepted=sum(e.event_id in accepted_ids for e in by_doc[d.document_id]),
                            events_quarantined=quarantined_by_doc.get(d.document_id, 0),
                            cycle_id=cycle_id, extracted_at=now) for d in docs]
    # One transaction: the events, their quarantine, developments and the alerts they cause.
    with store.transaction():
        report.events_accepted += store.append(
            "event_log", [event_row(e, cycle_id, now, seq + i) for i, e in enumerate(accepted)])
        report.events_quarantined += store.append("quarantine", quarantine_rows)
        store.append("development_mentions", [
            dict(event_id=r.event.event_id, development_id=r.development_id, is_first=r.is_first,
                 cycle_id=cycle_id, resolved_at=now) for r in resolutions])
        report.alerts_created += store.append("alert_outbox", alert_rows)
        store.append("extractions", extraction_rows)


# -- deliver ------------------------------------------------------------------


def deliver(store: EventStore, settings: Settings, smtp: delivery.SmtpSettings | None,
            report: CycleReport, now: dt.datetime | None = None) -> None:
    """Try every pending outbox message that is due; append one delivery record per attempt."""
    now = now or utcnow()
    for alert in store.pending_alerts():
        if not delivery.due(alert["attempts"], alert.get("last_attempt_at"), now):
            report.alerts_pending += 1
            continue
        attempt_no = alert["attempts"] + 1
        attempt = (delivery.send_smtp(alert, smtp) if smtp is not None
                   else delivery.write_eml(alert, settings.outbox))
        outcome = delivery.final_outcome(attempt, attempt_no, alert.get("last_detail"))
        # Recorded at once, one attempt at a time: a crash after a send must not send it again.
        store.append("alert_deliveries", [dict(
            delivery_id=stable_id("dlv", alert["alert_id"], attempt_no), alert_id=alert["alert_id"],
            attempt=attempt_no, attempted_at=max(now, utcnow()), outcome=outcome,
            transport=attempt.transport, detail=attempt.detail)])
        if outcome == "sent":
            report.alerts_sent += 1
        elif outcome == "failed":
            report.alerts_failed += 1
            report.problems.append(f"alert {alert['alert_id']} failed after {attempt_no} attempts: {attempt.detail}")
        else:
            report.alerts_pending += 1
            report.problems.append(f"alert {alert['alert_id']} stays pending: {attempt.detail}")


def digest(store: EventStore, settings: Settings, cycle_id: str, report: CycleReport,
           now: dt.datetime) -> None:
    """Compose the daily digests due at `now`: developments first seen in the 24 hours
    before it, and tariff deadlines in the 14 days after it."""
    from pipeline.alerts.digest import LOOKAHEAD_DAYS, DigestItem, compose_digest

    routing = load_alerts(settings.alerts)
    readers = [r for r in routing.recipients if r.delivery == "digest"]
    if not readers:
        return
    day = now.date()
    since = now - dt.timedelta(days=1)

    def items(rows):
        return [DigestItem(event=e, what_changed=None, source=x["source"], title=x["title"], link=x["link"],
                           published=x["published"].date(), mentions=x["mentions"]) for e, x in rows]

    new = items(store.first_events("m.resolved_at >= ? AND m.resolved_at < ?", [since, now]))
    upcoming = items(store.first_events(
        "e.event_type = 'tariff_deadline' AND e.deadline >= ? AND e.deadline <= ?",
        [day, day + dt.timedelta(days=LOOKAHEAD_DAYS)]))
    rows = [row for r in readers
            if (row := compose_digest(r, routing.sender, day, new, upcoming, cycle_id, now)) is not None]
    report.alerts_created += store.append("alert_outbox", rows)


def reextract(settings: Settings, cycle_id: str | None = None) -> CycleReport:
    """Run the current extractor over every stored document it has not read yet.

    Appends the new version's events (older versions stay in event_log) and
    makes it the version the `events` view shows. Sends nothing.
    """
    cycle_id = cycle_id or new_cycle_id().replace("cli__", "cli__reextract__")
    report = CycleReport(cycle_id)
    with EventStore(settings.db) as store:
        version = begin(store, cycle_id, "cli")
        process(store, settings, cycle_id, version, report)
    return report


def run_cycle(settings: Settings, cycle_id: str | None = None, trigger: str = "cli",
              smtp: delivery.SmtpSettings | None = None) -> CycleReport:
    cycle_id = cycle_id or new_cycle_id()
    report = CycleReport(cycle_id)
    with EventStore(settings.db) as store:
        version = begin(store, cycle_id, trigger)
        ingest(store, settings, cycle_id, report)
        process(store, settings, cycle_id, version, report)
        deliver(store, settings, smtp, report)
    return report


def summary_json(report: CycleReport) -> str:
    return json.dumps(report.as_dict(), indent=2, default=str)


__all__ = ["Settings", "CycleReport", "run_cycle", "begin", "ingest", "process", "deliver",
           "new_cycle_id", "Document"]
