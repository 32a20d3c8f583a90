"""Phrasing variants for the w12b train cases (fix-f17): item numbers of a registry abstract
form are not node counts; a checklist's (X) stage and layer options; a biopsy letter whose
depth is declared not assessable; numeric codes decoded through the report's own legend.

Each group ends with traps that must stay null or unchanged.
"""

from test_extract import phrasing_table  # tests/ is on sys.path


NET = "Appendix, appendicectomy: well differentiated neuroendocrine tumour, 14 mm.\n"
ADENO = "Rectum, abdominoperineal resection: adenocarcinoma.\n"
CODED = ("Appendix, right hemicolectomy.\nMacro: firm tumour, 31 x 22 x 20 mm. Serosa over the tumour dull but intact.\n"
         "Coded fields (legend at foot)\n F01 Histological type ........ 2\n F03 Depth of invasion ........ 4\n"
         " F06 Perineural invasion ...... 0\n F09 WHO grade ................ 2\n\nLEGEND\n"
         " F01: 1 = goblet cell adenocarcinoma; 2 = well differentiated NET; 3 = NEC\n"
         " F03: 1 = mucosa/lamina propria; 2 = submucosa; 3 = muscularis propria; 4 = subserosa or\n"
         "      mesoappendix; 5 = visceral peritoneum (serosa)\n F06: 0 = not identified; 1 = present\n"
         " F09: 1 = G1; 2 = G2; 3 = G3\n")


# (id, text, field, expected value (None: must stay null), a substring of the evidence)
CASES = [
    # -- registry abstract: a numbered item column is not a count of nodes --------------------
    ("reg_item_gap_ex", NET + " 16   Regional lymph nodes examined             0 (none in specimen)\n"
     " 17   Regional lymph nodes positive             n/a\n", "lymph_nodes_examined", None, None),
    ("reg_item_gap_pos", NET + " 16   Regional lymph nodes examined             0 (none in specimen)\n"
     " 17   Regional lymph nodes positive             n/a\n", "lymph_nodes_positive", None, None),
    ("reg_item_tab_ex", NET + "16\tLymph nodes examined\t12\n17\tLymph nodes positive\t1\n", "lymph_nodes_examined", 12, "12"),
    ("reg_item_tab_pos", NET + "16\tLymph nodes examined\t12\n17\tLymph nodes positive\t1\n", "lymph_nodes_positive", 1, "1"),
    ("reg_item_dots_ex", NET + "16.  Lymph nodes examined ..... 14\n17.  Lymph nodes positive ..... 2\n", "lymph_nodes_examined", 14, "14"),
    ("reg_item_dots_pos", NET + "16.  Lymph nodes examined ..... 14\n17.  Lymph nodes positive ..... 2\n", "lymph_nodes_positive", 2, "2"),
    ("reg_zero_none", NET + "Lymph nodes examined: 0 (none received)\nLymph nodes positive: 0\n", "lymph_nodes_examined", None, None),
    ("reg_zero_none_num", NET + "Number of lymph nodes examined: 0\nNumber involved: n/a\n", "lymph_nodes_examined", None, None),
    # traps: a count that opens a sentence is a count
    ("reg_trap_prose", NET + "12 lymph nodes were examined, 1 positive.\n", "lymph_nodes_examined", 12, "12"),
    ("reg_trap_prose_pos", NET + "Sixteen lymph nodes examined; 2 lymph nodes positive.\n", "lymph_nodes_positive", 2, "2"),
    ("reg_trap_pnx", NET + " 16   Regional lymph nodes examined             0 (none in specimen)\n 19   Pathological N   pNX\n", "pn", "pNX", "pNX"),
    # -- checklist: item headings over boxed options stay in the checklist -----------------
    ("chk_size_after_clinical", "SYNOPTIC CHECKLIST - COLON AND RECTUM: RESECTION\n\nPROCEDURE\n ( ) Low anterior resection   (X) Abdominoperineal resection\n"
     " Clinical stage before therapy: cT3 cN1 (MRI)\nHISTOLOGIC TYPE\n (X) Adenocarcinoma\nTUMOR SIZE\n Residual tumor, greatest dimension (microscopic): 9 mm\n", "tumor_size_mm", 9.0, "9 mm"),
    ("chk_size_bracket_boxes", "SYNOPTIC CHECKLIST - COLON AND RECTUM: RESECTION\nPROCEDURE\n [ ] Low anterior resection   [x] Abdominoperineal resection\n"
     " Clinical history: neoadjuvant chemoradiotherapy\nHISTOLOGIC TYPE\n [x] Adenocarcinoma\nTUMOR SIZE\n Greatest dimension: 14 mm\n", "tumor_size_mm", 14.0, "14 mm"),
    ("chk_depth_comment", "SYNOPTIC CHECKLIST - COLON AND RECTUM: RESECTION\nHISTOLOGIC TYPE\n (X) Adenocarcinoma\nTUMOR EXTENT\n ( ) Submucosa   (X) Muscularis propria\n"
     " Comment: residual tumour in outer muscularis propria; perirectal fat shows\n fibrosis and acellular mucin only.\n", "depth", "muscularis_propria", "Muscularis propria"),
    ("chk_depth_only_mucin", ADENO + "Residual carcinoma invades the muscularis propria. The mesorectal fat contains only acellular mucin.\n", "depth", "muscularis_propria", "muscularis propria"),
    ("chk_depth_mucin_pools", ADENO + "Tumour invades the muscularis propria; pericolic fat with acellular mucin pools.\n", "depth", "muscularis_propria", "muscularis propria"),
    # traps: viable tumour in the fat is still the depth; an unticked deeper option stays out
    ("chk_depth_trap_viable", ADENO + "Tumour invades the muscularis propria; perirectal fat shows acellular mucin and viable tumour cells.\n", "depth", "subserosa", "perirectal fat"),
    ("chk_depth_trap_fibrosis_tumour", ADENO + "Perirectal fat shows fibrosis with infiltrating carcinoma.\n", "depth", "subserosa", "Perirectal fat"),
    ("chk_trap_clinical_heading", "CLINICAL HISTORY:\nRectal carcinoma 40 mm on MRI.\n\nDIAGNOSIS:\nRectum, APR: adenocarcinoma, 9 mm.\n", "tumor_size_mm", 9.0, "9 mm"),
    # -- checklist stage: a ticked y modifier and a "pT:" label ---------------------------
    ("chk_stage_y_pt", ADENO + "PATHOLOGIC STAGE (pTNM, AJCC 8)\n (X) y (post-treatment)\n pT: (X) T2     pN: (X) N0     pM: not applicable\n", "pt", "ypT2", "T2"),
    ("chk_stage_y_pn", ADENO + "PATHOLOGIC STAGE (pTNM, AJCC 8)\n (X) y (post-treatment)\n pT: (X) T2     pN: (X) N0     pM: not applicable\n", "pn", "ypN0", "N0"),
    ("chk_stage_y_brackets", ADENO + "TNM descriptors: [x] y (post-treatment)  [ ] r (recurrence)\npT: [x] T3\npN: [x] N1a\n", "pt", "ypT3", "T3"),
    ("chk_stage_y_brackets_pn", ADENO + "TNM descriptors: [x] y (post-treatment)  [ ] r (recurrence)\npT: [x] T3\npN: [x] N1a\n", "pn", "ypN1a", "N1a"),
    ("chk_stage_label_only", ADENO + "Modifiers: none\n pT: (X) T3     pN: (X) N1\n", "pt", "pT3", "T3"),
    # traps: an unticked y; a y far above after a blank line
    ("chk_stage_trap_unticked_y", ADENO + "PATHOLOGIC STAGE\n ( ) y (post-treatment)\n pT: (X) T2     pN: (X) N0\n", "pt", "pT2", "T2"),
    ("chk_stage_trap_blank", ADENO + "(X) y (post-treatment)\n\nPATHOLOGIC STAGE\n pT: (X) T2\n", "pt", "pT2", "T2"),
    # -- margin distance after the status, naming the invasive carcinoma ------------------
    ("chk_crm_invasive", ADENO + "Circumferential (radial): (X) uninvolved; distance of invasive carcinoma 12 mm\n", "margin_radial_mm", 12.0, "12 mm"),
    ("chk_crm_residual", ADENO + "Circumferential margin: clear; distance from residual tumour 6 mm\n", "margin_radial_mm", 6.0, "6 mm"),
    ("chk_crm_trap_node", ADENO + "Circumferential margin: clear; lymph node 3 mm\n", "margin_radial_mm", None, None),
    # -- biopsy letter: a depth question the report cannot answer, a refused size -------------
    ("bx_whether_established", "Rectal biopsy: well differentiated neuroendocrine tumour, grade 2. It fills the lamina propria; muscularis mucosae is not represented, so whether the tumour infiltrates the submucosa cannot be established.\n", "depth", None, None),
    ("bx_whether_determined", "Rectal biopsy: well differentiated neuroendocrine tumour. Tumour occupies the lamina propria; whether it invades the submucosa cannot be determined on this material.\n", "depth", None, None),
    ("bx_whether_assessed", "Rectal biopsy: neuroendocrine tumour, G1, in the lamina propria; whether there is submucosal invasion cannot be assessed.\n", "depth", None, None),
    ("bx_size_refused_lesion", "Thank you for the slides of the rectal biopsy (sessile 12 mm lesion).\nRectal biopsy: well differentiated neuroendocrine tumour, grade 2. Depth of invasion and size not assessable on biopsy.\nGiven a 12 mm lesion with surface depression, I suggest EUS.\n", "tumor_size_mm", None, None),
    ("bx_size_refused_polyp", "Rectum, biopsy of an 8 mm polyp: well differentiated neuroendocrine tumour. Size cannot be assessed on biopsy.\n", "tumor_size_mm", None, None),
    # traps: a layer the biopsy shows, with no question; a resection keeps its size; no refusal
    ("bx_trap_layer", "Rectal biopsy: well differentiated neuroendocrine tumour infiltrating the submucosa. Margins cannot be assessed on biopsy.\n", "depth", "submucosa", "submucosa"),
    ("bx_trap_no_refusal", "Rectal biopsy: well differentiated neuroendocrine tumour, 4 mm in one fragment.\n", "tumor_size_mm", 4.0, "4 mm"),
    ("bx_trap_resection_refusal", "Rectum, EMR: well differentiated neuroendocrine tumour in a 7 mm polyp. Depth cannot be assessed (fragmented).\n", "tumor_size_mm", 7.0, "7 mm"),
    ("bx_trap_biopsy_fragment", "Rectal biopsy: neuroendocrine tumour, 4 mm in the largest fragment containing tumour; true size cannot be determined.\n", "tumor_size_mm", 4.0, "4 mm"),
    # -- coded template: codes read through the report's own legend -------------------------
    ("code_depth", CODED, "depth", "subserosa", "Depth of invasion"),
    ("code_histology", CODED, "histology", "neuroendocrine_tumor", "Histological type"),
    ("code_grade", CODED, "grade", "G2", "WHO grade"),
    ("code_pni", CODED, "pni", "absent", "Perineural invasion"),
    ("code_colon_legend", "Structured report, colon NET\n C1 Histological type: 2\n C2 Depth of invasion: 2\n C3 WHO grade: 1\n\nKey\n C1: 1 = adenocarcinoma; 2 = well differentiated NET; 3 = NEC\n"
     " C2: 1 = mucosa; 2 = submucosa; 3 = muscularis propria\n C3: 1 = G1; 2 = G2; 3 = G3\n", "depth", "submucosa", "Depth of invasion: 2"),
    ("code_colon_legend_grade", "Structured report, colon NET\n C1 Histological type: 2\n C2 Depth of invasion: 2\n C3 WHO grade: 1\n\nKey\n C1: 1 = adenocarcinoma; 2 = well differentiated NET; 3 = NEC\n"
     " C2: 1 = mucosa; 2 = submucosa; 3 = muscularis propria\n C3: 1 = G1; 2 = G2; 3 = G3\n", "grade", "G1", "WHO grade: 1"),
    ("code_shared_ids", "Appendix, appendicectomy: well differentiated neuroendocrine tumour, 9 mm.\n Q5 Lymphovascular invasion ..... 1\n Q6 Perineural invasion ..... 0\nLEGEND\n Q5, Q6: 0 = not identified; 1 = present\n Q7: 1 = G1; 2 = G2\n", "lvi", "present", "Lymphovascular invasion"),
    # traps: the legend's options are not findings; a code with no legend entry reads nothing
    ("code_trap_legend_only", "Appendix, appendicectomy: well differentiated neuroendocrine tumour, 9 mm.\nLEGEND\n F01: 1 = goblet cell adenocarcinoma; 3 = NEC\n F09: 1 = G1; 2 = G2; 3 = G3\n", "grade", None, None),
    ("code_trap_legend_histology", "Appendix, appendicectomy: well differentiated neuroendocrine tumour, 9 mm.\nLEGEND\n F01: 1 = goblet cell adenocarcinoma; 3 = NEC\n F09: 1 = G1; 2 = G2; 3 = G3\n", "histology", "neuroendocrine_tumor", "neuroendocrine tumour"),
    ("code_trap_no_entry", "Appendix, appendicectomy: well differentiated neuroendocrine tumour, 9 mm.\n F03 Depth of invasion ..... 7\nLEGEND\n F03: 1 = mucosa; 2 = submucosa\n F09: 1 = G1; 2 = G2\n", "depth", None, None),
    ("code_trap_serosa_intact", "Appendix, appendicectomy: well differentiated neuroendocrine tumour, 9 mm, invading the mesoappendix.\nMacro: serosa over the tumour dull but intact.\n", "depth", "subserosa", "mesoappendix"),
    ("code_size_qualifier", "Appendix: well differentiated neuroendocrine tumour.\n Tumour size (mm, greatest) ......... 33   (microscopic)\n", "tumor_size_mm", 33.0, "33"),
    ("code_trap_bowel_margins", "Appendix, right hemicolectomy: well differentiated neuroendocrine tumour, 20 mm.\n F10 Mesoappendiceal margin ..... 0   distance 4 mm\n F11 Proximal / distal bowel margins ..... 0\nLEGEND\n F10, F11: 0 = clear; 1 = involved\n F09: 1 = G1; 2 = G2\n", "margin_lateral", None, None),
    ("code_radial_decoded", "Appendix, right hemicolectomy: well differentiated neuroendocrine tumour, 20 mm.\n F10 Mesoappendiceal margin ..... 1\nLEGEND\n F10, F11: 0 = clear; 1 = involved\n F09: 1 = G1; 2 = G2\n", "margin_radial", "positive", "Mesoappendiceal margin"),
]

results, test_phrasing = phrasing_table(CASES)
