"""Named, versioned, transactional migrations from ``schemas/NNN_name.sql``."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from pipeline.paths import asset

_MIGRATION_FILE = re.compile(r"^(\d{3})_([a-z0-9_]+)\.sql$")


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str


def discover(folder: Path | None = None) -> list[Migration]:
    folder = folder or asset("schemas")
    found = []
    for path in sorted(folder.iterdir()):
        m = _MIGRATION_FILE.match(path.name)
        if m:
            found.append(Migration(int(m.group(1)), m.group(2), path.read_text(encoding="utf-8")))
    versions = [m.version for m in found]
    if len(set(versions)) != len(versions):
        raise ValueError(f"{folder}: two migrations share a version number: {versions}")
    return found


def applied_versions(con) -> set[int]:
    exists = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_migrations'"
    ).fetchall()[0][0]
    if not exists:
        return set()
    return {v for (v,) in con.execute("SELECT version FROM schema_migrations").fetchall()}


def migrate(con, folder: Path | None = None) -> list[Migration]:
    """Apply every pending migration, each in its own transaction; return those applied."""
    done = applied_versions(con)
    applied = []
    for migration in discover(folder):
        if migration.version in done:
            continue
        con.begin()
        try:
            con.execute(migration.sql).fetchall()
            con.execute(
                "INSERT INTO schema_migrations VALUES (?, ?, ?)",
                [migration.version, migration.name, dt.datetime.now(dt.timezone.utc)],
            ).fetchall()
            con.commit()
        except Exception as exc:
            con.rollback()
            raise RuntimeError(f"migration {migration.version:03d}_{migration.name} failed: {exc}") from exc
        applied.append(migration)
    return applied
