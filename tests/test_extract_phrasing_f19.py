"""Phrasing variants for the radial margin regression hunt (fix-f19): a list of 'length side'
items after a generic status word ('clear margins (30 mm distal, 0.5 mm radial)') takes that
status word for each item (docs/gold.md: a status word always wins, so a listed 0.5 mm of a
clear margin is negative, not close), as well as each item's length (fix-f14).

Each group ends with traps that must stay null or unchanged.
"""

from test_extract import phrasing_table  # tests/ is on sys.path


APPX = "Appendix, appendicectomy: well-differentiated neuroendocrine tumour, 15 mm.\n"
RECT = "Rectum, low anterior resection (TME): adenocarcinoma, 35 mm, pT3.\n"
EMR = "Rectum, EMR: NET G1, 6 mm.\n"

# (id, text, field, expected value (None: must stay null), a substring of the evidence)
CASES = [
    ("list_clear_radial_last", APPX + "Clear margins (30 mm distal, 0.5 mm radial).", "margin_radial", "negative", "Clear"),
    ("list_clear_radial_last_mm", APPX + "Clear margins (30 mm distal, 0.5 mm radial).", "margin_radial_mm", 0.5, "0.5 mm"),
    ("list_clear_radial_first", "Clear margins (0.5 mm circumferential, 30 mm distal).", "margin_radial", "negative", "Clear"),
    ("list_margins_clear_colon", RECT + "Margins clear: 30 mm distal, 0.5 mm circumferential.", "margin_radial", "negative", "clear"),
    ("list_margins_free_paren", RECT + "Margins free (30 mm distal, 0.5 mm mesorectal).", "margin_radial", "negative", "free"),
    ("list_involved", APPX + "Involved margins (30 mm distal, 0.5 mm radial).", "margin_radial", "positive", "Involved"),
    ("list_upper", (RECT + "Clear margins (30 mm distal, 0.5 mm circumferential).").upper(), "margin_radial", "negative", "CLEAR"),
    ("list_emr_deep", EMR + "Excised with clear margins (2 mm lateral, 0.4 mm deep).", "margin_deep", "negative", "clear"),
    # traps: no status word before the list, the distance decides; a status word of another sentence does not reach
    ("list_trap_no_status", APPX + "Margins (30 mm distal, 0.5 mm radial).", "margin_radial", "close", "0.5 mm"),
    ("list_trap_other_sentence", APPX + "Lymph nodes clear. Margins: 30 mm distal, 0.5 mm radial.", "margin_radial", "close", "0.5 mm"),
    # the line after a margin's statement gives a distance whose own bracket names another margin
    ("next_side_paren_trap", RECT + "Circumferential margin: clear\nDistance: 30 mm (distal)", "margin_radial_mm", None, None),
    ("next_side_paren_trap_status", RECT + "Circumferential margin: clear\nDistance: 30 mm (distal)", "margin_radial", "negative", "clear"),
    ("next_side_paren_trap_prox", RECT + "CRM: not involved.\nClearance 120 mm (proximal).", "margin_radial_mm", None, None),
    ("next_side_paren_same", RECT + "Circumferential margin: clear\nDistance: 3 mm (circumferential)", "margin_radial_mm", 3.0, "3 mm"),
    ("next_plain_still", RECT + "Circumferential margin: clear\nDistance: 3 mm", "margin_radial_mm", 3.0, "3 mm"),
    ("list_trap_lateral_mm", EMR + "Excised with clear margins (2 mm lateral, 0.4 mm deep).", "margin_lateral_mm", 2.0, "2 mm"),
]

results, test_phrasing = phrasing_table(CASES)
