"""What a cycle runs with (settings from the public variables) and what it reports."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pipeline import paths


@dataclass(frozen=True)
class Settings:
    db: Path
    feeds: Path
    seeds: Path
    alerts: Path
    outbox: Path

    @classmethod
    def from_environment(cls) -> "Settings":
        return cls(db=paths.setting("TRADEWATCH_DB"), feeds=paths.setting("TRADEWATCH_FEEDS"),
                   seeds=paths.setting("TRADEWATCH_SEEDS"), alerts=paths.setting("TRADEWATCH_ALERTS"),
                   outbox=paths.setting("TRADEWATCH_OUTBOX"))


@dataclass
class CycleReport:
    cycle_id: str
    documents_new: int = 0
    feeds_ok: int = 0
    feeds_failed: int = 0
    events_accepted: int = 0
    events_quarantined: int = 0
    developments_new: int = 0
    alerts_created: int = 0
    alerts_sent: int = 0
    alerts_pending: int = 0
    alerts_failed: int = 0
    reextracted_documents: int = 0
    problems: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return dict(self.__dict__)
