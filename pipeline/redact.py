"""``--redact``: replace names, dates, MRNs and accession numbers before text leaves the machine.

The LLM sees the redacted text, so its quotes are grounded there; ``Redaction.original_span``
maps a span of the redacted text back to the report text (a span that touches a placeholder
grows to cover the whole identifier it replaced), so every span in a result record still
indexes the original report. The patterns live in ``resources/redact_patterns.json``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .models import Span
from .resources import load_resource

PATTERNS_FILE = "redact_patterns.json"


@dataclass(frozen=True)
class Replacement:
    """One identifier: where it was in the original text and where its placeholder is."""

    kind: str
    orig_start: int
    orig_end: int
    red_start: int
    red_end: int


@dataclass
class Redaction:
    """The redacted text of one report and the map back to the original."""

    original: str
    text: str
    replacements: list[Replacement] = field(default_factory=list)

    def _to_original(self, pos: int, is_end: bool) -> int:
        delta = 0
        for r in self.replacements:
            if pos <= r.red_start:
                break
            if pos < r.red_end:
                # Inside a placeholder: widen to the whole identifier.
                return r.orig_end if is_end else r.orig_start
            delta = r.orig_end - r.red_end
        return pos + delta

    def original_span(self, span: Span) -> Span:
        """The span of the original report that ``span`` of the redacted text stands for."""
        start = self._to_original(span.start, is_end=False)
        end = self._to_original(span.end, is_end=True)
        return Span.of(self.original, start, max(start, end))


@lru_cache(maxsize=1)
def _patterns() -> list[tuple[str, re.Pattern]]:
    data = load_resource(PATTERNS_FILE)
    out = []
    for entry in data["patterns"]:
        regex = entry["regex"]
        for macro, body in data["macros"].items():
            regex = regex.replace("{" + macro + "}", body)
        out.append((entry["kind"], re.compile(regex)))
    return out


def find_identifiers(text: str) -> list[tuple[int, int, str]]:
    """Non-overlapping ``(start, end, kind)`` of the identifiers in ``text``, in text order;
    where two patterns overlap, the one that starts first (then the longer) wins."""
    hits = []
    for kind, pattern in _patterns():
        for m in pattern.finditer(text):
            start, end = m.span("phi")
            if end > start:
                hits.append((start, end, kind))
    hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
    chosen: list[tuple[int, int, str]] = []
    for hit in hits:
        if not chosen or hit[0] >= chosen[-1][1]:
            chosen.append(hit)
    return chosen


def redact(text: str) -> Redaction:
    """``text`` with every identifier replaced by ``[KIND]`` (e.g. ``[NAME]``), and the map back."""
    parts: list[str] = []
    replacements: list[Replacement] = []
    pos = red_pos = 0
    for start, end, kind in find_identifiers(text):
        parts.append(text[pos:start])
        red_pos += start - pos
        placeholder = f"[{kind}]"
        parts.append(placeholder)
        replacements.append(Replacement(kind, start, end, red_pos, red_pos + len(placeholder)))
        red_pos += len(placeholder)
        pos = end
    parts.append(text[pos:])
    return Redaction(original=text, text="".join(parts), replacements=replacements)
