"""The evaluator's arithmetic on tiny hand-made cases, and the issue's acceptance floor."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.evaluate import (
    FieldScore,
    GoldCase,
    comparison_table,
    evaluate,
    load_gold,
    spans_overlap,
    values_equal,
)
from pipeline.models import Finding, Findings, Span

GOLD = Path(__file__).resolve().parents[1] / "gold_reports"
TEXT = "Ki-67 1.5 %. Lymphovascular invasion: present. Grade G1."


def span(quote: str, text: str = TEXT) -> Span:
    start = text.index(quote)
    return Span(start=start, end=start + len(quote), text=quote)


def case(case_id: str = "c1", text: str = TEXT, **values) -> GoldCase:
    """A gold case whose fields are ``name=(value, quote)``."""
    fields = {n: Finding(value=v, evidence=[span(q, text)]) for n, (v, q) in values.items()}
    return GoldCase(case_id=case_id, split="test", text=text, gold=Findings(**fields),
                    path=Path(f"{case_id}.json"))


def fixed(**values):
    """An extractor that returns the same findings (``name=(value, quote)``) for any text."""
    def extract(text: str) -> Findings:
        return Findings(**{n: Finding(value=v, evidence=[span(q, text)])
                           for n, (v, q) in values.items()})
    return extract


def test_correct_value_is_tp_with_span_agreement():
    rep = evaluate([case(lvi=("present", "Lymphovascular invasion: present"))],
                   fixed(lvi=("present", "invasion: present")))
    s = rep.fields["lvi"]
    assert (s.tp, s.fp, s.fn, s.support, s.span_agree) == (1, 0, 0, 1, 1)
    assert s.f1 == 1.0 and s.span_agreement == 1.0
    assert not rep.mismatches and not rep.violations


def test_wrong_value_counts_fp_and_fn():
    rep = evaluate([case(grade=("G1", "Grade G1"))], fixed(grade=("G2", "Grade G1")))
    s = rep.fields["grade"]
    assert (s.tp, s.fp, s.fn) == (0, 1, 1)
    assert s.precision == 0.0 and s.recall == 0.0 and s.f1 == 0.0
    assert rep.mismatches[0].gold == "G1" and rep.mismatches[0].predicted == "G2"


def test_missed_and_spurious_values():
    cases = [case("a", ki67_percent=(1.5, "Ki-67 1.5 %")), case("b")]
    # Predicts nothing on "a" (FN) ... and something on "b" (FP).
    calls: list[str] = []

    def extract(text):
        calls.append(text)
        return Findings() if len(calls) == 1 else fixed(ki67_percent=(1.5, "Ki-67 1.5 %"))(text)
    s = evaluate(cases, extract).fields["ki67_percent"]
    assert (s.tp, s.fp, s.fn, s.support) == (0, 1, 1, 1)


def test_precision_recall_f1_arithmetic():
    s = FieldScore("x", tp=3, fp=1, fn=2, support=5)
    assert s.precision == pytest.approx(0.75)
    assert s.recall == pytest.approx(0.6)
    assert s.f1 == pytest.approx(2 * 0.75 * 0.6 / 1.35)
    # Nothing predicted and nothing expected: nothing wrong.
    assert FieldScore("y").f1 == 1.0


def test_numbers_compare_with_small_tolerance():
    assert values_equal("ki67_percent", 1.5, 1.5000001)
    assert values_equal("lymph_nodes_examined", 12, 12.0)
    assert not values_equal("ki67_percent", 1.5, 2.0)
    assert not values_equal("ki67_percent", 1.5, None)
    assert not values_equal("grade", "G1", "g1")


def test_correct_value_with_far_away_span_does_not_agree():
    rep = evaluate([case(ki67_percent=(1.5, "Ki-67 1.5 %"))],
                   fixed(ki67_percent=(1.5, "Grade G1")))
    s = rep.fields["ki67_percent"]
    assert s.tp == 1 and s.span_agree == 0 and s.span_agreement == 0.0


def test_spans_overlap_is_half_open():
    a = Span(start=0, end=5, text="Ki-67")
    assert spans_overlap([a], [Span(start=4, end=6, text="7 ")])
    assert not spans_overlap([a], [Span(start=5, end=6, text=" ")])


def test_span_that_does_not_hold_and_value_without_span_are_violations():
    bad = Span(start=0, end=5, text="XXXXX")
    unproven = Finding.model_construct(value="present", evidence=[], source=None,
                                       needs_review=False, review_reasons=[], alternatives=[])
    def extract(text):
        f = Findings(grade=Finding(value="G1", evidence=[bad]))
        f.lvi = unproven  # bypasses validation, as a careless extractor could
        return f
    rep = evaluate([case(grade=("G1", "Grade G1"))], extract)
    kinds = sorted((v.field, v.kind) for v in rep.violations)
    assert kinds == [("grade", "span_does_not_hold"), ("lvi", "value_without_span")]


def test_extractor_error_is_reported_and_scored_as_empty():
    def boom(text):
        raise RuntimeError("broken")
    rep = evaluate([case(grade=("G1", "Grade G1"))], boom)
    assert rep.errors == [("c1", "RuntimeError: broken")]
    assert rep.fields["grade"].fn == 1


def test_side_by_side_table_has_a_column_per_extractor():
    cases = [case(grade=("G1", "Grade G1"))]
    reps = [evaluate(cases, fixed(grade=("G1", "Grade G1")), "rules"),
            evaluate(cases, fixed(grade=("G2", "Grade G1")), "llm")]
    table = comparison_table("t", reps)
    headers = [c.header for c in table.columns]
    assert "F1 % rules" in headers and "F1 % llm" in headers
    f1_rules = list(table.columns[headers.index("F1 % rules")].cells)
    f1_llm = list(table.columns[headers.index("F1 % llm")].cells)
    row = [c.header for c in table.columns].index("field")
    grade_row = list(table.columns[row].cells).index("grade")
    assert f1_rules[grade_row] == "100.0" and f1_llm[grade_row] == "0.0"


def test_load_gold_rejects_unknown_split():
    with pytest.raises(ValueError):
        load_gold(GOLD, "validation")


def test_cli_usage_errors_exit_nonzero(tmp_path):
    runner = CliRunner()
    assert runner.invoke(app, ["evaluate", str(tmp_path / "missing")]).exit_code != 0
    assert runner.invoke(app, ["evaluate", str(GOLD), "--split", "dev"]).exit_code != 0


def test_cli_json_on_a_tiny_gold_dir(tmp_path):
    (tmp_path / "test").mkdir()
    (tmp_path / "train").mkdir()
    text = "Rectum, ESD: neuroendocrine tumour."
    (tmp_path / "test" / "x.txt").write_text(text, encoding="utf-8")
    fields = {n: {"value": None, "evidence": []} for n in Findings.field_names()}
    s = text.index("Rectum")
    fields["site"] = {"value": "rectum", "evidence": [{"start": s, "end": s + 6, "text": "Rectum"}]}
    import json
    (tmp_path / "test" / "x.json").write_text(json.dumps({"id": "x", "fields": fields}))
    result = CliRunner().invoke(app, ["evaluate", str(tmp_path), "--split", "test", "--json"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.output)
    assert out["test"][0]["fields"]["site"]["support"] == 1


def test_cli_json_lists_per_case_mismatches_only_when_asked(tmp_path):
    """Scores are safe to print for the held-out split; which case got which value wrong is not,
    so `--json` carries per-case mismatches only with `--mismatches`, as the table output does."""
    import json
    (tmp_path / "test").mkdir()
    (tmp_path / "train").mkdir()
    text = "Rectum, ESD: neuroendocrine tumour."
    (tmp_path / "test" / "x.txt").write_text(text, encoding="utf-8")
    fields = {n: {"value": None, "evidence": []} for n in Findings.field_names()}
    s = text.index("Rectum")
    fields["site"] = {"value": "colon", "evidence": [{"start": s, "end": s + 6, "text": "Rectum"}]}
    (tmp_path / "test" / "x.json").write_text(json.dumps({"id": "x", "fields": fields}))
    runner = CliRunner()
    quiet = json.loads(runner.invoke(app, ["evaluate", str(tmp_path), "--split", "test", "--json"]).output)
    assert "mismatches" not in quiet["test"][0]
    assert quiet["test"][0]["fields"]["site"]["fn"] == 1
    loud = json.loads(runner.invoke(app, ["evaluate", str(tmp_path), "--split", "test", "--json",
                                          "--mismatches"]).output)
    assert ("x", "site") in [(m["case_id"], m["field"]) for m in loud["test"][0]["mismatches"]]


# --- acceptance floor (issue 2) -----------------------------------------------------------

ACCEPTANCE_F1 = 0.95


@pytest.mark.acceptance
def test_acceptance_rule_extractor_on_test_split():
    """ACCEPTANCE (issue 2): on the held-out TEST split the rule-based extractor reaches
    F1 >= 0.95 on every field with support, every span holds and no value lacks a span.
    It was an expected failure until the fourth session; now that it holds it guards the target,
    and the assertion is not to be weakened."""
    from pipeline.extract import extract_findings

    report = evaluate(load_gold(GOLD, "test"), extract_findings)
    below = {name: round(s.f1, 3) for name, s in report.fields.items()
             if s.support and s.f1 < ACCEPTANCE_F1}
    assert not report.errors, f"extractor raised on: {report.errors}"
    assert not report.violations, [f"{v.case_id}.{v.field}: {v.kind}" for v in report.violations]
    assert not below, f"fields below F1 {ACCEPTANCE_F1} on the test split: {below}"
