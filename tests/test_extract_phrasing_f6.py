"""Phrasing variants for round f6 (w10a train cases and invented probes): the histological
(mapped) extent of a tumour is its size; each group written before its rule, with traps that
must stay null or unchanged."""

from test_extract import phrasing_table  # tests/ is on sys.path


ESD_GROSS = ("Macroscopic findings:\nESD specimen 45 x 38 mm, resected en bloc. The lesion is 28 x 20 mm\n"
             "on the fresh specimen, with a 9 mm nodule.\n\nMicroscopic findings:\n")
ESD_ADENO = "Colon, ESD: adenocarcinoma (tub1), 12 mm. "
NET_ESD = "Rectum, ESD: neuroendocrine tumour, NET G1, 4 mm. "
AR = "Anterior resection: adenocarcinoma. "
RH = "Right hemicolectomy: adenocarcinoma. "

# (id, text, field, expected value (None: must stay null), a substring of the evidence)
CASES = [
    # size: the histological (microscopic, mapped) extent beats the macroscopic lesion size
    ("size_hist_extent", ESD_GROSS + "Adenocarcinoma (tub1>tub2) occupies the whole lesion; the intramucosal component "
     "extends\nfurther beyond the macroscopic border on mapping, histological extent 31 x 22 mm.\n",
     "tumor_size_mm", 31.0, "31 x 22 mm"),
    ("size_micro_extent_cm", ESD_GROSS + "Adenocarcinoma, tub1. Microscopic extent 3.1 x 2.2 cm.\n",
     "tumor_size_mm", 31.0, "3.1 x 2.2 cm"),
    ("size_histologic_extent_label", ESD_GROSS + "Histologic extent: 31 mm.\nAdenocarcinoma, tub1.\n",
     "tumor_size_mm", 31.0, "31 mm"),
    ("size_histologically_mapped_extent", ESD_GROSS + "Adenocarcinoma, tub1, histologically mapped extent 31 x 22 mm.\n",
     "tumor_size_mm", 31.0, "31 x 22 mm"),
    ("size_extent_on_mapping", ESD_GROSS + "Adenocarcinoma, tub1. Tumour extent on histological mapping: 31 x 22 mm.\n",
     "tumor_size_mm", 31.0, "31 x 22 mm"),
    ("size_hist_extent_upper", ESD_GROSS.upper() + "ADENOCARCINOMA, TUB1. HISTOLOGICAL EXTENT 31 X 22 MM.\n",
     "tumor_size_mm", 31.0, "31 X 22 MM"),
    # traps: the extent of something else, an endoscopic extent, an extent with no length
    ("size_extent_trap_invasion", ESD_ADENO + "Histological extent of submucosal invasion 1.5 mm.",
     "tumor_size_mm", 12.0, "12 mm"),
    ("size_extent_trap_endoscopic", "Clinical: endoscopic extent 30 mm.\n\nDiagnosis:\n" + ESD_ADENO,
     "tumor_size_mm", 12.0, "12 mm"),
    ("size_extent_trap_scar", ESD_ADENO + "Lateral extent of the scar 31 mm.",
     "tumor_size_mm", 12.0, "12 mm"),
    ("size_extent_trap_no_length", ESD_ADENO + "Histological extent as shown on the map.",
     "tumor_size_mm", 12.0, "12 mm"),
    ("size_extent_trap_macro_kept", ESD_GROSS + "Adenocarcinoma, tub1, confined to the lesion.\n",
     "tumor_size_mm", 28.0, "28 x 20 mm"),
    # margin codes: a labelled distance in the parenthesis after HM/VM is that margin's distance
    ("code_dist_nearest", NET_ESD + "pHM0 (nearest 8 mm), pVM0 (distance to the vertical margin 200 μm).",
     "margin_lateral_mm", 8.0, "pHM0 (nearest 8 mm)"),
    ("code_dist_labelled_slice", ESD_ADENO + "pHM0 (3 mm), pVM0 (tumor-VM distance 400 μm, #10).",
     "margin_deep_mm", 0.4, "pVM0 (tumor-VM distance 400 μm, #10)"),
    ("code_dist_closest", NET_ESD + "HM0 (closest 2.5 mm), VM0 (distance 0.3 mm).", "margin_lateral_mm", 2.5, "closest 2.5 mm"),
    ("code_dist_distance", NET_ESD + "HM0 (closest 2.5 mm), VM0 (distance 0.3 mm).", "margin_deep_mm", 0.3, "distance 0.3 mm"),
    ("code_dist_abbrev_colon", NET_ESD + "HM0 (min. 4 mm); VM0 (tumour-free distance: 150 µm).",
     "margin_deep_mm", 0.15, "150 µm"),
    ("code_dist_abbrev", NET_ESD + "HM0 (min. 4 mm); VM0 (tumour-free distance: 150 µm).", "margin_lateral_mm", 4.0, "min. 4 mm"),
    ("code_dist_hm_slice", NET_ESD + "pHM0 (tumor-HM distance 1.2 mm, #4), pVM0 (0.5 mm).", "margin_lateral_mm", 1.2, "1.2 mm, #4)"),
    ("code_dist_plain_kept", NET_ESD + "pHM0 (tumor-HM distance 1.2 mm, #4), pVM0 (0.5 mm).", "margin_deep_mm", 0.5, "pVM0 (0.5 mm)"),
    # traps: an SM depth, a slice number, a size or an adenoma's distance in the parenthesis
    ("code_dist_trap_sm", ESD_ADENO + "pT1b (SM 1500 μm), VM0 (SM invasion 1500 μm).", "margin_deep_mm", None, None),
    ("code_dist_trap_depth", ESD_ADENO + "VM0 (depth of invasion 1.2 mm).", "margin_deep_mm", None, None),
    ("code_dist_trap_slice", NET_ESD + "HM0 (#5), VM0 (D2-40 negative).", "margin_lateral_mm", None, None),
    ("code_dist_trap_size", NET_ESD + "HM0 (tumour size 12 mm), VM0.", "margin_lateral_mm", None, None),
    ("code_dist_trap_adenoma", NET_ESD + "HM1 (adenoma component 0 mm), VM0.", "margin_lateral_mm", None, None),
    # a measurement of invasion (its depth) is never a tumour size
    ("inv_measured_at", "Colon adenocarcinoma, ESD. Submucosal invasion measured at 1.3mm (Kikuchi sm2).",
     "tumor_size_mm", None, None),
    ("inv_measured_at_sm", "Colon adenocarcinoma, ESD. Submucosal invasion measured at 1.3mm (Kikuchi sm2).",
     "sm_invasion_um", 1300.0, "1.3mm"),
    ("inv_bare_measured_at", "Colon adenocarcinoma, ESD. Invasion measured at 1.3 mm.", "tumor_size_mm", None, None),
    ("inv_depth_measured_as", "Rectum, ESD: adenocarcinoma. Depth of invasion measured as 2 mm.", "tumor_size_mm", None, None),
    ("inv_invades_to", "Rectum, ESD: adenocarcinoma. The carcinoma invades to 1.5 mm.", "tumor_size_mm", None, None),
    ("inv_invades_to_sm", "Rectum, ESD: adenocarcinoma. The carcinoma invades to 1.5 mm into the submucosa.",
     "tumor_size_mm", None, None),
    ("inv_depth_sm_measures", "Rectum, ESD: adenocarcinoma. Depth of submucosal invasion measures 1.8 mm.",
     "tumor_size_mm", None, None),
    ("inv_invasive_depth_um", "Rectum, ESD: adenocarcinoma. Invasive depth measured 1,200 um.", "tumor_size_mm", None, None),
    ("inv_into_sm_measures", "Rectum, EMR: ADENOCARCINOMA. INVASION INTO THE SUBMUCOSA MEASURES 1.3 MM.",
     "tumor_size_mm", None, None),
    ("inv_extends_into", "Rectum, anterior resection: adenocarcinoma. The tumour extends 5 mm into the mesorectal fat.",
     "tumor_size_mm", None, None),
    ("inv_extending_into", "Rectum, anterior resection: adenocarcinoma extending 4 mm into perirectal fat.",
     "tumor_size_mm", None, None),
    ("inv_infiltrates_to", "Rectum, ESD: adenocarcinoma. Tumour infiltrates to a depth of 1.1 mm.", "tumor_size_mm", None, None),
    # traps: the tumour's own size stays, beside or around an invasion measurement
    ("inv_trap_size_kept", "Rectum, ESD: adenocarcinoma, 12 mm. Submucosal invasion measured at 1.3mm.",
     "tumor_size_mm", 12.0, "12 mm"),
    ("inv_trap_sm_kept", "Rectum, ESD: adenocarcinoma, 12 mm. Submucosal invasion measured at 1.3mm.",
     "sm_invasion_um", 1300.0, "1.3mm"),
    ("inv_trap_invasive_carcinoma", "Rectum, ESD: adenocarcinoma. The invasive carcinoma measures 4 mm.",
     "tumor_size_mm", 4.0, "4 mm"),
    ("inv_trap_comma", "Rectum, ESD: adenocarcinoma with submucosal invasion, measuring 6 mm.", "tumor_size_mm", 6.0, "6 mm"),
    ("inv_trap_lvi", "Rectum, ESD: adenocarcinoma. The tumour, with lymphovascular invasion, measures 9 mm.",
     "tumor_size_mm", 9.0, "9 mm"),
    ("inv_trap_focus_then_depth", "Rectum, ESD: adenocarcinoma. The invasive focus measured 4 mm, with submucosal "
     "invasion to 1.2 mm.", "tumor_size_mm", 4.0, "4 mm"),
    ("inv_trap_comma_into", "Rectum, ESD: adenocarcinoma. The tumour measures 5 mm, infiltrating into the submucosa.",
     "tumor_size_mm", 5.0, "5 mm"),
    ("inv_trap_tumour_invading_measures", "Sigmoid colon, polypectomy: adenocarcinoma. The tumour invading the "
     "submucosa measures 7 mm.", "tumor_size_mm", 7.0, "7 mm"),
    # nodes: a stated total wins over a group count (docs/gold.md: the report's own staged total).
    # Without a stated total the groups are not summed here: the convention names the report's
    # own total, and a sum would be a number no span of the report states.
    ("nodes_total_paren", AR + "Nodes: 1 of 9 mesorectal nodes and 0 of 3 apical nodes positive (total 1/12).",
     "lymph_nodes_examined", 12, "1/12"),
    ("nodes_total_paren_pos", AR + "Nodes: 1 of 9 mesorectal nodes and 0 of 3 apical nodes positive (total 1/12).",
     "lymph_nodes_positive", 1, "1/12"),
    ("nodes_total_semicolon", RH + "Lymph nodes: 2/14 pericolic, 0/2 apical; total 2/16.", "lymph_nodes_examined", 16, "2/16"),
    ("nodes_total_after_of", AR + "Lymph nodes: 1 of 9 mesorectal and 0 of 3 apical nodes involved, 1 of 12 in total.",
     "lymph_nodes_examined", 12, "1 of 12"),
    ("nodes_total_after_of_pos", AR + "Lymph nodes: 1 of 9 mesorectal and 0 of 3 apical nodes involved, 1 of 12 in total.",
     "lymph_nodes_positive", 1, "1 of 12"),
    ("nodes_total_overall", AR + "Nodes: mesorectal 1/9, apical 0/3 (overall 1/12).", "lymph_nodes_examined", 12, "1/12"),
    ("nodes_total_in_total_after", AR + "Lymph nodes: 1 of 9 mesorectal nodes, 0 of 3 apical nodes (1/12 in total).",
     "lymph_nodes_examined", 12, "1/12"),
    ("nodes_total_in_total_before", AR + "Lymph nodes: 1 of 9 mesorectal nodes, 0 of 3 apical nodes; in total 1 of 12 "
     "nodes involved.", "lymph_nodes_examined", 12, "1 of 12"),
    ("nodes_total_upper", AR.upper() + "LYMPH NODES: 1/9 MESORECTAL, 0/3 APICAL (TOTAL 1/12).", "lymph_nodes_examined", 12, "1/12"),
    ("nodes_total_next_sentence", AR + "Lymph nodes: 1 of 9 mesorectal nodes, 0 of 3 apical nodes. Total: 1 positive of "
     "12 examined.", "lymph_nodes_examined", 12, "12"),
    ("nodes_total_first_kept", AR + "Total lymph nodes: 1/12 (mesorectal 1/9, apical 0/3).", "lymph_nodes_examined", 12, "1/12"),
    # traps: a "total" that is not a node count, a single group
    ("nodes_total_trap_tme", AR + "Nodes: 1/9 mesorectal. Total mesorectal excision specimen, 20 cm.",
     "lymph_nodes_examined", 9, "1/9"),
    ("nodes_total_trap_single", AR + "Lymph nodes: 2 of 15 involved.", "lymph_nodes_examined", 15, "2 of 15"),
    ("nodes_total_trap_total_length", AR + "Lymph nodes: 0/11. Total length 25 cm.", "lymph_nodes_examined", 11, "0/11"),
]

results, test_phrasing = phrasing_table(CASES)
