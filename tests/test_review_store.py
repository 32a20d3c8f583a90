"""The review store on SQLite and on a real PostgreSQL server (PATHSPAN_TEST_PG_URL)."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session
from test_review_support import TEXT, pg_url, sample_record, span

from pipeline.decide import decide
from pipeline.models import Check, ErrorInfo, ResultRecord
from pipeline.review.corrections import Correction, CorrectionError, SpanRef
from pipeline.review.priority import SEVERITY
from pipeline.review.store import (
    Base, ConflictError, Revision, ReviewStore, enqueue_results, review_statuses,
)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store(request, tmp_path):
    if request.param == "sqlite":
        s = ReviewStore(f"sqlite:///{tmp_path / 'review.sqlite'}")
    else:
        url = pg_url()
        s = ReviewStore(url)
        Base.metadata.drop_all(s.engine)  # a clean schema per test
        Base.metadata.create_all(s.engine)
    yield s
    if request.param == "postgres":
        Base.metadata.drop_all(s.engine)
    s.close()


def deep_positive() -> Correction:
    return Correction(field="margin_deep", value="positive")


def test_enqueue_is_idempotent_on_report_id_and_text_hash(store):
    record, text = sample_record("A")
    assert store.enqueue([(record, text), sample_record("B")]) == 2
    assert store.enqueue([(record, text)]) == 0  # re-run
    edited = text + "Addendum: none.\n"
    assert store.enqueue([(record, edited)]) == 1  # same id, other text: a new case
    assert sorted(c.report_id for c in store.list_cases()) == ["A", "A", "B"]


def test_queue_puts_flagged_records_first_in_severity_order(store):
    ok, text = sample_record("plain")
    failed = ResultRecord(report_id="failed", status="failed",
                          error=ErrorInfo(code="empty_input", message="empty"))
    decision, _ = sample_record("decision", margin_deep=("positive", "Deep margin: negative"))
    bad_check = Check(code="pt_size_depth", message="stated pT1 contradicts 25 mm", status="fail")
    inconsistent, _ = sample_record("inconsistent", checks=[bad_check])
    store.enqueue([(ok, text), (failed, None), (decision, text), (inconsistent, text)])
    order = [c.report_id for c in store.list_cases()]
    assert order == ["inconsistent", "decision", "failed", "plain"]
    first = store.list_cases()[0]
    assert first.category == "inconsistent" and first.severity == SEVERITY["inconsistent"]
    assert "pt_size_depth: stated pT1 contradicts 25 mm" in first.reasons
    assert [c.report_id for c in store.list_cases(needs_review=False)] == ["plain"]
    assert [c.report_id for c in store.list_cases(code="repeat_local_excision")] == ["decision"]
    assert [c.report_id for c in store.list_cases(query="incon")] == ["inconsistent"]


def test_preview_recomputes_the_decision_and_saves_nothing(store):
    store.enqueue([sample_record("A")])
    case_id = store.list_cases()[0].id
    record, changes = store.preview(case_id, [deep_positive()])
    expected_checks, expected = decide(record.findings)
    assert record.recommendation == expected and record.checks == expected_checks
    assert record.recommendation.code == "repeat_local_excision"
    assert {"field": "recommendation", "old": "no_further_treatment", "new": "repeat_local_excision",
            "old_evidence": [], "new_evidence": []} in changes
    case = store.get_case(case_id)
    assert case.version == 1 and len(case.revisions) == 1
    assert case.record.recommendation.code == "no_further_treatment"


def test_recomputed_decision_keeps_the_patient_context_of_the_run(store):
    from pipeline.models import PatientContext

    record, text = sample_record("ctx")
    context = PatientContext(report_id="ctx", age=84, performance_status=3)
    record = record.model_copy(update={"context": context,
                                       "recommendation": decide(record.findings, context)[1]})
    store.enqueue([(record, text)])
    preview, _ = store.preview(store.list_cases()[0].id, [deep_positive()])
    assert preview.recommendation == decide(preview.findings, context)[1]
    assert preview.recommendation != decide(preview.findings)[1]  # the context adds MDT reasons


def test_save_appends_a_signed_revision_with_old_and_new_values(store):
    record, text = sample_record("A")
    store.enqueue([(record, text)])
    case_id = store.list_cases()[0].id
    start = text.index("Deep margin: negative")
    quote = span(text, "Deep margin: negative")
    rev = store.save(case_id, reviewer="Dr Ito", base_version=1, comment="re-read the slide",
                     corrections=[Correction(field="margin_deep", value="positive",
                                             evidence=[SpanRef(start=start, end=quote.end)])])
    assert rev.number == 2 and rev.action == "correct" and rev.reviewer == "Dr Ito"
    assert rev.changes[0] == {"field": "margin_deep", "old": "negative", "new": "positive",
                              "old_evidence": [quote.model_dump()], "new_evidence": [quote.model_dump()]}
    case = store.get_case(case_id)
    assert case.version == 2 and case.summary.status == "corrected"
    assert case.summary.recommendation_code == "repeat_local_excision"
    assert case.record.findings.margin_deep.value == "positive"
    # Nothing overwritten: revision 1 still holds the pipeline's record.
    assert [r.number for r in case.revisions] == [1, 2]
    assert case.revisions[0].action == "enqueue"
    assert case.revisions[1].created_at.tzinfo is not None
    assert store.statuses() == {"A": "corrected"}


def test_accept_without_changes_signs_the_case(store):
    store.enqueue([sample_record("A")])
    case_id = store.list_cases()[0].id
    rev = store.save(case_id, reviewer="Dr Ito", base_version=1)
    assert rev.action == "accept" and rev.changes == []
    assert store.get_case(case_id).summary.status == "accepted"
    with pytest.raises(ValueError, match="signed"):
        store.save(case_id, reviewer="  ", base_version=2)


def test_revisions_are_append_only(store):
    store.enqueue([sample_record("A")])
    with Session(store.engine) as session:
        rev = session.scalars(select(Revision)).one()
        rev.reviewer = "someone else"
        with pytest.raises(RuntimeError, match="append-only"):
            session.flush()
        session.rollback()
        with pytest.raises(RuntimeError, match="append-only"):
            session.delete(session.scalars(select(Revision)).one())
            session.flush()


@pytest.mark.parametrize("correction, message", [
    (Correction(field="margin_deep", value="maybe"), "not a valid value"),
    (Correction(field="no_such_field", value="x"), "unknown field"),
    (Correction(field="pni", value="present"), "select the text"),
    (Correction(field="pni", value="present", evidence=[SpanRef(start=5, end=10_000)]), "outside"),
])
def test_bad_corrections_are_refused_with_a_reason(store, correction, message):
    store.enqueue([sample_record("A")])
    case_id = store.list_cases()[0].id
    with pytest.raises(CorrectionError, match=message):
        store.save(case_id, reviewer="Dr Ito", base_version=1, corrections=[correction])
    assert store.get_case(case_id).version == 1


def test_two_reviewers_on_different_fields_both_keep_their_change(store):
    store.enqueue([sample_record("A")])
    case_id = store.list_cases()[0].id
    # Both opened version 1; the second save is merged onto the first.
    store.save(case_id, reviewer="Dr A", base_version=1, corrections=[deep_positive()])
    store.save(case_id, reviewer="Dr B", base_version=1,
               corrections=[Correction(field="tumor_size_mm", value="7")])
    case = store.get_case(case_id)
    assert case.record.findings.margin_deep.value == "positive"
    assert case.record.findings.tumor_size_mm.value == 7.0
    assert [(r.reviewer, r.base_version) for r in case.revisions[1:]] == [("Dr A", 1), ("Dr B", 1)]


def test_two_reviewers_on_the_same_field_second_is_refused_not_lost(store):
    store.enqueue([sample_record("A")])
    case_id = store.list_cases()[0].id
    store.save(case_id, reviewer="Dr A", base_version=1, corrections=[deep_positive()])
    with pytest.raises(ConflictError, match="margin_deep") as err:
        store.save(case_id, reviewer="Dr B", base_version=1,
                   corrections=[Correction(field="margin_deep", value="indeterminate")])
    assert err.value.current_version == 2
    with pytest.raises(ConflictError):  # accepting a record that changed since is no accept
        store.save(case_id, reviewer="Dr B", base_version=1)
    assert store.get_case(case_id).record.findings.margin_deep.value == "positive"


def test_concurrent_saves_race_and_none_is_lost(store):
    store.enqueue([sample_record("A")])
    case_id = store.list_cases()[0].id
    corrections = {"lvi": "present", "margin_deep": "positive", "tumor_size_mm": 8,
                   "margin_lateral": "indeterminate", "grade": "G2", "ki67_percent": 4}
    barrier = threading.Barrier(len(corrections))
    errors: list[BaseException] = []

    def reviewer(field, value):
        try:
            barrier.wait()
            store.save(case_id, reviewer=f"Dr {field}", base_version=1,
                       corrections=[Correction(field=field, value=value)])
        except BaseException as exc:  # noqa: BLE001  (reported below)
            errors.append(exc)

    threads = [threading.Thread(target=reviewer, args=item) for item in corrections.items()]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    case = store.get_case(case_id)
    assert case.version == 1 + len(corrections)
    assert sorted(r.number for r in case.revisions) == list(range(1, len(corrections) + 2))
    for field, value in corrections.items():
        assert case.record.findings.value(field) == value


def test_enqueue_results_defaults_to_sqlite_in_the_run_folder(tmp_path):
    items = [sample_record("A"), sample_record("B")]
    assert enqueue_results(tmp_path, None, iter(items)) == 2
    assert enqueue_results(tmp_path, None, iter(items)) == 0
    assert (tmp_path / "review.sqlite").exists()
    assert review_statuses(tmp_path / "review.sqlite") == {"A": "pending", "B": "pending"}


def test_text_is_stored_to_show_the_report(store):
    store.enqueue([sample_record("A")])
    assert store.get_case(store.list_cases()[0].id).text == TEXT
