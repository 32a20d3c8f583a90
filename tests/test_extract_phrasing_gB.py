"""Phrasing variants for the w8a train cases (fix-gB): an upper-case protocol title line
("COLON AND RECTUM RESECTION - SYNOPTIC") starts the synoptic section, so its indented fields
do not fall into the last specimen part ("B. Lymph nodes ...") of the diagnosis above it.

Each group ends with traps that must stay null or unchanged.
"""

import pytest
from test_extract import assert_extracted  # tests/ is on sys.path

from pipeline.extract import extract_findings_many

PARTS = ("DIAGNOSIS:\nA. Colon, cecum, right hemicolectomy:\n"
         "   - Invasive adenocarcinoma, poorly differentiated, 55 mm.\n"
         "   - 0/21 lymph nodes (see B).\n"
         "B. Lymph nodes, ileocolic pedicle: 0/4.\n\n")
FIELDS = ("\n  Procedure: Right hemicolectomy\n  Histologic Type: Adenocarcinoma\n"
          "  Perineural Invasion: Present\n  Tumor Budding: Low (0-4)\n"
          "  Pathologic Stage (AJCC 8th): pT4a pN0\n")


def synoptic(title: str) -> str:
    return PARTS + title + FIELDS


# (id, text, field, expected value (None: must stay null), a substring of the evidence)
CASES = [
    ("syn_title_dash", synoptic("COLON AND RECTUM RESECTION - SYNOPTIC"), "pt", "pT4a", "pT4a"),
    ("syn_title_dash_pni", synoptic("COLON AND RECTUM RESECTION - SYNOPTIC"), "pni", "present", "Present"),
    ("syn_title_nodash", synoptic("COLON RESECTION SYNOPTIC"), "pn", "pN0", "pN0"),
    ("syn_title_report", synoptic("COLORECTAL CARCINOMA SYNOPTIC REPORT"), "tumor_budding", "BD1", "Low"),
    ("syn_title_colon", synoptic("COLON AND RECTUM: SYNOPTIC SUMMARY"), "pt", "pT4a", "pT4a"),
    ("syn_title_checklist", synoptic("COLON AND RECTUM RESECTION CHECKLIST"), "pni", "present", "Present"),
    # traps: a lower-case sentence or a "see synoptic" line is no title; part B stays part B
    ("syn_trap_see", PARTS + "SEE SYNOPTIC\n  Perineural invasion: present\n", "pni", None, None),
    ("syn_trap_prose", PARTS + "Colon resection, see synoptic\n  Perineural invasion: present\n", "pni", None, None),
]

ALL = CASES


@pytest.fixture(scope="module")
def results():
    return dict(zip([c[0] for c in ALL], extract_findings_many([c[1] for c in ALL])))


@pytest.mark.parametrize("case_id, text, field, value, evidence", ALL, ids=[c[0] for c in ALL])
def test_phrasing(results, case_id, text, field, value, evidence):
    assert_extracted(getattr(results[case_id], field), text, value, evidence)
