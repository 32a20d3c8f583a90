"""The gold set itself: every annotation file is complete, valid and grounded in its report."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.evaluate import SPLITS, load_gold
from pipeline.models import Findings, RecommendationCode

GOLD = Path(__file__).resolve().parents[1] / "gold_reports"
JSON_FILES = sorted(p for split in SPLITS for p in (GOLD / split).glob("*.json"))
RECOMMENDATION_CODES = set(RecommendationCode.__args__)


def _ids(paths):
    return [f"{p.parent.name}/{p.stem}" for p in paths]


@pytest.fixture(scope="module")
def cases():
    return load_gold(GOLD, "all")


def test_split_sizes(cases):
    train = [c for c in cases if c.split == "train"]
    test = [c for c in cases if c.split == "test"]
    assert len(cases) >= 64 and len(train) + len(test) == len(cases)
    assert len(test) >= 16
    assert len(test) >= len(cases) // 4


def test_ids_unique_across_splits(cases):
    ids = [c.case_id for c in cases]
    assert len(ids) == len(set(ids))


def test_every_report_has_annotation_and_vice_versa():
    for split in SPLITS:
        txt = {p.stem for p in (GOLD / split).glob("*.txt")}
        ann = {p.stem for p in (GOLD / split).glob("*.json")}
        assert txt == ann, f"{split}: unpaired files {sorted(txt ^ ann)}"


@pytest.mark.parametrize("path", JSON_FILES, ids=_ids(JSON_FILES))
def test_annotation_file(path: Path):
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["id"] == path.stem
    fields = data["fields"]
    # Every one of the contract's fields is written out, null or not: nothing left implicit.
    assert list(fields) == Findings.field_names()
    for name, entry in fields.items():
        assert set(entry) == {"value", "evidence"}, name
        if entry["value"] is None:
            assert entry["evidence"] == [], name
        else:
            assert entry["evidence"], f"{name}: value without evidence"
    if data.get("expected_recommendation") is not None:
        assert data["expected_recommendation"] in RECOMMENDATION_CODES
    assert data.get("style"), "every case names its style"


def test_vocabularies_and_spans_hold(cases):
    for case in cases:  # load_gold validated the vocabularies through the pydantic models
        for name in Findings.field_names():
            for span in getattr(case.gold, name).evidence:
                assert span.holds_in(case.text), f"{case.case_id}.{name}: {span}"


def test_test_split_covers_every_field(cases):
    test = [c for c in cases if c.split == "test"]
    missing = [n for n in Findings.field_names() if all(c.gold.value(n) is None for c in test)]
    assert not missing


def test_test_split_has_styles_not_in_train(cases):
    train_styles = {c.style for c in cases if c.split == "train"}
    test_only = {c.style for c in cases if c.split == "test"} - train_styles
    assert len(test_only) >= 3, test_only


def test_motivating_case_is_present(cases):
    case = next(c for c in cases if c.case_id == "rnet_esd_motivating")
    g = case.gold
    assert (g.value("site"), g.value("procedure"), g.value("tumor_size_mm")) == ("rectum", "esd", 60)
    assert (g.value("grade"), g.value("ki67_percent"), g.value("pt")) == ("G1", 1.5, "pT2")
    assert (g.value("margin_lateral"), g.value("lvi")) == ("positive", "present")
    assert "78-year-old" in case.text
