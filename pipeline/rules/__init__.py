"""Rule packs of the decision module and the choice of pack for a report's facts.

Which pack applies is decided by histology, site and procedure only; inside a pack the rules
are evaluated in their stated order (see ``pipeline.decide``).
"""

from __future__ import annotations

from typing import Optional

from ..derive import Facts
from .adenocarcinoma import CRC_PT1
from .base import Clause, Item, Pack, Rule, Verdict, all_of, any_of
from .neuroendocrine import (
    COLON_NET_LOCAL, NEN_OTHER_SITE, NEN_SITE_UNKNOWN, NET_RADICAL, RECTAL_NET_LOCAL,
)
from .sources import GUIDELINES, labels

PACKS: tuple[Pack, ...] = (RECTAL_NET_LOCAL, NET_RADICAL, COLON_NET_LOCAL, CRC_PT1,
                           NEN_OTHER_SITE, NEN_SITE_UNKNOWN)

NOT_COVERED = Rule(
    id="none.not_covered", version="1.0", sources=(), condition=None, outcome="not_applicable",
    summary="No rule pack covers this report",
    explanation="The packs cover colorectal NETs, high-grade NENs and pT1 colorectal adenocarcinoma "
                "after endoscopic resection.",
)

__all__ = ["PACKS", "NOT_COVERED", "GUIDELINES", "Clause", "Item", "Pack", "Rule", "Verdict",
           "all_of", "any_of", "labels", "select_pack"]


def select_pack(facts: Facts) -> tuple[Optional[Pack], str]:
    """The rule pack for these facts, or None with the reason no pack applies."""
    histology, site, procedure = facts.histology, facts.site, facts.procedure
    if histology is None:
        return None, "no tumour histology stated"
    if histology in ("neuroendocrine_tumor", "neuroendocrine_neoplasm", "neuroendocrine_carcinoma"):
        if site is None:
            return NEN_SITE_UNKNOWN, "neuroendocrine neoplasm, site not stated"
        if site not in ("rectum", "colon"):
            return NEN_OTHER_SITE, f"neuroendocrine neoplasm of the {site.replace('_', ' ')}"
        if procedure == "radical_resection":
            return NET_RADICAL, f"{site} NEN after radical resection"
        return (RECTAL_NET_LOCAL if site == "rectum" else COLON_NET_LOCAL), f"{site} NEN"
    if histology == "adenocarcinoma":
        if site not in ("rectum", "colon"):
            return None, "adenocarcinoma outside the colon and rectum" if site else "adenocarcinoma, site not stated"
        if procedure in ("radical_resection", "biopsy"):
            return None, f"colorectal adenocarcinoma on a {procedure.replace('_', ' ')}: outside the pT1 pack"
        if facts.pt_rank == 0:
            return None, "intramucosal carcinoma / pTis: outside the pT1 pack"
        return CRC_PT1, "colorectal adenocarcinoma after endoscopic/local excision"
    words = {"adenoma": "adenoma without carcinoma", "other": "histology outside the rule packs"}
    return None, words.get(histology, histology)
