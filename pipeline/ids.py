"""Deterministic identifiers: the same input always gives the same id."""
from __future__ import annotations

import hashlib


def stable_id(prefix: str, *parts: object) -> str:
    """A short, stable id from the parts (None and '' are distinct from each other).

    ``stable_id("ev", doc_id, "tariff_change", 10.0)`` is the same on every
    machine and every run; the prefix says what kind of row the id names.
    """
    h = hashlib.sha256()
    for part in parts:
        token = "\x00none" if part is None else repr(part) if not isinstance(part, str) else part
        h.update(token.encode("utf-8", "surrogatepass"))
        h.update(b"\x1f")
    return f"{prefix}_{h.hexdigest()[:20]}"


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
