"""Loads the extractor's data files once (gazetteer and lexicon)."""
from __future__ import annotations

import functools
import re
from pathlib import Path

import yaml

DATA_DIR = Path(__file__).resolve().parent.parent / "data"


@functools.lru_cache(maxsize=None)
def gazetteer() -> dict:
    with open(DATA_DIR / "gazetteer.yaml", encoding="utf-8") as fh:
        return yaml.safe_load(fh)


@functools.lru_cache(maxsize=None)
def lexicon() -> dict:
    with open(DATA_DIR / "lexicon.yaml", encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def expand(pattern: str) -> str:
    """Expand ``{MACRO}`` references from the lexicon's ``macros``."""
    macros = lexicon().get("macros", {})
    for _ in range(3):
        pattern = re.sub(r"\{([A-Z]+)\}", lambda m: macros.get(m.group(1), m.group(0)), pattern)
    return pattern


_WORD = re.compile(r"[a-z0-9]+")


def word_keys(text: str) -> frozenset:
    """The 3-character prefixes of the words of ``text`` (lower-cased): a cheap gate."""
    r = _KEYS.get(text)
    if r is None:
        if len(_KEYS) > 2048:
            _KEYS.clear()
        r = _KEYS[text] = text_index(text)[1].keys
    return r


_KEYS: dict[str, frozenset] = {}


def _split_top(p: str) -> list[str]:
    """Top-level alternatives of a pattern."""
    out, depth, cur, i = [], 0, [], 0
    while i < len(p):
        ch = p[i]
        if ch == "\\":
            cur.append(p[i:i + 2])
            i += 2
            continue
        if ch == "[":
            j = p.index("]", i + 1)
            cur.append(p[i:j + 1])
            i = j + 1
            continue
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            out.append("".join(cur))
            cur = []
            i += 1
            continue
        cur.append(ch)
        i += 1
    out.append("".join(cur))
    return out


def _group_end(p: str) -> int:
    """Index of the parenthesis closing the group that opens ``p`` (-1 if none)."""
    depth, i = 0, 0
    while i < len(p):
        ch = p[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":
            i = p.index("]", i + 1) + 1
            continue
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    return -1


def _flatten(p: str) -> list[str]:
    """The top-level alternatives of ``p``, looking through one wrapping group:
    ``(?:A|B)`` -> [A, B]. Tried in order, they match as ``p`` does."""
    alts = _split_top(p)
    if len(alts) == 1 and p.startswith("(?:") and _group_end(p) == len(p) - 1:
        return _flatten(p[3:-1])
    return alts


def _prefixes(p: str) -> set[str] | None:
    """3-letter literal prefixes one of which every match must start with; None if unknown."""
    alts = _split_top(p)
    if len(alts) > 1:
        out: set[str] = set()
        for a in alts:
            sub = _prefixes(a)
            if sub is None:
                return None
            out |= sub
        return out
    p = alts[0]
    while p.startswith("(?<"):  # drop lookbehinds
        depth, i = 0, 0
        for i, ch in enumerate(p):
            depth += ch == "("
            depth -= ch == ")"
            if depth == 0:
                break
        p = p[i + 1:]
    if p.startswith("(?:") or p.startswith("("):
        depth, end = 0, -1
        for i, ch in enumerate(p):
            depth += ch == "("
            depth -= ch == ")"
            if depth == 0:
                end = i
                break
        inner = p[3:end] if p.startswith("(?:") else p[1:end]
        rest = p[end + 1:]
        if inner.startswith("?"):
            return None
        if rest[:1] in ("?", "*"):  # an optional group: its words or the rest's
            a, b = _prefixes(inner), _prefixes(rest[1:])
            return None if a is None or b is None else a | b
        return _prefixes(inner)
    if p.startswith("\\d"):
        return {DIGIT_KEY}
    if p.startswith("\\b"):
        return _prefixes(p[2:])
    m = re.match(r"[A-Za-z0-9]+", p)
    if not m:
        return None
    lit = m.group(0).lower()
    nxt = p[m.end():m.end() + 2]
    if nxt[:1] in ("?", "*", "{"):
        lit = lit[:-1]
        if len(lit) < 3:
            return None
    elif len(lit) < 3:
        # a short word is its own key when the pattern ends the word right after it
        ends_word = nxt == "" or nxt[:1] in (" ", "-", "%", "'", "’", ",", ")") or nxt in ("\\s", "\\.", "\\W", "\\b")
        if not ends_word and nxt[:1] == "[":
            # a class of separators only ("AI[- ]chips")
            cls = p[m.end() + 1:p.find("]", m.end())]
            ends_word = bool(cls) and all(ch in " -" for ch in cls.replace("\\s", " "))
        if not ends_word:
            return None
        return {lit}
    return {lit[:3]}


_PER_DOCUMENT: list[dict] = []


def per_document_cache(d: dict) -> dict:
    """Register a memo dict that lives for one document only."""
    _PER_DOCUMENT.append(d)
    return d

DIGIT_KEY = "#d"  # index key of every word that starts with a digit
_INDEX: dict[str, tuple[str, "WordIndex"]] = {}
# every word (a maximal run of [a-z0-9]), its first (up to) three characters
# in group 1: no look-behind to test at every offset, and each match runs on
# to the end of its word (measured cheaper than "(?<![a-z0-9])[a-z0-9]{1,3}";
# a "[a-z0-9][a-z0-9]{0,2}" opening, which the engine can skip ahead to, measured
# no better)
_WORD_RUN = re.compile(r"([a-z0-9]{1,3})[a-z0-9]*")
# the start of every word that starts with a digit (the words under DIGIT_KEY);
# the look-behind comes after the character set, so the regex engine can skip
# ahead to the next digit instead of testing the look-behind at every offset
_DIGIT_HEAD = re.compile(r"[0-9](?<![a-z0-9][0-9])")
# a word start right after a hyphen, an underscore or a non-ASCII letter or
# digit: not a left boundary for Gated (``_left_ok``: ``\w`` is
# ``str.isalnum()`` or "_")
_BAD_LEFT = re.compile(r"[a-z0-9](?<=[\w-][a-z0-9])(?<![a-z0-9][a-z0-9])")
# the same for lower-cased ASCII text, where only "-" and "_" come before such a
# start: the end of a match here is one (a literal-led pattern, quick to scan)
_BAD_LEFT_ASCII = re.compile(r"[-_](?=[a-z0-9])")
_EMPTY: frozenset = frozenset()
# ``m.span()`` as a function: ``tuple(map(match_span, ms))`` runs in C
match_span = re.Match.span


class WordIndex:
    """``{3-char word prefix: [word start offsets]}`` of a lower-cased text.

    Built in one regex scan: ``at`` maps every key to its ascending offsets
    (a word shorter than three characters is its own key; every word that
    starts with a digit is also under DIGIT_KEY), ``keys`` is the frozenset
    of them, and ``bad`` the word starts that fail ``_left_ok`` (usually
    none). Building the whole table at once is cheaper than finding a key's
    offsets with ``str.find`` on demand, as the rules ask for several keys
    of every sentence; hot loops read ``at`` directly.
    """

    __slots__ = ("low", "keys", "at", "bad")

    def __init__(self, low: str):
        self.low = low
        at: dict[str, list[int]] = {}
        for m in _WORD_RUN.finditer(low):
            at.setdefault(m[1], []).append(m.start())
        if _DIGIT_HEAD.search(low) is not None:
            at[DIGIT_KEY] = [m.start() for m in _DIGIT_HEAD.finditer(low)]
        self.at = at
        self.keys = frozenset(at)
        if not low.isascii():
            self.bad = frozenset([m.start() for m in _BAD_LEFT.finditer(low)])
        elif "-" in low or "_" in low:
            self.bad = frozenset([m.end() for m in _BAD_LEFT_ASCII.finditer(low)])
        else:
            self.bad = _EMPTY

    def __iter__(self):
        return iter(self.keys)

    def __len__(self) -> int:
        return len(self.keys)

    def __contains__(self, key) -> bool:
        return key in self.at

    def get(self, key: str, default=None):
        return self.at.get(key, default)

    def __getitem__(self, key: str) -> list[int]:
        return self.at[key]


def text_index(text: str) -> tuple[str, WordIndex]:
    """``(text.lower(), WordIndex)``, memoised per string.

    Every word-bounded lexicon match starts at a word whose prefix is one of
    its pattern's literal prefixes, so a pattern is only tried at those
    offsets instead of being scanned over the whole sentence.
    """
    r = _INDEX.get(text)
    if r is None:
        if len(_INDEX) > 2048:
            _INDEX.clear()
        low = text.lower()
        r = _INDEX[text] = (low, WordIndex(low))
    return r


def lower(text: str) -> str:
    """``text.lower()``, memoised (callers lower one sentence many times)."""
    return (_INDEX.get(text) or text_index(text))[0]


def _lower_pattern(p: str) -> str:
    r"""Lower-case the literals of a pattern, leaving escapes such as ``\W`` or ``\S`` alone."""
    out, i = [], 0
    while i < len(p):
        ch = p[i]
        if ch == "\\" and i + 1 < len(p):
            out.append(p[i:i + 2])
            i += 2
            continue
        out.append(ch.lower())
        i += 1
    return "".join(out)


def _left_ok(text: str, i: int) -> bool:
    r"""No word character or hyphen right before ``i`` (the ``(?<![\w-])`` boundary)."""
    if i == 0:
        return True
    ch = text[i - 1]
    return not (ch.isalnum() or ch == "_" or ch == "-")


class Gated:
    r"""A compiled word-boundary pattern, only run on text containing one of its word prefixes.

    For speed the pattern is matched case-sensitively against the lower-cased
    text, without a leading look-behind (so the regex engine can skip ahead
    on its first characters); the left word boundary is checked in Python.
    The matches are those of ``(?<![\w-])(?:pattern)(?![\w])`` with ``re.I``.
    """

    __slots__ = ("rx", "gate", "fast", "case", "memo", "smemo", "pieces", "by_key", "subs")

    def __init__(self, rx: re.Pattern, gate: set[str] | None, fast: re.Pattern | None = None, case: bool = False,
                 pieces: list[str] | None = None, piece_keys: list[set[str]] | None = None):
        self.rx = rx
        self.gate = frozenset(gate) if gate else None
        self.fast = fast
        self.case = case  # match ``fast`` against the original text, not the lower-cased one
        self.memo = per_document_cache({})   # text -> list of matches (whole text)
        self.smemo = per_document_cache({})  # text -> tuple of (start, end) spans
        # A long alternation is tried, at a word, only with the alternatives that
        # can start with that word's key (``fast`` restricted to them, in order):
        # the others cannot match there, so the matches are the same.
        self.pieces = pieces
        self.by_key: dict[str, tuple[int, ...]] = {}
        if pieces is not None and piece_keys is not None:
            tmp: dict[str, list[int]] = {}
            for j, keys in enumerate(piece_keys):
                for k in keys:
                    tmp.setdefault(k, []).append(j)
            self.by_key = {k: tuple(v) for k, v in tmp.items()}
        self.subs: dict[frozenset, "re.Pattern"] = {}

    def _sub(self, keys: frozenset) -> "re.Pattern":
        """``fast`` restricted to the alternatives that can start at a word with one of
        ``keys`` (the gate keys a text has): at each of its words, the others cannot
        match, so the matches are those of ``fast``."""
        rx = self.subs.get(keys)
        if rx is None:
            if len(self.subs) > 512:
                self.subs.clear()
            if self.pieces is None:
                rx = self.fast
            else:
                js = sorted({j for k in keys for j in self.by_key.get(k, ())})
                alts = "|".join(f"(?:{self.pieces[j]})" for j in js) or "(?!)"
                rx = re.compile(rf"(?:{alts if self.case else _lower_pattern(alts)})(?![\w])")
            self.subs[keys] = rx
        return rx

    def _iter(self, text: str, pos: int = 0, endpos: int | None = None):
        low, idx = _INDEX.get(text) or text_index(text)
        if len(low) != len(text):  # lower-casing changed offsets (rare Unicode)
            yield from self.rx.finditer(text, pos, len(text) if endpos is None else endpos)
            return
        end = len(low) if endpos is None else endpos
        subject = text if self.case else low
        if self.gate is not None:  # try the pattern only where a gated word starts
            hit = self.gate.intersection(idx.keys)
            if not hit:
                return
            at, bad = idx.at, idx.bad
            if len(hit) == 1:
                cands = at[next(iter(hit))]
            else:
                cands = sorted([i for k in hit for i in at[k]])
            match = self._sub(hit).match
            for i in cands:
                if i < pos or i >= end or i in bad:  # (``bad``: the starts not _left_ok)
                    continue
                m = match(subject, i, end)
                if m is not None:
                    yield m
                    pos = m.end()
            return
        search = self.fast.search
        while pos <= end:
            m = search(subject, pos, end)
            if m is None:
                return
            if not _left_ok(low, m.start()):
                pos = m.start() + 1
                continue
            yield m
            pos = m.end() if m.end() > m.start() else m.end() + 1

    def scan(self, text: str, low: str, idx: "WordIndex") -> list:
        """All matches in ``text``, unmemoised: the pattern tried left to right, not
        overlapping, at the words (of ``idx``, the index of ``low``, the lower-cased
        text of the same length) whose key is in the gate, after the left word
        boundary test. Needs ``fast`` and ``gate``."""
        hit = self.gate.intersection(idx.keys)
        if not hit:
            return []
        at = idx.at
        if len(hit) == 1:
            cands = at[next(iter(hit))]
        else:
            cands = []
            for k in hit:  # (extend and sort in C: no list comprehension frame)
                cands += at[k]
            cands.sort()
        rx = self.subs.get(hit)
        if rx is None:
            rx = self._sub(hit)
        match = rx.match
        subject = text if self.case else low
        bad = idx.bad  # the word starts that fail the left boundary test
        out = []
        pos = 0
        for i in cands:
            if i < pos or i in bad:
                continue
            m = match(subject, i)
            if m is not None:
                out.append(m)
                pos = m.end()
        return out

    def finditer(self, text: str, *args, keys: frozenset | None = None):
        if keys is not None and self.gate is not None and self.gate.isdisjoint(keys):
            return iter(())
        if self.fast is None:
            return self.rx.finditer(text, *args)
        if args:
            return self._iter(text, *args)
        got = self.memo.get(text)
        if got is None:
            got = self._remember(text)
        return iter(got)

    def _all(self, text: str) -> list:
        """All matches in the whole of ``text``, memoised (rules ask about one sentence repeatedly)."""
        got = self.memo.get(text)
        if got is None:
            got = self._remember(text)
        return got

    def _remember(self, text: str) -> list:
        if len(self.memo) > 2048:  # bounded memory on very long documents
            self.memo.clear()
            self.smemo.clear()
        # all matches in the whole of ``text`` (``_iter`` without a range)
        low, idx = _INDEX.get(text) or text_index(text)
        if self.gate is not None and len(low) == len(text):
            got = self.scan(text, low, idx)
        else:
            got = list(self._iter(text))
        self.memo[text] = got
        return got

    def spans(self, text: str) -> tuple:
        r = self.smemo.get(text)
        if r is None:
            got = self.memo.get(text)
            if got is None:
                got = self._remember(text)
            if len(self.smemo) > 2048:
                self.smemo.clear()
            r = self.smemo[text] = tuple(map(match_span, got))
        return r

    def found(self, text: str, low: str, idx: "WordIndex") -> bool:
        """``self.search(text) is not None``, for ``(low, idx) = text_index(text)``:
        the matches found (and memoised) as ``search`` finds them, in one call
        instead of three (``search``, ``_remember``, ``scan``): the candidate
        test asks this of every sentence for each of seven patterns."""
        gate = self.gate
        if gate is None or self.fast is None or len(low) != len(text):
            return self.search(text) is not None
        if gate.isdisjoint(idx.keys):
            return False
        memo = self.memo
        got = memo.get(text)
        if got is None:
            if len(memo) > 2048:  # (as _remember)
                memo.clear()
                self.smemo.clear()
            got = memo[text] = self.scan(text, low, idx)
        return bool(got)

    def search(self, text: str, pos: int = 0, endpos: int | None = None, *, keys: frozenset | None = None):
        if keys is not None and self.gate is not None and self.gate.isdisjoint(keys):
            return None
        if self.fast is None:
            return self.rx.search(text, pos, len(text) if endpos is None else endpos)
        if pos == 0 and endpos is None:
            got = self.memo.get(text)
            if got is None:
                got = self._remember(text)
            return got[0] if got else None
        return next(self._iter(text, pos, endpos), None)


def word_regex(patterns: list[str] | str, flags: int = re.I) -> Gated:
    """One compiled alternation of ``patterns``, each on word boundaries, gated by word prefixes."""
    if isinstance(patterns, str):
        patterns = [patterns]
    expanded = [expand(p) for p in patterns]
    alts = "|".join(f"(?:{p})" for p in expanded)
    gate: set[str] | None = set()
    for p in expanded:
        g = _prefixes(p)
        if g is None:
            gate = None
            break
        gate |= g
    rx = re.compile(rf"(?<![\w-])(?:{alts})(?![\w])", flags)
    fast = None
    if flags == re.I and "(?-i" not in alts:
        fast = re.compile(rf"(?:{_lower_pattern(alts)})(?![\w])")
    elif flags == 0:
        fast = re.compile(rf"(?:{alts})(?![\w])")
    pieces = piece_keys = None
    if gate is not None and fast is not None and fast.groups == 0:
        pieces = [a for p in expanded for a in _flatten(p)]
        piece_keys = [_prefixes(a) for a in pieces]
        if len(pieces) < 2 or any(k is None for k in piece_keys):
            pieces = piece_keys = None
    return Gated(rx, gate, fast, case=flags == 0, pieces=pieces, piece_keys=piece_keys)


def spans(rx: "Gated | re.Pattern", text: str) -> tuple[tuple[int, int], ...]:
    """All (start, end) matches of ``rx`` in ``text``, memoised per (pattern, text)."""
    if type(rx) is Gated and rx.fast is not None:
        return rx.spans(text)
    key = (id(rx), text)
    r = _SPANS.get(key)
    if r is None:
        if len(_SPANS) > 8192:
            _SPANS.clear()
        r = _SPANS[key] = tuple(map(match_span, rx.finditer(text)))
    return r


def has_span(found: tuple[tuple[int, int], ...], lo: int, hi: int) -> bool:
    """Whether one of ``found`` lies inside ``[lo, hi)``."""
    for s, e in found:
        if s >= lo and e <= hi:
            return True
    return False


_SPANS: dict = {}
_MATCHES: dict = {}
_PER_DOCUMENT.extend([_INDEX, _KEYS, _SPANS, _MATCHES])


def reset_caches() -> None:
    """Forget every per-sentence memo: called at the start of each document, so that
    memory stays bounded and no result carries over from one document to the next."""
    for d in _PER_DOCUMENT:
        if d:
            d.clear()
