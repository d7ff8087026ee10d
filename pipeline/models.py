"""The records TradeWatch appends to its event store, as frozen dataclasses.

Every record carries a deterministic id (see :mod:`pipeline.ids`), so the same
input always yields the same rows and a re-run appends nothing new.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

EVENT_TYPES = (
    "tariff_change",
    "tariff_deadline",
    "export_control",
    "talks",
    "leader_contact",
    "agreement",
)

ACTIONS = {
    "tariff_change": ("threaten", "impose", "raise", "lower", "suspend", "reinstate", "remove"),
    "tariff_deadline": ("set", "extend", "shorten", "expire"),
    "export_control": ("threaten", "impose", "tighten", "ease", "suspend", "lift", "approve"),
    "talks": ("schedule", "hold", "conclude"),
    "leader_contact": ("call", "meeting"),
    "agreement": ("propose", "reach", "sign", "implement", "extend", "collapse"),
}

COMMODITIES = (
    "rare_earths",
    "critical_minerals",
    "semiconductors",
    "technology",
    "agriculture",
    "energy",
    "other",
)

DATE_PRECISIONS = ("day", "week", "month", "approx")


@dataclass(frozen=True)
class Document:
    """One version of one ingested document (a seed file or a feed item)."""

    document_id: str
    source_kind: str  # "seed" | "feed"
    source_uri: str
    feed_url: str | None
    feed_name: str | None
    title: str | None
    published_at: dt.datetime  # timezone-aware, UTC
    published_at_source: str  # "text" | "mtime" | "feed" | "fetched"
    body: str
    content_hash: str
    guid: str | None = None


@dataclass(frozen=True)
class Evidence:
    """A sentence of a document that states an event, with its character offsets."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Event:
    """One trade-talk event as reported by one document (a mention)."""

    event_id: str
    document_id: str
    extractor_version: str
    event_type: str
    action: str
    occurred_on: dt.date | None
    effective_on: dt.date | None
    deadline: dt.date | None
    commodity: str | None
    rate_pct: float | None
    actors: tuple[str, ...]
    location: str | None
    date_precision: str | None
    evidence: tuple[Evidence, ...]
    confidence: float

    @property
    def evidence_text(self) -> str:
        return self.evidence[0].text if self.evidence else ""


@dataclass(frozen=True)
class FeedFetch:
    """One attempt to fetch one feed."""

    fetch_id: str
    cycle_id: str
    feed_name: str
    feed_url: str
    fetched_at: dt.datetime
    http_status: int | None
    error: str | None
    bytes_received: int
    duration_ms: int
    items_seen: int
    items_new: int
    bozo_reason: str | None = None


@dataclass(frozen=True)
class Recipient:
    email: str
    event_types: tuple[str, ...] | None  # None: all types
    min_priority: str = "normal"  # "normal" | "high"
    delivery: str = "immediate"  # "immediate" | "digest"


@dataclass(frozen=True)
class AlertRouting:
    sender: str
    recipients: tuple[Recipient, ...] = field(default_factory=tuple)
