"""Phrasing variants for the w11a-w11d train cases (fix-f12): earlier specimens listed in a
tumour-board summary or an EHR note, a scar with no residual tumour, revised stages, quoted
e-mails, column tables, dictated punctuation, and smaller value readers (dot leaders, a unit
word in an export key, invasive areas, zero mitoses on the line under the label, precursor
adenomas, ticked degrees of differentiation, translated sites and mitoses).

Each group ends with traps that must stay null or unchanged.
"""

from test_extract import phrasing_table  # tests/ is on sys.path


CURRENT_HP = ("CURRENT SPECIMEN\n  Specimen:   Rectal polyp, 4 mm; cold snare polypectomy.\n"
              "  Diagnosis:  RECTUM, POLYP (COLD SNARE): HYPERPLASTIC POLYP. NO NEUROENDOCRINE TUMOUR.\n")
EARLIER = "  #2  04/2023  Rectum, ESD (en bloc): NET G1, 9 mm, Ki-67 2 %, mitoses 1/2 mm2, HM0 (2 mm), VM0 (0.6 mm), pT1a.\n"
LIS = ("FINAL DIAGNOSIS:\n  APPENDIX, APPENDECTOMY:\n  - WELL-DIFFERENTIATED NEUROENDOCRINE TUMOR, GRADE 1, 1.4 CM.\n"
       "  PT (AJCC 8TH)................PT3\n\n")
NET_DX = "DIAGNOSIS:\nRectum, ESD: well-differentiated neuroendocrine tumour, WHO G1, 9 mm.\n"
ADENO_DX = "DIAGNOSIS:\nSigmoid colon, polypectomy: adenocarcinoma arising in a tubular adenoma, 6 mm.\n"


# (id, text, field, expected value (None: must stay null), a substring of the evidence)
CASES = [
    # --- earlier specimens and plans are history: "BACKGROUND", "PATHOLOGY TIMELINE", "RADIOLOGY", "A/P"
    ("hist_timeline_ki67", "PATHOLOGY TIMELINE (for reference - previous specimens)\n" + EARLIER + "\n" + CURRENT_HP,
     "ki67_percent", None, None),
    ("hist_timeline_pt", "PATHOLOGY TIMELINE (for reference - previous specimens)\n" + EARLIER + "\n" + CURRENT_HP,
     "pt", None, None),
    ("hist_previous_pathology_mitoses", "Previous pathology:\n" + EARLIER + "\n" + CURRENT_HP,
     "mitoses_per_2mm2", None, None),
    ("hist_prior_pathology_procedure", "PRIOR PATHOLOGY\n" + EARLIER + "\n" + CURRENT_HP,
     "procedure", "polypectomy", "COLD SNARE"),
    ("hist_background_procedure", "BACKGROUND\nIncidental rectal NET at screening colonoscopy 2023, treated by ESD.\n\n" + CURRENT_HP,
     "procedure", "polypectomy", "COLD SNARE"),
    ("hist_background_colon_histology", "Background: rectal NET, pT1a, treated by ESD in 2023.\n\n" + CURRENT_HP,
     "pt", None, None),
    ("hist_radiology_procedure", CURRENT_HP + "\nRADIOLOGY\n  MRI pelvis 08/2025: post-treatment change at ESD site, no nodes.\n",
     "procedure", "polypectomy", "COLD SNARE"),
    ("hist_imaging_procedure", CURRENT_HP + "\nImaging:\n  MRI 08/2025: change at the ESD site.\n",
     "procedure", "polypectomy", "COLD SNARE"),
    ("hist_ap_procedure", LIS + "A/P: 34F s/p lap appy. Incidental 1.4 cm appendiceal NET. Tumor board re: completion\n"
     "right hemicolectomy vs surveillance.\n", "procedure", "other", "APPENDECTOMY"),
    ("hist_assessment_plan_procedure", LIS + "Assessment and plan:\nDiscuss completion right hemicolectomy at the tumour board.\n",
     "procedure", "other", "APPENDECTOMY"),
    ("hist_mdt_background_pn", "BACKGROUND\nLow rectal tumour. MRI staging mrT2 N0, CRM not threatened.\n\n"
     "PATHOLOGY PRESENTED\n * Histology: adenocarcinoma, moderately differentiated (G2)\n * TNM 8: pT3 pN1b (2/14) - R0\n",
     "pn", "pN1b", "pN1b"),
    # traps: "Background mucosa:" and "Background neoplasm:" are fields, not headings
    ("hist_trap_background_mucosa", NET_DX + "Background mucosa: unremarkable.\nKi-67: 2 %.\n", "ki67_percent", 2, "Ki-67: 2 %"),
    ("hist_trap_background_neoplasm", NET_DX + "Background neoplasm: none.\nMitoses: 1 per 2 mm2.\n",
     "mitoses_per_2mm2", 1, "1 per 2 mm2"),
    ("hist_trap_radiology_list", "Present: Pathology (Dr A), Radiology (Dr H), CNS (J. W)\n" + NET_DX + "Ki-67: 2 %.\n",
     "ki67_percent", 2, "Ki-67: 2 %"),
    ("hist_trap_timeline_current", "PATHOLOGY TIMELINE\n  2023: rectal NET, ESD.\n\n" + NET_DX + "Ki-67: 3 %.\n",
     "ki67_percent", 3, "Ki-67: 3 %"),

    ("hist_trap_prior_none", NET_DX + "prior_pathology: none\nqc_flag: 0\nfree_text_dx: rectal NET, Ki-67 2 %.\n",
     "ki67_percent", 2, "Ki-67 2 %"),
    ("hist_trap_previous_nil", NET_DX + "Previous pathology: nil\nKi-67: 3 %\n", "ki67_percent", 3, "Ki-67: 3 %"),

    # --- the endoscopist's account of this removal in the clinical history
    ("resection_history_whole", "SOURCE: DESCENDING COLON POLYP @ 45CM, HOT SNARE\n"
     "CLIN HX: 18 MM PEDUNCULATED POLYP, REMOVED WHOLE. R/O MALIGNANCY.\n\nDX:\nDESCENDING COLON, POLYPECTOMY:\n"
     " - ADENOCARCINOMA, MODERATELY DIFFERENTIATED, ARISING IN A TUBULAR ADENOMA.\n", "resection", "en_bloc", "REMOVED WHOLE"),
    ("resection_history_one_piece", "Clinical history: sessile rectal polyp, removed in one piece.\n\n"
     "Diagnosis: Rectum, EMR: neuroendocrine tumour, G1, 5 mm.\n", "resection", "en_bloc", "removed in one piece"),
    # traps: the history's resection belongs to another, earlier procedure
    ("resection_history_trap_other_line", "Clinical history: rectal NET removed piecemeal by EMR in 2024.\n\n"
     "Diagnosis: Rectum, EFTR of scar: no residual tumour.\n", "resection", None, None),
    ("resection_history_trap_other_paragraph", "Clinical history: rectal NET, removed piecemeal three months ago.\n"
     "EMR report attached.\n\nDiagnosis: Rectum, EFTR of the scar: no residual tumour.\n", "resection", None, None),

    # --- a scar with no residual tumour has no lesion; the earlier tumour is history
    ("scar_comment_net", "Diagnosis: Rectum, scar, TAMIS excision: healed EMR site with submucosal fibrosis.\n"
     "NO RESIDUAL NEUROENDOCRINE TUMOUR. Margins: not applicable.\n\n"
     "Comment: Together with H25/03390, the NET is now regarded as completely excised.\n", "histology", None, None),
    ("scar_comment_depth", "Microscopy: fibrosis extends to the muscularis propria; the perirectal fat is unremarkable.\n\n"
     "Diagnosis: Rectum, scar, TAMIS excision: no residual neuroendocrine tumour.\n\n"
     "Comment: the NET is now regarded as completely excised.\n", "depth", None, None),
    ("scar_negative_for_residual", "FINAL DIAGNOSIS: Rectal ESD scar: negative for residual NET.\n"
     "COMMENT: in keeping with complete excision of the carcinoid tumour resected in May.\n", "histology", None, None),
    ("scar_no_residual_tumour_identified", "DIAGNOSIS: Rectum, EFTR of scar: no residual tumour identified.\n"
     "MICROSCOPIC: scar tissue; the neuroendocrine tumour of the earlier EMR is not seen.\n"
     "NOTE: the neuroendocrine tumour (G1) was completely excised.\n", "histology", None, None),
    ("scar_residual_label_none", "Diagnosis: ESD scar, rectum.\nResidual tumour: none.\n\n"
     "Comment: this supports complete excision of the previous neuroendocrine tumour.\n", "histology", None, None),
    # traps: residual tumour present; a carcinoma with no residual adenoma; a lower-ranked negation
    ("scar_trap_residual_present", "Diagnosis: Rectum, scar, TAMIS excision: residual neuroendocrine tumour, 3 mm.\n",
     "histology", "neuroendocrine_tumor", "neuroendocrine tumour"),
    ("scar_trap_no_residual_adenoma", "Diagnosis: Colon, EMR: adenocarcinoma, 6 mm; no residual adenoma.\n",
     "histology", "adenocarcinoma", "adenocarcinoma"),
    ("scar_trap_micro_negation", "Microscopic: no residual adenoma at the scar.\n\n"
     "Diagnosis: Colon, EMR: adenocarcinoma, 6 mm.\n", "histology", "adenocarcinoma", "adenocarcinoma"),

    # --- a revised stage: the value it is revised to
    ("revised_from_to", NET_DX + "Addendum: the tumour invades the muscularis propria. Stage is revised from pT1a to pT2.\n",
     "pt", "pT2", "pT2"),
    ("revised_changed_from", NET_DX + "ADDENDUM\npT category changed from pT1b to pT2 after deeper levels.\n", "pt", "pT2", "pT2"),
    ("revised_arrow", NET_DX + "Addendum: stage amended, pT1a -> pT2.\n", "pt", "pT2", "pT2"),
    ("revised_paren_upstaged", NET_DX + "Addendum: pT2 (upstaged from pT1a).\n", "pt", "pT2", "pT2"),
    ("revised_grade", NET_DX.replace(", WHO G1", "") + "Addendum: grade revised from G1 to G2 (Ki-67 recount 4 %).\n",
     "grade", "G2", "G2"),
    ("revised_mr_arrow_pn", "DISCUSSION\nPathology upstages the MRI: mrT2 N0 -> pT3 N1b with EMVI.\n", "pn", "pN1b", "N1b"),
    ("revised_ct_clinical_n", "Rectal adenocarcinoma. CT staging cT2 N0. Pathological stage: pT3 N1a.\n", "pn", "pN1a", "N1a"),
    # traps: a stage that is not revised; "from ... to" of layers; a pathological N after pT
    ("revised_trap_plain", NET_DX + "pT1a. The tumour extends from the mucosa to the submucosa.\n", "pt", "pT1a", "pT1a"),
    ("revised_trap_pn_after_pt", "Pathological stage: pT2 N0 (0/12).\n", "pn", "pN0", "N0"),
    ("revised_trap_ypt", "Stage: ypT2 N0.\n", "pn", "pN0", "N0"),

    # --- a dot leader is no decimal point
    ("leader_size_mm", LIS.replace("1.4 CM", "") + "  TUMOR SIZE...................14 MM\n", "tumor_size_mm", 14, "14 MM"),
    ("leader_ki67", NET_DX + "KI-67 INDEX.............2%\n", "ki67_percent", 2, "2%"),
    ("leader_trap_bare_decimal", "Rectum, EMR: neuroendocrine tumour, size .8 cm.\n", "tumor_size_mm", 8, ".8 cm"),

    # --- a unit word in an export key, and a bound before the number
    ("key_ki67_pct_bound", NET_DX + "ki67_pct: <1\n", "ki67_percent", 1, "<1"),
    ("key_ki67_pct_plain", NET_DX + "KI67 PCT = 3\n", "ki67_percent", 3, "3"),
    ("key_ki67_percent_bound", NET_DX + "Ki-67 index (%): <2\n", "ki67_percent", 2, "<2"),
    ("key_mitoses_bound", NET_DX + "mitoses_per_2mm2: <1\n", "mitoses_per_2mm2", 1, "<1"),
    ("key_trap_pct_na", NET_DX + "ki67_pct: n/a\n", "ki67_percent", None, None),

    # --- a length beneath the surface is a distance, not a size
    ("beneath_surface", "MICROSCOPIC: a neuroendocrine tumor centered in the submucosa; the tumor measures 6.8 mm in\n"
     "greatest microscopic dimension and lies 0.15 mm beneath the surface epithelium.\n",
     "tumor_size_mm", 6.8, "6.8 mm"),
    ("underneath_surface", "MICROSCOPIC: the neuroendocrine tumour, 5 mm in greatest dimension, lies 0.3 mm underneath the surface.\n",
     "tumor_size_mm", 5, "5 mm"),
    ("under_surface", "MICROSCOPIC: the nodule of neuroendocrine tumour lies 0.4 mm under the surface epithelium and measures 6 mm.\n",
     "tumor_size_mm", 6, "6 mm"),

    # --- the invasive area of a carcinoma in an adenoma is the tumour's size
    ("invasive_area", "Pathological diagnosis:\nSigmoid colon, ESD:\n  Adenocarcinoma (tub1) in tubular adenoma, 34x26 mm (lesion).\n"
     "Findings:\n1. The SM-invasive area measures 3.5x2.5 mm.\n", "tumor_size_mm", 3.5, "3.5x2.5 mm"),
    ("invasive_portion", ADENO_DX.replace(", 6 mm", ", lesion 20 mm") + "The invasive portion measures 4 mm.\n",
     "tumor_size_mm", 4, "4 mm"),
    ("invasive_region", ADENO_DX.replace(", 6 mm", ", lesion 20 mm") + "The invasive region measures 2.5 x 2 mm.\n",
     "tumor_size_mm", 2.5, "2.5 x 2 mm"),
    ("invasion_measured_from", ADENO_DX.replace(", 6 mm", "") + "The maximum depth of submucosal invasion, "
     "measured from the muscularis mucosae, is 1.6 mm.\n", "tumor_size_mm", None, None),
    # traps: the invasive front's distance to a margin is not a size; a carcinoma "with invasion, measuring" is measured
    ("invasive_trap_with_invasion", "Microscopy: In the centre there is an adenocarcinoma with submucosal invasion, measuring 6 mm.\n",
     "tumor_size_mm", 6, "6 mm"),
    ("invasive_trap_front", ADENO_DX + "The invasive front lies 2.5 mm from the stalk margin.\n", "tumor_size_mm", 6, "6 mm"),

    # --- zero mitoses on the line under its label; a limit only counts near the statement
    ("mitoses_none_next_line", NET_DX + "3. Ki-67 index <2 %. Mitoses:\n   none seen.\n", "mitoses_per_2mm2", 0, "none seen"),
    ("mitoses_not_identified_next_line", NET_DX + "Immunohistochemistry: synaptophysin +. Mitotic figures:\n  not identified.\n",
     "mitoses_per_2mm2", 0, "not identified"),
    ("mitoses_lowercase_far_limit", "micro  polyp of rectal mucosa with a small well differentiated neuroendocrine tumour in the\n"
     "deep mucosa and superficial submucosa  trabecular and nested  no necrosis  tumour 4 mm on slide\n"
     "mitoses not identified in the tumour  ki67 below 1 percent\n", "mitoses_per_2mm2", 0, "mitoses not identified"),
    # traps: a limited sample still limits; the next line is another field
    ("mitoses_trap_limited", NET_DX + "No mitoses are seen in the limited material.\n", "mitoses_per_2mm2", None, None),
    ("mitoses_trap_superficial_near", NET_DX + "Superficial fragments only; no mitoses identified.\n", "mitoses_per_2mm2", None, None),
    ("mitoses_trap_next_field", NET_DX + "Comment: see below. Mitoses:\nKi-67: 2 %.\n", "mitoses_per_2mm2", None, None),

    # --- poorly differentiated clusters are not the grade
    ("pdc_not_seen", "I agree that there is invasive adenocarcinoma arising in a tubulovillous adenoma. The invasive\n"
     "component measures 8 mm across and is moderately differentiated throughout; I have not seen\n"
     "poorly differentiated clusters, a mucinous component or signet ring cells.\n", "grade", "G2", "moderately differentiated"),
    ("pdc_none", ADENO_DX + "Mostly moderately differentiated; no poorly differentiated clusters or signet ring cells.\n",
     "grade", "G2", "moderately differentiated"),
    ("pdc_present_cluster", ADENO_DX + "Well differentiated, with occasional poorly differentiated clusters at the front.\n",
     "grade", "G1", "Well differentiated"),
    # a budding grade is no tumour grade
    ("budding_grade_not_who", "Sigmoid colon, ESD: well differentiated adenocarcinoma (tub1), pT1a.\n"
     "Tumor budding: grade 2 (BD2).\n", "grade", "G1", "well differentiated"),
    ("budding_is_grade", "Rectum, ESD: adenocarcinoma, tub2>tub1, pT1b.\nTumor budding is grade 3 (12 buds / 0.785mm2).\n",
     "grade", "G2", "tub2"),
    ("budding_grade_words", "Adenocarcinoma, moderately differentiated. Budding grade 1 (BD1, 3 buds).\n", "grade", "G2", "moderately"),
    # trap: a poorly differentiated carcinoma is G3
    ("pdc_trap_poor", "Sigmoid colon, polypectomy: poorly differentiated adenocarcinoma, 6 mm.\n", "grade", "G3", "poorly differentiated"),

    # --- an adenoma named as the background / precursor of a carcinoma is not the tumour
    ("precursor_background_neoplasm", "Micro: invasive adenocarcinoma crossing the muscularis mucosae.\n\nSUMMARY DATA\n"
     "Background neoplasm ......... tubular adenoma, HGD, 14 mm\nInvasive lesion, max extent ... 7 mm\n",
     "histology", "adenocarcinoma", "adenocarcinoma"),
    ("precursor_background_size", "Micro: invasive adenocarcinoma crossing the muscularis mucosae.\n\nSUMMARY DATA\n"
     "Background neoplasm ......... tubular adenoma, HGD, 14 mm\nInvasive lesion, max extent ... 7 mm\n",
     "tumor_size_mm", 7, "7 mm"),
    ("precursor_label", "Microscopic: a focus of invasive adenocarcinoma, 5 mm.\n\nSynoptic report\n"
     "Precursor lesion: tubulovillous adenoma\nMargins: clear\n", "histology", "adenocarcinoma", "adenocarcinoma"),
    ("precursor_associated", "Microscopic: invasive adenocarcinoma, 5 mm.\n\nSYNOPTIC\nAssociated adenoma: tubular adenoma\n",
     "histology", "adenocarcinoma", "adenocarcinoma"),
    ("precursor_arises_in", "Microscopic: invasive adenocarcinoma, 5 mm.\n\nSynoptic report\n"
     "Type of polyp in which invasive carcinoma arises: tubular adenoma\n", "histology", "adenocarcinoma", "adenocarcinoma"),
    # traps: an adenoma with no carcinoma stays an adenoma
    ("precursor_trap_no_carcinoma", "Synoptic report\nBackground polyp: tubular adenoma, 8 mm.\nInvasive carcinoma: not identified.\n",
     "histology", "adenoma", "tubular adenoma"),
    ("precursor_trap_plain", "Diagnosis: Background: tubular adenoma with low grade dysplasia.\n", "histology", "adenoma", "tubular adenoma"),

    # --- the ticked degree of differentiation
    ("diff_box_moderate", "Histological type:    [x] Adenocarcinoma NOS   [ ] Mucinous\n"
     "Differentiation:      [ ] Well   [x] Moderate   [ ] Poor\n", "grade", "G2", "Moderate"),
    ("diff_box_well", "Histological type: [x] Adenocarcinoma\nDifferentiation: [x] Well [ ] Moderate [ ] Poor\n", "grade", "G1", "Well"),
    ("diff_box_poor", "Histological type: [x] Adenocarcinoma\nDifferentiation: ☐ well ☐ moderate ☒ poor\n", "grade", "G3", "poor"),
    # trap: nothing ticked
    ("diff_box_trap_none", "Histological type: [x] Adenocarcinoma\nDifferentiation: [ ] Well [ ] Moderate [ ] Poor\n",
     "grade", None, None),

    # --- a value under its column header
    ("column_size", "Specimen: Rectum (Ra), ESD. 1 piece (en bloc), 38 x 30 mm.\n\n"
     "Lesion | Site | Size (mm) | Histology | pT\n-------+------+-----------+-----------+-----\n"
     "1      | Ra   | 16 x 12   | tub2>tub1 | pT1b\n\nConclusion: Rectal adenocarcinoma (tub2>tub1), pT1b, en bloc ESD.\n",
     "tumor_size_mm", 16, "16 x 12"),
    ("column_size_markdown", "| Lesion | Size (mm) | Histology | pT |\n|---|---|---|---|\n| 1 | 12 | NET G1 | pT1a |\n\n"
     "Conclusion: rectal neuroendocrine tumour, ESD.\n", "tumor_size_mm", 12, "12"),
    ("column_size_cm", "| Site | Tumour size (cm) | Grade |\n|------|------|------|\n| rectum | 1.2 | G1 |\n\n"
     "Conclusion: rectal neuroendocrine tumour, EMR.\n", "tumor_size_mm", 12, "1.2"),
    ("column_ki67", "| Site | Ki-67 (%) | Grade |\n|------|------|------|\n| rectum | 3 | G2 |\n\n"
     "Conclusion: rectal neuroendocrine tumour, EMR.\n", "ki67_percent", 3, "3"),
    # traps: a key/value table, and a header with no separator line
    ("column_trap_keyvalue", "| Item | Result |\n|---|---|\n| Specimen size (mm) | 38 |\n| Diagnosis | rectal NET |\n",
     "tumor_size_mm", None, None),
    ("column_trap_no_separator", "Lesion | Size (mm) | pT\n1 | 38 x 30 | pT1a\nDiagnosis: rectal neuroendocrine tumour.\n",
     "tumor_size_mm", None, None),

    # --- translated sites and mitoses
    ("de_site_rektum", "Material: Rektum, FTRD-Resektat (endoscopic full-thickness resection)\n"
     "Diagnose: Gut differenzierter neuroendokriner Tumor / well differentiated NET, G1.\n", "site", "rectum", "Rektum"),
    ("de_mitosen", NET_DX + "Mitosen: 1 / 2 mm². Ki-67 (MIB-1): 2 %.\n", "mitoses_per_2mm2", 1, "1 / 2 mm²"),
    ("it_site_retto", "Materiale: retto, polipectomia.\nDiagnosi: tumore neuroendocrino ben differenziato (NET G1).\n",
     "site", "rectum", "retto"),
    ("sv_mitoser", NET_DX + "Mitoser: 2 per 2 mm2.\n", "mitoses_per_2mm2", 2, "2 per 2 mm2"),

    # --- a lower-case glued stage
    ("lower_pt1a", "dx  rectum cold snare polypectomy  well differentiated neuroendocrine tumour grade 1\n4 mm  submucosa  pt1a\n",
     "pt", "pT1a", "pt1a"),
    ("lower_pt2_pn0", "dx  sigmoid colectomy  adenocarcinoma  pt2 pn0 (0/14)\n", "pt", "pT2", "pt2"),
    # trap: "pt" for patient
    ("lower_trap_patient", "pt 71 yo  rectal polyp  neuroendocrine tumour 4 mm\n", "pt", None, None),

    # --- dictated punctuation: "colon" is a colon, not the site
    ("dictated_colon_site", "clinical details colon yellowish submucosal nodule comma removed by EMR full stop query carcinoid full stop\n"
     "conclusion colon rectum comma endoscopic mucosal resection colon\n"
     "well differentiated neuroendocrine tumour comma WHO grade 1 comma 6 mm full stop\n", "site", "rectum", "rectum"),
    ("dictated_colon_segment", "conclusion colon sigmoid colon comma polypectomy full stop\n"
     "well differentiated neuroendocrine tumour comma 6 mm full stop\n", "site", "colon", "sigmoid colon"),
    ("dictated_colon_of_the", "microscopic description colon biopsy of the colon full stop neuroendocrine tumour full stop\n",
     "site", "colon", "colon"),
    # trap: a written report keeps its colon
    ("dictated_trap_written", "Colon: polypectomy. Well differentiated neuroendocrine tumour, 6 mm.\n", "site", "colon", "Colon"),
    # --- a dictated stage with spaces
    ("dictated_pt_spaced", "invading sub mucosa comma completely excised full stop p T 1 a full stop new paragraph\n",
     "pt", "pT1a", "p T 1 a"),
    ("dictated_pt2_spaced", "neuroendocrine tumour full stop stage p T 2 p N 0 full stop\n", "pt", "pT2", "p T 2"),
    ("dictated_pn_spaced", "neuroendocrine tumour full stop stage p T 2 p N 0 full stop\n", "pn", "pN0", "p N 0"),
    # trap: a letter then T and a number that is no stage
    ("dictated_trap_no_digit", "neuroendocrine tumour full stop p T full stop\n", "pt", None, None),

    # --- the report quoted in an e-mail ("> " lines) keeps its headings and sentences
    ("email_quoted_size", "Hi Anna,\nCould this go on Thursday's list please?\n\n-----Original Message-----\n"
     "> SPECIMEN: Sigmoid colon polyp at 28 cm, hot snare polypectomy.\n>\n"
     "> MACROSCOPY: Received intact, in one piece. Polypoid lesion 24 x 18 x 15 mm.\n>\n"
     "> MICROSCOPY: Tubulovillous adenoma containing a focus of invasive adenocarcinoma. The carcinoma\n"
     "> is moderately differentiated and measures 7 mm in greatest extent.\n", "tumor_size_mm", 7, "7 mm"),
    ("email_quoted_procedure", "Had there been any lymphovascular invasion I would simply offer a sigmoid colectomy.\n\n"
     "> SPECIMEN: Sigmoid colon polyp, hot snare polypectomy.\n>\n> DIAGNOSIS:\n"
     "> Sigmoid colon, polypectomy: adenocarcinoma, moderately differentiated (pT1).\n", "procedure", "polypectomy", "polypectomy"),
    ("email_quoted_nested", "Forwarded below.\n\n>> CLINICAL: 22 mm polyp, removed en bloc.\n>>\n"
     ">> DIAGNOSIS: Sigmoid colon, polypectomy: adenocarcinoma (pT1).\n>> Lymphovascular invasion: not identified.\n",
     "lvi", "absent", "not identified"),
    # trap: a lone line opening with a bound sign is no quotation
    ("email_trap_bound", NET_DX + "Ki-67 index:\n> 20 %\n", "ki67_percent", 20, "20 %"),
]


ALL = CASES


results, test_phrasing = phrasing_table(ALL)
