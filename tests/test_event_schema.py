"""schemas/event.schema.json (JSON Schema draft 2020-12) accepts valid events and rejects invalid ones."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # the package is not installed in the test venv
    sys.path.insert(0, str(ROOT))

from pipeline.models import ACTIONS, COMMODITIES, DATE_PRECISIONS, EVENT_TYPES  # noqa: E402

SCHEMA = json.loads((ROOT / "schemas" / "event.schema.json").read_text(encoding="utf-8"))
VALIDATOR = Draft202012Validator(SCHEMA, format_checker=Draft202012Validator.FORMAT_CHECKER)


def event(event_type: str = "tariff_change", **overrides) -> dict:
    """A valid event of the type (first action of its closed set)."""
    doc = {
        "event_id": "ev_0123456789abcdef0123",
        "document_id": "doc_1",
        "extractor_version": "rules-1",
        "event_type": event_type,
        "action": ACTIONS[event_type][0],
        "occurred_on": "2025-05-12",
        "effective_on": None,
        "deadline": "2025-08-12" if event_type == "tariff_deadline" else None,
        "commodity": "rare_earths" if event_type == "export_control" else None,
        "rate_pct": None,
        "actors": ["US", "CN"],
        "location": None,
        "date_precision": "day",
        "evidence": "The United States and China agreed in Geneva to cut tariffs for 90 days.",
        "evidence_start": 120,
        "evidence_end": 192,
        "confidence": 0.87,
    }
    doc.update(overrides)
    return doc


def errors(instance: dict) -> set[tuple[str, str]]:
    """(JSON path, failing keyword) of every error, for whole-result comparison."""
    return {(e.json_path, e.validator) for e in VALIDATOR.iter_errors(instance)}


def test_schema_is_valid_draft_2020_12():
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(SCHEMA)


def test_schema_matches_models():
    props = SCHEMA["properties"]
    assert props["event_type"]["enum"] == list(EVENT_TYPES)
    assert props["commodity"]["enum"] == [*COMMODITIES, None]
    assert props["date_precision"]["enum"] == [*DATE_PRECISIONS, None]
    per_type = {
        rule["if"]["properties"]["event_type"]["const"]: rule["then"]["properties"]["action"]["enum"]
        for rule in SCHEMA["allOf"]
        if "action" in rule["then"].get("properties", {})
    }
    assert per_type == {t: list(a) for t, a in ACTIONS.items()}


@pytest.mark.parametrize("event_type", EVENT_TYPES)
def test_every_action_of_every_type_is_valid(event_type):
    for action in ACTIONS[event_type]:
        assert errors(event(event_type, action=action)) == set()


@pytest.mark.parametrize(
    "doc",
    [
        event("tariff_change", action="raise", rate_pct=125.0, effective_on="2025-04-10", actors=["US", "CN"]),
        event("tariff_deadline", action="extend", deadline="2025-11-10", date_precision="approx"),
        event("export_control", action="suspend", commodity="critical_minerals", actors=["CN", "US"]),
        event("talks", action="hold", location="London", date_precision="week"),
        event("leader_contact", action="call", occurred_on=None, date_precision=None),
        event("agreement", action="reach", rate_pct=10, actors=["US", "CN", "GB"]),
    ],
    ids=lambda d: d["event_type"],
)
def test_valid_examples(doc):
    assert errors(doc) == set()


@pytest.mark.parametrize(
    ("doc", "expected"),
    [
        ({**event(), "event_type": "trade_war"}, {("$.event_type", "enum")}),
        (event("talks", action="sign"), {("$.action", "enum")}),  # a real action, but not of talks
        (event("tariff_change", action="approve"), {("$.action", "enum")}),
        (event("export_control", commodity=None), {("$.commodity", "type")}),
        (event("tariff_deadline", deadline=None), {("$.deadline", "type")}),
        (event("talks", deadline="2025-08-12"), {("$.deadline", "type")}),
        (event(confidence=1.5), {("$.confidence", "maximum")}),
        (event(rate_pct=-5), {("$.rate_pct", "minimum")}),
        (event(commodity="gallium"), {("$.commodity", "enum")}),
        (event(date_precision="year"), {("$.date_precision", "enum")}),
        (event(occurred_on="1800-01-01"), {("$.occurred_on", "oneOf")}),
        (event(occurred_on="2025-02-30"), {("$.occurred_on", "oneOf")}),  # format: date
        (event(effective_on="12 May 2025"), {("$.effective_on", "oneOf")}),
        (event(actors=[]), {("$.actors", "minItems")}),
        (event(actors=["US", "cn"]), {("$.actors[1]", "pattern")}),
        (event(actors=["EU", "CN"]), {("$.actors[0]", "enum")}),
        (event(actors=["US", "US"]), {("$.actors", "uniqueItems")}),
        (event(evidence="short"), {("$.evidence", "minLength")}),
        (event(evidence_start=-1), {("$.evidence_start", "minimum")}),
        (event(comodity="energy"), {("$", "additionalProperties")}),
        ({k: v for k, v in event().items() if k != "event_id"}, {("$", "required")}),
    ],
    ids=[
        "unknown_type", "action_of_other_type", "tariff_change_approve", "export_control_without_commodity",
        "tariff_deadline_without_deadline", "deadline_on_talks", "confidence_1.5", "negative_rate",
        "unknown_commodity", "unknown_precision", "date_in_1800", "impossible_date", "non_iso_date",
        "no_actors", "lowercase_actor", "acting_government_not_us_or_cn", "duplicate_actor",
        "short_evidence", "negative_offset", "misspelt_field", "missing_event_id",
    ],
)
def test_invalid_examples(doc, expected):
    assert errors(doc) == expected
