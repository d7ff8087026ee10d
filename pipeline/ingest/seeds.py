"""Seed documents: plain-text files with no metadata, in TRADEWATCH_SEEDS."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from pipeline.ids import content_hash, stable_id
from pipeline.ingest.text import stated_publication_date
from pipeline.models import Document


@dataclass(frozen=True)
class SeedProblem:
    path: str
    reason: str


def read_seeds(folder: str | Path) -> tuple[list[Document], list[SeedProblem]]:
    """Every *.txt (and extension-less) file of the folder as a Document, plus what could not be read.

    The publication date is the first full date the text states ("Tuesday,
    June 10, 2025"), else the file's modification time; `published_at_source`
    records which.
    """
    folder = Path(folder)
    docs, problems = [], []
    if not folder.is_dir():
        return docs, [SeedProblem(str(folder), "seed folder not found")]
    for path in sorted(folder.iterdir()):
        if not path.is_file() or path.name.startswith(".") or path.suffix not in (".txt", ""):
            continue
        try:
            body = path.read_text(encoding="utf-8").strip()
        except (OSError, UnicodeDecodeError) as exc:
            problems.append(SeedProblem(str(path), f"unreadable: {exc}"))
            continue
        if not body:
            problems.append(SeedProblem(str(path), "empty file"))
            continue
        stated = stated_publication_date(body)
        if stated is not None:
            published = dt.datetime.combine(stated, dt.time(12, 0), dt.timezone.utc)
            source = "text"
        else:
            published = dt.datetime.fromtimestamp(path.stat().st_mtime, dt.timezone.utc)
            source = "mtime"
        uri = f"seeds/{path.name}"
        digest = content_hash(body)
        docs.append(Document(
            document_id=stable_id("doc", uri, digest), source_kind="seed", source_uri=uri,
            feed_url=None, feed_name=None, title=body.splitlines()[0][:200],
            published_at=published, published_at_source=source, body=body, content_hash=digest,
        ))
    return docs, problems
