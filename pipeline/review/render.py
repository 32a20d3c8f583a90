"""What the review page shows, as data: the report cut into highlighted segments, and the
choices a reviewer has per field. Kept apart from the web framework so it is tested directly.
"""

from __future__ import annotations

import types
import typing
from dataclasses import dataclass
from functools import lru_cache

from ..models import NUMERIC_FIELDS, Findings


@dataclass(frozen=True)
class Segment:
    """A run of report text ``[start, end)`` and the fields whose evidence covers all of it."""

    start: int
    end: int
    text: str
    fields: tuple[str, ...]

    @property
    def is_evidence(self) -> bool:
        return bool(self.fields)


def segments(text: str, findings: Findings | None) -> list[Segment]:
    """``text`` cut at every evidence boundary; overlapping spans give segments with several
    fields. The segments cover the whole text in order, so their texts join to ``text``."""
    cover: list[tuple[int, int, str]] = []
    if findings is not None:
        for name in findings.field_names():
            for span in getattr(findings, name).evidence:
                if span.holds_in(text) and span.end > span.start:
                    cover.append((span.start, span.end, name))
    cuts = sorted({0, len(text), *(s for s, _, _ in cover), *(e for _, e, _ in cover)})
    out = []
    for start, end in zip(cuts, cuts[1:]):
        fields = tuple(dict.fromkeys(n for s, e, n in cover if s <= start and end <= e))
        out.append(Segment(start, end, text[start:end], fields))
    return out


def _literal_values(annotation: object) -> list[str]:
    values: list[str] = []
    for arg in typing.get_args(annotation):
        if isinstance(arg, str):
            values.append(arg)
        elif typing.get_origin(arg) is typing.Literal or isinstance(arg, types.UnionType) \
                or typing.get_origin(arg) is typing.Union:
            values.extend(_literal_values(arg))
    return values


@lru_cache(maxsize=1)
def field_choices() -> dict[str, dict[str, object]]:
    """Per field: ``{"kind": "number"|"choice"|"text", "values": [...]}`` from the models."""
    out: dict[str, dict[str, object]] = {}
    for name, info in Findings.model_fields.items():
        value_type = info.annotation.model_fields["value"].annotation  # type: ignore[union-attr]
        if name in NUMERIC_FIELDS:
            out[name] = {"kind": "number", "values": []}
            continue
        values = _literal_values(value_type)
        out[name] = {"kind": "choice" if values else "text", "values": values}
    return out
