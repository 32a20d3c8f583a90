"""A reviewer's corrections applied to a record, and the decision recomputed from them.

This is the one place where a corrected value becomes a record: the preview endpoint, the save,
and the Label Studio import all call :func:`apply_corrections`, so what a reviewer previews is
exactly what is stored. The recommendation is recomputed by ``pipeline.decide.decide`` (pure and
deterministic) from the corrected findings; nothing of the old decision is carried over.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Optional

from pydantic import BaseModel, Field, ValidationError

from ..models import Check, Findings, PatientContext, Recommendation, ResultRecord, Span

DecideFn = Callable[[Findings, Optional[PatientContext]], tuple[list[Check], Recommendation]]


class CorrectionError(ValueError):
    """A correction that cannot be applied (unknown field, bad value, span outside the text)."""


class SpanRef(BaseModel):
    """Offsets chosen by the reviewer; the span text is taken from the stored report text."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Correction(BaseModel):
    """One field set to a new value; ``evidence`` None keeps the field's current spans."""

    field: str
    value: Any = None
    evidence: Optional[list[SpanRef]] = None


def default_decide() -> DecideFn:
    """The project's decision function (imported late: the review page loads without it)."""
    from ..decide import decide

    return decide


def apply_corrections(record: ResultRecord, text: str | None, corrections: Sequence[Correction],
                      decide: DecideFn | None = None) -> tuple[ResultRecord, list[dict[str, Any]]]:
    """The record with ``corrections`` applied and its decision recomputed, and the change list.

    Each change is ``{"field", "old", "new", "old_evidence", "new_evidence"}``; a recomputed
    recommendation that differs adds ``{"field": "recommendation", "old": code, "new": code}``.
    A corrected finding is no longer flagged: the reviewer has settled it.
    """
    if record.status != "ok" or record.findings is None:
        if not corrections:  # a failed record can still be acknowledged (accepted) as it is
            return record, []
        raise CorrectionError(f"record {record.report_id!r} failed processing; it has no findings to correct")
    data = record.findings.model_dump(mode="json")
    changes: list[dict[str, Any]] = []
    for corr in corrections:
        if corr.field not in data:
            raise CorrectionError(f"unknown field {corr.field!r}")
        old = data[corr.field]
        value = None if corr.value in ("", None) else corr.value
        if corr.evidence is not None:
            evidence = [_span(text, ref) for ref in corr.evidence]
        elif value is None:
            evidence = []
        else:
            evidence = old["evidence"]
        if value is not None and not evidence:
            raise CorrectionError(f"{corr.field}: select the text that proves {value!r} (a value needs a span)")
        data[corr.field] = {**old, "value": value, "evidence": evidence,
                            "needs_review": False, "review_reasons": []}
        try:  # validate the one field now so the error names it; "4" becomes 4.0
            new_value = getattr(Findings.model_validate({corr.field: data[corr.field]}), corr.field).value
        except ValidationError as err:
            raise CorrectionError(f"{corr.field}: {value!r} is not a valid value "
                                  f"({err.errors()[0]['msg']})") from None
        data[corr.field]["value"] = new_value
        if old["value"] != new_value or old["evidence"] != evidence:
            changes.append({"field": corr.field, "old": old["value"], "new": new_value,
                            "old_evidence": old["evidence"], "new_evidence": evidence})
    findings = Findings.model_validate(data)
    checks, recommendation = (decide or default_decide())(findings, record.context)
    new = record.model_copy(update={"findings": findings, "checks": checks,
                                    "recommendation": recommendation})
    old_code = record.recommendation.code if record.recommendation else None
    if changes and old_code != recommendation.code:
        changes.append({"field": "recommendation", "old": old_code, "new": recommendation.code,
                        "old_evidence": [], "new_evidence": []})
    return new, changes


def _span(text: str | None, ref: SpanRef) -> dict[str, Any]:
    if text is None:
        raise CorrectionError("the report text was not stored; spans cannot be selected")
    if not ref.start < ref.end <= len(text):
        raise CorrectionError(f"span {ref.start}-{ref.end} is outside the report text (length {len(text)})")
    return Span.of(text, ref.start, ref.end).model_dump()
