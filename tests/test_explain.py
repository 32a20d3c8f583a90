"""The clinician-readable explanation: rendered from hand-built records, and end to end."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.decide import decide
from pipeline.explain import explanation_text, render_explanation
from pipeline.models import ErrorInfo, PatientContext, ResultRecord, Span
from test_decide_support import RECTAL_LOW_RISK, report

ROOT = Path(__file__).parents[1]
EXAMPLE = ROOT / "examples" / "rectal_net_esd.txt"
MOTIVATING = dict(RECTAL_LOW_RISK, tumor_size_mm=60, pt="pT2", margin_lateral="positive", lvi="present",
                  ki67_percent=1.5, depth=None)


def record_for(base, context=None, **changes):
    text, f = report(base, **changes)
    checks, rec = decide(f, context)
    return text, ResultRecord(report_id="r1", status="ok", findings=f, checks=checks, recommendation=rec)


def test_explanation_has_every_section_with_quoted_report_words():
    text, rec = record_for(MOTIVATING, PatientContext(age=78))
    out = explanation_text(rec, text, width=120)
    for heading in ("Recommendation: Radical surgery", "Rationale", "Why not the alternatives",
                    "Follow-up", "Caveats", "Derived values and checks"):
        assert heading in out
    assert "“tumor size mm: 60”" in out          # the report's own words, quoted
    assert "somatostatin analogue" in out
    assert "surgical risk vs recurrence risk" in out
    assert "NEEDS REVIEW" in out


def test_a_span_that_does_not_hold_is_shown_as_such():
    text, rec = record_for(RECTAL_LOW_RISK)
    out = explanation_text(rec, "x" + text, width=120)
    assert "does not match the report text" in out


def test_report_text_is_never_read_as_markup():
    text, rec = record_for(RECTAL_LOW_RISK, lvi="absent")
    rec.recommendation.reasons[0].evidence = [Span.of("[bold red]LVI[/]", 0, 16)]
    out = explanation_text(rec, "[bold red]LVI[/]", width=120)
    assert "[bold red]LVI[/]" in out


def test_clean_case_says_no_caveats():
    text, rec = record_for(RECTAL_LOW_RISK)
    out = explanation_text(rec, text, width=120)
    assert "No further treatment" in out and "None: no missing" in out


def test_failed_record_renders_its_error():
    rec = ResultRecord(report_id="bad", status="failed", error=ErrorInfo(code="empty_input", message="empty"))
    out = explanation_text(rec, "", width=80)
    assert "empty_input" in out and "Report bad" in out


def test_render_returns_a_rich_renderable():
    text, rec = record_for(RECTAL_LOW_RISK)
    assert hasattr(render_explanation(rec, text), "__rich_console__")


# --- end to end on the example report (needs the extractor) --------------------------------


@pytest.fixture(scope="module")
def example_record():
    pytest.importorskip("pipeline.extract")
    from pipeline.context import context_for, load_contexts
    from pipeline.ingest import read_file
    from pipeline.process import process_item

    item = read_file(EXAMPLE)
    ctx = context_for(load_contexts(EXAMPLE.with_suffix(".context.json")), item.report_id)
    return item.report.text, process_item(item, ctx)


def test_example_report_comes_out_radical_surgery(example_record):
    text, rec = example_record
    assert rec.status == "ok", rec.error
    r = rec.recommendation
    assert (r.code, r.rule_id) == ("radical_surgery", "rectal_net.high_risk_features")
    alternatives = {a.code: a.why_not for a in r.alternatives}
    assert {"surveillance", "repeat_local_excision"} <= set(alternatives)
    assert "somatostatin analogue" in alternatives["oncology_referral"]
    assert any("surgical risk vs recurrence risk" in x for x in r.review_reasons)
    for reason in r.reasons:
        assert reason.evidence, reason.text
        assert all(span.holds_in(text) for span in reason.evidence)


def test_explain_command_prints_the_example(example_record):
    from typer.testing import CliRunner

    from pipeline.cli import app

    result = CliRunner().invoke(app, ["explain", str(EXAMPLE), "--context",
                                      str(EXAMPLE.with_suffix(".context.json"))])
    assert result.exit_code == 0, result.output
    assert "Radical surgery" in result.output and "rectal_net.high_risk_features" in result.output


def test_explain_command_rejects_a_bad_context(tmp_path, example_record):
    from typer.testing import CliRunner

    from pipeline.cli import app

    bad = tmp_path / "ctx.json"
    bad.write_text('{"age": "old"}')
    result = CliRunner().invoke(app, ["explain", str(EXAMPLE), "--context", str(bad)])
    assert result.exit_code == 2


def test_explain_command_uses_the_sidecar_context(example_record):
    from typer.testing import CliRunner

    from pipeline.cli import app

    result = CliRunner().invoke(app, ["explain", str(EXAMPLE)])
    assert result.exit_code == 0, result.output
    assert "surgical risk vs recurrence risk" in result.output


def test_explain_command_without_context(tmp_path, example_record):
    from typer.testing import CliRunner

    from pipeline.cli import app

    copy = tmp_path / "case.txt"
    copy.write_bytes(EXAMPLE.read_bytes())
    result = CliRunner().invoke(app, ["explain", str(copy)])
    assert result.exit_code == 0, result.output
    assert "Radical surgery" in result.output and "surgical risk vs recurrence risk" not in result.output
