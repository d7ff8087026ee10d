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


def word_regex(patterns: list[str] | str, flags: int = re.I) -> re.Pattern:
    """One compiled alternation of ``patterns``, each on word boundaries."""
    if isinstance(patterns, str):
        patterns = [patterns]
    alts = "|".join(f"(?:{expand(p)})" for p in patterns)
    return re.compile(rf"(?<![\w-])(?:{alts})(?![\w])", flags)
