"""pathspan: span-proven findings and guideline-based next steps from pathology reports.

Public API::

    from pipeline import extract_findings, decide, process_report, Report
"""

from .models import (
    PIPELINE_VERSION,
    Check,
    Finding,
    Findings,
    PatientContext,
    Recommendation,
    Report,
    ResultRecord,
    Span,
)

__version__ = PIPELINE_VERSION

__all__ = [
    "Check",
    "Finding",
    "Findings",
    "PatientContext",
    "Recommendation",
    "Report",
    "ResultRecord",
    "Span",
    "decide",
    "extract_findings",
    "process_report",
]


def __getattr__(name: str):
    # Lazy so that `import pipeline.models` never pays for spaCy.
    if name == "extract_findings":
        from .extract import extract_findings

        return extract_findings
    if name == "decide":
        from .decide import decide

        return decide
    if name == "process_report":
        from .process import process_report

        return process_report
    raise AttributeError(name)
