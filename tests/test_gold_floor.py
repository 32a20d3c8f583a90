"""Regression floors on the gold set: the rule extractor may not get worse on either split.

The floors in ``gold_reports/floors.json`` are the per-field F1 last measured by
``gold_reports/tools/floors.py``; the extractor is deterministic, so any drop is a regression.
The issue-2 target (every field >= 0.95 on the test split) is a separate acceptance test in
``tests/test_evaluate.py``.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import pytest

from pipeline.evaluate import EvalReport, evaluate, load_gold

GOLD = Path(__file__).resolve().parents[1] / "gold_reports"
FLOORS = json.loads((GOLD / "floors.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def scored(split: str) -> EvalReport:
    from pipeline.extract import extract_findings

    return evaluate(load_gold(GOLD, split), extract_findings)


@pytest.mark.parametrize("split", ["train", "test"])
def test_output_contract_holds_on_every_gold_report(split):
    report = scored(split)
    assert not report.errors, f"extractor raised on: {report.errors}"
    assert not report.violations, [f"{v.case_id}.{v.field}: {v.kind}" for v in report.violations]


@pytest.mark.parametrize("split", ["train", "test"])
def test_no_field_falls_below_its_recorded_floor(split):
    report = scored(split)
    current = {name: s.f1 for name, s in report.fields.items() if s.support}
    current["ALL"] = report.overall.f1
    below = {name: (round(current.get(name, 0.0), 3), floor)
             for name, floor in FLOORS[split].items() if current.get(name, 0.0) < floor}
    assert not below, f"{split}: F1 (now, floor) fell below the recorded floor: {below}"
