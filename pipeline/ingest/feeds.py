"""Feed items to Documents: feedparser on the fetched bytes, never raising on bad input.

A feed feedparser flags as bozo still yields every item it recovers; the
reason is kept. DOCTYPE declarations (with any internal subset of ENTITY
definitions) and stray ENTITY declarations are removed before parsing, in
the document's own encoding (UTF-16 and UTF-32 too), so no entity is ever
expanded: no billion laughs, no quadratic blowup, no external entity.

An item's identity is its guid, else its canonical link, else a hash of its
content; ``document_id`` = hash(feed URL, identity, content hash), so an item
whose content changes is a new version of the same document, never an
overwrite.
"""
from __future__ import annotations

import calendar
import codecs
import datetime as dt
import json
import re
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from pipeline.ids import content_hash, stable_id
from pipeline.ingest.text import html_to_text
from pipeline.models import Document

MAX_TITLE = 1_000
MAX_BODY = 200_000
MAX_URI = 2_000
MAX_ITEMS = 5_000  # items stored from one fetch; the rest are counted and reported

_KEYWORDS = (b"doctype", b"entity")
_FIRST_ELEMENT = re.compile(rb"<\w")  # where feedparser, too, says the prolog ends


@dataclass(frozen=True)
class ParsedFeed:
    documents: list[Document]
    items_seen: int
    bozo_reason: str | None


# -- DOCTYPE / ENTITY neutralisation -------------------------------------------------


def _declaration_end(body: bytes, start: int, scan: bool) -> tuple[int, bool]:
    """(index just past the declaration starting at ``start``, whether it was properly closed).

    Quoted strings, an internal subset in brackets and comments inside it are
    skipped, in one forward scan. A declaration that never closes ends at the
    next ">" (or the end of the document); ``scan=False`` goes there directly.
    """
    if scan:
        i, n = start + 2, len(body)
        depth = 0
        while i < n:
            c = body[i]
            if c in (0x22, 0x27):  # a quoted string: skip to its end
                j = body.find(bytes([c]), i + 1)
                if j < 0:
                    break
                i = j + 1
                continue
            if c == 0x3C and body.startswith(b"<!--", i):
                j = body.find(b"-->", i + 4)
                if j < 0:
                    break
                i = j + 3
                continue
            if c == 0x5B:  # [
                depth += 1
            elif c == 0x5D:  # ]
                depth = max(0, depth - 1)
            elif c == 0x3E and depth == 0:  # >
                return i + 1, True
            i += 1
    j = body.find(b">", start)
    return (len(body) if j < 0 else j + 1), False


def _declaration_spans(data: bytes) -> tuple[list[tuple[int, int]], int, int]:
    """Spans of DOCTYPE and ENTITY declarations in ASCII-compatible bytes, found linearly.

    Returns (spans, DOCTYPE count, ENTITY count). In the prolog (before the
    first element, where XML parsers and feedparser's own DOCTYPE handling look)
    every declaration goes, even one inside a comment or CDATA; after it,
    comments and CDATA sections are text and left alone (an article may quote
    "<!DOCTYPE"). Once one declaration is unterminated, later ones are cut at
    their next ">" without scanning, so a hostile document cannot make this
    quadratic.
    """
    lower = data.lower()
    first = _FIRST_ELEMENT.search(data)
    prolog_end = first.start() if first else len(data)
    spans, doctypes, entities = [], 0, 0
    scan = True
    skippable = {b"<![cdata[": b"]]>", b"<!--": b"-->"}
    unterminated: set[bytes] = set()
    search = 0
    while True:
        i = lower.find(b"<!", search)
        if i < 0:
            break
        opener = next((o for o in skippable if o not in unterminated and lower.startswith(o, i)), None)
        if opener is not None:
            j = data.find(skippable[opener], i + len(opener))
            if j >= 0:
                if i < prolog_end:  # in the prolog, even quoted declarations lose their "<!"
                    k = lower.find(b"<!", i + len(opener), j)
                    while k >= 0:
                        kind = next((kw for kw in _KEYWORDS if lower.startswith(kw, k + 2)), None)
                        if kind is not None:
                            spans.append((k, k + 2))
                            doctypes += kind == b"doctype"
                            entities += kind == b"entity"
                        k = lower.find(b"<!", k + 2, j)
                search = j + len(skippable[opener])
                continue
            unterminated.add(opener)
        kind = next((k for k in _KEYWORDS if lower.startswith(k, i + 2)), None)
        if kind is None:
            search = i + 2
            continue
        end, closed = _declaration_end(data, i, scan)
        scan = scan and closed
        spans.append((i, end))
        search = end
        if kind == b"doctype":
            doctypes += 1
            entities += lower.count(b"<!entity", i, end)
        else:
            entities += 1
    return spans, doctypes, entities


def _cut(data, spans):
    parts, pos = [], 0
    for start, end in spans:
        parts.append(data[pos:start])
        pos = end
    parts.append(data[pos:])
    return data[:0].join(parts)


def _wide_encoding(body: bytes) -> tuple[str | None, bytes]:
    """(codec, BOM) for documents that are not ASCII-compatible (UTF-16/32, EBCDIC)."""
    head = body[:4]
    if head == codecs.BOM_UTF32_BE:
        return "utf-32-be", codecs.BOM_UTF32_BE
    if head == codecs.BOM_UTF32_LE:
        return "utf-32-le", codecs.BOM_UTF32_LE
    if head[:2] == codecs.BOM_UTF16_BE:
        return "utf-16-be", codecs.BOM_UTF16_BE
    if head[:2] == codecs.BOM_UTF16_LE:
        return "utf-16-le", codecs.BOM_UTF16_LE
    if head == b"\x00\x00\x00<":
        return "utf-32-be", b""
    if head == b"<\x00\x00\x00":
        return "utf-32-le", b""
    if head == b"\x00<\x00?" or (head[:1] == b"\x00" and head[1:2] == b"<"):
        return "utf-16-be", b""
    if head == b"<\x00?\x00" or (head[:1] == b"<" and head[1:2] == b"\x00"):
        return "utf-16-le", b""
    if head == b"\x4c\x6f\xa7\x94":
        return "cp037", b""
    return None, b""


def neutralise_doctype(body: bytes) -> tuple[bytes, str | None]:
    """Drop DOCTYPE and ENTITY declarations before any XML parser sees them.

    Returns the cleaned bytes (in the document's own encoding) and a note
    saying what was removed, or None when nothing was.
    """
    codec, bom = _wide_encoding(body)
    if codec is None:
        spans, doctypes, entities = _declaration_spans(body)
        if not spans:
            return body, None
        cleaned = _cut(body, spans)
    else:
        text = body[len(bom):].decode(codec, "replace")
        # Find the spans on a one-byte-per-character image of the text, cut them from the text.
        spans, doctypes, entities = _declaration_spans(text.encode("latin-1", "replace"))
        if not spans:
            return body, None
        cleaned = bom + _cut(text, spans).encode(codec, "replace")
    parts = []
    if doctypes:
        parts.append("DOCTYPE removed")
    if entities:
        parts.append(f"{entities} ENTITY declaration(s) removed: not expanded")
    return cleaned, "; ".join(parts)


# -- items ---------------------------------------------------------------------------


_TRACKING = re.compile(r"^(utm_[a-z]+|fbclid|gclid|mc_cid|mc_eid)$", re.IGNORECASE)


def canonical_link(link: str) -> str:
    """A link as an identity: scheme and host lower-cased, default port, fragment and tracking dropped."""
    link = link.strip()
    try:
        parts = urlsplit(link)
        if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
            return link
        scheme = parts.scheme.lower()
        host = parts.hostname.lower()
        port = parts.port
    except ValueError:
        return link
    netloc = host if ":" not in host else f"[{host}]"
    if port and not ((scheme == "http" and port == 80) or (scheme == "https" and port == 443)):
        netloc += f":{port}"
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                       if not _TRACKING.match(k)])
    return urlunsplit((scheme, netloc, parts.path or "/", query, ""))


def _published(entry, fallback: dt.datetime) -> tuple[dt.datetime, str]:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        parsed = dict.get(entry, key)  # plain lookup: no feedparser key aliasing (and its warning)
        if parsed:
            try:
                when = dt.datetime.fromtimestamp(calendar.timegm(parsed), dt.timezone.utc)
            except (OverflowError, ValueError, OSError, TypeError):
                continue
            if 1900 <= when.year <= 2200:
                return when, "feed"
    return fallback, "fetched"


def _entry_text(entry) -> str:
    parts = []
    for content in entry.get("content") or ():
        if content.get("value"):
            parts.append(content["value"][: MAX_BODY * 5])
    if not parts and entry.get("summary"):
        parts.append(entry["summary"][: MAX_BODY * 5])
    return html_to_text("\n".join(parts))[:MAX_BODY]


def _fingerprint(entry, title: str | None, text: str, link: str) -> str:
    """A hash of what an item says (not of its dates): a changed item gets a new one."""
    extra = {
        "author": str(entry.get("author") or "")[:MAX_URI],
        "tags": sorted(str(t.get("term") or "")[:MAX_URI] for t in (entry.get("tags") or ())[:100]),
        "enclosures": sorted(str(e.get("href") or "")[:MAX_URI] for e in (entry.get("enclosures") or ())[:100]),
    }
    return content_hash(json.dumps([title or "", text, link, extra], ensure_ascii=False, sort_keys=True))


def parse_feed(body: bytes, headers: dict[str, str], feed_name: str, feed_url: str,
               fetched_at: dt.datetime, base_url: str | None = None) -> ParsedFeed:
    """Every item feedparser recovers from ``body`` as a Document (never raises).

    ``headers`` are the response's (content-type gives the charset,
    content-location and content-language the base URI and language);
    ``base_url`` (the URL the body came from) resolves an item link that is
    still relative after feedparser (it is not given to feedparser as the base:
    feedparser would then rewrite relative guids too, and a guid must not change
    with the feed's address).
    """
    import feedparser  # imported here: nothing heavy at DAG parse time

    cleaned, note = neutralise_doctype(body)
    response_headers = {k.lower(): v for k, v in headers.items()
                        if k.lower() in ("content-type", "content-location", "content-language")}
    try:
        parsed = feedparser.parse(cleaned, response_headers=response_headers,
                                  sanitize_html=True, resolve_relative_uris=True)
    except Exception as exc:  # noqa: BLE001 - feedparser is not supposed to raise; record it if it does
        return ParsedFeed([], 0, f"feedparser raised {type(exc).__name__}: {exc}"[:1000])
    reasons = [note] if note else []
    if parsed.get("bozo"):
        exc = parsed.get("bozo_exception")
        reasons.append(f"bozo: {type(exc).__name__}: {exc}"[:500] if exc else "bozo")
    entries = parsed.entries
    if len(entries) > MAX_ITEMS:
        reasons.append(f"{len(entries)} items: only the first {MAX_ITEMS} kept")
        entries = entries[:MAX_ITEMS]
    docs = []
    for entry in entries:
        try:
            docs.append(_document(entry, feed_name, feed_url, fetched_at, base_url))
        except Exception as exc:  # noqa: BLE001 - one odd item must not lose the others
            reasons.append(f"item skipped: {type(exc).__name__}: {exc}"[:300])
    return ParsedFeed(docs, len(parsed.entries), "; ".join(reasons) or None)


def _document(entry, feed_name: str, feed_url: str, fetched_at: dt.datetime,
              base_url: str | None = None) -> Document:
    title = html_to_text(str(entry.get("title") or "")[: MAX_TITLE * 20])[:MAX_TITLE] or None
    text = _entry_text(entry)
    link = str(entry.get("link") or "").strip()[:MAX_URI]
    if link and base_url and not urlsplit(link).scheme:
        try:
            link = urljoin(base_url, link)[:MAX_URI]
        except ValueError:
            pass
    guid = str(entry.get("id") or "").strip()[:MAX_URI] or None
    body_text = text or title or ""
    digest = _fingerprint(entry, title, body_text, canonical_link(link) if link else "")
    identity = ("guid", guid) if guid else ("link", canonical_link(link)) if link else ("hash", digest)
    uri = link or f"{feed_url}#{guid or digest[:16]}"
    published, source = _published(entry, fetched_at)
    return Document(
        document_id=stable_id("doc", feed_url, *identity, digest), source_kind="feed",
        source_uri=uri[: MAX_URI + len(feed_url) + 1], feed_url=feed_url, feed_name=feed_name,
        title=title, published_at=published, published_at_source=source, body=body_text,
        content_hash=digest, guid=guid,
    )
