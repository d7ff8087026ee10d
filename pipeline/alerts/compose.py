"""From newly resolved developments to outbox rows: routing, rendering, threading.

Pure: everything it needs is passed in, and the same input gives the same rows
(ids, Message-IDs and threading headers included).
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from pipeline.alerts.changes import story_key, what_changed
from pipeline.alerts.render import render
from pipeline.developments import Development, Resolution, is_dated, priority
from pipeline.ids import stable_id
from pipeline.models import AlertRouting, Document, Recipient

ALERT_MIN_CONFIDENCE = 0.5
PRIORITY_RANK = {"normal": 0, "high": 1}


def wants(recipient: Recipient, event_type: str, prio: str) -> bool:
    if recipient.delivery != "immediate":
        return False  # digest recipients read it in the daily digest
    if recipient.event_types is not None and event_type not in recipient.event_types:
        return False
    return PRIORITY_RANK[prio] >= PRIORITY_RANK[recipient.min_priority]


def message_id(alert_id: str) -> str:
    return f"<{alert_id}@tradewatch.local>"


def alertable(resolution: Resolution) -> bool:
    """A first mention, dated, and confident enough to interrupt an editor."""
    event = resolution.event
    return resolution.is_first and is_dated(event) and event.confidence >= ALERT_MIN_CONFIDENCE


def compose_alerts(resolutions: Iterable[Resolution], developments: dict[str, Development],
                   documents: dict[str, Document], routing: AlertRouting,
                   threads: dict[tuple[str, str], list[str]], cycle_id: str,
                   now: dt.datetime) -> list[dict]:
    """One outbox row per (new development, interested recipient).

    `threads` maps (recipient, story key) to the Message-IDs already sent in
    that story, oldest first; it is extended with the rows made here, so
    later alerts of one batch thread to earlier ones.
    """
    rows = []
    for res in resolutions:
        if not alertable(res):
            continue
        event = res.event
        prio = priority(event)
        change = what_changed(event, developments, res.development_id)
        story = story_key(event)
        rendered = None
        for recipient in routing.recipients:
            if not wants(recipient, event.event_type, prio):
                continue
            rendered = rendered or render(event, documents[event.document_id], prio, change)
            alert_id = stable_id("alert", res.development_id, recipient.email)
            thread = threads.setdefault((recipient.email, story), [])
            rows.append(dict(
                alert_id=alert_id, kind="alert", event_id=event.event_id,
                development_id=res.development_id, recipient=recipient.email, sender=routing.sender,
                priority=prio, subject=rendered.subject, body_text=rendered.text,
                body_html=rendered.html, message_id=message_id(alert_id), story_key=story,
                in_reply_to=thread[0] if thread else None,
                references=" ".join(thread[:1] + thread[-1:] if len(thread) > 1 else thread) or None,
                what_changed=change, cycle_id=cycle_id, created_at=now))
            thread.append(message_id(alert_id))
    return rows
