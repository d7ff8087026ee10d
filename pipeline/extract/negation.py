"""Modality: conditionals, speculation, expectations, negation and opinion.

A trigger is not an event when one of these cues governs it: a cue shortly
before it inside its clause, a conditional that opens the sentence, or an
"if/unless" clause right after it.
"""
from __future__ import annotations

import functools
import re

from .resources import per_document_cache, has_span, lexicon, spans, word_regex


@functools.lru_cache(maxsize=None)
def _cues() -> dict:
    mod = lexicon()["modality"]
    out = {}
    for key in ("conditional", "speculation", "expectation", "negation", "opinion"):
        pats = mod[key]
        # case-sensitive cues ("(?-i:may)": not the month) are kept apart
        cased = [re.sub(r"^\(\?-i:(.*)\)$", r"\1", p) for p in pats if p.startswith("(?-i:")]
        out[key] = (word_regex([p for p in pats if not p.startswith("(?-i:")]),
                    word_regex(cased, flags=0) if cased else None)
    out["opening"] = re.compile(r"^\W*(?:if|unless|without|should|were|in\s+case|once\s+the)\b", re.I)
    # only "if" after the trigger makes it conditional; "unless extended",
    # "provided they comply with the law" qualify an asserted step
    out["after"] = re.compile(r"[^;:]{0,80}?\bif\b", re.I)
    out["modal_after"] = re.compile(r"[^;:,]{0,45}?\b(?:might|could|(?-i:may)|would\s+be|can\s+be|is\s+expected|are\s+expected)\b", re.I)
    return out


def window() -> int:
    return _window()


@functools.lru_cache(maxsize=None)
def _window() -> int:
    return int(lexicon()["modality"].get("window", 90))


_PLANNED = word_regex([r"planned", r"scheduled", r"upcoming", r"agreed", r"announced"], flags=0)


_SCOPE_BREAK = re.compile(r"\b(?:after|following|since|before|ahead\s+of)\s+(?:the|a|an|his|her|their|its|last|this)\b(?![^,;]*\b(?:if|unless)\b)", re.I)


_PLANNED_NP = re.compile(r"\s+(?:(?:with|between)\s+(?:[A-Z][\w.'-]*|and|the|Chinese|American|U\.S\.)(?:\s+(?:[A-Z][\w.'-]*|and|Chinese|American))*\s+)(?:planned|scheduled|slated)\b")


def _found(key: str, sentence: str) -> tuple[tuple[int, int], ...]:
    """The spans of one cue class in ``sentence``, memoised per document."""
    k = (key, sentence)
    got = _FOUND.get(k)
    if got is not None:
        return got
    rx, cased = _cues()[key]
    got = spans(rx, sentence)
    if cased is not None:
        extra = spans(cased, sentence)
        if extra:
            got = tuple(sorted(got + extra))
    if len(_FOUND) > 8192:
        _FOUND.clear()
    _FOUND[k] = got
    return got


_FOUND: dict = per_document_cache({})


_OPENING: dict[str, bool] = per_document_cache({})


def _opens_conditional(sentence: str) -> bool:
    r = _OPENING.get(sentence)
    if r is None:
        if len(_OPENING) > 4096:
            _OPENING.clear()
        r = _OPENING[sentence] = _cues()["opening"].search(sentence) is not None
    return r


def irrealis(sentence: str, clause_start: int, trigger_start: int, trigger_end: int,
             clause_end: int) -> str | None:
    """The kind of cue that blocks the trigger, or None when it is asserted.

    A noun phrase that itself says the happening is planned ("his planned
    meeting with Xi") is asserted even under a modal verb ("might call off his
    planned meeting"); only negation right before it blocks it. Cue matches
    are computed once per sentence; each trigger checks the windows around it.
    """
    if _opens_conditional(sentence):
        return "conditional"
    # a colon continues the thought of its sentence ("might lock in a bargain: ...")
    colon = sentence.rfind(": ", 0, trigger_start)
    if colon >= 0:
        for key in ("conditional", "speculation", "expectation"):
            if has_span(_found(key, sentence), 0, colon):
                return key
    planned = has_span(spans(_PLANNED, sentence), max(0, trigger_start - 25), trigger_end + 25)
    if not planned and ("planned" in sentence or "scheduled" in sentence or "slated" in sentence):
        # "the meeting between Trump and Xi planned for later this month": a
        # participle inside the noun phrase, before any comma or verb group
        m = _PLANNED_NP.match(sentence, trigger_end)
        planned = m is not None
    lo = max(clause_start, trigger_start - window())
    # a temporal preposition opens a phrase whose happening is presupposed, out
    # of reach of a modal before it ("more than investors had dared to hope
    # for after the weekend talks", "could retaliate after Washington raised")
    for b_start, b_end in spans(_SCOPE_BREAK, sentence):
        if b_start >= trigger_start:
            break
        if b_start >= lo:
            lo = b_end
    # negation must be close to the trigger
    if has_span(_found("negation", sentence), max(lo, trigger_start - 35), trigger_start):
        return "negation"
    if planned:
        return None
    for key in ("conditional", "speculation", "opinion"):
        if has_span(_found(key, sentence), lo, trigger_start):
            return key
    if has_span(_found("expectation", sentence), max(lo, trigger_start - 50), trigger_start):
        return "expectation"
    cues = _cues()
    if cues["after"].match(sentence, trigger_end, clause_end):
        return "conditional"
    if cues["modal_after"].match(sentence, trigger_end, clause_end):
        return "speculation"
    return None
