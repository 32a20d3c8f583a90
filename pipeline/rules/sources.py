"""The guideline sources the rule packs cite, each with its edition/year.

The labels are what a recommendation shows in ``Recommendation.guideline``; the citations are
for the reviewer who checks a rule against its source. Where the project's clinical reference
(shared clinical-rules.md) names no edition, the label says so instead of guessing one.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Guideline:
    key: str
    label: str       # shown in every recommendation: name and version
    citation: str


GUIDELINES: dict[str, Guideline] = {
    g.key: g
    for g in (
        Guideline("ESMO_2020", "ESMO 2020 GEP-NEN",
                  "Pavel M, et al. Gastroenteropancreatic neuroendocrine neoplasms: ESMO Clinical "
                  "Practice Guidelines for diagnosis, treatment and follow-up. Ann Oncol 2020;31(7):844-860."),
        Guideline("ENETS_2023", "ENETS 2023 colorectal NET",
                  "Rinke A, et al. European Neuroendocrine Tumor Society (ENETS) 2023 guidance paper "
                  "for colorectal neuroendocrine tumours. J Neuroendocrinol 2023;35(6):e13309."),
        Guideline("NCCN_NET", "NCCN Neuroendocrine and Adrenal Tumors (edition not pinned)",
                  "NCCN Clinical Practice Guidelines in Oncology: Neuroendocrine and Adrenal Tumors. "
                  "The edition consulted is not recorded in clinical-rules.md; check the current version."),
        Guideline("NCCN_CRC", "NCCN Colon/Rectal Cancer (edition not pinned)",
                  "NCCN Clinical Practice Guidelines in Oncology: Colon Cancer; Rectal Cancer. "
                  "The edition consulted is not recorded in clinical-rules.md; check the current version."),
        Guideline("AJCC_8", "AJCC Cancer Staging Manual 8th ed. (2017)",
                  "Amin MB, et al., eds. AJCC Cancer Staging Manual, 8th ed. Springer 2017 "
                  "(NETs of the colon and rectum; colon and rectum)."),
        Guideline("WHO_2019", "WHO Digestive System Tumours 5th ed. (2019)",
                  "WHO Classification of Tumours Editorial Board. Digestive System Tumours, "
                  "5th ed. IARC 2019 (grading of neuroendocrine neoplasms)."),
        Guideline("JSCCR_2019", "JSCCR 2019 colorectal cancer",
                  "Hashiguchi Y, et al. Japanese Society for Cancer of the Colon and Rectum (JSCCR) "
                  "guidelines 2019 for the treatment of colorectal cancer. Int J Clin Oncol 2020;25(1):1-42."),
    )
}


def labels(keys: tuple[str, ...]) -> list[str]:
    """The display labels of the given source keys, in order."""
    return [GUIDELINES[k].label for k in keys]
