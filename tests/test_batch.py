"""The batch run in-process: order, completeness, bad inputs, resume, bulk extraction, LLM piping."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import sys
import types
from pathlib import Path

import pytest

from llm_server import llm_server  # noqa: F401  (pytest fixture)
from pipeline import batch
from pipeline.batch import RunConfig, drop_partial_line, iter_results_with_texts, process_chunk, run
from pipeline.errors import ErrorCode, UsageError
from pipeline.ingest import Item, iter_inputs
from pipeline.models import LlmInfo, PatientContext, Report, ResultRecord


def _load_benchmark():
    # A site-packages distribution ships a top-level `benchmarks` package: load ours by path.
    path = Path(__file__).resolve().parents[1] / "benchmarks" / "throughput.py"
    spec = importlib.util.spec_from_file_location("pathspan_throughput", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


make_corpus = _load_benchmark().make_corpus
NON_PATHOLOGY = "Shopping list: milk, eggs, two loaves of bread, coffee. Call the plumber on Tuesday.\n"


def make_folder(root: Path, n: int = 8) -> Path:
    """A folder of ``n`` realistic reports plus one of each kind of bad input file."""
    root.mkdir(parents=True, exist_ok=True)
    for rid, text in make_corpus(n, seed=3):
        (root / f"{rid}.txt").write_text(text, encoding="utf-8")
    (root / "bad").mkdir()
    (root / "bad" / "a_empty.txt").write_bytes(b"")
    (root / "bad" / "b_binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (root / "bad" / "c_cp1252.txt").write_bytes(
        "Rectum, ESD: neuroendocrine tumour, 6 mm \u2013 margins free; caf\u00e9.".encode("cp1252"))
    (root / "bad" / "d_bom.txt").write_bytes(b"\xef\xbb\xbf" + next(make_corpus(1, seed=9))[1].encode())
    (root / "bad" / "e_oversize.txt").write_text("Ki-67 2%. " * 3000)
    (root / "bad" / "f_not_pathology.txt").write_text(NON_PATHOLOGY)
    return root


def lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def config(input: Path, out: Path, **kw) -> RunConfig:
    kw.setdefault("workers", 1)
    kw.setdefault("progress", False)
    kw.setdefault("chunk_size", 3)
    kw.setdefault("max_bytes", 20_000)
    return RunConfig(input=input, out_dir=out, **kw)


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    return make_folder(tmp_path_factory.mktemp("batch") / "in")


@pytest.fixture(scope="module")
def full_run(folder, tmp_path_factory) -> tuple[Path, batch.Summary]:
    out = tmp_path_factory.mktemp("full")
    return out / "results.jsonl", run(config(folder, out))


def test_one_record_per_input_in_input_order(folder, full_run):
    results, summary = full_run
    records = lines(results)
    assert [r["report_id"] for r in records] == [it.report_id for it in iter_inputs(folder)]
    assert summary.total == len(records) == 14
    by_id = {r["report_id"]: r for r in records}
    assert by_id["a_empty"]["error"]["code"] == ErrorCode.EMPTY
    assert by_id["b_binary"]["error"]["code"] == ErrorCode.BINARY
    assert by_id["e_oversize"]["error"]["code"] == ErrorCode.OVERSIZE
    for rid in ("c_cp1252", "d_bom", "S26-000000"):
        assert by_id[rid]["status"] == "ok", by_id[rid]["error"]
    assert summary.failed == 3
    assert summary.by_error == {ErrorCode.EMPTY: 1, ErrorCode.BINARY: 1, ErrorCode.OVERSIZE: 1}
    assert "14 reports: 11 ok, 3 failed" in summary.line()
    assert "empty_input 1" in summary.line()


def test_spans_index_the_decoded_text(folder, full_run):
    records = {r["report_id"]: r for r in lines(full_run[0])}
    for rid in ("d_bom", "c_cp1252", "S26-000001"):
        item = next(it for it in iter_inputs(folder, max_bytes=20_000) if it.report_id == rid)
        assert records[rid]["text_sha256"] == item.report.text_sha256
        for finding in records[rid]["findings"].values():
            for span in finding["evidence"]:
                assert item.report.text[span["start"]:span["end"]] == span["text"]


def test_non_pathology_text_is_an_ok_record_not_applicable(full_run):
    record = {r["report_id"]: r for r in lines(full_run[0])}["f_not_pathology"]
    assert record["status"] == "ok"
    assert record["recommendation"]["code"] == "not_applicable"
    assert all(f["value"] is None for f in record["findings"].values())


def test_inputs_are_never_modified(folder, tmp_path):
    before = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.rglob("*")if p.is_file()}
    run(config(folder, tmp_path))
    after = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.rglob("*") if p.is_file()}
    assert before == after


def test_process_pool_gives_the_same_bytes(folder, full_run, tmp_path):
    run(config(folder, tmp_path, workers=2, chunk_size=2))
    assert (tmp_path / "results.jsonl").read_bytes() == full_run[0].read_bytes()


@pytest.mark.parametrize("keep", [0, 1, 5, 13])
def test_resume_after_a_kill_mid_line_completes_without_duplicates(folder, full_run, tmp_path, keep):
    full = full_run[0].read_bytes().splitlines(keepends=True)
    partial = b"".join(full[:keep]) + full[keep][: len(full[keep]) // 2]  # killed mid-write
    (tmp_path / "results.jsonl").write_bytes(partial)
    summary = run(config(folder, tmp_path, resume=True))
    assert (tmp_path / "results.jsonl").read_bytes() == b"".join(full)
    assert summary.resumed == keep
    assert summary.total == len(full)  # the summary covers the whole file, resumed lines too


def test_resume_of_a_finished_run_does_nothing(folder, full_run, tmp_path):
    (tmp_path / "results.jsonl").write_bytes(full_run[0].read_bytes())
    summary = run(config(folder, tmp_path, resume=True))
    assert summary.resumed == summary.total == 14
    assert (tmp_path / "results.jsonl").read_bytes() == full_run[0].read_bytes()


def test_resume_refuses_results_of_a_changed_input(folder, full_run, tmp_path):
    changed = make_folder(tmp_path / "changed")
    first = sorted(changed.glob("*.txt"))[0]
    first.write_text(first.read_text() + "ADDENDUM: Ki-67 4%.\n")
    out = tmp_path / "out"
    out.mkdir()
    (out / "results.jsonl").write_bytes(full_run[0].read_bytes())
    with pytest.raises(UsageError, match="changed"):
        run(config(changed, out, resume=True))
    assert (out / "results.jsonl").read_bytes() == full_run[0].read_bytes()


def test_drop_partial_line(tmp_path):
    path = tmp_path / "r.jsonl"
    path.write_bytes(b'{"a":1}\n{"a":2}\n{"a"')
    assert drop_partial_line(path) == 4
    assert path.read_bytes() == b'{"a":1}\n{"a":2}\n'
    path.write_bytes(b'{"a"')
    drop_partial_line(path)
    assert path.read_bytes() == b""


def _items(n: int) -> list[tuple[Item, PatientContext | None]]:
    return [(Item(rid, "t", Report(report_id=rid, text=text)), None) for rid, text in make_corpus(n, seed=5)]


def test_bulk_extraction_equals_one_report_at_a_time(monkeypatch):
    chunk = _items(6)
    bulk = process_chunk(chunk)
    monkeypatch.setattr(batch, "_extract_many", lambda: None)
    assert process_chunk(chunk) == bulk


def test_bulk_extraction_is_used_and_a_failing_chunk_falls_back(monkeypatch):
    chunk = _items(4)
    expected = process_chunk(chunk)
    calls = []

    def broken(texts):
        calls.append(len(texts))
        raise RuntimeError("one bad report in the chunk")

    monkeypatch.setattr(batch, "_extract_many", lambda: broken)
    assert process_chunk(chunk) == expected
    assert calls == [4]  # one bulk call for the whole chunk, then per-report fallback


def contexts_in_results(out: Path) -> dict[str, PatientContext | None]:
    """The patient context each record of a run carries, by report id."""
    records = [ResultRecord.model_validate_json(line)
               for line in (out / "results.jsonl").read_text().splitlines()]
    return {r.report_id: r.context for r in records}


def test_contexts_reach_the_records(folder, tmp_path):
    ctx_file = tmp_path / "ctx.csv"
    ctx_file.write_text("report_id,age,performance_status\nS26-000002,88,3\n")
    run(config(folder, tmp_path / "out", context_path=ctx_file))
    seen = contexts_in_results(tmp_path / "out")
    assert (seen["S26-000002"].age, seen["S26-000002"].performance_status) == (88, 3)
    assert seen["S26-000001"] is None


def test_sidecar_context_files_apply_to_their_reports(tmp_path):
    folder = make_folder(tmp_path / "in", n=3)
    (folder / "S26-000001.context.json").write_text('{"age": 91, "performance_status": 3}')
    (folder / "S26-000002.context.json").write_text("{broken")
    run(config(folder, tmp_path / "out"))
    seen = contexts_in_results(tmp_path / "out")
    assert seen["S26-000001"].age == 91
    assert seen["S26-000002"] is None and seen["S26-000000"] is None


def test_a_bad_context_file_is_a_usage_error(folder, tmp_path):
    ctx_file = tmp_path / "ctx.json"
    ctx_file.write_text("{not json")
    with pytest.raises(UsageError, match="ctx.json"):
        run(config(folder, tmp_path / "out", context_path=ctx_file))


def test_llm_stage_keeps_input_order_and_skips_failed_records(folder, full_run, tmp_path, monkeypatch):
    calls = {}

    def enrich_records(items, *, model, concurrency, cache_dir, redact):
        calls.update(model=model, concurrency=concurrency, cache_dir=cache_dir, redact=redact)
        buffered = []
        for report, record, _ctx in items:  # read ahead, as a concurrent implementation does
            assert record.report_id == report.report_id and record.status == "ok"
            buffered.append(record.model_copy(update={"llm": LlmInfo(model=model, prompt_version="t", status="ok")}))
            if len(buffered) == 3:
                yield buffered.pop(0)
        yield from buffered

    fake = types.ModuleType("pipeline.llm")
    fake.enrich_records = enrich_records
    monkeypatch.setitem(sys.modules, "pipeline.llm", fake)
    run(config(folder, tmp_path, llm="fake:model", redact=True, llm_concurrency=2))
    records = lines(tmp_path / "results.jsonl")
    plain = lines(full_run[0])
    assert [r["report_id"] for r in records] == [r["report_id"] for r in plain]
    for rec, base in zip(records, plain):
        assert (rec["llm"] is not None) == (base["status"] == "ok")
        assert {**rec, "llm": None} == base
    assert calls == {"model": "fake:model", "concurrency": 2, "cache_dir": tmp_path / "llm_cache",
                     "redact": True}


def test_results_stream_back_with_their_texts(folder, full_run, tmp_path):
    pairs = list(iter_results_with_texts(config(folder, tmp_path), full_run[0]))
    by_id = {rec.report_id: (rec, text) for rec, text in pairs}
    assert len(pairs) == 14
    assert by_id["a_empty"][1] is None
    rec, text = by_id["S26-000003"]
    assert isinstance(rec, ResultRecord) and text == (folder / "S26-000003.txt").read_text()


def test_db_queues_every_record_for_review_once(folder, tmp_path):
    db = f"sqlite:///{tmp_path / 'review.db'}"
    summary = run(config(folder, tmp_path / "out", db=db, enqueue=True))
    assert summary.queued == 14 and "14 queued for review" in summary.line()
    again = run(config(folder, tmp_path / "out", db=db, enqueue=True, resume=True))
    assert again.queued == 0  # the review store queues nothing twice


def test_plain_progress_lines_go_to_stderr(folder, tmp_path, capsys):
    run(config(folder, tmp_path, progress=True, progress_interval=0))
    err = capsys.readouterr().err.splitlines()
    assert any(line.startswith("pathspan run: 14/") or line.startswith("pathspan run: 14 reports")
               for line in err), err
    assert any("3 failed" in line for line in err)


def test_usage_errors_come_before_any_output(tmp_path):
    archive = tmp_path / "a.csv"
    archive.write_text("id,body\n1,x\n")
    with pytest.raises(UsageError, match="--text-column"):
        run(config(archive, tmp_path / "out"))
    assert not (tmp_path / "out").exists()


def test_llm_stage_end_to_end_against_a_loopback_server(folder, tmp_path, llm_server):
    from llm_server import Reply

    llm_server.on("S26-000004", Reply(content="not json at all"))  # one report's call fails
    summary = run(config(folder, tmp_path, llm="openai:gpt-4o-mini", llm_concurrency=3))
    records = lines(tmp_path / "results.jsonl")
    assert [r["llm"] is not None for r in records] == [r["status"] == "ok" for r in records]
    statuses = {r["report_id"]: r["llm"]["status"] for r in records if r["llm"]}
    assert len(statuses) == summary.by_status["ok"] == 11
    assert statuses.pop("S26-000004") == "failed"  # its rule-based record is kept, marked so
    assert set(statuses.values()) == {"ok"}
    assert llm_server.count == 11 + 1  # one call per ok report, one repair retry for the bad one
    assert (tmp_path / "llm_cache").is_dir()


def test_worker_rebuilds_the_pipeline_periodically_with_identical_records(monkeypatch):
    from pipeline.nlp import get_nlp

    chunk = _items(3)
    expected = process_chunk(chunk)
    monkeypatch.setattr(batch, "RECYCLE_EVERY", 5)
    monkeypatch.setattr(batch, "_processed_here", 0)
    before = get_nlp()
    assert process_chunk(chunk) == expected  # 3 reports: same pipeline
    assert get_nlp() is before
    assert process_chunk(chunk) == expected  # 6 >= 5: dropped after this chunk
    rebuilt = get_nlp()
    assert rebuilt is not before
    assert process_chunk(chunk) == expected
