"""Flat CSV for registry abstractors: one row per report, one column per data-dictionary field.

Column order is a contract (``CSV_COLUMNS``, documented in ``docs/export.md``): add columns at
the end, never reorder or rename. Each field has three columns: the value, ``<field>_evidence``
(a JSON list of ``{"start", "end", "text"}`` spans, so a row stays provable against the report
text) and ``<field>_needs_review``. The file is UTF-8 with a BOM so spreadsheet programs show
non-ASCII text correctly; every cell survives a write/read round trip unchanged.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from ..models import NUMERIC_FIELDS, Count, Finding, Findings, ResultRecord
from .results import UNREVIEWED, iter_results, record_needs_review, review_status_reader

FIELDS = Findings.field_names()
# Integer-valued fields read back as int; other numeric fields as float.
COUNT_FIELDS = frozenset(
    name for name in NUMERIC_FIELDS if Findings.model_fields[name].annotation == Finding[Count]
)

HEAD_COLUMNS = ["report_id", "status", "error_code", "error_message", "text_sha256"]
TAIL_COLUMNS = [
    "recommendation_code",
    "recommendation_rule_id",
    "needs_review",
    "review_reasons",
    "review_status",
    "pipeline_version",
]
CSV_COLUMNS = [
    *HEAD_COLUMNS,
    *(col for name in FIELDS for col in (name, f"{name}_evidence", f"{name}_needs_review")),
    *TAIL_COLUMNS,
]
CSV_ENCODING = "utf-8-sig"


def record_row(record: ResultRecord, review_status: str = UNREVIEWED) -> dict[str, Any]:
    """The typed CSV row of one record (what ``read_csv_export`` gives back for it)."""
    findings = record.findings or Findings()
    rec = record.recommendation
    row: dict[str, Any] = {
        "report_id": record.report_id,
        "status": record.status,
        "error_code": record.error.code if record.error else None,
        "error_message": record.error.message if record.error else None,
        "text_sha256": record.text_sha256,
    }
    reasons: list[str] = list(rec.review_reasons) if rec else []
    for name in FIELDS:
        finding = getattr(findings, name)
        row[name] = finding.value
        row[f"{name}_evidence"] = [span.model_dump() for span in finding.evidence]
        row[f"{name}_needs_review"] = finding.needs_review
        reasons.extend(f"{name}: {reason}" for reason in finding.review_reasons)
    row.update(
        recommendation_code=rec.code if rec else None,
        recommendation_rule_id=rec.rule_id if rec else None,
        needs_review=record_needs_review(record),
        review_reasons=reasons,
        review_status=review_status,
        pipeline_version=record.pipeline_version,
    )
    return row


def write_csv(records: Iterable[ResultRecord], path: Path,
              review_status: Callable[[str], str] = lambda _rid: UNREVIEWED) -> int:
    """Write one row per record to ``path``; returns the number of rows."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    n = 0
    with path.open("w", encoding=CSV_ENCODING, newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=CSV_COLUMNS)
        writer.writeheader()
        for record in records:
            typed = record_row(record, review_status(record.report_id))
            writer.writerow({col: _cell(col, typed[col]) for col in CSV_COLUMNS})
            n += 1
    return n


def export_csv(out_dir: Path, out_file: Path) -> int:
    """Export the ``results.jsonl`` of a run folder to one CSV file; returns the row count."""
    return write_csv(iter_results(out_dir), out_file, review_status_reader(out_dir))


def read_csv_export(path: Path) -> list[dict[str, Any]]:
    """Read a CSV written by ``write_csv`` back into typed rows (values, spans, flags)."""
    csv.field_size_limit(1 << 30)
    with Path(path).open("r", encoding=CSV_ENCODING, newline="") as fh:
        reader = csv.DictReader(fh)
        if reader.fieldnames != CSV_COLUMNS:
            raise ValueError(f"{path}: columns differ from the pathspan CSV contract")
        return [{col: _parse(col, raw[col]) for col in CSV_COLUMNS} for raw in reader]


# --- cells ------------------------------------------------------------------------------


def _cell(column: str, value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":")) if value else ""
    if isinstance(value, float):
        # "12" not "12.0" for registry users; repr keeps every other float exact.
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value)


def _parse(column: str, cell: str) -> Any:
    if column.endswith("_evidence") or column == "review_reasons":
        return json.loads(cell) if cell else []
    if column.endswith("_needs_review") or column == "needs_review":
        return cell == "true"
    if column == "review_status":
        return cell or UNREVIEWED
    if cell == "":
        return None
    if column in COUNT_FIELDS:
        return int(cell)
    if column in NUMERIC_FIELDS:
        return float(cell)
    return cell
