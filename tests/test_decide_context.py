"""Patient context adds MDT review reasons and never changes the indication."""

from __future__ import annotations

import pytest

from pipeline.decide import CONTEXT_MDT_REASON, decide
from pipeline.models import PatientContext
from test_decide_support import RECTAL_LOW_RISK, findings

MOTIVATING = dict(RECTAL_LOW_RISK, tumor_size_mm=60, pt="pT2", margin_lateral="positive", lvi="present",
                  ki67_percent=1.5, depth=None)


@pytest.mark.parametrize("context, expect_reason", [
    (PatientContext(age=78), True),
    (PatientContext(age=55), False),
    (PatientContext(performance_status=2), True),
    (PatientContext(comorbidities=["severe COPD"]), True),
    (PatientContext(preference="wishes to avoid a stoma"), True),
    (PatientContext(), False),
])
def test_context_adds_the_mdt_reason_for_surgery(context, expect_reason):
    f = findings(MOTIVATING)
    _, plain = decide(f)
    _, rec = decide(f, context)
    assert rec.code == plain.code == "radical_surgery"
    has = any(r.startswith(CONTEXT_MDT_REASON) for r in rec.review_reasons)
    assert has is expect_reason
    if expect_reason:
        assert rec.needs_review


def test_context_on_a_non_surgical_decision_is_named_but_not_as_surgical_risk():
    _, rec = decide(findings(RECTAL_LOW_RISK), PatientContext(age=85))
    assert rec.code == "no_further_treatment"
    assert any("patient factors" in r and "age 85" in r for r in rec.review_reasons)
    assert not any(r.startswith(CONTEXT_MDT_REASON) for r in rec.review_reasons)
