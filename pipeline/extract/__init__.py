"""Rule-based event extractor: a Document in, its trade-talk Events out.

Pure and deterministic: the same document and EXTRACTOR_VERSION always give
the same events with the same ids. Data files (gazetteer, lexicon) are loaded
once and cached.
"""
from __future__ import annotations

import datetime as dt

from ..ids import stable_id
from ..models import Document, Event, Evidence
from . import dates as D
from .actors import find_actors
from .merge import merge_mentions
from .resources import reset_caches, word_keys
from .rules import Mention, find_commodities, may_state_event, sentence_mentions
from .sentences import split_sentences

EXTRACTOR_VERSION = "rules-1.0.1"

__all__ = ["EXTRACTOR_VERSION", "extract"]

_EFFECT_TRIGGER = ("took effect", "takes effect", "came into force", "comes into force", "kicked in", "kicks in")


def extract(document: Document) -> list[Event]:
    reset_caches()
    body = document.body or ""
    pub = document.published_at.date()
    sentences = split_sentences(body)
    sent_actors = [find_actors(s.text) for s in sentences]
    codes = {a.code for acts in sent_actors for a in acts if a.is_party}
    bilateral = {"US", "CN"} <= codes

    # Dates are parsed lazily: only for sentences that may state an event, and
    # for the sentences before them that supply a relative date's anchor
    # ("the previous day") or a mention's inherited date.
    dates_of: list = [None] * len(sentences)

    def dates(i: int) -> list:
        got = dates_of[i]
        if got is None:
            got = dates_of[i] = D.find_dates(sentences[i].text, pub, lambda: anchor_before(i))
        return got

    def last_occurred(i: int):
        occ = [d for d in dates(i) if d.role == "occurred"]
        return occ[-1] if occ else None

    def anchor_before(i: int):
        for j in range(i - 1, -1, -1):
            d = last_occurred(j)
            if d is not None:
                return d.value
        return None

    mentions: list[Mention] = []
    for si, s in enumerate(sentences):
        if not may_state_event(s.text):
            continue
        here = dates(si)
        ms = sentence_mentions(s.text, si, pub, None, bilateral, here, sent_actors[si])
        if not ms:
            continue
        prev_last = last_occurred(si - 1) if si else None
        same_paragraph = si > 0 and "\n" not in body[sentences[si - 1].end:s.start]
        for m in ms:
            if prev_last is not None and same_paragraph:
                m.extra["inherit"] = prev_last
            trig = s.text[m.t_start:m.t_end].lower()
            if m.occurred is None and m.effective is not None and trig in _EFFECT_TRIGGER:
                m.occurred = m.effective
            if m.event_type == "export_control" and m.commodity is None:
                if si == 0:
                    continue
                prev = sentences[si - 1].text
                comms = find_commodities(prev, (0, len(prev)), 0, word_keys(prev))
                if len(comms) != 1:
                    continue
                m.commodity = comms[0]
                m.confidence = 0.6
            mentions.append(m)

    mentions = [m for m in mentions if not (m.event_type == "export_control" and m.commodity is None)]
    groups = merge_mentions(mentions, pub)
    events = [_event(document, g, sentences) for g in groups]
    events = [e for e in events if e is not None]
    # deterministic order, unique ids
    seen, out = set(), []
    for e in events:
        if e.event_id in seen:
            continue
        seen.add(e.event_id)
        out.append(e)
    return out


def _event(document: Document, group: list[Mention], sentences) -> Event | None:
    dated = [m for m in group if m.occurred is not None]
    head = min(dated, key=lambda m: (m.date_source != "text", D_RANK[m.occurred.precision],
                                     (m.occurred.hi - m.occurred.lo).days, m.sent)) if dated else group[0]
    etype = head.event_type
    occurred = head.occurred.value if head.occurred else None
    precision = head.occurred.precision if head.occurred else None
    effective = next((m.effective.value for m in group if m.effective is not None), None)
    deadline = None
    if etype == "tariff_deadline":
        deadline = next((m.deadline for m in group if m.deadline is not None), None)
        if deadline is None:
            for m in group:
                dur = m.extra.get("duration")
                if dur is not None and occurred is not None:
                    deadline = D.add_duration(occurred, dur)
                    break
        if deadline is None:
            return None
    rate = next((m.rate for m in group if m.rate is not None), None) if etype == "tariff_change" else None
    commodity = next((m.commodity for m in group if m.commodity), None)
    if etype == "export_control" and commodity is None:
        return None
    location = next((m.location for m in group if m.location), None) if etype in ("talks", "leader_contact") else None
    actor = head.actor or next((m.actor for m in group if m.actor), None)
    if actor in ("US", "CN"):
        actors = (actor, "CN" if actor == "US" else "US")
    elif actor:
        actors = (actor,)
    else:
        actors = ("US", "CN")
    action = head.action
    idxs = sorted({m.sent for m in group})
    evidence = tuple(Evidence(sentences[i].text, sentences[i].start, sentences[i].end) for i in idxs)
    conf = max(m.confidence for m in group) + 0.05 * (len(idxs) - 1)
    conf = round(min(0.95, conf), 3)
    from . import EXTRACTOR_VERSION as version
    event_id = stable_id("ev", document.document_id, version, etype, action, occurred, deadline,
                         commodity, rate, actors)
    return Event(
        event_id=event_id,
        document_id=document.document_id,
        extractor_version=version,
        event_type=etype,
        action=action,
        occurred_on=occurred,
        effective_on=effective,
        deadline=deadline,
        commodity=commodity,
        rate_pct=rate,
        actors=actors,
        location=location,
        date_precision=precision,
        evidence=evidence,
        confidence=conf,
    )


D_RANK = {"day": 0, "week": 1, "month": 2, "approx": 3}
