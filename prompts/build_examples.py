"""Freeze the few-shot examples of a prompt version from the gold TRAIN split.

Reads ``example_ids`` of a version in ``prompts/manifest.json``, takes each report and its gold
annotation from ``gold_reports/train/`` (never ``test/``), and writes the version's examples file:
``[{"id", "report", "answer": {"findings": [{"field", "value", "quote"}]}}]`` with the first
evidence span of every non-null field as the quote. Freezing keeps a prompt version fixed even
when the gold set is corrected later.

Usage::

    .venv/bin/python prompts/build_examples.py extract_v1
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.ingest import read_file  # noqa: E402  (path set above)

PROMPTS = ROOT / "prompts"
TRAIN = ROOT / "gold_reports" / "train"


def example(report_id: str) -> dict:
    """One few-shot example from the train split: report text and the answer the model should give."""
    txt = (TRAIN / f"{report_id}.txt").resolve()
    if txt.parent != TRAIN.resolve():
        raise SystemExit(f"{report_id}: few-shot examples come only from {TRAIN}")
    text = read_file(txt).report.text
    gold = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
    findings = []
    for name, entry in gold["fields"].items():
        if entry["value"] is None:
            continue
        span = entry["evidence"][0]
        assert text[span["start"]:span["end"]] == span["text"], (report_id, name)
        findings.append({"field": name, "value": entry["value"], "quote": span["text"]})
    return {"id": report_id, "report": text, "answer": {"findings": findings}}


def main(version: str) -> None:
    manifest = json.loads((PROMPTS / "manifest.json").read_text(encoding="utf-8"))
    entry = manifest["prompts"][version]
    examples = [example(rid) for rid in entry["example_ids"]]
    out = PROMPTS / entry["examples"]
    out.write_text(json.dumps(examples, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {len(examples)} example(s) to {out}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "extract_v1")
