"""The review store: a queue of result records and an append-only trail of what reviewers did.

Two tables (SQLAlchemy 2.0, any database SQLAlchemy speaks; SQLite in the run folder by
default, PostgreSQL for a team):

* ``review_case``: one row per (report id, text hash) with the state the queue filters on
  (status, priority, current recommendation) and a ``version`` column for optimistic locking.
* ``review_revision``: one row per change, never updated or deleted: revision 1 is the record
  as the pipeline produced it; every accept or correction adds a row with who, when, the version
  the reviewer saw, the ``old -> new`` changes and the full record after the change. The current
  record of a case is its newest revision.

Concurrent saves: a save names the version the reviewer saw. If another save came first, the
two are merged when they touch different fields and refused (:class:`ConflictError`) when they
touch the same one, so neither change is lost silently. The version check itself is the
database's (``UPDATE … WHERE version = :seen``), retried when two saves race.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from itertools import islice
from pathlib import Path
from typing import Any, Optional

from sqlalchemy import (
    JSON, Boolean, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint, create_engine,
    event, func, select,
)
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, sessionmaker
from sqlalchemy.orm.exc import StaleDataError
from sqlalchemy.pool import StaticPool

from ..models import ResultRecord, sha256_text
from .corrections import Correction, DecideFn, apply_corrections
from .priority import classify

DEFAULT_DB_FILE = "review.sqlite"
STATUSES = ("pending", "accepted", "corrected")
ACTIONS = ("enqueue", "accept", "correct")
_RACE_RETRIES = 8
_BATCH = 500


class ConflictError(Exception):
    """A save based on an old version touches a field someone else changed since."""

    def __init__(self, case_id: int, fields: Sequence[str], current_version: int) -> None:
        self.case_id, self.fields, self.current_version = case_id, list(fields), current_version
        super().__init__(f"case {case_id}: {', '.join(fields) or 'the record'} changed since you "
                         f"opened it (now version {current_version}); reload and review again")


class NotFound(KeyError):
    """No case with that id."""


class Base(DeclarativeBase):
    pass


class Case(Base):
    __tablename__ = "review_case"
    __table_args__ = (UniqueConstraint("report_id", "text_sha256", name="uq_review_case_report_text"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    report_id: Mapped[str] = mapped_column(String(512), index=True)
    # Hash of the stored text ("" when neither text nor hash is known): the idempotence key.
    text_sha256: Mapped[str] = mapped_column(String(64))
    text: Mapped[Optional[str]] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16), default="pending", index=True)
    needs_review: Mapped[bool] = mapped_column(Boolean)
    severity: Mapped[int] = mapped_column(Integer)
    category: Mapped[Optional[str]] = mapped_column(String(32))
    intensity: Mapped[int] = mapped_column(Integer)
    reasons: Mapped[list] = mapped_column(JSON)
    recommendation_code: Mapped[Optional[str]] = mapped_column(String(64))
    enqueued_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    # Set on every save, so every save is an UPDATE that the version check guards.
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    version: Mapped[int] = mapped_column(Integer, nullable=False)

    __mapper_args__ = {"version_id_col": version}


class Revision(Base):
    __tablename__ = "review_revision"
    __table_args__ = (UniqueConstraint("case_id", "number", name="uq_review_revision_number"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("review_case.id"), index=True)
    number: Mapped[int] = mapped_column(Integer)  # the case version this revision created
    base_version: Mapped[Optional[int]] = mapped_column(Integer)  # the version the reviewer saw
    action: Mapped[str] = mapped_column(String(16))
    reviewer: Mapped[Optional[str]] = mapped_column(String(255))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    changes: Mapped[list] = mapped_column(JSON)
    comment: Mapped[Optional[str]] = mapped_column(Text)
    record: Mapped[str] = mapped_column(Text)  # the full ResultRecord JSON after this revision


@event.listens_for(Revision, "before_update")
@event.listens_for(Revision, "before_delete")
def _append_only(_mapper: Any, _conn: Any, target: Revision) -> None:
    raise RuntimeError(f"review revision {target.id} is append-only; add a revision instead")


# --- read models handed to the page and the exporters -------------------------------------


@dataclass(frozen=True)
class RevisionView:
    number: int
    base_version: int | None
    action: str
    reviewer: str | None
    created_at: datetime
    changes: list[dict[str, Any]]
    comment: str | None


@dataclass(frozen=True)
class CaseSummary:
    id: int
    report_id: str
    status: str
    needs_review: bool
    severity: int
    category: str | None
    reasons: list[str]
    recommendation_code: str | None
    version: int


@dataclass(frozen=True)
class CaseView:
    summary: CaseSummary
    text: str | None
    record: ResultRecord  # the current record (newest revision)
    revisions: list[RevisionView]

    @property
    def id(self) -> int:
        return self.summary.id

    @property
    def version(self) -> int:
        return self.summary.version


def _utc(moment: datetime) -> datetime:
    # SQLite hands back naive datetimes; every stored moment is UTC.
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _summary(case: Case) -> CaseSummary:
    return CaseSummary(case.id, case.report_id, case.status, case.needs_review, case.severity,
                       case.category, list(case.reasons or []), case.recommendation_code,
                       case.version)


def _revision_view(rev: Revision) -> RevisionView:
    return RevisionView(rev.number, rev.base_version, rev.action, rev.reviewer,
                        _utc(rev.created_at), list(rev.changes or []), rev.comment)


# --- engine ------------------------------------------------------------------------------


def resolve_url(out_dir: Path | None, db_url: str | None) -> str:
    """``db_url`` if given, else the SQLite file ``out_dir/review.sqlite``."""
    if db_url:
        return db_url
    if out_dir is None:
        raise ValueError("give a run output folder or a --db URL")
    return f"sqlite:///{Path(out_dir).resolve() / DEFAULT_DB_FILE}"


def make_engine(url: str) -> Engine:
    """An engine for ``url``; SQLite gets write-serialising transactions (see below)."""
    if not url.startswith("sqlite"):
        return create_engine(url, pool_pre_ping=True)
    memory = url in ("sqlite://", "sqlite:///:memory:")
    # An in-memory database lives in one connection: share it between threads (tests, demos).
    engine = create_engine(url, connect_args={"timeout": 30, "check_same_thread": False},
                           **({"poolclass": StaticPool} if memory else {}))

    # pysqlite's deferred BEGIN lets two readers both try to upgrade to writers, and SQLite then
    # refuses one at once ("database is locked") instead of waiting. BEGIN IMMEDIATE makes a
    # transaction take the write lock up front, so concurrent saves queue up (SQLAlchemy's
    # documented pysqlite recipe).
    @event.listens_for(engine, "connect")
    def _connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None
        dbapi_conn.execute("PRAGMA foreign_keys=ON")

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


class ReviewStore:
    """The queue and its audit trail in one database."""

    def __init__(self, url: str, decide: DecideFn | None = None) -> None:
        if url.startswith("sqlite:///") and not url.startswith("sqlite:///:memory:"):
            Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
        self.url = url
        self.engine = make_engine(url)
        Base.metadata.create_all(self.engine)
        self._session = sessionmaker(self.engine, expire_on_commit=False)
        self._decide = decide

    @classmethod
    def open(cls, out_dir: Path | None = None, db_url: str | None = None,
             decide: DecideFn | None = None) -> "ReviewStore":
        """The store of a run folder (``OUT_DIR/review.sqlite``) or at ``db_url``."""
        return cls(resolve_url(out_dir, db_url), decide)

    def close(self) -> None:
        self.engine.dispose()

    # --- queue -----------------------------------------------------------------------------

    def enqueue(self, items: Iterable[tuple[ResultRecord, str | None]]) -> int:
        """Add records (with their report texts); returns how many were new.

        Idempotent: a record whose (report id, text hash) is already queued is skipped.
        """
        added = 0
        it = iter(items)
        while batch := list(islice(it, _BATCH)):
            added += self._enqueue_batch(batch)
        return added

    def _enqueue_batch(self, batch: list[tuple[ResultRecord, str | None]]) -> int:
        keyed = {}
        for record, text in batch:
            key = (record.report_id, sha256_text(text) if text is not None else record.text_sha256 or "")
            keyed.setdefault(key, (record, text))
        with self._session.begin() as session:
            ids = {rid for rid, _ in keyed}
            existing = set(session.execute(
                select(Case.report_id, Case.text_sha256).where(Case.report_id.in_(ids))).all())
            now = datetime.now(UTC)
            added = 0
            for (report_id, digest), (record, text) in keyed.items():
                if (report_id, digest) in existing:
                    continue
                prio = classify(record)
                case = Case(report_id=report_id, text_sha256=digest, text=text, status="pending",
                            needs_review=prio.needs_review, severity=prio.severity,
                            category=prio.category, intensity=prio.intensity,
                            reasons=list(prio.reasons),
                            recommendation_code=record.recommendation.code if record.recommendation else None,
                            enqueued_at=now, updated_at=now)
                session.add(case)
                session.flush()
                session.add(Revision(case_id=case.id, number=1, base_version=None, action="enqueue",
                                     reviewer=None, created_at=now, changes=[], comment=None,
                                     record=record.to_json()))
                added += 1
        return added

    def list_cases(self, *, status: str | None = None, needs_review: bool | None = None,
                   category: str | None = None, code: str | None = None, query: str | None = None,
                   limit: int = 200, offset: int = 0) -> list[CaseSummary]:
        """Cases in queue order: flagged first, most severe reason first, then enqueue order."""
        stmt = select(Case)
        if status:
            stmt = stmt.where(Case.status == status)
        if needs_review is not None:
            stmt = stmt.where(Case.needs_review == needs_review)
        if category:
            stmt = stmt.where(Case.category == category)
        if code:
            stmt = stmt.where(Case.recommendation_code == code)
        if query:
            stmt = stmt.where(Case.report_id.contains(query, autoescape=True))
        stmt = stmt.order_by(Case.needs_review.desc(), Case.severity, Case.intensity.desc(),
                             Case.id).limit(limit).offset(offset)
        with self._session() as session:
            return [_summary(c) for c in session.scalars(stmt)]

    def counts(self) -> dict[str, int]:
        """Number of cases per status."""
        with self._session() as session:
            rows = session.execute(select(Case.status, func.count()).group_by(Case.status)).all()
        return {status: n for status, n in rows}

    def get_case(self, case_id: int) -> CaseView:
        """One case with its current record and its whole revision trail (oldest first)."""
        with self._session() as session:
            case = session.get(Case, case_id)
            if case is None:
                raise NotFound(case_id)
            revs = list(session.scalars(select(Revision).where(Revision.case_id == case_id)
                                        .order_by(Revision.number)))
            return CaseView(_summary(case), case.text, ResultRecord.model_validate_json(revs[-1].record),
                            [_revision_view(r) for r in revs])

    def find_case(self, report_id: str, text_sha256: str | None = None) -> int | None:
        """The id of the newest case of ``report_id`` (with that text hash, if given)."""
        stmt = select(Case.id).where(Case.report_id == report_id)
        if text_sha256:
            stmt = stmt.where(Case.text_sha256 == text_sha256)
        with self._session() as session:
            return session.scalars(stmt.order_by(Case.id.desc()).limit(1)).first()

    def iter_cases(self, statuses: Sequence[str] | None = None) -> Iterator[CaseView]:
        """Every case (of the given statuses) in queue order, one at a time."""
        stmt = select(Case.id).order_by(Case.needs_review.desc(), Case.severity,
                                        Case.intensity.desc(), Case.id)
        if statuses:
            stmt = stmt.where(Case.status.in_(list(statuses)))
        with self._session() as session:
            ids = list(session.scalars(stmt))
        for case_id in ids:
            yield self.get_case(case_id)

    def statuses(self) -> dict[str, str]:
        """``report_id -> status`` (the newest case of each report id)."""
        with self._session() as session:
            rows = session.execute(select(Case.report_id, Case.status).order_by(Case.id)).all()
        return {rid: status for rid, status in rows}

    # --- review ----------------------------------------------------------------------------

    def preview(self, case_id: int, corrections: Sequence[Correction]) -> tuple[ResultRecord, list[dict]]:
        """The record the corrections would give (decision recomputed) and its changes; saves nothing."""
        case = self.get_case(case_id)
        return apply_corrections(case.record, case.text, corrections, self._decide)

    def save(self, case_id: int, *, reviewer: str, base_version: int,
             corrections: Sequence[Correction] = (), comment: str | None = None) -> RevisionView:
        """Sign the case: accept it as seen (no corrections) or correct it; returns the revision.

        ``base_version`` is the version the reviewer saw. Raises :class:`ConflictError` when a
        save since then touched the same fields (or any field, for a plain accept).
        """
        reviewer = (reviewer or "").strip()
        if not reviewer:
            raise ValueError("a review must be signed: give the reviewer's name")
        for _attempt in range(_RACE_RETRIES):
            try:
                return self._save_once(case_id, reviewer, base_version, list(corrections), comment)
            except (StaleDataError, IntegrityError):
                continue  # another save won the race for this version: re-read and merge
        raise ConflictError(case_id, [], self.get_case(case_id).version)

    def _save_once(self, case_id: int, reviewer: str, base_version: int,
                   corrections: list[Correction], comment: str | None) -> RevisionView:
        with self._session.begin() as session:
            case = session.get(Case, case_id)
            if case is None:
                raise NotFound(case_id)
            revs = list(session.scalars(select(Revision).where(Revision.case_id == case_id)
                                        .order_by(Revision.number)))
            if base_version > case.version or base_version < 1:
                raise ValueError(f"case {case_id} has no version {base_version}")
            since = {ch["field"] for r in revs if r.number > base_version for ch in r.changes
                     if ch["field"] != "recommendation"}
            mine = {c.field for c in corrections}
            if since and (not corrections or since & mine):
                raise ConflictError(case_id, sorted(since & mine) if corrections else sorted(since),
                                    case.version)
            current = ResultRecord.model_validate_json(revs[-1].record)
            record, changes = apply_corrections(current, case.text, corrections, self._decide)
            action = "correct" if changes else "accept"
            now = datetime.now(UTC)
            case.updated_at = now
            case.status = "corrected" if action == "correct" or case.status == "corrected" else "accepted"
            case.recommendation_code = record.recommendation.code if record.recommendation else None
            rev = Revision(case_id=case_id, number=case.version + 1, base_version=base_version,
                           action=action, reviewer=reviewer, created_at=now, changes=changes,
                           comment=comment, record=record.to_json())
            session.add(rev)
            session.flush()  # UPDATE review_case … WHERE version = :seen; StaleDataError on a race
            return _revision_view(rev)


def enqueue_results(out_dir: Path, db_url: str | None,
                    items: Iterable[tuple[ResultRecord, str | None]]) -> int:
    """Queue every record of a run for review (``OUT_DIR/review.sqlite`` unless ``db_url``).

    Returns the number of records newly queued; a re-run queues nothing twice.
    """
    store = ReviewStore.open(out_dir, db_url)
    try:
        return store.enqueue(items)
    finally:
        store.close()


def review_statuses(db_path: Path) -> dict[str, str]:
    """``report_id -> review status`` of the SQLite store at ``db_path`` (for the exporters)."""
    store = ReviewStore(f"sqlite:///{Path(db_path).resolve()}")
    try:
        return store.statuses()
    finally:
        store.close()


def record_json(record: ResultRecord) -> dict[str, Any]:
    """The record as plain JSON data (for templates and API answers)."""
    return json.loads(record.to_json())
