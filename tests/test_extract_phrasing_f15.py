"""Phrasing variants for depth, SM-invasion depth and tumour size where they meet (fix-f15):
a length written as a depth ("1.2 mm in depth", "1200 µm" after a submucosal-invasion label) is
not a tumour size (docs/gold.md: tumour size is the greatest dimension; SM invasion is a depth);
a length after a bracketed Kikuchi level is the SM depth; a size the earlier biopsy showed is
history (docs/gold.md: never a tumour in the clinical history); a Kikuchi level written after
a T1 stage ("T1 sm3") is the submucosa.

Each group ends with traps that must stay null or unchanged.
"""

from test_extract import phrasing_table  # tests/ is on sys.path

ESD = "Rectum, ESD: well-differentiated adenocarcinoma"
NET = "DIAGNOSIS:\nRectum, EMR: well-differentiated neuroendocrine tumour, G1"

# (id, text, field, expected value (None: must stay null), a substring of the evidence)
CASES = [
    # a depth is not a size
    ("size_in_depth", ESD + ", measuring 1.2 mm in depth.", "tumor_size_mm", None, None),
    ("size_in_depth_caps", ESD.upper() + ", MEASURING 0.8 MM IN DEPTH.", "tumor_size_mm", None, None),
    ("size_mm_deep", ESD + ", 1.2 mm deep.", "tumor_size_mm", None, None),
    ("size_thick", ESD + ", 2 mm thick.", "tumor_size_mm", None, None),
    ("size_sm_listed_um", ESD + " (tub1), submucosal invasion, 1200 µm.", "tumor_size_mm", None, None),
    ("size_sm_listed_mm", ESD + " (tub1), submucosal invasion, 1.2 mm.", "tumor_size_mm", None, None),
    ("size_sm_listed_sm", ESD + " (tub1), SM invasion; 900 um.", "tumor_size_mm", None, None),
    ("size_kikuchi_listed", ESD + ", invading the submucosa (Kikuchi sm2), 1500 µm.", "tumor_size_mm", None, None),
    ("size_depth_label_listed", ESD + ", depth of invasion, 1.5 mm.", "tumor_size_mm", None, None),
    # traps: a real size stays, before or beside a depth
    ("size_trap_measuring", ESD + ", measuring 12 mm.", "tumor_size_mm", 12.0, "12 mm"),
    ("size_trap_dimension", ESD + ", measuring 12 mm in greatest dimension.", "tumor_size_mm", 12.0, "12 mm"),
    ("size_trap_then_depth", ESD + ", 12 mm, invading 1.2 mm in depth.", "tumor_size_mm", 12.0, "12 mm"),
    ("size_trap_listed", ESD + " (tub1), pT1b, 14 mm, submucosal invasion, 1200 µm.", "tumor_size_mm", 14.0, "14 mm"),
    ("size_trap_listed_plain", "Rectum, EMR: neuroendocrine tumour, G1, 4 mm.", "tumor_size_mm", 4.0, "4 mm"),
    ("size_trap_neoplasm", "Sigmoid, polypectomy: malignant neoplasm, measuring 12 mm.", "tumor_size_mm", 12.0, "12 mm"),
    # SM depth after a bracketed Kikuchi level
    ("sm_kikuchi_comma", ESD + ", invading the submucosa (Kikuchi sm2), 1500 µm.", "sm_invasion_um", 1500.0, "1500 µm"),
    ("sm_level_comma_mm", ESD + ", invades the submucosa (sm1), 0.6 mm.", "sm_invasion_um", 600.0, "0.6 mm"),
    ("sm_level_dash", ESD + ", infiltrating the submucosa (SM2) - 1800 um.", "sm_invasion_um", 1800.0, "1800 um"),
    ("sm_level_colon", ESD + ". Tumour invades the submucosa (Kikuchi sm3): 2,300 µm.", "sm_invasion_um", 2300.0, "2,300"),
    ("sm_level_inside", ESD + ", invading the superficial submucosa (sm1, 800 um).", "sm_invasion_um", 800.0, "800 um"),
    ("sm_level_semicolon_depth", ESD + ", invading the submucosa (sm2); depth 1500 µm.", "sm_invasion_um", 1500.0, "1500 µm"),
    ("sm_level_semicolon_depth_mm", ESD + " invades the submucosa; depth of invasion 1.2 mm.", "sm_invasion_um", 1200.0, "1.2 mm"),
    # traps: a margin distance or a size after the level
    ("sm_trap_margin", ESD + ", invading the submucosa (sm2), 0.8 mm from the deep margin.", "sm_invasion_um", None, None),
    ("sm_trap_size", ESD + ", invading the submucosa (sm2), 12 mm in greatest dimension.", "sm_invasion_um", None, None),
    ("sm_trap_measuring", ESD + ", invading the submucosa (sm2), measuring 12 mm.", "tumor_size_mm", 12.0, "12 mm"),
    ("sm_trap_semicolon_mp", ESD + ", invading the submucosa and muscularis propria; depth 1500 µm.", "sm_invasion_um", None, None),
    ("sm_trap_semicolon_not_sm", ESD + ", intramucosal; depth 0.5 mm.", "sm_invasion_um", None, None),
    # SM depth phrasings that already hold
    ("sm_below_mm_label", ESD + ", pT1b.\nDistance below muscularis mucosae: 1800 µm", "sm_invasion_um", 1800.0, "1800"),
    ("sm_jsccr_thousands", ESD + ", pT1b(SM 2,300 µm).", "sm_invasion_um", 2300.0, "2,300"),
    ("sm_from_mm", ESD + ", invasion depth 1.5mm (from MM).", "sm_invasion_um", 1500.0, "1.5mm"),
    # a size the earlier biopsy or endoscopy showed is history
    ("hist_prev_biopsy", NET + ", 4 mm. The previous biopsy showed a 6 mm tumour.", "tumor_size_mm", 4.0, "4 mm"),
    ("hist_prev_biopsy_only", NET + ". The previous biopsy showed a 6 mm tumour.", "tumor_size_mm", None, None),
    ("hist_prior_endoscopy", NET + ". Prior endoscopy showed a 6 mm lesion.", "tumor_size_mm", None, None),
    ("hist_earlier_polypectomy", NET + ".\nMICROSCOPY:\nThe earlier polypectomy specimen contained a 6 mm NET.", "tumor_size_mm", None, None),
    ("hist_previously_described", NET + ". Previously described as a 7 mm nodule.", "tumor_size_mm", None, None),
    ("hist_referring_report", NET + ". The referring report described a 6 mm lesion.", "tumor_size_mm", None, None),
    ("hist_original_biopsy_then_now", NET + ".\nCOMMENT:\nThe original biopsy had shown a 9 mm NET; the current tumour measures 5 mm.", "tumor_size_mm", 5.0, "5 mm"),
    # traps: the current tumour at the earlier site, or measured after mentioning it
    ("hist_trap_site", NET + ".\nResidual tumour, 6 mm, at the previous biopsy site.", "tumor_size_mm", 6.0, "6 mm"),
    ("hist_trap_measures", NET + ". Compared with the previous biopsy, the tumour measures 6 mm.", "tumor_size_mm", 6.0, "6 mm"),
    ("hist_trap_this_excision", NET + ". The previous biopsy showed NET and this excision contains a 5 mm tumour.", "tumor_size_mm", 5.0, "5 mm"),
    ("hist_trap_next_sentence", NET + ". The previous biopsy showed NET. Tumour 5 mm.", "tumor_size_mm", 5.0, "5 mm"),
    # a Kikuchi level after a T1 stage
    ("t1_sm3", "Sigmoid, polypectomy: adenocarcinoma in adenoma, T1 sm3.", "depth", "submucosa", "sm3"),
    ("pt1_sm2", "Sigmoid, polypectomy: adenocarcinoma in adenoma, pT1b sm2.", "depth", "submucosa", "sm2"),
    ("pt1_paren_sm1", "Sigmoid, polypectomy: adenocarcinoma in adenoma, pT1 (sm1).", "depth", "submucosa", "sm1"),
    ("t1_sm3_pt", "Sigmoid, polypectomy: adenocarcinoma in adenoma, T1 sm3.", "pt", "pT1", "T1"),
    ("t1_sm3_no_um", "Sigmoid, polypectomy: adenocarcinoma in adenoma, T1 sm3.", "sm_invasion_um", None, None),
    ("t1_sm2_um", "Rectum, ESD: adenocarcinoma, T1 sm2, 1200 µm.", "sm_invasion_um", 1200.0, "1200 µm"),
    ("t1_paren_sm2_mm", "Rectum, ESD: adenocarcinoma, pT1b (sm2, 1.8 mm).", "sm_invasion_um", 1800.0, "1.8 mm"),
    ("t1_sm2_thousands", "Rectum, ESD: adenocarcinoma, T1 (sm 2: 2,300 um).", "sm_invasion_um", 2300.0, "2,300"),
    ("t1_sm2_um_no_size", "Rectum, ESD: adenocarcinoma, T1 sm2, 1200 µm.", "tumor_size_mm", None, None),
    ("t1_sm1_criterion", "Rectum, ESD: adenocarcinoma, T1 sm1 (<1000 µm).", "sm_invasion_um", None, None),
    ("t1_sm2_margin", "Rectum, ESD: adenocarcinoma, T1 sm2, 0.8 mm from the deep margin.", "sm_invasion_um", None, None),
    ("size_listed_2d_after_sm", "Rectum, ESD: adenocarcinoma, invading 1.8 mm into the submucosa, 18 x 12 mm.", "tumor_size_mm", 18.0, "18 x 12 mm"),
    ("size_listed_after_layer", "Rectum, ESD: adenocarcinoma, moderately differentiated, invading the submucosa, 12 mm.", "tumor_size_mm", 12.0, "12 mm"),
    ("t1_sm3_listed_size", "Rectum, ESD: adenocarcinoma, T1 sm3, 25 mm.", "tumor_size_mm", 25.0, "25 mm"),
    ("t1_sm3_listed_size_no_um", "Rectum, ESD: adenocarcinoma, T1 sm3, 25 mm.", "sm_invasion_um", None, None),
    ("t1_paren_closed_size", "Rectum, ESD: adenocarcinoma (pT1b, sm3), 25 mm.", "sm_invasion_um", None, None),
    ("t1_paren_closed_size_upper", "Rectum, ESD: adenocarcinoma (pT1b, SM3), 25 mm.", "sm_invasion_um", None, None),
    ("t1_paren_closed_size_kept", "Rectum, ESD: adenocarcinoma (pT1b, SM3), 25 mm.", "tumor_size_mm", 25.0, "25 mm"),
    ("psm_um", "Rectum, ESD: adenocarcinoma, invasive depth: pSM 1500 um.", "sm_invasion_um", 1500.0, "pSM 1500 um"),
    ("psm_paren_mm", "Rectum, ESD: adenocarcinoma, tub1, pSM (1.2 mm), Ly0, V0.", "sm_invasion_um", 1200.0, "1.2 mm"),
    ("psm_criterion", "Rectum, ESD: adenocarcinoma, pSM (<1000 µm).", "sm_invasion_um", None, None),
    ("psm_bare_depth", "Rectum, ESD: adenocarcinoma, depth pSM, Ly0.", "depth", "submucosa", "pSM"),
    # traps: a T2 is no Kikuchi context
    ("t1_trap_t2", "Sigmoid, polypectomy: adenocarcinoma in adenoma, T2 sm3.", "depth", None, None),
    # depth in words
    ("depth_confined_mp", "Rectum, TAMIS: adenocarcinoma, tumour confined to the submucosa without reaching the MP.", "depth", "submucosa", "submucosa"),
    ("depth_gross_then_micro", "GROSS:\nThe tumour appears to involve the muscularis propria.\nMICROSCOPY:\nAdenocarcinoma confined to the submucosa.", "depth", "submucosa", "submucosa"),
]

results, test_phrasing = phrasing_table(CASES)
