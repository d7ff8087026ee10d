"""Modality: conditionals, speculation, expectations, negation and opinion.

A trigger is not an event when one of these cues governs it: a cue shortly
before it inside its clause, a conditional that opens the sentence, or an
"if/unless" clause right after it.
"""
from __future__ import annotations

import functools
import re

from .resources import lexicon


@functools.lru_cache(maxsize=None)
def _cues() -> dict[str, re.Pattern]:
    mod = lexicon()["modality"]
    out = {}
    for key in ("conditional", "speculation", "expectation", "negation", "opinion"):
        out[key] = re.compile(r"(?<![\w-])(?:" + "|".join(mod[key]) + r")(?![\w])", re.I)
    out["opening"] = re.compile(r"^\W*(?:if|unless|without|should|were|in\s+case|once\s+the)\b", re.I)
    out["after"] = re.compile(r"^[^;:]{0,80}?\b(?:if|unless|provided\s+(?:that|they)|depending\s+on)\b", re.I)
    out["modal_after"] = re.compile(r"^[^;:,]{0,45}?\b(?:might|could|(?-i:may)|would\s+be|can\s+be|is\s+expected|are\s+expected)\b", re.I)
    return out


def window() -> int:
    return int(lexicon()["modality"].get("window", 90))


_PLANNED = re.compile(r"\b(?:planned|scheduled|upcoming|agreed|announced)\b")


def irrealis(sentence: str, clause_start: int, trigger_start: int, trigger_end: int,
             clause_end: int) -> str | None:
    """The kind of cue that blocks the trigger, or None when it is asserted.

    A noun phrase that itself says the happening is planned ("his planned
    meeting with Xi") is asserted even under a modal verb ("might call off his
    planned meeting"); only negation right before it blocks it.
    """
    cues = _cues()
    if cues["opening"].search(sentence):
        return "conditional"
    # a colon continues the thought of its sentence ("might lock in a bargain: ...")
    colon = sentence.rfind(": ", 0, trigger_start)
    if colon >= 0:
        head = sentence[:colon]
        for key in ("conditional", "speculation", "expectation"):
            if cues[key].search(head):
                return key
    planned = _PLANNED.search(sentence[max(0, trigger_start - 25):min(len(sentence), trigger_end + 25)])
    lo = max(clause_start, trigger_start - window())
    before = sentence[lo:trigger_start]
    # negation must be close to the trigger
    neg_before = sentence[max(clause_start, trigger_start - 35):trigger_start]
    if cues["negation"].search(neg_before):
        return "negation"
    if planned:
        return None
    for key in ("conditional", "speculation", "opinion"):
        if cues[key].search(before):
            return key
    if cues["expectation"].search(sentence[max(clause_start, trigger_start - 50):trigger_start]):
        return "expectation"
    if cues["after"].search(sentence[trigger_end:clause_end]):
        return "conditional"
    if cues["modal_after"].search(sentence[trigger_end:clause_end]):
        return "speculation"
    return None
