"""Property tests: determinism, monotonic safety, context never changes the code, spans hold."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.decide import DEFERRALS, INTENSITY, decide, intensity
from pipeline.models import Findings, PatientContext
from test_decide_support import report

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
DEPTHS = ["mucosa", "submucosa", "muscularis_propria", "subserosa"]
MARGINS = ["negative", "close", "positive"]


@st.composite
def net_case(draw, complete: bool = True) -> dict:
    """A colorectal NET after local excision (or a radical resection), every decisive field known."""
    site = draw(st.sampled_from(["rectum", "colon"]))
    procedure = draw(st.sampled_from(["esd", "emr", "polypectomy", "eftr", "local_excision"]))
    case = dict(
        histology="neuroendocrine_tumor", site=site, procedure=procedure,
        tumor_size_mm=draw(st.sampled_from([2, 5, 9.9, 10, 12, 15, 19.9, 20, 25, 40, 60])),
        depth=draw(st.sampled_from(DEPTHS[:2])),
        ki67_percent=draw(st.sampled_from([0.5, 1, 2.9, 3, 4, 5, 10, 20])),
        mitoses_per_2mm2=draw(st.sampled_from([0, 1, 2, 5])),
        margin_lateral=draw(st.sampled_from(MARGINS)),
        margin_deep=draw(st.sampled_from(MARGINS)),
        lvi=draw(st.sampled_from(["absent", "present"])),
    )
    if not complete:
        for name in draw(st.sets(st.sampled_from(["ki67_percent", "mitoses_per_2mm2", "lvi",
                                                   "margin_deep", "depth", "tumor_size_mm"]))):
            case.pop(name)
        if draw(st.booleans()):
            case["lvi"] = "indeterminate"
    return case


def add_risk(case: dict, step: str) -> dict | None:
    """The same case with one risk feature added or worsened; None when the step cannot apply."""
    out = dict(case)
    if step == "lvi":
        if case.get("lvi") != "absent":
            return None
        out["lvi"] = "present"
    elif step == "size":
        if "tumor_size_mm" not in case:
            return None
        out["tumor_size_mm"] = case["tumor_size_mm"] + 6
    elif step == "depth":
        if "depth" not in case or case["depth"] == DEPTHS[-1]:
            return None
        out["depth"] = DEPTHS[DEPTHS.index(case["depth"]) + 1]
    elif step == "grade":
        if "ki67_percent" not in case:
            return None
        out["ki67_percent"] = {0.5: 3, 1: 4, 2.9: 10, 3: 10, 4: 15, 5: 20, 10: 25, 20: 30}[case["ki67_percent"]]
    elif step == "margin":
        names = [n for n in ("margin_lateral", "margin_deep") if case.get(n) in ("negative", "close")]
        if not names:
            return None
        out[names[0]] = "positive"
    return out


def code_of(case: dict) -> tuple[str, bool]:
    _, rec = decide(report(case)[1])
    return rec.code, rec.needs_review


@SETTINGS
@given(net_case(), st.sampled_from(["lvi", "size", "depth", "grade", "margin"]))
def test_adding_a_risk_feature_never_lowers_intensity(case, step):
    worse = add_risk(case, step)
    if worse is None:
        return
    before, _ = code_of(case)
    after, _ = code_of(worse)
    # With every decisive finding known, both are treatment decisions on the intensity scale.
    assert before in INTENSITY and after in INTENSITY, (before, after)
    assert intensity(after) >= intensity(before), (case, step, before, after)


@SETTINGS
@given(net_case(complete=False), st.sampled_from(["lvi", "size", "depth", "grade", "margin"]))
def test_with_missing_findings_a_risk_feature_never_lowers_a_decision(case, step):
    worse = add_risk(case, step)
    if worse is None:
        return
    before, _ = code_of(case)
    after, after_review = code_of(worse)
    if before in INTENSITY and after in INTENSITY:
        assert intensity(after) >= intensity(before), (case, step, before, after)
    if after in DEFERRALS:
        # A deferral is never silent: it asks for the missing finding, flagged for review.
        assert after_review or after == "staging_workup"


@SETTINGS
@given(net_case(complete=False))
def test_decision_is_deterministic(case):
    text, f = report(case)
    first = decide(f)
    again = decide(Findings.model_validate_json(f.model_dump_json()))
    assert [c.model_dump() for c in first[0]] == [c.model_dump() for c in again[0]]
    assert first[1].model_dump_json() == again[1].model_dump_json()


@SETTINGS
@given(net_case(complete=False),
       st.builds(PatientContext, age=st.integers(18, 100) | st.none(),
                 performance_status=st.integers(0, 4) | st.none(),
                 comorbidities=st.lists(st.sampled_from(["COPD", "CKD stage 4", "heart failure"]), max_size=2),
                 preference=st.sampled_from([None, "declines surgery", "wants stoma avoided"])))
def test_patient_context_never_changes_the_code(case, context):
    f = report(case)[1]
    _, plain = decide(f)
    _, with_ctx = decide(f, context)
    assert (with_ctx.code, with_ctx.rule_id, with_ctx.matched_rules) == (plain.code, plain.rule_id, plain.matched_rules)
    assert set(plain.review_reasons) <= set(with_ctx.review_reasons)


@SETTINGS
@given(net_case(complete=False))
def test_every_span_in_reasons_and_checks_points_into_the_report(case):
    text, f = report(case)
    checks, rec = decide(f)
    for item in [*rec.reasons, *checks]:
        assert all(span.holds_in(text) for span in item.evidence)


@SETTINGS
@given(net_case())
def test_decided_cases_give_every_reason_a_span(case):
    text, f = report(case)
    _, rec = decide(f)
    assert rec.reasons
    for reason in rec.reasons:
        assert reason.evidence, reason.text


VOCAB = {
    "histology": ["neuroendocrine_tumor", "neuroendocrine_carcinoma", "neuroendocrine_neoplasm",
                  "adenocarcinoma", "adenoma", "other"],
    "site": ["rectum", "colon", "appendix", "small_intestine", "stomach", "other"],
    "procedure": ["esd", "emr", "polypectomy", "eftr", "local_excision", "radical_resection", "biopsy", "other"],
    "tumor_size_mm": [0, 0.5, 9.99, 10, 20, 20.01, 150],
    "depth": ["mucosa", "submucosa", "muscularis_propria", "subserosa", "serosa", "adjacent_organ"],
    "pt": ["pT0", "pTis", "pT1", "pT1a", "pT1b", "pT2", "pT3", "pT4", "pT4a", "pT4b", "pTX", "ypT2", "rpT1"],
    "pn": ["pN0", "pN1", "pN1a", "pN2", "pNX", "ypN0"],
    "margin_lateral": ["positive", "close", "negative", "indeterminate"],
    "margin_deep": ["positive", "close", "negative", "indeterminate"],
    "margin_radial": ["positive", "close", "negative", "indeterminate"],
    "margin_lateral_mm": [0, 0.4, 1, 5], "margin_deep_mm": [0, 0.4, 1, 5], "margin_radial_mm": [0, 0.4, 1, 5],
    "lvi": ["present", "absent", "indeterminate"], "pni": ["present", "absent", "indeterminate"],
    "ki67_percent": [0, 2.9, 3, 5, 20, 20.1, 90], "mitoses_per_2mm2": [0, 2, 20, 21],
    "grade": ["G1", "G2", "G3"], "sm_invasion_um": [0, 999, 1000, 5000],
    "tumor_budding": ["BD1", "BD2", "BD3"], "resection": ["en_bloc", "piecemeal"],
    "lymph_nodes_positive": [0, 1, 5], "lymph_nodes_examined": [0, 12],
}


@settings(max_examples=400, deadline=None)
@given(st.fixed_dictionaries({}, optional={k: st.sampled_from(v) for k, v in VOCAB.items()}))
def test_any_combination_of_findings_gives_a_valid_record(case):
    text, f = report(case)
    checks, rec = decide(f)
    assert rec.code and rec.summary and rec.rule_id
    assert rec.rule_id in rec.matched_rules
    assert rec.needs_review == bool(rec.review_reasons)
    for item in [*rec.reasons, *checks]:
        assert all(span.holds_in(text) for span in item.evidence)
