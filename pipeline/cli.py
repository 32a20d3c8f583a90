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
) -> None:
    """Print the result record of one report as readable JSON."""
    from .ingest import read_file
    from .process import process_item

    record = process_item(read_file(file))
    typer.echo(json.dumps(record.model_dump(mode="json"), indent=2, ensure_ascii=False))
    if record.status != "ok":
        raise typer.Exit(1)


def main() -> None:
    """Console-script entry point."""
    app()


if __name__ == "__main__":
    sys.exit(main())
