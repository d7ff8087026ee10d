"""Trigger rules per event type: lexicon-driven patterns applied clause by clause.

A *mention* is one trigger in one sentence with the arguments found around it
(acting country, date, rate, commodity, location). :mod:`.merge` turns the
mentions of one document into events.
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, field

from . import dates as D
from .actors import ActorMention, find_actors, find_location, venues
from .negation import irrealis
from .resources import DIGIT_KEY, _lower_pattern, per_document_cache, expand, has_span, lexicon, lower, spans, text_index, word_keys, word_regex

DIRECTION = {
    "impose": "tighten", "raise": "tighten", "reinstate": "tighten", "tighten": "tighten",
    "lower": "ease", "suspend": "ease", "remove": "ease", "ease": "ease", "lift": "ease", "approve": "ease",
    "threaten": "threaten",
}


@dataclass
class Mention:
    event_type: str
    action: str
    sent: int                      # sentence index
    t_start: int                   # trigger offsets inside the sentence
    t_end: int
    clause: tuple[int, int]
    actor: str | None = None
    parties: frozenset = frozenset()
    occurred: D.DateMention | None = None
    effective: D.DateMention | None = None
    deadline: dt.date | None = None
    commodity: str | None = None
    rate: float | None = None
    location: str | None = None
    tense: str = "past"            # past | present | future
    date_source: str = "text"      # text | inherited | published
    confidence: float = 0.8
    extra: dict = field(default_factory=dict)

    def copy(self) -> "Mention":
        """A copy with its own ``extra`` (``dataclasses.replace`` is several times slower)."""
        x = object.__new__(Mention)
        x.__dict__.update(self.__dict__)
        x.extra = dict(self.extra)
        return x


# --------------------------------------------------------------------------- compiled lexicon

@functools.lru_cache(maxsize=None)
def _compiled() -> dict:
    lx = lexicon()
    c: dict = {}
    for etype in ("tariff_change", "export_control", "agreement", "talks"):
        spec = lx[etype]
        anchor = word_regex(spec["anchor"])
        gate = None
        if spec.get("gate"):
            # the lexicon's pre-filter, and every word an anchor match can start with
            gate = frozenset(spec["gate"]) | (anchor.gate or frozenset())
        c[etype] = {
            "anchor": anchor,
            "window": int(spec.get("window", 70)),
            "actions": [(a, word_regex(pats)) for a, pats in spec["actions"].items()],
            "gate": gate,
        }
    dl = lx["tariff_deadline"]
    c["tariff_deadline"] = {k: word_regex(dl[k]) for k in ("expire", "extend", "shorten", "set")}
    c["tariff_deadline"]["anchor"] = word_regex(dl["anchor"])
    lc = lx["leader_contact"]
    c["leader_contact"] = {"call": word_regex(lc["call"]), "meeting": word_regex(lc["meeting"]),
                           "pair": word_regex(lc["pair"])}
    c["leader_gate"] = frozenset(lc["gate"])
    c["deadline_gate"] = frozenset(dl["gate"])
    c["talks_bilateral"] = re.compile(lx["talks"]["bilateral"], re.I)
    # the same, case-sensitive, for the lower-cased text of an ASCII sentence (where
    # re.I is plain ASCII case folding), as Gated's ``fast`` patterns: without re.I
    # the engine can skip ahead to the first letters of the alternatives (only for a
    # pattern without character classes or inline flags, which lower-casing could change)
    bil = lx["talks"]["bilateral"]
    c["talks_bilateral_low"] = (re.compile(_lower_pattern(bil)) if "[" not in bil and "(?" not in bil.replace("(?:", "")
                                else None)
    c["agreed_to_not"] = re.compile(r"^\s*(?:to\s+)?" + lx["agreement"]["agreed_to_not"], re.I)
    c["agreed_to_needs"] = re.compile(lx["agreement"]["agreed_to_needs"], re.I)
    c["export_bg"] = re.compile(r"\b(?:" + lx["export_control"]["background_verbs"] + r")\b", re.I)
    gates: set[str] = set()
    for etype in ("tariff_change", "export_control", "agreement", "talks"):
        gates |= set(lx[etype].get("gate") or [])
        if c[etype]["anchor"].gate:
            gates |= c[etype]["anchor"].gate
    gates |= set(lc["gate"]) | set(dl["gate"])
    c["all_gates"] = frozenset(gates)
    comm = []
    for klass, pats in lx["commodities"].items():
        comm.append((klass, word_regex(pats)))
    c["commodities"] = comm
    c["commodity_split"] = set(lx.get("commodity_split", []))
    c["commodity_absorb"] = {k: set(v) for k, v in lx.get("commodity_absorb", {}).items()}
    return c


# (",?\s+but\s+" is spelt ",\s+but\s+|\s\s*but\s+": the same matches, tried in the
# same order, but each alternative opens with a character the regex engine
# can test before entering it, which it does at every offset of the search)
_CLAUSE_BREAK = re.compile(r";|:\s|,\s+(?=(?:Beijing|Washington|China|the\s+U\.S\.|the\s+United\s+States|U\.S\.|US)\s+(?:\w+ed|cut|put|set|hit|struck|will|would|has|had)\b)|\s[-–—]\s|,\s+but\s+|\s\s*but\s+|,\s+while\s+|,\s+whereas\s+|,\s+and\s+(?=(?:[A-Z]|in\b|on\b|at\b|after\b|by\b|it\b|he\b|she\b|they\b|today\b|yesterday\b|said\b|says\b|added\b|the\s+\w+\s+(?:ministry|commission|department)\b|the\s+(?:White\s+House|U\.S\.|United\s+States|Commerce|Treasury)\b))")
_OTHER_PARTNERS = word_regex([r"country-by-country", r"dozens\s+of\s+(?:other\s+)?(?:partners|countries)",
                               r"other\s+(?:countries|partners|nations|economies|trading\s+partners)",
                               r"(?:most|all|every)\s+(?:other\s+)?(?:countries|country|trading\s+partners|partners)",
                               r"everyone\s+else", r"everybody\s+else", r"the\s+rest\s+of\s+the\s+world",
                               r"\d+\s+(?:other\s+)?countries"])
_BLOCKER = re.compile(r"\b(?:risk|fears?|threat\s+of|uncertainty|possibility|prospect|shares|stocks|prices|demand|orders|sales|purchases|investigations?|probes?)\b", re.I)


def _may_block(low: str) -> bool:
    """Whether the lower-cased sentence ``low`` has one of the words every match of
    _BLOCKER contains (in ASCII text re.I is plain ASCII case folding, so a
    sentence without any has no match). Substring tests: faster than a regex."""
    return ("risk" in low or "fear" in low or "threat" in low or "uncertainty" in low or "possibility" in low
            or "prospect" in low or "shares" in low or "stocks" in low or "prices" in low or "demand" in low
            or "orders" in low or "sales" in low or "purchases" in low or "investigation" in low or "probe" in low)


_KEEP_SUSPENDED = re.compile(r"\b(?:keep|keeps|kept|keeping|remain|remains)\b(?:[^.;]|\.(?=\S)){0,70}\bsuspended\b|"
                             r"\b(?:keep|keeps|kept|keeping|continue|continues|continued)\s+(?:to\s+suspend|suspending)\b|"
                             r"\bstill\s+suspended\b", re.I)
_FUTURE = re.compile(r"\b(?:will|shall|would|'ll|is\s+to|are\s+to|due\s+to|set\s+to|plans?\s+to|going\s+to|is\s+about\s+to|are\s+about\s+to)\b")
_PRESENT = re.compile(r"\b(?:is|are|has|have|says|say|announces|agrees|signs|shake|shakes|meets|holds|cuts|drops|falls|extends|suspends|lifts|raises|imposes|amounts|keeps)\b")
_PAST_VERB = re.compile(r"\b(?:\w{3,}ed|was|were|had|did|said|met|held|spoke|began|took|came|struck|drew|told|put|set|cut|brought|sought|fell|rose)\b")
_PCT_TAIL = r"\s?(?:%|percent\b|per\s+cent\b)(?!\s*(?:percentage|points|stake|of\s+(?:the|their|its)\s+revenue|or\s+more|-owned|\s+owned))"
_PCT = re.compile(r"(?P<n>\d+(?:\.\d+)?)" + _PCT_TAIL, re.I)
# "twenty per cent": only scanned for where a word (not a number) comes right before
# "percent"/"per cent" (no "%" follows a word)
_WORD_BEFORE_PERCENT = re.compile(r"[a-zA-Z]\s?(?:percent|per\s+cent)\b", re.I)
_PCT_WORDS = re.compile(r"(?P<n>\b" + D.NUMBER_WORDS + r")" + _PCT_TAIL, re.I)
_PCT_BAD_BEFORE = re.compile(r"(?:\bfrom|about|around|roughly|nearly|almost|at\s+least|more\s+than|over|above|below|beyond|some|by|least|than|[-–]|\bstake\s+of)\s*$", re.I)
_PCT_BAD_AFTER = re.compile(r"^\s*(?:in\s+all|in\s+total|overall|combined|counting|from\s+a\s+year|of\s+(?:their|its|the)\s+revenue|stake|of\s+the\s+product|or\s+more)", re.I)
# "two days of talks", "twenty hours of talks spread over two days"
_TALK_DAYS = re.compile(r"\b(?P<n>two|three|four|2|3|4)\s+days\s+of\s+(?:[\w.-]+\s+){0,2}?(?:talks|negotiations|meetings)"
                        r"|\b(?:talks|negotiations|meetings)\s+(?:(?:spread|held|stretching)\s+)?over\s+(?P<n2>two|three|four|2|3|4)\s+days\b", re.I)
_TALK_END = re.compile(r"\b(?:end(?:ed|ing|s)?|wrap(?:ped|s)?\s+up|conclud(?:ed|es|ing)|at\s+the\s+end\s+of|closed)\b", re.I)
# "emerged ... on Tuesday, after nearly twenty hours of talks spread over two days": the
# day of the clause is the round's last (not when the round's own start or span is given:
# "talks that began on Sunday", "talks in Geneva over the weekend")
_TALK_AFTER = re.compile(r"\bafter\s+(?:[\w-]+\s+){0,3}?(?:days?|hours?)\s+of\s+(?:[\w.-]+\s+){0,2}?(?:talks|negotiations)\b", re.I)
_TALK_BEGAN = re.compile(r"\b(?:began|begun|begin|opened|started|kicked\s+off)\b", re.I)
_JOINT = re.compile(r"\b(?:both\s+(?:sides|countries|governments)|each\s+side|the\s+two\s+(?:sides|countries|governments)|each\s+other|mirror-image|matching)\b", re.I)
_GOV_NOUN = re.compile(r"^\s*(?:President|Vice|Premier|officials?|government|delegation|side|negotiators?|trade\s+negotiator|"
                       r"commerce|foreign|state|authorities|leader|ministry|team|regulators?|customs|Treasury|Commerce|"
                       r"Trade|Ambassador|counterparts?|embassy|readout|tariff\s+commission|consulate|administration|spokes\w+)\b")
_TARGET_BEFORE = re.compile(r"(?:\bsingled\s+out|\btarget(?:ed|ing|s)?|\bpunish(?:ed|ing|es)?|\baccus(?:ed|ing|es)|\bwarn(?:ed|ing|s)|\burg(?:ed|ing|es)|\bpress(?:ed|ing|es)|\bblam(?:ed|ing|es)|\bon|\bagainst|\bfrom|\binto|\btoward|\btowards|\bwith|\bof|\bto|\bfor|\bin|\bover|\bby|\bthat)\s+(?:(?:the|all|every|its|their|most|many|some|certain|goods|imports|exports|products|everything)\s+){0,3}$", re.I)
_TARGET_AFTER = re.compile(r"^\s*(?:goods|imports|products|exports|origin|companies|firms|customers|chips?|soybeans|farm|coal|"
                           r"cars|buyers|exporters|importers|shipments|manufacturers|makers|investors|markets|economy|"
                           r"industry|carmakers|consumers|assets|stocks|shares|suppliers|end\s+users|entities)\b", re.I)


# (", Beijing suspended ...": a clause joined by a comma alone, as in lists of steps;
# split_clauses spells these out as substring tests: keep the two in step)
_CLAUSE_HINTS = (";", ": ", " -", "–", "—", " but", ", while", ", whereas", ", and",
                 ", Beijing", ", Washington", ", China", ", the U", ", U.S.", ", US ")


def split_clauses(sentence: str) -> list[tuple[int, int]]:
    # cheap: most sentences are one clause (``any(h in sentence for h in _CLAUSE_HINTS)``
    # spelt out: substring tests are faster than a generator or a regex of the hints)
    if not (";" in sentence or ": " in sentence or " -" in sentence or "–" in sentence or "—" in sentence
            or " but" in sentence or ", while" in sentence or ", whereas" in sentence or ", and" in sentence
            or ", Beijing" in sentence or ", Washington" in sentence or ", China" in sentence
            or ", the U" in sentence or ", U.S." in sentence or ", US " in sentence):
        return [(0, len(sentence))]
    out, start = [], 0
    for m in _CLAUSE_BREAK.finditer(sentence):
        out.append((start, m.start()))
        start = m.end()
    out.append((start, len(sentence)))
    return out


def _clause_of(clauses, pos) -> tuple[int, int]:
    for c in clauses:
        if c[0] <= pos < c[1] or (pos == c[1]):
            return c
    return clauses[-1]


# --------------------------------------------------------------------------- argument finders

_TARGET_MEMO: dict = per_document_cache({})


def _is_target(sentence: str, a: ActorMention) -> bool:
    """Whether actor mention ``a`` is the target or origin of a step, not its
    agent ("tariffs on China", "Chinese goods"); memoised per document, since
    every trigger of a sentence asks about every actor in it."""
    k = (sentence, a.start, a.end, a.kind)
    r = _TARGET_MEMO.get(k)
    if r is None:
        if len(_TARGET_MEMO) > 8192:
            _TARGET_MEMO.clear()
        r = _TARGET_MEMO[k] = _target(sentence, a)
    return r


def _target(sentence: str, a: ActorMention) -> bool:
    if a.kind == "adjective":
        return not _GOV_NOUN.match(sentence[a.end:])
    if a.kind in ("leader", "official", "agency"):
        return False
    before = sentence[max(0, a.start - 40):a.start]
    if _TARGET_BEFORE.search(before) and not _REPORTED_THAT.search(before):
        return True
    after = sentence[a.end:a.end + 25]
    if after.startswith("'s ") and _TARGET_AFTER.match(after[3:]):
        return False
    return bool(_TARGET_AFTER.match(after))


# "told reporters that China would cut ...": a complementiser, not "goods that China ..."
_REPORTED_THAT = re.compile(r"\b(?:says|said|say|told\s+[\w.]+|tells\s+[\w.]+|announced|announces|stated|confirmed|added|noted|insisted|argued|signall?ed)\s+that\s+(?:the\s+)?$")
_ADJACENT_SUBJECT = re.compile(r"\s+(?:(?:\w+ly|also|then|has|had|have|was|were|will|would|swiftly|quickly)\s+)*")
_RELATIVE_SUBJECT = re.compile(r",\s+(?:which|who)\s+(?:(?:had|has|have|also|then|later|first|\w+ly)\s+)*")
_COORDINATED = re.compile(r"(?:\band|&|,)\s+(?:the\s+)?$")  # "the United States and China agreed": joint
_BY_AGENT = re.compile(r"[\w-]+(?:\s+[\w-]+)?\s+by\s+(?:the\s+)?")
_POSSESSOR = re.compile(r"['’]s\s+(?:[\w-]+\s+){0,3}$")
_OBLIQUE = re.compile(r"\b(?:with|to|for|from|on|against|by|of|and|between)\s+(?:(?:the|President|Premier|Vice|Chinese|U\.S\.)\s+){0,2}$")
# a literal of every alternative of _REPORTING (which is case-sensitive)
_REPORTING_HINT = re.compile(r"say|said|announc|stat|confirm|add|told|according")
_REPORTING = re.compile(r"\b(?:says|said|say|announced|announces|stated|states|confirmed|confirms|added|adds|told\s+\w+|"
                        r"according\s+to\s+\w+)\b(?:\s+that)?(?!\s*,)")


def acting_party(sentence: str, actors: list[ActorMention], clause, t_start: int) -> tuple[str | None, frozenset]:
    parties = [a for a in actors if a.is_party]
    in_clause = [a for a in parties if clause[0] <= a.start < clause[1]]
    codes = frozenset(a.code for a in in_clause) or frozenset(a.code for a in parties)
    # a possessor is the agent of the step it owns: "Beijing's expansion of
    # rare-earth controls", "Washington's new chip curbs"
    for a in in_clause:
        if a.end < t_start <= a.end + 40 and _POSSESSOR.match(sentence, a.end, t_start):
            return a.code, codes
        # the agent of a passive: "controls introduced by China on 4 April"
        if t_start < a.start <= t_start + 40 and _BY_AGENT.fullmatch(sentence, t_start, a.start):
            return a.code, codes
        # the antecedent of a relative clause is its verb's subject, even where the
        # main clause makes it a target: "Beijing's reply to Washington, which lifted its duty"
        if a.end < t_start <= a.end + 30 and sentence.startswith(",", a.end) and _RELATIVE_SUBJECT.fullmatch(sentence, a.end, t_start):
            return a.code, codes
    subj = [a for a in in_clause if not _is_target(sentence, a)]
    before = [a for a in subj if a.end <= t_start]
    coord = before and _COORDINATED.search(sentence, max(0, before[-1].start - 12), before[-1].start)
    if coord and sentence[coord.start()] == "," and not any(a.end == coord.start() for a in parties):
        coord = None  # "..., on October 9, Trump threatened": a comma closes a phrase, it lists no actors
    if before and _ADJACENT_SUBJECT.fullmatch(sentence, before[-1].end, t_start) and not coord:
        # "Beijing unveiled new rules, and the next day Mr Trump threatened ...":
        # the name right before the verb is its subject
        return before[-1].code, codes
    if before:
        # reported speech: the step's subject is the one after the reporting
        # verb ("the ministry says the U.S. side will cancel ..."), not the
        # reporter; a parenthetical ", the ministry says," reports nothing new
        # (every match contains one of _REPORTING_HINT's words, inside the same range)
        rep = [m.end() for m in _REPORTING.finditer(sentence, clause[0], t_start)] if (
            _REPORTING_HINT.search(sentence, clause[0], t_start) is not None) else None
        if rep:
            after_rep = [a for a in before if a.start >= rep[-1] and not _OBLIQUE.search(sentence, max(0, a.start - 30), a.start)]
            if after_rep:
                return after_rep[0].code, codes
        return before[0].code, codes
    after = [a for a in subj if a.start >= t_start]
    if after:
        return after[0].code, codes
    subj_all = [a for a in parties if not _is_target(sentence, a) and a.end <= t_start]
    if subj_all:
        return subj_all[-1].code, codes
    targets = [a.code for a in in_clause if a.code in ("US", "CN")]
    if targets:
        return ("US" if targets[0] == "CN" else "CN"), codes
    return None, codes


def in_scope(codes: frozenset, sentence_codes: frozenset, doc_bilateral: bool) -> bool:
    third = {c for c in codes if c not in ("US", "CN")}
    if third and not {"US", "CN"} <= codes:
        return False
    if codes & {"US", "CN"}:
        return True
    s_third = {c for c in sentence_codes if c not in ("US", "CN")}
    if s_third and not {"US", "CN"} <= sentence_codes:
        return False
    return bool(sentence_codes & {"US", "CN"}) or doc_bilateral


_STATUS_QUO = re.compile(r"\b(?:keep|keeps|kept|keeping|maintain(?:s|ed|ing)?|leave|leaves|leaving|left|remain(?:s|ed|ing)?|stay(?:s|ed|ing)?|still)\b[^,;:]{0,70}$", re.I)


_STANDING_AFTER = re.compile(r"[^,;:]{0,40}?\b(?:(?:still|remains?|remained|stays?|stayed)\s+in\s+(?:place|force|effect)|"
                             r"(?:is|are|was|were|remains?|stays?)\s+(?:unchanged|unaffected|not\s+affected))\b", re.I)


# (precompiled: a pattern given to re.search as a string is looked up in re's cache on
# every call, and recompiled whenever other patterns have pushed it out)
_STRONG_RATE_BEFORE = re.compile(r"\b(?:to|at|of|additional|extra)\s+(?:an?\s+)?$", re.I)
_LIFT_WORD = re.compile(r"lift", re.I)
_PERFECT_BEFORE = re.compile(r"\b(?:had|has|have)\s+(?:\w+ly\s+)?$")
_WITH_COUNTERPART = re.compile(r"\bwith\s+(?:\w+\s+){0,3}(?:Xi|Trump|China|Beijing|Washington)")
_TO_SEEK = re.compile(r"\s*to\s+seek")
_RATE_ON_END = re.compile(r"\d\s?(?:%|percent|per\s+cent)\s+on$")


def find_rate(sentence: str, clause, t_start: int, t_end: int) -> tuple[float | None, list[tuple[float, int]]]:
    cands = []
    found = list(_PCT.finditer(sentence, clause[0], clause[1]))
    if "cent" in sentence and _WORD_BEFORE_PERCENT.search(sentence, clause[0], clause[1]):
        found = sorted(found + list(_PCT_WORDS.finditer(sentence, clause[0], clause[1])), key=lambda m: m.start())
    for m in found:
        before = sentence[max(clause[0], m.start() - 14):m.start()]
        if _PCT_BAD_BEFORE.search(before):
            continue
        # "keep the 24% tariff suspended", "leave its duty at 10%": the rate in
        # force, not one an event sets
        q = _STATUS_QUO.search(sentence, max(clause[0], m.start() - 80), m.start())
        if q is not None and not (q.start() < t_start < m.start()):
            continue
        if _STANDING_AFTER.match(sentence, m.end(), min(clause[1], m.end() + 50)):
            continue  # "with the 20% fentanyl duty still in place"
        if _PCT_BAD_AFTER.match(sentence[m.end():m.end() + 30]):
            continue
        strong = _STRONG_RATE_BEFORE.search(before) is not None
        cands.append((D.number_value(m["n"]), m.start(), strong))
    if not cands:
        return None, []
    strong = [c for c in cands if c[2]]
    distinct = sorted({c[0] for c in cands})
    if len(distinct) == 1:
        return distinct[0], [(c[0], c[1]) for c in cands]
    pick = strong or cands
    pick = sorted(pick, key=lambda c: (c[1] < t_start, abs(c[1] - t_end)))
    if len({c[0] for c in strong}) == 1:
        return strong[0][0], [(c[0], c[1]) for c in cands]
    return None, [(c[0], c[1]) for c in cands]


def find_commodities(sentence: str, clause, anchor_pos: int, keys: frozenset | None = None) -> list[str]:
    """Commodity classes named in the clause, nearest to the anchor first.

    A broad class is absorbed by a specific one named close by ("technologies
    related to rare-earth mining" is rare_earths); rare earths and critical
    minerals listed together are both kept (one event each).
    """
    c = _compiled()
    found: list[tuple[int, str, int]] = []
    # a clause that is the whole sentence (most are) reads each pattern's
    # memoised matches of the sentence, the same as a scan of [0, len): every
    # export-control trigger of the sentence asks again, and the extractor
    # asks once more for the sentence before a commodity-less measure
    whole = clause[0] == 0 and clause[1] == len(sentence)
    for klass, rx in c["commodities"]:
        for m in (rx.finditer(sentence, keys=keys) if whole else rx.finditer(sentence, clause[0], clause[1], keys=keys)):
            found.append((abs(m.start() - anchor_pos), klass, m.start()))
    if not found:
        return []
    classes = {k for _, k, _ in found}
    for big, small in c["commodity_absorb"].items():
        big_pos = [p for _, k, p in found if k == big]
        for k in list(classes & small):
            if any(abs(p - bp) <= 45 for _, kk, p in found if kk == k for bp in big_pos):
                classes.discard(k)
    found = sorted((d, k) for d, k, _ in found if k in classes)
    if len(classes) > 1 and classes <= c["commodity_split"]:
        return sorted(classes, key=lambda k: [x[1] for x in found].index(k))
    return [found[0][1]]


def tense_of(sentence: str, clause, t_start: int) -> str:
    """Tense of the verb group around a trigger, from the tense cues of its clause.

    Cue matches are found once per sentence (on the lower-cased text) and
    then looked up by offset for each trigger.
    """
    low = lower(sentence)
    seg_hi = min(clause[1], t_start + 40)
    seg_lo = clause[0]
    # "would roll back ... after the weekend talks": the talks are not future
    # (every match of the case-sensitive _TENSE_BREAK contains one of these words)
    for b_start, b_end in (spans(_TENSE_BREAK, low) if "after" in low or "since" in low or "following" in low else ()):
        if b_start >= t_start:
            break
        if b_start >= clause[0]:
            seg_lo = b_end
    if seg_lo != clause[0] and not _FUTURE.search(low, seg_lo, seg_hi):
        return "past" if not _PRESENT.search(low, seg_lo, seg_hi) else "present"
    if _has_token_match(_FUTURE, low, seg_lo, seg_hi):
        return "future"
    if _NO_WORD_BEFORE.match(sentence, 0, t_start) or _LIST_ITEM.match(sentence):
        return "present"  # imperative list item ("- Suspend, for one year, ...")
    if _has_token_match(_PAST_VERB, low, clause[0], min(clause[1], t_start + 25)):
        return "past"
    if _has_token_match(_PRESENT, low, clause[0], seg_hi) or _CAP_WORD.match(sentence, clause[0], seg_hi):
        return "present"
    return "past"


def _has_token_match(rx: re.Pattern, low: str, lo: int, hi: int) -> bool:
    r"""``has_span(spans(rx, low), lo, hi)`` for _FUTURE, _PAST_VERB or _PRESENT,
    searching ``low[lo:hi]`` only instead of scanning the whole sentence (the
    regex engine tries every offset of these ``\b``-led patterns, so a scan
    costs in proportion to the text it covers).

    The same answer, because a match of these patterns starts and ends on a
    word boundary and none can start inside another (the words inside the
    multi-word ones, "to" and "about", start none): every match ``search``
    finds in the range that ends before ``hi`` is one of the whole text's (the
    ``\b`` tests at ``lo`` and at its end read the real neighbouring
    characters), and a match of the whole text inside the range is found there
    too. Only a match that ends exactly at ``hi`` may owe its final ``\b`` to
    the cut; then the whole-text spans decide.
    """
    m = rx.search(low, lo, hi)
    if m is None:
        return False
    if m.end() < hi or hi >= len(low):
        return True
    return has_span(spans(rx, low), lo, hi)


_TENSE_BREAK = re.compile(r"\b(?:after|following|since)\s+(?:(?:the|a|an|his|her|their|its|last)\b|(?=(?:talks|meetings?|negotiations)\b))")
_NO_WORD_BEFORE = re.compile(r"\W*$")
_LIST_ITEM = re.compile(r"\s*[-•*]\s*[A-Z][a-z]+\b")
_CAP_WORD = re.compile(r"\W*[A-Z][a-z]+\b")


# --------------------------------------------------------------------------- triggers

_MONETARY = re.compile(r"\b(?:central\s+bank|Bank\s+of\s+[A-Z]\w+|Federal\s+Reserve|the\s+Fed|ECB|interest|mortgage|"
                       r"borrowing\s+costs|monetary|policy\s+rate|benchmark\s+rate|Reserve\s+Bank|cash\s+rate|"
                       r"repo\s+rate|basis\s+points|"
                       # "the unemployment rate rose to 5.3%": an economic statistic, not a tariff
                       r"(?:unemployment|jobless|inflation|exchange|savings|growth|participation|vacancy)\s+rates?)\b")


_MEASURE_PACKAGE = re.compile(r"\b(?:rare[- ]earths?|export[- ]controls?|controls?|tariffs?|sanctions?|stimulus|"
                              r"retaliat\w+|countermeasures?)\s+(?:[\w-]+\s+)?$", re.I)


def _pair_triggers(etype: str, sentence: str, clauses, keys) -> list[tuple[str, int, int, int]]:
    """(action, start, end, anchor_pos) for verbs near an anchor noun of ``etype``."""
    spec = _compiled()[etype]
    if spec["gate"] is not None and spec["gate"].isdisjoint(keys):
        return []
    anchors = [(m.start(), m.end()) for m in spec["anchor"].finditer(sentence, keys=keys)]
    if etype == "tariff_change" and anchors and "rate" in sentence:
        # a bare "rates" in a sentence about a central bank or interest is not a tariff
        anchors = [(a, b) for a, b in anchors if not (sentence[a:b].lower() in ("rate", "rates")
                                                        and _MONETARY.search(sentence))]
    if etype == "agreement" and anchors and "ackage" in sentence:
        # "Beijing's big October rare-earth package was announced": a package of measures, no deal
        anchors = [(a, b) for a, b in anchors if not (sentence[a:b].lower() == "package"
                                                       and _MEASURE_PACKAGE.search(sentence, max(0, a - 40), a))]
    if not anchors:
        return []
    out: list[tuple[str, int, int, int]] = []
    used: list[tuple[int, int]] = []
    may_block = None  # whether _BLOCKER can match in the sentence; found on first need
    for action, rx in spec["actions"]:
        for m in rx.finditer(sentence, keys=keys):
            # a word already taken is not a second trigger; a verb frame that
            # spans one ("bring the duty imposed in April down to 10%") is
            if any(not (m.end() <= s or m.start() >= e) and not (m.start() < s and e < m.end()) for s, e in used):
                continue
            clause = _clause_of(clauses, m.start())
            # "Beijing matches: 34% on all U.S. goods": a colon right after the verb
            # introduces its object
            colon_to = clause[1] + 2 if sentence.startswith(": ", clause[1]) and not sentence[m.end():clause[1]].strip() else -1
            best = None
            for a_s, a_e in anchors:
                if not (clause[0] <= a_s < clause[1] or (colon_to > 0 and 0 <= a_s - colon_to <= 25)):
                    continue
                if a_s < m.end() and a_e > m.start():
                    dist = 0
                else:
                    dist = a_s - m.end() if a_s >= m.end() else m.start() - a_e
                    if may_block is None:
                        may_block = not sentence.isascii() or _may_block(lower(sentence))
                    if may_block:
                        between = sentence[m.end():a_s] if a_s >= m.end() else sentence[a_e:m.start()]
                        if _BLOCKER.search(between):
                            continue
                if dist <= spec["window"] and (best is None or dist < best[0]):
                    best = (dist, a_s)
            if best is None:
                continue
            used.append((m.start(), m.end()))
            out.append((action, m.start(), m.end(), best[1]))
    return out


def may_state_event(sentence: str) -> bool:
    """A cheap test: does ``sentence`` hold an anchor noun or trigger of some event type?

    Sentences that fail it cannot yield a mention, so their dates and clauses
    are never computed.
    """
    return bool(candidate_types(sentence))


_CANDIDATES: dict[str, frozenset] = per_document_cache({})


def candidate_types(sentence: str) -> frozenset:
    """The event types whose anchor noun or trigger occurs in ``sentence`` (memoised)."""
    r = _CANDIDATES.get(sentence)
    if r is not None:
        return r
    c = _compiled()
    low, idx = text_index(sentence)
    keys = idx.keys  # (word_keys(sentence))
    out = []
    if not c["all_gates"].isdisjoint(keys):  # (isdisjoint: no intersection set is built)
        # (Gated.found: rx.search(sentence, keys=keys) is not None, in one call)
        for etype in ("tariff_change", "export_control", "agreement"):
            if c[etype]["anchor"].found(sentence, low, idx):
                out.append(etype)
        if "agreement" not in out and "agree" in low:
            out.append("agreement")
        if not c["talks"]["gate"].isdisjoint(keys) and ("met" in keys or "mee" in keys
                                          or c["talks"]["anchor"].found(sentence, low, idx)):
            out.append("talks")
        lc = c["leader_contact"]
        if not c["leader_gate"].isdisjoint(keys) and (lc["call"].found(sentence, low, idx)
                                                      or lc["meeting"].found(sentence, low, idx)):
            out.append("leader_contact")
        if not c["deadline_gate"].isdisjoint(keys) and (c["tariff_deadline"]["anchor"].found(sentence, low, idx)
                                                        or ("ed it " in low and _PRONOUN_OBJECT.search(low))):
            out.append("tariff_deadline")
    # (in ASCII text a match's number starts a word, under DIGIT_KEY, and its
    # "on" is a word: a sentence without both has none, and most have neither)
    if "tariff_change" not in out and ((DIGIT_KEY in keys and "on" in keys) or not sentence.isascii()) \
            and _BARE_RATE_LINE.match(sentence):
        out.append("tariff_change")  # "15% on U.S. coal, LNG.": a factbox line
    if len(_CANDIDATES) > 4096:
        _CANDIDATES.clear()
    r = _CANDIDATES[sentence] = frozenset(out)
    return r


# an intransitive rise to a level ("the reciprocal rate went to 84%"): its subject is the measure
_RATE_MOVES = re.compile(r"(?i)(?:go|goes|going|went|rise|rose|rises|climb|jump|soar|reach)")
_BARE_RATE_LINE = re.compile(r"\W*(?:[A-Z][\w ]{0,20}:\s+)?\d+(?:\.\d+)?\s?(?:%|percent|per\s+cent)\s+on\b")


def _other_partners(sentence: str, clause: tuple[int, int]) -> bool:
    """Whether the clause names other trading partners (memoised per document)."""
    if sentence.isascii():
        # every match of _OTHER_PARTNERS contains one of these words (lower-cased;
        # re.I is plain ASCII case folding in ASCII text): a cheap test before its scan
        low = lower(sentence)
        if not ("countr" in low or "partners" in low or "other" in low or "else" in low or "world" in low):
            return False
    # the matches are found once per sentence; each window only looks them up
    return has_span(spans(_OTHER_PARTNERS, sentence), clause[0], clause[1])


def sentence_mentions(sentence: str, si: int, pub: dt.date, anchor_date: dt.date | None,
                      doc_bilateral: bool, dates: list[D.DateMention] | None = None,
                      actors: list[ActorMention] | None = None) -> list[Mention]:
    c = _compiled()
    keys = word_keys(sentence)
    types = candidate_types(sentence)
    if not types:
        return []
    clauses = split_clauses(sentence)
    if dates is None:
        dates = D.find_dates(sentence, pub, anchor_date)
    if actors is None:
        actors = find_actors(sentence)
    s_codes = frozenset(a.code for a in actors if a.is_party)
    out: list[Mention] = []

    # every match of the case-sensitive _SAYS_NOW contains one of these words
    says_hint = "says" in sentence or "tells" in sentence or "confirms" in sentence or "announces" in sentence
    # a question asserts nothing ("Will the two heads of state meet in Gyeongju?")
    question = sentence.rstrip(" \"'”’)").endswith("?")

    def base(etype, action, s, e, anchor_pos=None) -> Mention | None:
        if question and not (etype in ("tariff_change", "export_control")
                             and _modifier(sentence, _clause_of(clauses, s), s, e)):
            # a question asserts nothing, but the measure its noun phrase names
            # is presupposed ("And the 100 percent tariff he threatened earlier
            # this month?"); as a modifier it takes only a date bound to it
            return None
        clause = _clause_of(clauses, s)
        lo, hi = clause
        if (anchor_pos is not None and anchor_pos < s and etype in ("tariff_change", "export_control")
                and _PARTICIPLE.fullmatch(sentence, s, e) and _PARTICIPLE_AFTER_NOUN.fullmatch(sentence, anchor_pos, s)):
            # "did not touch the rare-earth licensing introduced on 4 April": the
            # measure named by its noun phrase happened whatever the clause's verb
            # says of it; only a cue inside the phrase blocks it (up to the verb
            # that follows it: "whether the licensing introduced on 4 April
            # would be relaxed")
            lo = anchor_pos
            verb = _VERB_AFTER_PHRASE.search(sentence, e, hi)
            if verb is not None:
                hi = verb.start()
        if irrealis(sentence, lo, s, e, hi,
                    anchor_pos if action == "threaten" and anchor_pos is not None and anchor_pos > s else None):
            return None
        if s <= 3 and sentence.endswith("ing", s, e) and _GERUND_SUBJECT_TAIL.match(sentence, e, clause[1]):
            return None  # "Threatening high tariffs at every turn is not the right way": an activity, no step
        if anchor_pos is not None and anchor_pos < s and _NO_DETERMINER.search(sentence, max(clause[0], anchor_pos - 25), anchor_pos):
            return None  # "no specific countermeasure has been announced"
        actor, codes = acting_party(sentence, actors, clause, s)
        if not in_scope(codes, s_codes, doc_bilateral):
            return None
        if etype in ("tariff_change", "export_control"):
            # "imposed an extra 25% on India ..., and officials have not ruled
            # out the same for China": the step's own target is a third country
            tgt = next((a for a in actors if a.is_party and e <= a.start <= e + 40 and _is_target(sentence, a)), None)
            if tgt is not None and tgt.code not in ("US", "CN"):
                return None
        if _other_partners(sentence, (max(clause[0], s - 45), min(clause[1], e + 80))) and not ({"US", "CN"} <= codes):
            return None
        if (etype in ("tariff_change", "tariff_deadline")
                # (a deadline's partners may follow its period: "paused most reciprocal
                # tariffs for 90 days for dozens of other countries")
                and _other_partners(sentence, (max(clause[0], s - 40), min(clause[1], e + (80 if etype == "tariff_deadline" else 60))))
                and not _INCLUDING_PARTY.search(sentence, e, clause[1])):
            # "paused steeper duties on dozens of other trading partners for 90
            # days": the partners are the step's own object, whoever else the
            # clause names
            return None
        m = Mention(etype, action, si, s, e, clause, actor=actor, parties=codes)
        m.tense = tense_of(sentence, clause, s)
        if etype in ("tariff_change", "export_control") and _modifier(sentence, clause, s, e):
            # "the tariff imposed in March", "the controls it had placed on
            # ...", "the rule, which extended ...": a measure named inside a
            # noun phrase is background with its own (past) time, not the
            # clause's step; it takes only a date bound right to it
            m.tense = "past"
            m.extra["modifier"] = True
            m.extra["reference"] = True
        if says_hint and has_span(spans(_SAYS_NOW, sentence), clause[0], s):
            m.extra["reported_now"] = True  # "the ministry says the leaders reached consensus"
        elif m.tense == "future" and _reported_past(sentence, clause[0], s):
            # "China's Customs Tariff Commission said the duty would also drop to
            # 10%", "It said ... China would suspend": a step announced in the
            # past, on the day the report was made
            m.extra["reported_past"] = True
        if etype in ("talks", "leader_contact") and _PRESUPPOSED_BEFORE.search(sentence, max(0, s - 45), s):
            m.extra["presupposed"] = True  # "since the Busan meeting": named, not reported
        if _NOUN_TRIGGER.fullmatch(sentence, s, e) and _DEFINITE_NOUN.search(sentence, max(0, s - 22), s):
            m.extra["reference"] = True  # "the pause", "its suspension": a standing measure
        elif etype == "talks" and sentence[s:e].lower() == "talks" and _FOR_THE_TALKS.search(sentence, max(0, s - 12), s):
            m.extra["reference"] = True  # "a sweetener for the talks": the round already reported
        m.extra["anchor"] = anchor_pos if anchor_pos is not None else s
        return m

    # ---- tariff_change
    for action, s, e, apos in (_pair_triggers("tariff_change", sentence, clauses, keys) if "tariff_change" in types else ()):
        if action == "raise" and not apos < s <= apos + 45 and _RATE_MOVES.match(sentence, s, e):
            continue  # "jobless rate went to 5.3% as US tariffs bit": the tariff must be what moves
        m = base("tariff_change", action, s, e, apos)
        if not m:
            continue
        rate, all_rates = find_rate(sentence, m.clause, s, e)
        if apos >= m.clause[1]:  # "matches: 34% on all U.S. goods": the object's clause has the rate
            rate, all_rates = find_rate(sentence, _clause_of(clauses, apos), s, e)
        if action == "lift" or (action == "remove" and rate is not None and _LIFT_WORD.match(sentence, s, e)):
            m.action = "raise"
        if (rate is None and len(all_rates) > 1 and apos is not None and apos < s
                and _PARTICIPLE.fullmatch(sentence, s, e)):
            # "The 84% rate replaces the 34% tariff Trump unveiled on April 2":
            # the measure a relative clause's verb names has its own noun's rate
            own = _RATE_OF_NOUN.search(sentence, max(m.clause[0], apos - 30), apos)
            if own is not None:
                rate = D.number_value(own["n"])
        m.rate = rate
        m.extra["rates"] = all_rates
        out.append(m)
    if "tariff_change" in types and not any(m.event_type == "tariff_change" for m in out):
        out.extend(_bare_measures("tariff_change", sentence, keys, base))
    _leader_threats(out, sentence, actors)
    tc = [m for m in out if m.event_type == "tariff_change"]
    for m in tc:
        if m.action == "suspend" and _KEEP_SUSPENDED.search(sentence[m.clause[0]:m.clause[1]]):
            out.remove(m)
            continue
        if m.action != "threaten" and any(t.action == "threaten" and 0 <= m.t_start - t.t_end <= 15 for t in tc):
            out.remove(m)
    _bind_rates(out, sentence)

    # ---- export_control
    n_before = len(out)
    for action, s, e, apos in (_pair_triggers("export_control", sentence, clauses, keys) if "export_control" in types else ()):
        m = base("export_control", action, s, e, apos)
        if not m:
            continue
        out.extend(_per_commodity(m, sentence, apos, keys))

    if "export_control" in types and len(out) == n_before:
        # "Beijing replies with 10-15% duties on U.S. energy, and export controls
        # on tungsten": export controls coordinated with a tariff step share its verb
        for a in c["export_control"]["anchor"].finditer(sentence, keys=keys):
            if not _AND_BEFORE.search(sentence, max(0, a.start() - 8), a.start()):
                continue
            lead = [t for t in out[:n_before] if t.event_type == "tariff_change" and t.t_end < a.start()
                    and t.action in ("impose", "raise") and t.clause == _clause_of(clauses, a.start())]
            if not lead:
                continue
            m = base("export_control", "impose", a.start(), a.end(), a.start())
            if m is None:
                continue
            m.actor = lead[-1].actor
            out.extend(_per_commodity(m, sentence, a.start(), keys, whole_sentence=False))
            break
    if "export_control" in types and len(out) == n_before:
        for m in _bare_measures("export_control", sentence, keys, base):
            out.extend(_per_commodity(m, sentence, m.t_start, keys))
    _leader_threats(out[n_before:], sentence, actors)
    if len(out) > n_before:
        # "threatened a 100% tariff ..., a day after Beijing had unveiled new
        # rare-earth controls": one verb, a tariff on one side and export
        # controls on the other; it names the nearer measure only
        ex_anchor = {(m.t_start, m.t_end): m.extra["anchor"] for m in out[n_before:]}
        for t in [m for m in out[:n_before] if m.event_type == "tariff_change"]:
            a_x = ex_anchor.get((t.t_start, t.t_end))
            if a_x is None:
                continue
            a_t = t.extra["anchor"]
            if (a_t < t.t_start) != (a_x < t.t_start):
                d_t = t.t_start - a_t if a_t < t.t_start else a_t - t.t_end
                d_x = t.t_start - a_x if a_x < t.t_start else a_x - t.t_end
                if d_x < d_t:
                    out.remove(t)
                elif d_t < d_x:
                    out[n_before:] = [x for x in out[n_before:] if (x.t_start, x.t_end) != (t.t_start, t.t_end)]
    if len(out) > n_before and "threat" in lower(sentence):
        # "made that threat ..., a day after China widened its rare-earth
        # controls": the verb between a threat and the measure governs it
        for m in out[n_before:]:
            if m.action == "threaten" and m.extra["anchor"] > m.t_end and any(
                    x.action != "threaten" and m.t_end <= x.t_start < m.extra["anchor"] for x in out[n_before:]):
                out.remove(m)
        # "threatened an extra 100% tariff" near "the rare-earth controls": a
        # threat binds to the nearer of the two measures it could name
        tariff_anchor = {(m.t_start, m.t_end): m.extra["anchor"] for m in out[:n_before]
                         if m.event_type == "tariff_change" and m.action == "threaten"}
        for m in out[n_before:]:
            a = tariff_anchor.get((m.t_start, m.t_end))
            if (m.action == "threaten" and a is not None and m.extra["anchor"] < m.t_start
                    and abs(a - m.t_start) < abs(m.extra["anchor"] - m.t_start)):
                out.remove(m)

    # ---- agreement
    for action, s, e, apos in (_pair_triggers("agreement", sentence, clauses, keys) if "agreement" in types else ()):
        m = base("agreement", action, s, e, apos)
        if m:
            out.append(m)
    for am in (_AGREE_VERB.finditer(sentence) if "agree" in lower(sentence) else ()):
        if any(x.event_type == "agreement" and x.t_start <= am.start() < x.t_end + 60 and x.t_start >= am.start() - 60
               for x in out):
            continue
        rest = sentence[am.end():am.end() + 80]
        if c["agreed_to_not"].match(rest) or not c["agreed_to_needs"].search(rest):
            continue
        clause = _clause_of(clauses, am.start())
        text = sentence[clause[0]:clause[1]]
        if not (_JOINT.search(text) or {"US", "CN"} <= frozenset(a.code for a in actors if a.is_party and clause[0] <= a.start < clause[1])
                or _WITH_COUNTERPART.search(text)):
            continue
        action = "propose" if _TO_SEEK.match(rest) else "reach"
        m = base("agreement", action, am.start(), am.end())
        if m:
            out.append(m)

    # ---- tariff_deadline
    if "tariff_deadline" in types:
        out.extend(_deadline_mentions(sentence, si, clauses, dates, base, pub))

    # ---- talks
    if "talks" in types:
        out.extend(_talk_mentions(sentence, si, clauses, actors, base))

    # ---- leader_contact
    if "leader_contact" in types:
        out.extend(_leader_mentions(sentence, si, clauses, actors, base))

    background = []
    if dates and not question and ("tariff_change" in types or "export_control" in types or "agreement" in types):
        background = _dated_measures(sentence, si, clauses, dates, actors, out, s_codes, doc_bilateral, keys, types)
        if background:
            # the date names the measure, so it is not the clause verb's; a dated
            # deal ("the Geneva truce of May 12 pared each side's surcharge") is
            # the step the clause reports, so its date stays shared
            taken = {id(m.occurred) for m in background if m.event_type != "agreement"}
            dates = [d for d in dates if id(d) not in taken]
    _assign_dates(out, sentence, dates, clauses)
    for m in out:
        if (m.occurred is not None and m.occurred.lo > pub and m.tense != "future" and m.action not in ("threaten",)
                and m.event_type in ("tariff_change", "export_control") and m.occurred.role == "occurred"):
            # "The new elements fall under licensing on Nov. 8": a day still to
            # come in a sentence that is not about the future is when a measure
            # applies, not when it was decided
            if m.effective is None:
                m.effective = m.occurred
            m.occurred = None
            m.extra["effect_only"] = True
    out = _expand_coordinated(out, sentence, dates)
    out.extend(background)
    return out


# a verbless line of a factbox or timeline: "15% on U.S. coal, LNG.", "Extra
# levies of up to 15% from March 10.", "Same day: export controls on tungsten."
_BARE_LINE = re.compile(r"^\W*(?:[A-Z][\w ]{0,20}:\s+)?(?:\d+(?:\.\d+)?\s?(?:%|percent|per\s+cent)\s+on\b|"
                        r"(?:extra|additional|new|retaliatory|further)\s+(?:levies|tariffs|duties)\b|"
                        r"(?:new\s+)?(?:export\s+controls?|licen[cs]es?|export\s+curbs|export\s+bans?)\b)", re.I)
_FINITE_VERB = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would|said|says|did|does)\b", re.I)


def _bare_measures(etype: str, sentence: str, keys, base) -> list[Mention]:
    """A measure stated without a verb, as factboxes and timelines list them.

    Only a line that opens with the measure and has no finite verb counts; it
    is kept (in the extractor) only when a date of its own or the heading of
    its timeline item dates it, since an undated bare measure is a standing one.
    """
    first = _BARE_LINE.match(sentence)
    if first is None or _FINITE_VERB.search(sentence):
        return []
    anchor = _compiled()[etype]["anchor"].search(sentence, keys=keys)
    span = (anchor.start(), anchor.end()) if anchor is not None else None
    if etype == "tariff_change" and _RATE_ON_END.search(first.group(0)):
        span = (first.start(), first.end())  # "15% on U.S. coal, LNG": the rate is the measure
    if span is None or span[0] > first.end() + 40:
        return []
    m = base(etype, "impose", span[0], span[1], span[0])
    if m is None:
        return []
    if etype == "tariff_change":
        m.rate, m.extra["rates"] = find_rate(sentence, m.clause, span[0], span[1])
    m.extra["bare"] = True
    return [m]


# --- cues of _dated_measures
# "the Oct. 9 controls", "China's April tariffs", "its sweeping 9 October rules"
_DATED_NP_BEFORE = re.compile(r"(?:\b(?:the|its|their|those|these)|[A-Za-z]['’]s)\s+(?:(?:new|sweeping|latest|earlier|original|expanded|broader|additional|retaliatory)\s+)?$", re.I)
_DATED_NP_AFTER = re.compile(r"(?:['’]s)?\s+(?:[\w-]+\s+){0,3}?(?=\w)")
# "the controls of Oct. 9"
_OF_DATE_BEFORE = re.compile(r"\s+of\s+$")
# "licensing, in place since April 4"
_SINCE_BEFORE = re.compile(r"\b(?:in\s+(?:place|force|effect)|imposed|introduced|applied|required|enforced)\s+since\s+$", re.I)
# "in place" is no trigger of its own when a since-date names the measure
_IN_PLACE = re.compile(r"in\s+(?:place|force|effect)", re.I)
# words that make a dated export-control phrase a tightening ("the sweeping Oct. 9 rules")
_TIGHTENING_NP = re.compile(r"expan|widen|tighten|broaden|sweeping|new\b|additional|extra\b", re.I)

# --- cues of base() (not-an-event and scope checks)
# "the rare-earth licensing introduced on 4 April": a participle right after the measure's noun
_PARTICIPLE_AFTER_NOUN = re.compile(r"(?:[\w-]+\s+){0,2}[\w-]+(?:\s+(?:on|of)\s+(?:[\w-]+\s+){0,3}?[\w-]+)?,?\s+")
# a rate right before a measure noun: "the 34% tariff", "a 34% \"reciprocal\" "
_RATE_OF_NOUN = re.compile(r"(?P<n>\d+(?:\.\d+)?)\s?(?:%|percent|per\s+cent)\s+(?:[\"“]?[\w-]+[\"”]?\s+){0,2}$")
_VERB_AFTER_PHRASE = re.compile(r"\b(?:would|will|could|might|may|should|can|is|are|was|were|has|have|had|did|does|do)\b")
_PARTICIPLE = re.compile(r"introduced|imposed|announced|unveiled|issued|placed|adopted|levied")
# the verb of a sentence whose subject is a gerund phrase ("Threatening high tariffs
# at every turn is not ...", "Raising tariffs does not solve ..."), before any comma
# (not "Threatening new tariffs, Trump said ...")
_GERUND_SUBJECT_TAIL = re.compile(r"[^,;:]{0,80}?\b(?:is|are|was|were|does|do|did|has|have|will|would|can|could|may|might)\b")
# "since the Busan meeting": a meeting named, not reported
_PRESUPPOSED_BEFORE = re.compile(r"\b(?:since|after|following|before|ahead\s+of|at)\s+(?:the|their|this|that)\s+(?:[\w-]+\s+){0,3}$", re.I)
# "no specific countermeasure has been announced"
_NO_DETERMINER = re.compile(r"\b(?:[Nn]o|[Nn]one\s+of\s+the)\s+(?:[\w-]+\s+){0,2}$")

# "tariffs on dozens of countries, including a 34% rate for China": a global step that covers the other side
_INCLUDING_PARTY = re.compile(r"\bincluding\b[^.;]{0,40}?\b(?:China|Chinese|Beijing|the\s+United\s+States|U\.S\.|American)")

# --- cues of the sub-extractors
# "..., and export controls on tungsten" after a tariff step (export section of sentence_mentions)
_AND_BEFORE = re.compile(r",?\s+and\s+(?:new\s+|also\s+)?$")
# "the APEC leaders' meeting", "the G20 summit" (_leader_mentions)
_MULTILATERAL = re.compile(r"\b(?:APEC|G-?20|G-?7|ASEAN|BRICS|East\s+Asia|U\.?N\.?)\s+(?:(?:leaders|heads\s+of\s+state)['’]?\s+)?$")
# "talks on the sidelines of the ASEAN summit" (_leader_mentions)
_SIDELINES = re.compile(r"\bsidelines\s+of\s+(?:the\s+|a\s+)?(?:[\w-]+\s+){0,3}$", re.I)

# --- cues of _assign_dates
# "its ban on exports ..., which it imposed in December 2024": a reference dated by its relative clause
_RELATIVE_WHICH = re.compile(r"\b(?:which|that)\s+(?:it|they|he|she|Beijing|Washington|China)?\s*(?:had\s+|has\s+)?(?:imposed|introduced|announced|unveiled|issued|placed|put|agreed|adopted|levied)\b")
# "agreed on Monday to roll back": the verb that governs an infinitive step, and what lies between
_GOVERNS = re.compile(r"(?i)agreed|decided|pledged|promised|vowed|committed|moved|voted")
_TO_COMPLEMENT = re.compile(r"(?:\s+(?:on|in|late|early|last|this|[A-Z][a-z]+\.?|\d{1,2}),?){0,4}\s+to\s+(?:\w+\s+)?")


def _dated_measures(sentence, si, clauses, dates, actors, mentions, s_codes, doc_bilateral, keys, types) -> list[Mention]:
    """Background measures named by a date inside their noun phrase.

    "would suspend the Oct. 9 controls", "the curbs of 9 October", "licensing,
    in place since April 4": the date names an earlier measure, presupposed
    whatever the verb of the clause (suspend, could lift, has not lifted), so
    it is asserted as a past step on that date, and the date is not the
    clause verb's. A noun phrase whose own trigger already carries the date
    ("the May 14 tariff cut") is left to that trigger.
    """
    c = _compiled()
    anchors = []
    for etype in ("export_control", "tariff_change", "agreement"):
        if etype in types:
            anchors.extend((a.start(), a.end(), etype) for a in c[etype]["anchor"].finditer(sentence, keys=keys)
                           # "the October package" of export controls is no deal
                           if etype != "agreement" or a.group(0).lower() != "package")
    if not anchors:
        return []
    out: list[Mention] = []
    for d in dates:
        if d.precision not in ("day", "month", "days") or d.lo > d.hi:
            continue
        hit = None
        np_start = d.start
        det = _DATED_NP_BEFORE.search(sentence, max(0, d.start - 40), d.start)
        if det is not None:
            np_start = det.start()
            gap = _DATED_NP_AFTER.match(sentence, d.end)
            if gap is not None and gap.end() - d.end <= 30:
                hit = next((a for a in anchors if a[0] == gap.end() or (d.end < a[0] <= gap.end() + 1 and a[0] - d.end <= 30)), None)
        elif _OF_DATE_BEFORE.search(sentence, max(0, d.start - 5), d.start):
            # a day, not a month: "the triple-digit rates of April" is a level, not
            # a step; but "the Geneva truce of May" is the deal made then
            hit = next((a for a in anchors if 0 <= d.start - a[1] <= 5
                        and (d.precision == "day" or a[2] == "agreement")), None)
        elif _SINCE_BEFORE.search(sentence, max(0, d.start - 30), d.start):
            hit = max((a for a in anchors if a[1] <= d.start and d.start - a[1] <= 80), key=lambda a: a[0], default=None)
        if hit is None:
            continue
        a_s, a_e, etype = hit
        lo, hi = min(np_start, a_s), max(d.end, a_e)
        if any(m.event_type == etype and lo <= m.t_start < hi + 15 and not _IN_PLACE.fullmatch(sentence, m.t_start - 3, m.t_end)
               for m in mentions):
            continue  # the phrase has its own trigger ("the May 14 tariff cut")
        clause = _clause_of(clauses, a_s)
        actor, codes = acting_party(sentence, actors, clause, min(a_s, d.start))
        poss = [a for a in actors if a.is_party and 0 <= d.start - a.end <= 4]
        if poss:
            actor = poss[-1].code
            codes = frozenset(codes | {actor})
        if not in_scope(codes, s_codes, doc_bilateral):
            continue
        if _other_partners(sentence, clause) and not ({"US", "CN"} <= codes):
            continue
        if etype == "agreement":
            action = "reach"
        else:
            action = "tighten" if etype == "export_control" and _TIGHTENING_NP.search(sentence, max(0, d.start - 20), a_e) else "impose"
        m = Mention(etype, action, si, a_s, a_e, clause, actor=actor, parties=codes)
        m.tense = "past"
        m.occurred = d
        m.extra.update(modifier=True, reference=True, anchor=a_s, all_dates=[d], dated_np=True)
        if etype == "export_control":
            out.extend(_per_commodity(m, sentence, a_s, keys))
        else:
            out.append(m)
    return out


_AGREE_VERB = re.compile(r"\bagree(?:d|s|ing)?\b", re.I)
_LEVEL_VERB = re.compile(r"(?i)set(?:s|ting)?")
_EFFECT = re.compile(r"(?i)(?:took|takes|take|came|comes)\s+(?:effect|into\s+force)|kick(?:ed|s)\s+in")
_RESULT_BEFORE = re.compile(r"\b(?:to|at)\s+(?:an?\s+)?$", re.I)


def _per_commodity(m: Mention, sentence: str, anchor_pos: int, keys, whole_sentence: bool = True) -> list[Mention]:
    """One copy of export-control mention ``m`` per commodity its clause names
    (else, with ``whole_sentence``, its sentence), or ``m`` with no commodity."""
    comms = find_commodities(sentence, m.clause, anchor_pos, keys)
    if not comms and whole_sentence:
        comms = find_commodities(sentence, (0, len(sentence)), anchor_pos, keys)
    out = []
    for k in comms or [None]:
        mm = m.copy()
        mm.commodity = k
        out.append(mm)
    return out


def _rate_distance(m: Mention, pos: int) -> int:
    if pos >= m.t_end:
        return pos - m.t_end
    if pos < m.t_start:
        return m.t_start - pos
    return 0


def _bind_rates(mentions: list[Mention], sentence: str) -> None:
    """Give each stated rate to the tariff step it belongs to.

    - "set at 10 percent" only states the resulting level: when the clause
      names the step that produces it ("with 24 points suspended"), the step
      is the event and "set" is dropped.
    - A rate belongs to the trigger nearest to it: in "bring the duty imposed
      in April down to 10 percent" it is the rate of "bring down", not of
      the participle "imposed"; a trigger farther away keeps none.
    - Suspending or removing a tariff sets no rate of its own: "remove the
      15% duty" names the measure. Only a result ("to 10%") is kept.
    """
    tc = [m for m in mentions if m.event_type == "tariff_change"]
    if len(tc) > 1:
        for m in list(tc):
            if m.action == "impose" and _LEVEL_VERB.fullmatch(sentence, m.t_start, m.t_end) and any(
                    x is not m and x.clause == m.clause and x.action not in ("impose", "threaten") for x in tc):
                mentions.remove(m)
                tc.remove(m)
    for m in tc:
        if m.rate is None:
            continue
        pos = [p for v, p in m.extra.get("rates", ()) if v == m.rate]
        # a step of the other direction competes for the rate ("a sharp
        # increase, raising it to 125%" is one step); "to 10%" is the result
        # of a verb before it
        if m.extra.get("modifier") and any(not x.extra.get("modifier") and x.clause == m.clause for x in tc):
            m.rate = None  # "lower the tariff imposed in March to 10%": the rate is the step's
            continue
        others = [x for x in tc if DIRECTION.get(x.action) != DIRECTION.get(m.action) and x.clause == m.clause
                  and not _EFFECT.fullmatch(sentence, x.t_start, x.t_end) and not x.extra.get("modifier")]

        def near(p: int) -> bool:
            rivals = others
            if _RESULT_BEFORE.search(sentence, max(0, p - 8), p):
                if m.t_start > p:
                    return False
                rivals = [x for x in others if x.t_start < p]
            return not rivals or _rate_distance(m, p) <= min(_rate_distance(x, p) for x in rivals)

        if pos and not any(near(p) for p in pos):
            m.rate = None
            continue
        if m.action in ("suspend", "remove") and not any(
                _RESULT_BEFORE.search(sentence, max(0, p - 8), p) for p in pos):
            m.rate = None


_MEASURE_NOUN = (r"(?:tariffs?|dut(?:y|ies)|levy|levies|increases?|hikes?|controls?|measures?|restrictions?|requirements?|"
                 r"rules?|orders?|curbs?|bans?|limits?|licen[cs]es?|countermeasures?|items|goods|products|imports|exports)")
_AUX_BEFORE = re.compile(r"\b(?:will|would|shall|to|be|been|being|was|were|is|are|am|has|have|had|get|gets|got)\s+"
                         r"(?:(?:\w+ly|not|also|already|since|then|just|now|first)\s+)*$", re.I)
_REL_BEFORE = re.compile(r"(?:\b(?:that|which)\s+|\b" + _MEASURE_NOUN + r"\s+)(?:(?:it|they|he|she|Washington|Beijing|China|the\s+U\.S\.|"
                         r"the\s+United\s+States)\s+)?(?:(?:had|has|have)\s+)?(?:(?:\w+ly|first|since|then|just)\s+)?$", re.I)
_NOUN_BEFORE = re.compile(r"\b" + _MEASURE_NOUN + r"\s+(?:(?:\w+ly|first|since|then|just)\s+)?$", re.I)


def _modifier(sentence: str, clause, s: int, e: int) -> bool:
    """Whether the -ed trigger at ``s:e`` sits in a modifier of a noun, not
    the clause's own verb group: a reduced relative ("the tariff imposed on
    Chinese goods", "the interim final rule issued on ..."), a relative clause
    ("the measures it announced on Oct. 9", "the requirements it had placed
    on ...", "which extended ...") or a bare participle after a future or
    imperative verb ("will bring the duty imposed under ... down to 10%")."""
    word = sentence[s:e]
    if " " in word or not word.lower().endswith("ed"):
        return False
    lo = max(clause[0], s - 60)
    rel = _REL_BEFORE.search(sentence, lo, s)  # (searched once: both tests read it)
    if rel and not _AUX_BEFORE.search(sentence, max(lo, s - 12), s) or (
            rel and _PERFECT_BEFORE.search(sentence[lo:s])):
        return True
    if _AUX_BEFORE.search(sentence, lo, s):
        return False
    if _NOUN_BEFORE.search(sentence, lo, s):
        return True
    before = sentence[clause[0]:s]
    return bool(_FUTURE.search(before) or _LIST_ITEM.match(sentence) and clause[0] == 0)


_SPEECH = re.compile(r"\b(?:said|says|warned|warns|wrote|writes|posted|posts|told\s+\w+|declared|vowed|vows)\b")
_WOULD_BEFORE = re.compile(r"\bwould\s+(?:also\s+|then\s+|soon\s+)?$")


_HE_SAID = re.compile(r"\b(?:he|she)\s+(?:said|says|wrote|posted|warned)\b")


def _leader_threats(mentions: list[Mention], sentence: str, actors) -> None:
    """A head of state saying his government "would impose" a measure threatens it.

    A ministry's "said it would raise its duty to 84%" announces a decided step;
    a leader's "Trump said the U.S. would impose an extra 100% tariff" (or
    "wrote that he would put export controls on ...") is a threat.
    """
    for m in mentions:
        if DIRECTION.get(m.action) != "tighten" or not _WOULD_BEFORE.search(sentence, max(0, m.t_start - 20), m.t_start):
            continue
        for a in actors:
            if a.kind != "leader" or a.end > m.t_start:
                continue
            sp = _SPEECH.search(sentence, a.end, m.t_start)
            if sp is not None and (sp.start() - a.end < 40
                                   or _HE_SAID.search(sentence, max(a.end, m.t_start - 45), m.t_start)):
                # "Trump said ...", or "... Trump issued on Oct. 10, when he said he would add"
                m.action = "threaten"
                break


_DUR_OF_TALKS = re.compile(r"\bof\s+(?:talks|negotiations)")
_DUR_WITHIN = re.compile(r"(?:within|in(?!\s+(?:place|force|effect)\b)|after|over|past|last|first|next)\s+(?:\w+\s+)?$", re.I)


# "extended it to Nov. 10", "pushed it on Nov. 4 to ...": a pause named by a pronoun (the
# extractor keeps it only after a sentence naming a tariff pause); on lower-cased text,
# where every match contains "ed it "
_PRONOUN_OBJECT = re.compile(r"\b(?:extended|pushed)\s+it(?=\s+(?:(?:on|in)\s+[^.;,]{1,20}?\s+)?(?:back\s+)?to\s)")


def _deadline_mentions(sentence, si, clauses, dates, base, pub) -> list[Mention]:
    c = _compiled()["tariff_deadline"]
    out = []
    anchors = [a.start() for a in c["anchor"].finditer(sentence)]
    # (every match of _PRONOUN_OBJECT contains "ed it ": without it, no anchor is a pronoun)
    pronoun = "ed it " in lower(sentence)
    if pronoun:
        anchors += [a.start() for a in _PRONOUN_OBJECT.finditer(lower(sentence))]
    if not anchors:
        return out
    durations = None  # D.find_durations(sentence), found on first use (only a trigger without a deadline date reads it)
    undated_expiry: set = set()
    for action in ("extend", "shorten", "expire", "set"):
        for m in c[action].finditer(sentence):
            ms = m.start()
            clause = _clause_of(clauses, ms)
            if not any(clause[0] <= a < clause[1] and abs(a - ms) < 120 for a in anchors):
                continue
            if any(x.t_start <= ms < x.t_end + 40 and x.t_start - 40 <= ms for x in out):
                continue
            if action == "set" and any(x.clause == clause and x.action in ("extend", "shorten") for x in out):
                continue  # "keep ... suspended for a further 90 days" is the extension itself
            # the deadline: a date in a deadline role, else anchor + duration
            # "has an expiry date: August 12" - a colon introduces the value
            c_hi = clause[1]
            if sentence.startswith(": ", c_hi):
                c_hi = _clause_of(clauses, c_hi + 2)[1]
            dl = [d for d in dates if d.role == "deadline" and clause[0] <= d.start < c_hi]
            if not dl and action == "expire":
                # "the Aug. 12 expiry of the truce": the date names the expiry
                dl = [d for d in dates if d.end + 1 == ms and sentence[ms:m.end()].lower() == "expiry"]
            durs = None
            if not dl and action != "expire":
                # Checked before base(): these two skips read neither base's
                # mention nor any state base changes (it has no side effects),
                # and a trigger base rejects is skipped as well.
                if action == "set" and clause in undated_expiry:
                    continue  # "the 90-day pause runs out soon": the duration names the pause
                if durations is None:
                    durations = D.find_durations(sentence)
                # "for the same 90-day period" points back to a period stated before
                # ("extending its pause by the same 90 days" is an extension's own length)
                durs = [d for d in durations if clause[0] <= d.start < clause[1]
                        and (not d.text.lower().startswith(("the same", "for the same"))
                             or (action == "extend" and sentence.endswith("by ", 0, d.start)))
                        and not _DUR_OF_TALKS.search(sentence[d.end:d.end + 14])
                        and not _DUR_WITHIN.search(sentence[max(0, d.start - 20):d.start])]
                if not durs:
                    continue
            mm = base("tariff_deadline", "set" if action == "expire" else action, ms, m.end())
            if not mm:
                continue
            if not any(clause[0] <= a < clause[1] and abs(a - ms) < 120
                       and not (pronoun and _PRONOUN_OBJECT.match(lower(sentence), a)) for a in anchors):
                mm.extra["pronoun_object"] = True  # "extended it to Nov. 10": the extractor checks what "it" is
            # the measure the trigger is about must be asserted too: "would work
            # to keep in place the suspension ... for a further 90 days"
            near = [a for a in anchors if max(clause[0], ms - 150) <= a < ms
                    and a < ms - 8] if action != "expire" else ()
            if near and _has_unreal_cue(sentence, clause[0], ms) and any(irrealis(sentence, clause[0], a, a, clause[1]) in _UNREAL for a in near):
                continue
            if dl:
                if action in ("extend", "shorten"):
                    # "hours before the pause was due to expire on Aug. 12, keeping
                    # the suspended portion on hold until Nov. 10": the old deadline
                    # comes before the step, the new one after it
                    dl = [d for d in dl if d.start >= ms] or dl
                best = min(dl, key=lambda d: abs(d.start - ms))
                mm.deadline = best.last or best.value
                mm.extra["deadline_prec"] = best.precision
                mm.extra["deadline_hi"] = best.hi
            elif action == "expire":
                # "the 90-day pause runs out" with no date: the deadline is not stated
                undated_expiry.add(clause)
                continue
            else:
                dur = min(durs, key=lambda d: abs(d.start - ms))
                starts = [d for d in dates if d.role == "effective" and clause[0] <= d.start < clause[1]]
                if not starts and dur.text.lower().startswith(("for another", "for a further", "another", "a further")):
                    # "from November 10, it will remove ... and will keep its own
                    # 24% suspended for a further year": the sentence's start day
                    starts = [d for d in dates if d.role == "effective" and d.end <= ms]
                mm.extra["duration"] = dur
                mm.extra["computed"] = True
                if starts:
                    st = min(starts, key=lambda d: abs(d.start - dur.end))
                    mm.deadline = D.add_duration(st.value, dur)
                    mm.extra["deadline_prec"] = st.precision
                # else: computed from occurred_on once the date is known (merge)
            if action == "expire":
                mm.extra["state"] = True
            mm.confidence = 0.75
            out.append(mm)
    return out


_DEFINITE_NOUN = re.compile(r"\b(?:the|this|that|its|their|these|those)\s+(?:\d+-day\s+|current\s+|existing\s+)?(?:tariff\s+|trade\s+)?$", re.I)
_FOR_THE_TALKS = re.compile(r"\b(?:for|of|from|to|before|ahead\s+of)\s+the\s+$", re.I)
# (with "suspended"/"paused" as adjectives: "extends the pause on the suspended tariffs")
_NOUN_TRIGGER = re.compile(r"(?i)pause|suspension|truce|reprieve|halt|hike|increase|rollback|cut|ban|curbs|controls|restrictions|suspended|paused")
# a past report of a future step: "the ministry said (that) China would ..."
_SAID_BEFORE = re.compile(r"\b(?:said|announced|confirmed)\b(?:\s+(?:that\s+)?(?:[\w'’.-]+\s+){0,8}?(?:would|will)\b)")
_SAID_THEN = re.compile(r"\b(?:said|stated|announced)\b")


def _reported_past(sentence: str, lo: int, hi: int) -> bool:
    """Whether a past reporting verb between ``lo`` and ``hi`` governs the future step at ``hi``."""
    # Looked for only for a future-tense mention, not once per sentence; every match
    # of _SAID_BEFORE contains "said", "announced" or "confirmed", every match of
    # _SAID_THEN "said", "stated" or "announced", inside the searched range.
    said_or_announced = sentence.find("said", lo, hi) >= 0 or sentence.find("announced", lo, hi) >= 0
    if (said_or_announced or sentence.find("confirmed", lo, hi) >= 0) and _SAID_BEFORE.search(sentence, lo, hi):
        return True
    return ((said_or_announced or sentence.find("stated", lo, hi) >= 0)
            and _SAID_THEN.search(sentence, lo, hi) is not None)


_SAYS_NOW = re.compile(r"\b(?:says|tells\s+\w+|confirms|announces)\b")


def _has_unreal_cue(sentence: str, lo: int, hi: int) -> bool:
    from .negation import _found
    return _opens_cond(sentence) or any(has_span(_found(k, sentence), lo, hi) for k in _UNREAL)


def _opens_cond(sentence: str) -> bool:
    from .negation import _opens_conditional
    return _opens_conditional(sentence)


_UNREAL = ("expectation", "speculation", "conditional", "opinion")


_SIDES_SUBJECT = re.compile(r"\b(?:the\s+two\s+sides|both\s+sides|negotiators|delegations|officials|trade\s+teams|envoys|(?:his|her|their|the)\s+(?:(?:negotiating|trade)\s+)?(?:team|teams|delegation|negotiators))"
                            r"(?:\s+(?:from|of|for)\s+(?:[\w.'’-]+\s+){0,3}?[\w.'’-]+)?,?\s+"
                            r"(?:(?:had|have|has|last|first|also|then|again)\s+)?$", re.I)
_MEET_VERB = re.compile(r"\b(?:meet(?:s|ing)?|met)\b")
_MEET_CN_SIDE = re.compile(r"\bChinese\s+delegation|\bVice\s+Premier|He\s+Lifeng|Li\s+Chenggang")
_MEET_NEGOTIATORS = re.compile(r"\b(?:negotiators|delegations|delegates|envoys|trade\s+teams)\b", re.I)
# "with two days to spare before their presidents meet": the leaders, not the negotiators
_MEET_LEADERS = re.compile(r"\b(?:presidents|leaders|heads\s+of\s+state)\s+(?:\w+\s+)?$", re.I)
_SCHEDULED = re.compile(r"\b(?:will|would|to)\s+meet\b|\bscheduled\b|\bnext\s+round\b")
_UNSET = object()


def _talk_mentions(sentence, si, clauses, actors, base) -> list[Mention]:
    c = _compiled()
    lc = c["leader_contact"]
    out = []
    spec = c["talks"]
    triggers = []
    for m in spec["anchor"].finditer(sentence):
        word = m.group(0).lower()
        # (the clause is only needed for "meeting"/"session"; a former third
        # test, "a leader in the clause and 'with' after it", could never decide:
        # a leader in the clause already skips)
        if word.startswith(("meeting", "session")):
            clause = _clause_of(clauses, m.start())
            if any(a.kind == "leader" and clause[0] <= a.start < clause[1] for a in actors) \
                    or lc["pair"].search(sentence, clause[0], clause[1]):
                continue  # a leaders' meeting
        triggers.append((m.start(), m.end()))
    # "Bessent met He Lifeng", "will meet a Chinese delegation"
    # (every match of the case-sensitive _MEET_VERB contains "meet" or "met")
    for m in (_MEET_VERB.finditer(sentence) if "met" in sentence or "meet" in sentence else ()):
        clause = _clause_of(clauses, m.start())
        officials = [a for a in actors if clause[0] <= a.start < clause[1] and a.kind in ("official", "agency")]
        sides = _SIDES_SUBJECT.search(sentence, max(0, m.start() - 30), m.start())
        if not sides and any(a.kind == "leader" and m.start() - 60 <= a.start < m.end() + 40 for a in actors):
            continue
        if _MEET_LEADERS.search(sentence, max(0, m.start() - 40), m.start()):
            continue
        if sides:
            triggers.append((m.start(), m.end()))
            continue
        if {a.code for a in officials} >= {"US"} and (_MEET_CN_SIDE.search(sentence[m.end():clause[1]])
                                                     or {"CN"} <= {a.code for a in officials}):
            triggers.append((m.start(), m.end()))
        elif _MEET_NEGOTIATORS.search(sentence[clause[0]:m.start()]):
            triggers.append((m.start(), m.end()))
    seen_clause = set()
    bilateral_text = None  # whether the sentence names both sides; searched once, on first need
    talk_days = _UNSET     # "two days of talks ended ...": searched once, on first need
    for s, e in sorted(triggers):
        clause = _clause_of(clauses, s)
        # a third government that takes part (not one named as a target or a
        # goods' origin: "purchases of Russian oil") makes it other talks.
        # Checked before base(): it does not read base's mention, and base has
        # no side effects, so skipping base for a dropped trigger changes nothing.
        if any(a.is_party and clause[0] <= a.start < clause[1] and a.code not in ("US", "CN")
               and not _is_target(sentence, a) for a in actors):
            continue
        loc = locs = _UNSET
        if seen_clause:
            # A (clause, venue) pair already given a mention is dropped whatever
            # base returns, so check it first; the sentence's venues are memoised
            # by now (the trigger that filled seen_clause looked them up).
            loc = find_location(sentence, s, clause[0], clause[1])
            locs = _locations_in(sentence, clause[0], clause[1])
            if len(locs) < 2 and (clause, loc) in seen_clause:
                continue
        mm = base("talks", "hold", s, e)
        if not mm:
            continue
        if loc is _UNSET:
            loc = find_location(sentence, s, clause[0], clause[1])
        if not loc and not {"US", "CN"} <= mm.parties:
            if bilateral_text is None:
                fast = c["talks_bilateral_low"]
                bilateral_text = (fast.search(lower(sentence)) if fast is not None and sentence.isascii()
                                  else c["talks_bilateral"].search(sentence)) is not None
            if not bilateral_text:
                mm.extra["needs_date"] = True
        tail = sentence[clause[0]:min(clause[1], e + 60)]
        if mm.tense == "future" or _SCHEDULED.search(tail):
            mm.action = "schedule"
        # talks that ran and ended are reported as held ("two days of talks ended
        # on Tuesday"): the annotation keeps `hold` for a round that took place
        mm.location = loc
        mm.confidence = 0.7
        if loc and _venue_tight(sentence, s, e, loc):
            mm.extra["venue_tight"] = True
        # several venues in one clause ("rounds in London in June and Stockholm in late July")
        if locs is _UNSET:
            locs = _locations_in(sentence, clause[0], clause[1])
        if len(locs) >= 2:
            for canon, pos in locs:
                x = mm.copy()
                x.location = canon
                x.extra["venue_pos"] = clause[0] + pos
                x.extra["venue_tight"] = _venue_tight(sentence, s, e, canon)
                out.append(x)
        else:
            key = (clause, loc)
            if key in seen_clause:
                continue
            seen_clause.add(key)
            out.append(mm)
        if talk_days is _UNSET:
            # every match of _TALK_DAYS contains "days" (any case; an ASCII
            # sentence has no other-script letter that re.I folds onto it)
            dm = _TALK_DAYS.search(sentence) if "days" in lower(sentence) or not sentence.isascii() else None
            talk_days = (D._num(dm["n"] or dm["n2"]) or 1) if dm and _TALK_END.search(sentence) else None
            if dm and talk_days is None and _TALK_AFTER.search(sentence) and not _TALK_BEGAN.search(sentence):
                talk_days = -(D._num(dm["n"] or dm["n2"]) or 1)  # (negative: only a day of the talks' own)
        if talk_days is not None:
            for x in out:
                if x.event_type == "talks" and x.sent == si:
                    if talk_days > 0:
                        x.extra["first_day_offset"] = -(talk_days - 1)
                    else:
                        x.extra["after_days_offset"] = talk_days + 1
    return out


_VENUE_BEFORE = re.compile(r"^(?:[\s,'’s]|-|\b(?:trade|economic|and|U\.S\.-China|US-China)\b)*$")
_VENUE_AFTER = re.compile(r"^\s+(?:(?:held|that\s+took\s+place|took\s+place)\s+)?(?:in|at)\s+(?:the\s+)?$")


def _venue_tight(sentence: str, s: int, e: int, canon: str) -> bool:
    """Whether venue ``canon`` is attached to the trigger at ``s:e``: "the London
    trade talks", "the Stockholm round", "talks in Geneva"."""
    for c, vs, ve in venues(sentence):
        if c != canon:
            continue
        if ve <= s and _VENUE_BEFORE.match(sentence[ve:s]):
            return True
        if vs >= e and _VENUE_AFTER.match(sentence[e:vs]):
            return True
    return False


# (a month between two venues lists rounds: "after Geneva in May, London in June")
_VENUE_COORD = re.compile(r"\b(?:and|or|then|after|before|followed\s+by)\b|;|\bin\s+(?:January|February|March|April|May|June|July|"
                          r"August|September|October|November|December)\b")


def _locations_in(text: str, lo: int = 0, hi: int | None = None) -> list[tuple[str, int]]:
    """Venues named in ``text[lo:hi]`` with their offsets from ``lo``."""
    hi = len(text) if hi is None else hi
    first: dict[str, int] = {}
    for canon, s, e in venues(text):
        if s >= lo and e <= hi and canon not in first:
            first[canon] = s - lo
    found = [(canon, pos) for canon, pos in first.items()]
    found.sort(key=lambda x: x[1])
    # "Busan, South Korea" and "Gimhae air base in Busan" name one venue;
    # "Geneva and a meeting in London" name two
    dedup = []
    for canon, pos in found:
        if dedup and pos - dedup[-1][1] < 25 and not _VENUE_COORD.search(text, lo + dedup[-1][1], lo + pos):
            continue
        dedup.append((canon, pos))
    return dedup if len({c for c, _ in dedup}) >= 2 else dedup[:1]


_ANAPHOR_BEFORE = re.compile(r"\b(?:the|this|that|their)\s+$", re.I)


_CALL_OFF = re.compile(r"\bcall(?:s|ed)?\s+(?:off|for|on(?!\s+(?:[A-Z][a-z]+day|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|\d|the\s+\d)))\b")  # "call on" a date is a call


# "Trump and Xi spoke on Thursday", "the two leaders will speak on Friday": the two
# leaders as the one subject of a bare speak verb
_LEADER_NAME = r"(?:(?:U\.S\.\s+|US\s+|American\s+|Chinese\s+)?(?:President\s+)?(?:Donald\s+)?Trump|(?:Chinese\s+)?(?:President\s+)?Xi(?:\s+Jinping)?)"
_LEADERS_SUBJECT = re.compile(rf"(?:\b{_LEADER_NAME}\s+and\s+{_LEADER_NAME}|\b[Tt]he\s+two\s+(?:leaders|presidents))\s+"
                              r"(?:(?:will|would|had|have|also|last|then)\s+)?$")


def _officials_subject(sentence: str, actors, t_start: int) -> bool:
    """Whether the name right before a meeting verb is an official's or an
    agency's, not a leader's ("Treasury Secretary Scott Bessent and Vice Premier
    He Lifeng met there"): their delegations met, whoever else the sentence names."""
    last = None
    for a in actors:
        if a.end <= t_start and (last is None or a.end > last.end):
            last = a
    return (last is not None and last.kind in ("official", "agency")
            and _ADJACENT_SUBJECT.fullmatch(sentence, last.end, t_start) is not None)


def _leader_mentions(sentence, si, clauses, actors, base) -> list[Mention]:
    lc = _compiled()["leader_contact"]
    out = []
    leaders = {a.code for a in actors if a.kind == "leader"}
    codes = {a.code for a in actors if a.is_party}
    # both leaders named, else the pair pattern (searched on the first trigger only)
    pair = True if {"US", "CN"} <= leaders else None
    for action in ("call", "meeting"):
        for m in lc[action].finditer(sentence):
            word = m.group(0).lower()
            visit = word.startswith("visit")
            if pair is None:
                pair = bool(lc["pair"].search(sentence))
            if not (pair or (visit and leaders and {"US", "CN"} <= codes)):
                continue
            if action == "call" and _CALL_OFF.search(sentence[m.start():m.end() + 16]):
                continue
            if action == "call" and word in ("spoke", "speak", "talked") and not _LEADERS_SUBJECT.search(
                    sentence, max(0, m.start() - 90), m.start()):
                continue  # "Xi spoke at the forum; Trump replied": each on his own, no call
            if action == "meeting" and _SIDES_SUBJECT.search(sentence, max(0, m.start() - 30), m.start()):
                continue  # "the two sides met in Madrid": negotiators, not the leaders
            if action == "meeting" and _officials_subject(sentence, actors, m.start()):
                continue  # "Bessent and He Lifeng met there ... the outline the two presidents approved"
            if action == "meeting" and _SIDELINES.search(sentence, max(0, m.start() - 40), m.start()):
                continue  # "talks on the sidelines of the ASEAN summit": a venue, not a meeting
            if action == "meeting" and _MULTILATERAL.search(sentence, max(0, m.start() - 30), m.start()):
                continue  # "the APEC leaders' meeting": a gathering, not the two leaders' meeting
            # The two repeat checks read only earlier mentions, not this one:
            # checked before base() (which has no side effects), as a trigger
            # base rejects is skipped as well.
            if any(x.action == action and abs(x.t_start - m.start()) < 40 for x in out):
                continue
            if _ANAPHOR_BEFORE.search(sentence, max(0, m.start() - 12), m.start()) and any(
                    x.action == action and x.t_end <= m.start() for x in out):
                continue  # "spoke by phone ..., Trump said after the call": the same call again
            mm = base("leader_contact", action, m.start(), m.end())
            if not mm:
                continue
            mm.location = find_location(sentence, m.start()) if action == "meeting" else None
            mm.confidence = 0.75
            out.append(mm)
    return out


# --------------------------------------------------------------------------- dates

_BIND_TALKS = re.compile(r"(?:talks|meeting|round|rounds|negotiations)(?:\s+(?:in|at)\s+[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)?\s*(?:,\s*)?(?:in|on)?\s*$")
_BETWEEN = re.compile(
    r"(?:\s+(?:that|which|it|they|he|she|the\s+two\s+sides|both\s+sides|the\s+two\s+leaders|Washington|Beijing))?"
    r"(?:\s+(?:first|had|have|has|was|were))?"
    r"(?:\s+(?:levied|imposed|announced|issued|ordered|placed|introduced|adopted|unveiled|held|met|agreed|reached|"
    r"struck|signed|drew\s+up|took\s+place|occurred|disclosed|planned|scheduled|slated|set))?"
    # up to two attached phrases: "with President Xi in South Korea", "between Trump and Xi planned"
    r"(?:\s+(?:(?:in|on|at|with|between)\s+(?:the\s+)?(?:(?:President|Vice|Premier|Chinese|U\.S\.)\s+)*"
    r"(?:[A-Z][\w.'-]*\s*(?:and\s+)?){1,4}(?:capital|city|air\s+base)?|planned|scheduled|slated|set|due)){0,2}"
    r"(?:\s+(?:in|on|at|during|of|for))?\s*")


_REPORTED_ON = re.compile(r"\b(?:said|says|say|told(?:\s+\w+){0,2}?|announced|added|confirmed|wrote|posted|reported)"
                          r"\s+(?:(?:late|early)\s+)?(?:on\s+)?$", re.I)


_INFINITIVE_BEFORE = re.compile(r"\b(?:agreed|agree|agrees|plans?|planned|expects?|expected|hopes?|hoped|intends?|intended|promised|pledged|vowed)\b[^.;:]{0,40}?\bto\s+$", re.I)


_COORD_DATES = re.compile(r"\s*(?:,\s*(?:and|or)?|and|or)\s*(?:on\s+|in\s+)?")


_POSSESSIVE_S = re.compile(r"^['’]s\b")
_PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "approx": 3}


_ASIDE_DASH = re.compile(r"\s[-–—]\s")


def _in_other_aside(sentence: str, pos: int, t_start: int) -> bool:
    """Whether ``pos`` lies between a pair of spaced dashes (" - ... - ") that
    does not also hold ``t_start``."""
    dashes = [m.start() for m in _ASIDE_DASH.finditer(sentence)]
    for a, b in zip(dashes[::2], dashes[1::2]):
        if a < pos < b:
            return not a < t_start < b
    return False


def _assign_dates(mentions: list[Mention], sentence: str, dates: list[D.DateMention], clauses) -> None:
    """Give each mention its occurrence and effective dates.

    A date right after a trigger ("agreed in Geneva last month", "the tariffs
    it imposed in March", "last Thursday's call") is bound to that trigger.
    Any other date goes, within each event type, to the nearest trigger of
    that type in its clause (or in the sentence, when its clause has none).
    A mention left without a date keeps the nearest date bound elsewhere as
    a weak fallback.
    """
    if not mentions and clauses:
        # nothing to date: the work below only fills per-mention tables (clauses
        # is never empty from split_clauses; if it were, _clause_of would raise
        # below as before)
        return
    occ: list[D.DateMention] = []
    eff: list[D.DateMention] = []
    for d in dates:
        if d.role == "occurred":
            occ.append(d)
        elif d.role == "effective":
            eff.append(d)
    free_dates: list[D.DateMention] = []
    claims: dict[int, list[D.DateMention]] = {}
    weak: dict[int, list[D.DateMention]] = {}
    strong: dict[int, list[D.DateMention]] = {}
    for m in mentions:
        k = id(m)
        claims[k], weak[k], strong[k] = [], [], []
    barred: dict[int, set] = {}  # mention -> dates it may not take, even as a fallback
    has_talks = bool(occ) and any(x.event_type == "talks" for x in mentions)  # only read for an occurred date
    prev_bound = None
    for d in occ:
        allowed = None
        talks_bound = False
        if has_talks and _BIND_TALKS.search(sentence[max(0, d.start - 45):d.start]):
            allowed = [m for m in mentions if m.event_type == "talks"]
            talks_bound = True
        if d.end < len(sentence) and sentence[d.end] == " ":
            # a date premodifying the trigger ("the weekend talks", "Friday call")
            # and a date that opens a verb group ("and on May 12 announced a deal")
            nxt = [m for m in mentions if m.t_start == d.end + 1 and (
                m.event_type in ("talks", "leader_contact")
                or sentence.endswith(("on ", "On "), 0, d.start) and sentence[m.t_start:m.t_end].endswith("ed"))]
            for m in nxt:
                strong[id(m)].append(d)
            if nxt:
                allowed = nxt
        if d.text.endswith((" after", " before")) and any(o.end <= d.start for o in occ):
            # "threatened on 10 October, a day after China widened its
            # controls": counted back from an earlier date, the relative day is
            # that of the happening in its complement
            comp = [m for m in mentions if 0 <= m.t_start - d.end <= 60 and m.clause == _clause_of(clauses, d.start)
                    and "," not in sentence[d.end:m.t_start]]
            if comp:
                allowed = comp
                for m in comp:
                    strong[id(m)].append(d)
        # (the regex is tried only where its first two characters are)
        if sentence.startswith(("'s", "’s"), d.end) and _POSSESSIVE_S.match(sentence[d.end:d.end + 3]):
            after = [m for m in mentions if 0 <= m.t_start - d.end <= 45]
            if after:
                allowed = after
        bound = [m for m in mentions if 0 <= d.start - m.t_end <= 60
                 and _BETWEEN.fullmatch(sentence[m.t_end:d.start])]
        if bound and allowed is None:
            allowed = bound
            for m in bound:
                if "venue_pos" not in m.extra:  # venue lists pair dates by position
                    strong[id(m)].append(d)
        elif bound and talks_bound:
            # "talks in Geneva on Saturday and Sunday": the first day is bound to
            # the talks as tightly as the coordinated second one
            for m in bound:
                if m in allowed and "venue_pos" not in m.extra:
                    strong[id(m)].append(d)
        if allowed is None and prev_bound and _COORD_DATES.fullmatch(sentence, prev_bound[0].end, d.start):
            # "announced on April 9 and April 11": a coordinated date belongs
            # to the trigger the first one is bound to
            allowed = prev_bound[1]
            for m in allowed:
                strong[id(m)].append(d)
        prev_bound = (d, bound) if bound and allowed is bound else (
            (d, allowed) if prev_bound and allowed is prev_bound[1] else None)
        if allowed is None:
            free_dates.append(d)
        cands = allowed if allowed is not None else mentions
        d_clause = _clause_of(clauses, d.start)
        same = [m for m in cands if m.clause == d_clause]
        if not same and allowed is None:
            if any(m.clause == d_clause for m in mentions):
                same = []
            else:
                same = list(cands)
        elif not same:
            same = list(cands)
        if "since" in sentence:
            # "their first call since Trump returned to the White House in
            # January": a date in a since-phrase after a trigger is not its date
            k = sentence.rfind("since", 0, d.start)
            in_since = k >= 0 and "," not in sentence[k:d.start]  # the since-phrase runs on to the date
            sin = [m for m in same if in_since and m.t_end <= k
                   and not (m.extra.get("venue_pos") is not None  # "talks since ... sat down in Geneva in May"
                            and k < m.extra["venue_pos"])] if in_since else []
            if sin:
                for m in sin:
                    barred.setdefault(id(m), set()).add(id(d))
                same = [m for m in same if m not in sin]
        if allowed is None and len(same) > 1:
            # "the tariffs they imposed on each other in April, according to a
            # joint statement released ...": a date that closes a phrase with
            # a trigger of its own is not claimed past a comma by a later one
            lead = any(0 <= d.start - x.t_end <= 60 for x in same)
            if lead:
                kept = [m for m in same if m.t_start < d.end or "," not in sentence[d.end:m.t_start]]
                if kept:
                    for m in same:
                        if m not in kept:
                            barred.setdefault(id(m), set()).add(id(d))
                    same = kept
        for etype in {m.event_type for m in same}:
            ms = [m for m in same if m.event_type == etype]
            if ms and "venue_pos" in ms[0].extra:
                ms2 = [m for m in ms if m.extra["venue_pos"] <= d.start]
                if ms2:
                    best = max(ms2, key=lambda m: m.extra["venue_pos"])
                    claims[id(best)].append(d)
                continue
            best = min(ms, key=lambda m: min(abs(d.start - m.t_end), abs(m.t_start - d.end)))
            for m in ms:  # copies of one trigger (one per commodity) share the date
                if (m.t_start, m.t_end) == (best.t_start, best.t_end):
                    claims[id(m)].append(d)
        if talks_bound:
            for m in mentions:
                if m not in same:
                    weak[id(m)].append(d)
    for m in mentions:
        # a date bound right after the trigger ("met in Kuala Lumpur last
        # weekend") wins over one that only happens to be nearest
        if m.extra.get("reference") and not m.extra.get("modifier") and not strong[id(m)]:
            # "pushed the deadline for the tariff pause to Nov. 10": a definite
            # "the pause" names a standing measure; only a date bound to it
            # ("the pause agreed on May 12") dates a step of its own
            # ("its ban on exports ..., which it imposed in December 2024")
            claims[id(m)] = [d for d in claims[id(m)] if 0 < d.start - m.t_end < 120
                             and _RELATIVE_WHICH.search(sentence, m.t_end, d.start)]
        got = sorted(strong[id(m)] or claims[id(m)], key=lambda d: d.start)
        if len(got) > 1 and m.tense == "future" and m.event_type in ("talks", "leader_contact"):
            # "said on Tuesday he would meet ... next Monday": the day of the
            # report is not the day of the meeting
            rest = [d for d in got if not _REPORTED_ON.search(sentence, max(0, d.start - 40), d.start)]
            got = rest or got
        if got and m.event_type in ("talks", "leader_contact") and _INFINITIVE_BEFORE.search(
                sentence, max(0, m.t_start - 60), m.t_start):
            # "agreed on Friday to meet ... later this month": a date before the
            # infinitive dates the verb that governs it, not the meeting
            got = [d for d in got if d.start >= m.t_end]
        if got and m.event_type == "tariff_deadline" and m.deadline is not None:
            # "the Aug. 12 expiry of the truce": the day that names the deadline
            # is not the day the deadline was set
            got = [d for d in got if (d.last or d.value) != m.deadline]
        if len(got) > 1:
            # "A day after Beijing had unveiled the controls on October 9, Trump
            # ...": counted from a later date, "a day after" is the main
            # clause's day, not that of the happening in its complement
            # (counted from an earlier one, "said on Friday, a day after a
            # call", it is the complement's day)
            rest = [d for d in got if not (d.end <= m.t_start and d.text.lower().endswith((" after", " before"))
                                           and not any(o.end <= d.start for o in occ))]
            got = rest or got
        if got:
            rank = _PRECISION_RANK
            m.occurred = min(got, key=lambda d: (rank[d.precision] > 0, min(abs(d.start - m.t_end), abs(m.t_start - d.end))))
            m.extra["all_dates"] = got
        else:
            if weak[id(m)]:
                m.extra["weak"] = min(weak[id(m)], key=lambda d: abs(d.start - m.t_start))
            free = [d for d in free_dates if id(d) not in barred.get(id(m), ())] if barred else free_dates
            if free and (" - " in sentence or " – " in sentence or " — " in sentence):
                # "cuts the tariff he imposed over fentanyl - doubled to 20% in
                # March - to 10%": a date inside a dashed aside is the aside's
                free = [d for d in free if not _in_other_aside(sentence, d.start, m.t_start)]
            if free:
                m.extra["sentence_date"] = min(free, key=lambda d: abs(d.start - m.t_start))
            elif m.extra.get("first_day_offset") and occ:
                # "agreed on Monday ... at the end of two days of talks": the
                # talks ended on the day of the clause's other event
                m.extra["sentence_date"] = min(occ, key=lambda d: abs(d.start - m.t_start))
        effs = [d for d in eff if m.clause[0] <= d.start < m.clause[1]] or eff
        if effs:
            m.effective = min(effs, key=lambda d: abs(d.start - m.t_start))
        if m.event_type == "talks" and m.occurred and m.extra.get("first_day_offset"):
            m.occurred = D.shift(m.occurred, m.extra["first_day_offset"])
        elif m.event_type == "talks" and m.occurred and m.extra.get("after_days_offset") and m.occurred.precision == "day":
            m.occurred = D.shift(m.occurred, m.extra["after_days_offset"])
    for m in mentions:
        if m.occurred is None and m.event_type in ("tariff_change", "export_control", "tariff_deadline"):
            # "agreed on Monday to roll back the tariffs": the step agreed to
            # takes the day of the verb that governs it
            gov = [x for x in mentions if x.occurred is not None and x.t_end <= m.t_start
                   and _GOVERNS.fullmatch(sentence, x.t_start, x.t_end)
                   and _TO_COMPLEMENT.fullmatch(sentence, x.t_end, m.t_start)]
            if gov:
                m.occurred = max(gov, key=lambda x: x.t_end).occurred


# (a rate may stand between the days: "went to 84% on April 8 and to 125% on April 9")
_COORD_JOINED = re.compile(r"\s*(?:,|and|,\s*and|or)\s*(?:(?:on|in)\s+)?(?:[\w.,'%\s-]{0,50}?\b(?:in|on)\s+)?")


def _expand_coordinated(mentions: list[Mention], sentence: str, dates) -> list[Mention]:
    """"increases ordered on April 8 and April 9" -> one mention per day; a
    rate stated alone before a day ("to 84% on April 8 and to 125% on April 9")
    is that day's step's."""
    out = []
    for m in mentions:
        got = m.extra.get("all_dates") or []
        if m.event_type in ("tariff_change", "export_control") and len(got) >= 2:
            days = got
            joined = all(_COORD_JOINED.fullmatch(sentence[a.end:b.start])
                         for a, b in zip(days, days[1:])) if len(days) >= 2 else False
            if joined and any(d.text.endswith((" before", " after", " Before", " After")) for d in days[1:]):
                # "on 12 September, two days before the delegations sat down": a
                # day counted from the one before it is an apposition dating the
                # happening in its complement, not a second day of this step
                m.occurred = days[0]
                joined = False
            if joined:
                lo = m.t_end
                for d in days:
                    x = m.copy()
                    x.occurred = d
                    if m.event_type == "tariff_change":
                        own = {v for v, p in m.extra.get("rates", ()) if lo <= p < d.start}
                        if len(own) == 1:
                            x.rate = own.pop()
                    lo = d.end
                    out.append(x)
                continue
        out.append(m)
    return out
