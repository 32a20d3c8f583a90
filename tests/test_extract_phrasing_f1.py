"""Phrasing variants for round f1 (invented probes, none from the test split): each group was
written before its rule, and ends with traps that must stay null or unchanged."""

from test_extract import phrasing_table  # tests/ is on sys.path


POLYP = "Sigmoid colon, polypectomy: adenocarcinoma arising in a tubular adenoma. "
EMR_CA = "Colon, EMR: adenocarcinoma, well differentiated. "

# (id, text, field, expected value (None: must stay null), a substring of the evidence)
SM_DEPTH_AFTER_LEVEL = [
    # 1. an SM invasion depth in the sentence after the statement that the tumour is in the submucosa
    ("sm_after_kikuchi_colon", POLYP + "Kikuchi level: sm2. Depth: 1.2 mm.", "sm_invasion_um", 1200.0, "1.2 mm"),
    ("sm_after_kikuchi_lines", POLYP + "\nKikuchi level: sm2\nDepth: 1.2 mm\n", "sm_invasion_um", 1200.0, "1.2 mm"),
    ("sm_after_kikuchi_depth", POLYP + "Kikuchi level: sm2. Depth: 1.2 mm.", "depth", "submucosa", "sm2"),
    ("sm_after_level_code", EMR_CA + "Level of invasion: SM2. Depth of invasion: 1500 um.", "sm_invasion_um", 1500.0, "1500 um"),
    ("sm_after_invades_sm", EMR_CA + "The carcinoma invades the submucosa (sm1).\nDepth of invasion 0.6 mm.",
     "sm_invasion_um", 600.0, "0.6 mm"),
    ("sm_after_kikuchi_upper", "COLON, EMR: ADENOCARCINOMA.\nKIKUCHI: SM3.\nDEPTH: 2.4 MM.\n", "sm_invasion_um", 2400.0, "2.4 MM"),
    ("sm_label_words_between", POLYP + "Depth of submucosal invasion, measured from the muscularis mucosae, is 1.2 mm.",
     "sm_invasion_um", 1200.0, "1.2 mm"),
    # traps: a layer is not a measurement; a margin distance is not an SM depth; no SM statement before
    ("sm_trap_depth_layer", POLYP + "Kikuchi level: sm2. Depth: submucosa. Deep margin clear by 1.2 mm.",
     "sm_invasion_um", None, None),
    ("sm_trap_margin_distance", POLYP + "Kikuchi level: sm2. Distance to deep margin: 1.2 mm.", "sm_invasion_um", None, None),
    ("sm_trap_depth_to_margin", POLYP + "Kikuchi level: sm2. Depth to the deep margin: 1.2 mm.", "sm_invasion_um", None, None),
    ("sm_trap_mp", "Rectum, anterior resection: adenocarcinoma. The tumour invades the muscularis propria. Depth of invasion: 6 mm.",
     "sm_invasion_um", None, None),
    ("sm_trap_sm_negated", EMR_CA + "The submucosa is not involved. Depth of invasion: 0.6 mm.", "sm_invasion_um", None, None),
    ("sm_trap_blank_line", EMR_CA + "Kikuchi level: sm2.\n\nComment: depth: 1.2 mm of tissue submitted.", "sm_invasion_um", None, None),
]

ALL = SM_DEPTH_AFTER_LEVEL


results, test_phrasing = phrasing_table(ALL)
