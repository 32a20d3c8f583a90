"""Optional patient context next to a report: age, performance status, comorbidities, preference.

Read from a small JSON or CSV file, never guessed from report text. It adds MDT review reasons
to a recommendation and never changes its code (see ``pipeline.decide``).

A file ``REPORT.context.json`` (or ``.context.csv``) next to ``REPORT.txt`` is its sidecar:
``pathspan explain`` uses it when no ``--context`` is given (``sidecar_path``).

Accepted shapes:
- JSON object with the fields of ``PatientContext``: applies to a single report (keyed by its
  ``report_id`` when given, else by ``ANY_REPORT``);
- JSON list of such objects, each with a ``report_id``;
- JSON object mapping report_id -> such an object;
- CSV with a ``report_id`` column and any of ``age``, ``performance_status``, ``comorbidities``
  (separated by ``;``) and ``preference``.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any, Mapping

from pydantic import ValidationError

from .models import PatientContext

ANY_REPORT = "*"
_FIELDS = set(PatientContext.model_fields)


class ContextError(ValueError):
    """A context file that cannot be read as patient context; the message says what to fix."""


def load_contexts(path: Path | str) -> dict[str, PatientContext]:
    """Patient contexts keyed by report_id (``ANY_REPORT`` for a single unkeyed object)."""
    path = Path(path)
    try:
        raw = path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise ContextError(f"{path}: cannot read context file ({exc.strerror or exc})") from exc
    if path.suffix.lower() == ".csv":
        rows = list(csv.DictReader(raw.splitlines()))
        return _keyed([_from_csv_row(row) for row in rows], path)
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise ContextError(f"{path}: not valid JSON ({exc.msg} at line {exc.lineno})") from exc
    if isinstance(data, list):
        return _keyed(data, path)
    if isinstance(data, dict) and data and not (set(data) & _FIELDS) and all(isinstance(v, dict) for v in data.values()):
        return _keyed([{**value, "report_id": value.get("report_id", key)} for key, value in data.items()], path)
    if isinstance(data, dict):
        ctx = _validate(data, path)
        return {ctx.report_id or ANY_REPORT: ctx}
    raise ContextError(f"{path}: expected a JSON object or a list of objects")


def sidecar_path(report_path: Path | str) -> Path | None:
    """``REPORT.context.json`` (or ``.context.csv``) next to a report file, when it exists."""
    report_path = Path(report_path)
    for suffix in (".context.json", ".context.csv"):
        candidate = report_path.with_suffix(suffix)
        if candidate.is_file():
            return candidate
    return None


def context_for(contexts: Mapping[str, PatientContext], report_id: str) -> PatientContext | None:
    """The context of one report: its own entry, else the single unkeyed one, else None."""
    if report_id in contexts:
        return contexts[report_id]
    return contexts.get(ANY_REPORT)


def _from_csv_row(row: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {k: (v.strip() if isinstance(v, str) else v) for k, v in row.items() if k}
    out = {k: v for k, v in out.items() if v not in ("", None)}
    if "comorbidities" in out:
        out["comorbidities"] = [c.strip() for c in str(out["comorbidities"]).split(";") if c.strip()]
    return out


def _keyed(items: list[Any], path: Path) -> dict[str, PatientContext]:
    out: dict[str, PatientContext] = {}
    for n, item in enumerate(items, start=1):
        if not isinstance(item, dict):
            raise ContextError(f"{path}: entry {n} is not an object")
        ctx = _validate(item, path, n)
        if not ctx.report_id:
            raise ContextError(f"{path}: entry {n} has no report_id")
        out[ctx.report_id] = ctx
    return out


def _validate(item: dict[str, Any], path: Path, n: int | None = None) -> PatientContext:
    unknown = set(item) - _FIELDS
    where = f"{path}" + (f" entry {n}" if n else "")
    if unknown:
        raise ContextError(f"{where}: unknown field(s) {', '.join(sorted(unknown))}; "
                           f"allowed: {', '.join(sorted(_FIELDS))}")
    try:
        return PatientContext.model_validate(item)
    except ValidationError as exc:
        first = exc.errors()[0]
        loc = ".".join(str(p) for p in first["loc"])
        raise ContextError(f"{where}: {loc}: {first['msg']}") from exc
