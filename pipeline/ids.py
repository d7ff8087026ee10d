"""Deterministic identifiers: the same input always gives the same id."""
from __future__ import annotations

import hashlib


def stable_id(prefix: str, *parts: object) -> str:
    """A short, stable id from the parts (None and '' are distinct from each other).

    ``stable_id("ev", doc_id, "tariff_change", 10.0)`` is the same on every
    machine and every run; the prefix says what kind of row the id names.
    """
    # each part followed by a unit separator, hashed in one call (the same
    # digest as feeding the parts one by one)
    tokens = ["\x00none" if part is None else part if isinstance(part, str) else repr(part) for part in parts]
    tokens.append("")
    digest = hashlib.sha256("\x1f".join(tokens).encode("utf-8", "surrogatepass")).hexdigest()
    return f"{prefix}_{digest[:20]}"


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
