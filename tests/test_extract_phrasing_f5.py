"""Phrasing variants for the w10b train cases (fix-f5): telegraphic shorthand, scanned forms and
OCR-like archive text. Each group is written before its rule and ends with traps that must stay
null or unchanged."""

from test_extract import phrasing_table  # tests/ is on sys.path


NET_DX = "Histological type: well differentiated NET\n"

# (id, text, field, expected value (None: must stay null), a substring of the evidence)
CASES = [
    # checklists: several options on one line; only the ticked one is stated, wherever it stands
    ("box_inline_procedure", "Specimen type: [ ] polypectomy [ ] EMR [ ] ESD [x] EFTR (FTRD) [ ] TAMIS/TEM\n" + NET_DX,
     "procedure", "eftr", "EFTR"),
    ("box_inline_procedure_first", "Procedure: [x] EMR [ ] ESD [ ] polypectomy\n" + NET_DX, "procedure", "emr", "EMR"),
    ("box_inline_grade", NET_DX + "WHO grade: [ ] G1 [x] G2 [ ] G3\n", "grade", "G2", "G2"),
    ("box_inline_grade_parens", NET_DX + "Grade (WHO 2019):  ( ) G1  (x) G2  ( ) G3\n", "grade", "G2", "G2"),
    ("box_inline_grade_glyphs", NET_DX + "☐ G1 ☒ G2 ☐ G3\n", "grade", "G2", "G2"),
    ("box_inline_depth", NET_DX + "Extent of invasion: [ ] mucosa [x] submucosa [ ] musc. propria [ ] beyond\n",
     "depth", "submucosa", "submucosa"),
    ("box_inline_site", "Site: [ ] sigmoid colon [X] rectum\n" + NET_DX, "site", "rectum", "rectum"),
    # traps: nothing ticked states nothing; the diagnosis still names what the form leaves open
    ("box_trap_none_ticked", NET_DX + "WHO grade: [ ] G1 [ ] G2 [ ] G3\n", "grade", None, None),
    ("box_trap_unticked_proc", "Procedure: [ ] ESD [ ] EMR\nDiagnosis: Rectum, ESD: " + NET_DX, "procedure", "esd", "ESD"),
    ("box_trap_unticked_line", NET_DX + "[ ] G3\n[x] G1\n", "grade", "G1", "G1"),
]


results, test_phrasing_f5 = phrasing_table(CASES)
