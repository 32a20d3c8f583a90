"""Rule pack for pT1 colorectal adenocarcinoma after endoscopic resection ("malignant polyp").

High-risk features as summarised in shared clinical-rules.md from JSCCR 2019 (Hashiguchi et
al., Int J Clin Oncol 2020) and NCCN Colon/Rectal Cancer: submucosal invasion ≥ 1000 µm, LVI,
poor differentiation, budding BD2–BD3, carcinoma at or < 1 mm from the deep margin, piecemeal
resection with an unassessable margin.
"""

from __future__ import annotations

from .base import Pack, Rule, all_of, any_of
from .clauses import (
    BUDDING_HIGH, BUDDING_NOT_HIGH, DEEP_MARGIN_AT_RISK, DEEP_MARGIN_CLEAR, EXCISION, INVASIVE_T1,
    LVI_ABSENT, LVI_PRESENT, NOT_PIECEMEAL_UNASSESSABLE, PIECEMEAL_UNASSESSABLE,
    POOR_DIFFERENTIATION, SM_DEEP, SM_SHALLOW, T2_PLUS, WELL_OR_MODERATE,
)
from .neuroendocrine import FOLLOW_UP_AFTER_RADICAL, FOLLOW_UP_PENDING

SOURCES = ("JSCCR_2019", "NCCN_CRC")
RESECTION_SUMMARY = "Oncological resection with lymphadenectomy (segmental colectomy, or TME for the rectum)"

BEYOND_T1 = Rule(
    id="crc_pt1.beyond_t1", version="1.0", sources=("NCCN_CRC", "AJCC_8"),
    condition=all_of(EXCISION, T2_PLUS), outcome="radical_surgery",
    summary=RESECTION_SUMMARY,
    explanation="Carcinoma reaching the muscularis propria is beyond what endoscopic resection treats.",
    follow_up=FOLLOW_UP_AFTER_RADICAL,
    review="carcinoma deeper than pT1 after a local excision: outside the malignant-polyp rules",
)
HIGH_RISK = Rule(
    id="crc_pt1.high_risk_features", version="1.0", sources=SOURCES,
    condition=all_of(EXCISION, any_of(LVI_PRESENT, POOR_DIFFERENTIATION, BUDDING_HIGH,
                                      DEEP_MARGIN_AT_RISK, PIECEMEAL_UNASSESSABLE)),
    outcome="radical_surgery", summary=RESECTION_SUMMARY,
    explanation="A pT1 carcinoma with a high-risk feature has a lymph-node risk that justifies "
                "oncological resection.",
    follow_up=FOLLOW_UP_AFTER_RADICAL,
)
DEPTH_ONLY = Rule(
    id="crc_pt1.deep_submucosal_invasion", version="1.0", sources=SOURCES,
    condition=all_of(EXCISION, SM_DEEP), outcome="radical_surgery", summary=RESECTION_SUMMARY,
    explanation="Submucosal invasion ≥ 1000 µm is a high-risk feature (JSCCR 2019).",
    follow_up=FOLLOW_UP_AFTER_RADICAL,
    review="depth of submucosal invasion is the only high-risk feature: discuss at MDT",
)
LOW_RISK = Rule(
    id="crc_pt1.low_risk", version="1.0", sources=SOURCES,
    condition=all_of(EXCISION, INVASIVE_T1, SM_SHALLOW, LVI_ABSENT, WELL_OR_MODERATE,
                     BUDDING_NOT_HIGH, DEEP_MARGIN_CLEAR, NOT_PIECEMEAL_UNASSESSABLE),
    outcome="surveillance",
    summary="Endoscopic surveillance; no surgery needed",
    explanation="A pT1 carcinoma without any high-risk feature, completely resected, is treated by "
                "the endoscopic resection.",
    follow_up=("Endoscopic surveillance of the resection site and colonoscopy according to the local "
               "post-polypectomy / cancer surveillance guideline (schedule not set by this rule pack).",),
    why_not_note="Surveillance alone needs a pT1 carcinoma with no high-risk feature.",
)
CRC_PT1 = Pack(
    id="crc_pt1", version="1.0", title="pT1 colorectal adenocarcinoma after endoscopic resection",
    applies_to="adenocarcinoma of the colon or rectum after polypectomy, EMR, ESD, EFTR or local excision",
    rules=(BEYOND_T1, HIGH_RISK, DEPTH_ONLY, LOW_RISK),
    on_missing=Rule(
        id="crc_pt1.missing_inputs", version="1.0", sources=SOURCES, condition=None,
        outcome="insufficient_data",
        summary="Cannot decide yet: high-risk features of the pT1 carcinoma are missing or indeterminate",
        explanation="Every high-risk feature must be known to be absent before surveillance alone.",
        follow_up=FOLLOW_UP_PENDING,
    ),
    on_unmatched=Rule(
        id="crc_pt1.no_matching_row", version="1.0", sources=SOURCES, condition=None,
        outcome="mdt_review",
        summary="Discuss at MDT: the findings fit no row of the malignant-polyp rules",
        explanation="Every finding is known, but the combination is not covered by a row.",
        follow_up=FOLLOW_UP_PENDING,
        review="the combination of findings is not covered by a guideline row",
    ),
)
