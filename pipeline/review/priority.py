"""Why a record is in the review queue, and how urgent that is.

A record's review reasons come from three places: failed consistency checks, flagged findings
(rules/LLM disagreement, LLM-only values, low confidence) and the recommendation's own review
flag (guideline boundary, MDT, guidelines differ). Each is classed from the record's structure,
never from the wording of a reason, so the order stays stable when messages are reworded.

Severity order (1 = most urgent; documented in ``docs/review.md``):

1. ``inconsistent``   a consistency check failed: the report contradicts itself (stated pT vs
                      size and depth, stated grade vs Ki-67), so some value is wrong.
2. ``disagreement``   rules and LLM gave different values for a finding; the rule value stands
                      but may be the wrong one.
3. ``llm_only``       a value only the LLM found (grounded, yet unconfirmed by the rules).
4. ``finding_flag``   any other finding flagged for review (low confidence, ambiguous wording).
5. ``decision_flag``  the findings look sound but the recommendation needs a clinician
                      (guideline boundary, conflicting guidance, MDT, patient factors).
6. ``failed``         the report could not be processed; nothing to correct, the input needs a look.

Within a class, a record whose recommendation is more intensive (``decide.INTENSITY``: radical
surgery before surveillance) comes first, because a wrong value there costs the patient most.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..models import ResultRecord

SEVERITY: dict[str, int] = {
    "inconsistent": 1,
    "disagreement": 2,
    "llm_only": 3,
    "finding_flag": 4,
    "decision_flag": 5,
    "failed": 6,
}
# Records nobody flagged sort after every flagged one.
NOT_FLAGGED = 99


@dataclass(frozen=True)
class Priority:
    """Where a record sits in the queue: flagged or not, its worst reason class, its reasons."""

    needs_review: bool
    severity: int
    category: str | None
    reasons: tuple[str, ...]
    intensity: int


def _intensity(code: str | None) -> int:
    from ..decide import INTENSITY  # the decision owns its own scale

    return INTENSITY.get(code or "", -1)


def classify(record: ResultRecord) -> Priority:
    """The queue priority of one record (pure; same record, same priority)."""
    found: list[tuple[str, str]] = []  # (category, reason text)
    if record.status == "failed":
        msg = f"{record.error.code}: {record.error.message}" if record.error else "failed"
        found.append(("failed", msg))
    for check in record.checks:
        if check.status == "fail":
            found.append(("inconsistent", f"{check.code}: {check.message}"))
    if record.findings is not None:
        for name in record.findings.field_names():
            finding = getattr(record.findings, name)
            if finding.alternatives:
                found.append(("disagreement", f"{name}: rules and LLM disagree"))
            if not finding.needs_review:
                continue
            category = "llm_only" if finding.source == "llm" else "finding_flag"
            texts = finding.review_reasons or ["flagged"]
            found.extend((category, f"{name}: {text}") for text in texts)
    rec = record.recommendation
    if rec is not None and rec.needs_review:
        found.extend(("decision_flag", text) for text in rec.review_reasons or ["flagged"])
    if not found:
        return Priority(False, NOT_FLAGGED, None, (), _intensity(rec.code if rec else None))
    category = min((c for c, _ in found), key=SEVERITY.__getitem__)
    reasons = tuple(dict.fromkeys(text for _, text in sorted(found, key=lambda f: SEVERITY[f[0]])))
    return Priority(True, SEVERITY[category], category, reasons, _intensity(rec.code if rec else None))
