import pytest
from pydantic import ValidationError

from pipeline.models import Finding, Findings, ResultRecord, Span


def test_span_of_holds_in_text():
    text = "Lymphovascular invasion: not identified."
    span = Span.of(text, 0, 23)
    assert span.holds_in(text)
    assert not span.holds_in("x" + text)


def test_span_text_must_match_length():
    with pytest.raises(ValidationError):
        Span(start=0, end=5, text="abc")


def test_value_without_evidence_is_rejected():
    with pytest.raises(ValidationError):
        Finding[str](value="present")


def test_vocabulary_is_enforced():
    span = Span(start=0, end=3, text="LVI")
    with pytest.raises(ValidationError):
        Findings(lvi={"value": "maybe", "evidence": [span]})
    with pytest.raises(ValidationError):
        Findings(pt={"value": "T2", "evidence": [span]})
    assert Findings(pt={"value": "ypT2", "evidence": [span]}).pt.value == "ypT2"


def test_every_dictionary_field_is_present_and_null_by_default():
    names = Findings.field_names()
    assert names[0] == "histology" and "lymph_nodes_examined" in names and len(names) == 23
    empty = Findings()
    assert all(empty.value(n) is None for n in names)


def test_record_round_trips_through_json():
    span = Span(start=4, end=7, text="LVI")
    rec = ResultRecord(report_id="r1", status="ok", text_sha256="0" * 64,
                       findings=Findings(lvi={"value": "present", "evidence": [span], "source": "rules"}))
    again = ResultRecord.model_validate_json(rec.to_json())
    assert again == rec
    assert again.to_json() == rec.to_json()
