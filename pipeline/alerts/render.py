"""Alert emails: subject, plain text and HTML, from an event and the document that reports it.

Pure functions. All feed text is hostile: it is escaped in HTML (no markup
from a feed survives) and stripped of control characters before it nears a
header.
"""
from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass
import email.policy
from email.message import EmailMessage
from email.utils import format_datetime

from pipeline.models import Document, Event

SUBJECT_MAX = 99
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]+")

TYPE_LABEL = {
    "tariff_change": "Tariff",
    "tariff_deadline": "Tariff deadline",
    "export_control": "Export control",
    "talks": "Talks",
    "leader_contact": "Leaders",
    "agreement": "Agreement",
}
COUNTRY = {"US": "US", "CN": "China"}


def header_safe(text: str, limit: int | None = None) -> str:
    """One line of plain text: control characters (CR, LF, NUL…) become spaces."""
    text = _CONTROL.sub(" ", text or "")
    text = re.sub(r"\s+", " ", text).strip()
    if limit and len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return text


def _fmt_date(day: dt.date | None) -> str:
    return day.strftime("%-d %b %Y") if day else "date not stated"


_PAST = {"threaten": "threatens", "impose": "imposes", "raise": "raises", "lower": "lowers",
         "suspend": "suspends", "reinstate": "reinstates", "remove": "removes", "tighten": "tightens",
         "ease": "eases", "lift": "lifts", "approve": "approves licences for", "set": "set",
         "extend": "extended to", "shorten": "brought forward to", "expire": "expires",
         "schedule": "scheduled", "hold": "held", "conclude": "concluded", "call": "call",
         "meeting": "meeting", "propose": "proposed", "reach": "reached", "sign": "signed",
         "implement": "implemented", "collapse": "collapses"}
_COMMODITY = {"rare_earths": "rare-earth", "critical_minerals": "critical-mineral",
              "semiconductors": "chip", "technology": "technology", "agriculture": "farm",
              "energy": "energy", "other": ""}


def headline(event: Event, what_changed: str | None = None) -> str:
    """One line an editor reads first: who did what, to what, when."""
    actor = COUNTRY.get(event.actors[0], event.actors[0]) if event.actors else ""
    label = TYPE_LABEL.get(event.event_type, event.event_type)
    if what_changed:
        return f"{label}: {what_changed}"
    verb = _PAST.get(event.action, event.action)
    when = f" ({_fmt_date(event.occurred_on)})" if event.occurred_on else ""
    place = f" in {event.location}" if event.location else ""
    t = event.event_type
    if t == "tariff_deadline":
        sep = " " if verb.endswith(" to") else ": "
        return f"{label} {verb}{sep}{_fmt_date(event.deadline)}"
    if t == "tariff_change":
        if event.rate_pct is None:
            return f"{actor} {verb} tariffs{when}".strip()
        if event.action in ("raise", "lower", "suspend", "remove"):
            return f"{actor} {verb} tariff to {event.rate_pct:g}%{when}".strip()
        return f"{actor} {verb} {event.rate_pct:g}% tariff{when}".strip()
    if t == "export_control":
        what = _COMMODITY.get(event.commodity or "other", "")
        noun = "export licences" if event.action == "approve" else "export controls"
        verb = "approves" if event.action == "approve" else verb
        return f"{actor} {verb} {what + ' ' if what else ''}{noun}{when}".strip()
    if t == "talks":
        return f"US-China talks {verb}{place}{when}"
    if t == "leader_contact":
        kind = "call" if event.action == "call" else "meeting"
        return f"Trump-Xi {kind}{place}{when}"
    if t == "agreement":
        return f"US-China agreement {verb}{when}"
    return f"{label}: {actor} {event.action}{when}"


def subject(event: Event, priority: str, what_changed: str | None = None) -> str:
    prefix = "[TradeWatch HIGH] " if priority == "high" else "[TradeWatch] "
    return header_safe(prefix + headline(event, what_changed), SUBJECT_MAX)


def _fields(event: Event) -> list[tuple[str, str]]:
    rows = [("Type", event.event_type), ("Action", event.action),
            ("Actors", ", ".join(event.actors) or "—")]
    for name in ("occurred_on", "effective_on", "deadline"):
        value = getattr(event, name)
        if value:
            rows.append((name.replace("_", " ").capitalize(), value.isoformat()))
    if event.commodity:
        rows.append(("Commodity", event.commodity))
    if event.rate_pct is not None:
        rows.append(("Rate", f"{event.rate_pct:g}%"))
    if event.location:
        rows.append(("Location", event.location))
    rows.append(("Date precision", event.date_precision or "—"))
    rows.append(("Confidence", f"{event.confidence:.2f}"))
    return rows


@dataclass(frozen=True)
class RenderedAlert:
    subject: str
    text: str
    html: str


def render(event: Event, document: Document, priority: str, what_changed: str | None = None) -> RenderedAlert:
    subj = subject(event, priority, what_changed)
    source = header_safe(document.feed_name or document.source_kind)
    title = header_safe(document.title or "", 300)
    link = document.source_uri
    published = document.published_at.date().isoformat()
    quotes = [header_safe(e.text, 2000) for e in event.evidence] or ["(no evidence sentence)"]

    text_lines = [headline(event, what_changed), ""]
    if what_changed:
        text_lines += [f"What changed: {what_changed}", ""]
    text_lines += ["Evidence:"] + [f'  "{q}"' for q in quotes]
    text_lines += ["", f"Source: {source} - {title}", f"Link: {link}", f"Published: {published}", ""]
    text_lines += [f"{k}: {v}" for k, v in _fields(event)]
    text_lines += ["", f"Priority: {priority}", f"Event id: {event.event_id}"]

    e = html.escape
    safe_link = link if re.match(r"^https?://", link) else None
    link_html = (f'<a href="{e(safe_link, quote=True)}">{e(link)}</a>' if safe_link else e(link))
    rows = "".join(f"<tr><th align=\"left\">{e(k)}</th><td>{e(v)}</td></tr>" for k, v in _fields(event))
    quotes_html = "".join(f"<blockquote>{e(q)}</blockquote>" for q in quotes)
    changed_html = f"<p><strong>What changed:</strong> {e(what_changed)}</p>" if what_changed else ""
    body_html = (
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
        f"<title>{e(subj)}</title></head><body>"
        f"<h2>{e(headline(event, what_changed))}</h2>{changed_html}"
        f"<h3>Evidence</h3>{quotes_html}"
        f"<p>Source: {e(source)} — {e(title)}<br>Link: {link_html}<br>Published: {e(published)}</p>"
        f"<table>{rows}</table>"
        f"<p>Priority: {e(priority)}<br>Event id: {e(event.event_id)}</p>"
        "</body></html>"
    )
    return RenderedAlert(subj, "\n".join(text_lines) + "\n", body_html)


def build_message(alert: dict, created_at: dt.datetime | None = None) -> EmailMessage:
    """The MIME message of an outbox row: plain text and HTML parts, deterministic Message-ID."""
    # Header lines may run to 998 characters (RFC 5322): no fold right after "Subject:".
    msg = EmailMessage(policy=email.policy.default.clone(max_line_length=998))
    msg["Subject"] = header_safe(alert["subject"], 200)
    msg["From"] = header_safe(alert["sender"])
    msg["To"] = header_safe(alert["recipient"])
    msg["Message-ID"] = alert["message_id"]
    msg["Date"] = format_datetime(created_at or alert["created_at"])
    if alert.get("priority") == "high":
        msg["X-Priority"] = "1"
        msg["Importance"] = "high"
    if alert.get("in_reply_to"):
        msg["In-Reply-To"] = alert["in_reply_to"]
        msg["References"] = alert.get("references") or alert["in_reply_to"]
    msg["X-TradeWatch-Alert"] = alert["alert_id"]
    msg.set_content(alert["body_text"])
    msg.add_alternative(alert["body_html"], subtype="html")
    # A fixed boundary keeps the message byte-for-byte reproducible (a re-send is identical).
    msg.set_boundary("==tradewatch-" + re.sub(r"[^A-Za-z0-9]", "", alert["alert_id"]) + "==")
    return msg
