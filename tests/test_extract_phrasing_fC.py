"""Phrasing variants for grade, site, procedure, stage, nodes, LVI/PNI, Ki-67 and mitoses
(round fC): each group written before its rule, with traps that must stay null or unchanged."""

from test_extract import phrasing_table  # tests/ is on sys.path


NET = "Rectum, ESD: well-differentiated neuroendocrine tumour, G1. "
ADENO_LAR = "Rectum, low anterior resection: adenocarcinoma, moderately differentiated. "
LAR = "Rectum, low anterior resection: adenocarcinoma. "

# (id, text, field, expected value (None: must stay null), a substring of the evidence)
CASES = [
    # grade: the mesorectal (Quirke) grade is not a tumour grade
    ("grade_quirke_paren_after", ADENO_LAR + "The mesorectum is complete (grade 3,\nQuirke).", "grade", "G2", "moderately"),
    ("grade_quirke_before", ADENO_LAR + "Mesorectum complete (Quirke grade 3 - mesorectal plane).", "grade", "G2", "moderately"),
    ("grade_mesorectum_complete", ADENO_LAR + "Mesorectum: complete (grade 3).", "grade", "G2", "moderately"),
    ("grade_mesorectal_plane", ADENO_LAR + "Plane of excision: mesorectal plane, grade 3.", "grade", "G2", "moderately"),
    ("grade_regression", ADENO_LAR + "Tumour regression grade 3 (Mandard).", "grade", "G2", "moderately"),
    ("grade_quirke_alone_null", LAR + "Mesorectum: complete (grade 3).", "grade", None, None),
    ("grade_mesorectum_incomplete", ADENO_LAR + "Mesorectum: incomplete, grade 1.", "grade", "G2", "moderately"),
    ("grade_complete_excision_kept", LAR + "Complete excision, WHO grade 2.", "grade", "G2", "grade 2"),
    ("grade_mesorectal_fat_kept", LAR + "Tumour invades the mesorectal fat, grade 3.", "grade", "G3", "grade 3"),
    ("grade_stated_still_read", LAR + "Histologic grade: G3, poorly differentiated.", "grade", "G3", "G3"),
    ("grade_who_3_still_read", LAR + "WHO grade 3.", "grade", "G3", "grade 3"),
    # grade: "(low grade), 2.8 cm" -- a number after the parenthesis is a size
    ("grade_low_grade_paren_size", "Sigmoid colon, resection: adenocarcinoma, well-differentiated (low grade), 2.8 cm.",
     "grade", "G1", "well-differentiated"),
    ("grade_high_grade_comma_size", "Sigmoid colon, resection: adenocarcinoma, poorly differentiated (high grade), 3 cm.",
     "grade", "G3", "poorly"),
    ("grade_paren_code_still_read", "Rectum, ESD: neuroendocrine tumour (grade 2).", "grade", "G2", "grade 2"),
    # grade: JSCCR codes name the predominant component; prose about a minor component does not outrank it
    ("grade_jscc_first_over_minor", "Rectum, ESD.\nAdenocarcinoma, tub1>tub2, pT1b.\nComment: well differentiated "
     "tubular adenocarcinoma with minor moderately differentiated component.", "grade", "G1", "tub1"),
    ("grade_jscc_first_same_section", "Rectum, ESD: adenocarcinoma, tub1>tub2, pT1b. Well differentiated tubular "
     "adenocarcinoma with minor moderately differentiated component.", "grade", "G1", "tub1"),
    ("grade_jscc_tub2_first", "Rectum, ESD.\nAdenocarcinoma, tub2>tub1, pT1b.\nComment: moderately differentiated "
     "adenocarcinoma with a well differentiated component.", "grade", "G2", "tub2"),
    ("grade_prose_worst_kept", "Rectum, ESD: adenocarcinoma, moderately to poorly differentiated.", "grade", "G3", "poorly"),
    # grade: an "Impression:" line is a diagnosis section, not part B's text
    ("grade_impression_heading", "A. Body polyps: well-differentiated neuroendocrine tumour, 1.5 mm.\n"
     "B. Antrum: chronic gastritis.\nImpression: Type 1 gastric NET, G1.", "grade", "G1", "G1"),
    ("grade_diagnostic_impression_heading", "A. Rectum, biopsy: neuroendocrine tumour.\nB. Sigmoid: normal.\n"
     "Diagnostic impression: NET, G2.", "grade", "G2", "G2"),
    # stage: a pathologic stage line after the last part speaks for the whole case
    ("stage_line_after_parts", "A. Ileocecal resection: neuroendocrine carcinoma of the cecum.\n"
     "B. One lymph node with metastatic carcinoma (1/1).\nC. Omental nodule: fat necrosis.\n\n"
     "Pathologic stage (AJCC 8th ed.): pT3 pN2b [A+B: 10/20 nodes]\n", "pt", "pT3", "pT3"),
    ("stage_line_after_parts_pn", "A. Ileocecal resection: neuroendocrine carcinoma of the cecum.\n"
     "B. One lymph node with metastatic carcinoma (1/1).\nC. Omental nodule: fat necrosis.\n\n"
     "Pathological stage: pT3 pN2b [A+B: 10/20 nodes]\n", "pn", "pN2b", "pN2b"),
    ("stage_line_nodes_total", "A. Ileocecal resection: neuroendocrine carcinoma of the cecum. Nine of nineteen "
     "lymph nodes involved (9/19).\nB. One lymph node with metastatic carcinoma (1/1).\nC. Omental nodule: fat necrosis.\n\n"
     "Pathologic stage (AJCC 8th ed.): pT3 pN2b [A+B: 10/20 nodes]\n", "lymph_nodes_examined", 20, "10/20"),
    # stage: lower-case x
    ("pnx_lower", "Appendix: NET, G1, 14 mm, pT3 (AJCC 8), pNx.", "pn", "pNX", "pNx"),
    ("ptx_lower", "Rectum, biopsy: adenocarcinoma, pTx.", "pt", "pTX", "pTx"),
    ("pnx_upper_kept", "Appendix: NET, G1, 14 mm, pT3 pNX.", "pn", "pNX", "pNX"),
    # stage: an HL7 value type "|TX|" is not a T stage
    ("hl7_tx_not_stage", "OBX|9|TX|22637-3^PATH REPORT.FINAL DX^LN||pT1a (AJCC 8th).\n", "pt", "pT1a", "pT1a"),
    ("hl7_tx_only_null", "OBX|9|TX|22637-3^PATH REPORT.FINAL DX^LN||Staging (AJCC): not applicable.\n", "pt", None, None),
    ("bare_tx_stage_kept", "Rectum, biopsy: adenocarcinoma. Stage: TX N0.", "pt", "pTX", "TX"),
    # procedure: segmental resections named by their bowel segment
    ("proc_sigmoid_resection", "Clinical data: laparoscopic sigmoid resection.\nSigmoid resection: adenocarcinoma.",
     "procedure", "radical_resection", "sigmoid resection"),
    ("proc_small_bowel_resection", "Specimen: Small bowel resection (terminal ileum): neuroendocrine tumour.",
     "procedure", "radical_resection", "Small bowel resection"),
    ("proc_ileal_resection", "Ileal resection: well-differentiated neuroendocrine tumour, 12 mm.",
     "procedure", "radical_resection", "Ileal resection"),
    ("proc_transverse_resection", "Transverse colon resection: adenocarcinoma.", "procedure", "radical_resection",
     "Transverse colon resection"),
    # procedure: a procedure under consideration is not the one done
    ("proc_consideration_of", "Specimen: Appendix (laparoscopic appendicectomy).\nConclusion: NET, G1, 14 mm.\n"
     "For discussion at NET MDT (consideration of right hemicolectomy).", "procedure", "other", "appendicectomy"),
    ("proc_for_consideration", "Specimen: Rectum, ESD.\nNET, G1. Referred for consideration of completion TME.",
     "procedure", "esd", "ESD"),
    ("proc_done_hemicolectomy", "Specimen: right hemicolectomy.\nNET, G1.", "procedure", "radical_resection",
     "hemicolectomy"),
    # site: an organ the specimen includes is not the tumour's site
    ("site_incl_anus", "Clinical: Low rectal adenocarcinoma. APR.\n\nGross: APR specimen 21 cm incl. anus and "
     "perianal skin. Scar 25 mm.", "site", "rectum", "rectal"),
    ("site_including_anus", "Clinical: Low rectal adenocarcinoma. APR.\n\nGross: APR specimen including anus and "
     "perianal skin.", "site", "rectum", "rectal"),
    ("site_with_attached", "Clinical: caecal adenocarcinoma.\n\nGross: Right hemicolectomy: caecum with attached "
     "terminal ileum and appendix.", "site", "colon", "caecal"),
    ("site_polyps_including_kept", "Specimen: three polyps including a rectal polyp.\nDiagnosis: well-differentiated "
     "neuroendocrine tumour, G1.", "site", "rectum", "rectal"),
    ("site_anal_tumour_kept", "Gross: Tumour of the anus, 2 cm.", "site", "other", "anus"),
    # PNI: "N/A" states nothing
    ("pni_na", NET + "Perineural invasion: N/A (no nerves in specimen).", "pni", None, None),
    ("pni_not_applicable", NET + "Perineural invasion: not applicable.", "pni", None, None),
    ("lvi_na", NET + "Lymphovascular invasion: n/a.", "lvi", None, None),
    ("pni_no_still_absent", NET + "Perineural invasion: no.", "pni", "absent", "no"),
    # PNI: misspellings and translations
    ("pni_typo_perinueral", NET + "No perinueral invasion.", "pni", "absent", "perinueral"),
    ("pni_perineurial", NET + "Perineurial invasion: present.", "pni", "present", "Perineurial"),
    ("pni_perinervous", NET + "No perinervous engainement.", "pni", "absent", "perinervous"),
    ("pni_french_absents", NET + "Engainements périnerveux / perineural invasion: absents.", "pni", "absent", "absents"),
    ("lvi_french_presents", NET + "Emboles vasculaires / lymphovascular emboli: présents (lymphatic).", "lvi",
     "present", "présents"),
    # LVI: emboli named by vessel type
    ("lvi_lymphatic_or_venous_emboli", NET + "No lymphatic or venous emboli seen on the levels examined.", "lvi",
     "absent", "emboli"),
    ("lvi_venous_emboli", NET + "Venous emboli: present.", "lvi", "present", "Venous emboli"),
    ("lvi_lymphovascular_emboli", NET + "Lymphovascular emboli: not identified.", "lvi", "absent", "emboli"),
    # LVI: levels L1-L3 are not lymphatic codes
    ("lvi_levels_range", "Scar biopsies: no residual neuroendocrine tumour in the levels examined (L1-L3, "
     "synaptophysin).", "lvi", None, None),
    ("lvi_levels_to", "Levels L1 to L3 examined; no tumour. Lymphatic vessels unremarkable.", "lvi", None, None),
    ("lvi_codes_kept", NET + "Ly1, V0.", "lvi", "present", "Ly1"),
    ("lvi_l1_v0_kept", NET + "L1 V0 Pn0.", "lvi", "present", "L1"),
    # Ki-67 / mitoses over a wrapped line
    ("ki67_wrapped_after_paren", NET + "Ki-67 (MIB-1)\nlabels fewer than 1% of tumor nuclei.", "ki67_percent", 1, "1%"),
    ("ki67_fewer_than", NET + "Ki-67 labels fewer than 3% of nuclei.", "ki67_percent", 3, "3%"),
    ("mitoses_wrapped_count", NET + "Mitotic count\n1 per 2 mm2.", "mitoses_per_2mm2", 1, "1 per 2 mm2"),
    ("mitoses_wrapped_count_slash", NET + "Mitotic rate is\n2/2 mm2 in hot spots.", "mitoses_per_2mm2", 2, "2/2 mm2"),
    ("mitoses_report_conversion_wrapped", NET + "4 mitoses in 10 HPF\n(field area 0.237 mm2 -> 10 HPF = 2.37 mm2 -> "
     "approx. 3.4 / 2 mm2).", "mitoses_per_2mm2", 3.4, "3.4 / 2 mm2"),
    ("mitoses_x_2mm2", NET + "Mitoses: 1 x 2 mm2.", "mitoses_per_2mm2", 1, "1 x 2 mm2"),
    ("mitoses_x_2mm2_sup", NET + "With mitoses 3 x 2 mm² the grade is G2.", "mitoses_per_2mm2", 3, "3 x 2 mm²"),
    ("mitoses_x_dims_trap", NET + "Mitoses: see below. Tumour 1 x 2 mm.", "mitoses_per_2mm2", None, None),
    # mitoses: a zero limited to N HPF with no area, or to the material, is no count
    ("mitoses_zero_in_10hpf_no_area", NET + "Mitoses: not identified in 10 HPF (area not measured).",
     "mitoses_per_2mm2", None, None),
    ("mitoses_none_per_50hpf", NET + "Mitoses: none in 50 high power fields.", "mitoses_per_2mm2", None, None),
    ("mitoses_zero_in_material", NET + "Mitotic figures are not found in the material.", "mitoses_per_2mm2", None, None),
    ("mitoses_zero_in_sample", NET + "No mitoses seen in the sample.", "mitoses_per_2mm2", None, None),
    ("mitoses_zero_plain_kept", NET + "Mitoses: not identified.", "mitoses_per_2mm2", 0, "not identified"),
    ("mitoses_zero_2mm2_kept", NET + "Mitotic count: none identified in 10 HPF (2 mm²).", "mitoses_per_2mm2", 0, "none"),
    # nodes
    ("nodes_french_n_plus", NET + "Ganglions / nodes: 2 métastatiques sur 12 (2N+/12N).", "lymph_nodes_positive", 2, "2N+/12N"),
    ("nodes_french_n_plus_total", NET + "Ganglions / nodes: 2 métastatiques sur 12 (2N+/12N).", "lymph_nodes_examined", 12, "12"),
    ("nodes_n_plus_stage", ADENO_LAR + "pT2 N1 (1N+/15N).", "lymph_nodes_positive", 1, "1N+/15N"),
    ("nodes_synoptic_number_examined", ADENO_LAR + "Regional Lymph Nodes:\n  Number involved:        4\n"
     "  Number examined:        14 (13 in A, 1 in B)\n", "lymph_nodes_examined", 14, "14"),
    ("nodes_synoptic_number_involved", ADENO_LAR + "Regional Lymph Nodes:\n  Number involved:        4\n"
     "  Number examined:        14 (13 in A, 1 in B)\n", "lymph_nodes_positive", 4, "4"),
    ("nodes_synoptic_after_procedure_field", "FINAL DIAGNOSIS:\n  A. ILEOCECAL RESECTION: NET, G1. METASTATIC NET IN 4 OF 13 "
     "LYMPH NODES.\n  B. APICAL NODE: ONE LYMPH NODE, NEGATIVE (0/1).\n\nSYNOPTIC -- NET OF THE ILEUM\n"
     "  Procedure:                Ileocecal resection\n  Histologic Grade:         G1\n  Regional Lymph Nodes:\n"
     "    Number involved:        4\n    Number examined:        14 (13 in A, 1 in B)\n", "lymph_nodes_examined", 14, "14"),
    ("synoptic_procedure_field_still_procedure", "SYNOPTIC -- NET OF THE ILEUM\n  Procedure:   Ileocecal resection\n"
     "  Histologic Grade:  G1\n", "procedure", "radical_resection", "Ileocecal resection"),
    ("nodes_size_not_count", ADENO_LAR + "B. 1.5 cm node.", "lymph_nodes_examined", None, None),
]


results, test_phrasing_fc = phrasing_table(CASES)
