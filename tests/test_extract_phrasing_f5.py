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
    # size: a tumour size qualified as microscopic after its label wins over a gross nodule
    ("size_micro_paren", "Macro: disc 24 x 20 x 8 mm; nodule 15 mm on cut\n" + NET_DX + "Max tumour size (micro):  16 mm\n",
     "tumor_size_mm", 16, "16 mm"),
    ("size_microscopic_paren_cm", "Macro: disc 24 x 20 x 8 mm; nodule 15 mm on cut\n" + NET_DX
     + "Tumour size (microscopic): 1.6 cm\n", "tumor_size_mm", 16, "1.6 cm"),
    ("size_histological_paren", "Gross: yellow nodule 15 mm.\n" + NET_DX + "Tumor size (histological) 16 mm\n",
     "tumor_size_mm", 16, "16 mm"),
    ("size_comma_microscopic", "Gross: yellow nodule 15 mm.\n" + NET_DX + "Tumour size, microscopic: 16 mm\n",
     "tumor_size_mm", 16, "16 mm"),
    ("size_on_histology_paren", "Gross: yellow nodule 15 mm.\n" + NET_DX + "Tumour size (on histology): 16 mm\n",
     "tumor_size_mm", 16, "16 mm"),
    # traps: a macroscopic label is no microscopic one; a later "(micro)" of another thing does not move it
    ("size_trap_macro_paren", "Gross: yellow nodule 15 mm.\n" + NET_DX + "Tumour size (macro): 16 mm\n",
     "tumor_size_mm", 15, "15 mm"),
    ("size_trap_micro_elsewhere", "Gross: yellow nodule 15 mm.\n" + NET_DX + "Tumour size: 16 mm (macroscopic); "
     "see micro.\n", "tumor_size_mm", 15, "15 mm"),
]


results, test_phrasing_f5 = phrasing_table(CASES)
