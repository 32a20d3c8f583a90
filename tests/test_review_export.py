"""Exports of the review store (gold, Label Studio, CSV), the Label Studio import, and the CLI."""

from __future__ import annotations

import copy
import importlib.util
import json
from pathlib import Path

import pytest
from test_review_support import TEXT, sample_record
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.evaluate import load_case
from pipeline.exports import read_csv_export
from pipeline.review.corrections import Correction
from pipeline.review.export import export
from pipeline.review.labelstudio import import_annotations, labeling_config, to_task
from pipeline.review.store import ReviewStore

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def store(tmp_path):
    s = ReviewStore.open(tmp_path / "run")
    s.enqueue([sample_record("S-1"), sample_record("S-2"), sample_record("S/3")])
    yield s
    s.close()


def cid(store, report_id):
    return next(c.id for c in store.list_cases() if c.report_id == report_id)


def correct_deep_margin(store, report_id="S-1"):
    start = TEXT.index("Deep margin: negative")
    from pipeline.review.corrections import SpanRef
    store.save(cid(store, report_id), reviewer="Dr Ito", base_version=1, corrections=[
        Correction(field="margin_deep", value="positive",
                   evidence=[SpanRef(start=start, end=start + len("Deep margin: negative"))])])


# --- gold --------------------------------------------------------------------------------


def test_gold_export_reads_back_with_the_evaluator_and_matches_the_annotation_tool(store, tmp_path):
    correct_deep_margin(store)
    store.save(cid(store, "S-2"), reviewer="Dr Ito", base_version=1)  # accepted, not corrected
    out = tmp_path / "gold"
    assert export(store, "gold", out) == 1
    assert sorted(p.name for p in out.iterdir()) == ["S-1.json", "S-1.txt"]
    case = load_case(out / "S-1.json", "train")
    current = store.get_case(cid(store, "S-1")).record
    assert case.text == TEXT
    for name in current.findings.field_names():
        assert case.gold.value(name) == current.findings.value(name), name
        assert getattr(case.gold, name).evidence == getattr(current.findings, name).evidence, name
    assert case.expected_recommendation == current.recommendation.code == "repeat_local_excision"
    assert "margin_deep: negative -> positive" in case.notes and "Dr Ito" in case.notes
    # The gold project's own tool rewrites its canonical form: ours must already be it.
    spec = importlib.util.spec_from_file_location("annotate", ROOT / "gold_reports/tools/annotate.py")
    annotate = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(annotate)
    before = (out / "S-1.json").read_text(encoding="utf-8")
    annotate.annotate_file(out / "S-1.json")
    assert (out / "S-1.json").read_text(encoding="utf-8") == before
    assert export(store, "gold", tmp_path / "gold_all", include_accepted=True) == 2


# --- Label Studio ------------------------------------------------------------------------


def test_labelstudio_tasks_carry_predictions_with_utf16_offsets(tmp_path):
    text = "Ki-67 \U0001d6cd note. " + TEXT  # an astral character shifts UTF-16 offsets by one
    s = ReviewStore(f"sqlite:///{tmp_path / 'r.sqlite'}")
    s.enqueue([sample_record("S-astral", text=text)])
    task = to_task(s.get_case(1))
    s.close()
    assert task["data"]["text"] == text and task["data"]["version"] == 1
    utf16 = text.encode("utf-16-le")
    result = task["predictions"][0]["result"]
    labels = [r for r in result if r["type"] == "labels"]
    assert {r["value"]["labels"][0] for r in labels} >= {"lvi", "margin_deep", "tumor_size_mm"}
    for r in result:
        assert r["from_name"] in ("label", "value") and r["to_name"] == "text"
    for r in labels:
        v = r["value"]
        assert utf16[2 * v["start"]:2 * v["end"]].decode("utf-16-le") == v["text"]
    size = next(r for r in result if r["type"] == "textarea" and r["id"].startswith("tumor_size_mm"))
    assert size["value"]["text"] == ["6"]
    config = labeling_config()
    assert '<Label value="margin_deep"/>' in config and 'perRegion="true"' in config


def annotate_like_a_reviewer(task: dict, email: str = "reviewer@hospital.example") -> dict:
    """Start from the prediction, as Label Studio does; set deep margin positive, drop LVI."""
    task = copy.deepcopy(task)
    result = copy.deepcopy(task["predictions"][0]["result"])
    for r in result:
        if r["id"].startswith("margin_deep-") and r["type"] == "textarea":
            r["value"]["text"] = ["positive"]
    result = [r for r in result if not r["id"].startswith("lvi-")]
    task["annotations"] = [{"id": 7, "completed_by": {"email": email}, "was_cancelled": False,
                            "updated_at": "2026-11-24T10:00:00Z", "result": result}]
    return task


def test_labelstudio_round_trip_stores_signed_corrections_once(store, tmp_path):
    out = tmp_path / "tasks.json"
    assert export(store, "labelstudio", out) == 3
    assert out.with_suffix(".xml").exists()
    tasks = json.loads(out.read_text(encoding="utf-8"))
    s1 = next(t for t in tasks if t["data"]["report_id"] == "S-1")
    untouched = next(t for t in tasks if t["data"]["report_id"] == "S-2")
    untouched["annotations"] = [{"id": 1, "completed_by": 3, "result": untouched["predictions"][0]["result"]}]
    summary = import_annotations(store, [annotate_like_a_reviewer(s1), untouched])
    assert (summary.corrected, summary.accepted, summary.conflicts, summary.errors) == (1, 1, [], [])
    case = store.get_case(cid(store, "S-1"))
    assert case.record.findings.margin_deep.value == "positive"
    assert case.record.findings.lvi.value is None and case.record.findings.lvi.evidence == []
    last = case.revisions[-1]
    assert last.reviewer == "labelstudio:reviewer@hospital.example" and last.base_version == 1
    assert {ch["field"] for ch in last.changes} >= {"margin_deep", "lvi"}
    assert store.get_case(cid(store, "S-2")).summary.status == "accepted"
    again = import_annotations(store, [annotate_like_a_reviewer(s1)])
    assert again.unchanged == 1 and len(store.get_case(cid(store, "S-1")).revisions) == 2


def test_labelstudio_import_never_overwrites_a_later_page_change(store):
    task = to_task(store.get_case(cid(store, "S-1")))
    store.save(cid(store, "S-1"), reviewer="Dr Page", base_version=1,
               corrections=[Correction(field="margin_deep", value="indeterminate")])
    summary = import_annotations(store, [annotate_like_a_reviewer(task)])
    assert len(summary.conflicts) == 1 and "margin_deep" in summary.conflicts[0]
    assert store.get_case(cid(store, "S-1")).record.findings.margin_deep.value == "indeterminate"


def test_labelstudio_import_reports_bad_annotations(store):
    task = to_task(store.get_case(cid(store, "S-1")))
    bad = annotate_like_a_reviewer(task)
    for r in bad["annotations"][0]["result"]:
        if r["id"].startswith("margin_deep-") and r["type"] == "textarea":
            r["value"]["text"] = ["maybe"]
    missing = copy.deepcopy(bad)
    missing["data"].update(report_id="nope", case_id=999)
    summary = import_annotations(store, [bad, missing])
    assert len(summary.errors) == 2 and "margin_deep" in summary.errors[0]
    assert store.get_case(cid(store, "S-1")).version == 1


# --- CSV ---------------------------------------------------------------------------------


def test_csv_export_has_only_signed_records_with_current_values(store, tmp_path):
    correct_deep_margin(store)
    store.save(cid(store, "S-2"), reviewer="Dr Ito", base_version=1)
    out = tmp_path / "reviewed.csv"
    assert export(store, "csv", out) == 2
    rows = {row["report_id"]: row for row in read_csv_export(out)}
    assert set(rows) == {"S-1", "S-2"}
    assert rows["S-1"]["margin_deep"] == "positive" and rows["S-1"]["review_status"] == "corrected"
    assert rows["S-1"]["recommendation_code"] == "repeat_local_excision"
    assert rows["S-2"]["review_status"] == "accepted"


# --- CLI ---------------------------------------------------------------------------------


def test_cli_export_and_import(store, tmp_path):
    run_dir = tmp_path / "run"
    runner = CliRunner()
    res = runner.invoke(app, ["review", "export", str(run_dir), "--format", "labelstudio",
                              "--out", str(tmp_path / "t.json")])
    assert res.exit_code == 0, res.output
    tasks = json.loads((tmp_path / "t.json").read_text(encoding="utf-8"))
    (tmp_path / "ls.json").write_text(json.dumps([annotate_like_a_reviewer(tasks[0])]), encoding="utf-8")
    res = runner.invoke(app, ["review", "import", str(tmp_path / "ls.json"), str(run_dir),
                              "--reviewer", "Dr LS"])
    assert res.exit_code == 0 and "1 corrected" in res.output, res.output
    res = runner.invoke(app, ["review", "export", "--db", store.url, "--format", "gold",
                              "--out", str(tmp_path / "g")])
    assert res.exit_code == 0 and "1 cases" in res.output, res.output


@pytest.mark.parametrize("args, message", [
    (["review", "export", "{tmp}/nowhere", "--format", "csv", "--out", "{tmp}/x.csv"], "no review store"),
    (["review", "export", "{tmp}/run", "--format", "xml", "--out", "{tmp}/x"], "choose one of"),
    (["review", "serve", "{tmp}/run", "--host", "0.0.0.0"], "--token"),
    (["review", "serve"], "give a run output folder"),
])
def test_cli_usage_errors_exit_2(store, tmp_path, args, message):
    res = CliRunner().invoke(app, [a.format(tmp=tmp_path) for a in args])
    assert res.exit_code == 2 and message in res.output, res.output


# --- from a run --------------------------------------------------------------------------


def test_a_run_queues_every_record_with_its_text_once(tmp_path):
    from pipeline.batch import RunConfig, run

    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "a.txt").write_text(TEXT, encoding="utf-8")
    (inputs / "empty.txt").write_text("  \n", encoding="utf-8")
    out = tmp_path / "out"
    config = RunConfig(input=inputs, out_dir=out, workers=1, enqueue=True, progress=False)
    run(config)
    store = ReviewStore.open(out)
    try:
        cases = {c.report_id: c for c in store.list_cases()}
        assert set(cases) == {"a", "empty"}
        assert cases["empty"].category == "failed"
        assert store.get_case(cases["a"].id).text == TEXT
        run(RunConfig(input=inputs, out_dir=out, workers=1, enqueue=True, progress=False))
        assert len(store.list_cases()) == 2
    finally:
        store.close()
