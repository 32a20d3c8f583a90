"""The deterministic decision: findings (and optional patient context) in, checks and a
recommendation out.

It never reads report text or LLM output and imports nothing from the NLP or LLM stages: only
``pipeline.models`` and the decision's own modules (``derive``, ``rules``). The same findings
always give the same record.

Evaluation: the facts choose one rule pack (``rules.select_pack``); its rules are evaluated in
their stated order, every rule whose condition holds is listed in ``matched_rules`` and the first
decides. When none holds, the pack's ``on_missing`` fallback decides if some rule could not be
evaluated for missing/indeterminate findings (``insufficient_data``), else ``on_unmatched``
(``mdt_review``).
"""

from __future__ import annotations

from typing import Optional

from .derive import MARGIN_WORDS, Facts, consistency_checks, derive_facts, describe_tumour
from .models import Alternative, Check, Findings, PatientContext, Reason, Recommendation
from .rules import NOT_COVERED, Item, Pack, Rule, Verdict, labels, select_pack
from .rules.clauses import EXCISION, G2_ABOVE_LOW, LOW_GRADE

# Intensity of the oncological recommendation, for the monotonic-safety property: adding a risk
# feature never moves a case down this scale. mdt_review sits between repeat local excision and
# radical surgery because the rows send a case there when escalation beyond local treatment is
# open (e.g. LVI in a tumour < 10 mm); oncology_referral is above radical surgery (high grade /
# spread). insufficient_data and staging_workup are deferrals, not intensities, and are unranked;
# not_applicable is outside the packs. See docs/decision.md.
INTENSITY: dict[str, int] = {
    "no_further_treatment": 0,
    "surveillance": 1,
    "repeat_local_excision": 2,
    "mdt_review": 3,
    "radical_surgery": 4,
    "oncology_referral": 5,
}
DEFERRALS = frozenset({"insufficient_data", "staging_workup"})

# Patient factors (clinical-rules.md, "Patient factors"): they never change the code. The age and
# performance-status cut-offs that make a case worth an MDT discussion are project conventions:
# 70 is the age from which geriatric screening is commonly advised in oncology, ECOG >= 2 is
# the usual limit of fitness for major surgery.
OLDER_AGE = 70
POOR_PERFORMANCE_STATUS = 2
SURGICAL_CODES = frozenset({"radical_surgery", "repeat_local_excision", "mdt_review"})
CONTEXT_MDT_REASON = "discuss at MDT; surgical risk vs recurrence risk"


def decide(findings: Findings, context: PatientContext | None = None) -> tuple[list[Check], Recommendation]:
    """Checks and recommendation for one report's findings; pure and deterministic."""
    facts = derive_facts(findings)
    checks = consistency_checks(facts)
    pack, scope = select_pack(facts)
    if pack is None:
        rec = _not_covered(facts, scope)
    else:
        rec = _evaluate(pack, scope, facts, checks)
    extra = _low_confidence_reasons(findings) + _context_reasons(context, rec.code)
    if extra:
        rec.review_reasons = _unique(rec.review_reasons + extra)
        rec.needs_review = True
    return checks, rec


def intensity(code: str) -> Optional[int]:
    """The rank of a recommendation code on the intensity scale; None for deferrals and not_applicable."""
    return INTENSITY.get(code)


# --- evaluation ---------------------------------------------------------------------------------


def _evaluate(pack: Pack, scope: str, facts: Facts, checks: list[Check]) -> Recommendation:
    f = facts.findings
    evaluated: list[tuple[Rule, Verdict]] = [(rule, rule.evaluate(facts)) for rule in pack.rules]
    matched = [(r, v) for r, v in evaluated if v.value is True]
    if matched:
        deciding, verdict = matched[0]
        before = evaluated[: [r for r, _ in evaluated].index(deciding)]
    else:
        unknown = any(v.value is None for _, v in evaluated)
        deciding, verdict = (pack.on_missing if unknown else pack.on_unmatched), Verdict(None)
        before = evaluated

    reasons: list[Reason] = [_reason(f, Item(_scope_words(facts, scope),
                                             ("histology", "site", "procedure")))]
    if matched:
        for item in verdict.met:
            if item.clause != EXCISION.requires:  # the scope reason already names the procedure
                reasons.append(_reason(f, item))
        # Every other risk feature that holds is still listed (clinical-rules.md).
        listed = {item.shown for item in verdict.met}
        for _, v in evaluated:
            for item in v.met:
                if item.risk and item.shown not in listed:
                    listed.add(item.shown)
                    reasons.append(_reason(f, item, prefix="also present: "))
    elif deciding is pack.on_missing:
        for _, v in evaluated:
            for item in v.unknown:
                reasons.append(_reason(f, item, prefix="missing or indeterminate: "))
    else:
        for _, v in evaluated:
            for item in v.met:
                if item.clause != EXCISION.requires:
                    reasons.append(_reason(f, item))
    reasons.extend(_notes(facts))
    reasons = _unique_reasons(reasons)

    review: list[str] = []
    if deciding.review:
        review.append(deciding.review)
    if matched:
        # A rule earlier in the order that a missing finding kept from deciding could have given
        # a higher-risk answer: name it.
        for rule, v in before:
            if v.value is None and v.unknown:
                review.append(f"{rule.id} ({rule.outcome}) could not be evaluated: "
                              + "; ".join(_unique([i.text for i in v.unknown])))
    elif deciding is pack.on_missing:
        review.append("missing or indeterminate: "
                      + "; ".join(_unique([i.text for _, v in evaluated for i in v.unknown])))
    review.extend(_review_notes(facts, pack, verdict))
    review.extend(f"consistency check failed ({c.code}): {c.message}" for c in checks if c.status == "fail")

    return Recommendation(
        code=deciding.outcome,
        summary=deciding.summary,
        rule_id=deciding.id,
        rule_version=f"{pack.id} {pack.version} / {deciding.id} {deciding.version}",
        guideline=labels(deciding.sources),
        reasons=reasons,
        alternatives=_alternatives(deciding, evaluated),
        follow_up=list(deciding.follow_up),
        needs_review=bool(review),
        review_reasons=_unique(review),
        matched_rules=[r.id for r, _ in matched] or [deciding.id],
    )


def _alternatives(deciding: Rule, evaluated: list[tuple[Rule, Verdict]]) -> list[Alternative]:
    """Each other code the pack could give, with why its first rule was not the one chosen."""
    out: dict[str, list[str]] = {}
    for rule, v in evaluated:
        if rule is deciding or rule.outcome == deciding.outcome:
            continue
        if rule.outcome in DEFERRALS and v.value is not True:
            continue  # a request for data is not a treatment alternative
        if v.value is True:
            why = (f"{rule.summary} ({rule.id}) also fits, but {deciding.id} comes first in the "
                   f"guideline order (higher risk) and decides")
        else:
            bits = [i.text for i in v.unmet] + [f"not confirmed, {i.text}" for i in v.unknown]
            why = f"{rule.summary} ({rule.id}): " + "; ".join(_unique(bits))
        if rule.why_not_note:
            why += f". {rule.why_not_note}"
        out.setdefault(rule.outcome, []).append(why)
    if deciding.accepted_alternative and deciding.accepted_alternative[0] in out:
        code, text = deciding.accepted_alternative
        out[code].insert(0, text)
    return [Alternative(code=code, why_not=" | ".join(whys)) for code, whys in out.items()]


def _not_covered(facts: Facts, scope: str) -> Recommendation:
    f = facts.findings
    reasons = [_reason(f, Item(f"not covered: {scope}", ("histology", "site", "procedure")))]
    review = [] if facts.histology in ("adenoma", "other") else [f"no rule pack applies: {scope}"]
    return Recommendation(
        code=NOT_COVERED.outcome,
        summary=f"{NOT_COVERED.summary} ({scope})",
        rule_id=NOT_COVERED.id,
        rule_version=NOT_COVERED.version,
        reasons=[r for r in reasons],
        needs_review=bool(review),
        review_reasons=review,
        matched_rules=[NOT_COVERED.id],
    )


# --- reasons and review notes ------------------------------------------------------------------


def _reason(findings: Findings, item: Item, prefix: str = "") -> Reason:
    fields = [n for n in item.fields if findings.value(n) is not None]
    return Reason(text=prefix + item.text, evidence=findings.evidence(*fields), fields=fields)


def _scope_words(facts: Facts, scope: str) -> str:
    return describe_tumour(facts) or scope


def _notes(facts: Facts) -> list[Reason]:
    """Facts a reader should see whatever rule decided: close margins, grade basis, PNI."""
    f = facts.findings
    notes = []
    for name in facts.close_margins:
        mm = f.value(f"{name}_mm")
        dist = f" ({mm:g} mm)" if mm is not None else ""
        notes.append(_reason(f, Item(f"{MARGIN_WORDS[name]} close{dist}: R0, but under 1 mm",
                                     (name, f"{name}_mm"))))
    if facts.pni == "present":
        notes.append(_reason(f, Item("perineural invasion present (recorded; no NET guideline found "
                                     "uses it to decide)" if facts.is_nen else
                                     "perineural invasion present (recorded)", ("pni",))))
    return notes


def _review_notes(facts: Facts, pack: Pack, verdict: Verdict) -> list[str]:
    f = facts.findings
    notes: list[str] = []
    nen_pack = any(r.id == "nen.high_grade" for r in pack.rules)
    if nen_pack:
        notes.extend(facts.boundaries)
    notes.extend(f"{MARGIN_WORDS[n]} close (< 1 mm): R0, named for review" for n in facts.close_margins)
    if facts.histology == "neuroendocrine_neoplasm":
        notes.append("neuroendocrine neoplasm not further classified: read as a well-differentiated NET")
    if facts.is_nen and facts.ki67 is None:
        notes.append("Ki-67 missing: the grade is provisional" +
                     (" (mitotic count only)" if facts.mitoses is not None else " (no Ki-67 or mitotic count)"))
    if facts.procedure is None and pack.id in ("rectal_net_local", "colon_net_local", "crc_pt1"):
        notes.append("procedure not stated: read as an endoscopic/local excision")
    used = {i.clause for i in verdict.met}
    if facts.grade == "G2" and (LOW_GRADE.requires in used or G2_ABOVE_LOW.requires in used):
        notes.append(f"'low G2' judged by the project's Ki-67 cut-off ({LOW_GRADE.requires}), "
                     "not a guideline number")
    for name in Findings.field_names():
        if f.value(name) == "indeterminate":
            notes.append(f"{name.replace('_', ' ')} indeterminate")
    if pack.id == "crc_pt1" and facts.budding is None:
        notes.append("tumour budding not reported")
    return notes


def _low_confidence_reasons(findings: Findings) -> list[str]:
    out = []
    for name in Findings.field_names():
        finding = getattr(findings, name)
        if finding.needs_review:
            why = "; ".join(finding.review_reasons) or "flagged by extraction"
            out.append(f"low-confidence finding {name} = {finding.value!r}: {why}")
    return out


def _context_reasons(context: PatientContext | None, code: str) -> list[str]:
    """Patient factors as MDT review reasons; they never change the code."""
    if context is None or code == "not_applicable":
        return []
    factors = []
    if context.age is not None and context.age >= OLDER_AGE:
        factors.append(f"age {context.age}")
    if context.performance_status is not None and context.performance_status >= POOR_PERFORMANCE_STATUS:
        factors.append(f"ECOG performance status {context.performance_status}")
    if context.comorbidities:
        factors.append("comorbidities: " + ", ".join(context.comorbidities))
    if context.preference:
        factors.append(f"stated preference: {context.preference}")
    if not factors:
        return []
    lead = CONTEXT_MDT_REASON if code in SURGICAL_CODES else "patient factors to weigh at MDT"
    return [f"{lead} (patient context: {'; '.join(factors)})"]


def _unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))


def _unique_reasons(reasons: list[Reason]) -> list[Reason]:
    seen: set[str] = set()
    out = []
    for r in reasons:
        key = r.text.removeprefix("also present: ")
        if key in seen:
            continue
        seen.add(key)
        out.append(r)
    return out
