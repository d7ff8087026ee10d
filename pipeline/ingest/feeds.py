"""Feed items to Documents: feedparser on the fetched bytes, never raising on bad input.

A feed feedparser flags as bozo still yields every item it recovers; the
reason is kept. DOCTYPE declarations (and any internal subset of ENTITY
definitions) are removed before parsing, so no entity is ever expanded.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from pipeline.ids import content_hash, stable_id
from pipeline.ingest.text import html_to_text
from pipeline.models import Document

MAX_TITLE = 1_000
MAX_BODY = 200_000
MAX_URI = 2_000

_DOCTYPE = re.compile(rb"<!DOCTYPE(?:[^\[>]*\[.*?\]\s*>|[^>]*>)", re.IGNORECASE | re.DOTALL)
_ENTITY = re.compile(rb"<!ENTITY", re.IGNORECASE)


@dataclass(frozen=True)
class ParsedFeed:
    documents: list[Document]
    items_seen: int
    bozo_reason: str | None


def neutralise_doctype(body: bytes) -> tuple[bytes, str | None]:
    """Drop DOCTYPE declarations (with internal ENTITY subsets) before any XML parser sees them."""
    note = None
    if _DOCTYPE.search(body):
        had_entities = bool(_ENTITY.search(body))
        body = _DOCTYPE.sub(b"", body)
        note = "DOCTYPE removed" + (" (with ENTITY declarations: not expanded)" if had_entities else "")
    if _ENTITY.search(body):
        body = re.sub(rb"<!ENTITY[^>]*>", b"", body, flags=re.IGNORECASE)
        note = (note + "; " if note else "") + "stray ENTITY declarations removed"
    return body, note


def _published(entry, fallback: dt.datetime) -> tuple[dt.datetime, str]:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        parsed = entry.get(key)
        if parsed:
            try:
                return dt.datetime.fromtimestamp(calendar.timegm(parsed), dt.timezone.utc), "feed"
            except (OverflowError, ValueError, OSError):
                continue
    return fallback, "fetched"


def _entry_text(entry) -> str:
    parts = []
    for content in entry.get("content") or ():
        if content.get("value"):
            parts.append(content["value"])
    if not parts and entry.get("summary"):
        parts.append(entry["summary"])
    return html_to_text("\n".join(parts))[:MAX_BODY]


def parse_feed(body: bytes, headers: dict[str, str], feed_name: str, feed_url: str,
               fetched_at: dt.datetime) -> ParsedFeed:
    import feedparser  # imported here: nothing heavy at DAG parse time

    cleaned, note = neutralise_doctype(body)
    response_headers = {k: v for k, v in headers.items()
                        if k.lower() in ("content-type", "content-location", "content-language")}
    try:
        parsed = feedparser.parse(cleaned, response_headers=response_headers,
                                  sanitize_html=True, resolve_relative_uris=True)
    except Exception as exc:  # feedparser is not supposed to raise; record it if it does
        return ParsedFeed([], 0, f"feedparser raised {type(exc).__name__}: {exc}")
    reasons = [note] if note else []
    if parsed.get("bozo"):
        exc = parsed.get("bozo_exception")
        reasons.append(f"{type(exc).__name__}: {exc}"[:500] if exc else "bozo")
    docs, empty = [], 0
    for entry in parsed.entries:
        title = html_to_text(entry.get("title") or "")[:MAX_TITLE] or None
        text = _entry_text(entry)
        link = (entry.get("link") or "").strip()[:MAX_URI]
        guid = (entry.get("id") or "").strip()[:MAX_URI] or None
        body_text = text or title or ""
        if not body_text:
            empty += 1
            continue
        digest = content_hash((title or "") + "\n" + body_text)
        if link:
            uri = link
        else:
            uri = f"{feed_url}#{guid or digest[:16]}"
        identity = guid or link or digest
        published, source = _published(entry, fetched_at)
        docs.append(Document(
            document_id=stable_id("doc", feed_url, identity, digest), source_kind="feed",
            source_uri=uri, feed_url=feed_url, feed_name=feed_name, title=title,
            published_at=published, published_at_source=source, body=body_text,
            content_hash=digest, guid=guid,
        ))
    if empty:
        reasons.append(f"{empty} item(s) with neither title nor text: nothing to store")
    return ParsedFeed(docs, len(parsed.entries), "; ".join(reasons) or None)
