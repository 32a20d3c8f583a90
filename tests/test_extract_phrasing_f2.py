"""Phrasing variants for LVI/PNI, margins, depth and size (fix-f2), found by probing with
invented one-line reports; each group written before its rule, with traps that must stay null
or unchanged."""

from test_extract import phrasing_table  # tests/ is on sys.path


NET = "Rectal NET, ESD. "
POLYP = "Sigmoid colon, polypectomy: adenocarcinoma arising in a tubular adenoma. "

# (id, text, field, expected value (None: must stay null), a substring of the evidence)
CASES = [
    # 1. a dash after a label is a separator before the status word, not a negation
    ("dash_angiolymphatic_present", NET + "Angiolymphatic invasion - present (focal).", "lvi", "present", "present"),
    ("dash_lvi_present", NET + "LVI - present", "lvi", "present", "present"),
    ("dash_upper_present", NET + "LYMPHOVASCULAR INVASION - PRESENT", "lvi", "present", "PRESENT"),
    ("dash_en_dash_pni_present", NET + "Perineural invasion – present.", "pni", "present", "present"),
    ("dash_identified_paren", NET + "Lymphovascular invasion - identified (D2-40).", "lvi", "present", "identified"),
    ("dash_yes", NET + "Lymphovascular invasion - yes", "lvi", "present", "yes"),
    ("dash_pni_absent", NET + "PNI - absent", "pni", "absent", "absent"),
    ("dash_not_identified", NET + "Lymphovascular invasion - not identified", "lvi", "absent", "not identified"),
    # traps: a bare dash (a sign) is still a negative answer
    ("dash_trap_bare_sign", NET + "LVI: -\n", "lvi", "absent", "LVI: -"),
    ("dash_trap_sign_comma", NET + "LVI -, PNI +", "lvi", "absent", "LVI -"),
    ("dash_trap_sign_comma_pni", NET + "LVI -, PNI +", "pni", "present", "PNI +"),
    ("dash_trap_sign_line", NET + "Lymphovascular invasion -\nPerineural invasion +", "lvi", "absent", "Lymphovascular invasion -"),
    ("dash_trap_sign_semicolon", NET + "LVI - ; PNI -", "pni", "absent", "PNI -"),
    # 2. two kinds of vessel invasion answered together: present if either, absent if both
    ("vessel_pair_paren_minus", NET + "Vessel invasion (lymphatic/venous): -/-", "lvi", "absent", "-/-"),
    ("vessel_pair_paren_plus_minus", NET + "Vessel invasion (lymphatic/venous): +/-", "lvi", "present", "+/-"),
    ("vessel_pair_paren_minus_plus", NET + "Vessel invasion (lymphatic/venous): -/+", "lvi", "present", "-/+"),
    ("vessel_pair_lv_abbrev", NET + "Lymphovascular invasion (L/V): -/-", "lvi", "absent", "-/-"),
    ("vessel_pair_ly_v_abbrev", NET + "Vascular invasion (Ly/V): +/-", "lvi", "present", "+/-"),
    ("vessel_pair_words", NET + "LVI (lymphatic/venous): absent/present", "lvi", "present", "present"),
    ("vessel_pair_words_absent", NET + "LVI (lymphatic/venous): absent/absent", "lvi", "absent", "absent/absent"),
    ("vessel_pair_name_before_plus", NET + "Lymphatic/venous invasion: +/-", "lvi", "present", "+/-"),
    ("vessel_pair_name_before_minus", NET + "Lymphatic/venous invasion: -/-", "lvi", "absent", "-/-"),
    ("vessel_pair_name_before_second", NET + "Lymphatic/venous invasion: no/yes", "lvi", "present", "yes"),
    ("vessel_ly_v_codes_plus", NET + "Ly -, V +", "lvi", "present", "V +"),
    ("vessel_ly_v_codes_minus", NET + "Ly -, V -", "lvi", "absent", "Ly -"),
    # traps: a pair of LVI and PNI keeps its two answers apart
    ("vessel_pair_trap_lvi_pni", NET + "LVI/PNI: +/-", "lvi", "present", "+"),
    ("vessel_pair_trap_lvi_pni_2", NET + "LVI/PNI: +/-", "pni", "absent", "-"),
    ("vessel_pair_trap_lvi_pni_3", NET + "Lymphovascular/perineural invasion: absent/present", "pni", "present", "present"),
    ("vessel_pair_trap_lvi_pni_4", NET + "Lymphovascular/perineural invasion: absent/present", "lvi", "absent", "absent"),
    # 3. lists of kinds of invasion under one negation
    ("list_there_is_no", NET + "There is no lymphatic, vascular or perineural invasion.", "lvi", "absent", "lymphatic, vascular or perineural invasion"),
    ("list_there_is_no_pni", NET + "There is no lymphatic, vascular or perineural invasion.", "pni", "absent", "perineural invasion"),
    ("list_no_venous", NET + "No lymphatic, venous or perineural invasion is seen.", "lvi", "absent", "lymphatic, venous"),
    ("list_without", NET + "Tumour without lymphatic, vascular, or perineural invasion.", "lvi", "absent", "without"),
    ("list_negative_for", NET + "Negative for lymphatic, vascular and perineural invasion.", "lvi", "absent", "Negative for"),
    ("list_vascular_first", NET + "No vascular, lymphatic or perineural invasion identified.", "lvi", "absent", "vascular, lymphatic"),
    ("list_perineural_first", NET + "No perineural, lymphatic or venous invasion.", "lvi", "absent", "perineural, lymphatic or venous invasion"),
    ("list_perineural_first_pni", NET + "No perineural, lymphatic or venous invasion.", "pni", "absent", "perineural"),
    ("list_three_vessels", NET + "No lymphatic, venous or small vessel invasion.", "lvi", "absent", "lymphatic, venous or small vessel invasion"),
    ("list_upper", NET + "NO LYMPHATIC, VASCULAR OR PERINEURAL INVASION.", "lvi", "absent", "LYMPHATIC"),
    # traps: a positive list, and a negation that stops at the semicolon
    ("list_trap_present", NET + "Lymphatic, vascular and perineural invasion are present.", "lvi", "present", "Lymphatic, vascular"),
    ("list_trap_present_pni", NET + "Lymphatic, vascular and perineural invasion are present.", "pni", "present", "present"),
    ("list_trap_semicolon", NET + "No perineural invasion; lymphatic and vascular invasion is present.", "lvi", "present", "present"),
    ("list_trap_only_pni", NET + "There is no perineural invasion.", "lvi", None, None),
    # 4. tumour cells inside a vessel shown by an endothelial stain are LVI
    ("ihc_d240_channel", NET + "Immunohistochemistry for D2-40 highlights a lymphatic channel containing tumour cells.", "lvi", "present", "lymphatic channel containing tumour cells"),
    ("ihc_cd31_within", NET + "Tumour cells within a CD31-positive vessel.", "lvi", "present", "Tumour cells within a CD31-positive vessel"),
    ("ihc_lumen_containing", NET + "A vessel lumen containing tumour cells (confirmed on D2-40).", "lvi", "present", "vessel lumen containing tumour cells"),
    ("ihc_cells_in_lymphatic_vessel", NET + "D2-40 demonstrates tumour cells in a lymphatic vessel.", "lvi", "present", "tumour cells in a lymphatic vessel"),
    ("ihc_nests_within_channels", NET + "ERG highlights nests of tumor cells within vascular channels.", "lvi", "present", "tumor cells within vascular channels"),
    ("ihc_vessels_containing_nests", NET + "CD31 shows two small vessels containing tumour nests.", "lvi", "present", "vessels containing tumour nests"),
    ("ihc_podoplanin_lumen", NET + "Podoplanin stain confirms tumour cells within the lumen of a lymphatic.", "lvi", "present", "tumour cells within the lumen of a lymphatic"),
    # traps: a negated or a merely requested stain, vessels without tumour, tumour around vessels
    ("ihc_trap_no_tumour", NET + "D2-40 shows no tumour within lymphatics.", "lvi", "absent", "no tumour within lymphatics"),
    ("ihc_trap_no_cells", NET + "D2-40 highlights lymphatic channels; no tumour cells are seen within them.", "lvi", None, None),
    ("ihc_trap_no_channel", NET + "No vessel containing tumour cells is identified on D2-40.", "lvi", "absent", "No vessel containing tumour cells"),
    ("ihc_trap_requested", NET + "D2-40 stain requested.", "lvi", None, None),
    ("ihc_trap_around", NET + "CD31 highlights vessels around the tumour.", "lvi", None, None),
    ("ihc_trap_red_cells", NET + "Vessels containing red cells are present in the submucosa.", "lvi", None, None),
    ("ihc_trap_surround", NET + "Tumour cells surround a thick-walled vessel.", "lvi", None, None),
    ("ihc_trap_uncertain", NET + "Possible tumour cells within a D2-40-positive channel.", "lvi", "indeterminate", "Possible"),
    # 5. "resection line" / "excision line" name margins; R0/R1 beside them is their status
    ("line_basal_r0", NET + "Basal resection line: R0, minimal distance 0,3 mm.", "margin_deep", "negative", "R0"),
    ("line_basal_r0_mm", NET + "Basal resection line: R0, minimal distance 0,3 mm.", "margin_deep_mm", 0.3, "0,3 mm"),
    ("line_lateral_r0_paren", NET + "Lateral resection line: R0 (1.2 mm).", "margin_lateral", "negative", "R0"),
    ("line_lateral_r0_paren_mm", NET + "Lateral resection line: R0 (1.2 mm).", "margin_lateral_mm", 1.2, "1.2 mm"),
    ("line_deep_excision_r1", NET + "Deep excision line: R1.", "margin_deep", "positive", "R1"),
    ("line_basal_free", NET + "Basal excision line free, 0.5 mm.", "margin_deep", "negative", "free"),
    ("line_peripheral_tumour_free", NET + "Peripheral resection line: tumour-free (2 mm).", "margin_lateral", "negative", "tumour-free"),
    ("line_peripheral_not_size", NET + "Peripheral resection line: tumour-free (2 mm).", "tumor_size_mm", None, None),
    ("line_two_sides_lateral", NET + "Resection lines: lateral R0, basal R1.", "margin_lateral", "negative", "R0"),
    ("line_two_sides_deep", NET + "Resection lines: lateral R0, basal R1.", "margin_deep", "positive", "R1"),
    ("line_vertical_upper", NET + "VERTICAL RESECTION LINE: R0", "margin_deep", "negative", "R0"),
    # traps: an R status with no margin, and a resection line outside the dictionary
    ("line_trap_r0_resection", NET + "R0 resection.", "margin_deep", None, None),
    ("line_trap_proximal", NET + "Proximal resection line: R0.", "margin_deep", None, None),
    ("line_trap_proximal_lat", NET + "Proximal resection line: R0.", "margin_lateral", None, None),
    ("line_trap_dentate", NET + "The tumour lies 3 cm above the dentate line.", "margin_deep", None, None),
    # 6. a status word that governs the next margin ("clear of the lateral margins") is not
    #    this margin's; a strict upper bound at or under 1 mm (< 1 mm) is under 1 mm (close)
    ("clear_of_next_deep", NET + "The tumour is 0.8 mm from the deep cauterised margin and clear of the lateral margins.", "margin_deep", "close", "0.8 mm"),
    ("clear_of_next_deep_mm", NET + "The tumour is 0.8 mm from the deep cauterised margin and clear of the lateral margins.", "margin_deep_mm", 0.8, "0.8 mm"),
    ("clear_of_next_lateral", NET + "The tumour is 0.8 mm from the deep cauterised margin and clear of the lateral margins.", "margin_lateral", "negative", "clear of"),
    ("clear_of_next_is", NET + "Tumour lies 0.5 mm from the deep margin and is clear of the lateral margins.", "margin_deep", "close", "0.5 mm"),
    ("clear_of_next_well", NET + "0.4 mm from the basal margin, well clear of the peripheral margin.", "margin_deep", "close", "0.4 mm"),
    ("clear_of_next_free_of", NET + "Tumour 0.6 mm from the deep margin, free of the lateral margin.", "margin_deep", "close", "0.6 mm"),
    ("clear_of_next_involving", NET + "Tumour 2 mm from the deep margin and involving the lateral margin.", "margin_deep", "negative", "2 mm"),
    ("clear_of_next_involving_lat", NET + "Tumour 2 mm from the deep margin and involving the lateral margin.", "margin_lateral", "positive", "involving"),
    ("bound_less_than_1", NET + "The tumour is less than 1 mm from the deep margin.", "margin_deep", "close", "less than 1 mm"),
    ("bound_less_than_1_mm", NET + "The tumour is less than 1 mm from the deep margin.", "margin_deep_mm", 1.0, "less than 1 mm"),
    ("bound_lt_sign", NET + "The tumour is <1 mm from the deep margin.", "margin_deep", "close", "<1 mm"),
    ("bound_label", NET + "Deep margin: < 1 mm.", "margin_deep", "close", "< 1 mm"),
    ("bound_label_words", NET + "Deep margin: less than 1 mm.", "margin_deep", "close", "less than 1 mm"),
    ("bound_to", NET + "Less than 1 mm to the deep margin.", "margin_deep", "close", "Less than 1 mm"),
    ("bound_under_half", NET + "The tumour lies under 0.5 mm from the basal margin.", "margin_deep", "close", "under 0.5 mm"),
    ("bound_less_than_1_lateral", NET + "The lesion is less than 1 mm from the lateral margin.", "margin_lateral", "close", "less than 1 mm"),
    # traps: a status word wins; a bound above 1 mm, or a lower bound, is not close
    ("clear_of_trap_status_comma", NET + "Deep margin: clear, lateral margin: involved.", "margin_deep", "negative", "clear"),
    ("clear_of_trap_no_comma", NET + "Deep margin negative lateral margin positive.", "margin_deep", "negative", "negative"),
    ("clear_of_trap_which", NET + "The tumour is 0.8 mm from the deep margin, which is clear.", "margin_deep", "negative", "clear"),
    ("bound_trap_status", NET + "Deep margin: clear, < 1 mm.", "margin_deep", "negative", "clear"),
    ("bound_trap_less_than_2", NET + "The tumour is less than 2 mm from the deep margin.", "margin_deep", "negative", "less than 2 mm"),
    ("bound_trap_more_than", NET + "The tumour is more than 1 mm from the deep margin.", "margin_deep", "negative", "1 mm"),
    ("bound_trap_exact_1", NET + "The tumour is 1 mm from the deep margin.", "margin_deep", "negative", "1 mm"),
    ("bound_trap_le_sign", NET + "Deep margin: ≤1 mm.", "margin_deep", "negative", "≤1 mm"),
    ("bound_trap_within", NET + "The tumour is within 1 mm of the deep margin.", "margin_deep", "negative", "1 mm"),
    ("bound_trap_up_to", NET + "Deep margin: up to 1 mm.", "margin_deep", "negative", "1 mm"),
    # 7. a depth label whose value is a T category and the layer
    ("depth_t1_paren", POLYP + "Depth: T1 (submucosa).", "depth", "submucosa", "submucosa"),
    ("depth_pt1_paren", POLYP + "Depth of invasion: pT1 (submucosa).", "depth", "submucosa", "submucosa"),
    ("depth_extent_slash", POLYP + "Extent: T2 / muscularis propria.", "depth", "muscularis_propria", "muscularis propria"),
    ("depth_t1_upper", POLYP + "DEPTH: T1 (SUBMUCOSA)", "depth", "submucosa", "SUBMUCOSA"),
    ("depth_t1_dash", POLYP + "Depth: T1 - submucosal invasion.", "depth", "submucosa", "submucosal"),
    ("depth_net_t1", NET + "Adenocarcinoma in polyp. Depth: T1 (submucosa).", "depth", "submucosa", "submucosa"),
    # traps: a T category alone says no layer
    ("depth_trap_t_only", POLYP + "Depth: T1.", "depth", None, None),
    # 8. a size with an upper bound ("up to", "at most"), also after a negated finding
    ("size_up_to_extent", NET + "Microscopy: sections show a neuroendocrine tumour measuring up to 6 mm in greatest extent.", "tumor_size_mm", 6.0, "6 mm"),
    ("size_up_to_after_no", NET + "Microscopy: sections show a neuroendocrine tumour composed of monotonous cells with salt and pepper chromatin and no necrosis, measuring up to 6 mm in greatest extent.", "tumor_size_mm", 6.0, "6 mm"),
    ("size_after_no_comma", NET + "Sections show a neuroendocrine tumour with no necrosis, measuring 6 mm.", "tumor_size_mm", 6.0, "6 mm"),
    ("size_after_without_comma", NET + "Sections show a neuroendocrine tumour without atypia, measuring up to 0.6 cm.", "tumor_size_mm", 6.0, "0.6 cm"),
    ("size_after_no_measures", NET + "The tumour shows no mitoses, measures up to 6 mm and is confined to the submucosa.", "tumor_size_mm", 6.0, "6 mm"),
    ("size_up_to_across", NET + "The neoplasm is up to 6 mm across.", "tumor_size_mm", 6.0, "6 mm"),
    ("size_at_most", NET + "The tumour measures at most 6 mm.", "tumor_size_mm", 6.0, "6 mm"),
    # traps: a negated measurement, and a measurement of something else after the comma
    ("size_trap_no_residual", "Rectum, EMR scar: no residual tumour, measuring scar 12 mm.", "tumor_size_mm", None, None),
    ("size_trap_no_tumour_specimen", "Rectum, biopsy: no tumour seen; specimen measuring 6 mm.", "tumor_size_mm", None, None),
]

ALL = CASES


results, test_phrasing = phrasing_table(ALL)
