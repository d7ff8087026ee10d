"""How a new development changes what the store already knew, in one line an editor reads.

"deadline moved from 2025-08-12 to 2025-11-10", "US fentanyl tariff lowered
from 20% to 10%", "rare-earth controls of 9 October suspended". Pure
functions over developments (see :mod:`pipeline.developments`); when the
history gives no safe comparison they say nothing rather than guess.
"""
from __future__ import annotations

import functools
import re
from importlib import resources

import yaml

from pipeline.developments import EASING, TIGHTENING, Development
from pipeline.models import Event

COUNTRY = {"US": "US", "CN": "China"}
COMMODITY_LABEL = {
    "rare_earths": "rare-earth", "critical_minerals": "critical-mineral",
    "semiconductors": "chip", "technology": "technology", "agriculture": "farm",
    "energy": "energy", "other": "export",
}
PAST = {"impose": "imposed", "raise": "raised", "lower": "lowered", "suspend": "suspended",
        "reinstate": "reinstated", "remove": "removed", "threaten": "threatened", "tighten": "tightened",
        "ease": "eased", "lift": "lifted", "approve": "licences approved"}


@functools.cache
def _measures() -> list[tuple[str, str, re.Pattern]]:
    data = yaml.safe_load(resources.files("pipeline").joinpath("data/measures.yaml").read_text("utf-8"))
    out = []
    for name, spec in data.items():
        alternation = "|".join(re.escape(p) for p in spec["phrases"])
        out.append((name, spec["label"], re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])", re.I)))
    return out


def measure_of(event: Event) -> tuple[str, str] | None:
    """The named tariff measure an event's evidence speaks of: (name, label), or None."""
    text = " ".join(e.text for e in event.evidence)
    found = [(name, label) for name, label, pattern in _measures() if pattern.search(text)]
    return found[0] if len(found) == 1 else None


def story_key(event: Event) -> str:
    """Alerts about one story thread together in the editor's mail client."""
    actor = event.actors[0] if event.actors else "XX"
    if event.event_type == "tariff_deadline":
        return "tariff_deadline"
    if event.event_type == "tariff_change":
        measure = measure_of(event)
        return f"tariff_change:{actor}:{measure[0] if measure else 'tariffs'}"
    if event.event_type == "export_control":
        return f"export_control:{actor}:{event.commodity or 'other'}"
    return "talks"  # talks, leader contacts and agreements are one negotiation track


def _earlier(developments: dict[str, Development], development_id: str) -> list[Development]:
    """Developments recorded before this one, oldest first (dict order is fold order)."""
    out = []
    for dev_id, dev in developments.items():
        if dev_id == development_id:
            break
        out.append(dev)
    return out


def _day(d) -> str:
    return f"{d.day} {d.strftime('%B')}"


def what_changed(event: Event, developments: dict[str, Development], development_id: str) -> str | None:
    earlier = _earlier(developments, development_id)
    if event.event_type == "tariff_deadline" and event.deadline:
        previous = [d.first.deadline for d in earlier
                    if d.first.event_type == "tariff_deadline" and d.first.deadline
                    and d.first.deadline != event.deadline]
        if not previous:
            return None
        before, after = previous[-1].isoformat(), event.deadline.isoformat()
        if event.action in ("extend", "shorten"):
            return f"deadline moved from {before} to {after}"
        if event.action == "expire":
            return f"deadline of {after} reached (earlier deadline {before})"
        return f"new deadline {after} (was {before})"

    if event.event_type == "tariff_change" and event.rate_pct is not None and event.action != "threaten":
        measure = measure_of(event)
        if measure is None:
            return None
        actor = event.actors[0] if event.actors else None
        previous = [m.rate_pct for d in earlier for m in d.mentions[:1]
                    if m.event_type == "tariff_change" and m.rate_pct is not None and m.action != "threaten"
                    and (m.actors[:1] or (None,))[0] == actor and measure_of(m) == measure
                    and m.rate_pct != event.rate_pct]
        if not previous:
            return None
        verb = "raised" if event.rate_pct > previous[-1] else "lowered"
        return (f"{COUNTRY.get(actor, actor)} {measure[1]} {verb} from {previous[-1]:g}% "
                f"to {event.rate_pct:g}%")

    if event.event_type == "export_control" and event.action in EASING:
        actor = event.actors[0] if event.actors else None
        previous = [d.first for d in earlier
                    if d.first.event_type == "export_control" and d.first.action in TIGHTENING
                    and d.first.commodity == event.commodity
                    and (d.first.actors[:1] or (None,))[0] == actor and d.first.occurred_on]
        if not previous:
            return None
        label = COMMODITY_LABEL.get(event.commodity or "other", "export")
        return f"{label} controls of {_day(previous[-1].occurred_on)} {PAST.get(event.action, event.action)}"
    return None
