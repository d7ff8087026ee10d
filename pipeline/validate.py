"""Validate one batch of candidate events with Great Expectations (GX Core 1.x).

``validate_candidates(df)`` runs the ``candidate_events`` Expectation Suite
(``expectations/candidate_events.json``) against a pandas DataFrame of candidate
events and splits it, row by row, into the rows that pass every expectation
(``accepted``) and the rows that fail at least one (``quarantined``, with a
``failed_expectations`` column naming each failed expectation).  No row is ever
dropped: ``len(accepted) + len(quarantined) == len(df)``.

How failures are attributed to rows
-----------------------------------
GX runs on a *copy* of the input with a fresh ``RangeIndex`` (so positions are
unique even when the caller's index or ``event_id`` are not), with
``result_format="COMPLETE"``; for pandas every column-map / column-pair
expectation then reports ``unexpected_index_list`` as those positions.
Uniqueness of ``event_id`` is a column-map expectation in GX, so every row that
shares a duplicated id is reported (all copies are quarantined, not just the
later ones).  A failed expectation that names no rows (a table-level one such
as a missing column, or one that raised an exception) is attributed to *every*
row of the batch: it is never silently ignored.  A failure is named
``<expectation type>(<column(s)>[, row_condition=<condition>])``, e.g.
``expect_column_values_to_be_in_set(action, row_condition=event_type=='talks')``.

Date columns are normalised to ``datetime.date`` objects (object dtype) before
GX sees them: GX coerces the suite's ``"1990-01-01"`` bounds to ``datetime.date``
and its pandas ``between`` metric compares value by value, which fails on
``Timestamp``/``datetime`` values (pandas 3 refuses ``datetime64 < date``).
Timestamps, datetimes and ISO date strings become dates; any other non-null
value becomes the sentinel 0001-01-01, so that the date-range expectation fails
for that row instead of the value passing as null or breaking the expectation.

Great Expectations is imported lazily inside the functions that need it
(importing it takes seconds; the Airflow DAG parser imports this package).  The
Data Context, datasource, asset, batch definition and loaded suite are built
once per process and per suite file, and reused.

Regenerate the suite file from :mod:`pipeline.models` with
``python -m pipeline.validate --write-suite``.
"""
from __future__ import annotations

import datetime as dt
import os
import threading
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pipeline.models import ACTIONS, COMMODITIES, DATE_PRECISIONS, EVENT_TYPES

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd
    from great_expectations.core import ExpectationSuite

SUITE_NAME = "candidate_events"
DEFAULT_SUITE_PATH = Path(__file__).resolve().parent.parent / "expectations" / "candidate_events.json"

COLUMNS = (
    "event_id",
    "document_id",
    "extractor_version",
    "event_type",
    "action",
    "occurred_on",
    "effective_on",
    "deadline",
    "commodity",
    "rate_pct",
    "actors",
    "location",
    "date_precision",
    "evidence",
    "evidence_start",
    "evidence_end",
    "confidence",
)
DATE_COLUMNS = ("occurred_on", "effective_on", "deadline")
MIN_DATE = "1990-01-01"
MAX_DATE = "2100-12-31"
# Stands in for a date-column value that is not a date (nor an ISO date string):
# outside [MIN_DATE, MAX_DATE], so the date-range expectation flags the row.
INVALID_DATE_SENTINEL = dt.date.min

FAILED_COLUMN = "failed_expectations"

_DATASOURCE_NAME = "tradewatch_pandas"
_ASSET_NAME = "candidate_events"
_BATCH_DEFINITION_NAME = "whole_dataframe"


@dataclass(frozen=True)
class ValidationOutcome:
    """The result of validating one batch of candidate events."""

    accepted: pd.DataFrame
    quarantined: pd.DataFrame
    statistics: dict[str, Any] = field(default_factory=dict)


# --------------------------------------------------------------------------- GX runtime


@dataclass
class _Runtime:
    batch_definition: Any
    suite: Any
    mtime_ns: int


_lock = threading.RLock()
_context: Any = None
_batch_definition: Any = None
_suites: dict[str, _Runtime] = {}


def _silence_gx() -> None:
    # GX Core 1.24 sends no usage statistics, but older 1.x releases read this variable.
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")


def _get_batch_definition():
    """The process-wide ephemeral context's batch definition (built on first use)."""
    global _context, _batch_definition
    if _batch_definition is None:
        _silence_gx()
        import great_expectations as gx
        from great_expectations.data_context.types.base import ProgressBarsConfig

        context = gx.get_context(mode="ephemeral")
        context.variables.progress_bars = ProgressBarsConfig(globally=False, metric_calculations=False)
        datasource = context.data_sources.add_pandas(name=_DATASOURCE_NAME)
        asset = datasource.add_dataframe_asset(name=_ASSET_NAME)
        _batch_definition = asset.add_batch_definition_whole_dataframe(_BATCH_DEFINITION_NAME)
        _context = context
    return _batch_definition


def load_suite(path: str | os.PathLike | None = None) -> "ExpectationSuite":
    """Load an Expectation Suite JSON file (as GX's own stores write it) with GX's classes."""
    _silence_gx()
    from great_expectations.core import ExpectationSuite
    from great_expectations.core.expectation_suite import ExpectationSuiteSchema

    text = Path(path or DEFAULT_SUITE_PATH).read_text(encoding="utf-8")
    return ExpectationSuite(**ExpectationSuiteSchema().loads(text))


def _runtime(suite_path: str | os.PathLike | None) -> _Runtime:
    path = Path(suite_path or DEFAULT_SUITE_PATH).resolve()
    key = str(path)
    mtime_ns = path.stat().st_mtime_ns
    with _lock:
        cached = _suites.get(key)
        if cached is None or cached.mtime_ns != mtime_ns:
            cached = _Runtime(_get_batch_definition(), load_suite(path), mtime_ns)
            _suites[key] = cached
        return cached


# --------------------------------------------------------------------------- naming


def _format_value(value: Any) -> str:
    if isinstance(value, str):
        return repr(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_format_value(v) for v in value) + "]"
    return str(value)


def _format_condition(cond: Any) -> str:
    """Render a GX row_condition (Condition object, its dict form, or a legacy string)."""
    if cond is None:
        return ""
    if isinstance(cond, str):
        return cond
    if hasattr(cond, "dict"):
        cond = cond.dict()
    kind = cond.get("type")
    if kind == "comparison":
        column = cond["column"]["name"] if isinstance(cond["column"], dict) else str(cond["column"])
        operator = str(cond["operator"])
        operator = {"IN": " in ", "NOT_IN": " not in "}.get(operator, operator)
        return f"{column}{operator}{_format_value(cond['parameter'])}"
    if kind == "nullity":
        column = cond["column"]["name"]
        return f"{column} is {'null' if cond['is_null'] else 'not null'}"
    if kind in ("and", "or"):
        joiner = " and " if kind == "and" else " or "
        return "(" + joiner.join(_format_condition(c) for c in cond["conditions"]) + ")"
    if kind == "pass_through":
        return cond["pass_through_filter"]
    return str(cond)


def expectation_name(expectation_type: str, kwargs: dict) -> str:
    """E.g. ``expect_column_values_to_be_in_set(action, row_condition=event_type=='talks')``."""
    args: list[str] = []
    if "column" in kwargs:
        args.append(str(kwargs["column"]))
    elif "column_A" in kwargs:
        args.extend([str(kwargs["column_A"]), str(kwargs["column_B"])])
    elif "column_list" in kwargs:
        args.append(_format_value(list(kwargs["column_list"])))
    if kwargs.get("row_condition") is not None:
        args.append(f"row_condition={_format_condition(kwargs['row_condition'])}")
    return f"{expectation_type}({', '.join(args)})"


# --------------------------------------------------------------------------- data prep


def _to_date(value: Any) -> dt.date | None:
    """Normalise one date cell to a ``datetime.date`` (or None); a non-date becomes the sentinel."""
    import pandas as pd

    if value is None or value is pd.NaT:
        return None
    if isinstance(value, float) and value != value:  # NaN
        return None
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            return INVALID_DATE_SENTINEL
    if isinstance(value, pd.Timestamp):
        return value.date()
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if hasattr(value, "dtype") and str(getattr(value, "dtype", "")).startswith("datetime64"):
        ts = pd.Timestamp(value)
        return None if ts is pd.NaT else ts.date()
    return INVALID_DATE_SENTINEL


def _prepare_for_gx(df: pd.DataFrame) -> pd.DataFrame:
    """A copy with a RangeIndex and the date columns as ``datetime.date`` objects (object dtype)."""
    import pandas as pd

    frame = df.reset_index(drop=True).copy()
    for column in DATE_COLUMNS:
        if column in frame.columns:
            frame[column] = pd.Series(
                [_to_date(v) for v in frame[column].tolist()], index=frame.index, dtype=object
            )
    return frame


# --------------------------------------------------------------------------- validation


def _empty_statistics() -> dict[str, Any]:
    return {
        "evaluated_expectations": 0,
        "successful_expectations": 0,
        "unsuccessful_expectations": 0,
        "success_percent": None,
        "rows_evaluated": 0,
        "rows_accepted": 0,
        "rows_quarantined": 0,
        "failures_by_expectation": {},
    }


def _raised(exception_info: Any) -> bool:
    """GX reports an exception either flat or keyed by the metric that raised it."""
    if not exception_info:
        return False
    if "raised_exception" in exception_info:
        return bool(exception_info["raised_exception"])
    return any(isinstance(v, dict) and v.get("raised_exception") for v in exception_info.values())


def validate_candidates(df: pd.DataFrame, suite_path: str | os.PathLike | None = None) -> ValidationOutcome:
    """Split ``df`` into rows that pass every expectation of the suite and rows that fail one.

    ``accepted`` keeps ``df``'s columns and index; ``quarantined`` adds
    ``failed_expectations`` (list of expectation names, in suite order).
    """
    import pandas as pd

    if len(df) == 0:
        quarantined = df.copy()
        quarantined[FAILED_COLUMN] = pd.Series([], index=df.index, dtype=object)
        return ValidationOutcome(accepted=df.copy(), quarantined=quarantined, statistics=_empty_statistics())

    runtime = _runtime(suite_path)
    frame = _prepare_for_gx(df)
    result_format = {"result_format": "COMPLETE", "include_unexpected_rows": False}
    with _lock:
        batch = runtime.batch_definition.get_batch(batch_parameters={"dataframe": frame})
        suite_result = batch.validate(runtime.suite, result_format=result_format)

    n_rows = len(frame)
    order = {
        expectation_name(e.expectation_type, dict(e.configuration.kwargs)): i
        for i, e in enumerate(runtime.suite.expectations)
    }
    failures: list[list[str]] = [[] for _ in range(n_rows)]
    for result in suite_result.results:
        if result.success:
            continue
        config = result.expectation_config
        name = expectation_name(config.type, dict(config.kwargs))
        index_list = (result.result or {}).get("unexpected_index_list")
        if _raised(result.exception_info) or not index_list:
            # Table-level, raised, or failed without naming rows: blame every row rather
            # than let the failure pass unattributed.
            positions: Any = range(n_rows)
        else:
            positions = sorted({int(i) for i in index_list})
        for position in positions:
            failures[position].append(name)
    for names in failures:
        names.sort(key=lambda n: order.get(n, len(order)))

    failed_mask = [bool(f) for f in failures]
    keep = [not f for f in failed_mask]
    accepted = df.iloc[[i for i in range(n_rows) if keep[i]]].copy()
    quarantined = df.iloc[[i for i in range(n_rows) if failed_mask[i]]].copy()
    quarantined[FAILED_COLUMN] = pd.Series(
        [failures[i] for i in range(n_rows) if failed_mask[i]], index=quarantined.index, dtype=object
    )

    gx_stats = suite_result.statistics
    statistics = {
        "evaluated_expectations": int(gx_stats["evaluated_expectations"]),
        "successful_expectations": int(gx_stats["successful_expectations"]),
        "unsuccessful_expectations": int(gx_stats["unsuccessful_expectations"]),
        "success_percent": gx_stats.get("success_percent"),
        "rows_evaluated": n_rows,
        "rows_accepted": len(accepted),
        "rows_quarantined": len(quarantined),
        # failed expectation name -> number of rows it quarantined (suite order)
        "failures_by_expectation": {
            name: count
            for name, count in sorted(
                Counter(n for names in failures for n in names).items(),
                key=lambda item: order.get(item[0], len(order)),
            )
        },
    }
    if len(accepted) + len(quarantined) != len(df):  # pragma: no cover - invariant
        raise RuntimeError("validate_candidates lost rows")
    return ValidationOutcome(accepted=accepted, quarantined=quarantined, statistics=statistics)


# --------------------------------------------------------------------------- the suite


def build_suite() -> "ExpectationSuite":
    """The ``candidate_events`` suite, built from :mod:`pipeline.models`.

    ``expectations/candidate_events.json`` is this suite serialised by GX
    (``--write-suite``); a test checks the two stay equal.
    """
    _silence_gx()
    import great_expectations as gx
    import great_expectations.expectations as gxe
    from great_expectations.expectations.row_conditions import Column

    event_type = Column("event_type")

    def why(text: str) -> dict:
        return {"why": text}

    expectations: list = [
        gxe.ExpectTableColumnsToMatchSet(
            column_set=list(COLUMNS),
            exact_match=False,
            meta=why("Every column of a candidate event must be present (extra columns are tolerated); "
                     "a batch missing one is quarantined whole, as nothing can be checked."),
        ),
        gxe.ExpectColumnValuesToNotBeNull(
            column="event_id",
            meta=why("event_id is the store's primary key and the deterministic id that makes re-runs idempotent."),
        ),
        gxe.ExpectColumnValuesToBeUnique(
            column="event_id",
            meta=why("Two rows with one event_id in a batch would collide in the store; all copies are "
                     "quarantined for review."),
        ),
        gxe.ExpectColumnValuesToNotBeNull(
            column="document_id",
            meta=why("Every event is a mention in one document; without it the event has no provenance."),
        ),
        gxe.ExpectColumnValuesToNotBeNull(
            column="extractor_version",
            meta=why("Records which extractor produced the row, so extractions can be re-run and compared by version."),
        ),
        gxe.ExpectColumnValuesToBeInSet(
            column="event_type",
            value_set=list(EVENT_TYPES),
            meta=why("event_type is a closed set of six types (TAXONOMY.md); anything else is an extractor bug."),
        ),
        gxe.ExpectColumnValuesToNotBeNull(
            column="event_type",
            meta=why("An event without a type cannot be routed, deduplicated or scored."),
        ),
        gxe.ExpectColumnValuesToNotBeNull(
            column="action",
            meta=why("Every event type has a closed set of actions; an event without one is incomplete."),
        ),
    ]
    for etype in EVENT_TYPES:
        expectations.append(
            gxe.ExpectColumnValuesToBeInSet(
                column="action",
                value_set=list(ACTIONS[etype]),
                row_condition=event_type == etype,
                meta=why(f"The actions of a {etype} event are the closed set {', '.join(ACTIONS[etype])} "
                         "(TAXONOMY.md); deduplication and alert priority depend on them."),
            )
        )
    expectations += [
        gxe.ExpectColumnValuesToBeInSet(
            column="commodity",
            value_set=list(COMMODITIES),
            meta=why("commodity is a closed set (TAXONOMY.md) or null."),
        ),
        gxe.ExpectColumnValuesToNotBeNull(
            column="commodity",
            row_condition=event_type == "export_control",
            meta=why("An export_control is always about a commodity (gold gives one for every export_control); "
                     "the rare-earth alert rule and deduplication key on it."),
        ),
        gxe.ExpectColumnValuesToNotBeNull(
            column="deadline",
            row_condition=event_type == "tariff_deadline",
            meta=why("A tariff_deadline event records a (new) deadline; deduplication compares deadlines."),
        ),
        gxe.ExpectColumnValuesToBeNull(
            column="deadline",
            row_condition=event_type.is_in([t for t in EVENT_TYPES if t != "tariff_deadline"]),
            meta=why("deadline is a tariff_deadline field only (TAXONOMY.md); on another type it is a mis-extraction."),
        ),
        gxe.ExpectColumnValuesToBeInSet(
            column="date_precision",
            value_set=list(DATE_PRECISIONS),
            meta=why("date_precision is day, week, month or approx (or null); deduplication widens date "
                     "tolerances by it."),
        ),
        gxe.ExpectColumnValuesToNotBeNull(
            column="confidence",
            meta=why("Every candidate carries the extractor's confidence."),
        ),
        gxe.ExpectColumnValuesToBeBetween(
            column="confidence",
            min_value=0,
            max_value=1,
            meta=why("confidence is a probability."),
        ),
        gxe.ExpectColumnValuesToBeBetween(
            column="rate_pct",
            min_value=0,
            max_value=1000,
            meta=why("rate_pct is a tariff rate in percent as stated (30 for 30%); outside 0-1000 it is a "
                     "parsing error (e.g. a year or an amount). Null when no rate is stated."),
        ),
        gxe.ExpectColumnValuesToNotBeNull(
            column="evidence",
            meta=why("Every event must cite the sentence that states it, for review and for the alert text."),
        ),
        gxe.ExpectColumnValueLengthsToBeBetween(
            column="evidence",
            min_value=10,
            meta=why("Evidence shorter than 10 characters cannot be a sentence stating an event."),
        ),
        gxe.ExpectColumnValuesToNotBeNull(
            column="evidence_start",
            meta=why("Evidence offsets locate the sentence in the document body."),
        ),
        gxe.ExpectColumnValuesToNotBeNull(
            column="evidence_end",
            meta=why("Evidence offsets locate the sentence in the document body."),
        ),
        gxe.ExpectColumnValuesToBeBetween(
            column="evidence_start",
            min_value=0,
            meta=why("A character offset into the document cannot be negative."),
        ),
        gxe.ExpectColumnPairValuesAToBeGreaterThanB(
            column_A="evidence_end",
            column_B="evidence_start",
            or_equal=False,
            meta=why("The evidence span [evidence_start, evidence_end) must be non-empty."),
        ),
        gxe.ExpectColumnValuesToNotBeNull(
            column="actors",
            meta=why("Every event has at least the acting government (ISO 3166 alpha-2 codes, acting one first)."),
        ),
    ]
    for column in DATE_COLUMNS:
        expectations.append(
            gxe.ExpectColumnValuesToBeBetween(
                column=column,
                min_value=MIN_DATE,
                max_value=MAX_DATE,
                meta=why(f"{column} must be a plausible calendar date ({MIN_DATE}..{MAX_DATE}) or null; "
                         "anything else is a date-resolution error. pipeline/validate.py normalises the column "
                         "to datetime.date first, and turns a non-date value into 0001-01-01 so it fails here."),
            )
        )

    # Passed to the constructor (not add_expectation) so building needs no Data Context.
    return gx.ExpectationSuite(
        name=SUITE_NAME,
        expectations=expectations,
        meta={
            "description": "One batch of candidate trade-talk events (a pandas DataFrame) before they are "
                           "appended to the DuckDB store. Rows failing any expectation are quarantined by "
                           "pipeline/validate.py.",
            "taxonomy": "shared/eval/TAXONOMY.md (v1)",
            "generated_by": "python -m pipeline.validate --write-suite",
        },
    )


def suite_to_json(suite: "ExpectationSuite") -> str:
    """Serialise a suite the way GX's filesystem ExpectationsStore does."""
    from great_expectations.core.expectation_suite import ExpectationSuiteSchema

    return ExpectationSuiteSchema().dumps(suite, indent=2, sort_keys=True) + "\n"


def _main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write-suite", action="store_true", help="(re)write the suite file from pipeline.models")
    parser.add_argument("--path", default=str(DEFAULT_SUITE_PATH))
    args = parser.parse_args(argv)
    if args.write_suite:
        Path(args.path).write_text(suite_to_json(build_suite()), encoding="utf-8")
        print(f"wrote {args.path}")
        return 0
    parser.print_help()
    return 1


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(_main())
