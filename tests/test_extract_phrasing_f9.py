"""Phrasing variants for the deep (and lateral) margin and its distance (fix-f9), invented by
the fixer in the ways hospital archives write them (none taken from a test case):

1. the status in one sentence, the distance in the next ("Deep margin: clear. Clearance 0.4 mm",
   "Deep margin: Clear" / "Distance: 0.7 mm") and back-references ("The tumour is 0.4 mm from the
   deep margin. This margin is free");
2. two margins, two numbers and one unit ("2 and 0.5 mm respectively", "(0.5/2 mm)"), and the
   status of each read from its own number;
3. a deep margin that cautery or diathermy leaves unassessable, in other words;
4. status verbs ("touch", "seen at", "tumour at the deep margin");
5. bare "VM:" / "HM:" labels, "Stalk:" / "Base:" labels of a polypectomy, "deep cut surface";
6. a CAP "Distance ... from closest margin" line with the side on a "Closest margin:" line;
7. rows that already held (one sentence, lists, tables, bounds, units), kept as guards.

Each group ends with traps that must stay null or unchanged: the mucosal surface, the
muscularis propria, the history, a biopsy, a stalk's length, proximal/distal margins, CRM.
"""

from test_extract import phrasing_table  # tests/ is on sys.path


NET = "Rectum, ESD: well-differentiated neuroendocrine tumour, G1, 6 mm. "
NETL = "Rectum, ESD: well-differentiated neuroendocrine tumour, G1, 6 mm.\n"
POL = "Sigmoid colon, polypectomy: adenocarcinoma arising in a tubular adenoma, invading the stalk. "
RES = "Rectum, anterior resection: adenocarcinoma, moderately differentiated, 35 mm, invading the muscularis propria. "
APP = "Appendix, appendicectomy: well-differentiated neuroendocrine tumour, G1, 8 mm.\n"
CAP = NETL + "Margins: Uninvolved by tumour\n  Distance of tumour from closest margin: 0.6 mm\n  Closest margin: deep\n"

# (id, text, field, expected value (None: must stay null), a substring of the evidence)
CASES = [
    # 1. the distance in the sentence (or line) after the margin's status
    ("next_from_it", NET + "The deep margin is clear. The tumour is 0.8 mm from it.", "margin_deep_mm", 0.8, "0.8 mm"),
    ("next_from_it_status", NET + "The deep margin is clear. The tumour is 0.8 mm from it.", "margin_deep", "negative", "clear"),
    ("next_clearance_upper", NET + "DEEP MARGIN: NOT INVOLVED. CLEARANCE 0.4 MM.", "margin_deep_mm", 0.4, "0.4 MM"),
    ("next_clearance_lower", NET + "deep margin is clear. clearance is 0.4 mm.", "margin_deep_mm", 0.4, "0.4 mm"),
    ("next_distance_um", NET + "Deep margin: negative. Distance 700 µm.", "margin_deep_mm", 0.7, "700 µm"),
    ("next_min_clearance_comma", NET + "Deep margin clear. Minimum clearance 0,7 mm.", "margin_deep_mm", 0.7, "0,7 mm"),
    ("next_closest_distance", NET + "Deep margin: clear. Closest distance: 0.7 mm.", "margin_deep_mm", 0.7, "0.7 mm"),
    ("next_line_distance", NETL + "Deep margin: clear\nDistance: 0.7 mm\n", "margin_deep_mm", 0.7, "0.7 mm"),
    ("next_line_clearance_indented", NETL + "Deep margin: Clear\n  Clearance: 0.7 mm\nLateral margin: Involved\n", "margin_deep_mm", 0.7, "0.7 mm"),
    ("next_line_clearance_lateral", NETL + "Deep margin: Clear\n  Clearance: 0.7 mm\nLateral margin: Involved\n", "margin_lateral", "positive", "Involved"),
    ("next_involved_zero", NET + "The deep margin is involved. Distance 0 mm.", "margin_deep_mm", 0.0, "0 mm"),
    ("next_involved_zero_status", NET + "The deep margin is involved. Distance 0 mm.", "margin_deep", "positive", "involved"),
    ("next_this_margin", NET + "The deep margin is uninvolved. The closest approach of tumour to this margin is 0.7 mm.", "margin_deep_mm", 0.7, "0.7 mm"),
    ("back_this_margin_free", NET + "The tumour is 0.4 mm from the deep margin. This margin is, however, free of tumour.", "margin_deep", "negative", "free"),
    ("back_this_margin_free_mm", NET + "The tumour is 0.4 mm from the deep margin. This margin is, however, free of tumour.", "margin_deep_mm", 0.4, "0.4 mm"),
    ("back_the_margin_not_involved", NET + "The tumour is 0.4 mm from the deep margin. The margin is not involved.", "margin_deep", "negative", "not involved"),
    ("back_margin_itself", NET + "Tumour approaches the deep margin to 0.4 mm. The margin itself is uninvolved.", "margin_deep", "negative", "uninvolved"),
    ("back_margin_semicolon", NET + "Deep margin: 0.4 mm of submucosa beneath tumour; margin free.", "margin_deep", "negative", "free"),
    ("back_lateral_margin", NET + "Tumour lies 0.3 mm from the peripheral margin. The margin is clear.", "margin_lateral", "negative", "clear"),
    ("next_it_is_from_tumour", NET + "Deep margin clear. It is 0.8 mm from the tumour.", "margin_deep_mm", 0.8, "0.8 mm"),
    ("next_clause_however", NET + "Deep margin is free; however, tumour lies 0.1 mm from it.", "margin_deep_mm", 0.1, "0.1 mm"),
    ("next_clause_however_status", NET + "Deep margin is free; however, tumour lies 0.1 mm from it.", "margin_deep", "negative", "free"),
    # traps: another distance in the next sentence, another margin, a blank line, two margins before
    ("next_trap_mucosal_surface", NET + "The deep margin is uninvolved. The tumour is 0.7 mm from the mucosal surface.", "margin_deep_mm", None, None),
    ("next_trap_mp", NET + "The deep margin is clear. The tumour is 0.5 mm from the muscularis propria.", "margin_deep_mm", None, None),
    ("next_trap_invasion_depth", NET + "The deep margin is uninvolved. Invasion depth 0.7 mm.", "margin_deep_mm", None, None),
    ("next_trap_measures", NET + "The deep margin is uninvolved. The tumour measures 0.7 mm in thickness.", "margin_deep_mm", None, None),
    ("next_trap_other_margin", NET + "The deep margin is clear. Clearance from the lateral margin 2 mm.", "margin_deep_mm", None, None),
    ("next_trap_other_margin_lat", NET + "The deep margin is clear. Clearance from the lateral margin 2 mm.", "margin_lateral_mm", 2.0, "2 mm"),
    ("next_trap_last_margin", NET + "Deep margin: clear. Lateral margin: clear. Clearance 0.7 mm.", "margin_deep_mm", None, None),
    ("next_trap_blank_line", NETL + "Deep margin: clear\n\nDistance: 0.7 mm\n", "margin_deep_mm", None, None),
    ("next_trap_serosa", NET + "Deep margin clear. Tumour 4 mm from the serosa.", "margin_deep_mm", None, None),
    ("back_trap_proximal", RES + "Proximal margin 120 mm. The margin is clear.", "margin_deep", None, None),
    ("back_trap_two_margins", NET + "Deep and lateral margins are 2 mm and 3 mm. The margin is free.", "margin_deep", "negative", "2 mm"),
    ("back_trap_far", NET + "The tumour is 0.4 mm from the deep margin. Mitoses are rare. The margin is not involved.", "margin_deep", "close", "0.4 mm"),
    # 2. two margins, two numbers, one unit; each status from its own number
    ("resp_shared_unit_deep", NET + "Peripheral and deep margins free, 2 and 0.5 mm respectively.", "margin_deep_mm", 0.5, "0.5 mm"),
    ("resp_shared_unit_lat", NET + "Peripheral and deep margins free, 2 and 0.5 mm respectively.", "margin_lateral_mm", 2.0, "2 and"),
    ("resp_shared_unit_status", NET + "Peripheral and deep margins free, 2 and 0.5 mm respectively.", "margin_deep", "negative", "free"),
    ("resp_by_shared", NET + "Deep and lateral margins clear, by 0.5 and 2 mm respectively.", "margin_deep_mm", 0.5, "0.5"),
    ("resp_slash_shared", NET + "Deep/lateral: clear/clear (0.5/2 mm).", "margin_deep_mm", 0.5, "0.5"),
    ("resp_slash_shared_lat", NET + "Deep/lateral: clear/clear (0.5/2 mm).", "margin_lateral_mm", 2.0, "2 mm"),
    ("resp_status_each_deep", NET + "The deep and peripheral margins are 0.4 mm and 1.5 mm respectively.", "margin_deep", "close", "0.4 mm"),
    ("resp_status_each_lat", NET + "The deep and peripheral margins are 0.4 mm and 1.5 mm respectively.", "margin_lateral", "negative", "1.5 mm"),
    ("resp_status_each_shared", NET + "Deep and lateral margins: 0.4 and 1.5 mm.", "margin_lateral", "negative", "1.5 mm"),
    ("resp_status_each_shared_deep", NET + "Deep and lateral margins: 0.4 and 1.5 mm.", "margin_deep", "close", "0.4"),
    ("resp_guard_units_each", NET + "Lateral and deep margins are free (3 mm and 0.4 mm, respectively).", "margin_deep_mm", 0.4, "0.4 mm"),
    ("pair_in_name_deep", NET + "The lesion is completely excised, with clear deep (0.8 mm) and lateral (2 mm) margins.", "margin_deep_mm", 0.8, "0.8 mm"),
    ("pair_in_name_lat", NET + "The lesion is completely excised, with clear deep (0.8 mm) and lateral (2 mm) margins.", "margin_lateral", "negative", "2 mm"),
    ("pair_in_name_lat_mm", NET + "The lesion is completely excised, with clear deep (0.8 mm) and lateral (2 mm) margins.", "margin_lateral_mm", 2.0, "2 mm"),
    # traps: a size is no pair of distances
    ("resp_trap_size", NET + "Deep and lateral margins clear (tumour 6 x 4 mm).", "margin_deep_mm", None, None),
    ("resp_trap_size_lat", NET + "Deep and lateral margins clear (tumour 6 x 4 mm).", "margin_lateral_mm", None, None),
    # 3. cautery / diathermy / fragmentation: indeterminate
    ("indet_precludes", NET + "Diathermy artefact precludes assessment of the deep margin.", "margin_deep", "indeterminate", "precludes"),
    ("indet_obscured_diathermy", NET + "The deep margin is obscured by diathermy artefact.", "margin_deep", "indeterminate", "obscured"),
    ("indet_thermal_reliably", NET + "The deep margin cannot be reliably evaluated because of thermal damage.", "margin_deep", "indeterminate", "cannot be reliably evaluated"),
    ("indet_thermal_artefact", NET + "Deep margin: not assessable owing to extensive thermal artefact.", "margin_deep", "indeterminate", "not assessable"),
    ("indet_fragmentation_before", NET + "Owing to fragmentation, the deep margin cannot be assessed.", "margin_deep", "indeterminate", "cannot be assessed"),
    ("indet_cautery_paren", NET + "Deep margin: indeterminate (cautery).", "margin_deep", "indeterminate", "indeterminate"),
    ("indet_vmx", NET + "VMX (cautery artefact).", "margin_deep", "indeterminate", "VMX"),
    ("indet_not_possible", NET + "Assessment of the deep margin is not possible owing to cautery artefact.", "margin_deep", "indeterminate", "not possible"),
    ("indet_cannot_adequately", NET + "The deep margin cannot be adequately assessed due to cautery.", "margin_deep", "indeterminate", "cannot be adequately assessed"),
    ("indet_possibly_involved", NET + "Deep margin: possibly involved.", "margin_deep", "indeterminate", "possibly involved"),
    ("indet_suspicious_for", NET + "Deep margin: suspicious for involvement (cautery).", "margin_deep", "indeterminate", "suspicious for involvement"),
    ("indet_cannot_be_excluded", NET + "Deep margin involvement cannot be excluded.", "margin_deep", "indeterminate", "involvement cannot be excluded"),
    # traps: artefact that does not stop the reading
    ("indet_trap_despite", NET + "Deep margin clear despite diathermy artefact.", "margin_deep", "negative", "clear"),
    ("indet_trap_mild_before", NET + "Mild diathermy artefact. Deep margin clear.", "margin_deep", "negative", "clear"),
    ("indet_trap_but", NET + "Diathermy artefact is present but the deep margin is clearly free.", "margin_deep", "negative", "free"),
    ("indet_trap_semicolon", NET + "Deep margin: clear (0.5 mm); mild thermal artefact at the base.", "margin_deep", "negative", "clear"),
    # 4. status verbs
    ("verb_touch", NET + "Tumour cells touch the inked deep margin.", "margin_deep", "positive", "touch"),
    ("verb_seen_at", NET + "Tumour is seen at the deep diathermy margin.", "margin_deep", "positive", "seen at"),
    ("verb_identified_at", NET + "Carcinoma is identified at the deep margin.", "margin_deep", "positive", "identified at"),
    ("verb_trap_shows_no_tumour", NET + "The deep margin shows no tumour.", "margin_deep", "negative", "no tumour"),
    ("verb_trap_shows_tumour_free", NET + "The deep margin shows tumour-free tissue of 2 mm.", "margin_deep", "negative", "tumour-free"),
    ("verb_trap_lvi_at", NET + "Deep margin: clear. Lymphovascular invasion is identified at the deep aspect.", "margin_deep", "negative", "clear"),
    ("verb_trap_inflammatory_cells_at", NET + "Inflammatory cells at the deep margin.", "margin_deep", None, None),
    ("verb_trap_does_not_touch", NET + "The tumour cells do not touch the inked deep margin.", "margin_deep", "negative", "do not touch"),
    ("verb_tumour_at_the", NET + "Tumour is at the deep margin (0 mm).", "margin_deep", "positive", "at the"),
    ("verb_tumour_lies_at", NET + "Neoplastic cells lie at the basal margin.", "margin_deep", "positive", "at the"),
    ("verb_transected", NET + "Tumour is transected at the deep margin.", "margin_deep", "positive", "transected"),
    ("verb_reaches_cautery", NET + "Tumour reaches the cautery line at the base.", "margin_deep", "positive", "reaches"),
    ("verb_shows_tumour", NET + "The deep margin shows tumour.", "margin_deep", "positive", "shows tumour"),
    # traps: negated, or the nearest approach named by its place
    ("verb_trap_not_seen", NET + "Tumour is not seen at the deep margin.", "margin_deep", "negative", "not seen at"),
    ("verb_trap_no_tumour_identified", NET + "No tumour is identified at the deep margin.", "margin_deep", "negative", "No tumour is identified at"),
    ("verb_trap_closest_at", NET + "The closest approach of the tumour is at the deep margin (0.4 mm).", "margin_deep", "close", "0.4 mm"),
    ("verb_trap_not_touching", NET + "Tumour is close to but not touching the deep margin.", "margin_deep", "negative", "not touching"),
    # 5. bare VM / HM labels, stalk and base labels, cut surface
    ("vm_label", NETL + "VM: negative, 500 µm\nHM: positive\n", "margin_deep", "negative", "negative"),
    ("vm_label_mm", NETL + "VM: negative, 500 µm\nHM: positive\n", "margin_deep_mm", 0.5, "500 µm"),
    ("hm_label", NETL + "VM: negative, 500 µm\nHM: positive\n", "margin_lateral", "positive", "positive"),
    ("vm_label_sign", NET + "HM (+), VM (-).", "margin_deep", "negative", "(-)"),
    ("hm_label_sign", NET + "HM (+), VM (-).", "margin_lateral", "positive", "(+)"),
    ("vm_label_distance", NET + "HM: 2 mm, VM: 0.3 mm.", "margin_deep", "close", "0.3 mm"),
    ("stalk_label_free", POL + "Stalk: free (2 mm).", "margin_deep", "negative", "free"),
    ("stalk_label_free_mm", POL + "Stalk: free (2 mm).", "margin_deep_mm", 2.0, "2 mm"),
    ("stalk_label_involved", POL + "Stalk: involved by carcinoma.", "margin_deep", "positive", "involved"),
    ("stalk_cauterised", POL + "Carcinoma present at the cauterised stalk.", "margin_deep", "positive", "present at"),
    ("base_label_polyp", POL + "Base: clear of carcinoma (1.5 mm).", "margin_deep", "negative", "clear"),
    ("base_label_polyp_mm", POL + "Base: clear of carcinoma (1.5 mm).", "margin_deep_mm", 1.5, "1.5 mm"),
    ("base_of_excision", NET + "Tumour extends to the base of the excision.", "margin_deep", "positive", "extends to"),
    ("cut_surface_label", NET + "Deep cut surface: free of tumour.", "margin_deep", "negative", "free"),
    ("cut_surface_distance", NET + "Tumour is 0.9 mm from the deep cut surface.", "margin_deep_mm", 0.9, "0.9 mm"),
    # traps: a stalk's length or presence, an appendix base, a gross cut surface, a polyp's base
    ("stalk_trap_length", POL + "Stalk length 8 mm.", "margin_deep_mm", None, None),
    ("stalk_trap_long", POL + "Stalk: 8 mm long.", "margin_deep_mm", None, None),
    ("stalk_trap_present", POL + "Stalk: present, 6 mm.", "margin_deep", None, None),
    ("stalk_trap_measures", POL + "The stalk measures 6 mm in length.", "margin_deep_mm", None, None),
    ("base_trap_appendix", APP + "Margins:\n  Base: clear (5 mm)\n  Mesoappendix: clear\n", "margin_deep", None, None),
    ("base_trap_appendix_mm", APP + "Margins:\n  Base: clear (5 mm)\n  Mesoappendix: clear\n", "margin_deep_mm", None, None),
    ("base_trap_polyp_invasion", POL + "Carcinoma invades the base of the polyp.", "margin_deep", None, None),
    ("base_trap_crypts", NET + "Tumour nests lie at the base of the crypts.", "margin_deep", None, None),
    ("cut_surface_trap_gross", NET + "Cut surface: yellow nodule 6 mm, 2 mm from the mucosal surface.", "margin_deep_mm", None, None),
    ("cut_surface_trap_gross_lat", NET + "Cut surface: yellow nodule 6 mm, 2 mm from the mucosal surface.", "margin_lateral", None, None),
    # 6. CAP: the distance to the closest margin, the side on its own line
    ("cap_closest_after", CAP, "margin_deep_mm", 0.6, "0.6 mm"),
    ("cap_closest_after_status", CAP, "margin_deep", "negative", "Uninvolved"),
    ("cap_closest_before", NETL + "Margins: negative\n  Closest margin: deep\n  Distance to closest margin: 1.5 mm\n", "margin_deep_mm", 1.5, "1.5 mm"),
    ("cap_closest_specify", NETL + "Margins: Uninvolved by tumour\n  Distance from closest margin (mm): 0.4\n  Specify closest margin: vertical\n", "margin_deep_mm", 0.4, "0.4"),
    ("cap_closest_lateral", NETL + "Margins: Uninvolved by tumour\n  Distance of tumour from closest margin: 2 mm\n  Closest margin: lateral\n", "margin_lateral_mm", 2.0, "2 mm"),
    # traps: no side, or a side outside the dictionary
    ("cap_trap_no_side", NETL + "Margins: Uninvolved by tumour\n  Distance of tumour from closest margin: 0.6 mm\n", "margin_deep_mm", None, None),
    ("cap_trap_proximal", RES + "\nMargins: Uninvolved by tumour\n  Distance of tumour from closest margin: 60 mm\n  Closest margin: proximal\n", "margin_deep_mm", None, None),
    # 7. guards: one sentence, lists, tables, bounds, units (they held before this round)
    ("one_whereas", NET + "The lateral margin is involved whereas the deep margin is clear by 0.8 mm.", "margin_deep", "negative", "clear"),
    ("one_whereas_mm", NET + "The lateral margin is involved whereas the deep margin is clear by 0.8 mm.", "margin_deep_mm", 0.8, "0.8 mm"),
    ("one_whereas_lat", NET + "The lateral margin is involved whereas the deep margin is clear by 0.8 mm.", "margin_lateral", "positive", "involved"),
    ("one_comma_then_involved", NET + "Lateral margin clear (3 mm), deep margin involved.", "margin_deep", "positive", "involved"),
    ("one_comma_then_involved_mm", NET + "Lateral margin clear (3 mm), deep margin involved.", "margin_deep_mm", None, None),
    ("one_involves_and_from", NET + "The tumour involves the lateral margin and is 0.3 mm from the deep margin.", "margin_deep", "close", "0.3 mm"),
    ("list_dash", NET + "Margins — deep: negative (1.2 mm); peripheral: positive.", "margin_deep_mm", 1.2, "1.2 mm"),
    ("list_dash_lat", NET + "Margins — deep: negative (1.2 mm); peripheral: positive.", "margin_lateral", "positive", "positive"),
    ("table_pipe", NETL + "| Deep margin | Negative | 1.2 mm |\n| Peripheral margin | Positive | |\n", "margin_deep_mm", 1.2, "1.2 mm"),
    ("table_pipe_lat", NETL + "| Deep margin | Negative | 1.2 mm |\n| Peripheral margin | Positive | |\n", "margin_lateral", "positive", "Positive"),
    ("bound_less_than_01", NET + "Deep margin: less than 0.1 mm.", "margin_deep", "close", "less than 0.1 mm"),
    ("bound_at_least", NET + "Deep margin clear by at least 2 mm.", "margin_deep_mm", 2.0, "2 mm"),
    ("bound_gt", NET + "Deep margin > 1 mm.", "margin_deep", "negative", "1 mm"),
    ("bound_within_half", NET + "Tumour is within 0.5 mm of the deep margin.", "margin_deep", "close", "0.5 mm"),
    ("bound_within_one", NET + "Tumour within 1 mm of the deep margin.", "margin_deep", "negative", "1 mm"),
    ("unit_comma", NET + "Deep margin: 0,4 mm.", "margin_deep", "close", "0,4 mm"),
    ("unit_um", NET + "Tumour lies 350 µm from the deep margin.", "margin_deep_mm", 0.35, "350 µm"),
    ("unit_cm", NET + "Deep margin: tumour-free margin 0.2 cm.", "margin_deep_mm", 2.0, "0.2 cm"),
    ("vm0_paren", NETL + "Vertical margin (VM): VM0 (1.2 mm)\nHorizontal margin (HM): HM1\n", "margin_deep_mm", 1.2, "1.2 mm"),
    # traps that held: surface, muscularis propria, history, biopsy, proximal/distal, CRM
    ("trap_mucosal_surface", NET + "The tumour lies 0.2 mm below the mucosal surface.", "margin_deep_mm", None, None),
    ("trap_mp", NET + "The tumour is 1.5 mm from the muscularis propria.", "margin_deep", None, None),
    ("trap_history", "Clinical history: previous EMR of rectal NET, deep margin involved (0.1 mm).\n\nRectum, ESD scar: no residual tumour.", "margin_deep", None, None),
    ("trap_biopsy_edge", "Rectum, biopsy: well-differentiated neuroendocrine tumour, G1. Tumour extends to the deep edge of the biopsy.", "margin_deep", None, None),
    ("trap_biopsy_na", "Rectum, biopsy: well-differentiated neuroendocrine tumour, G1. Margins not applicable (biopsy).", "margin_deep", None, None),
    ("trap_proximal_distal", RES + "Proximal margin: 120 mm, clear. Distal margin: 25 mm, involved.", "margin_deep", None, None),
    ("trap_crm", RES + "CRM: clear, 4 mm.", "margin_deep_mm", None, None),
]


results, test_phrasing = phrasing_table(CASES)
