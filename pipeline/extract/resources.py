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
    return frozenset(w[:3] for w in _WORD.findall(text.lower()))


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
        if not (nxt == "" or nxt[:1] in (" ", "-", "%", "'", "’", ",", ")") or nxt in ("\\s", "\\.", "\\W", "\\b")):
            return None
        return {lit}
    return {lit[:3]}


_WORD_RUN = re.compile(r"[a-z0-9]+")
DIGIT_KEY = "#d"  # index key of every word that starts with a digit
_INDEX: dict[str, tuple[str, dict[str, list[int]]]] = {}


def text_index(text: str) -> tuple[str, dict[str, list[int]]]:
    """``(text.lower(), {3-char word prefix: [word start offsets]})``, memoised per string.

    Every word-bounded lexicon match starts at a word whose prefix is one of
    its pattern's literal prefixes, so a pattern is only tried at those
    offsets instead of being scanned over the whole sentence.
    """
    r = _INDEX.get(text)
    if r is None:
        if len(_INDEX) > 2048:
            _INDEX.clear()
        low = text.lower()
        idx: dict[str, list[int]] = {}
        for m in _WORD_RUN.finditer(low):
            w = m.group()
            k = w[:3]
            lst = idx.get(k)
            if lst is None:
                idx[k] = [m.start()]
            else:
                lst.append(m.start())
            if w[0] <= "9":  # a number: also under the digit key
                idx.setdefault(DIGIT_KEY, []).append(m.start())
        r = _INDEX[text] = (low, idx)
    return r


def lower(text: str) -> str:
    """``text.lower()``, memoised (callers lower one sentence many times)."""
    return text_index(text)[0]


def _lower_pattern(p: str) -> str:
    """Lower-case the literals of a pattern, leaving escapes such as ``\W`` or ``\S`` alone."""
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
    """No word character or hyphen right before ``i`` (the ``(?<![\w-])`` boundary)."""
    if i == 0:
        return True
    ch = text[i - 1]
    return not (ch.isalnum() or ch == "_" or ch == "-")


class Gated:
    """A compiled word-boundary pattern, only run on text containing one of its word prefixes.

    For speed the pattern is matched case-sensitively against the lower-cased
    text, without a leading look-behind (so the regex engine can skip ahead
    on its first characters); the left word boundary is checked in Python.
    The matches are those of ``(?<![\w-])(?:pattern)(?![\w])`` with ``re.I``.
    """

    __slots__ = ("rx", "gate", "fast")

    def __init__(self, rx: re.Pattern, gate: set[str] | None, fast: re.Pattern | None = None):
        self.rx = rx
        self.gate = frozenset(gate) if gate else None
        self.fast = fast

    def _iter(self, text: str, pos: int = 0, endpos: int | None = None):
        low, idx = text_index(text)
        if len(low) != len(text):  # lower-casing changed offsets (rare Unicode)
            yield from self.rx.finditer(text, pos, len(text) if endpos is None else endpos)
            return
        end = len(low) if endpos is None else endpos
        if self.gate is not None:  # try the pattern only where a gated word starts
            cands = [i for k in self.gate if k in idx for i in idx[k]]
            if not cands:
                return
            if len(cands) > 1:
                cands.sort()
            match = self.fast.match
            for i in cands:
                if i < pos or i >= end or not _left_ok(low, i):
                    continue
                m = match(low, i, end)
                if m is not None:
                    yield m
                    pos = m.end()
            return
        search = self.fast.search
        while pos <= end:
            m = search(low, pos, end)
            if m is None:
                return
            if not _left_ok(low, m.start()):
                pos = m.start() + 1
                continue
            yield m
            pos = m.end() if m.end() > m.start() else m.end() + 1

    def finditer(self, text: str, *args, keys: frozenset | None = None):
        if keys is not None and self.gate is not None and not (self.gate & keys):
            return iter(())
        if self.fast is None:
            return self.rx.finditer(text, *args)
        return self._iter(text, *args)

    def search(self, text: str, *, keys: frozenset | None = None):
        if keys is not None and self.gate is not None and not (self.gate & keys):
            return None
        if self.fast is None:
            return self.rx.search(text)
        return next(self._iter(text), None)


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
    return Gated(rx, gate, fast)
