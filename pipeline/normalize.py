"""Numbers and units as pathology reports write them, normalised to the data dictionary's units.

Lengths go to millimetres (tumour size, margin distance) or micrometres (submucosal invasion);
ranges and bounds report their upper value ("<2%" -> 2, "2-3%" -> 3), which is the data
dictionary's rule for Ki-67 and the conservative reading for every other count.
"""

from __future__ import annotations

import re
from typing import Optional

# Unit spellings -> millimetres per unit. The micro sign (U+00B5) and Greek mu (U+03BC) both
# occur in LIS exports; "u" is the ASCII fallback.
_MM_PER_UNIT = {
    "mm": 1.0,
    "millimeter": 1.0,
    "millimetre": 1.0,
    "millimeters": 1.0,
    "millimetres": 1.0,
    "cm": 10.0,
    "centimeter": 10.0,
    "centimetre": 10.0,
    "centimeters": 10.0,
    "centimetres": 10.0,
    "µm": 0.001,
    "μm": 0.001,
    "um": 0.001,
    "micron": 0.001,
    "microns": 0.001,
    "micrometer": 0.001,
    "micrometre": 0.001,
    "micrometers": 0.001,
    "micrometres": 0.001,
}

_WORD_NUMBERS = {
    "zero": 0, "no": 0, "none": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
_TENS_UNITS = re.compile(r"(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[- ](one|two|three|four|five|six|seven|eight|nine)")

#: A number as written: "1.5", "1,5" (decimal comma), ".6", or a number word.
NUMBER = r"(?:\d+(?:[.,]\d+)?|\.\d+)"
#: Length units, longest spelling first so the alternation takes the whole word.
LENGTH_UNIT = (
    r"(?:millimet(?:er|re)s?|centimet(?:er|re)s?|micromet(?:er|re)s?|microns?|mm|cm|[µμu]m)"
)


def parse_number(raw: str) -> Optional[float]:
    """A float from a number as written ("1.5", "1,5", ".6", "fifteen"); None if it is not one."""
    token = raw.strip().lower()
    if token in _WORD_NUMBERS:
        return float(_WORD_NUMBERS[token])
    compound = _TENS_UNITS.fullmatch(token)  # "twenty-one"
    if compound is not None:
        return float(_WORD_NUMBERS[compound.group(1)] + _WORD_NUMBERS[compound.group(2)])
    if token.startswith("."):
        token = "0" + token
    # A single comma between digits is a decimal comma ("1,5 %"); thousands separators do
    # not occur in the quantities we read (sizes, percentages, counts under a thousand, µm).
    if re.fullmatch(r"\d+,\d{1,2}", token):
        token = token.replace(",", ".")
    token = token.replace(",", "")
    try:
        return float(token)
    except ValueError:
        return None


def to_mm(value: float, unit: str) -> Optional[float]:
    """``value`` in ``unit`` expressed in millimetres, or None for an unknown unit."""
    factor = _MM_PER_UNIT.get(unit.strip().lower().rstrip("."))
    if factor is None:
        return None
    return tidy(value * factor)


def to_um(value: float, unit: str) -> Optional[float]:
    """``value`` in ``unit`` expressed in micrometres, or None for an unknown unit."""
    mm = to_mm(value, unit)
    return None if mm is None else tidy(mm * 1000.0)


def tidy(value: float) -> float:
    """Round away binary noise (0.6 cm -> 6.0 mm, not 6.000000000000001)."""
    return float(round(value, 6))


def upper_value(low: Optional[str], high: Optional[str]) -> Optional[float]:
    """The upper value of a number, range ("2-3") or bound ("<2"): the dictionary's rule."""
    values = [v for v in (parse_number(low) if low else None,
                          parse_number(high) if high else None) if v is not None]
    return max(values) if values else None
