"""Builders and service checks for the review tests (no tests here).

Imported by tests/test_review*.py. The records are built from a short synthetic report whose
spans are located by quote, and decided by the real ``pipeline.decide``.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from pipeline.decide import decide
from pipeline.models import Check, Findings, ResultRecord, Span, sha256_text

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]

TEXT = (
    "SPECIMEN: Rectum, endoscopic submucosal dissection (ESD).\n"
    "DIAGNOSIS: Well-differentiated neuroendocrine tumour, grade 1.\n"
    "Tumour size: 6 mm in greatest dimension.\n"
    "Depth of invasion: submucosa.\n"
    "Ki-67 index: 1%. Mitoses: 1 per 2 mm2.\n"
    "Lymphovascular invasion: not identified.\n"
    "Lateral margin: negative. Deep margin: negative, clear by 1.5 mm.\n"
)

QUOTES = {
    "histology": ("neuroendocrine_tumor", "Well-differentiated neuroendocrine tumour"),
    "site": ("rectum", "Rectum"),
    "procedure": ("esd", "endoscopic submucosal dissection (ESD)"),
    "tumor_size_mm": (6, "Tumour size: 6 mm"),
    "depth": ("submucosa", "Depth of invasion: submucosa"),
    "grade": ("G1", "grade 1"),
    "ki67_percent": (1, "Ki-67 index: 1%"),
    "mitoses_per_2mm2": (1, "Mitoses: 1 per 2 mm2"),
    "lvi": ("absent", "Lymphovascular invasion: not identified"),
    "margin_lateral": ("negative", "Lateral margin: negative"),
    "margin_deep": ("negative", "Deep margin: negative"),
    "margin_deep_mm": (1.5, "clear by 1.5 mm"),
}


def span(text: str, quote: str) -> Span:
    """The span of the unique occurrence of ``quote`` in ``text``."""
    assert text.count(quote) == 1, quote
    start = text.index(quote)
    return Span.of(text, start, start + len(quote))


def sample_findings(text: str = TEXT, **overrides) -> Findings:
    """Findings of the sample report; ``field=(value, quote)`` overrides, ``field=None`` drops."""
    quotes = {**QUOTES, **overrides}
    data = {name: {"value": vq[0], "evidence": [span(text, vq[1]).model_dump()], "source": "rules"}
            for name, vq in quotes.items() if vq is not None}
    return Findings.model_validate(data)


def sample_record(report_id: str = "S26-0001", text: str = TEXT, checks: list[Check] | None = None,
                  **overrides) -> tuple[ResultRecord, str]:
    """A decided record of the sample report and its text, as ``pathspan run`` hands them over."""
    findings = sample_findings(text, **overrides)
    decided_checks, recommendation = decide(findings)
    record = ResultRecord(report_id=report_id, status="ok", text_sha256=sha256_text(text),
                          findings=findings, checks=checks if checks is not None else decided_checks,
                          recommendation=recommendation)
    return record, text


def require_service(available: bool, reason: str) -> None:
    """Skip locally when a service is missing; fail under CI=true, where skipping hides it."""
    if available:
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason} (CI=true: .ci/services.sh should have provided it)")
    pytest.skip(reason)


def pg_url() -> str:
    """The test PostgreSQL URL exported by .ci/services.sh."""
    url = os.environ.get("PATHSPAN_TEST_PG_URL")
    require_service(bool(url), "PATHSPAN_TEST_PG_URL is not set; source .ci/services.sh to start PostgreSQL")
    return url  # type: ignore[return-value]


def require_chromium() -> None:
    """Debian's chromium must be installed for the browser tests."""
    require_service(CHROMIUM.exists(), f"{CHROMIUM} is missing; source .ci/services.sh to install chromium")
