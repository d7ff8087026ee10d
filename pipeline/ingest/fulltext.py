"""Full text of a feed item's linked page (feeds with ``full_text: true``).

The page is fetched under the same limits and address checks as the feed
(:func:`pipeline.ingest.fetch.fetch`), and trafilatura extracts the article
text from it. Never raises: a page that cannot be had leaves the item with the
feed's own text, and the reason is returned.
"""
from __future__ import annotations

from pipeline.ingest.feeds import MAX_BODY
from pipeline.ingest.fetch import DEFAULT_LIMITS, PAGE_ACCEPT, Limits, fetch

_PAGE_TYPES = ("html", "xml", "text/plain")


def extract_article(page: bytes) -> str | None:
    """The main text of an HTML page (trafilatura), or None when it finds none."""
    import trafilatura  # imported here: nothing heavy at DAG parse time

    try:
        text = trafilatura.extract(page, include_comments=False, include_tables=False,
                                   favor_precision=True, deduplicate=True)
    except Exception:  # noqa: BLE001 - a page trafilatura chokes on has no usable text
        return None
    text = (text or "").strip()
    return text[:MAX_BODY] or None


def full_text(url: str, allow_networks=(), limits: Limits = DEFAULT_LIMITS,
              deadline: float | None = None) -> tuple[str | None, str | None]:
    """(article text, None) or (None, why not)."""
    result = fetch(url, allow_networks, limits, accept=PAGE_ACCEPT, deadline=deadline)
    if not result.ok:
        return None, result.error or f"HTTP {result.http_status}: no page"
    ctype = result.headers.get("content-type", "").lower()
    if ctype and not any(t in ctype for t in _PAGE_TYPES):
        return None, f"not a web page ({ctype.split(';')[0]})"
    text = extract_article(result.body)
    if not text:
        return None, "no article text found in the page"
    return text, None
