"""Accuracy floors on the style sets (tests/fixtures/stylesets): articles written
unlike the dev set. The floors sit just under rules-1.4.0's figures; the
dev-set floors are in test_extract_devset.py."""
from __future__ import annotations

import pytest

from tests.devset import DEVSET, score

STYLESETS = DEVSET.parent / "stylesets"
FLOORS = {"explainers": 0.76, "newsrooms": 0.74, "formats": 0.60, "registers": 0.57, "newsdesk": 0.64, "wires": 0.68, "exports": 0.66}


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_styleset_micro_f1_floor(name):
    result = score(STYLESETS / name)
    assert result["micro"]["gold"] > 75
    assert result["micro"]["F1"] >= FLOORS[name], result
