"""Phrasing variants for round f11 (margins, margin distances, LVI and PNI of the w11a-w11d
train cases, written by people who never saw the rules): each group written before its rule,
with traps that must stay null or unchanged."""

from test_extract import phrasing_table  # tests/ is on sys.path


NET_EMR = "Rectum, EMR: well-differentiated neuroendocrine tumour, G1, 6 mm, in the submucosa. "
NET_SNARE = "Rectum, cold snare polypectomy: neuroendocrine tumour, G1, 4 mm. "
ADENO_POLYP = "Sigmoid colon, polypectomy: adenocarcinoma, moderately differentiated, arising in an adenoma, pT1. "
ADENO_EMR = "Rectum, EMR: adenocarcinoma, moderately differentiated, invading the submucosa, pT1. "
APPENDIX = "Appendix, appendicectomy: well differentiated neuroendocrine tumour, WHO grade 1, 14 mm, at the tip. "

# (id, text, field, expected value (None: must stay null), a substring of the evidence)
CASES = [
    # LVI / PNI named by non-native or unusual words: "vessels invasion", "nerves invasion",
    # "nerve sheath infiltration"
    ("lvi_vessels_invasion_not_found", NET_EMR + "Vessels invasion (lymphatic and venous) is not found, also nerves invasion not found.",
     "lvi", "absent", "Vessels invasion"),
    ("pni_nerves_invasion_not_found", NET_EMR + "Vessels invasion (lymphatic and venous) is not found, also nerves invasion not found.",
     "pni", "absent", "nerves invasion"),
    ("lvi_vessels_invasion_present", NET_EMR + "Vessels invasion: present (D2-40).", "lvi", "present", "Vessels invasion"),
    ("pni_nerves_invasion_present", NET_EMR + "Nerves invasion is present.", "pni", "present", "Nerves invasion"),
    ("pni_nerve_sheath_dots", ADENO_EMR + "\nNerve sheath infiltration ................... none seen\n", "pni", "absent", "Nerve sheath infiltration"),
    ("pni_nerve_sheath_present", ADENO_EMR + "\nNerve sheath infiltration: present (focal).\n", "pni", "present", "Nerve sheath infiltration"),
    ("pni_nerve_sheath_upper", ADENO_EMR.upper() + "\nNERVE SHEATH INFILTRATION: NOT IDENTIFIED\n", "pni", "absent", "NERVE SHEATH INFILTRATION"),
    # traps: hypothetical, not assessable, and a nerve sheath that is not invaded by the tumour
    ("pni_nerves_trap_hypothetical", NET_EMR + "If nerves invasion were present, surgery would be advised.", "pni", None, None),
    ("pni_nerves_trap_unassessed", NET_EMR + "Nerves invasion cannot be assessed in this material.", "pni", None, None),
    ("pni_nerve_sheath_trap_tumour", NET_EMR + "A small incidental nerve sheath tumour is present nearby.", "pni", None, None),

    # margins named as a "line of resection" (Polish/German 'linia resekcji', 'Resektionslinie')
    ("margin_line_of_resection_lat", NET_EMR + "Lateral line of resection free from tumor cells (distance 3 mm).",
     "margin_lateral", "negative", "Lateral line of resection free"),
    ("margin_line_of_resection_lat_mm", NET_EMR + "Lateral line of resection free from tumor cells (distance 3 mm).",
     "margin_lateral_mm", 3.0, "3 mm"),
    ("margin_line_of_resection_vert_wrap", NET_EMR + "Lateral line of resection free (3 mm). Vertical line of\nresection free from tumor cells, distance 0,5 mm.",
     "margin_deep", "negative", "free from tumor cells"),
    ("margin_line_of_resection_vert_wrap_mm", NET_EMR + "Lateral line of resection free (3 mm). Vertical line of\nresection free from tumor cells, distance 0,5 mm.",
     "margin_deep_mm", 0.5, "0,5 mm"),
    ("margin_line_of_resection_deep_inv", NET_EMR + "Deep line of resection: involved by tumour.", "margin_deep", "positive", "involved"),
    ("margin_lines_of_resection_horizontal", NET_EMR + "Horizontal lines of resection are free.", "margin_lateral", "negative", "free"),
    # traps: a proximal line of resection, a line of resection of another organ
    ("margin_line_of_resection_trap_proximal", NET_EMR + "Proximal line of resection free from tumor cells.", "margin_lateral", None, None),
    ("margin_line_of_resection_trap_proximal_deep", NET_EMR + "Proximal line of resection free from tumor cells.", "margin_deep", None, None),

    # the diathermised / cauterised base or (deep) surface is the deep margin
    ("margin_diathermised_base_mm", NET_EMR + "The deep margin is clear:\nthe nearest tumour lies 1.2 mm from the diathermised base.",
     "margin_deep_mm", 1.2, "1.2 mm from the diathermised base"),
    ("margin_diathermized_base_close", NET_SNARE + "Tumour lies 0.4 mm from the diathermized base.", "margin_deep", "close", "0.4 mm"),
    ("margin_diathermised_deep_surface_mm", ADENO_EMR + "Carcinoma comes to within 0.2 mm of the diathermised deep surface.",
     "margin_deep_mm", 0.2, "0.2 mm"),
    ("margin_cauterised_surface_mm", ADENO_EMR + "Basal resection plane: cannot be assessed (diathermy artefact);\n  carcinoma 0.2 mm from cauterised surface.",
     "margin_deep_mm", 0.2, "0.2 mm from cauterised surface"),
    ("margin_cauterised_surface_status_kept", ADENO_EMR + "Basal resection plane: cannot be assessed (diathermy artefact);\n  carcinoma 0.2 mm from cauterised surface.",
     "margin_deep", "indeterminate", "cannot be assessed"),
    ("margin_deep_inked_surface", NET_EMR + "The tumour lies 1.5 mm from the deep inked surface.", "margin_deep_mm", 1.5, "1.5 mm"),
    ("margin_cauterized_surface_upper", NET_SNARE.upper() + "TUMOUR PRESENT AT THE CAUTERIZED SURFACE.", "margin_deep", "positive", "CAUTERIZED SURFACE"),
    # traps: an inked surface with no finding, the mucosal or serosal surface
    ("margin_surface_trap_inked", NET_EMR + "The deep surface is inked black and the mucosal edges orange.", "margin_deep", None, None),
    ("margin_surface_trap_mucosal", NET_EMR + "The tumour lies 0.3 mm below the mucosal surface.", "margin_deep_mm", None, None),
    ("margin_surface_trap_mucosal_lat", NET_EMR + "The tumour lies 0.3 mm below the mucosal surface.", "margin_lateral_mm", None, None),

    # a length over which a margin is involved is a width, not a distance to it
    ("margin_width_of_involvement", NET_EMR + "Tumour cells reach the cauterised base in A2 over a width of about 1.5 mm.",
     "margin_deep_mm", None, None),
    ("margin_width_of_involvement_status", NET_EMR + "Tumour cells reach the cauterised base in A2 over a width of about 1.5 mm.",
     "margin_deep", "positive", "reach"),
    ("margin_over_approx_wrap", NET_EMR + "The tumor is transected at the inked deep resection plane (over\napproximately 1 mm).",
     "margin_deep_mm", None, None),
    ("margin_over_length_upper", NET_EMR.upper() + "TUMOUR EXTENDS TO THE DEEP MARGIN OVER A LENGTH OF APPROX. 2 MM.",
     "margin_deep_mm", None, None),
    ("margin_for_a_distance_of", NET_EMR + "Tumour is present at the deep margin for a length of 0.8 mm.", "margin_deep_mm", None, None),
    # the plural verbs are the singular's; "do not reach" clears
    ("margin_reach_plural_upper", NET_EMR.upper() + "TUMOUR CELLS REACH THE CAUTERISED BASE.", "margin_deep", "positive", "REACH"),
    ("margin_abut_plural", NET_EMR + "Tumour nests abut the deep margin.", "margin_deep", "positive", "abut"),
    ("margin_do_not_reach", NET_EMR + "Tumour cells do not reach the deep margin (1.2 mm).", "margin_deep", "negative", "do not reach"),
    ("margin_do_not_touch", NET_EMR + "The tumour nests do not touch the lateral margin.", "margin_lateral", "negative", "do not touch"),
    # traps: a clearance "by over" a length is a distance (a lower bound), a distance after "of"
    ("margin_width_trap_by_over", NET_EMR + "The deep margin is clear by over 2 mm.", "margin_deep_mm", 2.0, "2 mm"),
    ("margin_width_trap_distance", NET_EMR + "The deep margin is clear, distance 1.5 mm.", "margin_deep_mm", 1.5, "1.5 mm"),

    # a distance "above" the deep margin (the invasive front lies 0.6 mm above the vertical margin)
    ("margin_above_vertical", ADENO_EMR + "VM0: the invasive front lies 0.6 mm above the vertical margin.", "margin_deep_mm", 0.6, "0.6 mm above"),
    ("margin_above_over_bound", ADENO_EMR + "\nNotes: VM0: the invasive front lies 0.6 mm above the vertical\n  margin.\n\nConclusion:\n"
     "Rectal adenocarcinoma, pT1b, VM0, with an invasive front less than 1 mm from the vertical margin.\n",
     "margin_deep_mm", 0.6, "0.6 mm"),
    ("margin_short_of_deep", NET_EMR + "Tumour stops 0.8 mm short of the deep margin.", "margin_deep_mm", 0.8, "0.8 mm"),
    ("margin_above_deep_status", NET_EMR + "The tumour lies 0.3 mm above the cauterised deep margin.", "margin_deep", "close", "0.3 mm"),
    # traps: a layer above which the tumour lies is not a margin; a size above is not a distance
    ("margin_above_trap_layer", NET_EMR + "The tumour lies 0.6 mm above the muscularis propria.", "margin_deep_mm", None, None),

    # a hedged positive word ("not clearly at ink") is no status: the distance decides
    ("margin_not_clearly_at_ink", ADENO_POLYP + "Ca <0.1 mm to stalk resection margin (within cautery zone), not clearly at ink.",
     "margin_deep", "close", "<0.1 mm"),
    ("margin_not_definitely_involved", ADENO_POLYP + "Carcinoma 0.3 mm from the stalk margin, not definitely involved.",
     "margin_deep", "close", "0.3 mm"),
    # (merged with f9: the distance that opens the next clause is this margin's, and with no status
    # word a distance of 1 mm or more is negative, docs/gold.md)
    ("margin_not_convincingly_at_ink", ADENO_POLYP + "The deep margin is not convincingly at ink; carcinoma lies 1.5 mm from it.",
     "margin_deep", "negative", "lies 1.5 mm from it"),
    # traps: a plain negation and a plain positive keep their status
    ("margin_hedge_trap_not_at_ink", ADENO_POLYP + "Carcinoma 0.3 mm from the stalk margin, not at ink.", "margin_deep", "negative", "not at ink"),
    ("margin_hedge_trap_at_ink", ADENO_POLYP + "Carcinoma is clearly at ink at the stalk margin.", "margin_deep", "positive", "at ink"),

    # a status word that belongs to LVI/PNI (or its stain) before a margin is not the margin's
    ("margin_status_of_lvi_stain", "RECTUM, LOW ANTERIOR RESECTION: NEUROENDOCRINE TUMOR, G2, 23 MM.\n"
     "Tumor emboli are present in thin-walled lymphatic channels (D2-40 positive) at the deep edge.",
     "margin_deep", None, None),
    ("margin_status_of_lvi_present", NET_EMR + "Tumour emboli are present in lymphatics at the deep edge of the tumour.",
     "margin_deep", None, None),
    ("margin_status_of_lvi_hyphen_wrap", "RECTUM, LOW ANTERIOR RESECTION: NEUROENDOCRINE TUMOR, G2, 23 MM.\n"
     "Sections show the tumour. Tumor emboli are present in thin-\nwalled lymphatic channels (D2-40 positive) at the deep edge;\n"
     "no venous invasion is seen.", "margin_deep", None, None),
    ("lvi_hyphen_wrap", NET_EMR + "Tumour emboli are not seen in thin-\nwalled channels; lymphovascular invasion is absent.", "lvi", "absent", "absent"),
    # trap: a dash that ends a label line is no hyphenated word
    ("pni_dash_label_trap", NET_EMR + "\nLymphovascular invasion -\nperineural invasion: present\n", "pni", "present", "present"),
    ("margin_status_of_pni_terse", "micro  polyp of rectal mucosa with a small neuroendocrine tumour\n"
     "no lymphovascular invasion seen d2 40 neg  no perineural invasion\n"
     "tumour 0.2 mm from the cauterised deep margin  lateral margin free 1.5 mm\n",
     "margin_deep", "close", "0.2 mm"),
    ("margin_status_of_pni_terse_lat", "micro  polyp of rectal mucosa with a small neuroendocrine tumour\n"
     "no lymphovascular invasion seen d2 40 neg  no perineural invasion\n"
     "tumour 0.2 mm from the cauterised deep margin  lateral margin free 1.5 mm\n",
     "margin_lateral", "negative", "free"),
    # traps: a status word of the margin after an LVI statement still counts
    ("margin_status_after_lvi_trap", NET_EMR + "No lymphovascular invasion, deep margin involved.", "margin_deep", "positive", "involved"),
    ("margin_status_before_name_trap", NET_EMR + "LVI absent. Clear deep margin (2 mm).", "margin_deep", "negative", "Clear"),

    # an appendicectomy's base is not a deep margin, however it is keyed
    ("margin_base_key_appendix", APPENDIX + "\nMARGIN_BASE=negative; 45 mm\nMARGIN_MESOAPPENDICEAL=negative; 6 mm\n", "margin_deep", None, None),
    ("margin_base_key_appendix_mm", APPENDIX + "\nMARGIN_BASE=negative; 45 mm\nMARGIN_MESOAPPENDICEAL=negative; 6 mm\n", "margin_deep_mm", None, None),
    ("margin_base_key_appendix_radial", APPENDIX + "\nMARGIN_BASE=negative; 45 mm\nMARGIN_MESOAPPENDICEAL=negative; 6 mm\n", "margin_radial_mm", 6.0, "6 mm"),
    ("margin_inked_base_appendix", APPENDIX + "Tumour 30 mm from the inked base.", "margin_deep_mm", None, None),
    # traps: the base of a polypectomy or EMR is its deep margin
    ("margin_base_key_polyp_trap", NET_SNARE + "\nMARGIN_BASE=involved\n", "margin_deep", "positive", "MARGIN_BASE=involved"),
    ("margin_inked_base_emr_trap", NET_EMR + "Tumour 0.4 mm from the inked base.", "margin_deep_mm", 0.4, "0.4 mm"),

    # a gross distance yields to the microscopic one (docs/gold.md)
    ("margin_gross_inspection_yields", "Frozen section: deep margin free of neoplasia (> 5 mm on gross inspection).\n\n"
     "Microscopy: " + ADENO_EMR + "Deep (basal) margin clear of carcinoma by 4.0 mm (microscopic).\n",
     "margin_deep_mm", 4.0, "4.0 mm"),
    ("margin_grossly_yields", NET_EMR + "The nodule lies grossly 1.5 mm from the deep margin. "
     "Microscopically the tumour is 0.9 mm from the deep margin.", "margin_deep_mm", 0.9, "0.9 mm"),
    ("margin_macroscopically_yields", NET_EMR + "Deep margin: clear, 3 mm macroscopically. Microscopic deep margin clearance 2.2 mm.",
     "margin_deep_mm", 2.2, "2.2 mm"),
    ("margin_gross_paren_yields", "GROSS: The nodule is 4 mm from the deep margin (gross).\n\nDIAGNOSIS: " + NET_EMR
     + "Deep margin clear, 3.5 mm.", "margin_deep_mm", 3.5, "3.5 mm"),
    # trap: a gross distance alone is still the distance
    ("margin_gross_alone_trap", NET_EMR + "Deep margin free of neoplasia (> 5 mm on gross inspection).", "margin_deep_mm", 5.0, "5 mm"),

    # an inverted conditional ("had there been ...") is hypothetical
    ("lvi_had_there_been", ADENO_POLYP + "Had there been any lymphovascular invasion I would simply offer a colectomy. "
     "Lymphovascular invasion: not identified.", "lvi", "absent", "not identified"),
    ("lvi_were_there", ADENO_POLYP + "Were there lymphovascular invasion, surgery would follow. No LVI is seen.", "lvi", "absent", "LVI"),
    ("pni_should_there_be", ADENO_POLYP + "Should there be perineural invasion on levels, we will issue an addendum.", "pni", None, None),
    # trap: a plain statement after "there" is a finding
    ("lvi_there_is_trap", ADENO_POLYP + "There has been lymphovascular invasion in the stalk (D2-40).", "lvi", "present", "lymphovascular invasion"),

    # an e-mail's quoted lines ("> ") wrap like any other line
    ("lvi_quoted_wrap", "> MICROSCOPY: " + ADENO_POLYP + "No lymphatic\n> or venous invasion is seen on H&E, D2-40 or elastic stain.\n",
     "lvi", "absent", "No lymphatic"),
    ("pni_quoted_wrap", "> DIAGNOSIS: " + ADENO_POLYP + "There is no perineural\n> or lymphovascular invasion.\n",
     "pni", "absent", "perineural"),
    # trap: a quoted line that is a line of its own stays one
    ("lvi_quoted_trap_own_line", "> DIAGNOSIS: " + ADENO_POLYP + "Margins clear, no\n> Lymphovascular invasion: present.\n",
     "lvi", "present", "present"),

    # exported "key: value" lines in lower case are lines of their own, "not_reported" states nothing
    ("pni_key_not_reported", "histotype: NET, well differentiated\nwho_grade: G1\nlvi: absent\npni: not_reported\nprior_pathology: none\n",
     "pni", None, None),
    ("lvi_key_lines", "histotype: NET, well differentiated\npn: not_applicable\nmargin_lateral: clear (1.5 mm)\nlvi: absent\n",
     "lvi", "absent", "lvi: absent"),
    ("margin_key_lines", "histotype: NET, well differentiated\npn: not_applicable\nmargin_lateral: clear (1.5 mm)\nlvi: absent\n",
     "margin_lateral", "negative", "clear"),
    ("pni_not_reported_prose", NET_EMR + "Perineural invasion: not reported.", "pni", None, None),
    ("lvi_key_pending_next_zero", "histotype: NET, well differentiated\nlvi: pending\nqc_flag: 0\n", "lvi", None, None),
    ("pni_key_see_comment_next_none", "histotype: NET, well differentiated\npni: see comment\nprior_pathology: none\n", "pni", None, None),
    ("pni_see_comment_answered", NET_EMR + "\nPerineural invasion: see comment.\nComment: perineural invasion is present at the deep edge.\n",
     "pni", "present", "perineural invasion is present"),
    # traps: a wrapped lower-case prose line still goes on; "none" after a key is its own value
    ("lvi_key_trap_wrap", NET_EMR + "There is no lymphovascular invasion in the sections\nexamined: all levels were reviewed.",
     "lvi", "absent", "no lymphovascular invasion"),
    ("pni_key_trap_none", "histotype: NET, well differentiated\npni: none\nprior_pathology: none\n", "pni", "absent", "pni: none"),
]


results, test_phrasing = phrasing_table(CASES)
