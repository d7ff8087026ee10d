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
