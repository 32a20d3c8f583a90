"""Read what ``pathspan run`` left in an output folder: the result records and review states.

The exporters read a run only through this module, so a change in how a run is stored
(or in the review store) touches one place.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from ..batch import RESULTS_NAME as RESULTS_FILE
from ..models import ResultRecord

REVIEW_DB = "review.sqlite"
UNREVIEWED = "unreviewed"


def results_path(out_dir: Path) -> Path:
    """The ``results.jsonl`` of a run folder (or the file itself when given one)."""
    out_dir = Path(out_dir)
    return out_dir if out_dir.is_file() else out_dir / RESULTS_FILE


def iter_results(out_dir: Path) -> Iterator[ResultRecord]:
    """Every result record of a run folder, in file order; blank lines are skipped."""
    path = results_path(out_dir)
    if not path.exists():
        raise FileNotFoundError(f"{path}: no results file; run `pathspan run INPUT --out DIR` first")
    with path.open("r", encoding="utf-8") as fh:
        for n, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                yield ResultRecord.model_validate_json(line)
            except ValueError as exc:  # name the line: a hand-edited file is the usual cause
                raise ValueError(f"{path}:{n}: not a result record: {exc}") from exc


def record_needs_review(record: ResultRecord) -> bool:
    """True when the recommendation or any finding of the record is flagged for review."""
    if record.recommendation and record.recommendation.needs_review:
        return True
    findings = record.findings
    return bool(findings) and any(getattr(findings, n).needs_review for n in findings.field_names())


def review_status_reader(out_dir: Path) -> Callable[[str], str]:
    """A function ``report_id -> review status``; "unreviewed" when no review store exists.

    The review store (``pipeline/review/store.py``, SQLite at ``OUT_DIR/review.sqlite``) is
    owned by the review stage; we call the one lookup it exposes and never read its tables.
    Its statuses are ``pending``, ``accepted`` and ``corrected``.
    """
    db = Path(out_dir) / REVIEW_DB
    if Path(out_dir).is_file() or not db.exists():
        return lambda _report_id: UNREVIEWED
    lookup = _store_lookup()
    if lookup is None:
        return lambda _report_id: UNREVIEWED
    statuses = lookup(db)
    return lambda report_id: str(statuses.get(report_id) or UNREVIEWED)


def _store_lookup() -> Callable[[Path], dict[str, str]] | None:
    """The review store's ``review_statuses(db_path) -> {report_id: status}``.

    Imported late: the store pulls in SQLAlchemy, which a plain CSV export does not need.
    """
    try:
        from ..review.store import review_statuses
    except ImportError:  # an install without the review stage still exports
        return None
    return review_statuses
