"""Archive-scale runs: stream reports in, process chunks on workers, append records in order.

Reports are read lazily (``ingest.iter_inputs``), grouped into chunks, and each chunk is turned
into JSON lines by ``process_chunk`` on a worker (a local process pool or a Dask cluster; both
run the same function, so their records are byte-identical). At most a few chunks per worker are
in flight, so memory stays flat whatever the archive size. Each record is written to
``results.jsonl`` with one write and flushed at once, so a killed run leaves whole lines only (at
worst one partial last line, which ``--resume`` drops) and ``--resume`` can finish the rest.
"""

from __future__ import annotations

import itertools
import json
import os
import sys
import threading
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from .errors import UsageError
from .ingest import DEFAULT_MAX_BYTES, Item, count_inputs, iter_inputs
from .models import PatientContext, ResultRecord

RESULTS_NAME = "results.jsonl"
DEFAULT_CHUNK_SIZE = 32
# Chunks in flight per worker: enough to keep every worker busy while the head chunk is awaited,
# few enough that memory does not grow with the archive.
CHUNKS_PER_WORKER = 3

# spaCy 3.7 interns every new token string (accession numbers, MRNs, dates) in the pipeline's
# vocab for the life of the process, ~1 KB a report; rebuilding the pipeline every so many
# reports keeps a worker's memory flat on any archive (spaCy 3.8's memory_zone is out of reach:
# medspaCy pins spaCy < 3.8). A rebuild takes ~0.2 s, under 1 % of the time of this many reports.
RECYCLE_EVERY = 5_000

Chunk = list[tuple[Item, PatientContext | None]]
# What a worker sends back for one report: its JSON line, its status and its error code.
Outcome = tuple[str, str, str | None]


@dataclass
class RunConfig:
    """Everything ``pathspan run`` can be asked to do."""

    input: Path
    out_dir: Path
    workers: int | None = None  # None: one per core
    engine: Literal["local", "dask"] = "local"
    scheduler: str | None = None  # dask scheduler address; None starts a LocalCluster
    resume: bool = False
    max_bytes: int = DEFAULT_MAX_BYTES
    id_column: str = "id"
    text_column: str = "text"
    context_path: Path | None = None
    llm: str | None = None
    redact: bool = False
    llm_concurrency: int = 4
    llm_cache_dir: Path | None = None
    db: str | None = None
    enqueue: bool = False  # queue records in the review store (db None: OUT/review.sqlite); the CLI default is on
    chunk_size: int = DEFAULT_CHUNK_SIZE
    progress: bool = True
    progress_interval: float = 10.0


@dataclass
class Summary:
    """Outcome counts over the whole ``results.jsonl`` (resumed records included)."""

    by_status: Counter = field(default_factory=Counter)
    by_error: Counter = field(default_factory=Counter)
    resumed: int = 0
    queued: int | None = None  # records newly queued for review (--db)
    elapsed: float = 0.0
    results: Path | None = None

    @property
    def total(self) -> int:
        return sum(self.by_status.values())

    @property
    def failed(self) -> int:
        return self.by_status.get("failed", 0)

    def add(self, status: str, code: str | None) -> None:
        self.by_status[status] += 1
        if code:
            self.by_error[code] += 1

    def line(self) -> str:
        """The one-line summary the CLI prints."""
        parts = [f"{self.total} reports: {self.by_status.get('ok', 0)} ok, {self.failed} failed"]
        if self.by_error:
            parts[0] += " (" + ", ".join(f"{c} {n}" for c, n in sorted(self.by_error.items())) + ")"
        if self.resumed:
            parts.append(f"{self.resumed} already done")
        if self.queued is not None:
            parts.append(f"{self.queued} queued for review")
        parts.append(f"{self.elapsed:.1f}s")
        if self.results is not None:
            parts.append(f"results in {self.results}")
        return "; ".join(parts)


# --- worker side ------------------------------------------------------------------------------


def process_chunk(chunk: Chunk) -> list[Outcome]:
    """Records of a chunk of items as ``(json_line, status, error_code)``, in order.

    Runs on a worker. The texts of the chunk go through ``extract_findings_many`` (``nlp.pipe``)
    together, so per-report overhead stays low; if bulk extraction raises, every report of the
    chunk is redone on its own so that one bad report fails alone.
    """
    from .process import process_item

    findings: list[Any] = [None] * len(chunk)
    todo = [i for i, (item, _) in enumerate(chunk) if item.report is not None and item.error is None]
    many = _extract_many()
    if many is not None and todo:
        try:
            bulk = list(many([chunk[i][0].report.text for i in todo]))
        except Exception:  # noqa: BLE001 — fall back to one report at a time below
            bulk = []
        if len(bulk) == len(todo):
            for i, f in zip(todo, bulk):
                findings[i] = f
    out: list[Outcome] = []
    for (item, context), f in zip(chunk, findings):
        record = process_item(item, context, f)
        out.append((record.to_json(), record.status, record.error.code if record.error else None))
    _recycle_pipeline_after(len(todo))
    return out


_processed_here = 0


def _recycle_pipeline_after(n: int) -> None:
    """Count reports processed in this process; drop the cached NLP pipeline (and its grown
    vocab) every ``RECYCLE_EVERY`` reports so the next chunk builds a fresh one."""
    global _processed_here
    _processed_here += n
    if _processed_here >= RECYCLE_EVERY:
        _processed_here = 0
        from .nlp import get_nlp

        getattr(get_nlp, "cache_clear", lambda: None)()


def _extract_many() -> Callable[[list[str]], Iterable[Any]] | None:
    try:
        from .extract import extract_findings_many
    except ImportError:  # an extract module without bulk extraction: one report at a time
        return None
    return extract_findings_many


# --- engines: chunks in, (chunk, outcomes) out, in input order ---------------------------------


def _ordered(chunks: Iterator[Chunk], submit: Callable[[Chunk], Future], window: int
             ) -> Iterator[tuple[Chunk, list[Outcome]]]:
    """Submit chunks keeping at most ``window`` in flight; yield results in submission order."""
    pending: deque[tuple[Chunk, Future]] = deque()
    for chunk in chunks:
        pending.append((chunk, submit(chunk)))
        # Hand back finished heads at once (a slow input stream must not hold written results).
        while pending and (len(pending) >= window or pending[0][1].done()):
            head, fut = pending.popleft()
            yield head, fut.result()
    while pending:
        head, fut = pending.popleft()
        yield head, fut.result()


def _exit_with_parent(parent: int) -> None:
    """Pool-worker initializer: exit once the run that started this worker is gone (kill -9
    leaves pool workers orphaned otherwise, each holding a loaded pipeline)."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, name="pathspan-parent-watch", daemon=True).start()


@contextmanager
def local_engine(workers: int) -> Iterator[Callable[[Iterator[Chunk]], Iterator[tuple[Chunk, list[Outcome]]]]]:
    """Process chunks in this process (one worker) or a pool of ``workers`` processes."""
    with ExitStack() as stack:
        pool = None

        def run(chunks: Iterator[Chunk]) -> Iterator[tuple[Chunk, list[Outcome]]]:
            nonlocal pool
            first = list(itertools.islice(chunks, 2))
            chunks = itertools.chain(first, chunks)
            # One chunk (e.g. a single report) is not worth starting processes for.
            if workers <= 1 or len(first) < 2:
                for chunk in chunks:
                    yield chunk, process_chunk(chunk)
                return
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            # spawn, not fork: the parent may hold threads (progress bar) and a loaded pipeline.
            pool = stack.enter_context(ProcessPoolExecutor(
                max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
                initializer=_exit_with_parent, initargs=(os.getpid(),)))
            yield from _ordered(chunks, lambda c: pool.submit(process_chunk, c),
                                workers * CHUNKS_PER_WORKER)

        yield run


@contextmanager
def dask_engine(workers: int, scheduler: str | None
                ) -> Iterator[Callable[[Iterator[Chunk]], Iterator[tuple[Chunk, list[Outcome]]]]]:
    """Process chunks on a Dask cluster: ``scheduler`` or a LocalCluster of ``workers`` processes.

    The LocalCluster starts worker processes, so call this only from code that runs under an
    ``if __name__ == "__main__":`` guard (the ``pathspan`` CLI does).
    """
    from distributed import Client, LocalCluster

    with ExitStack() as stack:
        if scheduler:
            try:
                client = stack.enter_context(Client(scheduler, timeout="20s"))
            except OSError as exc:
                raise UsageError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from exc
            n = max(len(client.scheduler_info().get("workers", {})), 1)
        else:
            cluster = stack.enter_context(LocalCluster(
                n_workers=workers, threads_per_worker=1, processes=True,
                dashboard_address=None))
            client = stack.enter_context(Client(cluster))
            n = workers

        def run(chunks: Iterator[Chunk]) -> Iterator[tuple[Chunk, list[Outcome]]]:
            # pure=False: two identical chunks are still two tasks with their own results.
            yield from _ordered(chunks, lambda c: client.submit(process_chunk, c, pure=False),
                                n * CHUNKS_PER_WORKER)

        yield run


# --- results file ------------------------------------------------------------------------------


def drop_partial_line(path: Path) -> int:
    """Truncate a trailing partial line (a run killed mid-write); returns the bytes dropped."""
    with path.open("r+b") as fh:
        size = fh.seek(0, os.SEEK_END)
        pos = size
        while pos > 0:
            step = min(1 << 16, pos)
            fh.seek(pos - step)
            block = fh.read(step)
            nl = block.rfind(b"\n")
            if nl >= 0:
                keep = pos - step + nl + 1
                break
            pos -= step
        else:
            keep = 0
        if keep < size:
            fh.truncate(keep)
        return size - keep


class ResultsWriter:
    """Appends JSON lines to ``results.jsonl``: one write per line, straight to the file."""

    def __init__(self, path: Path, *, append: bool) -> None:
        # Unbuffered: each line reaches the kernel in one write, so SIGKILL never splits two lines.
        self._fh = path.open("ab" if append else "wb", buffering=0)

    def write(self, line: str) -> None:
        data = (line + "\n").encode("utf-8", "surrogatepass")
        view = memoryview(data)
        while view:
            view = view[self._fh.write(view):]

    def close(self) -> None:
        os.fsync(self._fh.fileno())
        self._fh.close()


def _item_key(item: Item) -> tuple[str, str | None]:
    return item.report_id, item.report.text_sha256 if item.report is not None else None


def _skip_done(items: Iterator[Item], results: Path, summary: Summary, progress: Any
               ) -> Iterator[Item]:
    """Skip the items an earlier run already wrote (the first lines of ``results``, matched by
    report id and text hash); yield the rest. Records are written in input order, so what was
    done is a prefix of the input; a mismatch means the input changed and resuming would mix
    two archives."""
    with results.open("rb") as fh:
        for n, line in enumerate(fh, start=1):
            try:
                rec = json.loads(line)
                key = (rec["report_id"], rec.get("text_sha256"))
            except (ValueError, KeyError, TypeError) as exc:
                raise UsageError(f"{results}:{n}: not a result record ({exc}); cannot resume") from exc
            item = next(items, None)
            if item is None:
                raise UsageError(f"{results} has more records ({n}+) than the input has reports; "
                                 "the input changed since that run: run again without --resume")
            if _item_key(item) != key:
                raise UsageError(
                    f"{results}:{n} is report {key[0]!r} but input report {n} is "
                    f"{item.report_id!r} (or its text changed); the input changed since the "
                    "interrupted run: run again without --resume")
            summary.add(rec.get("status", "failed"), (rec.get("error") or {}).get("code"))
            summary.resumed += 1
            progress.skip(1, int(rec.get("status") == "failed"))
    yield from items


def _chunked(pairs: Iterable[tuple[Item, PatientContext | None]], size: int) -> Iterator[Chunk]:
    it = iter(pairs)
    while chunk := list(itertools.islice(it, size)):
        yield chunk


# --- the run -----------------------------------------------------------------------------------


def run(config: RunConfig) -> Summary:
    """Run the batch described by ``config``; returns the summary. Raises ``UsageError``."""
    from .progress import RunProgress

    started = time.monotonic()
    workers = config.workers or os.cpu_count() or 1
    if workers < 1 or config.chunk_size < 1 or config.max_bytes < 1:
        raise UsageError("--workers, --chunk-size and --max-bytes must be at least 1")
    if config.engine not in ("local", "dask"):
        raise UsageError(f"unknown engine {config.engine!r}; choose local or dask")
    out_dir = Path(config.out_dir)
    results = out_dir / RESULTS_NAME
    summary = Summary(results=results)

    items = iter_inputs(config.input, id_column=config.id_column, text_column=config.text_column,
                        max_bytes=config.max_bytes)
    # Read the first item now so usage errors (missing column) come before any output is touched.
    first = next(items, None)
    items = itertools.chain([first] if first is not None else [], items)

    context_of = _context_lookup(config)

    resume = config.resume and results.exists()
    if resume:
        drop_partial_line(results)
    out_dir.mkdir(parents=True, exist_ok=True)

    progress = RunProgress(interval=config.progress_interval, enabled=config.progress)
    if progress.fancy:  # only a bar shows an ETA; counting costs a pass over folder or JSONL
        progress.total = count_inputs(config.input)
    with progress:
        if resume:
            items = _skip_done(items, results, summary, progress)
        pairs = ((item, context_of(item)) for item in items)
        chunks = _chunked(pairs, config.chunk_size)
        writer = ResultsWriter(results, append=resume)
        try:
            with _engine(config, workers) as execute:
                for line, status, code in _outcomes(execute(chunks), config, out_dir):
                    writer.write(line)
                    summary.add(status, code)
                    progress.advance(1, int(status == "failed"))
        finally:
            writer.close()

    if config.enqueue:
        summary.queued = _enqueue(config, results)
    summary.elapsed = time.monotonic() - started
    return summary


def _context_lookup(config: RunConfig) -> Callable[[Item], PatientContext | None]:
    """Each item's patient context: from ``--context``, else (report files only) the report's
    sidecar ``REPORT.context.json`` as ``pathspan explain`` uses it, else None."""
    from .context import ContextError, context_for, load_contexts, sidecar_path

    if config.context_path is not None:
        try:
            contexts = load_contexts(config.context_path)
        except ContextError as exc:
            raise UsageError(str(exc)) from exc
        return lambda item: context_for(contexts, item.report_id)
    source = Path(config.input)
    if source.suffix.lower() in (".csv", ".jsonl", ".ndjson") and not source.is_dir():
        return lambda item: None  # rows of an archive have no sidecar files

    def sidecar(item: Item) -> PatientContext | None:
        path = sidecar_path(item.source)
        if path is None:
            return None
        try:
            return context_for(load_contexts(path), item.report_id)
        except ContextError as exc:
            # A bad sidecar must not stop the archive; the report runs without context.
            print(f"pathspan run: {exc}; {item.report_id} runs without patient context",
                  file=sys.stderr, flush=True)
            return None

    return sidecar


def _engine(config: RunConfig, workers: int):
    if config.engine == "dask":
        return dask_engine(workers, config.scheduler)
    return local_engine(workers)


def _outcomes(done: Iterator[tuple[Chunk, list[Outcome]]], config: RunConfig, out_dir: Path
              ) -> Iterator[Outcome]:
    """The outcomes of every report in input order, through the LLM stage when asked."""
    if not config.llm:
        for _, outcomes in done:
            yield from outcomes
        return
    yield from _through_llm(done, config, out_dir)


def _through_llm(done: Iterator[tuple[Chunk, list[Outcome]]], config: RunConfig, out_dir: Path
                 ) -> Iterator[Outcome]:
    """Pipe ok records through ``llm.enrich_records`` lazily; failed ones keep their place."""
    from .llm import enrich_records

    # Order of every record; None marks one that went to the LLM and is awaited from it.
    queue: deque[Outcome | None] = deque()

    def feed() -> Iterator[tuple[Any, ResultRecord, PatientContext | None]]:
        for chunk, outcomes in done:
            for (item, context), outcome in zip(chunk, outcomes):
                if outcome[1] == "ok" and item.report is not None:
                    queue.append(None)
                    yield item.report, ResultRecord.model_validate_json(outcome[0]), context
                else:
                    queue.append(outcome)

    enriched = enrich_records(feed(), model=config.llm, concurrency=config.llm_concurrency,
                              cache_dir=config.llm_cache_dir or out_dir / "llm_cache",
                              redact=config.redact)
    for record in enriched:
        while queue and queue[0] is not None:
            yield queue.popleft()
        queue.popleft()
        yield record.to_json(), record.status, record.error.code if record.error else None
    while queue:
        outcome = queue.popleft()
        if outcome is None:  # the LLM stage must yield one record per record it is given
            raise RuntimeError("llm.enrich_records yielded fewer records than it was given")
        yield outcome


def iter_results_with_texts(config: RunConfig, results: Path) -> Iterator[tuple[ResultRecord, str | None]]:
    """Each record of ``results`` with the text of its report, re-read from the input in step
    (records are in input order), so the archive is never held in memory."""
    items = iter_inputs(config.input, id_column=config.id_column, text_column=config.text_column,
                        max_bytes=config.max_bytes)
    with results.open("rb") as fh:
        for line, item in zip(fh, items, strict=True):
            record = ResultRecord.model_validate_json(line)
            if record.report_id != item.report_id:
                raise UsageError(f"{results}: record {record.report_id!r} does not match input "
                                 f"report {item.report_id!r}; the input changed during the run")
            yield record, item.report.text if item.report is not None else None


def _enqueue(config: RunConfig, results: Path) -> int:
    """Hand the records and their texts to the review store (``--db``); returns how many were
    newly queued."""
    from .review.store import enqueue_results

    return enqueue_results(results.parent, config.db, iter_results_with_texts(config, results))
