"""Phrasing variants for depth, SM invasion depth and pT where they meet (fix-f8), invented by
the rule writer in the way hospital archives write them (no test-split case was read). Each
group is written before its rule and ends with traps that must stay null or unchanged.

Conventions (docs/gold.md): depth is the deepest layer invaded and needs a layer (a bare pT
code names none); the SM invasion depth is a depth, measured down from the muscularis mucosae,
in µm; a criterion ("≥ 1000 µm") is not a measurement; a size, width or extent of the invasive
focus is not its depth.
"""

from test_extract import phrasing_table  # tests/ is on sys.path


POLYP = "Sigmoid colon, polypectomy: adenocarcinoma arising in a tubular adenoma"
EMR = "Colon, EMR: adenocarcinoma"
RES = "Colon, right hemicolectomy: adenocarcinoma, moderately differentiated"
RECT = "Rectum, anterior resection: adenocarcinoma, moderately differentiated"

# (id, text, field, expected value (None: must stay null), a substring of the evidence)

# 1. A length after "submucosal invasion" is its depth only when nothing makes it a size: a size
#    verb or word before it ("measuring", "tumour size", "over a width of"), a size cue after it
#    ("in greatest dimension", "across", "wide", "x 3 mm"), or a width/extent word before the label.
SM_SIZE = [
    ("sm_size_measuring", f"{POLYP} with submucosal invasion, measuring 6 mm.", "sm_invasion_um", None, None),
    ("sm_size_measuring_depth", f"{POLYP} with submucosal invasion, measuring 6 mm.", "depth", "submucosa", "submucosal invasion"),
    ("sm_size_greatest", f"{POLYP} with submucosal invasion measuring 6 mm in greatest dimension.", "sm_invasion_um", None, None),
    ("sm_size_max_dim", f"{POLYP} with SM invasion, 6 mm in maximum dimension.", "sm_invasion_um", None, None),
    ("sm_size_label", f"{POLYP} with focal submucosal invasion, tumour size 6 mm.", "sm_invasion_um", None, None),
    ("sm_size_over_width", f"{POLYP} with submucosal invasion over a width of 3 mm.", "sm_invasion_um", None, None),
    ("sm_size_wide", f"{POLYP} with submucosal invasion, 3 mm wide.", "sm_invasion_um", None, None),
    ("sm_size_horizontal", f"{POLYP}. Horizontal extent of submucosal invasion 4 mm.", "sm_invasion_um", None, None),
    ("sm_size_two_d", f"{POLYP}. Submucosal invasion: 4 x 3 mm.", "sm_invasion_um", None, None),
    ("sm_size_upper_cm", f"{POLYP.upper()}. SUBMUCOSAL INVASION, MEASURING 0.6 CM.", "sm_invasion_um", None, None),
    ("sm_size_focus_across", f"{POLYP} with submucosal invasion, the invasive focus measuring 6 mm across.", "sm_invasion_um", None, None),
    ("sm_size_width_then_depth", f"{EMR} invading submucosa. Width of submucosal invasion: 3 mm. "
     "Depth of submucosal invasion: 1.2 mm.", "sm_invasion_um", 1200, "Depth of submucosal invasion: 1.2 mm"),
    ("sm_size_then_depth", f"{POLYP} with submucosal invasion, invasive component measures 4 mm, depth 1.1 mm.",
     "sm_invasion_um", 1100, "depth 1.1 mm"),
    # traps: a depth word, a reference layer or a bare µm value keeps the depth
    ("sm_size_trap_in_depth", f"{POLYP} with submucosal invasion, measuring 1.2 mm in depth.", "sm_invasion_um", 1200, "1.2 mm"),
    ("sm_size_trap_from_mm", f"{POLYP} with submucosal invasion measuring 1.5 mm from the muscularis mucosae.",
     "sm_invasion_um", 1500, "1.5 mm"),
    ("sm_size_trap_deep", f"{POLYP} with submucosal invasion 1.2 mm deep.", "sm_invasion_um", 1200, "1.2 mm"),
    ("sm_size_trap_um", f"{POLYP} with submucosal invasion, 1200 µm.", "sm_invasion_um", 1200, "1200 µm"),
    ("sm_size_trap_invasion_measures", f"{POLYP}. Submucosal invasion measures 1.3 mm.", "sm_invasion_um", 1300, "1.3 mm"),
    ("sm_size_trap_bare", f"{POLYP}. SM invasion 900 µm.", "sm_invasion_um", 900, "900 µm"),
    ("sm_size_trap_at_least", f"{POLYP} with submucosal invasion of at least 1.2 mm.", "sm_invasion_um", 1200, "1.2 mm"),
    ("sm_size_trap_depth_x_width", f"{POLYP}. Submucosal invasion 1.1 mm (depth) x 4 mm (width).", "sm_invasion_um", 1100, "1.1 mm"),
    # a length measured to a margin is a margin distance; to the border of the muscularis mucosae a depth
    ("sm_dist_deep_margin", f"{EMR} with submucosal invasion, 0.5 mm from the deep margin.", "sm_invasion_um", None, None),
    ("sm_dist_inked_edge", f"{EMR}. SM invasion 1.5 mm away from the inked cautery edge.", "sm_invasion_um", None, None),
    ("sm_dist_trap_lower_border", f"{EMR}. Depth of submucosal invasion: 600 µm\nfrom the lower border of the muscularis mucosae.",
     "sm_invasion_um", 600, "600 µm"),
    ("sm_dist_trap_lower_margin_mm", f"{EMR}. Submucosal invasion 2,3 mm measured from the lower margin of muscularis mucosae.",
     "sm_invasion_um", 2300, "2,3 mm"),
]

# 2. A T category as a depth label's value is the pT ("Depth: T1" counts as a pathologic stage
#    written without p); it names no layer, so the depth stays null (every train depth has a layer).
PT_DEPTH = [
    ("pt_depth_label_bare", f"{EMR}.\nDepth: T1.\n", "pt", "pT1", "T1"),
    ("pt_depth_label_bare_depth", f"{EMR}.\nDepth: T1.\n", "depth", None, None),
    ("pt_depth_label_p", f"{EMR}.\nDepth of invasion: pT1\n", "pt", "pT1", "pT1"),
    ("pt_depth_label_p_depth", f"{EMR}.\nDepth of invasion: pT1\n", "depth", None, None),
    ("pt_depth_label_t3", f"{RES}.\nDepth: T3\n", "pt", "pT3", "T3"),
    ("pt_depth_local_invasion", f"{RECT}.\nLocal invasion: T3 (perirectal fat)\n", "pt", "pT3", "T3"),
    ("pt_depth_local_invasion_depth", f"{RECT}.\nLocal invasion: T3 (perirectal fat)\n", "depth", "subserosa", "perirectal fat"),
    ("pt_depth_layer_paren", f"{RES}.\nDepth of tumour invasion: Muscularis propria (T2)\n", "pt", "pT2", "T2"),
    ("pt_depth_layer_paren_depth", f"{RES}.\nDepth of tumour invasion: Muscularis propria (T2)\n", "depth", "muscularis_propria", "Muscularis propria"),
    ("pt_depth_extent_sm", f"{EMR}.\nExtent of invasion: Submucosa (pT1)\n", "depth", "submucosa", "Submucosa"),
    # traps: a block called T3, an MRI sequence; a length in brackets after pT1b stays unread
    ("pt_depth_trap_block", f"{RES}. Deepest invasion (block T3): muscularis propria.\n", "pt", None, None),
    ("pt_depth_trap_block_depth", f"{RES}. Deepest invasion (block T3): muscularis propria.\n", "depth", "muscularis_propria", "muscularis propria"),
    ("pt_depth_trap_legend", f"{EMR}.\nDepth of invasion: submucosa (T1: invades lamina propria or submucosa)\n", "pt", None, None),
    ("pt_depth_trap_mri", f"{RES}. Depth on T2 images not assessed by pathology.\n", "pt", None, None),
    ("pt_depth_trap_pt1b_len", f"{EMR}, pT1b (12 mm).", "sm_invasion_um", None, None),
    ("pt_depth_trap_pt1b_len_depth", f"{EMR}, pT1b (12 mm).", "depth", None, None),
]

# 3. Depth told by a verb. "through / beyond / below the muscularis mucosae", "breaches the
#    muscularis mucosae": past it, in the submucosa (as "through the muscularis propria" is
#    past it); the fat of the mesentery named with its tissue word; "extramural depth of invasion".
VERBS = [
    ("verb_into_not_through", f"{RECT}. The tumour infiltrates into but not through the muscularis propria.", "depth", "muscularis_propria", "muscularis propria"),
    ("verb_subserosal_fat", f"{RECT}. Tumour extends into the subserosal fat.", "depth", "subserosa", "subserosal"),
    ("verb_muscle_coat", f"{RES}. The carcinoma reaches the muscle coat.", "depth", "muscularis_propria", "muscle coat"),
    ("verb_penetrates_mm_into_sm", f"{EMR}. Carcinoma penetrates the muscularis mucosae into the submucosa.", "depth", "submucosa", "submucosa"),
    ("verb_confined_lp", f"{EMR}. Carcinoma confined to the lamina propria.", "depth", "mucosa", "lamina propria"),
    ("verb_breaches_mp_fat", f"{RES}. Carcinoma breaches the muscularis propria into pericolic fat.", "depth", "subserosa", "pericolic fat"),
    ("verb_reaches_not_breach", f"{RES}. The carcinoma reaches but does not breach the muscularis propria.", "depth", "muscularis_propria", "muscularis propria"),
    ("verb_through_mm", f"{EMR}. Invasion through the muscularis mucosae.", "depth", "submucosa", "muscularis mucosae"),
    ("verb_beyond_mm", f"{EMR}. Invasive glands extend beyond the muscularis mucosae.", "depth", "submucosa", "muscularis mucosae"),
    ("verb_below_mm", f"{EMR}. The carcinoma extends below the muscularis mucosae.", "depth", "submucosa", "muscularis mucosae"),
    ("verb_breaches_mm", f"{EMR}. Carcinoma breaches the muscularis mucosae.", "depth", "submucosa", "muscularis mucosae"),
    ("verb_breached_mm", f"{EMR}. The carcinoma has breached the muscularis mucosae.", "depth", "submucosa", "muscularis mucosae"),
    ("verb_penetrates_mm", f"{EMR}. Malignant glands penetrate the muscularis mucosae.", "depth", "submucosa", "muscularis mucosae"),
    ("verb_mesocolic_adipose", f"{RES}. Tumour extends into mesocolic adipose tissue.", "depth", "subserosa", "mesocolic adipose tissue"),
    ("verb_mesorectal_tissue", f"{RECT}.\nTumour invades: mesorectal tissue\n", "depth", "subserosa", "mesorectal tissue"),
    ("verb_mesorectal_adipose", f"{RECT}. Tumour extends into the mesorectal adipose tissue.", "depth", "subserosa", "mesorectal adipose tissue"),
    ("verb_extramural_doi", f"{RECT}. Extramural depth of invasion 4 mm.", "depth", "subserosa", "Extramural depth"),
    ("verb_within_mm_of_serosa", f"{RES}. Tumour invades through the muscularis propria and extends to within 1 mm of the serosal surface.",
     "depth", "subserosa", "through the muscularis propria"),
    ("verb_beneath_serosa", f"{RES}. Tumour invades through the muscularis propria into subserosal tissue, 0.5 mm beneath the serosal surface.",
     "depth", "subserosa", "subserosal"),
    # traps: not past the muscularis mucosae, the mesorectum as the TME's quality
    ("verb_trap_without_through_mm", f"{EMR}. Intramucosal carcinoma without invasion through the muscularis mucosae.", "depth", "mucosa", "Intramucosal"),
    ("verb_trap_not_beyond_mm", f"{EMR}. The carcinoma does not extend beyond the muscularis mucosae.", "depth", "mucosa", "muscularis mucosae"),
    ("verb_trap_not_penetrate_mm", f"{EMR}. The tumour does not penetrate the muscularis mucosae; the submucosa is free.", "depth", None, None),
    ("verb_trap_within_serosa_alone", f"{RES}. Tumour extends to within 1 mm of the serosa.", "depth", None, None),
    ("verb_trap_mesorectum_complete", f"{RECT} invading the muscularis propria.\nMesorectum: complete.\n", "depth", "muscularis_propria", "muscularis propria"),
    ("verb_trap_mesorectum_intact", f"{RECT} invading the muscularis propria.\nMesorectum intact (Quirke grade 3).\n", "depth", "muscularis_propria", "muscularis propria"),
    ("verb_trap_mesorectal_fascia", f"{RECT} invading the muscularis propria. Mesorectal fascia intact.", "depth", "muscularis_propria", "muscularis propria"),
    ("verb_trap_pericolic_fat_nodes", f"{RES} invading the muscularis propria. Pericolic fat with 12 lymph nodes.", "depth", "muscularis_propria", "muscularis propria"),
    ("verb_pericolic_fat_deposits", f"{RES} invading into pericolic fat with tumour deposits and 3 lymph nodes.", "depth", "subserosa", "pericolic fat"),
    ("verb_trap_mesorectal_nodes", f"{RECT} invading the muscularis propria. Mesorectal tissue contains 14 lymph nodes.", "depth", "muscularis_propria", "muscularis propria"),
]

# 4. A deeper layer negated is not the depth; the layer the tumour does invade is named or not.
NEGATED = [
    ("neg_not_reach_mp", f"{RES}. The tumour does not reach the muscularis propria.", "depth", None, None),
    ("neg_sm_not_reach_mp", f"{RES} invading the submucosa; it does not reach the muscularis propria.", "depth", "submucosa", "submucosa"),
    ("neg_sm_not_reaching_mp", f"{RES}. Invasion into the submucosa, not reaching the muscularis propria.", "depth", "submucosa", "submucosa"),
    ("neg_no_invasion_mp", f"{RES}. No invasion of the muscularis propria.", "depth", None, None),
    ("neg_not_into_subserosa", f"{RES}. Tumour does not extend into the subserosa.", "depth", None, None),
    ("neg_mp_without_fat", f"{RES} invades the muscularis propria without extension into pericolic fat.", "depth", "muscularis_propria", "muscularis propria"),
    ("neg_mp_no_fat_invasion", f"{RES} invades the muscularis propria. No pericolic fat invasion.", "depth", "muscularis_propria", "muscularis propria"),
    ("neg_subserosa_serosa_free", f"{RES} invading the subserosa. The serosal surface is uninvolved.", "depth", "subserosa", "subserosa"),
]

# 5. Layers named as anatomy, not invasion: overlying mucosa, a muscularis propria present,
#    unremarkable or free of tumour.
ANATOMY = [
    ("anat_overlying_intact", f"{EMR}. The overlying mucosa is intact.", "depth", None, None),
    ("anat_mp_present_uninvolved", f"{RES} invading the submucosa. Muscularis propria is present in the specimen and uninvolved.", "depth", "submucosa", "submucosa"),
    ("anat_mp_unremarkable", f"{RES} invading the submucosa. The muscularis propria is unremarkable.", "depth", "submucosa", "submucosa"),
    ("anat_mp_unremarkable_short", f"{RES} invading the submucosa. Muscularis propria unremarkable.", "depth", "submucosa", "submucosa"),
    ("anat_mp_which_free", "Rectum, biopsy: adenocarcinoma. Tissue includes muscularis propria, which is free of tumour.", "depth", None, None),
    ("anat_mp_which_uninvolved", f"{RES} invading the submucosa. The specimen includes muscularis propria, which is not involved.", "depth", "submucosa", "submucosa"),
    ("anat_mp_identified_not_involved", f"{RES} invading the submucosa. Muscularis propria identified, not involved by tumour.", "depth", "submucosa", "submucosa"),
    ("anat_overlying_mucosa_ulcer", "Rectum, EMR: neuroendocrine tumour in the submucosa. Overlying mucosa unremarkable.", "depth", "submucosa", "submucosa"),
    # trap: "unremarkable" about something else leaves the layer the tumour invades
    ("anat_trap_otherwise_unremarkable", f"{RES} invading into the muscularis propria, which is otherwise unremarkable.", "depth", "muscularis_propria", "muscularis propria"),
    ("anat_trap_unremarkable_other", f"{RES} invading the muscularis propria; the background mucosa is unremarkable.", "depth", "muscularis_propria", "muscularis propria"),
]

# 6. Unusual synoptic labels for the depth.
LABELS = [
    ("label_extent_of_invasion", f"{EMR}.\nExtent of invasion: submucosa\n", "depth", "submucosa", "submucosa"),
    ("label_level_of_infiltration", f"{RES}.\nLevel of infiltration: muscularis propria\n", "depth", "muscularis_propria", "muscularis propria"),
    ("label_deepest_layer", f"{RES}.\nDeepest layer involved: subserosa\n", "depth", "subserosa", "subserosa"),
    ("label_deepest_layer_two", f"{EMR}.\nDeepest layer involved: mucosa and submucosa\n", "depth", "submucosa", "submucosa"),
    ("label_invasion_front", f"{RES}.\nInvasion front: pericolic fat\n", "depth", "subserosa", "pericolic fat"),
    ("label_tumour_extension", f"{RES}.\nTumour extension: into muscularis propria\n", "depth", "muscularis_propria", "muscularis propria"),
    ("label_wall_invasion", f"{RES}.\nWall invasion: subserosa\n", "depth", "subserosa", "subserosa"),
    ("label_deepest_extent", f"{RES}.\nDeepest extent: subserosal fat\n", "depth", "subserosa", "subserosal"),
    ("label_infiltration_depth", f"{EMR}.\nInfiltration depth: submucosa\n", "depth", "submucosa", "submucosa"),
    ("label_local_spread", f"{RES}.\nLocal spread: into subserosa\n", "depth", "subserosa", "subserosa"),
]

# 7. SM invasion depth phrasings.
SM_DEPTH = [
    ("smd_below_mm", f"{EMR}, invasion 800 µm below the muscularis mucosae.", "sm_invasion_um", 800, "800 µm"),
    ("smd_extends_to_beneath", f"{EMR}. Invasive carcinoma extends to 800 µm beneath the muscularis mucosae.", "sm_invasion_um", 800, "800 µm"),
    ("smd_extends_to_beneath_depth", f"{EMR}. Invasive carcinoma extends to 800 µm beneath the muscularis mucosae.", "depth", "submucosa", "800 µm"),
    ("smd_label_comma", f"{EMR} invading submucosa.\nSM depth: 1,2 mm\n", "sm_invasion_um", 1200, "1,2 mm"),
    ("smd_from_mm_microns", f"{EMR}.\nDepth of submucosal infiltration (from MM): 1800 microns\n", "sm_invasion_um", 1800, "1800 microns"),
    ("smd_label_below_mm_depth", f"{EMR}.\nDepth below muscularis mucosae: 1.8 mm\n", "depth", "submucosa", "1.8 mm"),
    ("smd_label_from_mm_depth", f"{EMR}.\nInvasion depth from muscularis mucosae: 1800 µm\n", "depth", "submucosa", "1800 µm"),
    ("smd_label_beyond_mm_depth", f"{EMR}.\nDepth of invasion beyond muscularis mucosae: 1.8 mm\n", "depth", "submucosa", "1.8 mm"),
    ("smd_deepest_below_MM", f"{EMR}.\nDeepest invasion below MM: 1.8 mm\n", "sm_invasion_um", 1800, "1.8 mm"),
    ("smd_layer_to_length", f"{EMR}. Carcinoma infiltrates the submucosa to 1.3 mm.", "sm_invasion_um", 1300, "1.3 mm"),
    ("smd_layer_to_um", f"{EMR}. Carcinoma invades the submucosa to 900 µm.", "sm_invasion_um", 900, "900 µm"),
    ("smd_layer_depth_of", f"{EMR}. Carcinoma infiltrates the submucosa to a depth of 1.3 mm.", "sm_invasion_um", 1300, "1.3 mm"),
    # traps: no number, a criterion, a width, a distance to a margin
    ("smd_trap_kikuchi", f"{EMR} invading submucosa, Kikuchi sm2.", "sm_invasion_um", None, None),
    ("smd_trap_kikuchi_depth", f"{EMR} invading submucosa, Kikuchi sm2.", "depth", "submucosa", "submucosa"),
    ("smd_trap_criterion", f"{EMR} invading submucosa ≥1000 µm.", "sm_invasion_um", None, None),
    ("smd_trap_criterion_label", f"{EMR}. Depth of submucosal invasion: ≥1000 µm (deep invasion).", "sm_invasion_um", None, None),
    ("smd_trap_criterion_less", f"{EMR}. Submucosal invasion depth less than 1000 µm (SM1).", "sm_invasion_um", None, None),
    ("smd_trap_criterion_lt", f"{EMR}. SM invasion: shallow (< 1000 µm).", "sm_invasion_um", None, None),
    ("smd_trap_criterion_or_more", f"{EMR} invading the submucosa.\nComment: According to JSCCR, SM invasion depth of 1000 µm or more indicates additional surgery.\n",
     "sm_invasion_um", None, None),
    ("smd_trap_criterion_jp", f"{EMR}, tub1, pT1a (SM <1000 µm).", "sm_invasion_um", None, None),
    ("smd_trap_criterion_jp_depth", f"{EMR}, tub1, pT1a (SM <1000 µm).", "depth", "submucosa", "SM <1000 µm"),
    ("smd_surface_mm_destroyed", f"{EMR}. SM invasion: 1.8 mm (measured from the surface because the MM is destroyed).", "sm_invasion_um", 1800, "1.8 mm"),
    ("smd_trap_surface", f"{EMR}. SM invasion: 1.8 mm (measured from the surface).", "sm_invasion_um", None, None),
    ("smd_trap_width", f"{EMR} invading submucosa; width of invasion 3 mm.", "sm_invasion_um", None, None),
    ("smd_trap_to_margin", f"{EMR}. Carcinoma infiltrates the submucosa to within 1 mm of the deep margin.", "sm_invasion_um", None, None),
    ("smd_trap_to_from_margin", f"{EMR}. Carcinoma invades the submucosa to 0.4 mm from the deep margin.", "sm_invasion_um", None, None),
    ("smd_trap_layer_for_width", f"{EMR}. Carcinoma invades the submucosa for 3 mm in width.", "sm_invasion_um", None, None),
    ("smd_trap_deepest_beyond_mp", f"{RES}.\nDeepest invasion: 4 mm beyond the muscularis propria\n", "sm_invasion_um", None, None),
    ("smd_trap_deepest_beyond_mp_depth", f"{RES}.\nDeepest invasion: 4 mm beyond the muscularis propria\n", "depth", "subserosa", "beyond the muscularis propria"),
    ("smd_trap_below_measured_below", f"{EMR}. Cyst lies 1 mm below the muscularis mucosae; carcinoma is intramucosal.", "sm_invasion_um", None, None),
]

# 8. A width label with the unit in it; a landmark that cannot be found; another organ invaded.
MORE = [
    ("more_width_label_unit", f"{EMR}.\nSubmucosal invasion: Yes\nWidth of submucosal invasion (mm): 5\nDepth of submucosal invasion (mm): 2.1\n",
     "sm_invasion_um", 2100, "Depth of submucosal invasion (mm): 2.1"),
    ("more_width_label_unit_only", f"{EMR}.\nSubmucosal invasion: Yes\nWidth of submucosal invasion (mm): 5\n", "sm_invasion_um", None, None),
    ("more_width_label_unit_depth", f"{EMR}.\nSubmucosal invasion: Yes\nWidth of submucosal invasion (mm): 5\n", "depth", "submucosa", "Submucosal invasion"),
    ("more_mm_unidentified", f"{EMR}. The muscularis mucosae cannot be identified; depth measured from the surface is 3.1 mm.", "depth", None, None),
    ("more_mm_not_identifiable", f"{EMR} in a pedunculated polyp; muscularis mucosae not identifiable in the stalk.", "depth", None, None),
    ("more_organ_direct_invasion", f"{RES}. Tumour is adherent to the bladder, with direct invasion of the bladder wall.", "depth", "adjacent_organ", "direct invasion of the bladder"),
    ("more_organ_directly_invades", f"{RES}. Tumour directly invades the uterus.", "depth", "adjacent_organ", "directly invades the uterus"),
    ("more_organ_directly_into", f"{RES} invading through the bowel wall directly into the uterine serosa.", "depth", "adjacent_organ", "directly into the uterine serosa"),
    # traps: an organ not invaded, or removed with the bowel
    ("more_organ_trap_not_invade", f"{RES}. Tumour is adherent to the bladder but does not invade the bladder.", "depth", None, None),
    ("more_organ_trap_no_direct", f"{RES} invading the muscularis propria. No direct invasion of the bladder.", "depth", "muscularis_propria", "muscularis propria"),
    ("more_organ_trap_specimen", "DIAGNOSIS:\nA. Sigmoid colon and urinary bladder dome, en bloc resection:\n"
     " - Adenocarcinoma, moderately differentiated, invading the muscularis propria.\n - Bladder dome free of tumour.\n",
     "depth", "muscularis_propria", "muscularis propria"),
    ("more_mm_breached_by", f"{EMR}. The muscularis mucosae is breached by invasive glands.", "depth", "submucosa", "muscularis mucosae is breached"),
    ("more_mm_focally_penetrated", f"{EMR}. Muscularis mucosae focally penetrated by carcinoma.", "depth", "submucosa", "penetrated"),
    ("more_trap_mm_not_breached", f"{EMR}. The muscularis mucosae is not breached.", "depth", "mucosa", "muscularis mucosae"),
    ("more_trap_mm_splayed", f"{EMR}. Intramucosal carcinoma; the muscularis mucosae is splayed but intact.", "depth", "mucosa", "Intramucosal"),
]

# 9. Layer labels answered yes/no; JSCCR depth codes (SS, SE, SI/AI, pMP, pSM) in a depth context.
ANSWERS = [
    ("ans_mp_no_sm_yes", f"{RES}. Muscularis propria invasion: no. Submucosal invasion: yes.", "depth", "submucosa", "Submucosal invasion"),
    ("ans_mp_no_alone", f"{RES}. Muscularis propria invasion: no.", "depth", None, None),
    ("ans_mp_involvement_minus", f"{RES} invading the submucosa. MP involvement: (-)", "depth", "submucosa", "submucosa"),
    ("ans_ss_minus", f"{RES}. MP invasion (+), SS invasion (-).", "depth", "muscularis_propria", "MP"),
    ("ans_mp_yes", f"{RES}. Muscularis propria invasion: yes.", "depth", "muscularis_propria", "Muscularis propria"),
    ("ans_no_ends_sentence_pni", f"{RES}. Lymphovascular invasion: no. Perineural invasion: present.", "pni", "present", "present"),
    ("jp_depth_ss", f"{RES}.\nDepth: SS\n", "depth", "subserosa", "SS"),
    ("jp_pt3_ss", f"{RES}, tub2, pT3 (SS), pN1a.", "depth", "subserosa", "SS"),
    ("jp_pss", f"{RES}, tub2, pSS, INF b, ly1, v1.", "depth", "subserosa", "pSS"),
    ("jp_depth_se", f"{RES}.\nDepth: SE\n", "depth", "serosa", "SE"),
    ("jp_pt4b_si", f"{RES}, pT4b (SI: bladder).", "depth", "adjacent_organ", "SI"),
    ("jp_pmp", f"{RES}, tub1, pMP, ly0, v0.", "depth", "muscularis_propria", "pMP"),
    ("jp_psm", "Rectum, ESD: neuroendocrine tumour, G1, 6x5 mm, pSM, Ly0, V0.", "depth", "submucosa", "pSM"),
    # traps: the letters elsewhere
    ("jp_trap_initials", f"{RES} invading the muscularis propria. Reported by: SS. Accession SE 123.", "depth", "muscularis_propria", "muscularis propria"),
    ("jp_trap_ssa", "Colon, polypectomy: sessile serrated lesion (SSA) without dysplasia.", "depth", None, None),
]

ALL = SM_SIZE + PT_DEPTH + VERBS + NEGATED + ANATOMY + LABELS + SM_DEPTH + MORE + ANSWERS

results, test_phrasing = phrasing_table(ALL)
