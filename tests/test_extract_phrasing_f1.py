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

NET_ESD = "Rectum, ESD: well-differentiated neuroendocrine tumour, G1.\n"

LABEL_UNIT_SIZE = [
    # 3. the unit in the label applies to the bare numbers after it, one or several dimensions
    ("unit_label_two_dims", NET_ESD + "Tumour size (cm): 1.2 x 1.0\n", "tumor_size_mm", 12.0, "1.2 x 1.0"),
    ("unit_label_three_dims_mm", NET_ESD + "Tumor size (mm): 12 x 10 x 4\n", "tumor_size_mm", 12.0, "12 x 10 x 4"),
    ("unit_label_size_mm", NET_ESD + "Size (mm): 8\n", "tumor_size_mm", 8.0, "8"),
    ("unit_label_dot_leader", NET_ESD + "Greatest dimension (cm) ...... 0.9\n", "tumor_size_mm", 9.0, "0.9"),
    ("unit_label_upper_x", NET_ESD + "TUMOUR SIZE (CM): 1.2 X 1.0\n", "tumor_size_mm", 12.0, "1.2 X 1.0"),
    ("unit_label_dims_tumour", NET_ESD + "Tumour dimensions (cm): 1.2 x 1.0 x 0.5\n", "tumor_size_mm", 12.0, "1.2 x 1.0 x 0.5"),
    ("unit_label_max_diam_dots", NET_ESD + "Maximum diameter (mm) ..... 7\n", "tumor_size_mm", 7.0, "7"),
    # traps: the specimen's or a node's size, a count after the label, another unit in the value
    ("unit_label_trap_specimen", NET_ESD + "Specimen size (cm): 3.5 x 3.0\n", "tumor_size_mm", None, None),
    ("unit_label_trap_specimen_1d", NET_ESD + "Specimen size (cm): 3.5\n", "tumor_size_mm", None, None),
    ("unit_label_trap_node", NET_ESD + "Lymph node size (mm): 9\n", "tumor_size_mm", None, None),
    ("unit_label_trap_hpf", NET_ESD + "Size (mm): 8 per 10 HPF\n", "tumor_size_mm", None, None),
    ("unit_label_trap_margin", NET_ESD + "Distance to deep margin (mm): 0.4 x\n", "tumor_size_mm", None, None),
    ("size_trap_node_no_unit", NET_ESD + "Lymph node size: 9 mm\n", "tumor_size_mm", None, None),
    ("size_trap_deposit", NET_ESD + "Size of tumour deposit: 4 mm\n", "tumor_size_mm", None, None),
    ("size_nodule_kept", NET_ESD + "Nodule size: 9 mm\n", "tumor_size_mm", 9.0, "9 mm"),
    ("unit_label_margin_kept", NET_ESD + "Distance to deep margin (mm) ...... 0.4\n", "margin_deep_mm", 0.4, "0.4"),
    ("unit_label_ki67_kept", NET_ESD + "Ki-67 index (%): 3\n", "ki67_percent", 3.0, "3"),
]

COLECTOMY = "Sigmoid colectomy: adenocarcinoma, moderately differentiated, 35 mm. "

NUMBER_WORDS = [
    # 4. counts written as words, any number a report spells out; sizes with a spelled-out unit
    ("words_nodes_all_negative_ex", COLECTOMY + "Fourteen lymph nodes, all negative.", "lymph_nodes_examined", 14, "Fourteen"),
    ("words_nodes_all_negative_pos", COLECTOMY + "Fourteen lymph nodes, all negative.", "lymph_nodes_positive", 0, "negative"),
    ("words_two_of_eleven", COLECTOMY + "Metastatic carcinoma in two of eleven nodes; the rest are reactive.",
     "lymph_nodes_positive", 2, "two of eleven"),
    ("words_one_of_compound", COLECTOMY + "One of twenty-three lymph nodes contains metastatic carcinoma.",
     "lymph_nodes_positive", 1, "One of twenty-three"),
    ("words_one_of_compound_ex", COLECTOMY + "One of twenty-three lymph nodes contains metastatic carcinoma.",
     "lymph_nodes_examined", 23, "twenty-three"),
    ("words_eleven_of_thirty", COLECTOMY + "Eleven of thirty-two nodes are involved.", "lymph_nodes_positive", 11, "Eleven of thirty-two"),
    ("words_of_forty", COLECTOMY + "Lymph nodes: three of forty positive.", "lymph_nodes_examined", 40, "three of forty"),
    ("words_twelve_positive", COLECTOMY + "Thirty lymph nodes were examined; twelve contain metastatic carcinoma.",
     "lymph_nodes_positive", 12, "twelve contain"),
    ("words_size_millimetres", NET_ESD + "The tumour measures eight millimetres.", "tumor_size_mm", 8.0, "eight millimetres"),
    ("words_size_centimetres", NET_ESD + "The tumour measures two centimetres in greatest dimension.", "tumor_size_mm", 20.0,
     "two centimetres"),
    ("words_size_hyphen_noun", NET_ESD + "There is a five-millimetre yellow nodule in the submucosa.", "tumor_size_mm", 5.0,
     "five-millimetre"),
    # traps: not node counts; a distance or clearance in words; an abbreviated unit after a word
    ("words_trap_fragments", NET_ESD + "One of two fragments shows the tumour.", "lymph_nodes_examined", None, None),
    ("words_trap_one_node_finding", COLECTOMY + "One of the lymph nodes shows sinus histiocytosis.", "lymph_nodes_examined", None, None),
    ("words_trap_distance", NET_ESD + "The tumour lies eight millimetres from the deep margin.", "tumor_size_mm", None, None),
    ("words_trap_clearance_kept", NET_ESD + "The tumour is 6 mm. The deep margin is clear by two millimetres.", "tumor_size_mm", 6.0, "6 mm"),
    ("words_trap_clearance_mm", NET_ESD + "The tumour is 6 mm. The deep margin is clear by two millimetres.", "margin_deep_mm", 2.0,
     "two millimetres"),
    ("words_trap_abbrev_unit", NET_ESD + "Mitoses: one mm away from the edge.", "tumor_size_mm", None, None),
]

NODE_LABELS = [
    # 5. node counts as labels on following sentences or lines
    ("node_labels_sentences_pos", COLECTOMY + "Total number of nodes: 15. Involved: 2.", "lymph_nodes_positive", 2, "Involved: 2"),
    ("node_labels_sentences_ex", COLECTOMY + "Total number of nodes: 15. Involved: 2.", "lymph_nodes_examined", 15, "15"),
    ("node_labels_lines", COLECTOMY + "\nLymph nodes examined: 15\nInvolved: 2\n", "lymph_nodes_positive", 2, "Involved: 2"),
    ("node_labels_sub_items_ex", COLECTOMY + "\nLymph nodes\n  Examined: 15\n  Positive: 2\n", "lymph_nodes_examined", 15, "Examined: 15"),
    ("node_labels_sub_items_pos", COLECTOMY + "\nLymph nodes\n  Examined: 15\n  Positive: 2\n", "lymph_nodes_positive", 2, "Positive: 2"),
    ("node_labels_no_colon", COLECTOMY + "Total nodes 15. Positive 2.", "lymph_nodes_positive", 2, "Positive 2"),
    ("node_labels_none", COLECTOMY + "Total number of nodes: 15. Involved: none.", "lymph_nodes_positive", 0, "Involved: none"),
    ("node_labels_reverse", COLECTOMY + "Lymph nodes involved: 2. Total examined: 15.", "lymph_nodes_examined", 15, "Total examined: 15"),
    ("node_labels_slash_kept", COLECTOMY + "\nNodes examined: 15 / Nodes positive: 2\n", "lymph_nodes_positive", 2, "Nodes positive: 2"),
    # traps: a label of something else after the nodes; a blank line; a count of other things
    ("node_labels_trap_fragments", COLECTOMY + "Lymph nodes: see part B. Total: 15 fragments.", "lymph_nodes_examined", None, None),
    ("node_labels_trap_blank", COLECTOMY + "Total number of nodes: 15.\n\nPositive: 2 margins inked.", "lymph_nodes_positive", None, None),
    ("node_labels_trap_not_label", COLECTOMY + "Total number of nodes: 15. Two further nodules were positive for adenoma.",
     "lymph_nodes_positive", None, None),
    ("node_labels_trap_mitoses", COLECTOMY + "Lymph nodes: 12 examined. Mitoses: 2 per 2 mm2.", "lymph_nodes_positive", None, None),
]

BENIGN_NODES = [
    # 9. a count of benign / reactive nodes is the number examined, none positive
    ("benign_label", COLECTOMY + "Lymph nodes: 14 benign.", "lymph_nodes_positive", 0, "benign"),
    ("benign_before_nodes", COLECTOMY + "14 benign lymph nodes.", "lymph_nodes_examined", 14, "14 benign"),
    ("benign_reactive_nodes", COLECTOMY + "14 reactive nodes.", "lymph_nodes_positive", 0, "14 reactive"),
    ("benign_comma_all", COLECTOMY + "Lymph nodes: 14, all benign.", "lymph_nodes_examined", 14, "14"),
    ("benign_comma_all_pos", COLECTOMY + "Lymph nodes: 14, all benign.", "lymph_nodes_positive", 0, "benign"),
    ("benign_paren", COLECTOMY + "Lymph nodes: 14 (benign).", "lymph_nodes_positive", 0, "benign"),
    ("benign_word_count", COLECTOMY + "Lymph nodes: fourteen reactive.", "lymph_nodes_examined", 14, "fourteen"),
    ("benign_with_reactive", COLECTOMY + "14 lymph nodes with reactive changes.", "lymph_nodes_positive", 0, "reactive"),
    # traps: benign nodes and involved ones together make the total; a node with metastasis is not benign
    ("benign_trap_plus_positive_ex", COLECTOMY + "Lymph nodes: 14 benign, 1 with metastatic carcinoma.",
     "lymph_nodes_examined", 15, "14 benign, 1 with metastatic"),
    ("benign_trap_plus_positive_pos", COLECTOMY + "Lymph nodes: 14 benign, 1 with metastatic carcinoma.",
     "lymph_nodes_positive", 1, "1 with metastatic"),
    ("benign_trap_with_metastasis", COLECTOMY + "2 lymph nodes with metastatic carcinoma.", "lymph_nodes_examined", None, None),
]

NET = "Rectum, ESD: well-differentiated neuroendocrine tumour, G1. "

MITOSES_AREA = [
    # 6. the area of a mitotic count in a parenthesis or bracket after the count
    ("mit_paren_per", NET + "Mitoses: 1 (per 2 mm²).", "mitoses_per_2mm2", 1.0, "1 (per 2 mm²)"),
    ("mit_paren_bare_area", NET + "Mitotic count: 1 (2 mm2).", "mitoses_per_2mm2", 1.0, "1 (2 mm2)"),
    ("mit_paren_in", NET + "Mitoses: 1 (in 2 mm²)", "mitoses_per_2mm2", 1.0, "1 (in 2 mm²)"),
    ("mit_bracket_per", NET + "Mitoses: 2 [per 2 mm2]", "mitoses_per_2mm2", 2.0, "2 [per 2 mm2]"),
    ("mit_paren_slash", NET + "Mitotic rate: 3 (/2 mm²).", "mitoses_per_2mm2", 3.0, "3 (/2 mm²)"),
    ("mit_per_kept", NET + "Mitotic count: 3 per 2 mm2.", "mitoses_per_2mm2", 3.0, "3 per 2 mm2"),
    ("mit_slash_glued_kept", NET + "mitoses 2/2mm².", "mitoses_per_2mm2", 2.0, "2/2mm²"),
    ("mit_paren_range", NET + "Mitoses: 2-3 (per 2 mm2).", "mitoses_per_2mm2", 3.0, "(per 2 mm2)"),
    # traps: per HPF with no stated area; another area; a length in the parenthesis
    ("mit_trap_paren_hpf", NET + "Mitoses: 4 (per 10 HPF).", "mitoses_per_2mm2", None, None),
    ("mit_trap_paren_other_area", NET + "Mitoses: 3 (in 10 mm²).", "mitoses_per_2mm2", None, None),
    ("mit_trap_paren_length", NET + "Mitoses: 3 (2 mm from the margin).", "mitoses_per_2mm2", None, None),
]

IMAGING_LINE = [
    # 7. an imaging line ("CT: ...") ends at its line when the next line starts a statement of its own
    ("img_ct_then_size_label", NET_ESD + "CT: no lymphadenopathy, lesion 15 mm\nTumour size: 9 mm\n", "tumor_size_mm", 9.0, "9 mm"),
    ("img_ct_then_size", NET_ESD + "CT: no distant metastases\nSize: 9 mm\n", "tumor_size_mm", 9.0, "9 mm"),
    ("img_mri_then_size_no_colon", NET_ESD + "MRI: lesion in the rectum\nSize 9 mm\n", "tumor_size_mm", 9.0, "9 mm"),
    ("img_paren_label", NET_ESD + "Imaging (CT): rectal mass measuring\n20 mm\nTumour size: 9 mm\n", "tumor_size_mm", 9.0, "9 mm"),
    ("img_ct_scan_label", NET_ESD + "CT scan: 2 cm rectal lesion.\nThe tumour measures 9 mm.\n", "tumor_size_mm", 9.0, "9 mm"),
    ("img_eus_same_line_sentence", NET_ESD + "EUS: 12 mm hypoechoic lesion. Tumour size: 9 mm.\n", "tumor_size_mm", 9.0, "9 mm"),
    # traps: the imaging sentence's own sizes, also when it wraps onto a lower-case line
    ("img_trap_ct_only", NET_ESD + "CT: 20 mm rectal mass\n", "tumor_size_mm", None, None),
    ("img_trap_ct_wrapped", NET_ESD + "CT: rectal mass with nodes up\nto 14 mm\n", "tumor_size_mm", None, None),
    ("img_trap_imaging_paren", NET_ESD + "Imaging (MRI): lesion 18 mm\n", "tumor_size_mm", None, None),
]

MICRO_SIZE = [
    # 8. the microscopic (histological) measurement beats the macroscopic one when both are given
    ("micro_label_before", NET + "Macroscopic tumour size 6 mm; microscopic size 7 mm.", "tumor_size_mm", 7.0, "7 mm"),
    ("micro_label_lines", NET_ESD + "Macroscopic tumour size: 6 mm\nMicroscopic tumour size: 7 mm\n", "tumor_size_mm", 7.0, "7 mm"),
    ("micro_qualifier_after", NET + "Tumour size: 6 mm (macroscopic), 7 mm (microscopic).", "tumor_size_mm", 7.0, "7 mm"),
    ("micro_adverb_before", NET + "Size: macroscopically 6 mm, microscopically 7 mm.", "tumor_size_mm", 7.0, "7 mm"),
    ("micro_histological_first", NET + "Tumour size: 5 mm (histological); 6 mm on gross examination.", "tumor_size_mm", 5.0, "5 mm"),
    ("micro_on_histology_after", NET + "Size: 6 mm macroscopically and 7 mm on histology.", "tumor_size_mm", 7.0, "7 mm"),
    ("micro_paren_label", NET + "Tumour size (macroscopic): 6 mm. Tumour size (microscopic): 7 mm.", "tumor_size_mm", 7.0, "7 mm"),
    # traps: a microscopic measurement of something else; a single gross size stays
    ("micro_trap_specimen", NET + "Microscopic size of the specimen 30 mm. Tumour size 6 mm.", "tumor_size_mm", 6.0, "6 mm"),
    ("micro_trap_gross_only", NET + "Tumour size: 6 mm (macroscopic).", "tumor_size_mm", 6.0, "6 mm"),
    ("micro_trap_distance", NET + "Tumour size 6 mm; microscopically 0.5 mm from the deep margin.", "tumor_size_mm", 6.0, "6 mm"),
]

POLYPECTOMY_MARGIN = [
    # 10. "polypectomy margin" names no side: a generic margin, which on an endoscopic excision sets
    # lateral and deep (docs/gold.md); the conventions give its single distance to neither side
    ("polmargin_deep", POLYP + "Polypectomy margin: clear (4 mm).", "margin_deep", "negative", "clear"),
    ("polmargin_lateral", POLYP + "Polypectomy margin: clear (4 mm).", "margin_lateral", "negative", "clear"),
    ("polmargin_involved", POLYP + "Polypectomy margin: involved.", "margin_deep", "positive", "involved"),
    ("polmargin_stalk_named", POLYP + "Polypectomy (stalk) margin: clear, 4 mm.", "margin_deep_mm", 4.0, "4 mm"),
    ("polmargin_stalk_named_lat", POLYP + "Polypectomy (stalk) margin: clear, 4 mm.", "margin_lateral", None, None),
]

EMR_NET = "Colon, EMR: well differentiated neuroendocrine tumour, G1, 7 mm. "

COORDINATED_MARGINS = [
    # 11. one status word for two margins named in turn ("clear of the lateral margin by 1.1 mm and
    # of the deep margin by 0.5 mm"); "narrow" clearance is close only when no status word is given
    ("coord_clear_of_and_of", EMR_NET + "The tumour is clear of the\nlateral margin by 1.1 mm and of the deep margin by 0.5 mm.",
     "margin_deep", "negative", "deep margin by 0.5 mm"),
    ("coord_clear_of_and_of_mm", EMR_NET + "The tumour is clear of the lateral margin by 1.1 mm and of the deep margin by 0.5 mm.",
     "margin_deep_mm", 0.5, "0.5 mm"),
    ("coord_free_paren", EMR_NET + "Tumour is free of the lateral margin (2 mm) and of the deep margin (0.4 mm).",
     "margin_deep", "negative", "deep margin"),
    ("coord_deep_first", EMR_NET + "The carcinoma is clear of the deep margin by 3 mm and of the lateral margin by 0.8 mm.",
     "margin_lateral", "negative", "lateral margin"),
    ("coord_and_the", EMR_NET + "Clear of the lateral margin by 2 mm and the deep margin by 0.6 mm.", "margin_deep", "negative", "deep margin"),
    ("narrow_after_clear", EMR_NET + "The deep margin is clear by 0.5 mm, although the deep clearance is narrow.",
     "margin_deep", "negative", "clear"),
    ("narrow_summary", EMR_NET + "Clear of the lateral margin by 1.1 mm and of the deep margin by 0.5 mm; the deep clearance is "
     "narrow.\nSummary: margins clear (lateral 1.1 mm, deep 0.5 mm).", "margin_deep", "negative", "deep margin"),
    # traps: distances with no status word; a status word of its own; a semicolon ends the statement
    ("coord_trap_distances_only", EMR_NET + "The tumour is 1.1 mm from the lateral margin and 0.5 mm from the deep margin.",
     "margin_deep", "close", "0.5 mm"),
    ("coord_trap_own_status", EMR_NET + "The tumour is clear of the lateral margin by 1.1 mm and involves the deep margin.",
     "margin_deep", "positive", "involves"),
    ("coord_trap_semicolon", EMR_NET + "Clear of the lateral margin; the deep margin is 0.5 mm away.", "margin_deep", "close", "0.5 mm"),
    ("narrow_alone_close", EMR_NET + "The deep margin is narrow (0.3 mm).", "margin_deep", "close", "narrow"),
]

ALL = SM_DEPTH_AFTER_LEVEL + LABEL_UNIT_SIZE + NUMBER_WORDS + NODE_LABELS + BENIGN_NODES + MITOSES_AREA + IMAGING_LINE \
    + MICRO_SIZE + POLYPECTOMY_MARGIN + COORDINATED_MARGINS


results, test_phrasing = phrasing_table(ALL)
