"""Merge the mentions of one happening in one document into one event.

Two dated mentions are the same happening when they have the same type, agree
on the type's identity keys (acting country, direction, rate, commodity,
location, deadline) and their date intervals overlap. An undated mention joins
the compatible dated group nearest to it; one that finds none is dated by the
publication day when it is in the present or future tense, and dropped
otherwise (a background mention with no date cannot be placed).
"""
from __future__ import annotations

import datetime as dt
import re

from . import dates as D
from .rules import DIRECTION, Mention

PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "approx": 3}


_ONE_DAY = dt.timedelta(days=1)


def _overlap(a: Mention, b: Mention, slack: int = 0) -> bool:
    """Whether the date intervals of ``a`` and ``b`` overlap, widened by ``slack``
    days (0 or 1); an undated mention overlaps anything. (The intervals are read
    in place and the one-day slack is a constant: merging compares mentions
    pairwise, so no tuple or timedelta is built per comparison.)"""
    oa, ob = a.occurred, b.occurred
    if oa is None or ob is None:
        return True
    if slack == 0:
        return oa.lo <= ob.hi and ob.lo <= oa.hi
    s = _ONE_DAY if slack == 1 else dt.timedelta(days=slack)
    return oa.lo - s <= ob.hi and ob.lo - s <= oa.hi


def _compatible(a: Mention, b: Mention) -> bool:
    if a.event_type != b.event_type:
        return False
    t = a.event_type
    if t == "tariff_deadline":
        # each government's own extension is its own event (US on Aug. 11, China on Aug. 12)
        if a.actor and b.actor and a.actor != b.actor:
            return False
        if a.deadline is None or b.deadline is None:
            return a.deadline is None and b.deadline is None and _overlap(a, b)
        return abs((a.deadline - b.deadline).days) <= 3
    if t in ("tariff_change", "export_control"):
        if a.actor and b.actor and a.actor != b.actor:
            return False
        if DIRECTION.get(a.action) != DIRECTION.get(b.action):
            return False
        if t == "tariff_change" and a.rate is not None and b.rate is not None and a.rate != b.rate:
            return False
        if t == "export_control" and a.commodity != b.commodity:
            return False
        if (t == "export_control" and a.action != b.action and a.sent != b.sent
                and a.date_source == b.date_source == "published"):
            return False  # separate easing steps listed one by one (suspend; issue general licences)
        return _overlap(a, b)
    if t == "talks":
        if a.location and b.location and a.location != b.location:
            return False
        return _overlap(a, b, slack=1)
    if t == "leader_contact":
        return a.action == b.action and _overlap(a, b, slack=1)
    if t == "agreement":
        return a.action == b.action and _overlap(a, b)
    return False


def _best_date(group: list[Mention]) -> Mention | None:
    dated = [m for m in group if m.occurred is not None]
    if not dated:
        return None
    return min(dated, key=lambda m: (m.date_source != "text", PRECISION_RANK[m.occurred.precision],
                                     (m.occurred.hi - m.occurred.lo).days, m.sent))


_FURTHER = re.compile(r"\b(?:another|a\s+further|an\s+additional|further)\b", re.I)


def extended_deadline(anchor: dt.date, dur, standing, start: dt.date | None = None) -> dt.date:
    """The deadline a duration gives. "for 90 days" runs from the day the step
    applies (``start``: "cut ... from May 14", said next to it) or else from the
    anchor (the day of the step); "for another year" / "a further 90 days" adds
    to the clock already running: it runs from the current deadline when the
    document states one (a stated deadline not yet past on the anchor day and
    earlier than anchor + duration), else from ``start`` or the anchor."""
    plain = D.add_duration(anchor, dur)
    if _FURTHER.search(getattr(dur, "text", "") or ""):
        current = [d for d in standing if d is not None and anchor <= d < plain]
        if current:
            return D.add_duration(min(current), dur)
    return D.add_duration(start, dur) if start is not None else plain


def _start_day(m: Mention, mentions: list[Mention]) -> dt.date | None:
    """The day a period stated next to ``m`` starts: the nearest effective date of
    a mention in its sentence or the one before or after it, on or up to two weeks
    after ``m``'s day ("cut their tariffs to 10% from May 14. ... suspended for an
    initial period of 90 days")."""
    day = m.occurred.value
    cands = [(abs(x.sent - m.sent), x.effective.value) for x in mentions
             if x.effective is not None and abs(x.sent - m.sent) <= 1
             and day <= x.effective.value <= day + dt.timedelta(days=14)]
    return min(cands)[1] if cands else None


def _inherited(m: Mention, last_occurred) -> D.DateMention | None:
    """The date ``m`` inherits from the sentence before it: stated, or (``inherit_from``)
    that sentence's last occurred date, looked up only now that it is needed."""
    got = m.extra.get("inherit")
    if got is None and last_occurred is not None and m.extra.get("inherit_from") is not None:
        got = m.extra["inherit"] = last_occurred(m.extra["inherit_from"])
    return got


def merge_mentions(mentions: list[Mention], pub: dt.date, last_occurred=None) -> list[list[Mention]]:
    """Group the document's mentions into happenings (see the module's doc).
    ``last_occurred(i)``: the last occurred date of sentence ``i``, for a mention's
    ``inherit_from`` (the extractor defers that look-up to here)."""
    groups: list[list[Mention]] = []
    undated: list[Mention] = []
    standing = [m.deadline for m in mentions
                if m.event_type == "tariff_deadline" and m.deadline is not None and not m.extra.get("computed")]
    for m in mentions:  # deadlines from a duration need the event's date
        if m.event_type == "tariff_deadline" and m.deadline is None and m.occurred is not None and m.extra.get("duration"):
            m.deadline = extended_deadline(m.occurred.value, m.extra["duration"], standing, _start_day(m, mentions))
    for m in mentions:
        if (m.occurred is None and m.extra.get("heading") is not None and not m.extra.get("state")
                and m.tense != "future" and not m.extra.get("reference")):
            # a timeline item's date governs the steps listed under it
            m.occurred = m.extra["heading"]
            m.date_source = "inherited"
            m.confidence = min(m.confidence, 0.6)
        if (m.occurred is None and m.extra.get("sibling") is not None
                and m.event_type in ("agreement", "tariff_change", "export_control") and m.tense != "future"
                and m.extra.get("past_verb") and not _near_group(m, mentions)):
            # a step told with a past verb and no dated mention of its kind nearby
            # to join: the day of the happening before it in its sentence
            m.occurred = m.extra["sibling"]
            m.date_source = "sentence"
            m.confidence = min(m.confidence, 0.5)
        if m.occurred is None:
            undated.append(m)
            continue
        _place(m, groups)
    leftovers: list[Mention] = []
    for m in undated:
        cands = []
        for g in groups:
            if g[0].event_type != m.event_type or not all(_compatible(m, x) for x in g):
                continue
            head = _best_date(g)
            if head is not None and head.occurred.lo > pub and m.tense != "future":
                continue  # a present/past mention is not the future happening
            cands.append((min(abs(x.sent - m.sent) for x in g), g))
        if cands:
            min(cands, key=lambda c: c[0])[1].append(m)
        else:
            leftovers.append(m)
    for m in leftovers:
        if m.extra.get("reference") and m.event_type in ("tariff_change", "export_control"):
            continue  # an undated "the pause" refers to a standing measure, it reports no step
        if m.extra.get("effect_only"):
            continue  # "fall under licensing on Nov. 8" alone: when a measure applies, not a step
        if m.extra.get("presupposed"):
            continue  # an undated "since the Busan meeting" names a meeting, it does not report one
        sd = m.extra.get("sentence_date")
        if sd is not None and m.tense == "future" and sd.hi < pub:
            sd = None  # "will suspend its September rule": a past date names the measure, not the step
        if sd is not None and not m.extra.get("state"):
            m.occurred = m.extra["sentence_date"]
            m.date_source = "sentence"
            m.confidence = min(m.confidence, 0.6)
        elif (m.extra.get("reported_past") and m.tense == "future"
              and (inherit := _inherited(m, last_occurred)) is not None and inherit.lo <= pub):
            # "Rewind to Wednesday, November 5. China's tariff commission announced
            # it would remove ...": a step announced in the past for later is dated
            # by the report, which its paragraph dates, not by publication
            m.occurred = inherit
            m.date_source = "inherited"
            m.confidence = min(m.confidence, 0.5)
        elif m.extra.get("state") or (m.tense in ("present", "future") and m.event_type not in ("talks",)) or (
                m.extra.get("reported_now") and m.event_type in ("agreement", "tariff_change", "export_control")):
            # a present-tense report ("the ministry says ... reached") is news of the
            # day: the day the document's lead reports ("agreed on Monday ...
            # America will lower its levy"), else the day of publication
            if m.extra.get("news_day") is not None and m.tense == "future" and not m.extra.get("state"):
                m.occurred = m.extra["news_day"]
                m.date_source = "inherited"
                m.confidence = min(m.confidence, 0.5)
            else:
                m.occurred = D.DateMention(0, 0, "", pub, pub, pub, "approx", "occurred")
                m.date_source = "published"
                m.confidence = min(m.confidence, 0.55)
        elif (m.extra.get("sibling") is not None and m.event_type == "tariff_deadline"
              and m.extra.get("duration") is not None):
            # "on May 12 announced a deal: both sides cut their rates to 10% for
            # 90 days": the period starts with the sentence's own step, not with
            # the date of the sentence before
            m.occurred = m.extra["sibling"]
            m.date_source = "sentence"
            m.confidence = min(m.confidence, 0.5)
        elif (inherit := _inherited(m, last_occurred)) is not None and inherit.lo <= pub:
            m.occurred = inherit
            m.date_source = "inherited"
            m.confidence = min(m.confidence, 0.5)
        elif m.extra.get("weak") is not None:
            m.occurred = m.extra["weak"]
            m.date_source = "inherited"
            m.confidence = min(m.confidence, 0.5)
        elif m.extra.get("sibling") is not None and m.event_type in ("agreement", "tariff_change", "export_control"):
            m.occurred = m.extra["sibling"]
            m.date_source = "sentence"
            m.confidence = min(m.confidence, 0.5)
        elif m.event_type == "talks" and m.extra.get("venue_tight") and not m.extra.get("needs_date"):
            # a named round ("the London trade talks") happened, though the
            # text does not say when: kept, dated only roughly
            m.occurred = D.DateMention(0, 0, "", pub, pub, pub, "approx", "occurred")
            m.date_source = "published"
            m.confidence = min(m.confidence, 0.45)
        elif m.event_type == "tariff_deadline" and m.deadline is not None:
            m.occurred = D.DateMention(0, 0, "", pub, pub, pub, "approx", "occurred")
            m.date_source = "published"
            m.confidence = min(m.confidence, 0.5)
        else:
            continue
        if m.event_type == "tariff_deadline" and m.deadline is None and m.extra.get("duration"):
            m.deadline = extended_deadline(m.occurred.value, m.extra["duration"], standing, _start_day(m, mentions))
        if m.event_type == "talks" and m.extra.get("first_day_offset") and m.date_source in ("inherited", "sentence"):
            m.occurred = D.shift(m.occurred, m.extra["first_day_offset"])
        if m.event_type == "talks" and m.extra.get("needs_date") and m.date_source != "text":
            continue
        _place(m, groups)
    groups.sort(key=lambda g: min(x.sent for x in g))
    return groups


def _near_group(m: Mention, mentions: list[Mention]) -> bool:
    """Whether a dated mention compatible with ``m`` stands within two sentences of it."""
    return any(x is not m and x.occurred is not None and abs(x.sent - m.sent) <= 2 and _compatible(m, x)
               for x in mentions)


def _place(m: Mention, groups: list[list[Mention]]) -> None:
    """Add a mention to the first group it is compatible with throughout, else start a group."""
    etype = m.event_type
    for g in groups:
        # (a group of another type fails on its first mention: skipped without
        # the generator; groups are never empty)
        if g[0].event_type == etype and all(_compatible(m, x) for x in g):
            g.append(m)
            return
    groups.append([m])
