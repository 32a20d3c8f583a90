"""Phrasing variants for the w9a train cases (fix-f4): LIS/EHR exports, hard-wrapped and
paginated text, amended/corrected reports.

Each group ends with traps that must stay null or unchanged.
"""

from test_extract import phrasing_table  # tests/ is on sys.path


NET = "Rectum, EMR: well-differentiated neuroendocrine tumour, G1, 7 mm.\n"

# Site: an organ that names a margin ("proximal (ileal)", "distal colonic ... margins", "ileal
# resection margin") or that the report calls free of tumour ("TERMINAL ILEUM: NO TUMOR") is
# not the tumour's site; it still is when nothing else names one.
RHC = "Right hemicolectomy: caecal well-differentiated neuroendocrine tumour, G2, 32 mm, into the subserosa.\n"
SITE_CASES = [
    ("site_margin_paren", "SYNOPTIC REPORT\n" + RHC + "Margins: proximal (ileal) clear, distal (colonic) clear, mesenteric clear.\n",
     "site", "colon", "caecal"),
    ("site_margin_list", "FINAL DIAGNOSIS\n" + RHC + "Proximal ileal, distal colonic and mesenteric margins negative; distance of\n"
     "  tumour to the mesenteric margin 30 mm.\n", "site", "colon", "caecal"),
    ("site_margin_after", "SYNOPTIC REPORT\n" + RHC + "Ileal resection margin free of tumour. Colonic margin free.\n", "site", "colon", "caecal"),
    ("site_free_organ", "FINAL DIAGNOSIS\n" + RHC + "COMMENT\nTerminal ileum: no tumour. Appendix: unremarkable.\n", "site", "colon", "caecal"),
    ("site_free_organ_caps", "DIAGNOSIS: CECUM, RIGHT HEMICOLECTOMY: NEUROENDOCRINE TUMOR, G2, 3.2 CM.\n"
     "SUMMARY\nAPPENDIX: UNREMARKABLE. TERMINAL ILEUM: NO TUMOR.\n", "site", "colon", "CECUM"),
    ("site_margin_rectal", "Anterior resection: sigmoid colon adenocarcinoma, moderately differentiated, 25 mm.\n"
     "SYNOPTIC\nDistal (rectal) resection margin: clear by 40 mm.\n", "site", "colon", "sigmoid colon"),
    # traps: the only organ named stays the site; an organ with a tumour is the site
    ("site_trap_only", "Terminal ileum, segmental resection: well-differentiated neuroendocrine tumour, 21 mm; ileal margins clear.\n",
     "site", "small_intestine", "Terminal ileum"),
    ("site_trap_normal_biopsy", "Rectum, biopsies: unremarkable rectal mucosa.\n", "site", "rectum", "Rectum"),
    ("site_trap_ileum_tumour", "Ileocaecal resection:\nTerminal ileum: well-differentiated neuroendocrine tumour, G1, 14 mm.\n"
     "Caecum: no tumour.\n", "site", "small_intestine", "Terminal ileum"),
]

# Margins: "not applicable", "not reported" state no margin status; no status word before the
# margin is read instead.
ESD = "Rectum, ESD: well-differentiated neuroendocrine tumour, G1, 6 mm.\n"
MARGIN_CASES = [
    ("margin_na", "Rectum, ESD of scar: no residual tumour.\nMargins: not applicable (no tumor).\n", "margin_deep", None, None),
    ("margin_na_slash", "Rectum, ESD of scar: scar only, no residual neuroendocrine tumour.\nDeep margin: N/A\n", "margin_deep", None, None),
    ("margin_not_reported", "Sigmoid polyp, cold snare: hyperplastic polyp, completely\nexcised (margins not reported for this polyp type).\n",
     "margin_lateral", None, None),
    ("margin_not_stated", ESD + "Lateral margin: not stated.\n", "margin_lateral", None, None),
    # traps: a status word still counts, and another margin is still read
    ("margin_na_trap_other", ESD + "Lateral margin: not applicable. Deep margin: involved.\n", "margin_deep", "positive", "involved"),
    ("margin_na_trap_clear", ESD + "Margins: clear (not applicable to the biopsy part).\n", "margin_deep", "negative", "clear"),
]


# (id, text, field, expected value (None: must stay null), a substring of the evidence)
CASES = SITE_CASES + MARGIN_CASES

results, test_phrasing = phrasing_table(CASES)
