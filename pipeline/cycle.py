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
from pipeline.alerts.render import render
from pipeline.config import ConfigError, load_alerts
from pipeline.developments import is_dated, priority, resolve
from pipeline.ids import stable_id
from pipeline.ingest.step import ingest
from pipeline.models import Document, Event
from pipeline.runtime import CycleReport, Settings
from pipeline.store.duckdb_store import EventStore, candidate_json, event_row, utcnow

log = logging.getLogger("tradewatch")

ALERT_MIN_CONFIDENCE = 0.5
PRIORITY_RANK = {"normal": 0, "high": 1}


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


def what_changed(event: Event, developments: dict, development_id: str) -> str | None:
    """A sentence on how a new development changes known state, from the store's history."""
    if event.event_type == "tariff_deadline" and event.deadline:
        earlier = [d.first for d_id, d in developments.items()
                   if d_id != development_id and d.first.event_type == "tariff_deadline"
                   and d.first.deadline and d.first.deadline != event.deadline]
        if earlier:
            prev = earlier[-1].deadline
            verb = "moved" if event.action in ("extend", "shorten") else "now"
            return (f"deadline {verb} from {prev.isoformat()} to {event.deadline.isoformat()}"
                    if verb == "moved" else f"deadline {event.deadline.isoformat()} (was {prev.isoformat()})")
    return None


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
    doc_by_id = {d.document_id: d for d in docs}
    alert_rows = []
    for res in resolutions:
        if not res.is_first:
            continue
        report.developments_new += 1
        event = res.event
        if routing is None or not is_dated(event) or event.confidence < ALERT_MIN_CONFIDENCE:
            continue
        prio = priority(event)
        change = what_changed(event, developments, res.development_id)
        rendered = render(event, doc_by_id[event.document_id], prio, change)
        for recipient in routing.recipients:
            if recipient.delivery != "immediate":
                continue  # digest recipients read it in the daily digest
            if recipient.event_types is not None and event.event_type not in recipient.event_types:
                continue
            if PRIORITY_RANK[prio] < PRIORITY_RANK[recipient.min_priority]:
                continue
            alert_id = stable_id("alert", res.development_id, recipient.email)
            alert_rows.append(dict(
                alert_id=alert_id, event_id=event.event_id, development_id=res.development_id,
                recipient=recipient.email, sender=routing.sender, priority=prio,
                subject=rendered.subject, body_text=rendered.text, body_html=rendered.html,
                message_id=f"<{alert_id}@tradewatch.local>", cycle_id=cycle_id, created_at=now))

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
            report: CycleReport) -> None:
    now = utcnow()
    rows = []
    for alert in store.pending_alerts():
        if not delivery.due(alert["attempts"], alert.get("last_attempt_at"), now):
            report.alerts_pending += 1
            continue
        attempt_no = alert["attempts"] + 1
        attempt = (delivery.send_smtp(alert, smtp) if smtp is not None
                   else delivery.write_eml(alert, settings.outbox))
        outcome = attempt.outcome
        if outcome == "retry" and attempt_no >= delivery.MAX_ATTEMPTS:
            outcome = "failed"
        rows.append(dict(delivery_id=stable_id("dlv", alert["alert_id"], attempt_no),
                         alert_id=alert["alert_id"], attempt=attempt_no, attempted_at=utcnow(),
                         outcome=outcome, transport=attempt.transport, detail=attempt.detail))
        # Record each attempt at once: a crash after a send must not send it again.
        store.append("alert_deliveries", rows[-1:])
        if outcome == "sent":
            report.alerts_sent += 1
        elif outcome == "failed":
            report.alerts_failed += 1
            report.problems.append(f"alert {alert['alert_id']} failed: {attempt.detail}")
        else:
            report.alerts_pending += 1
            report.problems.append(f"alert {alert['alert_id']} will be retried: {attempt.detail}")


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
