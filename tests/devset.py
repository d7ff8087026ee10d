"""The development set copied in tests/fixtures/devset: articles as Documents, gold events, scoring.

Scoring is the team's scorer (``fixtures/devset/score.py``, matching of
``match_document``) applied to the extractor's output in memory, one article
at a time, instead of to a store.
"""
from __future__ import annotations

import collections
import datetime as dt
import importlib.util
import json
from pathlib import Path

from pipeline.extract import extract
from pipeline.ids import content_hash, stable_id
from pipeline.models import Document

DEVSET = Path(__file__).resolve().parent / "fixtures" / "devset"
TYPES = ("tariff_change", "tariff_deadline", "export_control", "talks", "leader_contact", "agreement")


def load_article(path: Path) -> Document:
    """An article file (``URL/TITLE/PUBLISHED/SOURCE`` header, ``---``, body) as a feed Document."""
    head, body = path.read_text(encoding="utf-8").split("\n---\n", 1)
    header = dict((k.strip(), v.strip()) for k, v in (line.split(":", 1) for line in head.splitlines() if ":" in line))
    published = dt.datetime.fromisoformat(header["PUBLISHED"]).replace(tzinfo=dt.timezone.utc)
    return Document(document_id=stable_id("doc", header["URL"]), source_kind="feed", source_uri=header["URL"],
                    feed_url=None, feed_name=header.get("SOURCE"), title=header.get("TITLE"),
                    published_at=published, published_at_source="feed", body=body,
                    content_hash=content_hash(body))


def articles(root: Path = DEVSET) -> list[Document]:
    return [load_article(p) for p in sorted((root / "articles").glob("*.txt"))]


def _scorer():
    spec = importlib.util.spec_from_file_location("devset_score", DEVSET / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def score(root: Path = DEVSET) -> dict:
    """Per-type gold/tp/fp and micro P/R/F1 of the extractor on the set under ``root``
    (``articles/*.txt`` and ``gold.jsonl``; the dev set, or a style set).

    The seed appears twice in gold.jsonl (as an article and under its seeds/
    file name); only the article line is scored here.
    """
    match_document = _scorer().match_document
    docs = articles(root)
    per_type = {t: collections.Counter() for t in TYPES}
    for line in (root / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        gold = json.loads(line)
        doc = [d for d in docs if d.source_uri.endswith(gold["source"])]
        if not doc:
            continue  # the seed's seeds/ line
        predictions = [dict(type=e.event_type, action=e.action, occurred_on=e.occurred_on, deadline=e.deadline,
                            commodity=e.commodity, rate_pct=e.rate_pct) for e in extract(doc[0])]
        pairs, unmatched, _ = match_document(gold["events"], predictions)
        for g in gold["events"]:
            per_type[g["type"]]["gold"] += 1
        for g, _ in pairs:
            per_type[g["type"]]["tp"] += 1
        for p in unmatched:
            per_type[p["type"]]["fp"] += 1
    out = {}
    total = collections.Counter()
    for t, c in per_type.items():
        total.update(c)
        out[t] = _prf(c)
    out["micro"] = _prf(total)
    return out


def _prf(c: collections.Counter) -> dict:
    p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 0.0
    r = c["tp"] / c["gold"] if c["gold"] else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"gold": c["gold"], "tp": c["tp"], "fp": c["fp"], "P": round(p, 3), "R": round(r, 3), "F1": round(f, 3)}
