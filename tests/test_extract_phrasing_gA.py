"""Phrasings of round gA, written before their rules.

Each group: the train phrasing rewritten a few ways, then traps that must stay null or
unchanged. Same table format as tests/test_extract_phrasing.py.
"""

from test_extract import phrasing_table  # tests/ is on sys.path


SIG = "Sigmoid colectomy: adenocarcinoma.\n"
NETX = "Rectum, TAMIS: well-differentiated neuroendocrine tumour, G1.\n"
BX = "Rectum, biopsy: well-differentiated neuroendocrine tumour, G1. "
TAMIS = "Rectum, TAMIS full-thickness excision: residual well-differentiated neuroendocrine tumour, G1.\n"
ESD = "Rectum, ESD: "
ESDNET = "Diagnosis: Rectum, ESD - well differentiated neuroendocrine tumour, WHO G1, pT1a. "
TBL = "Rectum, full-thickness resection (FTRD): well differentiated neuroendocrine tumour, G1.\n\n"
ADENO = "Rectum, anterior resection: adenocarcinoma (NOS).\n"

# (id, text, field, expected value (None: must stay null), a substring of the evidence)
CASES = [
    # proforma 'Differentiation (worst area) ....... Moderate' (w8b_lar_crm_involved)
    ("grade_diff_paren_leaders", ADENO + "Differentiation (worst area) .............. Moderate\n", "grade", "G2", "Moderate"),
    ("grade_diff_leaders", ADENO + "Differentiation ............ Poor\n", "grade", "G3", "Poor"),
    ("grade_diff_paren_colon", ADENO + "Differentiation (predominant): well\n", "grade", "G1", "well"),
    ("grade_diff_paren_leaders_moderately", ADENO + "Degree of differentiation (worst) ..... moderately\n", "grade", "G2", "moderately"),
    # traps: a parenthesis that is not a short qualifier, or no degree word
    ("grade_diff_leaders_trap_not_assessed", ADENO + "Differentiation (worst area) ........ not assessable\n", "grade", None, None),
    ("grade_diff_leaders_trap_far", ADENO + "Differentiation .... see comment\nModerate chronic inflammation.\n", "grade", None, None),
    # 'Number of Lymph Nodes Involved: 0' is the positive count, never the examined count
    ("nodes_involved_label_then_examined", SIG + "Number of Lymph Nodes Involved: 0\nNumber of Lymph Nodes Examined: 18 (17 in part 1 + 1 in part 2)\n", "lymph_nodes_examined", 18, "18"),
    ("nodes_involved_label_positive", SIG + "Number of Lymph Nodes Involved: 0\nNumber of Lymph Nodes Examined: 18\n", "lymph_nodes_positive", 0, "Involved: 0"),
    ("nodes_examined_then_involved", SIG + "Number of lymph nodes examined: 21\nNumber of lymph nodes involved: 2\n", "lymph_nodes_examined", 21, "21"),
    ("nodes_positive_label_only", SIG + "Number of nodes positive: 3\n", "lymph_nodes_examined", None, None),
    ("nodes_metastatic_label_only", SIG + "Number of lymph nodes metastatic: 1\n", "lymph_nodes_examined", None, None),
    # a layer word naming where lymph nodes lie is not the depth
    ("depth_pericolic_node_part", SIG + "Part 2: ADDITIONAL PERICOLIC LYMPH NODE\nTumor Extent: Invades the visceral peritoneum\n", "depth", "serosa", "visceral peritoneum"),
    ("depth_mesorectal_nodes_only", SIG + "Mesorectal lymph nodes: 0/12.\n", "depth", None, None),
    ("depth_pericolic_node_then_mp", SIG + "Part 2: pericolic lymph node.\nTumour invades the muscularis propria.\n", "depth", "muscularis_propria", "muscularis propria"),
    ("depth_pericolic_fat_kept", SIG + "Tumour invades through the muscularis propria into pericolic fat; pericolic nodes 0/14.\n", "depth", "subserosa", "pericolic"),
    # a Ki-67 label with words after it, ending in a colon, value on the line under it
    ("ki67_addendum_colon_next_line", NETX + "Ki-67 index 1-2 %.\nADDENDUM (22/11/2026): Ki-67 recounted on block A6 after repeat staining (2500 cells):\n2.5 %. Grade unchanged (G1).\n", "ki67_percent", 2.5, "2.5 %"),
    ("ki67_words_colon_next_line", NETX + "Ki-67 recounted on block A6 (2500 cells):\n2.5 %.\n", "ki67_percent", 2.5, "2.5 %"),
    ("ki67_repeat_colon_next_line", NETX + "Ki-67 (MIB-1) on repeat staining:\n  3 %\n", "ki67_percent", 3.0, "3 %"),
    ("ki67_colon_next_line_trap_not_at_start", NETX + "Ki-67 stained on block A3:\nTumour cells positive for synaptophysin, 5 % of nuclei.\n", "ki67_percent", None, None),
    ("ki67_no_colon_trap", NETX + "Ki-67 stain was performed on block A3\n3 %\n", "ki67_percent", None, None),
    # a zero mitotic count in a small sample is limited: no count per 2 mm2
    ("mitoses_small_sample", BX + "No mitoses in this small sample.", "mitoses_per_2mm2", None, None),
    ("mitoses_tiny_fragments", BX + "Mitoses: not identified in these tiny fragments.", "mitoses_per_2mm2", None, None),
    ("mitoses_small_biopsy", BX + "No mitoses identified in the small biopsy.", "mitoses_per_2mm2", None, None),
    ("mitoses_small_cores", BX + "Mitotic figures are not seen in these small cores.", "mitoses_per_2mm2", None, None),
    ("mitoses_zero_kept", BX + "Mitoses are not identified.", "mitoses_per_2mm2", 0.0, "not identified"),
    ("mitoses_zero_area_kept", BX + "No mitoses seen in 2 mm2; small bowel mucosa unremarkable.", "mitoses_per_2mm2", 0.0, "mitoses"),
    # a letter retelling the earlier removal elsewhere: its size and LVI are history
    ("hist_elsewhere_size", TAMIS + "The patient had a 9 mm rectal NET removed by cold snare elsewhere. Residual tumour measures 2 mm.", "tumor_size_mm", 2.0, "2 mm"),
    ("hist_elsewhere_size_only", TAMIS + "This patient had a 7 mm rectal NET removed by cold snare in July elsewhere.", "tumor_size_mm", None, None),
    ("hist_that_report_lvi", TAMIS + "A 7 mm NET was resected elsewhere in May; that report described small vessels suspicious for lymphatic invasion. I see no lymphatic or venous invasion in this specimen.", "lvi", "absent", "no lymphatic"),
    ("hist_that_report_lvi_only", TAMIS + "A NET was resected in May; that report described small vessels suspicious for lymphatic invasion.", "lvi", None, None),
    ("hist_original_report_lvi", TAMIS + "The original report described lymphovascular invasion. Today: residual tumour 3 mm, lymphovascular invasion not identified.", "lvi", "absent", "not identified"),
    # traps: 'elsewhere' about the current specimen leaves its findings alone
    ("hist_trap_no_lesion_elsewhere", TAMIS + "Tumour measures 12 mm, no other lesion elsewhere in the specimen.", "tumor_size_mm", 12.0, "12 mm"),
    ("hist_trap_lvi_none_elsewhere", TAMIS + "Lymphovascular invasion is present; no tumour elsewhere.", "lvi", "present", "present"),
    # JSCCR lower-case 'ly1, v0, pn0': pn is perineural beside lower-case ly/v codes
    ("pni_lower_pn0_jp", ESD + "Neuroendocrine tumor, NET G1, 1.3 x 1.0 cm, pT1b, ly1 (D2-40), v0, pn0,\n pHM0, pVM0 (0.3 mm).\n", "pni", "absent", "pn0"),
    ("pni_lower_pn1_jp", ESD + "NET G1, pT1b, ly0, v0, pn1.\n", "pni", "present", "pn1"),
    ("pni_lower_pn0_nocomma", ESD + "NET G1, pT1b, ly0 v1 pn0 pHM0 pVM0.\n", "pni", "absent", "pn0"),
    ("pni_lower_pn0_lvi_kept", ESD + "NET G1, pT1b, ly1 (D2-40), v0, pn0.\n", "lvi", "present", "ly1"),
    # traps: a lower-case pN without ly/v codes is not perineural
    ("pni_lower_pn_trap_tnm", ESD + "adenocarcinoma, pt3 pn0, no venous invasion.\n", "pni", None, None),
    ("pni_lower_pn_trap_upper", ESD + "adenocarcinoma, pT1b pN0, ly0, v0.\n", "pni", None, None),
    # an '=== ADDENDUM ===' banner starts the addendum, which supersedes the diagnosis
    ("addendum_banner_long", ESDNET + "Lateral margin indeterminate (cautery) - see addendum to follow.\n\n==================== ADDENDUM  (05/11/2026) ====================\nLateral margin clear, closest distance 0.6 mm.\n", "margin_lateral", "negative", "clear"),
    ("addendum_banner_short", ESDNET + "Lateral margin cannot be assessed (cautery).\n\n=== ADDENDUM ===\nDeeper levels: lateral margin clear.\n", "margin_lateral", "negative", "clear"),
    ("addendum_banner_stars", ESDNET + "Lateral margin indeterminate.\n\n***** ADDENDUM *****\nThe lateral margin is involved by tumour.\n", "margin_lateral", "positive", "involved"),
    ("addendum_banner_distance", ESDNET + "Lateral margin indeterminate.\n\n=== ADDENDUM (05/11) ===\nLateral margin clear, closest distance 0.6 mm.\n", "margin_lateral_mm", 0.6, "0.6 mm"),
    # trap: '==' inside a line is not a banner
    ("addendum_banner_trap_inline", ESDNET + "Lateral margin indeterminate. == see addendum\n", "margin_lateral", "indeterminate", "indeterminate"),
    # an endoscopic classification after the size, or an imaging sentence wrapped over lines
    ("size_paris_jnet", "Specimen: Transverse colon LST, EMR piecemeal (7 pieces) - lesion 30 mm, Paris 0-IIa+Is, JNET 2B\nDiagnosis: tubular adenoma with high-grade dysplasia.\n", "tumor_size_mm", None, None),
    ("size_nice", "Specimen: sigmoid polyp 12 mm, NICE type 2, cold snare.\nDiagnosis: tubular adenoma.\n", "tumor_size_mm", None, None),
    ("size_paris_then_path", "Specimen: rectal lesion 25 mm, Paris 0-Is.\nMicroscopy: adenocarcinoma, 18 mm in greatest dimension.\n", "tumor_size_mm", 18.0, "18 mm"),
    ("size_ct_wrapped", "Rectum, biopsy: neuroendocrine carcinoma. Clinical: rectal mass (CT: tumour 62 mm with mesorectal nodes up\nto 14 mm and two liver lesions, the larger 23 mm).\n", "tumor_size_mm", None, None),
    ("size_ct_then_label_kept", "Rectum, EMR: well-differentiated neuroendocrine tumour, G1.\nCT: no distant lesions\nMicroscopy: tumour measures 12 mm.\n", "tumor_size_mm", 12.0, "12 mm"),
    # a bare 'Size:' in the diagnosis is not beaten by a gross 'lesion 5x4 mm'
    ("size_dx_bare_numbered", "GROSS\nESD specimen, 31x25 mm. A hemispheric elevated lesion 5x4 mm.\n\nDIAGNOSIS\nStomach, body, ESD:\n Neuroendocrine tumor, grade 1\n  1. Size: 0.4 x 0.4 cm\n  2. Depth of invasion: submucosa\n", "tumor_size_mm", 4.0, "0.4 x 0.4 cm"),
    ("size_dx_bare", "GROSS\nESD specimen, 31x25 mm. A hemispheric elevated lesion 5x4 mm.\n\nDIAGNOSIS\nStomach, body, ESD:\n Neuroendocrine tumor, grade 1\n  Size: 0.4 x 0.4 cm\n", "tumor_size_mm", 4.0, "0.4 x 0.4 cm"),
    ("size_dx_bare_mm", "GROSS\nESD specimen, 31x25 mm. A hemispheric elevated lesion 5x4 mm.\n\nDIAGNOSIS\nStomach, body, ESD:\n Neuroendocrine tumor, grade 1\n  1) Size: 4 mm\n", "tumor_size_mm", 4.0, "4 mm"),
    # trap: a bare size in the gross still yields to the gross lesion's size
    ("size_gross_bare_yields", "GROSS\nESD specimen, 31x25 mm. A hemispheric elevated lesion 5x4 mm. Size: 31 mm.\n\nDIAGNOSIS\nStomach, body, ESD: neuroendocrine tumor, grade 1.\n", "tumor_size_mm", 5.0, "5x4 mm"),
    # a table whose unit is in its title or header: bare numbers in the last cell are distances
    ("table_unit_title_deep", TBL + "Margin table (mm, shortest distance tumour - resection plane)\n| resection plane | status | distance |\n| lateral (mucosal) | tumourfree | 3.5 |\n| deep (basal) | tumourfree | 0.8 |\n", "margin_deep_mm", 0.8, "0.8"),
    ("table_unit_title_lateral", TBL + "Margin table (mm, shortest distance tumour - resection plane)\n| resection plane | status | distance |\n| lateral (mucosal) | tumourfree | 3.5 |\n| deep (basal) | tumourfree | 0.8 |\n", "margin_lateral_mm", 3.5, "3.5"),
    ("table_unit_header_cm", TBL + "| margin | status | distance (cm) |\n| deep | free | 0.2 |\n", "margin_deep_mm", 2.0, "0.2"),
    ("table_unit_status_kept", TBL + "| margin | status | distance (mm) |\n| deep | free | 0.8 |\n", "margin_deep", "negative", "free"),
    # traps: no unit in the table, or two units
    ("table_unit_trap_none", TBL + "| margin | status | distance |\n| deep | free | 0.8 |\n", "margin_deep_mm", None, None),
    ("table_unit_trap_two_units", TBL + "Table (mm; sizes in cm)\n| margin | status | distance (cm) |\n| deep | free | 0.8 |\n", "margin_deep_mm", None, None),
]

ALL = CASES


results, test_phrasing = phrasing_table(ALL)
