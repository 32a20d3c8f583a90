"""`pathspan run` as a user runs it: exit statuses, summary line, and a SIGKILLed run resumed."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
from typer.testing import CliRunner

from pipeline.cli import app

from test_batch import make_corpus, make_folder  # tests/ is on sys.path (rootdir-less test modules)

ROOT = Path(__file__).resolve().parents[1]
runner = CliRunner()


def _jsonl_lines(n: int) -> list[str]:
    return [json.dumps({"id": rid, "text": text}) + "\n" for rid, text in make_corpus(n, seed=21)]


def test_exit_0_when_every_record_is_ok(tmp_path):
    archive = tmp_path / "a.jsonl"
    archive.write_text("".join(_jsonl_lines(3)))
    result = runner.invoke(app, ["run", str(archive), "--out", str(tmp_path / "out"), "--workers", "1",
                                 "--no-progress"])
    assert result.exit_code == 0, result.output
    assert "3 reports: 3 ok, 0 failed" in result.output
    assert len((tmp_path / "out" / "results.jsonl").read_text().splitlines()) == 3


def test_exit_1_and_counts_by_code_when_some_failed(tmp_path):
    archive = tmp_path / "a.jsonl"
    archive.write_text(_jsonl_lines(1)[0] + "{not json\n" + json.dumps({"id": "x", "text": " "}) + "\n")
    result = runner.invoke(app, ["run", str(archive), "--out", str(tmp_path / "out"), "--workers", "1",
                                 "--no-progress"])
    assert result.exit_code == 1, result.output
    assert "3 reports: 1 ok, 2 failed (bad_archive_row 1, empty_input 1)" in result.output


def test_exit_2_on_a_csv_without_the_text_column(tmp_path):
    archive = tmp_path / "a.csv"
    archive.write_text("id,body\nr1,Rectum ESD NET 6 mm\n")
    result = runner.invoke(app, ["run", str(archive), "--out", str(tmp_path / "out"), "--no-progress"])
    assert result.exit_code == 2
    assert "no column(s) text" in result.output and "--text-column" in result.output
    assert not (tmp_path / "out").exists()
    ok = runner.invoke(app, ["run", str(archive), "--out", str(tmp_path / "out"), "--text-column", "body",
                             "--workers", "1", "--no-progress"])
    assert ok.exit_code in (0, 1), ok.output
    assert (tmp_path / "out" / "results.jsonl").exists()


def test_exit_2_on_usage_errors(tmp_path):
    for args in (["run", str(tmp_path / "missing"), "--out", str(tmp_path / "o")],
                 ["run", str(tmp_path), "--out", str(tmp_path / "o"), "--engine", "spark"],
                 ["run", str(tmp_path), "--out", str(tmp_path / "o"), "--workers", "0"]):
        result = runner.invoke(app, args)
        assert result.exit_code == 2, (args, result.output)


def _cli(*args: str, **kw) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "pipeline.cli", "run", *args], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kw)


def _count_lines(path: Path) -> int:
    return path.read_bytes().count(b"\n") if path.exists() else 0


def test_sigkilled_run_resumes_to_the_uninterrupted_result(tmp_path):
    lines = _jsonl_lines(30)
    archive = tmp_path / "archive.jsonl"
    archive.write_text("".join(lines))
    ref = _cli(str(archive), "--out", str(tmp_path / "ref"), "--workers", "2", "--chunk-size", "2")
    assert ref.wait(timeout=300) == 0, ref.stderr.read()
    expected = (tmp_path / "ref" / "results.jsonl").read_bytes()

    # The same archive path, fed through a FIFO so the run is killed for sure mid-archive.
    archive.unlink()
    os.mkfifo(archive)
    out = tmp_path / "out"
    results = out / "results.jsonl"
    # Own session, so the kill reaches the run and its worker processes, as a real kill -9 would.
    proc = _cli(str(archive), "--out", str(out), "--workers", "2", "--chunk-size", "2",
                start_new_session=True)
    try:
        with archive.open("w") as fifo:
            for n, line in enumerate(lines, start=1):
                fifo.write(line)
                fifo.flush()
                # Past two windows of chunks the run waits on workers, not on input: give it time.
                deadline = time.monotonic() + (120 if n >= 16 else 0.05)
                while _count_lines(results) < 6 and time.monotonic() < deadline:
                    time.sleep(0.02)
                if _count_lines(results) >= 6:
                    break
            workers = psutil.Process(proc.pid).children(recursive=True)
            os.kill(proc.pid, signal.SIGKILL)  # kill -9 of the run alone, as an operator would
            proc.wait(timeout=30)
    except BrokenPipeError:
        pass
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    assert proc.returncode == -signal.SIGKILL
    # Its pool workers notice and exit instead of lingering with a loaded pipeline each.
    _, alive = psutil.wait_procs(workers, timeout=15)
    for orphan in alive:
        orphan.kill()
    assert not alive
    done = _count_lines(results)
    assert 6 <= done < len(lines)

    archive.unlink()
    archive.write_text("".join(lines))
    resumed = _cli(str(archive), "--out", str(out), "--workers", "2", "--chunk-size", "2", "--resume")
    stdout, stderr = resumed.communicate(timeout=300)
    assert resumed.returncode == 0, stderr
    assert f"{done} already done" in stdout
    assert results.read_bytes() == expected
    ids = [json.loads(x)["report_id"] for x in results.read_text().splitlines()]
    assert len(ids) == len(set(ids)) == len(lines)


def test_folder_of_bad_inputs_through_the_cli(tmp_path):
    folder = make_folder(tmp_path / "in", n=2)
    proc = _cli(str(folder), "--out", str(tmp_path / "out"), "--workers", "1", "--max-bytes", "20000")
    stdout, stderr = proc.communicate(timeout=300)
    assert proc.returncode == 1, stderr
    assert "8 reports: 5 ok, 3 failed (binary_input 1, empty_input 1, oversize_input 1)" in stdout
    assert "pathspan run: 8" in stderr  # the plain progress line when stderr is not a terminal


def test_run_queues_every_record_for_review_by_default(tmp_path):
    from pipeline.review.store import review_statuses

    archive = tmp_path / "a.jsonl"
    archive.write_text("".join(_jsonl_lines(3)))
    out = tmp_path / "out"
    result = runner.invoke(app, ["run", str(archive), "--out", str(out), "--workers", "1", "--no-progress"])
    assert result.exit_code == 0, result.output
    ids = [json.loads(line)["report_id"] for line in (out / "results.jsonl").read_text().splitlines()]
    assert review_statuses(out / "review.sqlite") == {rid: "pending" for rid in ids}

    skipped = runner.invoke(app, ["run", str(archive), "--out", str(tmp_path / "out2"), "--workers", "1",
                                  "--no-progress", "--no-queue"])
    assert skipped.exit_code == 0, skipped.output
    assert not (tmp_path / "out2" / "review.sqlite").exists()
