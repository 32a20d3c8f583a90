"""Phrasing variants for round f14 (deep and lateral margins and their distances): each group
written before its rule, with traps that must stay null or unchanged."""

from test_extract import phrasing_table  # tests/ is on sys.path


NET_EMR = "Rectum, EMR: well-differentiated neuroendocrine tumour, G1, 6 mm, in the submucosa. "
ADENO_EMR = "Rectum, EMR: adenocarcinoma, moderately differentiated, invading the submucosa, pT1. "
ADENO_POLYP = "Sigmoid colon, polypectomy: adenocarcinoma, moderately differentiated, arising in an adenoma, pT1. "

# (id, text, field, expected value (None: must stay null), a substring of the evidence)
CASES = [
    # 1. a bracketed distance between the status words: "very close to (<0.1 mm) but does not involve"
    ("close_bracket_does_not_involve", NET_EMR + "Very close to (<0.1 mm) but does not involve the deep margin.",
     "margin_deep", "negative", "does not involve"),
    ("close_bracket_does_not_involve_mm", NET_EMR + "Very close to (<0.1 mm) but does not involve the deep margin.",
     "margin_deep_mm", 0.1, "0.1 mm"),
    ("close_bracket_lateral_mm", NET_EMR + "The tumour is close to (0.3 mm) but does not reach the lateral margin.",
     "margin_lateral_mm", 0.3, "0.3 mm"),
    ("close_bracket_lateral", NET_EMR + "The tumour is close to (0.3 mm) but does not reach the lateral margin.",
     "margin_lateral", "negative", "does not reach"),
    ("close_bracket_upper_mm", NET_EMR.upper() + "VERY CLOSE TO (0.2 MM), BUT NOT INVOLVING, THE DEEP MARGIN.",
     "margin_deep_mm", 0.2, "0.2 MM"),
    # trap: the bracket is a width of involvement
    ("close_bracket_trap_other_structure", NET_EMR + "The tumour lies close to (0.2 mm) the muscularis propria, and the deep margin is clear.",
     "margin_deep_mm", None, None),
    ("close_bracket_trap_width", NET_EMR + "Tumour involves (over 1.5 mm) the deep margin.", "margin_deep_mm", None, None),

    # 2. the distance on the next line with its unit in the label: "Distance (mm): 0.4"
    ("next_line_unit_label_mm", NET_EMR + "\nDeep margin: not involved.\nDistance (mm): 0.4\n", "margin_deep_mm", 0.4, "0.4"),
    ("next_line_unit_label_status", NET_EMR + "\nDeep margin: not involved.\nDistance (mm): 0.4\n", "margin_deep", "negative", "not involved"),
    ("next_line_unit_label_lat", NET_EMR + "\nLateral margin: clear\nDistance to margin (mm): 2.5\n", "margin_lateral_mm", 2.5, "2.5"),
    ("next_line_unit_label_upper", NET_EMR + "\nDEEP MARGIN: NEGATIVE\nDISTANCE [MM]: 1,2\n", "margin_deep_mm", 1.2, "1,2"),
    # trap: a label unit on a line that is not about the margin (a tumour size)
    ("next_line_unit_label_trap_size", NET_EMR + "\nDeep margin: not involved.\nTumour size (mm): 6\n", "margin_deep_mm", None, None),
    ("next_line_unit_label_trap_cm", NET_EMR + "\nDeep margin: not involved.\nSpecimen (cm): 2 x 1.5\n", "margin_deep_mm", None, None),

    # 3. key=value export lines
    ("key_margin_deep_mm_eq", "histotype: NET, well differentiated\nmargin_deep = negative\nmargin_deep_mm = 0.7\n",
     "margin_deep_mm", 0.7, "0.7"),
    ("key_margin_deep_mm_upper", "HISTOTYPE=NET\nMARGIN_DEEP=NEGATIVE\nMARGIN_DEEP_MM=0.7\n", "margin_deep_mm", 0.7, "0.7"),
    ("key_deep_margin_distance_mm", "histotype: NET, well differentiated\ndeep_margin_distance_mm: 0.7\n", "margin_deep_mm", 0.7, "0.7"),
    ("key_margin_lateral_mm", "histotype: NET, well differentiated\nmargin_lateral_mm: 2\n", "margin_lateral_mm", 2.0, "2"),
    ("key_lateral_margin_distance_mm", "histotype: NET, well differentiated\nlateral_margin_distance_mm=1.5\n", "margin_lateral_mm", 1.5, "1.5"),
    ("key_margin_deep_eq_status", "HISTOTYPE=NET\nMARGIN_DEEP=NEGATIVE\nMARGIN_DEEP_MM=0.7\n", "margin_deep", "negative", "NEGATIVE"),
    # traps: an empty or not-applicable key, another key
    ("key_margin_deep_mm_trap_na", "histotype: NET, well differentiated\nmargin_deep_mm = NA\n", "margin_deep_mm", None, None),
    ("key_margin_deep_mm_trap_other", "histotype: NET, well differentiated\ntumour_size_mm = 7\n", "margin_deep_mm", None, None),

    # 4. "complete" is not a status word: the distance decides
    ("complete_min_deep_clearance", ADENO_EMR + "Excision appears complete with a minimum deep clearance of 0.3 mm.",
     "margin_deep", "close", "0.3 mm"),
    ("complete_min_deep_clearance_mm", ADENO_EMR + "Excision appears complete with a minimum deep clearance of 0.3 mm.",
     "margin_deep_mm", 0.3, "0.3 mm"),
    ("complete_lateral_clearance_neg", ADENO_EMR + "The lesion is completely excised, lateral clearance 2 mm.",
     "margin_lateral", "negative", "2 mm"),
    ("complete_upper_deep", ADENO_EMR.upper() + "EXCISION IS COMPLETE; DEEP CLEARANCE 0.5 MM.", "margin_deep", "close", "0.5 MM"),
    # traps: complete excision alone sets nothing; "incomplete" alone sets nothing
    ("complete_trap_alone", ADENO_EMR + "Excision appears complete.", "margin_deep", None, None),
    ("complete_trap_stated_status_wins", ADENO_EMR + "Excision is complete; the deep margin is involved (0 mm).", "margin_deep", "positive", "involved"),
    ("incomplete_trap_alone", ADENO_EMR + "Excision appears incomplete.", "margin_lateral", None, None),

    # block numbers, diathermy line, transected, R0 with a distance, "closest margin: deep, 0.2 mm"
    ("block_margin_involved", ADENO_EMR + "Deep margin in block A3 involved.", "margin_deep", "positive", "involved"),
    ("diathermy_line_free", ADENO_POLYP + "The diathermy line is free of tumour.", "margin_deep", "negative", "free"),
    ("diathermy_line_involved", ADENO_POLYP + "Carcinoma extends to the diathermy line.", "margin_deep", "positive", "diathermy line"),
    ("r0_deep_mm", ADENO_EMR + "R0 (deep 0.6 mm, lateral 2 mm).", "margin_deep_mm", 0.6, "0.6 mm"),
    ("r0_lateral_mm", ADENO_EMR + "R0 (deep 0.6 mm, lateral 2 mm).", "margin_lateral_mm", 2.0, "2 mm"),
    ("closest_margin_deep_mm", ADENO_EMR + "Closest margin: deep, 0.2 mm.", "margin_deep_mm", 0.2, "0.2 mm"),
    ("closest_margin_deep", ADENO_EMR + "Closest margin: deep, 0.2 mm.", "margin_deep", "close", "0.2 mm"),
    ("closest_margin_lateral_mm", ADENO_EMR + "Nearest margin: lateral (1.5 mm).", "margin_lateral_mm", 1.5, "1.5 mm"),
    ("closest_margin_trap_deep_none", ADENO_EMR + "Closest margin: lateral, 0.2 mm.", "margin_deep_mm", None, None),
    ("dx_parenthesis_margins", "Rectum, EMR: neuroendocrine tumour, G1, 6 mm (deep margin clear, 0.8 mm; lateral margin clear).",
     "margin_deep_mm", 0.8, "0.8 mm"),
    ("dx_parenthesis_margins_lat", "Rectum, EMR: neuroendocrine tumour, G1, 6 mm (deep margin clear, 0.8 mm; lateral margin clear).",
     "margin_lateral", "negative", "clear"),
    ("clock_lateral_involved", ADENO_EMR + "The lateral margin is involved at the 3 o'clock position.", "margin_lateral", "positive", "involved"),
    ("clock_lateral_mm_trap", ADENO_EMR + "The lateral margin is involved at 3 o'clock.", "margin_lateral_mm", None, None),
    ("transected_deep", ADENO_POLYP + "The tumour is transected at the deep margin.", "margin_deep", "positive", "transected"),
    # a length after "present" is a distance, not involvement
    ("present_mm_from_deep", ADENO_EMR + "Tumour present 0.5 mm from the deep margin.", "margin_deep", "close", "0.5 mm"),
    ("present_mm_from_lateral_mm", ADENO_EMR + "Carcinoma present 0.3 mm from the lateral margin.", "margin_lateral_mm", 0.3, "0.3 mm"),
    ("present_within_mm_of_deep", ADENO_EMR + "Tumour is present within 0.5 mm of the deep margin.", "margin_deep", "close", "0.5 mm"),
    ("present_upper_mm", ADENO_EMR.upper() + "CARCINOMA PRESENT 0.3 MM FROM THE DEEP MARGIN.", "margin_deep", "close", "0.3 MM"),
    # traps: "present at" and a bare "present" stay involvement
    ("present_trap_at", ADENO_EMR + "Tumour present at the deep margin.", "margin_deep", "positive", "present at"),
    ("present_trap_label", ADENO_EMR + "Deep margin: tumour present.", "margin_deep", "positive", "present"),

    # "tumour at diathermy / cautery" under a margin's label
    ("at_diathermy_label", ADENO_EMR + "Deep margin: tumour at diathermy.", "margin_deep", "positive", "at diathermy"),
    ("at_cautery_label_upper", ADENO_EMR.upper() + "DEEP MARGIN: CARCINOMA AT CAUTERY.", "margin_deep", "positive", "AT CAUTERY"),
    ("not_at_diathermy_label", ADENO_EMR + "Deep margin: carcinoma not at diathermy (0.3 mm).", "margin_deep", "negative", "not at diathermy"),
    ("not_at_diathermy_label_mm", ADENO_EMR + "Deep margin: carcinoma not at diathermy (0.3 mm).", "margin_deep_mm", 0.3, "0.3 mm"),
    # trap: diathermy artefact is not the tumour at the margin
    ("at_diathermy_trap_artefact", ADENO_EMR + "Deep margin: cannot be assessed, tumour at diathermy artefact zone.", "margin_deep", "indeterminate", "cannot be assessed"),

    # "VM 0.6 mm" is a margin label with its distance, not the code VM0
    ("vm_label_mm", ADENO_EMR + "R0 (VM 0.6 mm, HM 2 mm).", "margin_deep_mm", 0.6, "0.6 mm"),
    ("vm_label_mm_lat", ADENO_EMR + "R0 (VM 0.6 mm, HM 2 mm).", "margin_lateral_mm", 2.0, "2 mm"),
    ("vm_label_colon_mm", ADENO_EMR + "VM: 0.4 mm; HM: 1.5 mm.", "margin_deep_mm", 0.4, "0.4 mm"),
    # traps: the codes stay codes
    ("vm_code_trap", ADENO_EMR + "pHM0, pVM1.", "margin_deep", "positive", "VM1"),
    ("vm_code_trap_distance", ADENO_EMR + "HM0, VM0 (500 µm).", "margin_deep_mm", 0.5, "500"),

    # transected at the base / stalk of a polyp: the deep margin
    ("transected_at_base", ADENO_POLYP + "The tumour is transected at the base.", "margin_deep", "positive", "transected"),
    ("transected_at_stalk", ADENO_POLYP + "The carcinoma is transected at the stalk.", "margin_deep", "positive", "transected"),
    ("transected_at_base_upper", ADENO_POLYP.upper() + "CARCINOMA IS TRANSECTED AT THE BASE.", "margin_deep", "positive", "TRANSECTED"),
    # traps: an appendix base, a tumour at the base of the polyp (a location), another margin
    ("transected_trap_appendix", "Appendix, appendicectomy: well differentiated neuroendocrine tumour, G1, 14 mm. The tumour is transected at the base.",
     "margin_deep", None, None),
    ("transected_trap_location", ADENO_POLYP + "The carcinoma lies at the base of the polyp head.", "margin_deep", None, None),
    ("transected_trap_lateral", ADENO_POLYP + "The tumour is transected at the base.", "margin_lateral", None, None),

    # a distance after the semicolon with a clock position
    ("semicolon_mm_clock", ADENO_EMR + "Deep margin: clear; 0.3 mm at 5 o'clock.", "margin_deep_mm", 0.3, "0.3 mm"),
    ("semicolon_mm_clock_lat", ADENO_EMR + "Lateral margin: free; 1.5 mm at 12 o'clock.", "margin_lateral_mm", 1.5, "1.5 mm"),
    ("semicolon_mm_clock_status", ADENO_EMR + "Deep margin: clear; 0.3 mm at 5 o'clock.", "margin_deep", "negative", "clear"),
    # trap: a size after the semicolon is still no distance
    ("semicolon_trap_size", ADENO_EMR + "Deep margin: clear; tumour 6 mm at 5 o'clock.", "margin_deep_mm", None, None),
    # a list of "length side" items after a generic "margins"
    ("len_side_paren_deep", "Rectum, EMR: NET G1, 6 mm, excised with clear margins (0.4 mm deep, 2 mm lateral).", "margin_deep_mm", 0.4, "0.4 mm"),
    ("len_side_paren_lat", "Rectum, EMR: NET G1, 6 mm, excised with clear margins (0.4 mm deep, 2 mm lateral).", "margin_lateral_mm", 2.0, "2 mm"),
    ("len_side_colon_lat", NET_EMR + "Margins clear: 0.4 mm deep, 2 mm lateral.", "margin_lateral_mm", 2.0, "2 mm"),
    ("len_side_and_peripheral", NET_EMR + "Clear margins: 2 mm peripheral and 0.4 mm deep.", "margin_lateral_mm", 2.0, "2 mm"),
    ("len_side_and_deep", NET_EMR + "Clear margins: 2 mm peripheral and 0.4 mm deep.", "margin_deep_mm", 0.4, "0.4 mm"),
    ("len_side_upper", NET_EMR.upper() + "MARGINS CLEAR (0.4 MM DEEP; 2 MM LATERAL).", "margin_deep_mm", 0.4, "0.4 MM"),
    # traps: a depth of invasion, a size, a side followed by its own length
    ("len_side_trap_invasion", NET_EMR + "The tumour invades 2 mm deep, into the submucosa.", "margin_deep_mm", None, None),
    ("len_side_trap_invasion_status", NET_EMR + "The tumour invades 2 mm deep, into the submucosa.", "margin_deep", None, None),
    ("len_side_trap_own_length", NET_EMR + "Margins: deep 0.4 mm, lateral 2 mm.", "margin_lateral_mm", 2.0, "2 mm"),
    ("len_side_trap_no_comma", NET_EMR + "Deep margin 0.4 mm lateral margin 2 mm.", "margin_lateral_mm", 2.0, "2 mm"),
    # an elided margin noun: "from the deep and 2 mm from the lateral margin"
    ("elided_deep_mm", NET_EMR + "The tumour is 0.4 mm from the deep and 2 mm from the lateral margin.", "margin_deep_mm", 0.4, "0.4 mm"),
    ("elided_deep_status", NET_EMR + "The tumour is 0.4 mm from the deep and 2 mm from the lateral margin.", "margin_deep", "close", "0.4 mm"),
    ("elided_lat_mm", NET_EMR + "The tumour is 0.4 mm from the deep and 2 mm from the lateral margin.", "margin_lateral_mm", 2.0, "2 mm"),
    ("elided_lat_first", NET_EMR + "Carcinoma lies 2 mm from the lateral and 0.4 mm from the deep margins.", "margin_lateral_mm", 2.0, "2 mm"),
    ("elided_upper", NET_EMR.upper() + "TUMOUR IS 1.5 MM FROM THE PERIPHERAL AND 0.3 MM FROM THE DEEP MARGIN.", "margin_lateral_mm", 1.5, "1.5 MM"),
    # traps: a side word of a layer, not a margin
    ("elided_trap_layer", NET_EMR + "The tumour is 0.4 mm from the deep and superficial muscularis propria.", "margin_deep_mm", None, None),
    ("elided_trap_deep_still", NET_EMR + "The tumour is 0.4 mm from the deep and 2 mm from the lateral margin.", "margin_radial", None, None),
    ("len_side_bracketed_side_deep", NET_EMR + "Margins: 0.4 mm (deep), 2 mm (lateral).", "margin_deep_mm", 0.4, "0.4 mm"),
    ("len_side_bracketed_side_lat", NET_EMR + "Margins: 0.4 mm (deep), 2 mm (lateral).", "margin_lateral", "negative", "2 mm"),
    ("len_side_bracketed_side_lat_mm", NET_EMR + "Margins: 0.4 mm (deep), 2 mm (lateral).", "margin_lateral_mm", 2.0, "2 mm"),
    # trap: a bracketed side after a size is not a margin
    ("len_side_bracketed_trap_size", NET_EMR + "A second focus, 2 mm (lateral), shows hyperplasia.", "margin_lateral_mm", None, None),
    # a distance word between the margin's name and its label unit
    ("label_distance_word", NET_EMR + "\nDeep margin distance (mm): 0.4\n", "margin_deep_mm", 0.4, "0.4"),
    ("label_clearance_word_lat", NET_EMR + "\nLateral margin clearance (mm) = 2\n", "margin_lateral_mm", 2.0, "2"),
    ("label_distance_word_upper", NET_EMR + "\nDEEP MARGIN DISTANCE FROM TUMOUR (MM): 1.5\n", "margin_deep_mm", 1.5, "1.5"),
    # traps: a count or percentage after the label is not a distance; "Deep margin (mm)" still reads
    ("label_distance_trap_pct", NET_EMR + "\nDeep margin distance (%): 40\n", "margin_deep_mm", None, None),
    ("label_distance_trap_plain", NET_EMR + "\nDeep margin (mm): 0.4\n", "margin_deep_mm", 0.4, "0.4"),
]


results, test_phrasing = phrasing_table(CASES)
