"""Sentence splitting with character offsets into the document body."""
from __future__ import annotations

import re
from dataclasses import dataclass

# Abbreviations after which a full stop does not end a sentence.
_ABBREV = {
    "u.s", "u.k", "u.n", "d.c", "mr", "mrs", "ms", "dr", "prof", "gen", "sen", "rep", "st",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "a.m", "p.m", "no", "vs", "e.g", "i.e", "inc", "corp", "co", "ltd", "jr", "sr", "approx",
    "est", "dept", "gov", "u.s.a", "p.r.c", "j", "s",
}

_BOUNDARY = re.compile(r"""[.!?]+["'”’)\]]*(?=\s+["'“‘(\[]?[A-Z0-9])|\n+""")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int
    end: int


def _is_abbrev(body: str, dot_pos: int) -> bool:
    m = _WORD_BEFORE.search(body, max(0, dot_pos - 12), dot_pos)
    if not m:
        return False
    word = m.group(1).lower().rstrip(".")
    if word in _ABBREV:
        return True
    # single capital initial ("Donald J. Trump")
    return len(word) == 1


def split_sentences(body: str) -> list[Sentence]:
    """Split ``body`` into sentences; ``body[s.start:s.end] == s.text`` for each."""
    out: list[Sentence] = []
    start = 0
    n = len(body)
    for m in _BOUNDARY.finditer(body):
        if m.group(0)[0] == ".":
            if _is_abbrev(body, m.start()) and "\n" not in m.group(0):
                continue
        end = m.end() if m.group(0)[0] != "\n" else m.start()
        _emit(body, start, end, out)
        start = m.end()
    if start < n:
        _emit(body, start, n, out)
    return out


def _emit(body: str, start: int, end: int, out: list[Sentence]) -> None:
    while start < end and body[start].isspace():
        start += 1
    while end > start and body[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(body[start:end], start, end))
