"""Rule packs for neuroendocrine neoplasms of the rectum and colon.

Rows follow shared clinical-rules.md ("Rectal NET after endoscopic or local excision", rows 1–8,
"After a radical resection", "Colonic NETs"), which summarises ENETS 2023 (Rinke et al.,
J Neuroendocrinol 2023), ESMO 2020 (Pavel et al., Ann Oncol 2020) and NCCN Neuroendocrine and
Adrenal Tumors. Each rule carries its sources and a version; bump the version when a row changes.
"""

from __future__ import annotations

from .base import Pack, Rule, all_of, any_of
from .clauses import (
    BIOPSY, EXCISION, G1, G2, G2_ABOVE_LOW, HIGH_GRADE, KI67_MISSING, KI67_STATED, LOW_GRADE,
    LVI_ABSENT, LVI_PRESENT, MARGINS_UNKNOWN, N0, NODES_POSITIVE, NODES_POSITIVE_LOCAL, R0,
    R1_OR_RX, SIZE_10_20, SIZE_GT20, SIZE_LE20, SIZE_LT10, SIZE_UNKNOWN, T1, T2_PLUS, T_UNKNOWN,
)

FOLLOW_UP_NONE = ("Rectal NET < 10 mm, R0, G1: no routine follow-up needed (ENETS 2023).",)
FOLLOW_UP_RISK = ("Endoscopy plus pelvic MRI or EUS at about 12 months, then according to risk "
                  "(ENETS 2023, NCCN).",)
FOLLOW_UP_AFTER_RADICAL = (
    "Clinical review every 6–12 months.",
    "Cross-sectional imaging (CT chest/abdomen/pelvis or MRI) according to risk.",
    "Completion colonoscopy within the first year.",
)
FOLLOW_UP_ONCOLOGY = ("Staging and follow-up set by the oncology team / MDT.",)
FOLLOW_UP_PENDING = ("Follow-up depends on the decision once the missing findings are supplied.",)

SSA_NOTE = ("A somatostatin analogue alone (systemic therapy; not one of the recommendation codes) "
            "is for advanced or metastatic well-differentiated disease; it does not remove residual "
            "tumour or involved nodes that surgery can resect.")

# Row 1 of every NET pack (ESMO 2020, ENETS 2023): high grade goes to oncology, whatever the site.
HIGH_GRADE_NEN = Rule(
    id="nen.high_grade", version="1.0", sources=("ESMO_2020", "ENETS_2023", "WHO_2019"),
    condition=HIGH_GRADE, outcome="oncology_referral",
    summary="Refer to oncology / MDT: staging and systemic therapy for a high-grade neuroendocrine neoplasm",
    explanation="Neuroendocrine carcinoma and NET G3 are managed by the multidisciplinary oncology team "
                "(staging, systemic therapy).",
    follow_up=FOLLOW_UP_ONCOLOGY,
    why_not_note=SSA_NOTE,
)

# --- rectal NET after endoscopic or local excision -----------------------------------------

RECTAL_HIGH_RISK = Rule(
    id="rectal_net.high_risk_features", version="1.0", sources=("ESMO_2020", "ENETS_2023", "NCCN_NET"),
    condition=all_of(EXCISION, any_of(T2_PLUS, SIZE_GT20, NODES_POSITIVE_LOCAL)),
    outcome="radical_surgery",
    summary="Completion total mesorectal excision (TME; low anterior or abdominoperineal resection) "
            "with lymphadenectomy",
    explanation="A rectal NET reaching the muscularis propria, larger than 20 mm or with nodal spread "
                "carries a substantial risk of lymph-node metastasis: oncological resection is indicated.",
    follow_up=FOLLOW_UP_AFTER_RADICAL,
)
RECTAL_INTERMEDIATE = Rule(
    id="rectal_net.intermediate_risk", version="1.0", sources=("ENETS_2023", "NCCN_NET"),
    condition=all_of(EXCISION, SIZE_10_20, any_of(LVI_PRESENT, all_of(G2, R1_OR_RX))),
    outcome="radical_surgery",
    summary="Completion TME with lymphadenectomy to be considered; discuss at MDT",
    explanation="A 10–20 mm rectal NET with lymphovascular invasion, or G2 with another risk feature, "
                "has a real lymph-node risk; guidelines say 'consider' radical surgery.",
    follow_up=FOLLOW_UP_AFTER_RADICAL,
    review="guidelines say 'consider' radical surgery for this risk group and some centres survey "
           "instead: discuss at MDT",
    accepted_alternative=("surveillance", "Accepted alternative in some centres: surveillance instead "
                          "of completion TME (guidelines say 'consider' surgery here); weigh at MDT"),
    why_not_note="Completion TME for a 10–20 mm tumour needs lymphovascular invasion, or G2 with an "
                 "involved margin.",
)
RECTAL_LVI_SMALL = Rule(
    id="rectal_net.lvi_small_tumour", version="1.0", sources=("ENETS_2023",),
    condition=all_of(EXCISION, SIZE_LT10, LVI_PRESENT),
    outcome="mdt_review",
    summary="Discuss at MDT: lymphovascular invasion in a rectal NET under 10 mm",
    explanation="Lymph-node risk is real but low and guidance is not uniform.",
    follow_up=FOLLOW_UP_RISK,
    review="guidance is not uniform for lymphovascular invasion in a tumour under 10 mm",
)
RECTAL_MARGIN = Rule(
    id="rectal_net.margin_involved", version="1.0", sources=("ENETS_2023", "ESMO_2020", "NCCN_NET"),
    condition=all_of(EXCISION, R1_OR_RX, SIZE_LE20, T1, LOW_GRADE, LVI_ABSENT),
    outcome="repeat_local_excision",
    summary="Repeat local excision of the scar (ESD, EFTR or TAMIS/TEM)",
    explanation="An involved or unassessable margin in an otherwise low-risk tumour leaves a risk of "
                "residual disease at the scar, not of nodal spread.",
    follow_up=FOLLOW_UP_RISK,
    review="guidance differs: for G1 ≤ 10 mm NCCN accepts endoscopic surveillance at 6–12 months "
           "instead, and older ENETS guidance advised lifelong yearly follow-up",
    accepted_alternative=("surveillance", "Accepted alternative: for G1 ≤ 10 mm NCCN accepts endoscopic "
                          "surveillance at 6–12 months instead of re-excision (older ENETS guidance: "
                          "lifelong yearly follow-up); the table's row for an involved margin is re-excision"),
    why_not_note="Re-excision of the scar treats an involved margin; it does not treat lymph-node risk.",
)
RECTAL_SURVEILLANCE = Rule(
    id="rectal_net.r0_surveillance", version="1.0", sources=("ENETS_2023", "NCCN_NET"),
    condition=all_of(EXCISION, R0, T1, LVI_ABSENT, any_of(SIZE_10_20, all_of(SIZE_LT10, G2_ABOVE_LOW))),
    outcome="surveillance",
    summary="Surveillance: endoscopy and pelvic MRI or EUS at about 12 months",
    explanation="A completely resected T1 rectal NET of 10–20 mm without lymphovascular invasion "
                "(or under 10 mm but above low G2) needs follow-up, not further resection.",
    follow_up=FOLLOW_UP_RISK,
    why_not_note="Surveillance alone needs clear margins, pT1, no lymphovascular invasion and ≤ 20 mm.",
)
RECTAL_LOW_RISK = Rule(
    id="rectal_net.low_risk", version="1.0", sources=("ENETS_2023", "NCCN_NET"),
    condition=all_of(EXCISION, R0, SIZE_LT10, T1, LOW_GRADE, LVI_ABSENT, KI67_STATED),
    outcome="no_further_treatment",
    summary="No further treatment; no routine follow-up needed",
    explanation="A completely resected T1 rectal NET under 10 mm, G1 (or low G2), without "
                "lymphovascular invasion has a very low risk of recurrence.",
    follow_up=FOLLOW_UP_NONE,
)
RECTAL_KI67_MISSING = Rule(
    id="rectal_net.ki67_missing", version="1.0", sources=("ENETS_2023", "WHO_2019"),
    condition=all_of(EXCISION, R0, SIZE_LT10, T1, LVI_ABSENT, KI67_MISSING),
    outcome="insufficient_data",
    summary="Ki-67 needed: request the Ki-67 index before deciding",
    explanation="Without Ki-67 the grade is provisional (mitoses alone can under-grade), so a "
                "no-further-treatment decision cannot be made on it.",
    follow_up=FOLLOW_UP_PENDING,
)
RECTAL_STAGING = Rule(
    id="rectal_net.staging_needed", version="1.0", sources=("ENETS_2023",),
    condition=any_of(BIOPSY, SIZE_UNKNOWN, T_UNKNOWN, MARGINS_UNKNOWN),
    outcome="staging_workup",
    summary="Staging first: EUS/MRI and endoscopic resection with an advanced technique (ESD/EFTR)",
    explanation="Without a resection specimen, or with size, depth or margins unknown, the risk "
                "group cannot be assigned.",
    follow_up=FOLLOW_UP_PENDING,
)


def _missing(pack_id: str, sources: tuple[str, ...]) -> Rule:
    return Rule(
        id=f"{pack_id}.missing_inputs", version="1.0", sources=sources, condition=None,
        outcome="insufficient_data",
        summary="Cannot decide yet: findings the rules need are missing or indeterminate",
        explanation="No row of the rule pack could be confirmed; the missing findings are listed.",
        follow_up=FOLLOW_UP_PENDING,
    )


def _unmatched(pack_id: str, sources: tuple[str, ...]) -> Rule:
    return Rule(
        id=f"{pack_id}.no_matching_row", version="1.0", sources=sources, condition=None,
        outcome="mdt_review",
        summary="Discuss at MDT: the findings fit no row of the guideline table",
        explanation="Every finding is known, but the combination is not covered by a row.",
        follow_up=FOLLOW_UP_RISK,
        review="the combination of findings is not covered by a guideline row",
    )


RECTAL_NET_LOCAL = Pack(
    id="rectal_net_local", version="1.0",
    title="Rectal NET (well-differentiated) after endoscopic or local excision",
    applies_to="neuroendocrine tumour of the rectum; ESD, EMR, polypectomy, EFTR, TAMIS/TEM, biopsy",
    rules=(HIGH_GRADE_NEN, RECTAL_HIGH_RISK, RECTAL_INTERMEDIATE, RECTAL_LVI_SMALL, RECTAL_MARGIN,
           RECTAL_SURVEILLANCE, RECTAL_LOW_RISK, RECTAL_KI67_MISSING, RECTAL_STAGING),
    on_missing=_missing("rectal_net", ("ENETS_2023",)),
    on_unmatched=_unmatched("rectal_net", ("ENETS_2023",)),
)

# --- NET after radical resection (TME / LAR / APR, colectomy) ------------------------------

RADICAL_RESIDUAL = Rule(
    id="net_radical.residual_or_nodes", version="1.0", sources=("ENETS_2023", "ESMO_2020"),
    condition=any_of(R1_OR_RX, NODES_POSITIVE), outcome="mdt_review",
    summary="Discuss at MDT: nodal disease or an involved margin after radical resection",
    explanation="Nodal spread or residual disease after an oncological resection needs a "
                "multidisciplinary plan (further treatment, imaging).",
    follow_up=FOLLOW_UP_AFTER_RADICAL,
)
RADICAL_CLEAR = Rule(
    id="net_radical.r0_n0", version="1.0", sources=("ENETS_2023", "ESMO_2020"),
    condition=all_of(R0, N0), outcome="surveillance",
    summary="Surveillance after complete (R0 N0) radical resection",
    explanation="A completely resected, node-negative NET needs follow-up only.",
    follow_up=FOLLOW_UP_AFTER_RADICAL,
    why_not_note="Surveillance alone needs R0 and N0.",
)
NET_RADICAL = Pack(
    id="net_radical", version="1.0", title="Rectal or colonic NET after radical resection",
    applies_to="neuroendocrine tumour of the rectum or colon after TME/LAR/APR/colectomy",
    rules=(HIGH_GRADE_NEN, RADICAL_RESIDUAL, RADICAL_CLEAR),
    on_missing=_missing("net_radical", ("ENETS_2023",)),
    on_unmatched=_unmatched("net_radical", ("ENETS_2023",)),
)

# --- colonic NET (outside the rectum) -------------------------------------------------------

COLON_SURGICAL = Rule(
    id="colon_net.surgical", version="1.0", sources=("ENETS_2023", "ESMO_2020", "NCCN_NET"),
    condition=all_of(EXCISION, any_of(T2_PLUS, SIZE_GT20, NODES_POSITIVE_LOCAL)),
    outcome="radical_surgery",
    summary="Segmental colectomy with lymphadenectomy",
    explanation="Colonic NETs are usually larger and more aggressive and are managed like colonic "
                "adenocarcinoma.",
    follow_up=FOLLOW_UP_AFTER_RADICAL,
)
COLON_SMALL = Rule(
    id="colon_net.small_low_risk", version="1.0", sources=("ENETS_2023", "NCCN_NET"),
    condition=all_of(EXCISION, SIZE_LT10, G1, R0, LVI_ABSENT, T1),
    outcome="surveillance",
    summary="Endoscopic removal is enough: surveillance",
    explanation="A small (< 10 mm) G1 colonic NET, completely resected without lymphovascular "
                "invasion, needs no further resection.",
    follow_up=FOLLOW_UP_RISK,
    why_not_note="Endoscopic removal alone is enough only under 10 mm, G1, R0, pT1, without LVI.",
)
COLON_INTERMEDIATE = Rule(
    id="colon_net.intermediate", version="1.0", sources=("ENETS_2023",),
    condition=all_of(EXCISION, SIZE_LE20, any_of(SIZE_10_20, LVI_PRESENT, R1_OR_RX, G2)),
    outcome="mdt_review",
    summary="Discuss at MDT: colonic NET between the small low-risk and the clearly surgical group",
    explanation="Guidance gives no single answer between endoscopic removal and colectomy here.",
    follow_up=FOLLOW_UP_RISK,
    review="colonic NET between the small low-risk and the clearly surgical group",
)
COLON_STAGING = Rule(
    id="colon_net.staging_needed", version="1.0", sources=("ENETS_2023",),
    condition=any_of(BIOPSY, SIZE_UNKNOWN, T_UNKNOWN, MARGINS_UNKNOWN),
    outcome="staging_workup",
    summary="Staging first: imaging and complete resection before a decision",
    explanation="Without a resection specimen, or with size, depth or margins unknown, the risk "
                "group cannot be assigned.",
    follow_up=FOLLOW_UP_PENDING,
)
COLON_NET_LOCAL = Pack(
    id="colon_net_local", version="1.0", title="Colonic NET after endoscopic or local excision",
    applies_to="neuroendocrine tumour of the colon (not rectum); endoscopic/local excision or biopsy",
    rules=(HIGH_GRADE_NEN, COLON_SURGICAL, COLON_SMALL, COLON_INTERMEDIATE, COLON_STAGING),
    on_missing=_missing("colon_net", ("ENETS_2023",)),
    on_unmatched=_unmatched("colon_net", ("ENETS_2023",)),
)

# --- NEN elsewhere, or site unknown: only the high-grade row applies -------------------------

_NOT_COVERED_SITE = Rule(
    id="nen.site_not_covered", version="1.0", sources=("ESMO_2020",), condition=None,
    outcome="not_applicable",
    summary="No rule pack for a low-grade neuroendocrine tumour at this site",
    explanation="Only rectal and colonic NETs are covered (and high-grade NENs at any site).",
)
_SITE_UNKNOWN = Rule(
    id="nen.site_unknown", version="1.0", sources=("ENETS_2023",), condition=None,
    outcome="insufficient_data",
    summary="Cannot decide: the tumour site is not stated",
    explanation="Rectal and colonic NETs follow different rules; the site decides which applies.",
    follow_up=FOLLOW_UP_PENDING,
    review="tumour site not stated",
)
NEN_OTHER_SITE = Pack(
    id="nen_other_site", version="1.0", title="Neuroendocrine neoplasm outside the colon and rectum",
    rules=(HIGH_GRADE_NEN,), on_missing=_NOT_COVERED_SITE, on_unmatched=_NOT_COVERED_SITE,
    applies_to="neuroendocrine neoplasm of appendix, small intestine, stomach or other sites",
)
NEN_SITE_UNKNOWN = Pack(
    id="nen_site_unknown", version="1.0", title="Neuroendocrine neoplasm, site not stated",
    rules=(HIGH_GRADE_NEN,), on_missing=_SITE_UNKNOWN, on_unmatched=_SITE_UNKNOWN,
    applies_to="neuroendocrine neoplasm whose site the report does not state",
)
