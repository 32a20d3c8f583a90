"""Declarative rule objects: clauses over ``Facts``, combined with all_of / any_of.

A clause answers True, False or None (unknown: an input it needs is missing or indeterminate)
and says in clinical words what it requires and what the report shows, naming the findings it
rests on so the decision can quote their spans. A rule is data: id, version, sources,
condition, outcome code, summary, explanation, follow-up.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Optional, Union

from ..derive import Facts


@dataclass(frozen=True)
class Item:
    """One piece of a verdict: a sentence and the findings fields it rests on."""

    text: str
    fields: tuple[str, ...] = ()
    clause: str = ""  # the requirement this item speaks to (``Clause.requires``)
    shown: str = ""   # what the report shows for it
    risk: bool = False


@dataclass(frozen=True)
class Verdict:
    """Three-valued result of a condition, with what held, what failed and what was unknown."""

    value: Optional[bool]
    met: tuple[Item, ...] = ()
    unmet: tuple[Item, ...] = ()
    unknown: tuple[Item, ...] = ()


@dataclass(frozen=True)
class Clause:
    """An atomic requirement. ``test`` returns True/False/None; ``shows`` says what the report has."""

    requires: str
    test: Callable[[Facts], Optional[bool]]
    shows: Callable[[Facts], str]
    fields: tuple[str, ...] = ()
    risk: bool = False  # a risk feature: listed in the reasons whenever it holds

    def evaluate(self, facts: Facts) -> Verdict:
        value = self.test(facts)
        shown = self.shows(facts)
        if value is True:
            return Verdict(True, met=(Item(shown, self.fields, self.requires, shown, self.risk),))
        if value is False:
            return Verdict(False, unmet=(Item(f"needs {self.requires}; report: {shown}", self.fields,
                                              self.requires, shown),))
        return Verdict(None, unknown=(Item(f"{self.requires}: {shown}", self.fields, self.requires, shown),))

    def describe(self) -> str:
        return self.requires


@dataclass(frozen=True)
class AllOf:
    """Every part must hold (False if any is False, unknown if any is unknown)."""

    parts: tuple["Condition", ...]

    def evaluate(self, facts: Facts) -> Verdict:
        verdicts = [p.evaluate(facts) for p in self.parts]
        values = [v.value for v in verdicts]
        value = False if False in values else None if None in values else True
        return _merge(value, verdicts)

    def describe(self) -> str:
        return "(" + " and ".join(p.describe() for p in self.parts) + ")"


@dataclass(frozen=True)
class AnyOf:
    """One part must hold (True if any is True, unknown if any is unknown, else False)."""

    parts: tuple["Condition", ...]

    def evaluate(self, facts: Facts) -> Verdict:
        verdicts = [p.evaluate(facts) for p in self.parts]
        values = [v.value for v in verdicts]
        value = True if True in values else None if None in values else False
        if value is True:
            # Only the parts that held explain the match.
            return _merge(True, [v for v in verdicts if v.value is True])
        merged = _merge(value, verdicts)
        if value is False:
            # One line for the whole alternative: "needs A or (B and C); report: ...".
            shown = "; ".join(dict.fromkeys(i.shown for i in merged.unmet))
            fields = tuple(dict.fromkeys(n for i in merged.unmet for n in i.fields))
            item = Item(f"needs {self.describe()}; report: {shown}", fields, self.describe(), shown)
            return Verdict(False, met=merged.met, unmet=(item,), unknown=merged.unknown)
        return merged

    def describe(self) -> str:
        return " or ".join(p.describe() for p in self.parts)


Condition = Union[Clause, AllOf, AnyOf]


def all_of(*parts: Condition) -> AllOf:
    return AllOf(tuple(parts))


def any_of(*parts: Condition) -> AnyOf:
    return AnyOf(tuple(parts))


def _merge(value: Optional[bool], verdicts: list[Verdict]) -> Verdict:
    return Verdict(
        value,
        met=tuple(i for v in verdicts for i in v.met),
        unmet=tuple(i for v in verdicts for i in v.unmet),
        unknown=tuple(i for v in verdicts for i in v.unknown),
    )


@dataclass(frozen=True)
class Rule:
    """One guideline row: matched when its condition is True; the first match in a pack decides."""

    id: str
    version: str
    sources: tuple[str, ...]            # keys of pipeline.rules.sources.GUIDELINES
    condition: Optional[Condition]      # None for a pack's fallback rules
    outcome: str                        # a RecommendationCode
    summary: str                        # one line, clinical words
    explanation: str                    # why this row recommends what it does
    follow_up: tuple[str, ...] = ()
    review: Optional[str] = None        # a review reason whenever this rule decides
    why_not_note: Optional[str] = None  # added to the alternative's why_not when not chosen
    # (code, text): an alternative the sources accept when this rule decides; shown first in
    # that code's why_not so the reader sees it is a recognised option, not an error.
    accepted_alternative: Optional[tuple[str, str]] = None

    def evaluate(self, facts: Facts) -> Verdict:
        if self.condition is None:
            return Verdict(None)
        return self.condition.evaluate(facts)


@dataclass(frozen=True)
class Pack:
    """An ordered rule pack with its two fallbacks: missing inputs, and no row fitting."""

    id: str
    version: str
    title: str
    rules: tuple[Rule, ...]
    on_missing: Rule
    on_unmatched: Rule
    applies_to: str = field(default="")  # plain-words scope, shown in docs and reasons
