"""Derived values: WHO 2019 grade, AJCC 8th pT, R status, size bands."""

from __future__ import annotations

import pytest

from pipeline.derive import derive_facts, derive_pt, pt_rank, size_band_of, who_grade_of
from test_decide_support import RECTAL_LOW_RISK, findings


@pytest.mark.parametrize("ki67, mitoses, grade", [
    (2.9, None, "G1"), (3, None, "G2"), (20, None, "G2"), (20.1, None, "G3"),
    (None, 1.9, "G1"), (None, 2, "G2"), (None, 20, "G2"), (None, 21, "G3"),
    (1, 5, "G2"),       # mitoses higher: higher wins
    (25, 1, "G3"),      # Ki-67 higher: higher wins
    (None, None, None),
])
def test_who_2019_grade(ki67, mitoses, grade):
    assert who_grade_of(ki67, mitoses)[0] == grade


def test_grade_basis_names_a_provisional_grade():
    assert "provisional" in who_grade_of(None, 1)[1]
    assert "Ki-67 alone" in who_grade_of(1, None)[1]


@pytest.mark.parametrize("histology, size, depth, label, min_rank, exact", [
    ("neuroendocrine_tumor", 8, "submucosa", "pT1a", 1, True),
    ("neuroendocrine_tumor", 10, "mucosa", "pT1b", 1, True),
    ("neuroendocrine_tumor", 20, "submucosa", "pT1b", 1, True),      # AJCC T1 is <= 2 cm
    ("neuroendocrine_tumor", 21, "submucosa", "pT2 (> 2 cm)", 2, True),
    ("neuroendocrine_tumor", 60, None, "at least pT2 (> 2 cm)", 2, False),   # a 6 cm tumour is not pT1
    ("neuroendocrine_tumor", 5, "muscularis_propria", "pT2", 2, True),
    ("neuroendocrine_tumor", 5, "subserosa", "pT3", 3, True),
    ("neuroendocrine_tumor", None, "submucosa", "pT1 or pT2 (size needed)", 1, False),
    ("adenocarcinoma", 60, "submucosa", "pT1", 1, True),             # carcinoma: depth only
    ("adenocarcinoma", None, "mucosa", "pTis", 0, True),
])
def test_ajcc_8_pt(histology, size, depth, label, min_rank, exact):
    d = derive_pt(histology, size, depth)
    assert (d.label, d.min_rank, d.exact) == (label, min_rank, exact)


def test_no_pt_without_depth_or_large_size():
    assert derive_pt("neuroendocrine_tumor", 15, None) is None
    assert derive_pt("adenocarcinoma", 60, None) is None


@pytest.mark.parametrize("pt, rank", [("pT1a", 1), ("ypT2", 2), ("pT4b", 4), ("pTis", 0), ("pTX", None), (None, None)])
def test_pt_rank(pt, rank):
    assert pt_rank(pt) == rank


@pytest.mark.parametrize("size, band, boundary", [
    (9.9, "<10", False), (10, "10-20", True), (19.9, "10-20", False), (20, ">20", True), (60, ">20", False),
    (None, None, False),
])
def test_size_band_takes_the_safer_band_on_a_boundary(size, band, boundary):
    assert size_band_of(size) == (band, boundary)


@pytest.mark.parametrize("changes, r", [
    ({}, "R0"),
    (dict(margin_lateral="positive"), "R1"),
    (dict(margin_deep="indeterminate"), "RX"),
    (dict(margin_deep="indeterminate", margin_lateral="positive"), "R1"),
    (dict(margin_lateral="close"), "R0"),
    (dict(margin_deep=None), None),                           # local excision needs both margins
    (dict(margin_deep=None, margin_deep_mm=0.4), "R0"),       # distance < 1 mm: close
    (dict(margin_deep=None, margin_deep_mm=0), "R1"),         # tumour at the margin
    (dict(procedure="radical_resection", margin_deep=None, margin_lateral=None, margin_radial="negative"), "R0"),
])
def test_r_status_from_margins(changes, r):
    facts = derive_facts(findings(RECTAL_LOW_RISK, **changes))
    assert facts.r_status == r


def test_close_margins_are_named():
    facts = derive_facts(findings(RECTAL_LOW_RISK, margin_deep_mm=0.5))
    assert facts.r_status == "R0" and facts.close_margins == ("margin_deep",)


def test_effective_values_take_the_safer_of_stated_and_derived():
    facts = derive_facts(findings(RECTAL_LOW_RISK, grade="G1", ki67_percent=12, pt="pT1", tumor_size_mm=30))
    assert facts.grade == "G2" and facts.pt_rank == 2
    facts = derive_facts(findings(RECTAL_LOW_RISK, grade="G2", ki67_percent=1))
    assert facts.grade == "G2"   # a stated higher grade is kept (and the check fails)
