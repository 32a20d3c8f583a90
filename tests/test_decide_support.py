"""Builders for the decision tests: findings whose spans point into a synthetic report text.

No tests here; imported by tests/test_decide*.py, test_rules*.py, test_explain*.py.
"""

from __future__ import annotations

from pipeline.models import Findings

RECTAL_LOW_RISK = dict(
    histology="neuroendocrine_tumor", site="rectum", procedure="esd", tumor_size_mm=8,
    depth="submucosa", grade="G1", ki67_percent=1, mitoses_per_2mm2=1,
    margin_lateral="negative", margin_deep="negative", lvi="absent",
)
CRC_LOW_RISK = dict(
    histology="adenocarcinoma", site="colon", procedure="polypectomy", depth="submucosa", pt="pT1",
    sm_invasion_um=800, lvi="absent", grade="G2", margin_deep="negative", margin_deep_mm=2,
    margin_lateral="negative", tumor_budding="BD1", resection="en_bloc",
)

DROP = object()  # marks a base field to remove


def report(base: dict | None = None, **changes) -> tuple[str, Findings]:
    """A report text with one line per finding and findings whose spans cover those lines."""
    fields = dict(base or {})
    for name, value in changes.items():
        if value is DROP or value is None:
            fields.pop(name, None)
        else:
            fields[name] = value
    text = "SYNTHETIC PATHOLOGY REPORT\n"
    data = {}
    for name in Findings.field_names():
        if name not in fields:
            continue
        line = f"{name.replace('_', ' ')}: {fields[name]}"
        start = len(text)
        text += line + "\n"
        data[name] = {"value": fields[name], "source": "rules",
                      "evidence": [{"start": start, "end": start + len(line), "text": line}]}
    return text, Findings(**data)


def findings(base: dict | None = None, **changes) -> Findings:
    """Only the findings of ``report``."""
    return report(base, **changes)[1]
