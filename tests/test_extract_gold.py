"""Regression floor of the rule-based extractor on the gold TRAIN split (the split the rules
were written against; the held-out test split is scored in tests/test_evaluate.py)."""

from pathlib import Path

import pytest

from pipeline.evaluate import evaluate, load_gold
from pipeline.extract import extract_findings

GOLD = Path(__file__).resolve().parents[1] / "gold_reports"
TRAIN_F1 = 0.95


@pytest.mark.skipif(not (GOLD / "train").is_dir(), reason="no gold train split")
def test_train_split_f1_and_spans():
    report = evaluate(load_gold(GOLD, "train"), extract_findings)
    assert not report.errors
    assert not report.violations
    below = {name: round(s.f1, 3) for name, s in report.fields.items()
             if s.support and s.f1 < TRAIN_F1}
    assert not below, f"train fields below F1 {TRAIN_F1}: {below}"
