"""The gold annotations' expected recommendations, decided from the annotated findings.

This tests the decision module alone (the gold findings, not the extractor's): a failure here
is a disagreement between the rules and the annotator, to be reported, never fixed by bending a
rule to one case.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.decide import decide
from pipeline.ingest import read_file
from pipeline.models import Findings

GOLD = sorted((Path(__file__).parents[1] / "gold_reports").glob("*/*.json"))
CASES = [p for p in GOLD if "expected_recommendation" in json.loads(p.read_text(encoding="utf-8"))]


def gold_findings(data: dict) -> Findings:
    return Findings(**{name: {"value": f["value"], "evidence": f["evidence"]} for name, f in data["fields"].items()})


@pytest.mark.skipif(not CASES, reason="no gold annotations with expected recommendations yet")
@pytest.mark.parametrize("path", CASES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_gold_expected_recommendation(path):
    data = json.loads(path.read_text(encoding="utf-8"))
    txt = path.with_suffix(".txt")
    # Decoded exactly as the pipeline decodes it (BOM, legacy encoding, CRLF kept).
    text = read_file(txt).report.text if txt.exists() else None
    checks, rec = decide(gold_findings(data))
    assert rec.code == data["expected_recommendation"], (rec.rule_id, rec.review_reasons)
    if text is not None:
        # The evidence the decision quotes is the annotator's, and must point into the report.
        for item in [*rec.reasons, *checks]:
            assert all(span.holds_in(text) for span in item.evidence)


def test_stated_grade_below_ki67_grade_is_flagged():
    path = next((p for p in GOLD if p.stem == "rnet_grade_stated_vs_ki67"), None)
    if path is None:
        pytest.skip("gold case rnet_grade_stated_vs_ki67 not present")
    checks, rec = decide(gold_findings(json.loads(path.read_text(encoding="utf-8"))))
    assert any(c.code == "who_grade" and c.status == "fail" for c in checks)
    assert rec.needs_review


def test_end_to_end_every_quoted_span_points_into_its_report():
    pytest.importorskip("pipeline.extract")
    from pipeline.process import process_item

    texts = sorted((Path(__file__).parents[1] / "gold_reports").glob("*/*.txt"))
    if not texts:
        pytest.skip("no gold reports yet")
    for path in texts:
        item = read_file(path)
        record = process_item(item)
        assert record.status == "ok", (path.name, record.error)
        rec = record.recommendation
        for item_with_spans in [*rec.reasons, *record.checks]:
            assert all(s.holds_in(item.report.text) for s in item_with_spans.evidence), path.name
