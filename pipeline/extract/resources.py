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
        if rest[:1] in ("?", "*") or inner.startswith("?"):
            return None
        return _prefixes(inner)
    m = re.match(r"[A-Za-z0-9]+", p)
    if not m:
        return None
    lit = m.group(0).lower()
    nxt = p[m.end():m.end() + 1]
    if nxt in ("?", "*", "{") and len(lit) > 0:
        lit = lit[:-1]
    if len(lit) < 3:
        return None
    return {lit[:3]}


class Gated:
    """A compiled pattern that is only run on text containing one of its word prefixes."""

    __slots__ = ("rx", "gate")

    def __init__(self, rx: re.Pattern, gate: set[str] | None):
        self.rx = rx
        self.gate = frozenset(gate) if gate else None

    def finditer(self, text: str, *args, keys: frozenset | None = None):
        if keys is not None and self.gate is not None and not (self.gate & keys):
            return iter(())
        return self.rx.finditer(text, *args)

    def search(self, text: str, *, keys: frozenset | None = None):
        if keys is not None and self.gate is not None and not (self.gate & keys):
            return None
        return self.rx.search(text)


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
    return Gated(re.compile(rf"(?<![\w-])(?:{alts})(?![\w])", flags), gate)
