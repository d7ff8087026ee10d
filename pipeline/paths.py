"""Where TradeWatch finds its files: the public variables and the project's assets."""
from __future__ import annotations

import os
from pathlib import Path

# The public interface (../shared/eval/README.md): variable -> default.
DEFAULTS = {
    "TRADEWATCH_DB": "data/tradewatch.duckdb",
    "TRADEWATCH_FEEDS": "config/feeds.yaml",
    "TRADEWATCH_SEEDS": "seeds/",
    "TRADEWATCH_ALERTS": "config/alerts.yaml",
    "TRADEWATCH_OUTBOX": "data/outbox/",
}


def setting(name: str) -> Path:
    """The path a public variable names, or its default (relative to the working directory)."""
    return Path(os.environ.get(name) or DEFAULTS[name])


def project_home() -> Path:
    """The folder holding schemas/ and expectations/.

    TRADEWATCH_HOME when set (a deployment that installs the package into
    site-packages sets it); else the checkout this package was imported from.
    """
    env = os.environ.get("TRADEWATCH_HOME")
    if env:
        return Path(env)
    return Path(__file__).resolve().parent.parent


def asset(*parts: str) -> Path:
    path = project_home().joinpath(*parts)
    if not path.exists():
        raise FileNotFoundError(
            f"{path} not found: set TRADEWATCH_HOME to the folder holding schemas/ and expectations/"
        )
    return path
