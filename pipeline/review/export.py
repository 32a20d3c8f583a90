"""What leaves the review store: reviewed corrections as gold annotations, the queue as Label
Studio tasks, and the signed records as the registry CSV.

* ``gold``: per corrected case ``<id>.txt`` (the report text, bytes as ingested) and ``<id>.json``
  in the format of ``docs/gold.md`` (all fields with value and evidence, one line per field),
  with the recommendation recomputed from the corrected findings as ``expected_recommendation``.
* ``labelstudio``: a JSON list of tasks (``labelstudio.to_task``), and the labeling config
  next to it (``<out>.xml``).
* ``csv``: accepted and corrected records in the column contract of ``pipeline.exports``.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from ..evaluate import dump_gold
from ..exports.csv_export import write_csv
from ..models import Findings
from .labelstudio import export_tasks, labeling_config
from .store import CaseView, ReviewStore

FORMATS = ("gold", "labelstudio", "csv")
REVIEWED = ("accepted", "corrected")


def gold_annotation(case: CaseView, gold_id: str) -> dict[str, Any]:
    """The gold-format annotation of a reviewed case (``docs/gold.md``)."""
    findings = case.record.findings or Findings()
    signed = [r for r in case.revisions if r.reviewer]
    who = ", ".join(dict.fromkeys(r.reviewer for r in signed if r.reviewer))
    changes = "; ".join(f"{ch['field']}: {ch['old']} -> {ch['new']}"
                        for r in signed for ch in r.changes if ch["field"] != "recommendation")
    when = signed[-1].created_at.strftime("%Y-%m-%d") if signed else ""
    notes = f"From pathspan review of report {case.summary.report_id}, signed by {who} on {when}"
    notes += f". Corrected: {changes}." if changes else "; accepted as extracted."
    rec = case.record.recommendation
    data: dict[str, Any] = {"id": gold_id, "notes": notes}
    if rec is not None:
        data["expected_recommendation"] = rec.code
    data["fields"] = {name: {"value": getattr(findings, name).value,
                             "evidence": [sp.model_dump() for sp in getattr(findings, name).evidence]}
                      for name in findings.field_names()}
    return data


def _file_stem(report_id: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "_", report_id).strip("._") or "report"


def export_gold(store: ReviewStore, out_dir: Path, include_accepted: bool = False) -> int:
    """Write the corrected cases (and accepted ones, if asked) as gold files; returns the count."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    used: set[str] = set()
    n = 0
    for case in store.iter_cases(REVIEWED if include_accepted else ("corrected",)):
        if case.text is None or case.record.findings is None:
            continue  # a gold case needs its text and findings
        stem = _file_stem(case.summary.report_id)
        if stem in used:  # the same report id with another text
            stem = f"{stem}_case{case.id}"
        used.add(stem)
        # Bytes as ingested: surrogate escapes of undecodable bytes go back to those bytes.
        (out_dir / f"{stem}.txt").write_bytes(case.text.encode("utf-8", "surrogateescape"))
        (out_dir / f"{stem}.json").write_text(dump_gold(gold_annotation(case, stem)), encoding="utf-8")
        n += 1
    return n


def export_labelstudio(store: ReviewStore, out_file: Path) -> int:
    """Write the queue as a Label Studio task list (and ``<out>.xml``, the labeling config)."""
    out_file = Path(out_file)
    out_file.parent.mkdir(parents=True, exist_ok=True)
    tasks = list(export_tasks(store))
    out_file.write_text(json.dumps(tasks, ensure_ascii=False, indent=1), encoding="utf-8")
    out_file.with_suffix(".xml").write_text(labeling_config(), encoding="utf-8")
    return len(tasks)


def export_reviewed_csv(store: ReviewStore, out_file: Path) -> int:
    """Write the accepted and corrected records (current values) as the registry CSV."""
    statuses = store.statuses()
    records = (case.record for case in store.iter_cases(REVIEWED))
    return write_csv(records, out_file, review_status=lambda rid: statuses.get(rid, "unreviewed"))


def export(store: ReviewStore, fmt: str, out: Path, include_accepted: bool = False) -> int:
    """Dispatch on ``fmt`` (gold, labelstudio or csv); returns the number of items written."""
    if fmt == "gold":
        return export_gold(store, out, include_accepted)
    if fmt == "labelstudio":
        return export_labelstudio(store, out)
    if fmt == "csv":
        return export_reviewed_csv(store, out)
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
