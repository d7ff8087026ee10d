"""The daily digest: one email per digest recipient with the last day's developments
and the tariff deadlines falling in the next 14 days. Pure functions.
"""
from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass

from pipeline.alerts.compose import PRIORITY_RANK, message_id
from pipeline.alerts.render import header_safe, headline
from pipeline.developments import priority
from pipeline.ids import stable_id
from pipeline.models import Event, Recipient

LOOKAHEAD_DAYS = 14


@dataclass(frozen=True)
class DigestItem:
    event: Event                # the development's first event
    what_changed: str | None
    source: str
    title: str
    link: str
    published: dt.date
    mentions: int


def _relevant(recipient: Recipient, event: Event) -> bool:
    if recipient.event_types is not None and event.event_type not in recipient.event_types:
        return False
    return PRIORITY_RANK[priority(event)] >= PRIORITY_RANK[recipient.min_priority]


def compose_digest(recipient: Recipient, sender: str, day: dt.date, developments: list[DigestItem],
                   deadlines: list[DigestItem], cycle_id: str, now: dt.datetime) -> dict | None:
    """The digest outbox row for one recipient and one day, or None when there is nothing to say."""
    new = [d for d in developments if _relevant(recipient, d.event)]
    upcoming = sorted((d for d in deadlines if d.event.deadline), key=lambda d: d.event.deadline)
    if not new and not upcoming:
        return None
    digest_id = stable_id("digest", recipient.email, day.isoformat())
    subject = header_safe(f"[TradeWatch digest] {day.isoformat()}: {len(new)} new development"
                          f"{'s' if len(new) != 1 else ''}, {len(upcoming)} deadline"
                          f"{'s' if len(upcoming) != 1 else ''} in {LOOKAHEAD_DAYS} days", 99)
    lines = [f"TradeWatch digest for {day.isoformat()}", ""]
    lines.append(f"New developments in the last day ({len(new)}):")
    for item in new:
        lines.append(f"- {headline(item.event, item.what_changed)}")
        lines.append(f'  "{header_safe(item.event.evidence_text, 400)}"')
        lines.append(f"  {header_safe(item.source)}, {item.published.isoformat()}: {item.link}"
                     f" ({item.mentions} mention{'s' if item.mentions != 1 else ''})")
    if not new:
        lines.append("- none")
    lines += ["", f"Tariff deadlines in the next {LOOKAHEAD_DAYS} days ({len(upcoming)}):"]
    for item in upcoming:
        days = (item.event.deadline - day).days
        lines.append(f"- {item.event.deadline.isoformat()} (in {days} day{'s' if days != 1 else ''}): "
                     f"{header_safe(item.event.evidence_text, 300)}")
    if not upcoming:
        lines.append("- none")

    e = html.escape
    new_html = "".join(
        f"<li><strong>{e(headline(i.event, i.what_changed))}</strong>"
        f"<blockquote>{e(header_safe(i.event.evidence_text, 400))}</blockquote>"
        f"{e(header_safe(i.source))}, {e(i.published.isoformat())}: "
        + (f'<a href="{e(i.link, quote=True)}">{e(i.link)}</a>' if i.link.startswith(("http://", "https://"))
           else e(i.link))
        + "</li>" for i in new) or "<li>none</li>"
    deadlines_html = "".join(
        f"<li>{e(i.event.deadline.isoformat())}: {e(header_safe(i.event.evidence_text, 300))}</li>"
        for i in upcoming) or "<li>none</li>"
    body_html = (f"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{e(subject)}</title></head><body>"
                 f"<h2>TradeWatch digest for {e(day.isoformat())}</h2>"
                 f"<h3>New developments in the last day</h3><ul>{new_html}</ul>"
                 f"<h3>Tariff deadlines in the next {LOOKAHEAD_DAYS} days</h3><ul>{deadlines_html}</ul>"
                 "</body></html>")
    return dict(alert_id=digest_id, kind="digest", event_id=None, development_id=None,
                recipient=recipient.email, sender=sender, priority="normal", subject=subject,
                body_text="\n".join(lines) + "\n", body_html=body_html, message_id=message_id(digest_id),
                story_key=None, in_reply_to=None, references=None, what_changed=None,
                cycle_id=cycle_id, created_at=now)
