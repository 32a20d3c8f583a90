"""Reconcile the rule-based findings with the grounded LLM findings (the LLM never has the last word).

Per field (../shared/llm-contract.md, point 5):

- rules and LLM agree -> the rule finding, source ``rules+llm``, evidence of both;
- they disagree -> the rule value stands, ``needs_review`` is set and the LLM value with its
  spans goes to ``Finding.alternatives`` for the reviewer;
- only the LLM found a value (grounded) -> accepted with source ``llm`` and flagged for review;
- only the rules found a value, or neither -> unchanged.

``flag_changed_recommendation`` is the last guard: a recommendation that differs from the
rules-only one is always marked for review, whatever the decision module does with flags.
"""

from __future__ import annotations

from typing import Mapping

from .grounding import same_value
from .models import Finding, Findings, Recommendation

LLM_ONLY_REASON = "found only by the LLM; confirm against the quoted text"
DISAGREE_REASON = "rules and LLM disagree: rules read {rule!r}, the LLM read {llm!r} (rule value kept)"


def reconcile(rules: Findings, llm: Mapping[str, Finding]) -> Findings:
    """The findings after reconciling rule findings with grounded LLM findings (by field)."""
    updates: dict[str, Finding] = {}
    for name, found in llm.items():
        if found.value is None:
            continue
        ruled: Finding = getattr(rules, name)
        if ruled.value is None:
            updates[name] = found.model_copy(update={
                "source": "llm",
                "needs_review": True,
                "review_reasons": _add(found.review_reasons, LLM_ONLY_REASON),
            })
        elif same_value(ruled.value, found.value):
            evidence = ruled.evidence + [s for s in found.evidence if s not in ruled.evidence]
            updates[name] = ruled.model_copy(update={"source": "rules+llm", "evidence": evidence})
        else:
            alternative = {
                "source": "llm",
                "value": found.value,
                "evidence": [span.model_dump() for span in found.evidence],
            }
            updates[name] = ruled.model_copy(update={
                "source": ruled.source or "rules",
                "needs_review": True,
                "review_reasons": _add(ruled.review_reasons,
                                       DISAGREE_REASON.format(rule=ruled.value, llm=found.value)),
                "alternatives": ruled.alternatives + [alternative],
            })
    return rules.model_copy(update=updates)


def flag_changed_recommendation(before: Recommendation | None,
                                after: Recommendation) -> Recommendation:
    """``after``, marked for review when its code differs from the rules-only ``before``."""
    if before is None or before.code == after.code:
        return after
    reason = (f"recommendation changed from {before.code} (rules only) to {after.code} "
              "with LLM-read findings; confirm them before acting")
    return after.model_copy(update={
        "needs_review": True,
        "review_reasons": _add(after.review_reasons, reason),
    })


def _add(items: list[str], item: str) -> list[str]:
    return items if item in items else [*items, item]
