"""Ground LLM claims in the report: quote -> span, and does the quote support the value?

The LLM returns ``{field, value, quote}`` claims. A claim becomes a finding only when

1. ``field`` is a data-dictionary field and ``value`` is one of its codes (the pydantic
   ``Findings`` model decides, so the vocabulary is never duplicated here);
2. ``quote`` is found in the report text, exactly first, then ignoring case and runs of
   whitespace; a quote found more than once must name its field (otherwise it is ambiguous);
3. the located text supports the value: a status claim must match the quote's polarity
   ("present" quoted from "not identified" is rejected), a code must be written in the quote,
   a number must appear in it (after unit conversion; a zero count may be a statement such as
   "all negative").

Everything else becomes a ``RejectedClaim`` with a reason code. The cue vocabulary lives in
``resources/grounding_cues.json`` so that a pathologist can read and change it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Iterable, Optional

from pydantic import ValidationError

from .models import NUMERIC_FIELDS, Finding, Findings, RejectedClaim, Span
from .normalize import _TENS_UNITS, _WORD_NUMBERS, LENGTH_UNIT, NUMBER, parse_number, to_mm, to_um
from .resources import load_resource

CUES_FILE = "grounding_cues.json"

# Reason codes of rejected claims: stable strings, counted by QA scripts.
UNKNOWN_FIELD = "unknown_field"
INVALID_VALUE = "invalid_value"
QUOTE_NOT_FOUND = "quote_not_found"
QUOTE_AMBIGUOUS = "quote_ambiguous"
OFF_FIELD = "quote_names_other_field"
NOT_SUPPORTED = "value_not_supported"
CONFLICT = "conflicting_claim"

_FLAGS = re.IGNORECASE
# Fields whose value words name the field, so a repeated quote states the same thing everywhere.
_SELF_NAMING = frozenset({"histology", "site", "procedure", "depth", "pt", "pn", "grade",
                          "tumor_budding", "resection"})


@dataclass(frozen=True)
class Claim:
    """One claim of the model: a field, its value and the verbatim quote that proves it."""

    field: str
    value: Any
    quote: str


@dataclass
class Grounded:
    """The outcome of grounding one answer: accepted findings by field, and rejected claims."""

    findings: dict[str, Finding] = field(default_factory=dict)
    rejected: list[RejectedClaim] = field(default_factory=list)


# --- cue vocabulary -----------------------------------------------------------------------


@dataclass(frozen=True)
class _Cues:
    polarity: dict[str, list[tuple[str, re.Pattern]]]   # field -> ordered (value, pattern)
    values: dict[str, dict[str, re.Pattern]]            # field -> value -> pattern
    differentiation: dict[str, re.Pattern]
    two_tier_grade: dict[str, re.Pattern]               # 'low grade' etc.: only without a stronger cue
    neuroendocrine: re.Pattern
    families: list[dict[str, re.Pattern]]               # groups of fields a quote could confuse
    names: dict[str, re.Pattern]                        # field -> pattern naming it
    number_noise: re.Pattern
    zero: dict[str, re.Pattern]                         # count field -> 'none of them' cues
    clause_continues: re.Pattern                        # a clause that the next one finishes
    clause_breaks: re.Pattern                           # ... unless the next one opens like this
    ocr_letters: list[tuple[re.Pattern, str]]           # OCR digit read as a letter ('RESECTI0N')
    ocr_digits: list[tuple[re.Pattern, str]]            # OCR letter read as a digit ('2/l7')


def _any(patterns: Iterable[str]) -> re.Pattern:
    return re.compile("|".join(f"(?:{p})" for p in patterns), _FLAGS)


@lru_cache(maxsize=1)
def _cues() -> _Cues:
    data = load_resource(CUES_FILE)
    polarity: dict[str, list[tuple[str, re.Pattern]]] = {}
    for group in data["polarity"].values():
        ordered = [(value, _any(patterns)) for value, patterns in group["order"]]
        for name in group["fields"]:
            polarity[name] = ordered
    values = {name: {value: _any(p) for value, p in table.items()}
              for name, table in data["values"].items()}
    families = [{name: _any(p) for name, p in family.items()}
                for family in data["field_names"].values()]
    names = {name: pattern for family in families for name, pattern in family.items()}
    return _Cues(
        polarity=polarity,
        values=values,
        differentiation={g: _any(p) for g, p in data["differentiation"].items()},
        two_tier_grade={g: _any(p) for g, p in data["two_tier_grade"].items()},
        neuroendocrine=_any(data["neuroendocrine"]),
        families=families,
        names=names,
        number_noise=_any(data["number_noise"]),
        zero={name: _any(p) for name, p in data["zero_counts"].items()},
        clause_continues=_any(data["clause_continues"]),
        clause_breaks=_any(data["clause_breaks"]),
        ocr_letters=[(re.compile(p), r) for p, r in data["ocr_lookalikes"]["letters"]],
        ocr_digits=[(re.compile(p), r) for p, r in data["ocr_lookalikes"]["digits"]],
    )


# --- quote -> span ------------------------------------------------------------------------


def locate(text: str, quote: str) -> list[Span]:
    """Every span of ``text`` that ``quote`` matches: exact matches if any, else matches that
    ignore case and treat any run of whitespace as one space. Empty when not found."""
    quote = quote.strip()
    if not quote:
        return []
    spans = []
    pos = text.find(quote)
    while pos != -1:
        spans.append(Span.of(text, pos, pos + len(quote)))
        pos = text.find(quote, pos + 1)
    if spans:
        return spans
    # Models re-flow line breaks, change case ("Lymphovascular invasion: Not identified") and
    # swap look-alike characters (en dash for hyphen, Greek mu for the micro sign); the
    # tolerant match still points at the report's own characters.
    pattern = r"\s+".join("".join(_char_pattern(ch) for ch in word) for word in quote.split())
    return [Span.of(text, m.start(), m.end()) for m in re.finditer(pattern, text, _FLAGS)]


_LOOKALIKES = ["-\u2010\u2011\u2012\u2013\u2014\u2212", "\u00b5\u03bc", "'\u2018\u2019\u00b4",
               '"\u201c\u201d', "x\u00d7", "2\u00b2"]
_LOOKALIKE_CLASS = {ch: "[" + re.escape(group) + "]" for group in _LOOKALIKES for ch in group}


def _char_pattern(ch: str) -> str:
    return _LOOKALIKE_CLASS.get(ch) or re.escape(ch)


# --- does the quote support the value? ----------------------------------------------------


def _clauses_naming(name: str, quote: str) -> str:
    """The clauses of ``quote`` about ``name`` (all of it when none names it or no cue exists):
    'lateral margin involved, deep margin free' read for the deep margin is 'deep margin free'.
    A clause naming no field of the family continues the one before it, so 'Deep margin:
    0.3 mm, tumour-free' keeps its status word."""
    cues = _cues()
    pattern = cues.names.get(name)
    if pattern is None:
        return quote
    family = next(f for f in cues.families if name in f)
    clauses, about_name = [], False
    for clause in _split_clauses(quote):
        if pattern.search(clause):
            about_name = True
        elif any(p.search(clause) for p in family.values()):
            about_name = False
        elif not clauses:
            continue
        if about_name:
            clauses.append(clause)
    return " ; ".join(clauses) if clauses else quote


def _split_clauses(quote: str) -> list[str]:
    """``quote`` cut at ';', ',', line breaks and full stops, except after a bare list item:
    'No lymphatic, venous or perineural invasion seen' stays one clause, so its 'No' covers
    every item (joined with a space, so the negation's scope runs on)."""
    cues = _cues()
    out: list[str] = []
    for part in re.split(r"[;\n]|(?<!\d),|,(?!\d)|\.\s", _unwrap(quote)):
        if out and cues.clause_continues.search(out[-1]) and not cues.clause_breaks.search(part):
            out[-1] = f"{out[-1]} {part}"
        else:
            out.append(part)
    return out


def _unwrap(quote: str) -> str:
    """``quote`` with soft line wraps joined: a line break before a lower-case word (or an
    opening bracket and one) continues the sentence, so 'invasion not\\nidentified' and
    'no\\nperineural ... detected' stay one clause. A break before a capital stays a break."""
    return re.sub(r"[ \t\r]*\n[ \t\r]*(?=\(?[a-z])", " ", quote)


def _off_field(name: str, quote: str) -> Optional[str]:
    """The other field the quote is about, when it names a sibling of ``name`` but not ``name``."""
    for family in _cues().families:
        if name not in family or family[name].search(quote):
            continue
        for other, pattern in family.items():
            if other != name and pattern.search(quote):
                return other
    return None


def quote_polarity(name: str, quote: str) -> set[str]:
    """The status values (present/absent/..., positive/negative/...) the quote states for field
    ``name``: read in the clauses naming the field first, then in the whole quote."""
    quote = _unwrap(quote)
    for scope in (_clauses_naming(name, quote), quote):
        found = _status_words(name, scope)
        if not found and name.startswith("margin_"):
            found = _status_words(name, _lead_in(name, quote)) or _distance_status(scope)
        if found:
            return found
    return set()


def _lead_in(name: str, quote: str) -> str:
    """The words before the first field name of ``name``'s family, when a field is named at
    all: 'margins clear (lateral 1.1 mm, deep 0.5 mm)' -> 'margins clear (', a status stated
    of every margin before the list of their distances."""
    family = next((f for f in _cues().families if name in f), {})
    starts = [m.start() for p in family.values() if (m := p.search(quote))]
    lead = quote[:min(starts)] if starts else ""
    # Only a statement about the margins that opens the list: 'margins clear (' or 'Margins
    # free:', never 'clear of the lateral margin' said of one margin before another is named.
    return lead if re.search(r"\bmargins\b[^;.()]*[(:]\s*$", lead, _FLAGS) else ""


def _status_words(name: str, text: str) -> set[str]:
    """Status cues in ``text``; stronger phrases are consumed first, so 'not identified' is
    absent and never also 'identified'."""
    found: set[str] = set()
    for value, pattern in _cues().polarity[name]:
        if pattern.search(text):
            found.add(value)
            text = pattern.sub(" ", text)
    return found


def _distance_status(text: str) -> set[str]:
    """Data dictionary: a distance under 1 mm with no status word is 'close'; a larger one
    means the margin is free."""
    distances = [to_mm(value, unit) for value, unit in _numbers(text) if unit is not None]
    distances = [mm for mm in distances if mm is not None]
    if any(mm < 1 for mm in distances):
        return {"close"}
    if distances:
        return {"negative"}
    return set()


# Digits may follow an "x" ("11x9 mm") but not other letters ("tub1"); words stand alone.
# A compound number word ("twenty-three") is read whole, before its parts could be.
_NUMBER_RE = re.compile(
    rf"(?<![A-WYZa-wyz\d.,])({NUMBER})(?![\d])"
    rf"|\b((?:{_TENS_UNITS.pattern})|{'|'.join(_WORD_NUMBERS)})\b", _FLAGS)
# A unit may follow a chain of dimensions: "26 x 20 x 9 mm", "12x10 mm".
_UNIT_AFTER = re.compile(
    rf"(?:\s*(?:x|×|by|-|–|to)\s*{NUMBER})*\s*({LENGTH_UNIT})(?![a-z])", _FLAGS)


def _numbers(quote: str) -> list[tuple[float, Optional[str]]]:
    """Numbers written in ``quote`` with the length unit that follows them, if any."""
    cleaned = _cues().number_noise.sub(" ", quote)
    out = []
    for m in _NUMBER_RE.finditer(cleaned):
        value = parse_number(m.group(1) or m.group(2))
        if value is None:
            continue
        unit = _UNIT_AFTER.match(cleaned, m.end())
        out.append((value, unit.group(1) if unit else None))
    return out


def _same_number(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-6 * max(1.0, abs(a), abs(b))


def _ocr_read(quote: str, table: list[tuple[re.Pattern, str]]) -> str:
    """``quote`` with the OCR look-alikes of ``table`` read as what they stand for."""
    for pattern, replacement in table:
        quote = pattern.sub(replacement, quote)
    return quote


def _number_supported(name: str, value: float, quote: str) -> bool:
    # A zero count is written as a statement ("all negative"), so no digit can prove it.
    zero = _cues().zero.get(name)
    if value == 0 and zero is not None and zero.search(quote):
        return True
    # A scanned report may print the digit one as a letter ('2/l7', 'l.4cm').
    for number, unit in _numbers(_ocr_read(quote, _cues().ocr_digits)):
        candidates = [number]
        if unit is not None:
            converted = to_um(number, unit) if name == "sm_invasion_um" else to_mm(number, unit)
            if converted is not None:
                candidates.append(converted)
        if any(_same_number(c, value) for c in candidates):
            return True
    return False


def quote_grades(quote: str) -> set[str]:
    """The grades ``quote`` states: grade codes and numbers, differentiation words unless the
    quote is about a neuroendocrine tumour (WHO 2019), and only when none of those is written a
    two-tier word ('low grade' is G1 or G2 for an adenocarcinoma: 'Moderate (low grade)' is G2)."""
    cues = _cues()
    neuroendocrine = cues.neuroendocrine.search(quote) is not None
    stated = {g for g, p in cues.values["grade"].items() if p.search(quote)}
    if not neuroendocrine:
        stated |= {g for g, p in cues.differentiation.items() if p.search(quote)}
    if not stated:
        stated = {g for g, p in cues.two_tier_grade.items() if p.search(quote)}
    return stated


def _code_pattern(value: str, letter: str) -> re.Pattern:
    """'ypT1a' -> a pattern for 'ypT1a' / 'yT1a' / 'ypt1a', not 'pT1a' alone nor 'ypT1'."""
    m = re.fullmatch(rf"(y|r|yr)?p{letter}(\w+)", value)
    prefix, code = (m.group(1) or "", m.group(2)) if m else ("", value)
    # Case-sensitive lookahead so that "pT1N0" still states pT1 but "pT1a" does not. A code
    # ending in a letter may carry one more sub-level digit ("pT1b1 (SM1)" states pT1b).
    sub = r"(?:[0-9](?![0-9a-z]))?" if code[-1:].isalpha() else ""
    return re.compile(rf"(?<![A-Za-z])(?i:{prefix})[pP]?[{letter}{letter.lower()}]"
                      rf"(?i:{re.escape(code)}){sub}(?![0-9a-z])")


def support_problem(name: str, value: Any, quote: str) -> Optional[str]:
    """Why ``quote`` does not support ``name = value`` (None when it does)."""
    other = _off_field(name, quote)
    if other is not None:
        return f"{OFF_FIELD}: the quote is about {other}, not {name}"
    if name in NUMERIC_FIELDS:
        if _number_supported(name, float(value), quote):
            return None
        return f"{NOT_SUPPORTED}: the number {value:g} is not written in the quote"
    if name in ("pt", "pn"):
        if _code_pattern(str(value), "T" if name == "pt" else "N").search(quote):
            return None
        return f"{NOT_SUPPORTED}: the quote does not state {value}"
    cues = _cues()
    if name in cues.polarity:
        stated = quote_polarity(name, quote)
        if value in stated:
            return None
        said = ", ".join(sorted(stated)) or "no status"
        return f"{NOT_SUPPORTED}: the quote states {said}, not {value}"
    # A value phrase may be hard-wrapped ('neuroendocrine\ntumour') or OCR-read ('RESECTI0N'):
    # code words are matched on the quote with whitespace runs as one space and look-alikes read.
    flat = _ocr_read(" ".join(quote.split()), cues.ocr_letters)
    if name == "grade":
        stated = quote_grades(flat)
        if value in stated:
            return None
        said = ", ".join(sorted(stated)) or "no grade"
        return f"{NOT_SUPPORTED}: the quote states {said}, not {value}"
    table = cues.values.get(name)
    if table is not None and value in table and not table[value].search(flat):
        return f"{NOT_SUPPORTED}: the quote does not mention {value}"
    return None


# --- claims -> findings -------------------------------------------------------------------


def _validated(name: str, value: Any, spans: list[Span]) -> Finding:
    """``value`` checked and coerced by the contract model (raises ``ValidationError``)."""
    annotation = Findings.model_fields[name].annotation
    return annotation.model_validate({"value": value, "evidence": spans, "source": "llm"})


def ground_claim(text: str, claim: Claim) -> Finding | RejectedClaim:
    """The finding one claim proves in ``text``, or the rejected claim with its reason."""

    def reject(reason: str) -> RejectedClaim:
        return RejectedClaim(field=claim.field, value=claim.value, quote=claim.quote, reason=reason)

    if claim.field not in Findings.model_fields:
        return reject(f"{UNKNOWN_FIELD}: {claim.field!r} is not a data-dictionary field")
    if claim.value is None or claim.value == "":
        return reject(f"{INVALID_VALUE}: an empty value is not a finding")
    spans = locate(text, claim.quote or "")
    if not spans:
        return reject(f"{QUOTE_NOT_FOUND}: the quote is not in the report text")
    try:
        finding = _validated(claim.field, claim.value, spans[:1])
    except ValidationError as exc:
        first = exc.errors()[0]
        return reject(f"{INVALID_VALUE}: {first['msg']}")
    if len(spans) > 1:
        # The same words at several places prove this field only when they name it: a code
        # word ("pT1a", "neuroendocrine tumour", "G2") does; "not identified" or "2 mm" does not.
        pattern = _cues().names.get(claim.field)
        names_itself = claim.field in _SELF_NAMING or (
            pattern is not None and pattern.search(spans[0].text))
        if not names_itself:
            return reject(f"{QUOTE_AMBIGUOUS}: the quote occurs {len(spans)} times; "
                          "quote the whole statement")
        finding = finding.model_copy(update={"evidence": spans})
    problem = support_problem(claim.field, finding.value, spans[0].text)
    if problem is not None:
        return reject(problem)
    return finding


def ground_claims(text: str, claims: Iterable[Claim]) -> Grounded:
    """Ground every claim against ``text``; the first grounded value of a field wins, a later
    different value is rejected as a conflict and a later equal one adds its evidence."""
    out = Grounded()
    for claim in claims:
        result = ground_claim(text, claim)
        if isinstance(result, RejectedClaim):
            out.rejected.append(result)
            continue
        kept = out.findings.get(claim.field)
        if kept is None:
            out.findings[claim.field] = result
        elif same_value(kept.value, result.value):
            merged = kept.evidence + [s for s in result.evidence if s not in kept.evidence]
            out.findings[claim.field] = kept.model_copy(update={"evidence": merged})
        else:
            out.rejected.append(RejectedClaim(
                field=claim.field, value=claim.value, quote=claim.quote,
                reason=f"{CONFLICT}: the same answer already gave {claim.field} = {kept.value}"))
    return out


def same_value(a: Any, b: Any) -> bool:
    """Field values equal as the contract means it (numbers compared numerically)."""
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return _same_number(float(a), float(b))
    return a == b
