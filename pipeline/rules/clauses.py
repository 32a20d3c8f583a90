"""The clause vocabulary shared by the rule packs (one definition per clinical requirement).

Thresholds live in ``pipeline.derive`` with their sources; clauses only compare facts to them.
"""

from __future__ import annotations

from typing import Optional

from ..derive import (
    DEPTH_WORDS, GRADE_FIELDS, LOW_G2_KI67_BELOW, MARGIN_FIELDS, MARGIN_WORDS,
    SIZE_BAND_LABEL, SM_INVASION_HIGH_RISK_UM, CLOSE_MARGIN_BELOW_MM, Facts,
)
from .base import Clause

SIZE_FIELDS = ("tumor_size_mm",)
T_FIELDS = ("pt", "depth", "tumor_size_mm")
MARGIN_ALL_FIELDS = MARGIN_FIELDS + tuple(f"{n}_mm" for n in MARGIN_FIELDS)
NODE_FIELDS = ("pn", "lymph_nodes_positive", "lymph_nodes_examined")


# --- how the report's values read -----------------------------------------------------------

def show_size(f: Facts) -> str:
    if f.size_mm is None:
        return "size not stated"
    return f"tumour {f.size_mm:g} mm ({SIZE_BAND_LABEL[f.size_band]} band)"


def show_t(f: Facts) -> str:
    parts = []
    if f.pt_stated:
        parts.append(f"stated {f.pt_stated}")
    if f.depth:
        parts.append(f"invades the {DEPTH_WORDS[f.depth]}")
    if f.pt_derived and f.pt_derived.label != f.pt_stated:
        parts.append(f"AJCC 8th from size/depth: {f.pt_derived.label}")
    return "; ".join(parts) if parts else "pT and depth not stated"


def show_grade(f: Facts) -> str:
    if f.histology == "neuroendocrine_carcinoma":
        return "neuroendocrine carcinoma (high grade by definition)"
    if f.grade is None:
        return "grade, Ki-67 and mitoses not stated"
    bits = []
    if f.grade_stated:
        bits.append(f"stated {f.grade_stated}")
    if f.ki67 is not None:
        bits.append(f"Ki-67 {f.ki67:g} %")
    if f.mitoses is not None:
        bits.append(f"{f.mitoses:g} mitoses/2 mm²")
    basis = f"; {f.grade_basis}" if f.is_nen and f.grade_derived else ""
    return f"{f.grade} ({', '.join(bits)}{basis})"


def show_lvi(f: Facts) -> str:
    return {"present": "lymphovascular invasion present", "absent": "no lymphovascular invasion",
            "indeterminate": "lymphovascular invasion indeterminate"}.get(f.lvi, "LVI not stated")


def show_margins(f: Facts) -> str:
    stated = [(n, s) for n, s in f.margins.items() if s is not None]
    if not stated:
        return "margins not stated"
    listing = ", ".join(f"{MARGIN_WORDS[n]} {s}" for n, s in stated)
    return f"{listing} → {f.r_status or 'R status not determinable'}"


def show_nodes(f: Facts) -> str:
    v = f.findings.value
    if f.nodes_positive is None:
        return "nodal status not stated"
    bits = [b for b in (v("pn"),) if b]
    if v("lymph_nodes_positive") is not None:
        bits.append(f"{v('lymph_nodes_positive')}/{v('lymph_nodes_examined') or '?'} nodes positive")
    return ", ".join(bits) or ("nodes positive" if f.nodes_positive else "nodes negative")


def show_procedure(f: Facts) -> str:
    return f"procedure {f.procedure}" if f.procedure else "procedure not stated (read as a local excision)"


def _tri(value: Optional[str], true: tuple[str, ...], false: tuple[str, ...]) -> Optional[bool]:
    return True if value in true else False if value in false else None


# --- size --------------------------------------------------------------------------------

def _band(*bands: str):
    return lambda f: None if f.size_band is None else f.size_band in bands


SIZE_LT10 = Clause("size < 10 mm", _band("<10"), show_size, SIZE_FIELDS)
SIZE_10_20 = Clause("size 10–20 mm (10 mm counts here)", _band("10-20"), show_size, SIZE_FIELDS, risk=True)
SIZE_GT20 = Clause("size > 20 mm (20 mm counts here)", _band(">20"), show_size, SIZE_FIELDS, risk=True)
SIZE_LE20 = Clause("size under 20 mm", _band("<10", "10-20"), show_size, SIZE_FIELDS)
SIZE_UNKNOWN = Clause("tumour size unknown", lambda f: f.size_mm is None, show_size, SIZE_FIELDS)

# --- depth / pT --------------------------------------------------------------------------


def _t1(f: Facts) -> Optional[bool]:
    if f.pt_rank is None:
        return None
    if f.pt_rank >= 2:
        return False
    # A minimum from depth alone ("pT1 or pT2, size needed") does not prove T1.
    exact = f.pt_stated is not None or (f.pt_derived is not None and f.pt_derived.exact)
    return True if exact else None


T2_PLUS = Clause("pT2 or deeper (muscularis propria reached)",
                 lambda f: None if f.pt_rank is None else f.pt_rank >= 2, show_t, T_FIELDS, risk=True)
T1 = Clause("pT1 (confined to mucosa/submucosa)", _t1, show_t, T_FIELDS)
INVASIVE_T1 = Clause("pT1 carcinoma (submucosal invasion)",
                     lambda f: None if f.pt_rank is None else f.pt_rank == 1, show_t, T_FIELDS)
T_UNKNOWN = Clause("depth / pT unknown", lambda f: _t1(f) is None, show_t, T_FIELDS)

# --- grade -------------------------------------------------------------------------------

_NEC_GRADE_FIELDS = ("histology",) + GRADE_FIELDS


def _high_grade(f: Facts) -> Optional[bool]:
    if f.histology == "neuroendocrine_carcinoma":
        return True
    return None if f.grade is None else f.grade == "G3"


HIGH_GRADE = Clause("neuroendocrine carcinoma or grade G3", _high_grade, show_grade, _NEC_GRADE_FIELDS, risk=True)
G1 = Clause("grade G1", lambda f: None if f.grade is None else f.grade == "G1", show_grade, GRADE_FIELDS)
G2 = Clause("grade G2", lambda f: None if f.grade is None else f.grade == "G2", show_grade, GRADE_FIELDS, risk=True)
LOW_GRADE = Clause(f"G1 or low G2 (Ki-67 < {LOW_G2_KI67_BELOW:g} %)", lambda f: f.low_g2,
                   show_grade, GRADE_FIELDS)
G2_ABOVE_LOW = Clause(f"G2 with Ki-67 ≥ {LOW_G2_KI67_BELOW:g} %",
                      lambda f: None if f.low_g2 is None else (f.grade == "G2" and not f.low_g2),
                      show_grade, GRADE_FIELDS, risk=True)
KI67_STATED = Clause("a Ki-67 index", lambda f: f.ki67 is not None, show_grade, GRADE_FIELDS)
KI67_MISSING = Clause("Ki-67 missing (grade provisional)", lambda f: f.ki67 is None,
                      show_grade, GRADE_FIELDS)
POOR_DIFFERENTIATION = Clause("poor differentiation (G3)",
                              lambda f: None if f.grade is None else f.grade == "G3",
                              show_grade, ("grade",), risk=True)
WELL_OR_MODERATE = Clause("well or moderately differentiated (G1/G2)",
                          lambda f: None if f.grade is None else f.grade in ("G1", "G2"),
                          show_grade, ("grade",))

# --- LVI, margins, nodes -----------------------------------------------------------------

LVI_PRESENT = Clause("lymphovascular invasion", lambda f: _tri(f.lvi, ("present",), ("absent",)),
                     show_lvi, ("lvi",), risk=True)
LVI_ABSENT = Clause("no lymphovascular invasion", lambda f: _tri(f.lvi, ("absent",), ("present",)),
                    show_lvi, ("lvi",))
R0 = Clause("clear margins (R0)", lambda f: _tri(f.r_status, ("R0",), ("R1", "RX")),
            show_margins, MARGIN_ALL_FIELDS)
R1_OR_RX = Clause("an involved or indeterminate margin (R1/RX)",
                  lambda f: _tri(f.r_status, ("R1", "RX"), ("R0",)), show_margins, MARGIN_ALL_FIELDS, risk=True)
MARGINS_UNKNOWN = Clause("margin status unknown", lambda f: f.r_status is None,
                         show_margins, MARGIN_ALL_FIELDS)
# After a local excision no nodes are sampled: unknown nodal status is the norm, not a gap.
NODES_POSITIVE_LOCAL = Clause("positive lymph nodes", lambda f: f.nodes_positive is True,
                              show_nodes, NODE_FIELDS, risk=True)
NODES_POSITIVE = Clause("positive lymph nodes (N+)", lambda f: f.nodes_positive, show_nodes, NODE_FIELDS, risk=True)
N0 = Clause("node-negative (N0)",
            lambda f: None if f.nodes_positive is None else not f.nodes_positive, show_nodes, NODE_FIELDS)

# --- procedure ---------------------------------------------------------------------------

EXCISION = Clause("an excision specimen (not a biopsy)", lambda f: f.procedure != "biopsy",
                  show_procedure, ("procedure",))
BIOPSY = Clause("biopsy only", lambda f: f.procedure == "biopsy", show_procedure, ("procedure",))

# --- pT1 carcinoma high-risk features (JSCCR 2019, clinical-rules.md) ---------------------


def _sm_deep(f: Facts) -> Optional[bool]:
    return None if f.sm_invasion_um is None else f.sm_invasion_um >= SM_INVASION_HIGH_RISK_UM


def show_sm(f: Facts) -> str:
    if f.sm_invasion_um is None:
        return "depth of submucosal invasion not stated"
    return f"submucosal invasion {f.sm_invasion_um:g} µm"


def _deep_margin_at_risk(f: Facts) -> Optional[bool]:
    status = f.margins["margin_deep"]
    mm = f.findings.value("margin_deep_mm")
    if status in ("positive", "close") or (mm is not None and mm < CLOSE_MARGIN_BELOW_MM):
        return True
    return False if status == "negative" else None


def show_deep_margin(f: Facts) -> str:
    status = f.margins["margin_deep"]
    mm = f.findings.value("margin_deep_mm")
    if status is None:
        return "deep margin not stated"
    return f"deep margin {status}" + (f" ({mm:g} mm)" if mm is not None else "")


def _piecemeal_unassessable(f: Facts) -> bool:
    return f.resection == "piecemeal" and "indeterminate" in (f.margins["margin_deep"], f.margins["margin_lateral"])


SM_DEEP = Clause(f"submucosal invasion ≥ {SM_INVASION_HIGH_RISK_UM:g} µm", _sm_deep, show_sm, ("sm_invasion_um",), risk=True)
SM_SHALLOW = Clause(f"submucosal invasion < {SM_INVASION_HIGH_RISK_UM:g} µm",
                    lambda f: None if _sm_deep(f) is None else not _sm_deep(f), show_sm, ("sm_invasion_um",))
BUDDING_HIGH = Clause("tumour budding BD2–BD3", lambda f: _tri(f.budding, ("BD2", "BD3"), ("BD1",)),
                      lambda f: f"budding {f.budding}" if f.budding else "tumour budding not reported",
                      ("tumor_budding",), risk=True)
# Budding is often unreported on polypectomies; its absence is named for review, not blocking.
BUDDING_NOT_HIGH = Clause("no high-grade budding", lambda f: f.budding not in ("BD2", "BD3"),
                          lambda f: f"budding {f.budding}" if f.budding else "tumour budding not reported",
                          ("tumor_budding",))
DEEP_MARGIN_AT_RISK = Clause("carcinoma at or < 1 mm from the deep margin", _deep_margin_at_risk,
                             show_deep_margin, ("margin_deep", "margin_deep_mm"), risk=True)
DEEP_MARGIN_CLEAR = Clause("deep margin clear by ≥ 1 mm",
                           lambda f: None if _deep_margin_at_risk(f) is None else not _deep_margin_at_risk(f),
                           show_deep_margin, ("margin_deep", "margin_deep_mm"))
PIECEMEAL_UNASSESSABLE = Clause("piecemeal resection leaving the margin unassessable", _piecemeal_unassessable,
                                lambda f: f"{f.resection or 'resection type not stated'}; " + show_margins(f),
                                ("resection",) + MARGIN_FIELDS, risk=True)
NOT_PIECEMEAL_UNASSESSABLE = Clause("an assessable margin", lambda f: not _piecemeal_unassessable(f),
                                    lambda f: f"{f.resection or 'resection type not stated'}; " + show_margins(f),
                                    ("resection",) + MARGIN_FIELDS)
