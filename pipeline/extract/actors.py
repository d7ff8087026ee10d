"""Gazetteer lookup: people, offices, agencies and capitals -> ISO country code."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .resources import gazetteer, lexicon

PARTIES = ("US", "CN")


@dataclass(frozen=True)
class ActorMention:
    start: int
    end: int
    text: str
    code: str | None
    kind: str  # country | adjective | capital | leader | official | agency | location

    @property
    def is_party(self) -> bool:
        return self.kind != "location" and self.code is not None


@functools.lru_cache(maxsize=None)
def _compiled() -> tuple[re.Pattern, dict[str, tuple[str | None, str]]]:
    table: dict[str, tuple[str | None, str]] = {}
    for ent in gazetteer()["entities"]:
        for name in ent["names"]:
            table.setdefault(name, (ent.get("code"), ent["kind"]))
    names = sorted(table, key=len, reverse=True)
    alts = "|".join(re.escape(n) for n in names)
    # names are case-sensitive ("He Lifeng" vs "he"); "U.S." may end in a dot
    rx = re.compile(rf"(?<![\w.-])(?:{alts})(?![\w-])|(?<![\w.])U\.S\.(?=[-\s,;:'’)]|$)")
    return rx, table


@functools.lru_cache(maxsize=None)
def _locations() -> list[tuple[str, re.Pattern]]:
    out = []
    for canon, pats in lexicon()["locations"].items():
        out.append((canon, re.compile(r"(?<![\w-])(?:" + "|".join(pats) + r")(?![\w])")))
    return out


def find_actors(text: str) -> list[ActorMention]:
    rx, table = _compiled()
    out = []
    for m in rx.finditer(text):
        code, kind = table.get(m.group(0), ("US", "country"))
        out.append(ActorMention(m.start(), m.end(), m.group(0), code, kind))
    return out


def find_location(text: str, around: int | None = None) -> str | None:
    """The talk venue named in ``text`` (the one nearest ``around`` when given)."""
    best, best_d = None, None
    for canon, rx in _locations():
        for m in rx.finditer(text):
            d = 0 if around is None else min(abs(m.start() - around), abs(m.end() - around))
            if best_d is None or d < best_d:
                best, best_d = canon, d
    return best
