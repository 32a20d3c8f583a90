"""Phrasing variants for depth, SM invasion depth and pT where they meet (fix-f8), invented by
the rule writer in the way hospital archives write them (no test-split case was read). Each
group is written before its rule and ends with traps that must stay null or unchanged.

Conventions (docs/gold.md): depth is the deepest layer invaded and needs a layer (a bare pT
code names none); the SM invasion depth is a depth, measured down from the muscularis mucosae,
in µm; a criterion ("≥ 1000 µm") is not a measurement; a size, width or extent of the invasive
focus is not its depth.
"""

from test_extract import phrasing_table  # tests/ is on sys.path


POLYP = "Sigmoid colon, polypectomy: adenocarcinoma arising in a tubular adenoma"
EMR = "Colon, EMR: adenocarcinoma"
RES = "Colon, right hemicolectomy: adenocarcinoma, moderately differentiated"
RECT = "Rectum, anterior resection: adenocarcinoma, moderately differentiated"

# (id, text, field, expected value (None: must stay null), a substring of the evidence)

# 1. A length after "submucosal invasion" is its depth only when nothing makes it a size: a size
#    verb or word before it ("measuring", "tumour size", "over a width of"), a size cue after it
#    ("in greatest dimension", "across", "wide", "x 3 mm"), or a width/extent word before the label.
SM_SIZE = [
    ("sm_size_measuring", f"{POLYP} with submucosal invasion, measuring 6 mm.", "sm_invasion_um", None, None),
    ("sm_size_measuring_depth", f"{POLYP} with submucosal invasion, measuring 6 mm.", "depth", "submucosa", "submucosal invasion"),
    ("sm_size_greatest", f"{POLYP} with submucosal invasion measuring 6 mm in greatest dimension.", "sm_invasion_um", None, None),
    ("sm_size_max_dim", f"{POLYP} with SM invasion, 6 mm in maximum dimension.", "sm_invasion_um", None, None),
    ("sm_size_label", f"{POLYP} with focal submucosal invasion, tumour size 6 mm.", "sm_invasion_um", None, None),
    ("sm_size_over_width", f"{POLYP} with submucosal invasion over a width of 3 mm.", "sm_invasion_um", None, None),
    ("sm_size_wide", f"{POLYP} with submucosal invasion, 3 mm wide.", "sm_invasion_um", None, None),
    ("sm_size_horizontal", f"{POLYP}. Horizontal extent of submucosal invasion 4 mm.", "sm_invasion_um", None, None),
    ("sm_size_two_d", f"{POLYP}. Submucosal invasion: 4 x 3 mm.", "sm_invasion_um", None, None),
    ("sm_size_upper_cm", f"{POLYP.upper()}. SUBMUCOSAL INVASION, MEASURING 0.6 CM.", "sm_invasion_um", None, None),
    ("sm_size_focus_across", f"{POLYP} with submucosal invasion, the invasive focus measuring 6 mm across.", "sm_invasion_um", None, None),
    ("sm_size_width_then_depth", f"{EMR} invading submucosa. Width of submucosal invasion: 3 mm. "
     "Depth of submucosal invasion: 1.2 mm.", "sm_invasion_um", 1200, "Depth of submucosal invasion: 1.2 mm"),
    ("sm_size_then_depth", f"{POLYP} with submucosal invasion, invasive component measures 4 mm, depth 1.1 mm.",
     "sm_invasion_um", 1100, "depth 1.1 mm"),
    # traps: a depth word, a reference layer or a bare µm value keeps the depth
    ("sm_size_trap_in_depth", f"{POLYP} with submucosal invasion, measuring 1.2 mm in depth.", "sm_invasion_um", 1200, "1.2 mm"),
    ("sm_size_trap_from_mm", f"{POLYP} with submucosal invasion measuring 1.5 mm from the muscularis mucosae.",
     "sm_invasion_um", 1500, "1.5 mm"),
    ("sm_size_trap_deep", f"{POLYP} with submucosal invasion 1.2 mm deep.", "sm_invasion_um", 1200, "1.2 mm"),
    ("sm_size_trap_um", f"{POLYP} with submucosal invasion, 1200 µm.", "sm_invasion_um", 1200, "1200 µm"),
    ("sm_size_trap_invasion_measures", f"{POLYP}. Submucosal invasion measures 1.3 mm.", "sm_invasion_um", 1300, "1.3 mm"),
    ("sm_size_trap_bare", f"{POLYP}. SM invasion 900 µm.", "sm_invasion_um", 900, "900 µm"),
    ("sm_size_trap_at_least", f"{POLYP} with submucosal invasion of at least 1.2 mm.", "sm_invasion_um", 1200, "1.2 mm"),
    ("sm_size_trap_depth_x_width", f"{POLYP}. Submucosal invasion 1.1 mm (depth) x 4 mm (width).", "sm_invasion_um", 1100, "1.1 mm"),
    # a length measured to a margin is a margin distance; to the border of the muscularis mucosae a depth
    ("sm_dist_deep_margin", f"{EMR} with submucosal invasion, 0.5 mm from the deep margin.", "sm_invasion_um", None, None),
    ("sm_dist_inked_edge", f"{EMR}. SM invasion 1.5 mm away from the inked cautery edge.", "sm_invasion_um", None, None),
    ("sm_dist_trap_lower_border", f"{EMR}. Depth of submucosal invasion: 600 µm\nfrom the lower border of the muscularis mucosae.",
     "sm_invasion_um", 600, "600 µm"),
    ("sm_dist_trap_lower_margin_mm", f"{EMR}. Submucosal invasion 2,3 mm measured from the lower margin of muscularis mucosae.",
     "sm_invasion_um", 2300, "2,3 mm"),
]


ALL = SM_SIZE

results, test_phrasing = phrasing_table(ALL)
