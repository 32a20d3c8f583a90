"""The Dask engine on a real LocalCluster gives byte-identical records to the local engine."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.batch import run
from pipeline.ingest import iter_inputs
from test_batch import config, make_corpus, make_folder  # tests/ is on sys.path

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def cluster():
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster:
        yield cluster


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> list[Path]:
    root = tmp_path_factory.mktemp("dask")
    folder = make_folder(root / "folder", n=6)
    archive = root / "archive.jsonl"
    with archive.open("w") as fh:
        for rid, text in make_corpus(9, seed=13):
            fh.write(json.dumps({"id": rid, "text": text}) + "\n")
        fh.write("{not json\n")
        fh.write(json.dumps({"id": "dup", "text": text}) + "\n")  # same text twice: two records
    return [folder, archive]


@pytest.mark.parametrize("which", [0, 1], ids=["folder", "jsonl"])
def test_dask_records_equal_local_records_byte_for_byte(cluster, inputs, tmp_path, which):
    source = inputs[which]
    run(config(source, tmp_path / "local", workers=2, chunk_size=2))
    summary = run(config(source, tmp_path / "dask", engine="dask", scheduler=cluster.scheduler_address,
                         chunk_size=2))
    local = (tmp_path / "local" / "results.jsonl").read_bytes()
    assert (tmp_path / "dask" / "results.jsonl").read_bytes() == local
    assert summary.total == local.count(b"\n") > 8
    ids = [json.loads(line)["report_id"] for line in local.splitlines()]
    assert ids == [item.report_id for item in iter_inputs(source, max_bytes=20_000)]


def test_dask_resume_appends_in_order(cluster, inputs, tmp_path):
    source = inputs[1]
    run(config(source, tmp_path / "ref"))
    ref = (tmp_path / "ref" / "results.jsonl").read_bytes()
    out = tmp_path / "out"
    out.mkdir()
    (out / "results.jsonl").write_bytes(b"".join(ref.splitlines(keepends=True)[:4]))
    summary = run(config(source, out, engine="dask", scheduler=cluster.scheduler_address, resume=True))
    assert summary.resumed == 4
    assert (out / "results.jsonl").read_bytes() == ref


def test_cli_starts_its_own_local_cluster(inputs, tmp_path):
    source = inputs[1]
    run(config(source, tmp_path / "local"))
    proc = subprocess.run([sys.executable, "-m", "pipeline.cli", "run", str(source), "--out",
                           str(tmp_path / "dask"), "--engine", "dask", "--workers", "2",
                           "--chunk-size", "3", "--no-progress"],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 1, proc.stderr  # the bad JSON line
    assert "11 reports: 10 ok, 1 failed (bad_archive_row 1)" in proc.stdout
    assert (tmp_path / "dask" / "results.jsonl").read_bytes() == \
        (tmp_path / "local" / "results.jsonl").read_bytes()
