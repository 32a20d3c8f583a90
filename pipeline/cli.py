"""The ``pathspan`` command line: a thin layer over the public API.

Heavy modules (spaCy, LangChain, Dask, SQLAlchemy) are imported inside the commands so that
``pathspan --help`` answers at once.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Optional

import typer

app = typer.Typer(
    name="pathspan",
    help="Span-proven findings and guideline-based next steps from free-text pathology reports.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

from .review.cli import app as review_app  # noqa: E402  (cheap: heavy imports inside its commands)

app.add_typer(review_app, name="review")


@app.command()
def schema(
    model: str = typer.Option("record", help="Which model: record, findings or recommendation."),
) -> None:
    """Print the JSON Schema of the result record (the output contract)."""
    from .models import Findings, Recommendation, ResultRecord

    models = {"record": ResultRecord, "findings": Findings, "recommendation": Recommendation}
    if model not in models:
        raise typer.BadParameter(f"choose one of {', '.join(models)}", param_hint="--model")
    typer.echo(json.dumps(models[model].model_json_schema(), indent=2))


@app.command()
def extract(
    file: Path = typer.Argument(..., exists=True, dir_okay=False, help="One report as a text file."),
    llm: Optional[str] = typer.Option(None, "--llm", help="Also ask an LLM (LangChain model string, e.g. openai:gpt-4.1-mini); off by default."),
    redact: bool = typer.Option(False, "--redact", help="Replace names, dates, MRNs and accession numbers before the LLM call."),
    llm_concurrency: int = typer.Option(4, "--llm-concurrency", min=1, help="Concurrent LLM calls."),
    llm_cache: Optional[Path] = typer.Option(None, "--llm-cache", file_okay=False, help="Cache folder for LLM answers (default: none)."),
) -> None:
    """Print the result record of one report as readable JSON."""
    from .ingest import read_file
    from .process import process_item

    item = read_file(file)
    record = process_item(item)
    if llm and item.report is not None:
        from .errors import UsageError
        from .llm import enrich_records

        try:
            [record] = enrich_records([(item.report, record, None)], model=llm, redact=redact,
                                      concurrency=llm_concurrency, cache_dir=llm_cache)
        except UsageError as err:
            typer.echo(f"pathspan extract: {err}", err=True)
            raise typer.Exit(2)
    typer.echo(json.dumps(record.model_dump(mode="json"), indent=2, ensure_ascii=False))
    if record.status != "ok":
        raise typer.Exit(1)


@app.command()
def run(
    input: Path = typer.Argument(..., help="A report file, a folder (recursive *.txt), or a CSV/JSONL archive."),
    out: Path = typer.Option(..., "--out", help="Output folder; results go to OUT/results.jsonl."),
    workers: Optional[int] = typer.Option(None, "--workers", min=1, help="Worker processes (default: one per core)."),
    engine: str = typer.Option("local", "--engine", help="local or dask."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="Dask scheduler address (default: a LocalCluster)."),
    resume: bool = typer.Option(False, "--resume", help="Keep the records of an interrupted run and finish the rest."),
    max_bytes: int = typer.Option(1_000_000, "--max-bytes", min=1, help="Reports larger than this fail as oversize_input."),
    id_column: str = typer.Option("id", "--id-column", help="CSV/JSONL column with the report id."),
    text_column: str = typer.Option("text", "--text-column", help="CSV/JSONL column with the report text."),
    chunk_size: int = typer.Option(32, "--chunk-size", min=1, help="Reports per task shipped to a worker."),
    context: Optional[Path] = typer.Option(None, "--context", exists=True, dir_okay=False, help="Patient context file."),
    llm: Optional[str] = typer.Option(None, "--llm", help="Enrich with an LLM (LangChain model string); off by default."),
    redact: bool = typer.Option(False, "--redact", help="Redact identifiers before any LLM call."),
    llm_concurrency: int = typer.Option(4, "--llm-concurrency", min=1, help="Concurrent LLM calls."),
    db: Optional[str] = typer.Option(None, "--db", help="Review-store database URL (default: OUT/review.sqlite)."),
    queue: bool = typer.Option(True, "--queue/--no-queue", help="Queue every record in the review store for QA."),
    progress: bool = typer.Option(True, "--progress/--no-progress", help="Progress bar (terminal) or log lines (stderr)."),
) -> None:
    """Process an archive into OUT/results.jsonl (exit 0: all ok, 1: some failed, 2: usage error)."""
    from .batch import RunConfig
    from .batch import run as run_batch
    from .errors import UsageError

    config = RunConfig(
        input=input, out_dir=out, workers=workers, engine=engine, scheduler=scheduler,
        resume=resume, max_bytes=max_bytes, id_column=id_column, text_column=text_column,
        chunk_size=chunk_size, context_path=context, llm=llm, redact=redact,
        llm_concurrency=llm_concurrency, db=db, enqueue=queue, progress=progress,
    )
    try:
        summary = run_batch(config)
    except UsageError as err:
        typer.echo(f"pathspan run: {err}", err=True)
        raise typer.Exit(2)
    typer.echo(summary.line())
    if summary.failed:
        raise typer.Exit(1)


@app.command()
def export(
    out_dir: Path = typer.Argument(..., exists=True, help="A `pathspan run` output folder (holds results.jsonl)."),
    format: str = typer.Option(..., "--format", help="csv (one file) or fhir (one R4 Bundle per report)."),
    out: Path = typer.Option(..., "--out", help="CSV file (csv) or folder of <report_id>.json bundles (fhir)."),
) -> None:
    """Export run results for registries: flat CSV or FHIR R4 bundles, with evidence spans."""
    from .exports import export_csv, export_fhir

    if format not in ("csv", "fhir"):
        raise typer.BadParameter("choose csv or fhir", param_hint="--format")
    try:
        n = export_csv(out_dir, out) if format == "csv" else len(export_fhir(out_dir, out))
    except (FileNotFoundError, ValueError) as err:
        typer.echo(f"pathspan export: {err}", err=True)
        raise typer.Exit(2)
    typer.echo(f"{n} report(s) exported to {out}")


@app.command()
def explain(
    file: Path = typer.Argument(..., exists=True, dir_okay=False, help="One report as a text file."),
    context: Optional[Path] = typer.Option(None, "--context", exists=True, dir_okay=False,
                                           help="Patient context (JSON or CSV) for this report; default: "
                                                "FILE's sidecar FILE.context.json when it exists."),
) -> None:
    """Print the recommendation for one report the way a clinician reads it."""
    from rich.console import Console

    from .context import ContextError, context_for, load_contexts, sidecar_path
    from .explain import render_explanation
    from .ingest import read_file
    from .process import process_item

    item = read_file(file)
    patient = None
    context = context or sidecar_path(file)
    if context is not None:
        typer.echo(f"patient context: {context}", err=True)
        try:
            patient = context_for(load_contexts(context), item.report_id)
        except ContextError as err:
            typer.echo(f"pathspan explain: {err}", err=True)
            raise typer.Exit(2)
    record = process_item(item, patient)
    Console().print(render_explanation(record, item.report.text if item.report else ""))
    if record.status != "ok":
        raise typer.Exit(1)


@app.command()
def evaluate(
    gold_dir: Path = typer.Argument(..., exists=True, file_okay=False, help="The gold folder (gold_reports/)."),
    split: Optional[str] = typer.Option(None, help="train, test or all (pooled); default: train and test separately."),
    as_json: bool = typer.Option(False, "--json", help="Print the scores as JSON."),
    mismatches: bool = typer.Option(False, "--mismatches", help="List every field where extraction and gold differ (also in --json). "
                                    "Names held-out cases: never use it on the test split while writing rules."),
    llm: Optional[str] = typer.Option(None, "--llm", help="Also score LLM-only and reconciled (rules+LLM) extraction with this LangChain model string."),
    llm_cache: Optional[Path] = typer.Option(None, "--llm-cache", file_okay=False, help="Cache folder for LLM answers (a re-run costs nothing)."),
) -> None:
    """Score the rule-based extractor on the annotated gold set, per field and per split."""
    from rich.console import Console

    from .evaluate import SPLITS, comparison_table, evaluate_splits, mismatch_lines, summary_lines

    if split is not None and split not in (*SPLITS, "all"):
        raise typer.BadParameter("choose train, test or all", param_hint="--split")
    extractors = None
    if llm:
        from .errors import UsageError
        from .extract import extract_findings
        from .llm import llm_extractors

        try:
            extractors = {"rules": extract_findings, **llm_extractors(llm, cache_dir=llm_cache)}
        except UsageError as err:
            typer.echo(f"pathspan evaluate: {err}", err=True)
            raise typer.Exit(2)
    results = evaluate_splits(gold_dir, split, extractors)
    if as_json:
        typer.echo(json.dumps({label: [r.to_dict(mismatches) for r in reps] for label, reps in results.items()},
                              indent=2, ensure_ascii=False))
        return
    console = Console()
    for label, reports in results.items():
        console.print(comparison_table(f"gold split: {label}", reports))
        for rep in reports:
            for line in summary_lines(rep) + (mismatch_lines(rep) if mismatches else []):
                console.print(line, markup=False, highlight=False)


def main() -> None:
    """Console-script entry point."""
    app()


if __name__ == "__main__":
    sys.exit(main())
