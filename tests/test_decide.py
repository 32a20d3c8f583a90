"""Table-driven tests: every rule of every pack, and the boundaries named in clinical-rules.md."""

from __future__ import annotations

import pytest

from pipeline.decide import decide
from test_decide_support import CRC_LOW_RISK, DROP, RECTAL_LOW_RISK, findings, report

R = RECTAL_LOW_RISK
COLON = dict(R, site="colon", procedure="polypectomy")
RADICAL = dict(histology="neuroendocrine_tumor", site="rectum", procedure="radical_resection",
               tumor_size_mm=25, depth="muscularis_propria", pt="pT2", pn="pN0",
               lymph_nodes_positive=0, lymph_nodes_examined=14, margin_radial="negative",
               grade="G1", ki67_percent=2, lvi="absent")

# (id, base, changes, expected code, expected rule_id, text that must appear in review reasons)
CASES = [
    # --- rectal NET after local excision: rows 1–8 -----------------------------------------
    ("rectal low risk", R, {}, "no_further_treatment", "rectal_net.low_risk", None),
    ("rectal 9.9 mm", R, dict(tumor_size_mm=9.9), "no_further_treatment", "rectal_net.low_risk", None),
    ("rectal exactly 10 mm -> 10-20 band", R, dict(tumor_size_mm=10), "surveillance",
     "rectal_net.r0_surveillance", "exactly 10 mm"),
    ("rectal 15 mm R0", R, dict(tumor_size_mm=15), "surveillance", "rectal_net.r0_surveillance", None),
    ("rectal 19.9 mm", R, dict(tumor_size_mm=19.9), "surveillance", "rectal_net.r0_surveillance", None),
    ("rectal exactly 20 mm -> >20 band", R, dict(tumor_size_mm=20), "radical_surgery",
     "rectal_net.high_risk_features", "exactly 20 mm"),
    ("rectal 25 mm", R, dict(tumor_size_mm=25), "radical_surgery", "rectal_net.high_risk_features", None),
    ("rectal muscularis propria", R, dict(depth="muscularis_propria"), "radical_surgery",
     "rectal_net.high_risk_features", None),
    ("rectal stated pT2", R, dict(pt="pT2", depth=DROP), "radical_surgery", "rectal_net.high_risk_features", None),
    ("rectal nodes positive", R, dict(pn="pN1"), "radical_surgery", "rectal_net.high_risk_features", None),
    ("rectal LVI 15 mm", R, dict(tumor_size_mm=15, lvi="present"), "radical_surgery",
     "rectal_net.intermediate_risk", "discuss at MDT"),
    ("rectal G2 + involved margin 15 mm", R, dict(tumor_size_mm=15, grade="G2", ki67_percent=4,
                                                 margin_lateral="positive"),
     "radical_surgery", "rectal_net.intermediate_risk", "consider"),
    ("rectal LVI 8 mm", R, dict(lvi="present"), "mdt_review", "rectal_net.lvi_small_tumour", "not uniform"),
    ("rectal lateral margin positive", R, dict(margin_lateral="positive"), "repeat_local_excision",
     "rectal_net.margin_involved", "NCCN accepts endoscopic surveillance"),
    ("rectal margin not assessable", R, dict(margin_deep="indeterminate"), "repeat_local_excision",
     "rectal_net.margin_involved", "margin deep indeterminate"),
    ("rectal margin positive 15 mm G1", R, dict(tumor_size_mm=15, margin_deep="positive"),
     "repeat_local_excision", "rectal_net.margin_involved", None),
    ("rectal margin < 1 mm is close = R0", R, dict(margin_deep_mm=0.5), "no_further_treatment",
     "rectal_net.low_risk", "close (< 1 mm)"),
    ("rectal margin called close = R0", R, dict(margin_lateral="close"), "no_further_treatment",
     "rectal_net.low_risk", "close (< 1 mm)"),
    ("rectal Ki-67 2.9 %", R, dict(ki67_percent=2.9), "no_further_treatment", "rectal_net.low_risk", None),
    ("rectal Ki-67 exactly 3 % (G2, low)", R, dict(ki67_percent=3, grade="G2"), "no_further_treatment",
     "rectal_net.low_risk", "Ki-67 exactly 3 %"),
    ("rectal Ki-67 exactly 20 % (G2, not low)", R, dict(ki67_percent=20, grade="G2"), "surveillance",
     "rectal_net.r0_surveillance", "Ki-67 exactly 20 %"),
    ("rectal Ki-67 20.5 % -> G3", R, dict(ki67_percent=20.5, grade=DROP), "oncology_referral",
     "nen.high_grade", None),
    ("rectal NEC", R, dict(histology="neuroendocrine_carcinoma", grade=DROP), "oncology_referral",
     "nen.high_grade", None),
    ("rectal mitoses 21 -> G3 (higher wins)", R, dict(mitoses_per_2mm2=21), "oncology_referral",
     "nen.high_grade", "conflicts"),
    ("rectal missing Ki-67 < 10 mm", R, dict(ki67_percent=DROP), "insufficient_data",
     "rectal_net.ki67_missing", "Ki-67 missing"),
    ("rectal missing Ki-67 and grade", R, dict(ki67_percent=DROP, grade=DROP, mitoses_per_2mm2=DROP),
     "insufficient_data", "rectal_net.ki67_missing", "Ki-67 missing"),
    ("rectal missing Ki-67, 15 mm: surveillance decides", R, dict(ki67_percent=DROP, tumor_size_mm=15),
     "surveillance", "rectal_net.r0_surveillance", "provisional"),
    ("rectal missing Ki-67, 25 mm: radical decides", R, dict(ki67_percent=DROP, tumor_size_mm=25),
     "radical_surgery", "rectal_net.high_risk_features", "provisional"),
    ("rectal grade/Ki-67 conflict", R, dict(grade="G1", ki67_percent=10), "surveillance",
     "rectal_net.r0_surveillance", "who_grade"),
    ("rectal pT vs size conflict", R, dict(pt="pT1", tumor_size_mm=60), "radical_surgery",
     "rectal_net.high_risk_features", "pt_size_depth"),
    ("rectal G2 high, R1, 8 mm: no row fits", R, dict(ki67_percent=10, grade="G2", margin_lateral="positive"),
     "mdt_review", "rectal_net.no_matching_row", "not covered by a guideline row"),
    ("rectal biopsy", R, dict(procedure="biopsy"), "staging_workup", "rectal_net.staging_needed", None),
    ("rectal size unknown", R, dict(tumor_size_mm=DROP), "staging_workup", "rectal_net.staging_needed", None),
    ("rectal depth unknown", R, dict(depth=DROP), "staging_workup", "rectal_net.staging_needed", None),
    ("rectal deep margin unknown", R, dict(margin_deep=DROP), "staging_workup", "rectal_net.staging_needed", None),
    ("rectal LVI missing", R, dict(lvi=DROP), "insufficient_data", "rectal_net.missing_inputs", None),
    ("rectal LVI indeterminate", R, dict(lvi="indeterminate"), "insufficient_data",
     "rectal_net.missing_inputs", "lvi indeterminate"),
    ("rectal procedure not stated", R, dict(procedure=DROP), "no_further_treatment", "rectal_net.low_risk",
     "procedure not stated"),
    ("rectosigmoid NEN NFC", R, dict(histology="neuroendocrine_neoplasm"), "no_further_treatment",
     "rectal_net.low_risk", "not further classified"),
    # --- after radical resection -------------------------------------------------------------
    ("radical R0 N0", RADICAL, {}, "surveillance", "net_radical.r0_n0", None),
    ("radical N+", RADICAL, dict(pn="pN1", lymph_nodes_positive=2), "mdt_review",
     "net_radical.residual_or_nodes", None),
    ("radical R1", RADICAL, dict(margin_radial="positive"), "mdt_review", "net_radical.residual_or_nodes", None),
    ("radical nodes unknown", RADICAL, dict(pn=DROP, lymph_nodes_positive=DROP, lymph_nodes_examined=DROP),
     "insufficient_data", "net_radical.missing_inputs", None),
    ("radical G3", RADICAL, dict(ki67_percent=30, grade="G3"), "oncology_referral", "nen.high_grade", None),
    # --- colonic NET --------------------------------------------------------------------------
    ("colon small low risk", COLON, {}, "surveillance", "colon_net.small_low_risk", None),
    ("colon 15 mm", COLON, dict(tumor_size_mm=15), "mdt_review", "colon_net.intermediate", None),
    ("colon exactly 10 mm", COLON, dict(tumor_size_mm=10), "mdt_review", "colon_net.intermediate",
     "exactly 10 mm"),
    ("colon LVI", COLON, dict(lvi="present"), "mdt_review", "colon_net.intermediate", None),
    ("colon 25 mm", COLON, dict(tumor_size_mm=25), "radical_surgery", "colon_net.surgical", None),
    ("colon muscularis propria", COLON, dict(depth="muscularis_propria"), "radical_surgery",
     "colon_net.surgical", None),
    ("colon after colectomy", RADICAL, dict(site="colon"), "surveillance", "net_radical.r0_n0", None),
    # --- pT1 colorectal adenocarcinoma ------------------------------------------------------------
    ("crc low risk", CRC_LOW_RISK, {}, "surveillance", "crc_pt1.low_risk", None),
    ("crc sm 999 um", CRC_LOW_RISK, dict(sm_invasion_um=999), "surveillance", "crc_pt1.low_risk", None),
    ("crc sm exactly 1000 um", CRC_LOW_RISK, dict(sm_invasion_um=1000), "radical_surgery",
     "crc_pt1.deep_submucosal_invasion", "only high-risk feature"),
    ("crc LVI", CRC_LOW_RISK, dict(lvi="present"), "radical_surgery", "crc_pt1.high_risk_features", None),
    ("crc poorly differentiated", CRC_LOW_RISK, dict(grade="G3"), "radical_surgery",
     "crc_pt1.high_risk_features", None),
    ("crc budding BD2", CRC_LOW_RISK, dict(tumor_budding="BD2"), "radical_surgery",
     "crc_pt1.high_risk_features", None),
    ("crc deep margin 0.5 mm", CRC_LOW_RISK, dict(margin_deep_mm=0.5), "radical_surgery",
     "crc_pt1.high_risk_features", None),
    ("crc deep margin positive", CRC_LOW_RISK, dict(margin_deep="positive", margin_deep_mm=DROP),
     "radical_surgery", "crc_pt1.high_risk_features", None),
    ("crc piecemeal unassessable", CRC_LOW_RISK, dict(resection="piecemeal", margin_deep="indeterminate",
                                                       margin_deep_mm=DROP),
     "radical_surgery", "crc_pt1.high_risk_features", None),
    ("crc LVI missing", CRC_LOW_RISK, dict(lvi=DROP), "insufficient_data", "crc_pt1.missing_inputs", None),
    ("crc budding unreported", CRC_LOW_RISK, dict(tumor_budding=DROP), "surveillance", "crc_pt1.low_risk",
     "budding not reported"),
    ("crc beyond T1", CRC_LOW_RISK, dict(depth="muscularis_propria", pt="pT2"), "radical_surgery",
     "crc_pt1.beyond_t1", None),
    ("crc intramucosal", CRC_LOW_RISK, dict(depth="mucosa", pt="pTis"), "not_applicable",
     "none.not_covered", None),
    # --- outside the packs -------------------------------------------------------------------------
    ("adenoma", {}, dict(histology="adenoma", site="colon", procedure="polypectomy"), "not_applicable",
     "none.not_covered", None),
    ("no histology", {}, dict(site="rectum", procedure="esd"), "not_applicable", "none.not_covered",
     "no tumour histology"),
    ("appendix NET G1", R, dict(site="appendix", procedure="other"), "not_applicable", "nen.site_not_covered", None),
    ("appendix NET G3", R, dict(site="appendix", ki67_percent=40, grade="G3"), "oncology_referral",
     "nen.high_grade", None),
    ("NET, site unknown", R, dict(site=DROP), "insufficient_data", "nen.site_unknown", "site not stated"),
]


@pytest.mark.parametrize("case_id, base, changes, code, rule_id, review", CASES, ids=[c[0] for c in CASES])
def test_rule_table(case_id, base, changes, code, rule_id, review):
    text, f = report(base, **changes)
    checks, rec = decide(f)
    assert (rec.code, rec.rule_id) == (code, rule_id), rec.review_reasons
    assert rec.rule_id in rec.matched_rules
    if review is not None:
        assert rec.needs_review
        assert any(review in r for r in rec.review_reasons), rec.review_reasons
    for reason in rec.reasons:
        assert all(span.holds_in(text) for span in reason.evidence)


def test_every_matching_rule_is_listed_in_order():
    # 15 mm + LVI + involved margin, G2: intermediate risk decides; the margin row does not match
    # (LVI present) but LVI in a 10–20 mm tumour and G2 + margin both belong to the deciding row.
    f = findings(R, tumor_size_mm=25, lvi="present", depth="muscularis_propria")
    _, rec = decide(f)
    assert rec.matched_rules[0] == "rectal_net.high_risk_features"
    # 15 mm with LVI: rows 3 only; 8 mm with LVI and R1: row 4 decides, row 5 fails on LVI.
    _, rec = decide(findings(R, tumor_size_mm=15, lvi="present", grade="G2", ki67_percent=4,
                             margin_lateral="positive"))
    assert rec.matched_rules == ["rectal_net.intermediate_risk"]
    _, rec = decide(findings(R, depth="muscularis_propria", pn="pN1", ki67_percent=30))
    assert rec.matched_rules == ["nen.high_grade", "rectal_net.high_risk_features"]
    assert rec.rule_id == "nen.high_grade"
    assert any("also present" in r.text and "muscularis propria" in r.text for r in rec.reasons)


def test_motivating_case_on_built_findings():
    text, f = report(dict(histology="neuroendocrine_tumor", site="rectum", procedure="esd",
                          tumor_size_mm=60, grade="G1", ki67_percent=1.5, pt="pT2",
                          margin_lateral="positive", margin_deep="negative", lvi="present"))
    _, rec = decide(f)
    assert rec.code == "radical_surgery" and rec.rule_id == "rectal_net.high_risk_features"
    assert "total mesorectal excision" in rec.summary
    alt = {a.code: a.why_not for a in rec.alternatives}
    assert {"surveillance", "repeat_local_excision", "no_further_treatment", "oncology_referral"} <= set(alt)
    assert "lymph-node risk" in alt["repeat_local_excision"]
    assert "somatostatin analogue" in alt["oncology_referral"]
    # every risk feature is in the reasons, each with a span into the text
    joined = " | ".join(r.text for r in rec.reasons)
    for word in ("pT2", "60 mm", "lymphovascular invasion present", "R1"):
        assert word in joined
    for reason in rec.reasons:
        assert reason.evidence and all(s.holds_in(text) for s in reason.evidence)
    assert rec.follow_up and any("colonoscopy" in x for x in rec.follow_up)
    assert rec.guideline == ["ESMO 2020 GEP-NEN", "ENETS 2023 colorectal NET",
                             "NCCN Neuroendocrine and Adrenal Tumors (edition not pinned)"]


def test_low_confidence_finding_makes_review():
    text, f = report(R)
    f.lvi.needs_review = True
    f.lvi.review_reasons = ["rules and LLM disagree"]
    _, rec = decide(f)
    assert rec.code == "no_further_treatment" and rec.needs_review
    assert any("low-confidence finding lvi" in r and "disagree" in r for r in rec.review_reasons)


def test_clean_low_risk_case_needs_no_review():
    _, rec = decide(findings(R))
    assert not rec.needs_review and rec.review_reasons == []


def test_checks_carry_spans_and_derived_values():
    text, f = report(R, pt="pT1", tumor_size_mm=60, grade="G1", ki67_percent=10)
    checks, _ = decide(f)
    by = {c.code: c for c in checks}
    assert by["who_grade"].status == "fail" and by["who_grade"].derived == "G2"
    assert by["pt_size_depth"].status == "fail" and by["pt_size_depth"].derived == "pT2 (> 2 cm)"
    assert by["r_status"].derived == "R0"
    assert by["size_band"].derived == ">20"
    for c in checks:
        assert c.evidence and all(s.holds_in(text) for s in c.evidence)


def test_margin_row_names_surveillance_as_the_accepted_alternative():
    _, rec = decide(findings(R, margin_lateral="positive"))
    alt = {a.code: a.why_not for a in rec.alternatives}
    assert alt["surveillance"].startswith("Accepted alternative: for G1 ≤ 10 mm NCCN")


def test_missing_ki67_caveat_is_not_repeated():
    _, rec = decide(findings(R, ki67_percent=DROP))
    assert sum("Ki-67 missing" in r for r in rec.review_reasons) == 1
