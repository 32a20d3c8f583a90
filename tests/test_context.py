"""Patient context files: JSON object, list, mapping, CSV; clear errors; lookup by report."""

from __future__ import annotations

import json

import pytest

from pipeline.context import ANY_REPORT, ContextError, context_for, load_contexts


def write(tmp_path, name, content):
    path = tmp_path / name
    path.write_text(content if isinstance(content, str) else json.dumps(content), encoding="utf-8")
    return path


def test_single_object_without_id_applies_to_any_report(tmp_path):
    ctxs = load_contexts(write(tmp_path, "c.json", {"age": 78, "comorbidities": ["COPD"]}))
    assert list(ctxs) == [ANY_REPORT]
    ctx = context_for(ctxs, "whatever")
    assert ctx.age == 78 and ctx.comorbidities == ["COPD"]


def test_single_object_with_id_is_keyed(tmp_path):
    ctxs = load_contexts(write(tmp_path, "c.json", {"report_id": "r1", "age": 60}))
    assert context_for(ctxs, "r1").age == 60
    assert context_for(ctxs, "r2") is None


def test_list_and_mapping(tmp_path):
    ctxs = load_contexts(write(tmp_path, "l.json", [{"report_id": "a", "age": 50},
                                                     {"report_id": "b", "performance_status": 3}]))
    assert ctxs["a"].age == 50 and ctxs["b"].performance_status == 3
    ctxs = load_contexts(write(tmp_path, "m.json", {"a": {"age": 81}, "b": {"preference": "no stoma"}}))
    assert ctxs["a"].age == 81 and ctxs["b"].preference == "no stoma" and ctxs["b"].report_id == "b"


def test_csv(tmp_path):
    path = write(tmp_path, "c.csv", "report_id,age,performance_status,comorbidities,preference\n"
                                    "r1,78,1,COPD; CKD stage 3,\nr2,,,,declines surgery\n")
    ctxs = load_contexts(path)
    assert ctxs["r1"].age == 78 and ctxs["r1"].comorbidities == ["COPD", "CKD stage 3"]
    assert ctxs["r2"].age is None and ctxs["r2"].preference == "declines surgery"


@pytest.mark.parametrize("content, message", [
    ("{not json", "not valid JSON"),
    ({"age": 78, "frailty": "high"}, "unknown field"),
    ({"age": 200}, "age"),
    ([{"age": 70}], "no report_id"),
    ([1, 2], "not an object"),
])
def test_bad_files_say_what_to_fix(tmp_path, content, message):
    with pytest.raises(ContextError, match=message):
        load_contexts(write(tmp_path, "bad.json", content))


def test_example_context_loads(tmp_path):
    from pathlib import Path
    ctxs = load_contexts(Path(__file__).parents[1] / "examples" / "rectal_net_esd.context.json")
    assert context_for(ctxs, "rectal_net_esd").age == 78


def test_sidecar_next_to_a_report(tmp_path):
    from pipeline.context import sidecar_path

    report_file = tmp_path / "case1.txt"
    report_file.write_text("report")
    assert sidecar_path(report_file) is None
    (tmp_path / "case1.context.json").write_text('{"age": 80}')
    assert sidecar_path(report_file) == tmp_path / "case1.context.json"
