"""Throughput and memory of ``pathspan run`` against the blank-tokenizer floor.

    .venv/bin/python benchmarks/throughput.py                       # 2,000 reports, all cores
    .venv/bin/python benchmarks/throughput.py --sizes 1000,20000    # memory flatness
    .venv/bin/python benchmarks/throughput.py --profile 300         # hot spots (cProfile)

Prints reports/s and peak memory (summed RSS of the process and all its children, sampled with
psutil) for (a) ``spacy.blank("en").pipe(texts)`` in one process, the floor no pipeline can beat,
and (b) the full pipeline end to end through the ``pathspan run`` command with all workers, and
their ratio (target: (b) >= 0.5 x (a); peak memory independent of corpus size).
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pstats
import random
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# --- a corpus of realistic, varied ~300-word reports -------------------------------------------

_SITES = [("rectum", "Rectum, 8 cm from the anal verge"), ("rectum", "Rectosigmoid junction"),
          ("colon", "Sigmoid colon"), ("colon", "Ascending colon"), ("appendix", "Appendix"),
          ("stomach", "Gastric body"), ("small_intestine", "Terminal ileum")]
_PROCEDURES = ["endoscopic submucosal dissection (ESD)", "endoscopic mucosal resection (EMR)",
               "cold snare polypectomy", "endoscopic full-thickness resection (EFTR)",
               "transanal minimally invasive surgery (TAMIS)", "low anterior resection",
               "biopsy"]
_HISTOLOGY = ["well-differentiated neuroendocrine tumour", "neuroendocrine tumour (NET)",
              "tubular adenoma with low-grade dysplasia", "invasive adenocarcinoma, moderately "
              "differentiated", "hyperplastic polyp", "poorly differentiated neuroendocrine "
              "carcinoma, small cell type"]
_MARGIN_STATES = ["free of tumour", "clear", "involved by tumour", "cannot be assessed due to "
                  "cautery artefact", "close (0.4 mm)", "negative"]
_LVI = ["Lymphovascular invasion: not identified.", "Lymphovascular invasion: present (D2-40).",
        "No lymphovascular invasion is seen.", "Lymphovascular invasion is suspicious but "
        "equivocal.", "LVI: absent.", "Venous invasion identified on EVG stain."]
_PNI = ["Perineural invasion: not identified.", "Perineural invasion present.",
        "No perineural invasion."]
_FILLER = [
    "The specimen was received fresh and pinned on cork by the endoscopist.",
    "Sections show a submucosal nodule composed of nests and trabeculae of uniform cells.",
    "The tumour cells have salt-and-pepper chromatin and moderate eosinophilic cytoplasm.",
    "Immunohistochemistry: synaptophysin and chromogranin A are diffusely positive.",
    "The background mucosa shows no significant abnormality.",
    "Deeper levels were examined and confirm the findings.",
    "The case was reviewed at the departmental consensus meeting.",
    "Inked margins: lateral blue, deep black; the specimen was serially sectioned at 2 mm.",
    "There is no evidence of dysplasia in the adjacent mucosa.",
    "Correlation with endoscopic and imaging findings is recommended.",
    "The lesion appears to be completely excised on the sections examined.",
    "Muscularis propria is not present in the specimen.",
    "Focal crush artefact limits assessment at the periphery.",
    "A second fragment shows colonic mucosa with lymphoid aggregates.",
    "The nests are separated by a delicate fibrovascular stroma without desmoplasia.",
    "Nuclear pleomorphism is mild and there is no tumour necrosis in the sections examined.",
    "The overlying surface epithelium is intact with preserved crypt architecture.",
    "Block A1 contains the lesion and block A2 the nearest lateral margin, embedded on edge.",
    "A separate fragment of polyp tissue labelled B shows a small tubular adenoma.",
    "Special stains for microorganisms are not required for this diagnosis.",
    "Scattered eosinophils and plasma cells are present in the lamina propria.",
    "The deep aspect of the specimen shows cautery artefact over a short length.",
    "Tumour cells form rosettes focally and show occasional nucleoli.",
    "The specimen is orientated with a suture at the oral end as indicated on the request form.",
]


def make_report(rng: random.Random, n: int) -> str:
    """One synthetic but realistic pathology report of roughly 300 words."""
    _, site = rng.choice(_SITES)
    size = rng.choice([3, 4.5, 6, 8, 9, 10, 12, 15, 18, 20, 24, 35])
    ki67 = rng.choice(["<1%", "1%", "2%", "2-3%", "4%", "8%", "15%", "25%", "60%"])
    mitoses = rng.choice(["<2", "1", "3", "6", "25"])
    filler = rng.sample(_FILLER, k=rng.randint(13, 19))
    grade = rng.choice(["G1", "G2", "G3", "grade 1", "WHO grade 2"])
    depth = rng.choice(["mucosa", "submucosa", "muscularis propria", "subserosa"])
    pt = rng.choice(["pT1a", "pT1b", "pT2", "pT3", "T1", "ypT2"])
    lines = [
        f"SURGICAL PATHOLOGY REPORT  Accession: S26-{n:06d}",
        f"Patient: Doe, J{n % 97}   DOB: 19{40 + n % 50}-0{1 + n % 9}-1{n % 10}   MRN: {8000000 + n}",
        "CLINICAL HISTORY:",
        f"{rng.choice(['Screening colonoscopy.', 'Rectal bleeding.', 'Incidental submucosal lesion.', 'Follow-up of prior polyp.'])} "
        f"Lesion of {size} mm noted at endoscopy. {rng.choice(['Previous report described LVI.', '', 'No prior history.'])}",
        "GROSS DESCRIPTION:",
        f"Received in formalin labelled '{site}': a {rng.choice(['tan', 'grey-white', 'pink'])} "
        f"{rng.choice(['disc', 'polypoid fragment', 'ellipse of mucosa'])} measuring "
        f"{size + rng.randint(5, 15)} x {size + rng.randint(2, 10)} x {rng.randint(3, 8)} mm, "
        f"obtained by {rng.choice(_PROCEDURES)}. The lesion measures {size} mm in greatest dimension.",
        "MICROSCOPIC DESCRIPTION:",
        " ".join(filler[: len(filler) // 2]),
        f"The tumour invades the {depth}. Mitoses: {mitoses} per 2 mm2. Ki-67 proliferation index {ki67}.",
        _LVI[rng.randrange(len(_LVI))] + " " + _PNI[rng.randrange(len(_PNI))],
        f"Lateral margin {rng.choice(_MARGIN_STATES)}; deep margin {rng.choice(_MARGIN_STATES)}.",
        " ".join(filler[len(filler) // 2:]),
        "FINAL DIAGNOSIS:",
        f"{site}, {rng.choice(_PROCEDURES)}: {rng.choice(_HISTOLOGY)}, {grade}, {size} mm, "
        f"{pt} (AJCC 8th). Resection {rng.choice(['en bloc', 'piecemeal'])}.",
        "COMMENT:",
        rng.choice(["If LVI were present, further treatment would be indicated.",
                    "Discussed with Dr. Smith on the day of reporting.",
                    "Findings communicated to the endoscopist.",
                    "ADDENDUM: Ki-67 repeated on block A2: 3%."]),
    ]
    return "\n".join(lines) + "\n"


def make_corpus(n: int, seed: int = 7) -> Iterator[tuple[str, str]]:
    """``n`` varied reports as ``(report_id, text)``, deterministic for a seed, lazily."""
    rng = random.Random(seed)
    for i in range(n):
        yield f"S26-{i:06d}", make_report(rng, i)


def write_jsonl(path: Path, n: int, seed: int = 7) -> Path:
    """Write a corpus of ``n`` reports as a JSONL archive (streamed, never held in memory)."""
    with path.open("w", encoding="utf-8") as fh:
        for rid, text in make_corpus(n, seed):
            fh.write(json.dumps({"id": rid, "text": text}) + "\n")
    return path


# --- measuring ----------------------------------------------------------------------------------


class PeakRss:
    """Samples the summed RSS of a process and all its descendants in a thread; keeps the peak."""

    def __init__(self, pid: int | None = None, every: float = 0.05) -> None:
        import psutil

        self._proc = psutil.Process(pid or os.getpid())
        self._every = every
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _sample(self) -> int:
        import psutil

        total = 0
        for proc in [self._proc, *self._proc.children(recursive=True)]:
            try:
                total += proc.memory_info().rss
            except (psutil.NoSuchProcess, psutil.AccessDenied):
                pass
        return total

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                self.peak = max(self.peak, self._sample())
            except Exception:  # noqa: BLE001 — the process may end between two samples
                pass
            self._stop.wait(self._every)

    def __enter__(self) -> "PeakRss":
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def floor(texts: list[str]) -> tuple[float, int]:
    """(reports/s, peak RSS bytes) of ``spacy.blank("en").pipe`` over ``texts``, one process."""
    import spacy

    nlp = spacy.blank("en")
    with PeakRss() as mem:
        start = time.perf_counter()
        for _ in nlp.pipe(texts):
            pass
        elapsed = time.perf_counter() - start
    return len(texts) / elapsed, mem.peak


def end_to_end(archive: Path, n: int, workers: int, out: Path, extra: list[str] | None = None
               ) -> tuple[float, int, str]:
    """(reports/s, peak RSS bytes of the whole process tree, summary line) of ``pathspan run``."""
    cmd = [sys.executable, "-m", "pipeline.cli", "run", str(archive), "--out", str(out),
           "--workers", str(workers), "--no-progress", *(extra or [])]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    with PeakRss(proc.pid) as mem:
        stdout, stderr = proc.communicate()
    elapsed = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        raise SystemExit(f"pathspan run failed ({proc.returncode}):\n{stderr}")
    return n / elapsed, mem.peak, stdout.strip()


def profile(n: int, top: int = 25) -> str:
    """cProfile of the worker function over ``n`` reports in this process: the hot spots."""
    from pipeline.batch import process_chunk
    from pipeline.ingest import Item
    from pipeline.models import Report

    items = [(Item(rid, "bench", Report(report_id=rid, text=text)), None)
             for rid, text in make_corpus(n + 32, seed=11)]
    process_chunk(items[:32])  # load the pipeline outside the profile
    prof = cProfile.Profile()
    start = time.perf_counter()
    prof.enable()
    for i in range(32, len(items), 32):
        process_chunk(items[i:i + 32])
    prof.disable()
    elapsed = time.perf_counter() - start
    buf = io.StringIO()
    buf.write(f"{n} reports in {elapsed:.2f}s in one process ({n / elapsed:.1f} reports/s "
              f"under the profiler)\n")
    stats = pstats.Stats(prof, stream=buf)
    stats.sort_stats("cumulative").print_stats(top)
    stats.sort_stats("tottime").print_stats(top)
    return buf.getvalue()


def component_times(n: int) -> str:
    """Seconds per component of the extraction pipeline over ``n`` reports (tokenizer first),
    measured without the profiler's overhead."""
    from pipeline.nlp import get_nlp

    nlp = get_nlp()
    texts = [text for _, text in make_corpus(n + 20, seed=11)]
    for doc in nlp.pipe(texts[:20]):  # warm up
        pass
    times = {"tokenizer": 0.0, **{name: 0.0 for name in nlp.pipe_names}}
    for text in texts[20:]:
        start = time.perf_counter()
        doc = nlp.make_doc(text)
        times["tokenizer"] += time.perf_counter() - start
        for name, proc in nlp.pipeline:
            start = time.perf_counter()
            doc = proc(doc)
            times[name] += time.perf_counter() - start
    total = sum(times.values())
    rows = [f"{name:<26} {sec:7.3f}s {1000 * sec / n:7.2f} ms/report {100 * sec / total:5.1f}%"
            for name, sec in times.items()]
    return (f"pipeline components over {n} reports, one process ({n / total:.1f} reports/s):\n"
            + "\n".join(rows))


def _mb(n: int) -> str:
    return f"{n / 2**20:,.0f} MB"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reports", type=int, default=2000, help="corpus size for floor and end to end")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--sizes", default="", help="comma-separated corpus sizes for the memory-flatness run")
    parser.add_argument("--profile", type=int, default=0, metavar="N", help="profile the worker on N reports")
    parser.add_argument("--repeat", type=int, default=3, help="best of this many runs for (a) and (b)")
    parser.add_argument("--engine", default="local", choices=["local", "dask"], help="engine for (b)")
    args = parser.parse_args(argv)

    if args.profile:
        print(component_times(args.profile))
        print(profile(args.profile))
        return

    with tempfile.TemporaryDirectory(prefix="pathspan-bench-") as tmp:
        tmp_path = Path(tmp)
        texts = [text for _, text in make_corpus(args.reports)]
        words = sum(len(t.split()) for t in texts) / len(texts)
        print(f"corpus: {len(texts)} reports, {words:.0f} words/report on average; "
              f"{args.workers} workers, {os.cpu_count()} cores; load average "
              f"{os.getloadavg()[0]:.2f} (other work on the machine skews every number)")
        floor_rate, floor_mem = max(floor(texts) for _ in range(args.repeat))
        del texts
        print(f"(a) floor  spacy.blank('en').pipe, 1 process: {floor_rate:8.1f} reports/s, "
              f"peak {_mb(floor_mem)}")
        archive = write_jsonl(tmp_path / "corpus.jsonl", args.reports)
        extra = ["--engine", args.engine]
        rate, mem, summary = max(end_to_end(archive, args.reports, args.workers, tmp_path / f"out{i}", extra)
                                 for i in range(args.repeat))
        print(f"(b) pathspan run, {args.workers} workers, {args.engine}: {rate:8.1f} reports/s, "
              f"peak {_mb(mem)}  [{summary}]")
        print(f"ratio (b)/(a) = {rate / floor_rate:.3f} (target >= 0.5; (b) includes starting "
              "the workers and loading the pipeline in each)")

        runs = []
        for size in [int(s) for s in args.sizes.split(",") if s.strip()]:
            archive = write_jsonl(tmp_path / f"corpus-{size}.jsonl", size)
            rate, mem, summary = end_to_end(archive, size, args.workers, tmp_path / f"out-{size}", extra)
            print(f"memory: {size:>7} reports -> peak {_mb(mem)}, {rate:.1f} reports/s  [{summary}]")
            runs.append((size, size / rate))
            archive.unlink()
        if len(runs) >= 2:
            (n0, t0), (n1, t1) = runs[0], runs[-1]
            marginal = (n1 - n0) / (t1 - t0)
            print(f"steady state (startup excluded): {marginal:.1f} reports/s = "
                  f"{marginal / floor_rate:.3f} x floor")


if __name__ == "__main__":
    main()
