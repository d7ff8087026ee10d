"""Accuracy floors on the style sets (tests/fixtures/stylesets): articles written
unlike the dev set. The floors sit just under rules-1.5.0's figures; the
dev-set floors are in test_extract_devset.py."""
from __future__ import annotations

import pytest

from tests.devset import DEVSET, score

STYLESETS = DEVSET.parent / "stylesets"
FLOORS = {"explainers": 0.77, "newsrooms": 0.77, "formats": 0.63, "registers": 0.65, "newsdesk": 0.72, "wires": 0.72, "exports": 0.74}


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_styleset_micro_f1_floor(name):
    result = score(STYLESETS / name)
    assert result["micro"]["gold"] > 75
    assert result["micro"]["F1"] >= FLOORS[name], result
