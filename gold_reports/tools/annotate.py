"""Turn quote-first gold annotations into exact character spans, and verify them.

Annotations are written by hand as quotes, then this script computes the offsets, so a span is
never typed as numbers. In ``<id>.json`` a field may be written in shorthand::

    "lvi": ["absent", "Lymphovascular invasion: not identified"]
    "ki67_percent": [4, ["Ki-67", 2], "4 %"]          # ["quote", n] = n-th occurrence (1-based)

i.e. ``[value, quote, quote, ...]``. The script rewrites the file in the full form
(``{"value": ..., "evidence": [{"start", "end", "text"}]}``), adds every missing field of
``pipeline.models.Findings`` as null, and checks every span against the decoded text of the
sibling ``<id>.txt`` (decoded exactly as ``pipeline.ingest`` does). A quote that occurs more than
once without an occurrence index is an error: quotes must be unambiguous.

Usage (``--relocate`` after editing a report's text)::

    .venv/bin/python gold_reports/tools/annotate.py [--relocate] gold_reports/train gold_reports/test
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from pipeline.evaluate import dump_gold  # noqa: E402  (path set above)
from pipeline.ingest import read_file  # noqa: E402
from pipeline.models import Findings  # noqa: E402



class AnnotationError(ValueError):
    """A quote that is missing from, or ambiguous in, the report text."""


def locate(text: str, quote: str, occurrence: int | None = None) -> tuple[int, int]:
    """Offsets ``(start, end)`` of ``quote`` in ``text``; the n-th occurrence if given."""
    hits = []
    pos = text.find(quote)
    while pos != -1:
        hits.append(pos)
        pos = text.find(quote, pos + 1)
    if not hits:
        raise AnnotationError(f"quote not found: {quote!r}")
    if occurrence is None:
        if len(hits) > 1:
            raise AnnotationError(f"quote occurs {len(hits)} times, give an occurrence: {quote!r}")
        occurrence = 1
    if not 1 <= occurrence <= len(hits):
        raise AnnotationError(f"quote has {len(hits)} occurrence(s), not {occurrence}: {quote!r}")
    start = hits[occurrence - 1]
    return start, start + len(quote)


def expand_field(text: str, entry: object, relocate: bool = False) -> dict:
    """The full form of one field entry (shorthand list or full dict), spans checked.

    With ``relocate``, a full-form span that no longer holds (the report was edited) is moved
    to the unique occurrence of its text; an ambiguous one is still an error.
    """
    if entry is None:
        return {"value": None, "evidence": []}
    if isinstance(entry, list):
        value, quotes = entry[0], entry[1:]
        evidence = []
        for q in quotes:
            quote, occ = (q[0], q[1]) if isinstance(q, list) else (q, None)
            start, end = locate(text, quote, occ)
            evidence.append({"start": start, "end": end, "text": quote})
        entry = {"value": value, "evidence": evidence}
    if not isinstance(entry, dict):
        raise AnnotationError(f"bad field entry: {entry!r}")
    for span in entry.get("evidence", []):
        if relocate and text[span["start"] : span["end"]] != span["text"]:
            span["start"], span["end"] = locate(text, span["text"])
        if text[span["start"] : span["end"]] != span["text"]:
            raise AnnotationError(f"span does not hold: {span!r}")
    if entry.get("value") is not None and not entry.get("evidence"):
        raise AnnotationError(f"value {entry['value']!r} has no evidence")
    if entry.get("value") is None and entry.get("evidence"):
        raise AnnotationError("null value with evidence")
    return {"value": entry.get("value"), "evidence": entry.get("evidence", [])}


def annotate_file(json_path: Path, relocate: bool = False) -> None:
    """Rewrite one annotation file in full form; raises ``AnnotationError`` on a bad quote."""
    item = read_file(json_path.with_suffix(".txt"))
    if item.report is None:
        raise AnnotationError(f"{json_path}: report text unreadable: {item.error}")
    text = item.report.text
    data = json.loads(json_path.read_text(encoding="utf-8"))
    fields = data.get("fields", {})
    unknown = set(fields) - set(Findings.field_names())
    if unknown:
        raise AnnotationError(f"unknown field(s): {sorted(unknown)}")
    full = {}
    for name in Findings.field_names():
        try:
            full[name] = expand_field(text, fields.get(name), relocate)
        except AnnotationError as err:
            raise AnnotationError(f"{json_path.name}: {name}: {err}") from None
    Findings.model_validate(full)  # vocabularies
    data["id"] = json_path.stem
    data["fields"] = full
    json_path.write_text(dump_gold(data), encoding="utf-8")


def main(argv: list[str]) -> int:
    relocate = "--relocate" in argv
    argv = [a for a in argv if a != "--relocate"]
    paths: list[Path] = []
    for arg in argv or [str(ROOT / "gold_reports")]:
        p = Path(arg)
        paths.extend(sorted(p.rglob("*.json")) if p.is_dir() else [p])
    failures = 0
    for path in paths:
        if path.parent.name == "tools":
            continue
        try:
            annotate_file(path, relocate)
        except Exception as err:  # report every bad file, not just the first
            failures += 1
            print(f"FAIL {path}: {err}", file=sys.stderr)
    print(f"{len(paths) - failures} ok, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
