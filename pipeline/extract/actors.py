"""Gazetteer lookup: people, offices, agencies and capitals -> ISO country code."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .resources import _prefixes, expand, per_document_cache, Gated, gazetteer, lexicon, text_index, word_keys, word_regex

PARTIES = ("US", "CN")


@dataclass(frozen=True)
class ActorMention:
    start: int
    end: int
    text: str
    code: str | None
    kind: str  # country | adjective | capital | leader | official | agency | location

    @functools.cached_property
    def is_party(self) -> bool:
        # (cached in the instance's __dict__, not a field: the rules ask every
        # actor of a sentence again for every trigger)
        return self.kind != "location" and self.code is not None


_new_object = object.__new__


def _mention(start: int, end: int, text: str, code: str | None, kind: str) -> ActorMention:
    """``ActorMention(start, end, text, code, kind)`` with ``is_party`` already cached,
    at about a third of the cost of the constructor and the property's first read:
    the frozen dataclass's ``__init__`` sets each field through a call of
    ``object.__setattr__``, and the ``cached_property`` takes a lock on its first
    read (the rules read it for every actor). Here the new instance's dict is
    filled in one update, ``is_party`` where the property would store it.
    Equality, hashing and repr read the fields only, so the mention is the same."""
    m = _new_object(ActorMention)
    m.__dict__.update({"start": start, "end": end, "text": text, "code": code, "kind": kind,
                       "is_party": kind != "location" and code is not None})
    return m


@functools.lru_cache(maxsize=None)
def _compiled() -> tuple[re.Pattern, dict[str, tuple[str | None, str]]]:
    table: dict[str, tuple[str | None, str]] = {}
    for ent in gazetteer()["entities"]:
        for name in ent["names"]:
            table.setdefault(name, (ent.get("code"), ent["kind"]))
    for name, value in list(table.items()):
        if name.startswith("the ") and name[4:5].islower():
            # a title at the start of a sentence or in a headline-style text:
            # "the vice premier" -> "The vice premier", "The Vice Premier"
            table.setdefault("The " + name[4:], value)
            table.setdefault("The " + " ".join(w[:1].upper() + w[1:] for w in name[4:].split(" ")), value)
    names = sorted(table, key=len, reverse=True)
    alts = "|".join(re.escape(n) for n in names)
    # names are case-sensitive ("He Lifeng" vs "he"); "U.S." may end in a dot
    rx = re.compile(rf"(?<![\w.-])(?:{alts})(?![\w-])|(?<![\w.])U\.S\.(?=[-\s,;:'’)]|$)")
    return rx, table


_US_DOTTED = re.compile(r"U\.S\.(?=[-\s,;:'’)]|$)")


@functools.lru_cache(maxsize=None)
def _by_key() -> tuple[dict[str, re.Pattern], frozenset]:
    """Per word key (first 3 letters of a name, lower-cased), the names that start with it.

    ``find_actors`` only tries names at the words of a sentence whose key
    matches, instead of scanning the whole alternation over every offset.
    """
    _, table = _compiled()
    groups: dict[str, list[str]] = {}
    for name in table:
        m = _NAME_KEY.match(name.lower())
        if not m:
            continue
        groups.setdefault(m.group()[:3], []).append(name)
    out = {}
    for k, names in groups.items():
        names.sort(key=len, reverse=True)
        out[k] = re.compile("(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w-])")
    return out, frozenset(out)


_NAME_KEY = re.compile(r"[a-z0-9]+")


@functools.lru_cache(maxsize=None)
def _first_chars() -> dict[str, frozenset]:
    """Per word key of ``_by_key``, the first characters of its names (and "U" of
    _US_DOTTED under "u"): a match at a word starts with one of them."""
    _, table = _compiled()
    out: dict[str, set] = {}
    for name in table:
        m = _NAME_KEY.match(name.lower())
        if m:
            out.setdefault(m.group()[:3], set()).add(name[0])
    out.setdefault("u", set()).add("U")
    return {k: frozenset(v) for k, v in out.items()}


@functools.lru_cache(maxsize=None)
def _locations() -> list[tuple[str, "Gated"]]:
    return [(canon, word_regex(pats, flags=0)) for canon, pats in lexicon()["locations"].items()]


_THE = "the\\s+"


@functools.lru_cache(maxsize=None)
def _location_words() -> tuple[frozenset | None, ...]:
    """Per venue of ``_locations()``, the word keys one of which a text must have
    for the venue to match (None: unknown, always scan).

    The venue's own gate has "the" for "the\\s+Spanish\\s+capital", a key of nearly
    every sentence; the name is case-sensitive and starts a word of its own, so
    the key of the word after "the " ("spa") must be there as well, and is a
    far better test before the venue's scan."""
    out = []
    for canon, _ in _locations():
        keys: set | None = set()
        pats = lexicon()["locations"][canon]
        for pat in [pats] if isinstance(pats, str) else pats:  # (word_regex takes either)
            got = _prefixes(expand(pat[len(_THE):] if pat.startswith(_THE) else pat))
            if got is None:
                keys = None
                break
            keys |= got
        out.append(frozenset(keys) if keys is not None else None)
    return tuple(out)


def find_actors(text: str) -> list[ActorMention]:
    """Every gazetteer name in ``text``, and both leaders of a hyphenated pair
    ("a Trump-Xi phone call"), in text order."""
    out = gazetteer_actors(text)
    if "Trump-Xi" in text or "Xi-Trump" in text:
        # the word boundaries of the gazetteer keep "Trump-era" from naming a
        # leader, and so miss the pair
        _, table = _compiled()
        for m in _LEADER_PAIR.finditer(text):
            for g in (1, 2):
                code, kind = table.get(m.group(g), ("US", "leader"))
                out.append(_mention(m.start(g), m.end(g), m.group(g), code, kind))
        out.sort(key=lambda a: a.start)
    return out


_LEADER_PAIR = re.compile(r"\b(Trump|Xi)-(Xi|Trump)\b")


def gazetteer_actors(text: str) -> list[ActorMention]:
    """The matches of the gazetteer regex (``_compiled()[0]``) in ``text``, found
    by trying names only at the words whose key can start one."""
    rx, table = _compiled()
    low, idx = text_index(text)
    if len(low) != len(text):
        return [_mention(m.start(), m.end(), m.group(0), *table.get(m.group(0), ("US", "country")))
                for m in rx.finditer(text)]
    by_key, keys = _by_key()
    firsts = _first_chars()
    cands = []
    at = idx.at  # (the index's table, without WordIndex.__getitem__)
    # word_keys(text) is the set of idx's keys (memoised; the extractor has it already)
    for k in keys & word_keys(text):
        # names are case-sensitive: a word can only start one of the key's
        # names if it starts with one of their first characters
        f = firsts[k]
        for i in at[k]:
            if text[i] in f:
                cands.append((i, k))
    if not cands:
        return []
    cands.sort()
    out = []
    pos = 0
    for i, k in cands:
        if i < pos:
            continue
        prev = text[i - 1] if i else " "
        m = None
        if not (prev.isalnum() or prev in "_.-"):
            m = by_key[k].match(text, i)
        if m is None and k == "u" and not (prev.isalnum() or prev in "_."):
            m = _US_DOTTED.match(text, i)
        if m is None:
            continue
        name = m.group(0)
        code, kind = table.get(name, ("US", "country"))
        out.append(_mention(i, m.end(), name, code, kind))
        pos = m.end()
    return out


_VENUES: dict[str, tuple[tuple[str, int, int], ...]] = per_document_cache({})


def venues(text: str) -> tuple[tuple[str, int, int], ...]:
    """Every talk venue named in ``text``: (canonical name, start, end), memoised."""
    r = _VENUES.get(text)
    if r is None:
        if len(_VENUES) > 2048:
            _VENUES.clear()
        found = []
        low, idx = text_index(text)
        # (a venue the text has none of the words of cannot match: its scan is
        # skipped; lower-casing that changed offsets leaves the keys unreliable)
        keys = idx.keys if len(low) == len(text) else None
        for (canon, rx), need in zip(_locations(), _location_words()):
            if keys is not None and need is not None and need.isdisjoint(keys):
                continue
            for m in rx.finditer(text):
                found.append((canon, m.start(), m.end()))
        r = _VENUES[text] = tuple(found)
    return r


def find_location(text: str, around: int | None = None, lo: int = 0, hi: int | None = None) -> str | None:
    """The talk venue named in ``text[lo:hi]`` (the one nearest ``around`` when given)."""
    best, best_d = None, None
    hi = len(text) if hi is None else hi
    for canon, s, e in venues(text):
        if s < lo or e > hi:
            continue
        d = 0 if around is None else min(abs(s - around), abs(e - around))
        if best_d is None or d < best_d:
            best, best_d = canon, d
    return best
