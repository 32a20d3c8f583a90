"""Phrasings of round gA, written before their rules.

Each group: the train phrasing rewritten a few ways, then traps that must stay null or
unchanged. Same table format as tests/test_extract_phrasing.py.
"""

import pytest
from test_extract import assert_extracted  # tests/ is on sys.path

from pipeline.extract import extract_findings_many

ADENO = "Rectum, anterior resection: adenocarcinoma (NOS).\n"

# (id, text, field, expected value (None: must stay null), a substring of the evidence)
CASES = [
    # proforma 'Differentiation (worst area) ....... Moderate' (w8b_lar_crm_involved)
    ("grade_diff_paren_leaders", ADENO + "Differentiation (worst area) .............. Moderate\n", "grade", "G2", "Moderate"),
    ("grade_diff_leaders", ADENO + "Differentiation ............ Poor\n", "grade", "G3", "Poor"),
    ("grade_diff_paren_colon", ADENO + "Differentiation (predominant): well\n", "grade", "G1", "well"),
    ("grade_diff_paren_leaders_moderately", ADENO + "Degree of differentiation (worst) ..... moderately\n", "grade", "G2", "moderately"),
    # traps: a parenthesis that is not a short qualifier, or no degree word
    ("grade_diff_leaders_trap_not_assessed", ADENO + "Differentiation (worst area) ........ not assessable\n", "grade", None, None),
    ("grade_diff_leaders_trap_far", ADENO + "Differentiation .... see comment\nModerate chronic inflammation.\n", "grade", None, None),
]

ALL = CASES


@pytest.fixture(scope="module")
def results():
    return dict(zip([c[0] for c in ALL], extract_findings_many([c[1] for c in ALL])))


@pytest.mark.parametrize("case_id, text, field, value, evidence", ALL, ids=[c[0] for c in ALL])
def test_phrasing(results, case_id, text, field, value, evidence):
    assert_extracted(getattr(results[case_id], field), text, value, evidence)
