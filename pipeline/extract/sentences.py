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
# words that open a sentence and follow no abbreviation inside one: "... took
# effect at 12:01 a.m. The White House had said ..." (but "12:01 a.m. Thursday")
_STARTER = re.compile(r"\s+(?:The|A|An|It|He|She|They|We|This|That|Its|His|Her|Their|But|Meanwhile|Separately|Officials)\s")


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int
    end: int


# the characters of _WORD_BEFORE's run
_WORD_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz."


def _is_abbrev(body: str, dot_pos: int) -> bool:
    # _WORD_BEFORE.search(body, max(0, dot_pos - 12), dot_pos), with string
    # methods: its leftmost match is the run of [A-Za-z.] that ends the window
    # (or ends right before a final newline, where "$" also matches), from the
    # run's first letter on; no letter in the run, no match.
    seg = body[max(0, dot_pos - 12):dot_pos]
    if seg.endswith("\n"):
        seg = seg[:-1]
    word = seg[len(seg.rstrip(_WORD_CHARS)):].lstrip(".")
    if not word:
        return False
    word = word.lower().rstrip(".")
    if word in _ABBREV:
        return True
    # single capital initial ("Donald J. Trump")
    return len(word) == 1


def _candidates(body: str) -> list[int]:
    """The offsets of the characters a _BOUNDARY match starts with, in order."""
    out = []
    for ch in ".!?\n":
        i = body.find(ch)
        while i >= 0:
            out.append(i)
            i = body.find(ch, i + 1)
    out.sort()
    return out


def split_sentences(body: str) -> list[Sentence]:
    """Split ``body`` into sentences; ``body[s.start:s.end] == s.text`` for each."""
    out: list[Sentence] = []
    start = 0
    n = len(body)
    # _BOUNDARY.finditer(body), trying the pattern only where a match can
    # start (".", "!", "?" or a newline) and going on from each match's end
    match = _BOUNDARY.match
    pos = 0
    for i in _candidates(body):
        if i < pos:
            continue
        m = match(body, i)
        if m is None:
            continue
        pos = m.end()
        first = body[i]
        if first == ".":
            if _is_abbrev(body, i) and "\n" not in m.group(0) and not _STARTER.match(body, pos):
                continue
        end = pos if first != "\n" else i
        _emit(body, start, end, out)
        start = pos
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
