"""Phrasing variants for resection, tumour size and depth (fix-fB): ways of saying "one piece"
without "en bloc", the size of the invasive part against a larger lesion, and depth traps.
Each group ends with traps that must stay null or unchanged.
"""

from test_extract import phrasing_table  # tests/ is on sys.path


NET_ESD = "Rectum, ESD: well-differentiated neuroendocrine tumour, G1, 6 mm. "
NET_EMR = "Rectum, EMR: well-differentiated neuroendocrine tumour, G1, 6 mm. "
POLYP = "Sigmoid colon, hot snare polypectomy: tubular adenoma with low grade dysplasia. "

# (id, text, field, expected value (None: must stay null), a substring of the evidence)
RESECTION = [
    ("res_removed_one_fragment", NET_EMR + "Note: removed as one fragment.", "resection", "en_bloc", "one fragment"),
    ("res_excised_single_piece", NET_EMR + "The lesion was excised as a single piece.", "resection", "en_bloc", "single piece"),
    ("res_retrieved_intact", POLYP + "Retrieved intact.", "resection", "en_bloc", "Retrieved intact"),
    ("res_retrieved_whole", POLYP + "Polyp 12 mm, retrieved whole. Tattooed.", "resection", "en_bloc", "retrieved whole"),
    ("res_one_round_piece", NET_EMR + "GROSS: RECEIVED IN FORMALIN IS ONE ROUND PIECE OF TAN MUCOSA 12 X 10 X 4 MM.",
     "resection", "en_bloc", "ONE ROUND PIECE"),
    ("res_one_irregular_piece", NET_EMR + "Gross: one irregular tan piece of tissue, 9 mm.", "resection", "en_bloc", "piece"),
    ("res_intact_esd_specimen", NET_ESD + "Received pinned to cork, an intact ESD specimen measuring 2.8 x 2.2 cm.",
     "resection", "en_bloc", "intact ESD specimen"),
    ("res_intact_ft_disc", "Rectum, EFTR (FTRD): neuroendocrine tumour, G1, 3 mm. Gross: a single\n"
     "intact full-thickness disc of rectal wall, 2.3 x 2.0 cm.", "resection", "en_bloc", "full-thickness disc"),
    ("res_monobloc", NET_ESD + "Complete exeresis (R0), monobloc.", "resection", "en_bloc", "monobloc"),
    ("res_in_monobloc", NET_ESD + "Endoscopic submucosal dissection performed in mono-bloc.", "resection", "en_bloc", "mono-bloc"),
    # traps
    ("res_trap_one_of_pieces", NET_EMR + "One of the pieces shows cautery artefact.", "resection", None, None),
    ("res_trap_one_more_piece", NET_EMR + "One more piece was found in the container.", "resection", None, None),
    ("res_trap_piecemeal_stays", NET_EMR + "Piecemeal resection; one large piece and three small ones.", "resection", "piecemeal", "Piecemeal"),
    ("res_trap_biopsy_whole", "Rectum, biopsy: neuroendocrine tumour, G1. Biopsy retrieved whole.", "resection", None, None),
    ("res_trap_radical_monobloc", "Low anterior resection: adenocarcinoma, G2, 40 mm. Monobloc specimen.", "resection", None, None),
]

ALL = RESECTION


HISTORY_RESECTION = [
    ("res_hist_tamis_en_bloc", "Clinical data: rectal LST, 8 cm from anal margin.\nTAMIS en bloc excision, partial thickness.\n\n"
     "Microscopy: adenocarcinoma G1, 5 mm, invading the submucosa.\n", "resection", "en_bloc", "en bloc"),
    ("res_hist_esd_en_bloc", "Clinical history: rectal NET, ESD en bloc.\n\nDiagnosis: Rectum, ESD: well-differentiated "
     "neuroendocrine tumour, G1, 6 mm.\n", "resection", "en_bloc", "en bloc"),
    # traps: an earlier operation's resection, and the report's own statement over the history
    ("res_hist_trap_earlier_emr", "Clinical history: piecemeal EMR of LST 3 months ago.\n\nDiagnosis: Rectum, EFTR of scar: "
     "well-differentiated neuroendocrine tumour, G1, 6 mm.\n", "resection", None, None),
    ("res_hist_trap_earlier_emr_paren", "Clinical history: polypectomy scar (piecemeal EMR 2024).\n\nDiagnosis: Rectum, EFTR "
     "of scar: well-differentiated neuroendocrine tumour, G1, 6 mm.\n", "resection", None, None),
    ("res_hist_trap_report_wins", "Clinical history: rectal lesion, ESD en bloc.\n\nDiagnosis: Rectum, ESD: well-differentiated "
     "neuroendocrine tumour, G1, 6 mm. Resection: piecemeal.\n", "resection", "piecemeal", "piecemeal"),
]

ALL += HISTORY_RESECTION

DEPTH = [
    ("depth_margin_paren_fat", NET_ESD + "Tumour invades the submucosa. Deep margin (perirectal fat) distance 4 mm; not involved.",
     "depth", "submucosa", "submucosa"),
    ("depth_margin_paren_mp", "Rectum, EFTR: neuroendocrine tumour, G2, 11 mm, confined to mucosa/submucosa; lateral margin 7 mm, "
     "deep margin (muscularis propria/\nadventitia side) 2.6 mm: R0.", "depth", "submucosa", "submucosa"),
    ("depth_margins_paren_mesorectal", "Rectum, TEM: adenocarcinoma, G2, invading the submucosa. Margins (mesorectal fat, "
     "mucosa) clear.", "depth", "submucosa", "submucosa"),
    ("depth_all_layers_specimen", "Rectum, EFTR: Full-thickness rectal wall with all layers incl. muscularis propria. In the "
     "submucosa a well-demarcated neuroendocrine tumour, G1, 9 mm.", "depth", "submucosa", "submucosa"),
    ("depth_containing_all_layers", "Rectum, EFTR: disc containing all layers including muscularis propria; "
     "neuroendocrine tumour, G1, 5 mm, infiltrating the submucosa.", "depth", "submucosa", "submucosa"),
    # traps: a layer the tumour does invade stays, even next to a margin or "all layers"
    ("depth_trap_mp_then_margin", NET_ESD + "The tumour invades the muscularis propria; deep margin (perirectal fat) clear.",
     "depth", "muscularis_propria", "muscularis propria"),
    ("depth_trap_fat_before_paren", "Low anterior resection: adenocarcinoma, G2. Tumour extends into perirectal fat "
     "(circumferential margin clear, 3 mm).", "depth", "subserosa", "perirectal fat"),
    ("depth_trap_invades_all_layers", NET_ESD + "The tumour invades all layers including the muscularis propria.",
     "depth", "muscularis_propria", "muscularis propria"),
]

ALL += DEPTH

BX = "HISTOPATHOLOGY\nRectal biopsy: well differentiated neuroendocrine tumour, G1. "
DEPTH_BIOPSY = [
    ("depth_bx_refused_same_sentence", BX + "Tumour in the deep lamina propria extending to the base of the biopsy\n"
     "(submucosa not represented so depth cannot be established).", "depth", None, None),
    ("depth_bx_refused_semicolon", BX + "Nests in the lamina propria; depth cannot be assessed on this biopsy.", "depth", None, None),
    ("depth_bx_not_represented", BX + "Nests in the lamina propria. Submucosa is not represented.", "depth", "mucosa", "lamina propria"),
    ("depth_bump_endoscopic", "Site: rectum, 5cm, \"yellow submucosal bump ~1cm\"\nRectum, EMR: well differentiated "
     "neuroendocrine tumour, G1, 6 mm, confined to the mucosa.", "depth", "mucosa", "mucosa"),
    ("depth_swelling_endoscopic", "Rectum, EMR of a submucosal swelling: neuroendocrine tumour, G1, 4 mm, in the "
     "lamina propria.", "depth", "mucosa", "lamina propria"),
    # a refusal in a sentence of its own also leaves no depth (docs/gold.md, Depth; this row
    # expected "mucosa" until the fourth session re-annotated w3_rnet_forceps_biopsy_lamina_propria
    # to that convention); traps: a resection keeps its depth
    ("depth_bx_separate_sentence", BX + "Nests involving the lamina propria. Ki-67 <1%.\nOpinion: neuroendocrine "
     "tumour, G1. Depth and margins cannot be determined on biopsy.", "depth", None, None),
    ("depth_trap_esd_sm_depth_unmeasured", NET_ESD + "Tumour in the submucosa (depth of submucosal invasion cannot be "
     "measured, fragmented).", "depth", "submucosa", "submucosa"),
    ("depth_trap_submucosal_tumour_stays", NET_ESD + "A submucosal tumour, 6 mm.", "depth", "submucosa", "submucosal"),
]

ALL += DEPTH_BIOPSY

ILEUM = "Terminal ileum, resection: well-differentiated neuroendocrine tumour, G1, 23 mm, "
DEPTH_ORGAN = [
    ("depth_mp_of_adherent_colon", ILEUM + "directly invading the muscularis propria of the adherent\nsigmoid colon.",
     "depth", "adjacent_organ", "adherent"),
    ("depth_sm_of_adjacent_loop", ILEUM + "extending into the submucosa of an adjacent loop of small bowel.",
     "depth", "adjacent_organ", "submucosa of an adjacent"),
    ("depth_serosa_of_attached", ILEUM + "invading through the serosa of the attached bladder dome.",
     "depth", "adjacent_organ", "attached"),
    # traps: the tumour's own wall, and the normal bowel beside it
    ("depth_trap_mp_of_ileum", ILEUM + "invading the muscularis propria of the ileum.", "depth", "muscularis_propria",
     "muscularis propria"),
    ("depth_trap_adjacent_normal", ILEUM + "invading the muscularis propria; the mucosa of the adjacent uninvolved "
     "ileum is normal.", "depth", "muscularis_propria", "muscularis propria"),
]

ALL += DEPTH_ORGAN

LAR = "Specimen: rectum, low anterior resection.\n\nGROSS: "
MICRO = "\n\nMICROSCOPY: Moderately differentiated adenocarcinoma (G2) invading the mesorectal fat. "
SIZE_DEPOSIT = [
    ("size_not_nodal_deposit_paren", LAR + "Ulcerated tumour 42 x 35 mm." + MICRO + "Lymph nodes: 2/14 involved by "
     "adenocarcinoma (largest deposit 6 mm).", "tumor_size_mm", 42.0, "42 x 35 mm"),
    ("size_not_metastatic_deposit", LAR + "Ulcerated tumour 38 x 31 mm." + MICRO + "Nodes: 2/21, metastatic carcinoma, "
     "largest\nmetastatic deposit 4mm.", "tumor_size_mm", 38.0, "38 x 31 mm"),
    ("size_not_listed_deposit", "GROSS: Ileum with a nodule 1.9 x 1.5 cm.\n\nFINAL DIAGNOSIS:\n  A. ILEUM, ILEOCECAL RESECTION:\n"
     "     - WELL-DIFFERENTIATED NEUROENDOCRINE TUMOR, WHO GRADE 1.\n     - MESENTERIC TUMOR DEPOSIT / MATTED NODAL "
     "METASTASIS, 3.1 CM.\n", "tumor_size_mm", 19.0, "1.9"),
    ("size_not_nodal_tumour_metastasis", LAR + "Tumour 30 x 20 mm." + MICRO + "Tumour metastasis in one node, 11 mm.",
     "tumor_size_mm", 30.0, "30 x 20 mm"),
    ("size_preop_dx_is_clinical", "PRE-OP DX: Terminal ileal mass with mesenteric mass on CT (3.4 cm)\n\nGROSS: Ileum with a "
     "nodule 1.9 x 1.5 cm.\n\nFINAL DIAGNOSIS:\nIleum, resection: well-differentiated neuroendocrine tumour, G1.\n",
     "tumor_size_mm", 19.0, "1.9"),
    # traps: the tumour's own size stays, with a deposit named after it
    ("size_trap_size_before_deposit", LAR + "Ulcerated tumour 25 x 20 mm." + MICRO + "Tumour 25 mm, with a tumour deposit "
     "in the mesorectum.", "tumor_size_mm", 25.0, "25 mm"),
    ("size_trap_deposit_only_biopsy", "Lymph node, excision: metastatic adenocarcinoma, deposit 6 mm.", "tumor_size_mm",
     None, None),
]

ALL += SIZE_DEPOSIT

SIZE_INVASIVE = [
    ("size_invasive_focus_measures", "Colon, piecemeal EMR: a 35 mm laterally spreading lesion. It is a tubulovillous adenoma, "
     "and in one piece there is a small focus of well differentiated adenocarcinoma invading the submucosa. The invasive "
     "focus measures 3 mm across on the\nslide.", "tumor_size_mm", 3.0, "3 mm"),
    ("size_carcinoma_size_row", "Diagnosis: Adenocarcinoma in adenoma (tub1>tub2), transverse colon, EMR.\n\nGROSS:\n"
     " Tumor size             : 17x14 mm\n Carcinoma size         : 9x6 mm\n", "tumor_size_mm", 9.0, "9x6 mm"),
    ("size_invasive_component_diameter", "Rectum, TEM.\n\nGross: a sessile lesion of 31 x 27 mm.\nWell differentiated (G1) "
     "adenocarcinoma infiltrating the submucosa, with largest diameter of the invasive component 6 mm.",
     "tumor_size_mm", 6.0, "6 mm"),
    ("size_focus_of_adenocarcinoma", "Rectum, TAMIS excision.\n\nGross: sessile lesion 29 x 24 mm.\n\nHistology:\nTubulo-villous "
     "adenoma with a focus of adenocarcinoma\nG1 (well differentiated, NOS), 5 mm in diameter, invading the superficial "
     "submucosa.", "tumor_size_mm", 5.0, "5 mm"),
    ("size_invasion_over_area", "Colon, EMR.\n\nMICROSCOPIC:\nTubulovillous adenoma. A well differentiated adenocarcinoma "
     "invades into the submucosa over an area 4 mm wide.", "tumor_size_mm", 4.0, "4 mm"),
    # traps: no invasive subject, an adenoma, and a distance from the invasive front
    ("size_trap_plain_carcinoma", "Sigmoid colectomy: adenocarcinoma, G2, tumour 40 mm, invading the pericolic fat.",
     "tumor_size_mm", 40.0, "40 mm"),
    ("size_trap_adenoma_no_invasive", "Sigmoid colon, polypectomy: tubular adenoma, 12 mm, no invasive carcinoma.",
     "tumor_size_mm", 12.0, "12 mm"),
    ("size_trap_invasive_front_distance", "Rectum, TEM: adenocarcinoma, G1, 25 mm; the invasive front is 2 mm from the deep "
     "margin.", "tumor_size_mm", 25.0, "25 mm"),
]

ALL += SIZE_INVASIVE

NET_DX = "Diagnosis:\nRectum (Rb), ESD:\n  Neuroendocrine tumor, NET G2\n\nFindings:\n"
SIZE_ENDOSCOPIC_COMPARED = [
    ("size_larger_than_endoscopic", NET_DX + "Histologic tumor diameter is 16 mm, larger than the endoscopic estimate.\n",
     "tumor_size_mm", 16.0, "16 mm"),
    ("size_smaller_than_endoscopic", NET_DX + "Tumor diameter 9 mm, smaller than the endoscopic size.\n",
     "tumor_size_mm", 9.0, "9 mm"),
    ("size_than_estimated_endoscopically", NET_DX + "The tumour measures 7 mm, less than estimated endoscopically.\n",
     "tumor_size_mm", 7.0, "7 mm"),
    # trap: the endoscopist's estimate itself stays out
    ("size_trap_endoscopic_estimate", NET_DX + "The size is 12 mm by endoscopic estimate.\n", "tumor_size_mm", None, None),
]

ALL += SIZE_ENDOSCOPIC_COMPARED

SIZE_ATTACH = [
    ("size_paren_tumor_label", "Procedure: ESD\n\nMacroscopic type: 0-IIa+IIc, 18x15mm (tumor), specimen 42x35mm, en bloc "
     "resection\n\nHistological diagnosis:\n Adenocarcinoma, tub1, pT1b (SM 1300µm)\n", "tumor_size_mm", 18.0, "18x15mm"),
    ("size_paren_carcinoma_label", "Procedure: EMR\n\nMacroscopic type: 0-Is, 12x10 mm (carcinoma), specimen 30x25 mm\n\n"
     "Histological diagnosis:\n Adenocarcinoma, tub2, pT1b\n", "tumor_size_mm", 12.0, "12x10 mm"),
    ("size_specimen_between", "Sigmoid colectomy.\n\nGross: 26 cm sigmoid colon, annular tumour 3.8 cm, 9 cm from distal "
     "staple line.\n\nDiagnosis: Invasive adenocarcinoma, G2.\n", "tumor_size_mm", 38.0, "3.8 cm"),
    ("size_segment_between", "Right hemicolectomy.\n\nGross: 18 cm segment of colon, ulcerated tumour 4 cm.\n\n"
     "Diagnosis: adenocarcinoma, G2.\n", "tumor_size_mm", 40.0, "4 cm"),
    ("size_tumour_bed", "Rectum, APR after neoadjuvant therapy.\n\nDIAGNOSIS:\n - Residual adenocarcinoma, moderately "
     "differentiated.\n - Residual tumor bed 2.6 cm; viable tumor spans 1.4 cm.\n", "tumor_size_mm", 14.0, "1.4 cm"),
    ("size_site_distance_biopsy", "A. RECTUM, 5 CM, NODULE, COLD FORCEPS BIOPSY\n\nDIAGNOSIS\nA. Rectum, biopsy:\n   "
     "Well-differentiated neuroendocrine tumor (carcinoid).\n", "tumor_size_mm", None, None),
    ("size_site_at_distance", "SPECIMEN: Sigmoid @ 25 cm, nodule, EMR\n\nDIAGNOSIS: well-differentiated neuroendocrine "
     "tumour, G1.\n", "tumor_size_mm", None, None),
    # traps: a lesion of carcinoma in adenoma, and a size after a site distance
    ("size_trap_paren_lesion", "[Pathological diagnosis]\nRectum, Ra, ESD: Adenocarcinoma (tub1) in tubular adenoma.\n"
     "Type 0-IIa+Is, 28x22 mm (lesion), specimen 46x38 mm.\n", "tumor_size_mm", None, None),
    ("size_trap_after_site_distance", "Right hemicolectomy.\n\nMacroscopy: In the caecum, 20 mm from the ileocaecal valve, "
     "a firm yellow submucosal nodule 14 x 11 x 8 mm.\n\nDiagnosis: well-differentiated neuroendocrine tumour, G1.\n",
     "tumor_size_mm", 14.0, "14 x 11 x 8 mm"),
]

ALL += SIZE_ATTACH

TWO_JARS = "Final diagnosis:\n(1) Ascending colon polyp: {other}\n(2) Transverse colon polyp, cold snare: WELL-DIFFERENTIATED " \
    "NEUROENDOCRINE TUMOR (WHO G1),\n    greatest dimension 6 mm, involving mucosa and superficial submucosa.\n"
SIZE_OTHER_LESION = [
    ("size_other_jar_ssl", TWO_JARS.format(other="sessile serrated lesion, 11 mm, no dysplasia."), "tumor_size_mm", 6.0, "6 mm"),
    ("size_other_jar_hyperplastic", TWO_JARS.format(other="hyperplastic lesion, 8 mm."), "tumor_size_mm", 6.0, "6 mm"),
    ("size_other_jar_serrated_lesion", TWO_JARS.format(other="serrated lesion without dysplasia, 14 mm."), "tumor_size_mm",
     6.0, "6 mm"),
    # traps: a serrated lesion alone keeps its (polyp) size; a NET alone keeps its own
    ("size_trap_ssl_alone", "Ascending colon, polypectomy: sessile serrated lesion, 11 mm, no dysplasia.", "tumor_size_mm",
     11.0, "11 mm"),
    ("size_trap_net_alone", NET_EMR + "Margins free.", "tumor_size_mm", 6.0, "6 mm"),
    ("size_trap_polypoid_tumour", "SPECIMEN: Transverse colectomy, 22 cm.\n\nGROSS: A polypoid tumour 25 x 20 mm in the mid "
     "transverse colon.\n\nDIAGNOSIS: Moderately differentiated adenocarcinoma.\n", "tumor_size_mm", 25.0, "25 x 20 mm"),
]

ALL += SIZE_OTHER_LESION

RESECTION_MULTIVISCERAL = [
    ("res_attached_segment_en_bloc", "Specimen: Small bowel resection (terminal ileum) with attached segment of sigmoid colon,\n"
     "en bloc, + mesenteric nodal mass.\n\nDiagnosis: well-differentiated neuroendocrine tumour, G1, 23 mm.\n",
     "resection", None, None),
    ("res_adherent_bladder_en_bloc", "Specimen: Ileal resection with adherent bladder dome en bloc.\n\nDiagnosis: "
     "well-differentiated neuroendocrine tumour, G2, 30 mm.\n", "resection", None, None),
    ("res_attached_loop_en_bloc", "Specimen: Segmental resection with an attached loop of jejunum, removed en bloc.\n\n"
     "Diagnosis: adenocarcinoma, G2, 45 mm.\n", "resection", None, None),
    # traps: a polyp with its stalk, and an endoscopic en bloc
    ("res_trap_polyp_attached_stalk", POLYP + "Pedunculated polyp with attached stalk, en bloc.", "resection", "en_bloc",
     "en bloc"),
    ("res_trap_esd_en_bloc", NET_ESD + "Resected en bloc with attached cork.", "resection", "en_bloc", "en bloc"),
]

ALL += RESECTION_MULTIVISCERAL


results, test_phrasing = phrasing_table(ALL)


def test_layer_of_normal_neighbour_is_not_another_organ():
    """The adjacent-organ rule reads "of the adherent colon", never "of the adjacent normal ileum"."""
    from pipeline.extract import Rules

    other = Rules().depth_other_organ
    assert other.match(" of the adherent sigmoid colon")
    assert other.match(" of an attached loop")
    for text in (" of the adjacent normal ileum", " of the adjacent uninvolved mucosa", " of the ileum"):
        assert other.match(text) is None, text
