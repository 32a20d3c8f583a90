"""Label Studio in and out: the queue as tasks with pathspan's findings as predictions, and a
Label Studio export read back into the store as signed corrections.

Labeling interface (:func:`labeling_config`): a ``Labels`` tag ``label`` with one label per
data-dictionary field over the ``Text`` tag ``text``, and a per-region ``TextArea`` ``value``
holding the field's value. Each evidence span of a finding is one region: a ``labels`` result
(``value.start/end/text/labels``) and a ``textarea`` result with the same region id
(``value.text`` = ``[value]``). Label Studio counts offsets in UTF-16 code units, pathspan in
code points; the conversion happens here, both ways.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any
from xml.sax.saxutils import quoteattr

from ..models import Findings, sha256_text
from .corrections import Correction, CorrectionError, SpanRef
from .store import CaseView, ConflictError, ReviewStore

LABELS_NAME = "label"
VALUE_NAME = "value"
TEXT_NAME = "text"


def labeling_config() -> str:
    """The Label Studio labeling config (XML) the tasks are made for."""
    labels = "\n".join(f"    <Label value={quoteattr(name)}/>" for name in Findings.field_names())
    return (
        "<View>\n"
        f'  <Labels name="{LABELS_NAME}" toName="{TEXT_NAME}">\n{labels}\n  </Labels>\n'
        f'  <Text name="{TEXT_NAME}" value="$text"/>\n'
        f'  <TextArea name="{VALUE_NAME}" toName="{TEXT_NAME}" perRegion="true" editable="true"'
        ' maxSubmissions="1" placeholder="value (data-dictionary code or number)"/>\n'
        "</View>\n"
    )


def _utf16(text: str, index: int) -> int:
    return len(text[:index].encode("utf-16-le")) // 2


def _codepoint(text: str, utf16_index: int) -> int:
    """The code-point offset of a UTF-16 offset into ``text``."""
    units = 0
    for i, ch in enumerate(text):
        if units >= utf16_index:
            return i
        units += 2 if ord(ch) > 0xFFFF else 1
    return len(text)


def _value_text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def to_task(case: CaseView) -> dict[str, Any]:
    """One case as a Label Studio task with the current findings as its prediction."""
    text = case.text or ""
    record = case.record
    result: list[dict[str, Any]] = []
    if record.findings is not None:
        for name in record.findings.field_names():
            finding = getattr(record.findings, name)
            if finding.value is None:
                continue
            for i, sp in enumerate(finding.evidence):
                region = f"{name}-{i}"
                start, end = _utf16(text, sp.start), _utf16(text, sp.end)
                result.append({"id": region, "from_name": LABELS_NAME, "to_name": TEXT_NAME,
                               "type": "labels", "origin": "prediction",
                               "value": {"start": start, "end": end, "text": sp.text, "labels": [name]}})
                result.append({"id": region, "from_name": VALUE_NAME, "to_name": TEXT_NAME,
                               "type": "textarea", "origin": "prediction",
                               "value": {"start": start, "end": end, "text": [_value_text(finding.value)]}})
    return {
        "data": {"text": text, "report_id": case.summary.report_id, "case_id": case.id,
                 "version": case.version, "text_sha256": sha256_text(text) if case.text else None},
        "predictions": [{"model_version": f"pathspan-{record.pipeline_version}",
                         "result": result}],
    }


def export_tasks(store: ReviewStore) -> Iterator[dict[str, Any]]:
    """The whole queue (every case that has its text) as tasks, in queue order."""
    for case in store.iter_cases():
        if case.text is not None:
            yield to_task(case)


# --- import ------------------------------------------------------------------------------


@dataclass
class ImportSummary:
    """What an import did, per task outcome."""

    corrected: int = 0
    accepted: int = 0
    unchanged: int = 0
    conflicts: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def line(self) -> str:
        return (f"{self.corrected} corrected, {self.accepted} accepted, {self.unchanged} unchanged, "
                f"{len(self.conflicts)} conflicts, {len(self.errors)} errors")


def _latest_annotation(task: dict[str, Any]) -> dict[str, Any] | None:
    done = [a for a in task.get("annotations") or [] if not a.get("was_cancelled")]
    if not done:
        return None
    return max(done, key=lambda a: (a.get("updated_at") or a.get("created_at") or "", a.get("id") or 0))


def _annotator(annotation: dict[str, Any]) -> str | None:
    who = annotation.get("completed_by")
    if isinstance(who, dict):
        who = who.get("email") or who.get("username") or who.get("id")
    return f"labelstudio:{who}" if who not in (None, "") else None


def annotated_fields(text: str, result: Iterable[dict[str, Any]]) -> dict[str, tuple[str | None, list[SpanRef]]]:
    """``field -> (value text, spans)`` from an annotation's result list (code-point offsets)."""
    regions: dict[str, dict[str, Any]] = {}
    for item in result:
        rid = item.get("id")
        region = regions.setdefault(rid, {})
        value = item.get("value") or {}
        if item.get("type") == "labels" and item.get("from_name") == LABELS_NAME:
            region["labels"] = value.get("labels") or []
            region["span"] = (value["start"], value["end"])
        elif item.get("type") == "textarea" and item.get("from_name") == VALUE_NAME:
            region["value"] = next((v for v in value.get("text") or [] if str(v).strip()), None)
    out: dict[str, tuple[str | None, list[SpanRef]]] = {}
    for rid, region in regions.items():
        if "span" not in region:
            continue
        for name in region["labels"]:
            value, spans = out.get(name, (None, []))
            start, end = region["span"]
            spans.append(SpanRef(start=_codepoint(text, start), end=_codepoint(text, end)))
            out[name] = (value if value is not None else region.get("value"), spans)
    return out


def import_annotations(store: ReviewStore, tasks: Iterable[dict[str, Any]],
                       reviewer: str | None = None) -> ImportSummary:
    """Store the latest annotation of each task as a signed review (correction or accept).

    A field the annotation does not label is "not stated". The save is based on the case
    version the task was exported at, so a change made on the page since is never overwritten.
    """
    summary = ImportSummary()
    for task in tasks:
        data = task.get("data") or {}
        label = str(data.get("report_id") or data.get("case_id") or "?")
        annotation = _latest_annotation(task)
        if annotation is None:
            continue
        case_id = _case_of(store, data)
        if case_id is None:
            summary.errors.append(f"{label}: no such case in the store")
            continue
        case = store.get_case(case_id)
        if case.text is None or (data.get("text") not in (None, case.text)):
            summary.errors.append(f"{label}: the task text is not the stored report text")
            continue
        try:
            corrections = _corrections(case, annotated_fields(case.text, annotation.get("result") or []))
            if not corrections and case.summary.status != "pending":
                summary.unchanged += 1
                continue
            signer = reviewer or _annotator(annotation) or "labelstudio"
            rev = store.save(case_id, reviewer=signer, base_version=int(data.get("version") or case.version),
                             corrections=corrections, comment="imported from Label Studio")
        except ConflictError as err:
            summary.conflicts.append(f"{label}: {err}")
            continue
        except (CorrectionError, ValueError) as err:
            summary.errors.append(f"{label}: {err}")
            continue
        if rev.action == "correct":
            summary.corrected += 1
        else:
            summary.accepted += 1
    return summary


def _case_of(store: ReviewStore, data: dict[str, Any]) -> int | None:
    if data.get("report_id"):
        found = store.find_case(str(data["report_id"]), data.get("text_sha256"))
        if found is not None:
            return found
    if data.get("case_id") is not None:
        try:
            return store.get_case(int(data["case_id"])).id
        except (KeyError, ValueError):
            return None
    return None


def _corrections(case: CaseView, annotated: dict[str, tuple[str | None, list[SpanRef]]]) -> list[Correction]:
    """The corrections that turn the case's current findings into the annotated ones."""
    findings = case.record.findings
    if findings is None:
        raise CorrectionError("the record failed processing; nothing to correct")
    unknown = sorted(set(annotated) - set(findings.field_names()))
    if unknown:
        raise CorrectionError(f"unknown label(s) {', '.join(unknown)}")
    out = []
    for name in findings.field_names():
        current = getattr(findings, name)
        value, spans = annotated.get(name, (None, []))
        if name in annotated and value is None:
            value = current.value  # a region without a typed value keeps the value it had
            if value is None:
                raise CorrectionError(f"{name}: a labelled span needs a value in the '{VALUE_NAME}' box")
        corr = Correction(field=name, value=value, evidence=spans)
        if _same(current.value, value) and [(s.start, s.end) for s in current.evidence] == \
                [(s.start, s.end) for s in spans]:
            continue
        out.append(corr)
    return out


def _same(old: Any, new: Any) -> bool:
    if old is None or new is None:
        return old is new
    if isinstance(old, (int, float)):
        try:
            return float(new) == float(old)
        except (TypeError, ValueError):
            return False
    return str(old) == str(new)
