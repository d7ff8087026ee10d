"""Accuracy floors on the style sets (tests/fixtures/stylesets): articles written
unlike the dev set. The floors sit just under rules-1.6.0's figures; the
dev-set floors are in test_extract_devset.py."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from tests.devset import DEVSET, load_article, score

STYLESETS = DEVSET.parent / "stylesets"
FLOORS = {"explainers": 0.78, "newsrooms": 0.81, "formats": 0.81, "registers": 0.83, "newsdesk": 0.77, "wires": 0.80,
          "exports": 0.80, "dailies": 0.85, "followups": 0.89, "tradepress": 0.58, "overseas": 0.68}


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_styleset_micro_f1_floor(name):
    result = score(STYLESETS / name)
    assert result["micro"]["gold"] > 60
    assert result["micro"]["F1"] >= FLOORS[name], result


def _gold_lines(root):
    return [json.loads(line) for line in (root / "gold.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_styleset_gold_is_consistent(name):
    """Every gold line names one article, and every event keeps to the event schema's
    closed sets: its type, its type's actions, a commodity for export controls, and
    date intervals that run forwards."""
    schema = json.loads((Path(__file__).resolve().parent.parent / "schemas" / "event.schema.json").read_text())
    actions = {rule["if"]["properties"]["event_type"]["const"]: set(rule["then"]["properties"]["action"]["enum"])
               for rule in schema["allOf"] if "action" in rule.get("then", {}).get("properties", {})}
    commodities = set(schema["properties"]["commodity"]["enum"]) - {None}
    root = STYLESETS / name
    urls = {load_article(p).source_uri for p in (root / "articles").glob("*.txt")}
    lines = _gold_lines(root)
    assert sorted(g["source"] for g in lines) == sorted(urls)
    for g in lines:
        for e in g["events"]:
            assert e["action"] in actions[e["type"]], (g["source"], e)
            if e["type"] == "export_control":
                assert e["commodity"] in commodities, (g["source"], e)
            for key in ("occurred_on", "deadline"):
                if e.get(key) is not None:
                    lo, hi = (dt.date.fromisoformat(x) for x in e[key])
                    assert lo <= hi, (g["source"], e)
