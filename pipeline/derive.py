"""Derived values and consistency checks of the decision module: findings in, facts out.

The rule packs never look at raw findings: they read the ``Facts`` computed here, so every
derivation (WHO 2019 grade, AJCC 8th pT, R status, size band) is written once and shown to the
reader as a ``Check`` with the spans it rests on. Imports only ``pipeline.models``.

Sources (versions as cited in ``pipeline/rules/sources.py``):
- WHO Classification of Tumours, Digestive System Tumours, 5th ed. (2019): NET grade.
- AJCC Cancer Staging Manual, 8th ed. (2017): pT of colorectal NETs and of colorectal carcinoma.
- ENETS 2023 colorectal NET guidance (Rinke et al., J Neuroendocrinol 2023): size bands.
- CAP protocol / RCPath convention as summarised in clinical-rules.md: R status, close < 1 mm.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from .models import Check, Findings

# --- thresholds: data in rules/thresholds.json, each with its source --------------------------

THRESHOLDS_FILE = Path(__file__).parent / "rules" / "thresholds.json"


def load_thresholds(path: Path = THRESHOLDS_FILE) -> dict[str, float]:
    """The numeric thresholds by name (every entry names its source in the file)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return {name: float(entry["value"]) for name, entry in data.items() if not name.startswith("_")}


_T = load_thresholds()
KI67_G2_FROM = _T["ki67_g2_from"]
KI67_G3_ABOVE = _T["ki67_g3_above"]
MITOSES_G2_FROM = _T["mitoses_g2_from"]
MITOSES_G3_ABOVE = _T["mitoses_g3_above"]
# "Low G2" has no number in the sources: a project convention, named whenever a decision uses it.
LOW_G2_KI67_BELOW = _T["low_g2_ki67_below"]
# 10 and 20 mm sit in two bands in the sources: the safer band is taken and the boundary named.
SIZE_SMALL_BELOW_MM = _T["size_small_below_mm"]
SIZE_LARGE_FROM_MM = _T["size_large_from_mm"]
AJCC_NET_T1_MAX_MM = _T["ajcc_net_t1_max_mm"]
AJCC_NET_T1A_BELOW_MM = _T["ajcc_net_t1a_below_mm"]
CLOSE_MARGIN_BELOW_MM = _T["close_margin_below_mm"]
SM_INVASION_HIGH_RISK_UM = _T["sm_invasion_high_risk_um"]

NEN_HISTOLOGY = ("neuroendocrine_tumor", "neuroendocrine_neoplasm")
LOCAL_PROCEDURES = ("esd", "emr", "polypectomy", "eftr", "local_excision")
GRADES = ("G1", "G2", "G3")
SIZE_BANDS = ("<10", "10-20", ">20")
SIZE_BAND_LABEL = {"<10": "< 10 mm", "10-20": "10–20 mm", ">20": "> 20 mm"}

DEPTH_RANK = {
    "mucosa": 0, "submucosa": 1, "muscularis_propria": 2,
    "subserosa": 3, "serosa": 4, "adjacent_organ": 4,
}
DEPTH_WORDS = {
    "mucosa": "mucosa (lamina propria)", "submucosa": "submucosa",
    "muscularis_propria": "muscularis propria", "subserosa": "subserosa / pericolorectal tissue",
    "serosa": "serosa (visceral peritoneum)", "adjacent_organ": "an adjacent organ",
}
_PT_RANK = {"0": 0, "is": 0, "1": 1, "1a": 1, "1b": 1, "2": 2, "3": 3,
            "4": 4, "4a": 4, "4b": 4, "X": None}
MARGIN_FIELDS = ("margin_lateral", "margin_deep", "margin_radial")
MARGIN_WORDS = {"margin_lateral": "lateral (horizontal) margin",
                "margin_deep": "deep (vertical) margin",
                "margin_radial": "circumferential (radial) margin"}
GRADE_FIELDS = ("grade", "ki67_percent", "mitoses_per_2mm2")


def grade_rank(grade: Optional[str]) -> Optional[int]:
    """G1 -> 1, G2 -> 2, G3 -> 3, None -> None."""
    return None if grade is None else GRADES.index(grade) + 1


def pt_category(pt: Optional[str]) -> Optional[str]:
    """The pT category without prefixes: ``ypT1b`` -> ``1b``; None when unreadable."""
    if not pt:
        return None
    m = re.match(r"^(?:y|r|yr)?pT(.+)$", pt)
    return m.group(1) if m else None


def pt_rank(pt: Optional[str]) -> Optional[int]:
    """Main T category as a number (Tis/T0 -> 0, T1a -> 1, T4b -> 4); pTX and None -> None."""
    cat = pt_category(pt)
    return None if cat is None else _PT_RANK.get(cat)


def who_grade_of(ki67: Optional[float], mitoses: Optional[float]) -> tuple[Optional[str], str]:
    """WHO 2019 NET grade from Ki-67 (%) and mitoses (/2 mm²), the higher winning; and its basis."""
    def by(value: Optional[float], g2_from: float, g3_above: float) -> Optional[str]:
        if value is None:
            return None
        return "G3" if value > g3_above else "G2" if value >= g2_from else "G1"

    g_ki = by(ki67, KI67_G2_FROM, KI67_G3_ABOVE)
    g_mi = by(mitoses, MITOSES_G2_FROM, MITOSES_G3_ABOVE)
    if g_ki and g_mi:
        return max(g_ki, g_mi, key=grade_rank), "from Ki-67 and mitotic count"
    if g_ki:
        return g_ki, "from Ki-67 alone (no mitotic count)"
    if g_mi:
        return g_mi, "from mitoses alone: provisional, Ki-67 missing"
    return None, "neither Ki-67 nor mitotic count reported"


def size_band_of(size_mm: Optional[float]) -> tuple[Optional[str], bool]:
    """The ENETS/NCCN size band of a tumour and whether it sits exactly on a band boundary."""
    if size_mm is None:
        return None, False
    if size_mm >= SIZE_LARGE_FROM_MM:
        return ">20", size_mm == SIZE_LARGE_FROM_MM
    if size_mm >= SIZE_SMALL_BELOW_MM:
        return "10-20", size_mm == SIZE_SMALL_BELOW_MM
    return "<10", False


@dataclass(frozen=True)
class PtDerivation:
    """The pT that size and depth imply: ``min_rank`` always, ``exact`` when nothing is missing."""

    label: str
    min_rank: int
    exact: bool
    subcategory: Optional[str] = None  # "1a"/"1b" for NETs when size says so


def derive_pt(histology: Optional[str], size_mm: Optional[float], depth: Optional[str]) -> Optional[PtDerivation]:
    """AJCC 8th pT from size and depth: NET rules for NETs, depth alone for carcinoma."""
    if histology in NEN_HISTOLOGY:
        if depth is not None and DEPTH_RANK[depth] <= 1:
            if size_mm is None:
                return PtDerivation("pT1 or pT2 (size needed)", 1, False)
            if size_mm > AJCC_NET_T1_MAX_MM:
                return PtDerivation("pT2 (> 2 cm)", 2, True)
            sub = "1a" if size_mm < AJCC_NET_T1A_BELOW_MM else "1b"
            return PtDerivation(f"pT{sub}", 1, True, sub)
        if depth is not None:
            rank = DEPTH_RANK[depth]
            return PtDerivation(f"pT{rank}", rank, True)
        if size_mm is not None and size_mm > AJCC_NET_T1_MAX_MM:
            return PtDerivation("at least pT2 (> 2 cm)", 2, False)
        return None
    if depth is None:
        return None
    carcinoma = {"mucosa": ("pTis", 0), "submucosa": ("pT1", 1), "muscularis_propria": ("pT2", 2),
                 "subserosa": ("pT3", 3), "serosa": ("pT4a", 4), "adjacent_organ": ("pT4b", 4)}
    label, rank = carcinoma[depth]
    return PtDerivation(label, rank, True)


def margin_status(findings: Findings, name: str) -> Optional[str]:
    """A margin's status, from its status word or, lacking one, from its distance in mm."""
    status = findings.value(name)
    if status is not None:
        return status
    mm = findings.value(f"{name}_mm")
    if mm is None:
        return None
    # 0 mm is tumour at the margin (R1); under 1 mm is close (R0, named).
    return "positive" if mm == 0 else "close" if mm < CLOSE_MARGIN_BELOW_MM else "negative"


def is_close(findings: Findings, name: str) -> bool:
    """True when a margin is called close or lies under 1 mm without being involved."""
    status = margin_status(findings, name)
    mm = findings.value(f"{name}_mm")
    return status == "close" or (status == "negative" and mm is not None and mm < CLOSE_MARGIN_BELOW_MM)


@dataclass(frozen=True)
class Facts:
    """What the rules read: findings plus the values derived from them, unknowns as None."""

    findings: Findings
    histology: Optional[str]
    site: Optional[str]
    procedure: Optional[str]
    size_mm: Optional[float]
    size_band: Optional[str]
    depth: Optional[str]
    pt_stated: Optional[str]
    pt_derived: Optional[PtDerivation]
    pt_rank: Optional[int]          # the higher of stated and derived (safer)
    grade_stated: Optional[str]
    grade_derived: Optional[str]
    grade_basis: str
    grade: Optional[str]            # the higher of stated and derived (WHO: higher wins)
    ki67: Optional[float]
    mitoses: Optional[float]
    margins: dict[str, Optional[str]]
    close_margins: tuple[str, ...]
    r_status: Optional[str]         # R0 / R1 / RX / None when margins are not stated
    lvi: Optional[str]
    pni: Optional[str]
    nodes_positive: Optional[bool]
    sm_invasion_um: Optional[float]
    budding: Optional[str]
    resection: Optional[str]
    boundaries: tuple[str, ...] = field(default=())

    @property
    def is_nen(self) -> bool:
        return self.histology in NEN_HISTOLOGY

    @property
    def local_excision(self) -> bool:
        return self.procedure in LOCAL_PROCEDURES

    @property
    def grade_provisional(self) -> bool:
        """The NET grade lacks Ki-67 (mitoses alone can under-grade)."""
        return self.is_nen and self.ki67 is None

    @property
    def low_g2(self) -> Optional[bool]:
        """G1, or G2 with Ki-67 under the project's low-G2 cut-off; None when unknown."""
        if self.grade is None:
            return None
        if self.grade == "G1":
            return True
        if self.grade == "G3":
            return False
        return None if self.ki67 is None else self.ki67 < LOW_G2_KI67_BELOW


def r_status_of(findings: Findings, procedure: Optional[str]) -> Optional[str]:
    """R1 if any margin is involved, RX if any is indeterminate, R0 when the needed ones are clear."""
    statuses = {name: margin_status(findings, name) for name in MARGIN_FIELDS}
    stated = [s for s in statuses.values() if s is not None]
    if "positive" in stated:
        return "R1"
    if "indeterminate" in stated:
        return "RX"
    if procedure in LOCAL_PROCEDURES:
        # An endoscopic/local specimen is R0 only when both its lateral and its deep margin are clear.
        needed = (statuses["margin_lateral"], statuses["margin_deep"])
        return "R0" if all(s is not None for s in needed) else None
    return "R0" if stated else None


def nodes_positive_of(findings: Findings) -> Optional[bool]:
    """True for pN1+ or a positive node count, False for pN0 or 0 of n > 0 examined, else None."""
    pn, count, examined = (findings.value("pn"), findings.value("lymph_nodes_positive"),
                           findings.value("lymph_nodes_examined"))
    if (count is not None and count > 0) or (pn is not None and re.search(r"N[12]", pn)):
        return True
    if (pn is not None and pn.endswith("N0")) or (count == 0 and (examined or 0) > 0):
        return False
    return None


def derive_facts(findings: Findings) -> Facts:
    """The facts the rules read, derived once from the findings."""
    v = findings.value
    histology, procedure = v("histology"), v("procedure")
    size = v("tumor_size_mm")
    band, on_size_boundary = size_band_of(size)
    pt_der = derive_pt(histology, size, v("depth"))
    ranks = [r for r in (pt_rank(v("pt")), pt_der.min_rank if pt_der else None) if r is not None]
    ki67, mitoses = v("ki67_percent"), v("mitoses_per_2mm2")
    g_der, basis = who_grade_of(ki67, mitoses) if histology in NEN_HISTOLOGY else (None, "")
    grades = [g for g in (v("grade"), g_der) if g is not None]
    if histology == "neuroendocrine_carcinoma":
        grades.append("G3")  # WHO 2019: NEC is high grade by definition
    boundaries: list[str] = []
    if on_size_boundary:
        boundaries.append(
            f"tumour size exactly {size:g} mm sits on a guideline band boundary; the safer band "
            f"({SIZE_BAND_LABEL[band]}) was taken"
        )
    if histology in NEN_HISTOLOGY:
        if ki67 in (KI67_G2_FROM, KI67_G3_ABOVE):
            boundaries.append(f"Ki-67 exactly {ki67:g} % sits on a WHO 2019 grade boundary "
                              f"(G2 is 3–20 % inclusive)")
        if mitoses in (MITOSES_G2_FROM, MITOSES_G3_ABOVE):
            boundaries.append(f"mitotic count exactly {mitoses:g}/2 mm² sits on a WHO 2019 grade "
                              f"boundary (G2 is 2–20 inclusive)")
    margins = {name: margin_status(findings, name) for name in MARGIN_FIELDS}
    return Facts(
        findings=findings,
        histology=histology,
        site=v("site"),
        procedure=procedure,
        size_mm=size,
        size_band=band,
        depth=v("depth"),
        pt_stated=v("pt"),
        pt_derived=pt_der,
        pt_rank=max(ranks) if ranks else None,
        grade_stated=v("grade"),
        grade_derived=g_der,
        grade_basis=basis,
        grade=max(grades, key=grade_rank) if grades else None,
        ki67=ki67,
        mitoses=mitoses,
        margins=margins,
        close_margins=tuple(n for n in MARGIN_FIELDS if is_close(findings, n)),
        r_status=r_status_of(findings, procedure),
        lvi=v("lvi"),
        pni=v("pni"),
        nodes_positive=nodes_positive_of(findings),
        sm_invasion_um=v("sm_invasion_um"),
        budding=v("tumor_budding"),
        resection=v("resection"),
        boundaries=tuple(boundaries),
    )


# --- checks ---------------------------------------------------------------------------------


def grade_check(facts: Facts) -> Optional[Check]:
    """WHO 2019 grade from Ki-67 and mitoses vs the stated grade (NETs and NECs only)."""
    f = facts.findings
    if facts.histology == "neuroendocrine_carcinoma":
        return Check(code="who_grade", status="info", derived="G3",
                     message="Neuroendocrine carcinoma: high grade by definition (WHO 2019).",
                     evidence=f.evidence("histology", *GRADE_FIELDS))
    if not facts.is_nen or (facts.grade_derived is None and facts.grade_stated is None):
        return None
    evidence = f.evidence(*GRADE_FIELDS)
    parts = []
    if facts.ki67 is not None:
        parts.append(f"Ki-67 {facts.ki67:g} %")
    if facts.mitoses is not None:
        parts.append(f"{facts.mitoses:g} mitoses/2 mm²")
    if facts.grade_derived is None:
        return Check(code="who_grade", status="info", derived=None, evidence=evidence,
                     message=f"Stated grade {facts.grade_stated}; no Ki-67 or mitotic count to check it against.")
    derived_from = f"{' and '.join(parts)} → WHO 2019 {facts.grade_derived}, {facts.grade_basis}"
    if facts.grade_stated is None:
        return Check(code="who_grade", status="info", derived=facts.grade_derived, evidence=evidence,
                     message=f"No grade stated; {derived_from}.")
    if facts.grade_stated == facts.grade_derived:
        return Check(code="who_grade", status="pass", derived=facts.grade_derived, evidence=evidence,
                     message=f"Stated {facts.grade_stated} agrees: {derived_from}.")
    lower = grade_rank(facts.grade_stated) < grade_rank(facts.grade_derived)
    consequence = ("the higher grade is used" if lower else
                   "the stated (higher) grade is used")
    return Check(code="who_grade", status="fail", derived=facts.grade_derived, evidence=evidence,
                 message=f"Stated {facts.grade_stated} conflicts: {derived_from}; {consequence}.")


def pt_check(facts: Facts) -> Optional[Check]:
    """AJCC 8th pT from size and depth vs the stated pT."""
    f = facts.findings
    der = facts.pt_derived
    evidence = f.evidence("pt", "tumor_size_mm", "depth")
    if der is None:
        return None
    basis = []
    if facts.size_mm is not None and facts.is_nen:
        basis.append(f"{facts.size_mm:g} mm")
    if facts.depth is not None:
        basis.append(f"invasion of the {DEPTH_WORDS[facts.depth]}")
    basis_txt = " and ".join(basis) or "the findings"
    stated_rank = pt_rank(facts.pt_stated)
    if stated_rank is None:
        return Check(code="pt_size_depth", status="info", derived=der.label, evidence=evidence,
                     message=f"No pT stated; {basis_txt} give {der.label} (AJCC 8th).")
    stated_sub = pt_category(facts.pt_stated)
    conflict = stated_rank < der.min_rank or (der.exact and stated_rank > der.min_rank)
    if not conflict and der.subcategory and stated_sub in ("1a", "1b") and stated_sub != der.subcategory:
        conflict = True
    if conflict:
        return Check(code="pt_size_depth", status="fail", derived=der.label, evidence=evidence,
                     message=f"Stated {facts.pt_stated} conflicts with {basis_txt}, which give "
                             f"{der.label} (AJCC 8th); the higher category is used.")
    return Check(code="pt_size_depth", status="pass", derived=der.label, evidence=evidence,
                 message=f"Stated {facts.pt_stated} is consistent with {basis_txt} ({der.label}, AJCC 8th).")


def margin_check(facts: Facts) -> Optional[Check]:
    """R status from the margins, naming close ones."""
    f = facts.findings
    stated = {n: s for n, s in facts.margins.items() if s is not None}
    if not stated:
        return None
    fields = [n for n in MARGIN_FIELDS if n in stated] + [f"{n}_mm" for n in MARGIN_FIELDS if n in stated]
    listing = "; ".join(f"{MARGIN_WORDS[n]} {s}" for n, s in stated.items())
    derived = facts.r_status or "not determinable"
    msg = f"{listing} → {derived}"
    if facts.r_status is None:
        msg += " (an endoscopic specimen needs both lateral and deep margins)"
    if facts.close_margins:
        msg += "; close (< 1 mm): " + ", ".join(MARGIN_WORDS[n] for n in facts.close_margins) + \
               " — still R0, named for review"
    return Check(code="r_status", status="info", derived=derived, message=msg + ".",
                 evidence=f.evidence(*fields))


def size_check(facts: Facts) -> Optional[Check]:
    """The size band the rules use, with the boundary convention named."""
    if facts.size_band is None:
        return None
    msg = f"Tumour {facts.size_mm:g} mm: {SIZE_BAND_LABEL[facts.size_band]} band"
    if facts.size_mm in (SIZE_SMALL_BELOW_MM, SIZE_LARGE_FROM_MM):
        msg += " (on the boundary: the safer band is taken)"
    return Check(code="size_band", status="info", derived=facts.size_band, message=msg + ".",
                 evidence=facts.findings.evidence("tumor_size_mm"))


def consistency_checks(facts: Facts) -> list[Check]:
    """Every derived value and consistency check, in a fixed order."""
    checks = (grade_check(facts), pt_check(facts), margin_check(facts), size_check(facts))
    return [c for c in checks if c is not None]


HISTOLOGY_WORDS = {
    "neuroendocrine_tumor": "neuroendocrine tumour", "neuroendocrine_carcinoma": "neuroendocrine carcinoma",
    "neuroendocrine_neoplasm": "neuroendocrine neoplasm", "adenocarcinoma": "adenocarcinoma",
    "adenoma": "adenoma", "other": "lesion",
}
PROCEDURE_WORDS = {
    "esd": "endoscopic submucosal dissection (ESD)", "emr": "endoscopic mucosal resection (EMR)",
    "polypectomy": "polypectomy", "eftr": "endoscopic full-thickness resection (EFTR)",
    "local_excision": "local (transanal) excision", "radical_resection": "radical resection",
    "biopsy": "biopsy", "other": "other procedure",
}


def describe_tumour(facts: Facts) -> str:
    """'Neuroendocrine tumour of the rectum, endoscopic submucosal dissection (ESD)' or ''."""
    if facts.histology is None:
        return ""
    text = HISTOLOGY_WORDS[facts.histology]
    if facts.site:
        text += f" of the {facts.site.replace('_', ' ')}"
    if facts.procedure:
        text += f", {PROCEDURE_WORDS[facts.procedure]}"
    return text[0].upper() + text[1:]
