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


# (id, text, field, expected value (None: must stay null), a substring of the evidence)
CASES = SITE_CASES

results, test_phrasing = phrasing_table(CASES)
