"""pathspan: span-proven findings and guideline-based next steps from pathology reports.

Public API::

    from pipeline import extract_findings, decide, process_report, run, RunConfig, Report

The command line (``pathspan``) is a thin layer over these.
"""

from importlib import import_module

# Eager: the decision module needs only the models, and a lazy name would be shadowed by the
# submodule of the same name once anything imports `pipeline.decide`.
from .decide import decide
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

# Imported on first use, so that `import pipeline.models` never pays for spaCy or Dask.
_LAZY = {
    "extract_findings": "extract",
    "extract_findings_many": "extract",
    "process_report": "process",
    "run": "batch",
    "RunConfig": "batch",
    "export_csv": "exports",
    "export_fhir": "exports",
    "enrich_records": "llm",
}

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
    *_LAZY,
]


def __getattr__(name: str):
    if name in _LAZY:
        return getattr(import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module 'pipeline' has no attribute {name!r}")
