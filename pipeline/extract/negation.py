"""Modality: conditionals, speculation, expectations, negation and opinion.

A trigger is not an event when one of these cues governs it: a cue shortly
before it inside its clause, a conditional that opens the sentence, or an
"if/unless" clause right after it.
"""
from __future__ import annotations

import functools
import re

from .resources import Gated, match_span, per_document_cache, has_span, lexicon, spans, text_index, word_keys, word_regex


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
    out["modal_after"] = re.compile(r"[^;:,]{0,45}?\b(?:might|could|(?-i:may)|would\s+(?:then\s+|now\s+|also\s+)?be|can\s+be|(?:is|are)\s+(?:now\s+|still\s+|widely\s+|also\s+|generally\s+){0,2}expected)\b", re.I)
    # a happening the clause goes on to call only likely: "a meeting on the
    # sidelines of the APEC summit at the end of October is likely", "the
    # deadline is likely to be pushed back" (not a relative clause's: "talks
    # that produced a framework that is likely to be signed")
    out["likely_after"] = re.compile(
        r"(?:(?!\b(?:that|which|who)\b)[^;:,]){0,90}?\b(?:is|are)\s+(?:now\s+|still\s+|increasingly\s+|also\s+|seen\s+as\s+)?"
        r"(?:likely|unlikely|possible|uncertain|doubtful)\b", re.I)
    # a happening the clause goes on to deny or only float: "a call ... has not
    # taken place", "an extension ... has not been discussed", "a meeting has
    # been floated"
    out["unrealised_after"] = re.compile(
        r"(?P<gap>[^;:]{0,70}?)\b(?:(?:has|have|had|was|were|is|are)\s+(?:not|never)\s+(?:yet\s+)?(?:taken\s+place|happened|"
        r"materiali[sz]ed|occurred|been\s+(?:scheduled|arranged|confirmed|held|set|agreed|announced|discussed|decided))|"
        r"did\s+not\s+(?:take\s+place|happen|materiali[sz]e)|(?:has|have|had)\s+been\s+(?:floated|mooted|suggested))\b", re.I)
    return out


def window() -> int:
    return _window()


@functools.lru_cache(maxsize=None)
def _window() -> int:
    return int(lexicon()["modality"].get("window", 90))


_PLANNED = word_regex([r"planned", r"scheduled", r"upcoming", r"agreed", r"announced"], flags=0)


_SCOPE_BREAK = re.compile(r"\b(?:after|following|since|before|ahead\s+of)\s+(?:the|a|an|his|her|their|its|last|this)\b(?![^,;]*\b(?:if|unless)\b)", re.I)


_PLANNED_NP = re.compile(r"\s+(?:(?:with|between)\s+(?:[A-Z][\w.'-]*|and|the|Chinese|American|U\.S\.)(?:\s+(?:[A-Z][\w.'-]*|and|Chinese|American))*\s+)(?:planned|scheduled|slated)\b")


_CLASSES = ("conditional", "speculation", "expectation", "negation", "opinion")


def _found(key: str, sentence: str) -> tuple[tuple[int, int], ...]:
    """The spans of one cue class in ``sentence``, memoised per document."""
    return (_SENTENCE.get(sentence) or _sentence(sentence))[1][key]


def _spans(rx: Gated, sentence: str, low: str, idx, keys: frozenset) -> tuple[tuple[int, int], ...]:
    """``spans(rx, sentence)`` for a pattern of ``word_regex``, without Gated's memo layers.

    The sentence's results are memoised in _SENTENCE instead (``Gated.scan``
    is the body of ``Gated._remember`` without the memo); anything else goes through ``spans``.
    """
    if rx.fast is None or rx.gate is None or len(low) != len(sentence):
        return spans(rx, sentence)
    if rx.gate.isdisjoint(keys):
        return ()
    return tuple(map(match_span, rx.scan(sentence, low, idx)))


_OPENING: dict[str, bool] = per_document_cache({})


def _opens_conditional(sentence: str) -> bool:
    r = _OPENING.get(sentence)
    if r is None:
        if len(_OPENING) > 4096:
            _OPENING.clear()
        r = _OPENING[sentence] = _cues()["opening"].search(sentence) is not None
    return r


# the first three letters of the words a _SCOPE_BREAK match starts with
_BREAK_KEYS = frozenset({"aft", "fol", "sin", "bef", "ahe"})
# every match of _cues()["modal_after"] contains one of these, lower-cased
_MODAL_WORD = re.compile(r"might|could|may|would|can|expected")
_LIKELY_WORD = re.compile(r"likely|possible|uncertain|doubtful")

_SENTENCE: dict[str, tuple] = per_document_cache({})


def _sentence(sentence: str) -> tuple:
    """What the triggers of ``sentence`` read, computed once per document:

    (whether a conditional opens it, {cue class: spans}, the lower-cased text
    if ASCII else None, whether it contains "if", whether it contains a
    _MODAL_WORD, _PLANNED spans, whether a participle of _PLANNED_NP occurs,
    _SCOPE_BREAK spans, whether it contains a _LIKELY_WORD).
    """
    low, idx = text_index(sentence)
    keys = word_keys(sentence)
    cues = _cues()
    found = {}
    for key in _CLASSES:
        rx, cased = cues[key]
        got = _spans(rx, sentence, low, idx, keys)
        if cased is not None:
            extra = _spans(cased, sentence, low, idx, keys)
            if extra:
                got = tuple(sorted(got + extra))
        found[key] = got
    planned = _spans(_PLANNED, sentence, low, idx, keys)
    participle = "planned" in sentence or "scheduled" in sentence or "slated" in sentence
    if sentence.isascii():
        breaks = _scope_breaks(sentence, keys)
        # In ASCII text re.I is plain ASCII case folding, so a match of
        # "after" contains "if" and one of "modal_after" a _MODAL_WORD in ``low``.
        has_if = "if" in low
        has_modal = ("might" in low or "could" in low or "may" in low or "would" in low
                     or "can" in low or "expected" in low)  # _MODAL_WORD.search(low)
        has_likely = "likely" in low or "possible" in low or "uncertain" in low or "doubtful" in low
    else:
        low, breaks, has_if, has_modal, has_likely = None, spans(_SCOPE_BREAK, sentence), True, True, True
    if len(_SENTENCE) > 4096:
        _SENTENCE.clear()
    r = _SENTENCE[sentence] = (_opens_conditional(sentence), found, low, has_if, has_modal, planned,
                               participle, breaks, has_likely)
    return r


def _scope_breaks(sentence: str, keys: frozenset) -> tuple[tuple[int, int], ...]:
    r"""``spans(_SCOPE_BREAK, sentence)`` for ASCII text, trying the pattern only where it can start.

    In ASCII text a match starts a word (its ``\b``) with "after", "following",
    "since", "before" or "ahead": at an offset ``text_index`` lists under that
    word's first three letters. ``finditer`` finds nothing at other offsets
    and goes on from each match's end, as this loop does.
    """
    hit = _BREAK_KEYS.intersection(keys)
    if not hit:
        return ()
    at = text_index(sentence)[1].at
    match = _SCOPE_BREAK.match
    out = []
    pos = 0
    for i in sorted([i for k in hit for i in at[k]]):
        if i < pos:
            continue
        m = match(sentence, i)
        if m is not None:
            out.append(m.span())
            pos = m.end()
    return tuple(out)


_RELATIVE_OPEN = re.compile(r",\s+(?:which|that|who|whose)\b")


def irrealis(sentence: str, clause_start: int, trigger_start: int, trigger_end: int,
             clause_end: int, threat_from: int | None = None) -> str | None:
    """The kind of cue that blocks the trigger, or None when it is asserted.

    A noun phrase that itself says the happening is planned ("his planned
    meeting with Xi") is asserted even under a modal verb ("might call off his
    planned meeting"); only negation right before it blocks it. Cue matches
    are computed once per sentence; each trigger checks the windows around it.

    A threat states its own condition ("threatened a further 50% if Beijing
    did not withdraw its retaliation"): for a threat whose measure is named at
    ``threat_from``, an "if" clause after that measure is the threat's terms,
    not a doubt that it was made.
    """
    opening, found, low, has_if, has_modal, planned_spans, participle, breaks, has_likely = (
        _SENTENCE.get(sentence) or _sentence(sentence))
    if opening:
        return "conditional"
    # a colon continues the thought of its sentence ("might lock in a bargain: ...")
    colon = sentence.rfind(": ", 0, trigger_start)
    if colon >= 0:
        for key in ("conditional", "speculation", "expectation"):
            if has_span(found[key], 0, colon):
                return key
    planned = has_span(planned_spans, max(0, trigger_start - 25), trigger_end + 25)
    if not planned and participle:
        # "the meeting between Trump and Xi planned for later this month": a
        # participle inside the noun phrase, before any comma or verb group
        m = _PLANNED_NP.match(sentence, trigger_end)
        planned = m is not None
    lo = max(clause_start, trigger_start - window())
    # a temporal preposition opens a phrase whose happening is presupposed, out
    # of reach of a modal before it ("more than investors had dared to hope
    # for after the weekend talks", "could retaliate after Washington raised")
    for b_start, b_end in breaks:
        if b_start >= trigger_start:
            break
        if b_start >= lo:
            lo = b_end
    # negation must be close to the trigger
    if has_span(found["negation"], max(lo, trigger_start - 35), trigger_start):
        return "negation"
    # every match of "unrealised_after" contains "not", "never" or "been"
    tail = sentence[trigger_end:min(clause_end, trigger_end + 140)].lower()
    if "not" in tail or "never" in tail or "been" in tail:
        um = _cues()["unrealised_after"].match(sentence, trigger_end, clause_end)
        # inside a relative clause ("the pause, which is due to lapse on 12 August,
        # has not been discussed") the denial past the comma is the main clause's
        if um is not None and not ("," in um["gap"] and _RELATIVE_OPEN.search(sentence, clause_start, trigger_start)):
            return "negation"
    if planned:
        return None
    for key in ("conditional", "speculation", "opinion"):
        if has_span(found[key], lo, trigger_start):
            return key
    if has_span(found["expectation"], max(lo, trigger_start - 50), trigger_start):
        return "expectation"
    cues = _cues()
    # Pre-checks (``low`` is the ASCII text lower-cased, see _sentence): a match
    # of "after" ends with "if" at most 80 + 2 characters after the trigger,
    # inside the clause; without one it cannot match. The pre-check is skipped
    # for a negative offset (str.find counts those from the end, re from 0).
    if has_if and (low is None or trigger_end < 0
                   or low.find("if", trigger_end, min(clause_end, trigger_end + 82)) >= 0):
        cond = cues["after"].match(sentence, trigger_end, clause_end)
        if cond and (threat_from is None or cond.end() - 2 < threat_from):
            return "conditional"
    # a match of "modal_after" contains a _MODAL_WORD inside the clause (the
    # same pos/endpos, so the same clamping of out-of-range offsets)
    if has_modal and (low is None or _MODAL_WORD.search(low, trigger_end, clause_end) is not None):
        if cues["modal_after"].match(sentence, trigger_end, clause_end):
            return "speculation"
    # every match of "likely_after" contains one of these words, lower-cased
    if has_likely and (low is None or _LIKELY_WORD.search(low, trigger_end, clause_end) is not None):
        if cues["likely_after"].match(sentence, trigger_end, clause_end):
            return "speculation"
    return None
