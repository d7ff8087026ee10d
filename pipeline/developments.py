"""Developments: events resolved to real-world happenings by TAXONOMY.md's identity rules.

A pure fold over events in append order. A development is identified by its
first event's id. A new event joins the first development it is "the same
development" as (compared with every mention the development holds, since
outlets date and word one happening differently); otherwise it starts one.
"""
from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from pipeline.models import Event

TIGHTENING = {"impose", "raise", "reinstate", "tighten"}
EASING = {"lower", "suspend", "remove", "ease", "lift", "approve"}

# Days of tolerance when comparing dates, per event type (TAXONOMY.md).
TOLERANCE_DAYS = {
    "tariff_change": 7,
    "tariff_deadline": 3,
    "export_control": 7,
    "talks": 3,
    "leader_contact": 3,
    "agreement": 7,
}

HIGH_PRIORITY_COMMODITIES = {"rare_earths", "critical_minerals"}


def direction(action: str) -> str:
    if action in TIGHTENING:
        return "tightening"
    if action in EASING:
        return "easing"
    return action  # "threaten" stands alone; other types' actions are their own


def date_span(day: dt.date | None, precision: str | None) -> tuple[dt.date, dt.date] | None:
    """The interval a stated date stands for: a week or month is widened to the whole of it."""
    if day is None:
        return None
    if precision == "week":
        start = day - dt.timedelta(days=day.weekday())
        return start, start + dt.timedelta(days=6)
    if precision == "month":
        last = calendar.monthrange(day.year, day.month)[1]
        return day.replace(day=1), day.replace(day=last)
    if precision == "approx":
        return day - dt.timedelta(days=5), day + dt.timedelta(days=5)
    return day, day


def within(a: tuple[dt.date, dt.date] | None, b: tuple[dt.date, dt.date] | None, days: int) -> bool:
    if a is None or b is None:
        return False
    slack = dt.timedelta(days=days)
    return a[0] - slack <= b[1] and b[0] - slack <= a[1]


def acting(event: Event) -> str | None:
    return event.actors[0] if event.actors else None


def event_date(event: Event) -> dt.date | None:
    return event.effective_on or event.occurred_on


def same_development(new: Event, old: Event) -> bool:
    """TAXONOMY.md's "same development" test for two events of the store."""
    if new.event_type != old.event_type:
        return False
    t = new.event_type
    tol = TOLERANCE_DAYS[t]
    occ_new = date_span(new.occurred_on, new.date_precision)
    occ_old = date_span(old.occurred_on, old.date_precision)
    if t == "tariff_deadline":
        return within(date_span(new.deadline, "day"), date_span(old.deadline, "day"), tol)
    if t == "tariff_change":
        if acting(new) != acting(old) or direction(new.action) != direction(old.action):
            return False
        if new.rate_pct is not None and old.rate_pct is not None and new.rate_pct != old.rate_pct:
            return False
        eff_new = date_span(new.effective_on, "day") if new.effective_on else None
        eff_old = date_span(old.effective_on, "day") if old.effective_on else None
        return (within(eff_new, eff_old, tol) or within(occ_new, occ_old, tol)
                or within(eff_new, occ_old, tol) or within(occ_new, eff_old, tol))
    if t == "export_control":
        return (acting(new) == acting(old) and new.commodity == old.commodity
                and direction(new.action) == direction(old.action) and within(occ_new, occ_old, tol))
    if t == "talks":
        if new.location and old.location:
            return new.location.casefold() == old.location.casefold()
        return within(occ_new, occ_old, tol)
    if t == "leader_contact":
        return new.action == old.action and within(occ_new, occ_old, tol)
    if t == "agreement":
        return within(occ_new, occ_old, tol)
    return False


def _same_keys_undated(new: Event, old: Event) -> bool:
    """For an undated mention: same development on every key but the date."""
    if new.event_type != old.event_type:
        return False
    if new.event_type == "tariff_change":
        return (acting(new) == acting(old) and direction(new.action) == direction(old.action)
                and (new.rate_pct is None or old.rate_pct is None or new.rate_pct == old.rate_pct))
    if new.event_type == "export_control":
        return (acting(new) == acting(old) and new.commodity == old.commodity
                and direction(new.action) == direction(old.action))
    if new.event_type == "talks":
        return bool(new.location and old.location and new.location.casefold() == old.location.casefold())
    return False


def is_dated(event: Event) -> bool:
    if event.event_type == "tariff_deadline":
        return event.deadline is not None
    return event.occurred_on is not None or event.effective_on is not None


@dataclass
class Development:
    development_id: str
    first: Event
    mentions: list[Event] = field(default_factory=list)

    def matches(self, event: Event) -> bool:
        if not is_dated(event):
            return any(_same_keys_undated(event, m) for m in self.mentions)
        if self.first.event_type == "tariff_change" and event.rate_pct is not None:
            stated = next((m.rate_pct for m in self.mentions if m.rate_pct is not None), None)
            if stated is not None and stated != event.rate_pct:
                return False
        return any(same_development(event, m) for m in self.mentions if is_dated(m))


@dataclass(frozen=True)
class Resolution:
    event: Event
    development_id: str
    is_first: bool


def resolve(history: Iterable[Event], development_of: dict[str, str],
            new_events: Iterable[Event]) -> tuple[list[Resolution], dict[str, Development]]:
    """Fold `history` (already resolved, in append order) then resolve `new_events`.

    `development_of` maps each history event to its recorded development, so
    a re-run resolves exactly as before. Returns the new events' resolutions
    and every development.
    """
    developments: dict[str, Development] = {}
    for event in history:
        dev_id = development_of.get(event.event_id, event.event_id)
        dev = developments.get(dev_id)
        if dev is None:
            dev = developments[dev_id] = Development(dev_id, event)
        dev.mentions.append(event)
    out = []
    for event in new_events:
        match = next((d for d in developments.values() if d.first.event_type == event.event_type
                      and d.matches(event)), None)
        if match is None:
            match = developments[event.event_id] = Development(event.event_id, event)
            out.append(Resolution(event, event.event_id, True))
        else:
            out.append(Resolution(event, match.development_id, False))
        match.mentions.append(event)
    return out, developments


def priority(event: Event) -> str:
    """TAXONOMY.md's default alert priority of a development's first event."""
    if event.event_type == "export_control":
        return "high" if event.commodity in HIGH_PRIORITY_COMMODITIES else "normal"
    if event.event_type in ("tariff_deadline", "tariff_change", "agreement"):
        return "high"
    return "normal"
