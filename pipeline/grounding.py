"""Ground LLM claims in the report: quote -> span, and does the quote support the value?

The LLM returns ``{field, value, quote}`` claims. A claim becomes a finding only when

1. ``field`` is a data-dictionary field and ``value`` is one of its codes (the pydantic
   ``Findings`` model decides, so the vocabulary is never duplicated here);
2. ``quote`` is found in the report text, exactly first, then ignoring case and runs of
   whitespace; a quote found more than once must name its field (otherwise it is ambiguous);
3. the located text supports the value: a status claim must match the quote's polarity
   ("present" quoted from "not identified" is rejected), a code must be written in the quote,
   a number must appear in it (after unit conversion; a zero count may be a statement such as
   "all negative"). The quote is read as the layout means it: a table cell under its column
   header, a checkbox line as its label and ticked options, a phrase cut by a form's column
   continued on the next line (``support_problem_at``).

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
    unit_in_label: re.Pattern                           # 'SIZE_CM=' / 'Size (cm):' before a number
    spelled_code: re.Pattern                            # a code dictated letter by letter ('p T 1 a')
    table_delimiter: re.Pattern                         # cell delimiter of a table row
    table_rule_row: re.Pattern                          # the rule row under a table's header
    checkbox_box: re.Pattern                            # a checkbox, ticked or not
    checkbox_checked: re.Pattern                        # ... and its tick
    coded_line: re.Pattern                              # 'F01 Histological type .... 2'
    legend_line: re.Pattern                             # 'F01: 1 = adenocarcinoma; 2 = NET'
    legend_entry: re.Pattern                            # one '2 = NET' of a legend line
    tnm_descriptor: re.Pattern                          # a ticked 'y (post-treatment)'
    stage_label: re.Pattern                             # 'pT ...... 3', 'pT: T2' -> pT3, pT2


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
    layout = data["layout"]
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
        unit_in_label=re.compile(data["unit_in_label"].replace("{LENGTH_UNIT}", LENGTH_UNIT), _FLAGS),
        spelled_code=re.compile(data["spelled_code"]),
        table_delimiter=re.compile(layout["table_delimiter"]),
        table_rule_row=re.compile(layout["table_rule_row"]),
        checkbox_box=re.compile(layout["checkbox_box"]),
        checkbox_checked=re.compile(layout["checkbox_checked"]),
        coded_line=re.compile(layout["coded_line"]),
        legend_line=re.compile(layout["legend_line"]),
        legend_entry=re.compile(layout["legend_entry"]),
        tnm_descriptor=re.compile(layout["tnm_descriptor"]),
        stage_label=re.compile(data["stage_label"]),
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
        if unit is None:
            # 'TUMOUR_SIZE_CM=1.4', 'Size (cm): 1.4': the label says the unit.
            unit = _cues().unit_in_label.search(cleaned, max(0, m.start() - 40), m.start())
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


def _glued_stages(quote: str) -> str:
    """``quote`` with a pT/pN label glued to the stage written after it: 'F04 pT ..... 3' reads
    'pT3', 'pT: T2' reads 'pT2' (never a measure: 'pN ... 2 / 23', 'pT: 3 mm')."""
    return _cues().stage_label.sub(lambda m: m.group("label") + m.group("stage"), quote)


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
        pattern = _code_pattern(str(value), "T" if name == "pt" else "N")
        # A dictated code may be spelled out letter by letter: 'p T 1 a' is pT1a; a form may
        # write the stage after its category's label: 'pT ........ 3', 'pT: T2'.
        spelled = _cues().spelled_code.sub(lambda m: m.group(0).replace(" ", ""), quote)
        if any(pattern.search(q) for q in (quote, spelled, _glued_stages(quote))):
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


# --- the quote in the report's layout: tables, checkboxes, two-column forms ---------------


def support_problem_at(text: str, span: Span, name: str, value: Any) -> Optional[str]:
    """Why the quote at ``span`` of ``text`` does not support ``name = value``, reading the quote
    as the report's layout means it: a table cell under its column header, a checkbox line as its
    label and ticked options (these readings replace the bare quote), and a phrase cut by a
    form's column continued on the next line (only when the bare quote does not suffice)."""
    reading = layout_reading(text, span)
    if reading is not None and name in ("pt", "pn"):
        reading = _with_tnm_descriptor(text, span, reading)
    if reading is not None:
        return support_problem(name, value, reading)
    problem = support_problem(name, value, span.text)
    if problem is not None:
        continued = _column_continued(text, span)
        if continued is not None and support_problem(name, value, continued) is None:
            return None
    return problem


def layout_reading(text: str, span: Span) -> Optional[str]:
    """What the quote at ``span`` says in its layout, when that differs from its bare words:
    a checkbox line's label and ticked options, or table cells labelled by their column header.
    None when the quote is in neither layout (or the table's header is not unambiguous)."""
    if _cues().checkbox_box.search(span.text):
        return _checkbox_reading(text, span)
    coded = _legend_reading(text, span)
    if coded is not None:
        return coded
    return _table_reading(text, span)


def _legend(text: str) -> dict[str, dict[str, str]]:
    """The legend of a coded template: field code -> value code -> meaning, from lines like
    'F05, F06: 0 = not identified; 1 = present' (a more indented line continues the one before)."""
    cues = _cues()
    out: dict[str, dict[str, str]] = {}
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        m = cues.legend_line.match(lines[i])
        i += 1
        if m is None:
            continue
        entries = m.group("entries")
        while (i < len(lines) and lines[i].strip()
               and len(lines[i]) - len(lines[i].lstrip()) > len(m.group("indent"))
               and not cues.legend_line.match(lines[i]) and not cues.coded_line.match(lines[i])):
            entries += " " + lines[i].strip()
            i += 1
        meanings = {e.group("value").upper(): e.group("meaning")
                    for part in entries.split(";") if (e := cues.legend_entry.match(part))}
        for code in re.split(r"\s*,\s*", m.group("codes")):
            out.setdefault(code, {}).update(meanings)
    return out


def _legend_reading(text: str, span: Span) -> Optional[str]:
    """A coded template's line read with its legend: 'F01 Histological type ..... 2' with
    'F01: ... 2 = well differentiated NET' in the legend reads 'Histological type: well
    differentiated NET'. None when the quote is on no coded line, does not cover its value, or
    the legend does not define that value of that field."""
    start, end = _line_at(text, span.start)
    if span.end > end:
        return None
    m = _cues().coded_line.match(text[start:end])
    if m is None or span.start - start > m.start("value") or span.end - start < m.end("value"):
        return None
    meaning = _legend(text).get(m.group("code"), {}).get(m.group("value").upper())
    if meaning is None:
        return None
    rest = text[start + m.end("value"):span.end].strip()
    return f"{m.group('label')}: {meaning}" + (f" {rest}" if rest else "")


def _with_tnm_descriptor(text: str, span: Span, reading: str) -> str:
    """A checkbox stage block read with its ticked TNM descriptor: '(X) y (post-treatment)'
    above 'pT: (X) T2' makes the pT line read 'ypT2', and the descriptor line read as the block's
    stages with the descriptor ('ypT2 ypN0'). The block is the run of checkbox lines around the
    quote. Unchanged when no descriptor is ticked in the block."""
    cues = _cues()
    first, last = _line_at(text, span.start)[0], _line_at(text, span.end)[1]
    lines = [(first, last)]
    while lines[0][0] > 0:
        start, end = _line_at(text, lines[0][0] - 1)
        if not cues.checkbox_box.search(text[start:end]):
            break
        lines.insert(0, (start, end))
    while lines[-1][1] < len(text):
        start, end = _line_at(text, lines[-1][1] + 1)
        if not cues.checkbox_box.search(text[start:end]):
            break
        lines.append((start, end))
    descriptor, stage_lines = None, []
    for start, end in lines:
        line_reading = _checkbox_reading(text, Span.of(text, start, end))
        d = cues.tnm_descriptor.search(line_reading)
        if d is not None and descriptor is None:
            descriptor = d.group("descriptor").lower()
        elif cues.stage_label.search(line_reading):
            stage_lines.append(line_reading)
    if descriptor is None:
        return reading
    if cues.tnm_descriptor.search(reading):
        reading = " ; ".join(stage_lines)
    return re.sub(r"(?<![A-Za-z])p(?=[TN](?:[0-4]|X))", descriptor + "p", _glued_stages(reading))


def _line_at(text: str, pos: int) -> tuple[int, int]:
    """Start and end (without the line break) of the line holding ``pos``."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, len(text) if end == -1 else end


def _checkbox_reading(text: str, span: Span) -> str:
    """Each line of the quote as its label (the words before the line's first box) and the
    ticked options the quote covers: '[x] Moderate' on 'Differentiation: [ ] Well [x] Moderate'
    reads 'Differentiation: Moderate'; an unticked option is never read."""
    cues = _cues()
    lines, pos = [], span.start
    while pos <= span.end:
        start, end = _line_at(text, pos)
        line = text[start:end]
        q0, q1 = max(span.start, start) - start, min(span.end, end) - start
        boxes = list(cues.checkbox_box.finditer(line))
        if not boxes:
            lines.append(line[q0:q1])
        else:
            groups = [[line[:boxes[0].start()].strip()]]     # a label and its ticked options
            for box, after in zip(boxes, boxes[1:] + [None]):
                stop = after.start() if after is not None else len(line)
                if box.start() >= q1 or stop <= q0:
                    continue
                # An option ends at a gutter: what follows is the next column's label.
                option, *labels = re.split(r"\s{3,}", line[max(box.end(), q0):min(stop, q1)].strip())
                if cues.checkbox_checked.search(box.group(0)):
                    groups[-1].append(option)
                groups += [[label] for label in labels]
            lines.append("; ".join(" ".join(w for w in g if w) for g in groups if any(g)))
        pos = end + 1
    return "\n".join(lines)


def _cells(line: str) -> list[tuple[int, int]]:
    """The cells of a delimited row as (start, end) offsets in ``line``."""
    cuts = [m.start() for m in _cues().table_delimiter.finditer(line)]
    bounds = [-1] + cuts + [len(line)]
    return [(a + 1, b) for a, b in zip(bounds, bounds[1:])]


def _table_header(text: str, row_start: int, n_cells: int) -> Optional[list[str]]:
    """The header cells of the table whose row starts at ``row_start``: the table's first row,
    directly followed by a rule row, with no other rule row down to this row and as many cells
    as this row. None when the table has no such unambiguous header."""
    cues = _cues()
    above: list[str] = []
    pos = row_start
    while pos > 0:
        start, end = _line_at(text, pos - 1)
        line = text[start:end]
        if not (cues.table_rule_row.match(line) or cues.table_delimiter.search(line)):
            break
        above.append(line)
        pos = start
    rules = [i for i, line in enumerate(above) if cues.table_rule_row.match(line)]
    if not rules:
        return None
    header_at = rules[0] + 1
    if header_at >= len(above) or cues.table_rule_row.match(above[header_at]):
        return None
    # Above the header only a top border may remain.
    if not all(cues.table_rule_row.match(line) for line in above[header_at + 1:]):
        return None
    header = above[header_at]
    cells = _cells(header)
    if len(cells) != n_cells:
        return None
    return [header[a:b].strip() for a, b in cells]


def _table_reading(text: str, span: Span) -> Optional[str]:
    """The quoted cells of one table row, each as '<column header>: <quoted words>', after the
    row's own label (its first cell, when the quote does not cover it and it holds words, no
    digits): '| 0 (0.6)' under 'VM (mm to VM)' reads 'VM (mm to VM): 0 (0.6)'."""
    start, end = _line_at(text, span.start)
    if span.end > end:
        return None
    line = text[start:end]
    cells = _cells(line)
    if len(cells) < 2:
        return None
    header = _table_header(text, start, len(cells))
    if header is None:
        return None
    q0, q1 = span.start - start, span.end - start
    quoted = [(i, line[max(a, q0):min(b, q1)].strip()) for i, (a, b) in enumerate(cells)]
    quoted = [(i, words) for i, words in quoted if words]
    if not quoted or any(not re.search(r"[^\W\d_]", header[i]) for i, _ in quoted):
        return None
    parts = []
    first = next((i for i, (a, b) in enumerate(cells) if line[a:b].strip()), None)
    if first is not None and first < quoted[0][0]:
        label = line[slice(*cells[first])].strip()
        if not re.search(r"\d", label):
            parts.append(f"{header[first]}: {label}" if header[first] else label)
    parts += [f"{header[i]}: {words}" for i, words in quoted]
    return "; ".join(parts)


def _column_continued(text: str, span: Span) -> Optional[str]:
    """The quote and the words that continue it at the same column of the next line, when the
    quote ends its line in the right-hand column of a two-column form (a gutter of two spaces
    before that column on both lines): 'Well differentiated neuroendocrine' + 'tumour, ...'."""
    start, end = _line_at(text, span.start)
    if span.end > end or text[span.end:end].strip():
        return None
    column = span.start - start
    if column < 2 or text[span.start - 2:span.start] != "  ":
        return None
    next_start, next_end = _line_at(text, end + 1) if end < len(text) else (end, end)
    following = text[next_start:next_end]
    if len(following) <= column or following[column - 2:column].strip() or following[column] == " ":
        return None
    words = re.split(r"\s{3,}", following[column:])[0]
    return f"{span.text}\n{words}"


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
    problem = support_problem_at(text, spans[0], claim.field, finding.value)
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
