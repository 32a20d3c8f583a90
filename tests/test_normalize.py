"""Number and unit parsing."""

import pytest

from pipeline.normalize import parse_number, tidy, to_mm, to_um, upper_value


@pytest.mark.parametrize("raw, value", [
    ("1.5", 1.5), ("1,5", 1.5), (".6", 0.6), ("14", 14.0), ("fifteen", 15.0), ("none", 0.0),
    ("abc", None), ("", None), ("twenty-one", 21.0), ("Thirty two", 32.0), ("twenty-ten", None),
])
def test_parse_number(raw, value):
    assert parse_number(raw) == value


@pytest.mark.parametrize("value, unit, mm", [
    (0.6, "cm", 6.0), (6, "mm", 6.0), (1500, "µm", 1.5), (1500, "μm", 1.5), (1500, "um", 1.5),
    (2, "centimetres", 20.0), (3, "millimeters", 3.0), (800, "microns", 0.8),
])
def test_to_mm(value, unit, mm):
    assert to_mm(value, unit) == pytest.approx(mm)


def test_to_um_and_unknown_unit():
    assert to_um(1.8, "mm") == 1800.0
    assert to_um(0.15, "cm") == 1500.0
    assert to_mm(1, "inch") is None
    assert tidy(0.6 * 10) == 6.0


@pytest.mark.parametrize("low, high, value", [
    ("2", None, 2.0), ("2", "3", 3.0), ("3", "2", 3.0), ("1,5", None, 1.5), (None, None, None),
])
def test_upper_value(low, high, value):
    assert upper_value(low, high) == value
