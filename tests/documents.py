"""Documents for extractor tests: a body and a publication time, as a feed item."""
from __future__ import annotations

import datetime as dt

from pipeline.ids import content_hash
from pipeline.models import Document


def feed_document(body: str, published: str, document_id: str = "doc_test",
                  uri: str = "https://example.test/a") -> Document:
    """A feed Document with ``body``, published at ``published`` (ISO, UTC)."""
    return Document(
        document_id=document_id, source_kind="feed", source_uri=uri, feed_url=None,
        feed_name=None, title=None,
        published_at=dt.datetime.fromisoformat(published).replace(tzinfo=dt.timezone.utc),
        published_at_source="text", body=body, content_hash=content_hash(body))


def extracted_rows(body: str, published: str, etype: str | None = None) -> list[tuple]:
    """(type, action, occurred_on, rate_pct, commodity, actors) of each event
    extracted from ``body`` (of one type, if given): the row the rule tests compare whole."""
    return extracted_fields(body, published, ("event_type", "action", "occurred_on", "rate_pct", "commodity", "actors"),
                            etype)


def extracted_fields(body: str, published: str, names, etype: str | None = None) -> list[tuple]:
    """The named fields of each event extracted from ``body`` (of one type, if given)."""
    from pipeline.extract import extract
    return [tuple(getattr(e, n) for n in names) for e in extract(feed_document(body, published))
            if etype is None or e.event_type == etype]
