"""pipeline.validate against real Great Expectations (no mocks).

GX's first use in a process costs a few seconds (import + context); the
module-scoped ``validate`` fixture pays it once, every later call reuses the
cached context, batch definition and suite.
"""
from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # the package is not installed in the test venv
    sys.path.insert(0, str(ROOT))

from pipeline import validate as validate_module  # noqa: E402
from pipeline.models import ACTIONS, COMMODITIES, DATE_PRECISIONS, EVENT_TYPES  # noqa: E402

SUITE_PATH = ROOT / "expectations" / "candidate_events.json"
FAILED = "failed_expectations"

# The names validate_candidates gives the failed expectations.
UNKNOWN_TYPE = "expect_column_values_to_be_in_set(event_type)"
TALKS_ACTION = "expect_column_values_to_be_in_set(action, row_condition=event_type=='talks')"
CONFIDENCE = "expect_column_values_to_be_between(confidence)"
DEADLINE_MISSING = "expect_column_values_to_not_be_null(deadline, row_condition=event_type=='tariff_deadline')"
COMMODITY_MISSING = "expect_column_values_to_not_be_null(commodity, row_condition=event_type=='export_control')"
DUPLICATE_ID = "expect_column_values_to_be_unique(event_id)"
OCCURRED_RANGE = "expect_column_values_to_be_between(occurred_on)"


def good_row(i: int, event_type: str | None = None, **overrides) -> dict:
    """A valid candidate event; ``i`` picks the type round-robin unless given."""
    etype = event_type or EVENT_TYPES[i % len(EVENT_TYPES)]
    row = {
        "event_id": f"ev_{i:04d}",
        "document_id": f"doc_{i % 3}",
        "extractor_version": "rules-1",
        "event_type": etype,
        "action": ACTIONS[etype][i % len(ACTIONS[etype])],
        "occurred_on": dt.date(2025, 5, 12),
        "effective_on": dt.date(2025, 5, 14) if etype == "tariff_change" else None,
        "deadline": dt.date(2025, 8, 12) if etype == "tariff_deadline" else None,
        "commodity": "rare_earths" if etype == "export_control" else None,
        "rate_pct": 30.0 if etype == "tariff_change" else None,
        "actors": ["US", "CN"],
        "location": "Geneva" if etype == "talks" else None,
        "date_precision": DATE_PRECISIONS[i % len(DATE_PRECISIONS)],
        "evidence": "The United States and China agreed in Geneva to cut tariffs for 90 days.",
        "evidence_start": 10 * i,
        "evidence_end": 10 * i + 72,
        "confidence": 0.9,
    }
    row.update(overrides)
    return row


def frame(rows: list[dict]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=list(validate_module.COLUMNS))


def quarantine_map(outcome) -> list[tuple[str | None, list[str]]]:
    q = outcome.quarantined
    return [(None if pd.isna(e) else e, failed) for e, failed in zip(q["event_id"], q[FAILED])]


@pytest.fixture(scope="module")
def validate():
    """validate_candidates, warmed up once for the module (GX import and context)."""
    validate_module.validate_candidates(frame([good_row(i) for i in range(6)]))
    return validate_module.validate_candidates


def test_module_import_does_not_import_great_expectations():
    code = "import sys, pipeline.validate; sys.exit('great_expectations' in sys.modules)"
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True, timeout=60)


def test_valid_batch_is_all_accepted(validate):
    rows = [good_row(i) for i in range(24)]  # every type, several actions and precisions
    rows[0].update(commodity="agriculture", rate_pct=None, date_precision=None, occurred_on=None)
    df = frame(rows)
    outcome = validate(df)

    pd.testing.assert_frame_equal(outcome.accepted, df)
    assert outcome.quarantined.empty
    assert list(outcome.quarantined.columns) == [*df.columns, FAILED]
    n = len(validate_module.load_suite().expectations)
    assert outcome.statistics == {
        "evaluated_expectations": n,
        "successful_expectations": n,
        "unsuccessful_expectations": 0,
        "success_percent": 100.0,
        "rows_evaluated": 24,
        "rows_accepted": 24,
        "rows_quarantined": 0,
        "failures_by_expectation": {},
    }


BAD_ROWS = {
    "unknown_type": (dict(event_type="trade_war", action="impose"), [UNKNOWN_TYPE]),
    "action_wrong_for_type": (dict(event_type="talks", action="sign"), [TALKS_ACTION]),
    "confidence_above_one": (dict(confidence=1.5), [CONFIDENCE]),
    "tariff_deadline_without_deadline": (
        dict(event_type="tariff_deadline", action="extend", deadline=None),
        [DEADLINE_MISSING],
    ),
    "export_control_without_commodity": (
        dict(event_type="export_control", action="impose", commodity=None),
        [COMMODITY_MISSING],
    ),
    "date_in_1800": (dict(occurred_on=dt.date(1800, 1, 1)), [OCCURRED_RANGE]),
}


@pytest.mark.parametrize("kind", sorted(BAD_ROWS))
def test_bad_row_is_quarantined_and_good_rows_pass(validate, kind):
    overrides, expected = BAD_ROWS[kind]
    good = [good_row(i) for i in range(6)]
    bad = {**good_row(99, event_type="leader_contact"), **overrides}
    df = frame([*good[:3], bad, *good[3:]])
    outcome = validate(df)

    assert quarantine_map(outcome) == [("ev_0099", expected)]
    pd.testing.assert_frame_equal(outcome.accepted, df.drop(index=3))
    pd.testing.assert_frame_equal(outcome.quarantined.drop(columns=FAILED), df.loc[[3]])
    assert outcome.statistics["rows_accepted"] == 6
    assert outcome.statistics["rows_quarantined"] == 1
    assert outcome.statistics["unsuccessful_expectations"] == len(expected)


def test_duplicate_event_id_quarantines_every_copy(validate):
    rows = [good_row(i) for i in range(5)]
    rows[4]["event_id"] = rows[1]["event_id"]
    outcome = validate(frame(rows))

    assert quarantine_map(outcome) == [("ev_0001", [DUPLICATE_ID]), ("ev_0001", [DUPLICATE_ID])]
    assert list(outcome.quarantined.index) == [1, 4]
    assert list(outcome.accepted["event_id"]) == ["ev_0000", "ev_0002", "ev_0003"]


def test_mixed_batch_whole_result(validate):
    rows = [good_row(i) for i in range(6)]
    rows += [
        good_row(10, event_type="talks", action="sign", confidence=1.5),  # two failures on one row
        good_row(11, event_type="agreement", action="reach", deadline=dt.date(2025, 8, 12)),
        good_row(12, evidence="too short", evidence_start=50, evidence_end=40),
        good_row(13, rate_pct=4000.0, commodity="gallium", date_precision="year"),
        good_row(14, deadline="next Tuesday", event_type="tariff_deadline", action="set"),
        good_row(15, event_id=None),
    ]
    df = frame(rows).set_axis([f"r{i}" for i in range(len(rows))])  # a non-default index is kept
    outcome = validate(df)

    assert quarantine_map(outcome) == [
        ("ev_0010", [TALKS_ACTION, CONFIDENCE]),
        ("ev_0011", ["expect_column_values_to_be_null(deadline, row_condition=event_type in "
                     "['tariff_change', 'export_control', 'talks', 'leader_contact', 'agreement'])"]),
        ("ev_0012", ["expect_column_value_lengths_to_be_between(evidence)",
                     "expect_column_pair_values_a_to_be_greater_than_b(evidence_end, evidence_start)"]),
        ("ev_0013", ["expect_column_values_to_be_in_set(commodity)",
                     "expect_column_values_to_be_in_set(date_precision)",
                     "expect_column_values_to_be_between(rate_pct)"]),
        ("ev_0014", ["expect_column_values_to_be_between(deadline)"]),
        (None, ["expect_column_values_to_not_be_null(event_id)"]),
    ]
    assert list(outcome.accepted.index) == [f"r{i}" for i in range(6)]
    assert list(outcome.quarantined.index) == [f"r{i}" for i in range(6, 12)]
    assert outcome.statistics["failures_by_expectation"] == {
        TALKS_ACTION: 1,
        CONFIDENCE: 1,
        "expect_column_values_to_be_null(deadline, row_condition=event_type in "
        "['tariff_change', 'export_control', 'talks', 'leader_contact', 'agreement'])": 1,
        "expect_column_value_lengths_to_be_between(evidence)": 1,
        "expect_column_pair_values_a_to_be_greater_than_b(evidence_end, evidence_start)": 1,
        "expect_column_values_to_be_in_set(commodity)": 1,
        "expect_column_values_to_be_in_set(date_precision)": 1,
        "expect_column_values_to_be_between(rate_pct)": 1,
        "expect_column_values_to_be_between(deadline)": 1,
        "expect_column_values_to_not_be_null(event_id)": 1,
    }


def test_missing_column_quarantines_the_whole_batch(validate):
    df = frame([good_row(i) for i in range(4)]).drop(columns=["confidence"])
    outcome = validate(df)

    assert outcome.accepted.empty
    assert len(outcome.quarantined) == 4
    for failed in outcome.quarantined[FAILED]:
        # table-level failure first (suite order), then the expectations that could not run
        assert failed == [
            "expect_table_columns_to_match_set()",
            "expect_column_values_to_not_be_null(confidence)",
            "expect_column_values_to_be_between(confidence)",
        ]


def test_date_columns_accept_timestamps_and_iso_strings(validate):
    rows = [good_row(i) for i in range(3)]
    rows[0]["occurred_on"] = pd.Timestamp("2025-05-12")
    rows[1]["occurred_on"] = "2025-05-12"
    rows[2]["occurred_on"] = dt.datetime(2025, 5, 12, 9, 30)
    outcome = validate(frame(rows))
    assert outcome.quarantined.empty
    assert len(outcome.accepted) == 3


def test_empty_input_returns_two_empty_frames_without_gx(monkeypatch):
    def boom(*args, **kwargs):  # GX must not be reached for an empty batch
        raise AssertionError("GX was run for an empty batch")

    monkeypatch.setattr(validate_module, "_runtime", boom)
    df = frame([])
    outcome = validate_module.validate_candidates(df)

    pd.testing.assert_frame_equal(outcome.accepted, df)
    assert outcome.quarantined.empty
    assert list(outcome.quarantined.columns) == [*df.columns, FAILED]
    assert outcome.statistics["rows_evaluated"] == 0
    assert outcome.statistics["evaluated_expectations"] == 0


def test_outcome_is_frozen(validate):
    outcome = validate(frame([good_row(0)]))
    with pytest.raises(AttributeError):
        outcome.accepted = None  # type: ignore[misc]


def test_suite_file_loads_as_gx_expectation_suite(validate):
    from great_expectations.core import ExpectationSuite
    from great_expectations.core.expectation_suite import ExpectationSuiteSchema
    from great_expectations.expectations.expectation import Expectation

    suite = ExpectationSuite(**ExpectationSuiteSchema().loads(SUITE_PATH.read_text(encoding="utf-8")))
    assert isinstance(suite, ExpectationSuite)
    assert suite.name == "candidate_events"
    assert all(isinstance(e, Expectation) for e in suite.expectations)
    assert all(e.meta.get("why") for e in suite.expectations), "every expectation says why"

    # one action expectation per event type, each with its row condition and the models' actions
    action_sets = {
        e.row_condition.parameter: list(e.value_set)
        for e in suite.expectations
        if e.expectation_type == "expect_column_values_to_be_in_set" and e.column == "action"
    }
    assert action_sets == {t: list(a) for t, a in ACTIONS.items()}
    type_sets = [
        list(e.value_set)
        for e in suite.expectations
        if e.expectation_type == "expect_column_values_to_be_in_set" and e.column == "event_type"
    ]
    assert type_sets == [list(EVENT_TYPES)]
    commodity_sets = [
        list(e.value_set)
        for e in suite.expectations
        if e.expectation_type == "expect_column_values_to_be_in_set" and e.column == "commodity"
    ]
    assert commodity_sets == [list(COMMODITIES)]


def test_suite_file_is_in_sync_with_models():
    """The committed JSON is exactly what ``python -m pipeline.validate --write-suite`` writes."""
    built = json.loads(validate_module.suite_to_json(validate_module.build_suite()))
    on_disk = json.loads(SUITE_PATH.read_text(encoding="utf-8"))
    built["meta"].pop("great_expectations_version", None)
    on_disk["meta"].pop("great_expectations_version", None)
    assert on_disk == built


def test_expectation_names():
    name = validate_module.expectation_name
    assert name("expect_column_values_to_be_unique", {"column": "event_id"}) == DUPLICATE_ID
    assert (
        name(
            "expect_column_values_to_be_in_set",
            {"column": "action", "row_condition": {
                "type": "comparison", "column": {"name": "event_type"}, "operator": "==", "parameter": "talks"}},
        )
        == TALKS_ACTION
    )
    assert name("expect_table_columns_to_match_set", {"column_set": ["a"]}) == "expect_table_columns_to_match_set()"
