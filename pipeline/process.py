"""One report in, one result record out: extraction, then the decision on the findings."""

from __future__ import annotations

from .decide import decide
from .errors import ErrorCode, PathspanError
from .extract import extract_findings
from .ingest import Item
from .models import ErrorInfo, Findings, PatientContext, Report, ResultRecord


def process_report(report: Report, context: PatientContext | None = None,
                   findings: Findings | None = None) -> ResultRecord:
    """Extract the findings of one report and decide on them.

    ``findings`` lets the batch pass findings already extracted in bulk (``nlp.pipe``).
    """
    if findings is None:
        findings = extract_findings(report.text)
    checks, recommendation = decide(findings, context)
    return ResultRecord(
        report_id=report.report_id,
        status="ok",
        text_sha256=report.text_sha256,
        findings=findings,
        checks=checks,
        recommendation=recommendation,
        source=report.source,
        context=context,
    )


def failed_record(report_id: str, error: PathspanError, *, source: str | None = None,
                  text_sha256: str | None = None) -> ResultRecord:
    """The record of an input that could not be processed; the batch goes on."""
    return ResultRecord(
        report_id=report_id,
        status="failed",
        error=ErrorInfo(code=error.code, message=error.message),
        text_sha256=text_sha256,
        source=source,
    )


def process_item(item: Item, context: PatientContext | None = None,
                 findings: Findings | None = None) -> ResultRecord:
    """The record of one ingested item, failed or processed; never raises for bad input."""
    if item.error is not None or item.report is None:
        return failed_record(item.report_id, item.error, source=item.source)
    try:
        return process_report(item.report, context, findings)
    except Exception as exc:  # one bad report must not stop an archive run
        err = PathspanError(ErrorCode.INTERNAL, detail=f"{type(exc).__name__}: {exc}")
        return failed_record(item.report_id, err, source=item.source,
                             text_sha256=item.report.text_sha256)
