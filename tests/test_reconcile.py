"""Reconciliation of rule findings with grounded LLM findings."""

from pipeline.models import Finding, Findings, Recommendation, Span
from pipeline.reconcile import flag_changed_recommendation, reconcile

TEXT = "Lymphovascular invasion: not identified. Ki-67 2%. Size 7 mm. Perineural invasion present."
def span(quote: str) -> Span:
    start = TEXT.index(quote)
    return Span.of(TEXT, start, start + len(quote))


LVI = span("Lymphovascular invasion: not identified")
KI67 = span("Ki-67 2%")
SIZE = span("Size 7 mm")
PNI = span("Perineural invasion present")


def rules() -> Findings:
    return Findings(
        lvi={"value": "absent", "evidence": [LVI], "source": "rules"},
        ki67_percent={"value": 2, "evidence": [KI67], "source": "rules"},
        tumor_size_mm={"value": 7, "evidence": [SIZE], "source": "rules"},
    )


def llm(name: str, value, span: Span) -> Finding:
    return Finding(value=value, evidence=[span], source="llm")


def test_agreement_marks_rules_plus_llm_and_keeps_rule_value():
    out = reconcile(rules(), {"ki67_percent": llm("ki67_percent", 2.0, span("Ki-67"))})
    assert out.ki67_percent.value == 2
    assert out.ki67_percent.source == "rules+llm"
    assert out.ki67_percent.needs_review is False
    assert out.ki67_percent.evidence == [KI67, span("Ki-67")]


def test_disagreement_keeps_rule_value_flags_and_stores_llm_alternative():
    out = reconcile(rules(), {"lvi": llm("lvi", "present", LVI)})
    assert out.lvi.value == "absent"
    assert out.lvi.source == "rules"
    assert out.lvi.evidence == [LVI]
    assert out.lvi.needs_review is True
    assert "disagree" in out.lvi.review_reasons[0]
    assert out.lvi.alternatives == [{"source": "llm", "value": "present",
                                     "evidence": [LVI.model_dump()]}]


def test_llm_only_finding_is_accepted_and_flagged():
    out = reconcile(rules(), {"pni": llm("pni", "present", PNI)})
    assert out.pni.value == "present"
    assert out.pni.source == "llm"
    assert out.pni.needs_review is True
    assert out.pni.evidence == [PNI]


def test_llm_silence_changes_nothing():
    before = rules()
    assert reconcile(before, {}) == before


def test_reconcile_does_not_mutate_its_input():
    before = rules()
    snapshot = before.model_dump()
    reconcile(before, {"lvi": llm("lvi", "present", LVI), "pni": llm("pni", "present", PNI)})
    assert before.model_dump() == snapshot


def test_changed_recommendation_is_flagged_and_unchanged_is_left_alone():
    a = Recommendation(code="surveillance", summary="s")
    b = Recommendation(code="radical_surgery", summary="r")
    flagged = flag_changed_recommendation(a, b)
    assert flagged.needs_review and "changed from surveillance" in flagged.review_reasons[0]
    assert flag_changed_recommendation(a, a.model_copy()) == a
