"""Score an extractor against the annotated gold set in ``gold_reports/``.

A gold case is a report (``<id>.txt``) with its expected findings and evidence spans
(``<id>.json``, see ``docs/gold.md``). ``evaluate()`` runs any ``text -> Findings`` callable over
the cases and counts, per field, true positives, false positives and false negatives on the
*values* (a wrong value is one FP and one FN), how often a correct value's evidence overlaps a
gold span, and two global invariants of the output contract: every predicted span holds in the
text, and no value lacks a span. Because the extractor is a parameter, the rule-based stage, an
LLM-only stage and the reconciled result can be scored on the same cases and shown side by side
with ``comparison_table()``.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Optional

from .ingest import read_file
from .models import NUMERIC_FIELDS, Findings, Span

SPLITS = ("train", "test")
# Numbers are compared with a small tolerance so that 1.5 and 1.50000001 agree, while
# 1.5 and 2 do not (the smallest meaningful step in the dictionary's numbers is 0.1).
ABS_TOLERANCE = 1e-6
REL_TOLERANCE = 1e-3

Extractor = Callable[[str], Findings]


@dataclass(frozen=True)
class GoldCase:
    """One annotated report: its decoded text and the expected findings with their spans."""

    case_id: str
    split: str
    text: str
    gold: Findings
    path: Path
    style: Optional[str] = None
    notes: Optional[str] = None
    expected_recommendation: Optional[str] = None


class GoldFormatError(ValueError):
    """An annotation file that does not follow the gold format."""


# Key order of an annotation file (docs/gold.md); unknown keys follow in their own order.
GOLD_KEY_ORDER = ("id", "style", "notes", "expected_recommendation", "fields")


def dump_gold(data: dict[str, Any]) -> str:
    """An annotation as JSON with one line per field, so a diff shows the field that changed."""
    lines = []
    for key in [k for k in GOLD_KEY_ORDER if k in data] + [k for k in data if k not in GOLD_KEY_ORDER]:
        value = data[key]
        if key != "fields":
            lines.append(f" {json.dumps(key)}: {json.dumps(value, ensure_ascii=False)}")
            continue
        inner = [f"  {json.dumps(name)}: {json.dumps(entry, ensure_ascii=False)}"
                 for name, entry in value.items()]
        lines.append(' "fields": {\n' + ",\n".join(inner) + "\n }")
    return "{\n" + ",\n".join(lines) + "\n}\n"


def load_case(json_path: Path, split: str) -> GoldCase:
    """One gold case from ``<id>.json`` and its sibling ``<id>.txt`` (decoded like ``ingest``)."""
    item = read_file(json_path.with_suffix(".txt"))
    if item.report is None:
        raise GoldFormatError(f"{json_path}: report text unreadable ({item.error})")
    data = json.loads(json_path.read_text(encoding="utf-8"))
    fields = data.get("fields")
    if not isinstance(fields, dict):
        raise GoldFormatError(f"{json_path}: no 'fields' object")
    try:
        gold = Findings.model_validate(fields)
    except ValueError as exc:
        raise GoldFormatError(f"{json_path}: {exc}") from exc
    return GoldCase(
        case_id=json_path.stem,
        split=split,
        text=item.report.text,
        gold=gold,
        path=json_path,
        style=data.get("style"),
        notes=data.get("notes"),
        expected_recommendation=data.get("expected_recommendation"),
    )


def load_gold(root: Path, split: str = "all") -> list[GoldCase]:
    """The gold cases under ``root/<split>/`` (``train``, ``test`` or ``all``), sorted by id."""
    root = Path(root)
    if split not in (*SPLITS, "all"):
        raise ValueError(f"split must be one of {', '.join(SPLITS)} or all, not {split!r}")
    splits = SPLITS if split == "all" else (split,)
    cases = []
    for name in splits:
        folder = root / name
        for json_path in sorted(folder.glob("*.json")):
            cases.append(load_case(json_path, name))
    return cases


# --- metrics ------------------------------------------------------------------------------


@dataclass
class FieldScore:
    """Value counts and span agreement of one field (or of all fields pooled)."""

    field: str
    tp: int = 0
    fp: int = 0
    fn: int = 0
    support: int = 0  # cases whose gold value is not null
    span_agree: int = 0  # true positives whose evidence overlaps a gold span

    @property
    def precision(self) -> float:
        # No predictions means no wrong ones: vacuously precise (recall carries the miss).
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def span_agreement(self) -> Optional[float]:
        """Share of correct predictions whose evidence overlaps a gold span (None if no TP)."""
        return self.span_agree / self.tp if self.tp else None

    def add(self, other: "FieldScore") -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        self.support += other.support
        self.span_agree += other.span_agree

    def to_dict(self) -> dict[str, Any]:
        return {
            **asdict(self),
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "span_agreement": self.span_agreement,
        }


@dataclass(frozen=True)
class Mismatch:
    """A field where the prediction and the gold value differ."""

    case_id: str
    field: str
    gold: Any
    predicted: Any


@dataclass(frozen=True)
class Violation:
    """A breach of the output contract: a span that does not hold, or a value without a span."""

    case_id: str
    field: str
    kind: str  # "span_does_not_hold" | "value_without_span"
    detail: str


@dataclass
class EvalReport:
    """Everything ``evaluate()`` measured for one extractor on one set of cases."""

    name: str
    n_cases: int
    fields: dict[str, FieldScore]
    mismatches: list[Mismatch] = field(default_factory=list)
    violations: list[Violation] = field(default_factory=list)
    errors: list[tuple[str, str]] = field(default_factory=list)  # (case_id, exception)

    @property
    def overall(self) -> FieldScore:
        """All fields pooled (micro average)."""
        total = FieldScore("ALL")
        for score in self.fields.values():
            total.add(score)
        return total

    def to_dict(self, mismatches: bool = True) -> dict[str, Any]:
        """The scores as plain data; ``mismatches=False`` leaves out which case got which field
        wrong (what may be shown of a held-out split)."""
        out = {
            "name": self.name,
            "n_cases": self.n_cases,
            "fields": {name: s.to_dict() for name, s in self.fields.items()},
            "overall": self.overall.to_dict(),
            "violations": [asdict(v) for v in self.violations],
            "mismatches": [asdict(m) for m in self.mismatches],
            "errors": [{"case_id": c, "error": e} for c, e in self.errors],
        }
        if not mismatches:
            del out["mismatches"]
        return out


def values_equal(name: str, gold: Any, predicted: Any) -> bool:
    """True when a predicted value matches the gold one (numbers within a small tolerance)."""
    if gold is None or predicted is None:
        return gold is None and predicted is None
    if name in NUMERIC_FIELDS:
        try:
            return math.isclose(float(gold), float(predicted), rel_tol=REL_TOLERANCE,
                                abs_tol=ABS_TOLERANCE)
        except (TypeError, ValueError):
            return False
    return gold == predicted


def spans_overlap(predicted: Iterable[Span], gold: Iterable[Span]) -> bool:
    """True when any predicted span shares at least one character with any gold span."""
    gold = list(gold)
    return any(p.start < g.end and g.start < p.end for p in predicted for g in gold)


def _default_extractor() -> Extractor:
    from .extract import extract_findings  # lazy: spaCy is loaded only when needed

    return extract_findings


def score_case(case: GoldCase, predicted: Findings, scores: dict[str, FieldScore],
               report: EvalReport) -> None:
    """Add one case's counts to ``scores`` and its mismatches/violations to ``report``."""
    for name in Findings.field_names():
        gold_f, pred_f = getattr(case.gold, name), getattr(predicted, name)
        score = scores[name]
        for span in pred_f.evidence:
            if not span.holds_in(case.text):
                report.violations.append(Violation(
                    case.case_id, name, "span_does_not_hold",
                    f"[{span.start}:{span.end}] is {case.text[span.start:span.end]!r}, "
                    f"span says {span.text!r}"))
        if pred_f.value is not None and not pred_f.evidence:
            report.violations.append(Violation(case.case_id, name, "value_without_span",
                                               f"value {pred_f.value!r}"))
        g, p = gold_f.value, pred_f.value
        if g is not None:
            score.support += 1
        if g is None and p is None:
            continue
        if values_equal(name, g, p):
            score.tp += 1
            if spans_overlap(pred_f.evidence, gold_f.evidence):
                score.span_agree += 1
            continue
        if p is not None:
            score.fp += 1
        if g is not None:
            score.fn += 1
        report.mismatches.append(Mismatch(case.case_id, name, g, p))


def evaluate(cases: Sequence[GoldCase], extract: Extractor | None = None,
             name: str = "rules") -> EvalReport:
    """Run ``extract`` (default: the rule-based ``extract_findings``) over ``cases`` and score it.

    An extractor that raises on a case scores that case as if it predicted nothing, and the
    error is listed in the report, so one bad case never hides the others' scores.
    """
    extract = extract or _default_extractor()
    scores = {n: FieldScore(n) for n in Findings.field_names()}
    report = EvalReport(name=name, n_cases=len(cases), fields=scores)
    for case in cases:
        try:
            predicted = extract(case.text)
        except Exception as exc:  # score the rest; the error is reported, not swallowed
            report.errors.append((case.case_id, f"{type(exc).__name__}: {exc}"))
            predicted = Findings()
        score_case(case, predicted, scores, report)
    return report


# --- presentation -------------------------------------------------------------------------


def _pct(x: Optional[float]) -> str:
    return "–" if x is None else f"{100 * x:.1f}"


def comparison_table(title: str, reports: Sequence[EvalReport]):
    """A rich table of per-field scores: full counts for one report, F1/span columns for several."""
    from rich.table import Table

    table = Table(title=title, show_lines=False)
    table.add_column("field", no_wrap=True)
    table.add_column("support", justify="right")
    single = len(reports) == 1
    if single:
        for col in ("TP", "FP", "FN", "P %", "R %", "F1 %", "span %"):
            table.add_column(col, justify="right")
    else:
        for rep in reports:
            table.add_column(f"F1 % {rep.name}", justify="right")
            table.add_column(f"span % {rep.name}", justify="right")
    names = [*Findings.field_names(), "ALL"]
    for fname in names:
        rows = [rep.overall if fname == "ALL" else rep.fields[fname] for rep in reports]
        cells = [fname, str(rows[0].support)]
        if single:
            s = rows[0]
            f1 = _pct(s.f1)
            if s.support and s.f1 < 0.95:
                f1 = f"[red]{f1}[/red]"
            cells += [str(s.tp), str(s.fp), str(s.fn), _pct(s.precision), _pct(s.recall), f1,
                      _pct(s.span_agreement)]
        else:
            for s in rows:
                cells += [_pct(s.f1), _pct(s.span_agreement)]
        table.add_row(*cells, end_section=fname == names[-2])
    return table


def summary_lines(report: EvalReport) -> list[str]:
    """Plain lines with the contract checks and errors of one report."""
    spans_bad = sum(v.kind == "span_does_not_hold" for v in report.violations)
    unproven = sum(v.kind == "value_without_span" for v in report.violations)
    lines = [
        f"{report.name}: {report.n_cases} cases, {len(report.mismatches)} field mismatches, "
        f"spans not holding: {spans_bad}, values without span: {unproven}, "
        f"extractor errors: {len(report.errors)}"
    ]
    lines += [f"  violation {v.case_id}.{v.field}: {v.kind} {v.detail}" for v in report.violations]
    lines += [f"  error {case_id}: {err}" for case_id, err in report.errors]
    return lines


def mismatch_lines(report: EvalReport) -> list[str]:
    """One line per mismatching field: case, field, gold and predicted value."""
    return [f"  {m.case_id}.{m.field}: gold={m.gold!r} predicted={m.predicted!r}"
            for m in report.mismatches]


def evaluate_splits(root: Path, split: Optional[str] = None,
                    extractors: Mapping[str, Extractor] | None = None
                    ) -> dict[str, list[EvalReport]]:
    """Reports per split label (``train``/``test`` separately by default, or one ``split``)."""
    extractors = extractors or {"rules": _default_extractor()}
    labels = SPLITS if split is None else (split,)
    out: dict[str, list[EvalReport]] = {}
    for label in labels:
        cases = load_gold(root, label)
        out[label] = [evaluate(cases, fn, name) for name, fn in extractors.items()]
    return out
