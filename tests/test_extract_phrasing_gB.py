"""Phrasing variants for the w8a train cases (fix-gB): an upper-case protocol title line
("COLON AND RECTUM RESECTION - SYNOPTIC") starts the synoptic section, so its indented fields
do not fall into the last specimen part ("B. Lymph nodes ...") of the diagnosis above it.

Each group ends with traps that must stay null or unchanged.
"""

from test_extract import phrasing_table  # tests/ is on sys.path


PARTS = ("DIAGNOSIS:\nA. Colon, cecum, right hemicolectomy:\n"
         "   - Invasive adenocarcinoma, poorly differentiated, 55 mm.\n"
         "   - 0/21 lymph nodes (see B).\n"
         "B. Lymph nodes, ileocolic pedicle: 0/4.\n\n")
FIELDS = ("\n  Procedure: Right hemicolectomy\n  Histologic Type: Adenocarcinoma\n"
          "  Perineural Invasion: Present\n  Tumor Budding: Low (0-4)\n"
          "  Pathologic Stage (AJCC 8th): pT4a pN0\n")


NET_RES = "Terminal ileum, segmental resection: well-differentiated neuroendocrine tumour, 21 mm. "


ADENO_RES = "Colon, right hemicolectomy: invasive adenocarcinoma, poorly differentiated, 55 mm.\n"


def synoptic(title: str) -> str:
    return PARTS + title + FIELDS


# (id, text, field, expected value (None: must stay null), a substring of the evidence)
CASES = [
    ("syn_title_dash", synoptic("COLON AND RECTUM RESECTION - SYNOPTIC"), "pt", "pT4a", "pT4a"),
    ("syn_title_dash_pni", synoptic("COLON AND RECTUM RESECTION - SYNOPTIC"), "pni", "present", "Present"),
    ("syn_title_nodash", synoptic("COLON RESECTION SYNOPTIC"), "pn", "pN0", "pN0"),
    ("syn_title_report", synoptic("COLORECTAL CARCINOMA SYNOPTIC REPORT"), "tumor_budding", "BD1", "Low"),
    ("syn_title_colon", synoptic("COLON AND RECTUM: SYNOPTIC SUMMARY"), "pt", "pT4a", "pT4a"),
    ("syn_title_checklist", synoptic("COLON AND RECTUM RESECTION CHECKLIST"), "pni", "present", "Present"),
    # traps: a lower-case sentence or a "see synoptic" line is no title; part B stays part B
    ("syn_trap_see", PARTS + "SEE SYNOPTIC\n  Perineural invasion: present\n", "pni", None, None),
    ("syn_trap_prose", PARTS + "Colon resection, see synoptic\n  Perineural invasion: present\n", "pni", None, None),
    # nodes: "3 of 11 contain metastatic NET" (a verb of the nodes after the total)
    ("nodes_of_contain_pos", NET_RES + "Lymph nodes: 3 of 11 contain metastatic NET.", "lymph_nodes_positive", 3, "3 of 11 contain"),
    ("nodes_of_contain_ex", NET_RES + "Lymph nodes: 3 of 11 contain metastatic NET.", "lymph_nodes_examined", 11, "3 of 11 contain"),
    ("nodes_of_contains", NET_RES + "Lymph nodes: one of 14 contains metastatic tumour.", "lymph_nodes_positive", 1, "one of 14 contains"),
    ("nodes_of_show", NET_RES + "Regional lymph nodes: 2 of 9 show metastatic carcinoma.", "lymph_nodes_examined", 9, "2 of 9 show"),
    ("nodes_of_harbour", NET_RES + "Lymph nodes: 4 of 16 harbour tumour deposits.", "lymph_nodes_positive", 4, "4 of 16 harbour"),
    # traps: not nodes
    ("nodes_trap_cores", NET_RES + "3 of 11 cores contain tumour.", "lymph_nodes_examined", None, None),
    ("nodes_trap_mitoses", NET_RES + "Lymph nodes: not submitted. Mitoses: 3 of 11 fields show mitoses.", "lymph_nodes_positive", None, None),
    # LVI: a label with no value, answered by indented sub-items
    ("lvi_sub_all_absent", ADENO_RES + "  Lymphovascular Invasion:\n    Small vessel (lymphatic): Not identified\n    Large vessel (venous), intramural: Not identified\n    Large vessel (venous), extramural: Not identified\n  Perineural Invasion: Present\n", "lvi", "absent", "Not identified"),
    ("lvi_sub_one_present", ADENO_RES + "  Lymphovascular Invasion:\n    Small vessel (lymphatic): Present\n    Large vessel (venous): Not identified\n", "lvi", "present", "Present"),
    ("lvi_sub_absent_tab", ADENO_RES + "Lymphovascular invasion:\n\tLymphatic: absent\n\tVenous: absent\n", "lvi", "absent", "absent"),
    ("lvi_sub_negative", ADENO_RES + "LVI:\n   Small vessel: negative\n   Large vessel: negative\nMargins: clear.\n", "lvi", "absent", "negative"),
    ("lvi_sub_pni_after", ADENO_RES + "  Lymphovascular Invasion:\n    Small vessel (lymphatic): Not identified\n  Perineural Invasion: Present\n", "pni", "present", "Present"),
    # traps: sub-items that do not answer, or lines not indented under the label
    ("lvi_sub_trap_unanswered", ADENO_RES + "  Lymphovascular Invasion:\n    Small vessel (lymphatic): see comment\n    Large vessel: Not identified\n", "lvi", "present", "Lymphovascular Invasion"),
    ("lvi_sub_trap_not_indented", ADENO_RES + "  Lymphovascular Invasion:\n  Perineural Invasion: Not identified\n", "lvi", "present", "Lymphovascular Invasion"),
    # an indented "Macroscopic ...:" / "Microscopic ...:" field of a synoptic is no gross section
    ("syn_macro_field_nodes", PARTS + "COLON AND RECTUM RESECTION - SYNOPTIC\n  Procedure: Right hemicolectomy\n  Macroscopic Tumor Perforation: Not identified\n  Regional Lymph Nodes: 0 of 25 (A: 0/21, B: 0/4)\n", "lymph_nodes_examined", 25, "0 of 25"),
    ("syn_micro_field_nodes", PARTS + "SYNOPTIC REPORT\n  Procedure: Right hemicolectomy\n  Microscopic Tumor Extension: subserosa\n  Lymph nodes: 0 of 25 (A: 0/21, B: 0/4)\n", "lymph_nodes_examined", 25, "0 of 25"),
    ("syn_macro_field_size", "SYNOPTIC REPORT\n  Procedure: EMR\n  Macroscopic Appearance: sessile\n  Tumor Size: 8 mm\nGROSS DESCRIPTION:\nSpecimen 25 x 20 mm with a 12 mm polyp.\n", "tumor_size_mm", 8.0, "8 mm"),
    # trap: an unindented gross heading after the synoptic still starts the gross section
    ("syn_trap_gross_heading", "SYNOPTIC REPORT\n  Procedure: EMR\n  Histologic Type: Adenocarcinoma\nMacroscopic description:\nThe tumour measures 12 mm.\n", "tumor_size_mm", 12.0, "12 mm"),
    # "equivocal" before the finding is a doubt, as it is after it
    ("lvi_equivocal_before", "Rectum, EMR: well-differentiated neuroendocrine tumour, G2, 12 mm.\n" + " - EQUIVOCAL LYMPHOVASCULAR INVASION (SEE COMMENT).\n", "lvi", "indeterminate", "EQUIVOCAL"),
    ("lvi_equivocal_before_lc", "Rectum, EMR: well-differentiated neuroendocrine tumour, G2, 12 mm.\n" + "Equivocal lymphovascular invasion.\n", "lvi", "indeterminate", "Equivocal"),
    ("pni_equivocal_before", "Rectum, EMR: well-differentiated neuroendocrine tumour, G2, 12 mm.\n" + "Equivocal perineural invasion.\n", "pni", "indeterminate", "Equivocal"),
    ("lvi_equivocal_after", "Rectum, EMR: well-differentiated neuroendocrine tumour, G2, 12 mm.\n" + "Lymphovascular invasion: equivocal.\n", "lvi", "indeterminate", "equivocal"),
    # traps: the doubt does not reach a finding further on
    ("lvi_equivocal_trap_far", "Rectum, EMR: well-differentiated neuroendocrine tumour, G2, 12 mm.\n" + "Equivocal staining for D2-40 in the deep margin region; lymphovascular invasion is present.\n", "lvi", "present", "present"),
    ("pni_equivocal_trap_other", "Rectum, EMR: well-differentiated neuroendocrine tumour, G2, 12 mm.\n" + "Equivocal LVI. Perineural invasion: not identified.\n", "pni", "absent", "not identified"),
    # depth: the layer where vascular emboli lie is not the depth of invasion
    ("depth_emboli_lp", "Rectum, biopsies: neuroendocrine carcinoma, large cell type. " + "Depth of infiltration is not assessable. Vascular emboli are present in the lamina propria of one fragment.", "depth", None, None),
    ("depth_lvi_in_sm", "Rectum, biopsies: neuroendocrine carcinoma, large cell type. " + "Lymphovascular invasion in the submucosa is seen.", "depth", None, None),
    ("depth_emboli_within", "Rectum, biopsies: neuroendocrine carcinoma, large cell type. " + "Tumour emboli within the submucosa.", "depth", None, None),
    ("depth_thrombi", "Rectum, biopsies: neuroendocrine carcinoma, large cell type. " + "Tumour thrombi are seen in the subserosa.", "depth", None, None),
    # traps: the tumour's own layer in the same report still counts
    ("depth_emboli_trap_own", "Rectum, ESD: well-differentiated neuroendocrine tumour, G1. " + "The tumour invades the submucosa. Lymphatic emboli are present in the submucosa.", "depth", "submucosa", "submucosa"),
    ("depth_lvi_trap_comma", "Rectum, ESD: well-differentiated neuroendocrine tumour, G1. " + "LVI seen, and the tumour infiltrates into the submucosa.", "depth", "submucosa", "submucosa"),
    ("depth_lvi_trap_and", "Rectum, ESD: well-differentiated neuroendocrine tumour, G1. " + "LVI present and tumour extending into the submucosa.", "depth", "submucosa", "submucosa"),
    # depth: "included in the fragments" after a verb of the tumour: the layer was sampled
    ("depth_occupies_included", "Rectum, biopsy: well-differentiated neuroendocrine tumour, grade 1. " + "Nests of cells that occupies\nthe lamina propria and the superficial submucosa included in the fragments.", "depth", "submucosa", "submucosa"),
    ("depth_infiltrates_included", "Rectum, biopsy: well-differentiated neuroendocrine tumour, grade 1. " + "The tumour infiltrates the submucosa included in the biopsy.", "depth", "submucosa", "submucosa"),
    ("depth_involves_included", "Rectum, biopsy: well-differentiated neuroendocrine tumour, grade 1. " + "Tumour involving the submucosa that is included in the sample.", "depth", "submucosa", "submucosa"),
    ("depth_extends_included", "Rectum, biopsy: well-differentiated neuroendocrine tumour, grade 1. " + "The tumour extends into the muscularis propria included in the specimen.", "depth", "muscularis_propria", "muscularis propria"),
    # traps: "included" with no verb of the tumour before it is still the spared layer
    ("depth_included_trap_free", "Rectum, biopsy: well-differentiated neuroendocrine tumour, grade 1. " + "Tumour confined to the mucosa. Submucosa included in the fragments, free of tumour.", "depth", "mucosa", "mucosa"),
    ("depth_included_trap_paren", "Rectum, biopsy: well-differentiated neuroendocrine tumour, grade 1. " + "Muscularis propria included in the biopsy, free of tumour.", "depth", None, None),
    # a line that ends in a comma goes on in the next line, capital or not
    ("size_comma_wrap_who", "Terminal ileum, segmental resection: Well-differentiated neuroendocrine tumour,\nWHO grade 2 (Ki-67 3%), 21 mm, invading subserosa (pT3).", "tumor_size_mm", 21.0, "21 mm"),
    ("size_comma_wrap_g", "Rectum, TAMIS: Well-differentiated neuroendocrine tumour,\nG1, 9 mm, confined to the submucosa.", "tumor_size_mm", 9.0, "9 mm"),
    ("size_comma_wrap_upper", "RECTUM, EMR: WELL-DIFFERENTIATED NEUROENDOCRINE TUMOUR,\nGRADE 1, 7 MM.", "tumor_size_mm", 7.0, "7 MM"),
    ("depth_comma_wrap", "Rectum, ESD: Well-differentiated neuroendocrine tumour, G1,\nInvading the submucosa.", "depth", "submucosa", "submucosa"),
    # traps: a labelled line after a comma is a statement of its own
    ("size_comma_trap_label", "Rectum, ESD: Well-differentiated neuroendocrine tumour,\nSpecimen size: 25 mm.", "tumor_size_mm", None, None),
    ("lvi_comma_trap_label", "Rectum, ESD: no lymphovascular invasion,\nPerineural invasion: present.", "pni", "present", "present"),
    # a line that stops on a preposition/article/conjunction goes on in the next line
    ("hist_negative_for_wrap", "DIAGNOSIS:\n1. RECTUM, POLYP, COLD SNARE: HYPERPLASTIC POLYP.\n2. RECTUM, EMR SCAR, BX: SCAR. NEGATIVE FOR\n   RESIDUAL NEUROENDOCRINE TUMOUR.\n", "histology", "other", "HYPERPLASTIC POLYP"),
    ("lvi_no_evidence_of_wrap", "RECTUM, EMR: NEUROENDOCRINE TUMOUR, G1, 6 MM. NO EVIDENCE OF\nLYMPHOVASCULAR INVASION.\n", "lvi", "absent", "LYMPHOVASCULAR INVASION"),
    ("lvi_without_wrap", "RECTUM, EMR: NEUROENDOCRINE TUMOUR, G1, WITHOUT\nLYMPHOVASCULAR INVASION.\n", "lvi", "absent", "LYMPHOVASCULAR INVASION"),
    # traps: a word that merely ends in those letters does not hold the line open
    ("lvi_wrap_trap_word", "RECTUM, EMR: NEUROENDOCRINE TUMOUR, G1, 6 MM. NO NECROSIS. SEE COMMENT FOR DETAIL ANTERIOR\nLYMPHOVASCULAR INVASION PRESENT.\n", "lvi", "present", "LYMPHOVASCULAR INVASION"),
]

ALL = CASES


results, test_phrasing = phrasing_table(ALL)
