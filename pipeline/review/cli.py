"""``pathspan review …``: serve the review page, export and import reviews.

Cheap to import (``pathspan --help`` loads it): SQLAlchemy, FastAPI and the store are imported
inside the commands.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer

app = typer.Typer(
    name="review",
    help="Review queue: check records against the report text, correct them, export the reviews.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

OUT_DIR = typer.Argument(None, help="A `pathspan run` output folder (its review.sqlite).")
DB = typer.Option(None, "--db", help="Review-store SQLAlchemy URL instead (e.g. postgresql+psycopg://…).")


def _open(out_dir: Optional[Path], db: Optional[str]):
    """The store, or exit 2 with what to do."""
    from .store import DEFAULT_DB_FILE, ReviewStore

    if db is None:
        if out_dir is None:
            typer.echo("pathspan review: give a run output folder or --db URL", err=True)
            raise typer.Exit(2)
        if not (out_dir / DEFAULT_DB_FILE).exists():
            typer.echo(f"pathspan review: no review store at {out_dir / DEFAULT_DB_FILE}; "
                       f"queue the run first (`pathspan run INPUT --out {out_dir} --db …`)", err=True)
            raise typer.Exit(2)
    return ReviewStore.open(out_dir, db)


@app.command()
def serve(
    out_dir: Optional[Path] = OUT_DIR,
    db: Optional[str] = DB,
    host: str = typer.Option("127.0.0.1", "--host", help="Address to bind; other than loopback needs --token."),
    port: int = typer.Option(8765, "--port", min=0, max=65535),
    token: Optional[str] = typer.Option(None, "--token", envvar="PATHSPAN_REVIEW_TOKEN",
                                        help="Required on every request (open the page once with ?token=…)."),
) -> None:
    """Serve the review page (queue, case pages with evidence, corrections, audit trail)."""
    from .server import is_loopback, serve as run_server

    if not is_loopback(host) and not token:
        typer.echo(f"pathspan review serve: --host {host} is reachable from other machines; "
                   "give --token (or PATHSPAN_REVIEW_TOKEN)", err=True)
        raise typer.Exit(2)
    store = _open(out_dir, db)
    shown = "127.0.0.1" if host in ("0.0.0.0", "::") else host
    typer.echo(f"review page: http://{shown}:{port}/" + ("?token=…" if token else ""), err=True)
    try:
        run_server(store, host=host, port=port, token=token)
    finally:
        store.close()


@app.command("export")
def export_cmd(
    out_dir: Optional[Path] = OUT_DIR,
    fmt: str = typer.Option(..., "--format", help="gold (corrections as gold_reports files), "
                            "labelstudio (the queue as tasks) or csv (accepted records)."),
    out: Path = typer.Option(..., "--out", help="Folder (gold) or file (labelstudio, csv)."),
    db: Optional[str] = DB,
    include_accepted: bool = typer.Option(False, "--include-accepted",
                                          help="gold: also cases accepted without correction."),
) -> None:
    """Export reviews: gold annotations, Label Studio tasks, or the registry CSV."""
    from .export import FORMATS, export

    if fmt not in FORMATS:
        raise typer.BadParameter(f"choose one of {', '.join(FORMATS)}", param_hint="--format")
    store = _open(out_dir, db)
    try:
        n = export(store, fmt, out, include_accepted)
    finally:
        store.close()
    typer.echo(f"{n} {'tasks' if fmt == 'labelstudio' else 'cases' if fmt == 'gold' else 'rows'} -> {out}")


@app.command("import")
def import_cmd(
    ls_export: Path = typer.Argument(..., exists=True, dir_okay=False, help="A Label Studio JSON export."),
    out_dir: Optional[Path] = OUT_DIR,
    db: Optional[str] = DB,
    reviewer: Optional[str] = typer.Option(None, "--reviewer",
                                           help="Sign as this name (default: the Label Studio annotator)."),
) -> None:
    """Import a Label Studio export back into the store as signed corrections."""
    from .labelstudio import import_annotations

    try:
        tasks = json.loads(ls_export.read_text(encoding="utf-8"))
    except ValueError as err:
        typer.echo(f"pathspan review import: {ls_export} is not JSON: {err}", err=True)
        raise typer.Exit(2)
    if not isinstance(tasks, list):
        typer.echo(f"pathspan review import: {ls_export} is not a list of tasks", err=True)
        raise typer.Exit(2)
    store = _open(out_dir, db)
    try:
        summary = import_annotations(store, tasks, reviewer)
    finally:
        store.close()
    typer.echo(summary.line())
    for problem in summary.conflicts + summary.errors:
        typer.echo(f"  {problem}", err=True)
    if summary.conflicts or summary.errors:
        raise typer.Exit(1)
