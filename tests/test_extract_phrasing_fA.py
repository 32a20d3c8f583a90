"""Margin phrasings of round fA (margins, margin distances), written before their rules.

Each group: the train phrasing rewritten three to five ways, then traps that must stay null or
unchanged. Same table format as tests/test_extract_phrasing.py.
"""

from test_extract import phrasing_table  # tests/ is on sys.path


NET = "Rectum, ESD: well-differentiated neuroendocrine tumour, G1. "
EFTR = "Rectum, EFTR: well-differentiated neuroendocrine tumour, G1. "
POLYP = "Sigmoid colon, polypectomy: adenocarcinoma arising in a tubulovillous adenoma. "
RAD = "Sigmoid colon, anterior resection: adenocarcinoma, moderately differentiated. "
ILEUM = "Terminal ileum, segmental resection: well-differentiated neuroendocrine tumor, G2. "

# (id, text, field, expected value (None: must stay null), a substring of the evidence)
CASES = [
    # a bare side word with a parenthesis before its value: "deep (adventitial): clear by 3 mm"
    ("side_paren_colon", EFTR + "Margins -\n   circumferential mucosal: tumour 600 µm from the lateral edge\n"
     "   deep (adventitial): clear by 3 mm\n", "margin_deep", "negative", "clear by 3 mm"),
    ("side_paren_colon_mm", EFTR + "Margins -\n   circumferential mucosal: tumour 600 µm from the lateral edge\n"
     "   deep (adventitial): clear by 3 mm\n", "margin_deep_mm", 3, "3 mm"),
    ("side_paren_colon_next_not_status", EFTR + "Margins -\n   circumferential mucosal: tumour 600 µm from the "
     "lateral edge\n   deep (adventitial): clear by 3 mm\n", "margin_lateral", "close", "600 µm"),
    ("side_paren_lateral_involved", NET + "Lateral (mucosal): involved by tumour.\n", "margin_lateral",
     "positive", "involved"),
    ("side_paren_spaces_status", ILEUM + "Margins\n  Mesenteric (radial)      negative; distance 0.3 cm\n",
     "margin_radial", "negative", "negative"),
    ("side_paren_spaces_status_mm", ILEUM + "Margins\n  Mesenteric (radial)      negative; distance 0.3 cm\n",
     "margin_radial_mm", 3, "0.3 cm"),
    ("side_paren_pipe_row", RAD + "| Margin | Status | Distance |\n| Radial (mesocolic)     | Negative   | 2.5 cm   |\n",
     "margin_radial", "negative", "Negative"),
    ("side_paren_pipe_row_mm", RAD + "| Margin | Status | Distance |\n| Radial (mesocolic)     | Negative   | 2.5 cm   |\n",
     "margin_radial_mm", 25, "2.5 cm"),
    ("side_paren_distance", NET + "Margins: deep and peripheral margins free of tumor, closest (deep) 1.5 mm.",
     "margin_deep_mm", 1.5, "1.5 mm"),
    ("meso_side_after_closest", RAD + "Margins: Uninvolved; closest = mesocolic, 4 mm\n", "margin_radial_mm", 4, "4 mm"),
    ("closest_eq_side", "Appendix, appendicectomy: neuroendocrine tumour, G1. Margins:   Uninvolved; "
     "closest = mesoappendiceal, 4 mm\n", "margin_radial_mm", 4, "4 mm"),
    ("closest_eq_side_deep", NET + "Margins: clear; nearest = deep, 0.8 mm\n", "margin_deep_mm", 0.8, "0.8 mm"),
    ("meso_side_colon_status", RAD + "Mesocolic: clear (15 mm)\n", "margin_radial", "negative", "clear"),
    ("trap_side_paren_invasion", NET + "Tumour invades the deep (submucosal) layer: 2 mm.", "margin_deep", None, None),
    ("trap_mesenteric_mass", ILEUM + "Firm mesenteric mass 2.5 cm.", "margin_radial", None, None),
    ("trap_mesenteric_nodes", ILEUM + "Mesenteric: 2/9 lymph nodes positive.", "margin_radial", None, None),
    # "resection plane" is a margin: "350 um from the cauterised vertical (submucosal) resection plane"
    ("plane_vertical_um", NET + "At its deepest point tumour lies 350 um from the cauterised vertical (submucosal) "
     "resection plane.", "margin_deep", "close", "350 um"),
    ("plane_vertical_um_mm", NET + "At its deepest point tumour lies 350 um from the cauterised vertical (submucosal) "
     "resection plane.", "margin_deep_mm", 0.35, "350 um"),
    ("plane_deep_mm", NET + "Tumour is 1.5 mm from the deep resection plane.", "margin_deep_mm", 1.5, "1.5 mm"),
    ("plane_mesocolic_wrapped", RAD + "Mesocolic (circumferential)\n   resection plane free, distance 11 mm.",
     "margin_radial", "negative", "free"),
    ("plane_mesocolic_wrapped_mm", RAD + "Mesocolic (circumferential)\n   resection plane free, distance 11 mm.",
     "margin_radial_mm", 11, "11 mm"),
    ("plane_distance_comma_cm", RAD + "Minimal distance to the mesocolic resection plane 1,1 cm.", "margin_radial_mm",
     11, "1,1 cm"),
    ("trap_plane_painted", RAD + "The mesocolic resection plane is painted green.", "margin_radial", None, None),
    ("trap_plane_inked", NET + "Resection plane inked.", "margin_lateral", None, None),
    # "Margin: clear; tumour 12 mm from it": the distance after the semicolon is that margin's
    ("semicolon_tumour_from_it", RAD + "Mesocolic (radial) margin: clear; tumour 12 mm from it.", "margin_radial_mm",
     12, "12 mm"),
    ("semicolon_carcinoma_lies", RAD + "Circumferential margin: negative; carcinoma lies 6 mm from the margin.",
     "margin_radial_mm", 6, "6 mm"),
    ("semicolon_the_tumour_is", NET + "Deep margin: free; the tumour is 2 mm from it.", "margin_deep_mm", 2, "2 mm"),
    ("semicolon_tumour_status_kept", NET + "Deep margin: free; the tumour is 0.5 mm from it.", "margin_deep",
     "negative", "free"),
    ("trap_semicolon_other_structure", RAD + "Radial margin: clear; tumour 12 mm from the serosa.",
     "margin_radial_mm", None, None),
    # the precursor's distance before the margin yields to the carcinoma's after it
    ("precursor_before_invasive_after", POLYP + "adenomatous component extends to within 0.5 mm of one lateral "
     "mucosal edge, invasive carcinoma 2 mm from it.", "margin_lateral_mm", 2, "2 mm"),
    ("precursor_before_invasive_after_status", POLYP + "adenomatous component extends to within 0.5 mm of one "
     "lateral mucosal edge, invasive carcinoma 2 mm from it.", "margin_lateral", "negative", "2 mm"),
    ("precursor_in_parenthesis", POLYP + "Lateral margin: negative (adenoma 1 mm from lateral edge, carcinoma\n"
     "4 mm). Deep margin: negative.", "margin_lateral_mm", 4, "4 mm"),
    ("precursor_dysplasia", POLYP + "Dysplasia lies 0.3 mm from the peripheral margin, the carcinoma 3 mm from it.",
     "margin_lateral_mm", 3, "3 mm"),
    ("trap_precursor_only", POLYP + "Adenoma 0.5 mm from the lateral margin.", "margin_lateral_mm", 0.5, "0.5 mm"),
    ("trap_carcinoma_first", POLYP + "Carcinoma 0.5 mm from the deep margin, adenoma 2 mm from it.",
     "margin_deep_mm", 0.5, "0.5 mm"),
    # "limits" of resection (French "limites"), "healthy" / "in safe tissue" (French "saine", "en zone saine")
    ("limits_healthy_at", NET + "Limits of resection: the lateral limits are healthy at 2 mm; the deep limit is "
     "healthy\nat 500 µm.", "margin_lateral", "negative", "healthy"),
    ("limits_healthy_at_mm", NET + "Limits of resection: the lateral limits are healthy at 2 mm; the deep limit is "
     "healthy\nat 500 µm.", "margin_lateral_mm", 2, "2 mm"),
    ("limit_deep_healthy_um", NET + "Limits of resection: the lateral limits are healthy at 2 mm; the deep limit is "
     "healthy\nat 500 µm.", "margin_deep_mm", 0.5, "500 µm"),
    ("limit_deep_healthy_status_wins", NET + "Limits of resection: the lateral limits are healthy at 2 mm; the deep "
     "limit is healthy\nat 500 µm.", "margin_deep", "negative", "healthy"),
    ("limit_safe_tissue", NET + "The deep limit of resection is in safe tissue at 0.6 mm. The lateral limits are\n"
     "healthy (more than 5 mm).", "margin_deep", "negative", "safe tissue"),
    ("limit_safe_tissue_mm", NET + "The deep limit of resection is in safe tissue at 0.6 mm. The lateral limits are\n"
     "healthy (more than 5 mm).", "margin_deep_mm", 0.6, "0.6 mm"),
    ("limit_more_than", NET + "The deep limit of resection is in safe tissue at 0.6 mm. The lateral limits are\n"
     "healthy (more than 5 mm).", "margin_lateral_mm", 5, "5 mm"),
    ("limit_label", NET + "Deep limit: healthy.\n", "margin_deep", "negative", "healthy"),
    ("limit_without_reaching", NET + "The tumour infiltrates the submucosa, without reaching the deep limit.",
     "margin_deep", "negative", "without reaching"),
    ("trap_normal_limits", NET + "Ki-67 within normal limits; lateral extent 4 mm.", "margin_lateral", None, None),
    ("trap_limit_of_detection", NET + "Below the limit of detection.", "margin_deep", None, None),
    # "reaches to within 1 mm of the CRM" is a distance, not involvement
    ("reaches_within_not_positive", RAD + "Tumour reaches to within 1 mm of the CRM (inked).", "margin_radial",
     "negative", "1 mm"),
    ("reaching_within_close", RAD + "Tumour reaching within 0.5 mm of the circumferential margin.", "margin_radial",
     "close", "0.5 mm"),
    ("reaches_still_positive", RAD + "Tumour reaches the circumferential margin.", "margin_radial", "positive",
     "reaches"),
    # ileal / colonic / bladder margins of a resection are longitudinal or another organ's: no field
    ("ileal_colonic_margins_no_lateral", "Small bowel: neuroendocrine tumour, G2. Margins: proximal/distal ileal and "
     "colonic margins free.", "margin_lateral", None, None),
    ("ileal_colonic_margins_no_deep", "Small bowel: neuroendocrine tumour, G2. Ileal and colonic margins free.",
     "margin_deep", None, None),
    ("ileal_resection_margin_no_field", "Small bowel: neuroendocrine tumour, G2. Ileal resection margin: clear.",
     "margin_lateral", None, None),
    ("bladder_margins_no_field", "Sigmoid colon: adenocarcinoma. Bladder margin clear.", "margin_deep", None, None),
    ("ileal_and_mesenteric_kept", "Small bowel: neuroendocrine tumour, G2. Ileal margins free. Mesenteric margin "
     "involved.", "margin_radial", "positive", "involved"),
    ("generic_margins_still_set", NET + "Margins free.", "margin_lateral", "negative", "free"),
    # an upper-case margin name wrapped over two lines
    ("caps_wrapped_radial", "SIGMOID COLON, ANTERIOR RESECTION: ADENOCARCINOMA.\n     - MARGINS: PROXIMAL, DISTAL AND "
     "BLADDER MARGINS CLEAR. RADIAL (NON-PERITONEALISED)\n       MARGIN CLEAR BY 1.5 MM.\n", "margin_radial_mm", 1.5,
     "1.5 MM"),
    ("caps_wrapped_deep", "RECTUM, ESD: NEUROENDOCRINE TUMOUR.\nCLOSEST IS THE DEEP (VERTICAL)\nMARGIN AT 0.4 MM.\n",
     "margin_deep", "close", "0.4 MM"),
    ("trap_caps_label_line_not_prefix", "RECTUM, ESD: NEUROENDOCRINE TUMOUR.\nDEPTH: SUBMUCOSA, DEEP\nMARGIN: CLEAR.\n",
     "margin_deep", None, None),
    # wrapped lines: a slash ends an unfinished line; "(6 mm)" on the next line belongs to the clause
    ("wrap_slash_paren", EFTR + "Complete resection in toto; lateral margin 7 mm, deep margin (muscularis propria/\n"
     "adventitia side) 2.6 mm: R0.\n", "margin_deep_mm", 2.6, "2.6 mm"),
    ("wrap_slash_paren_status", EFTR + "Complete resection in toto; lateral margin 7 mm, deep margin (muscularis "
     "propria/\nadventitia side) 2.6 mm: R0.\n", "margin_deep", "negative", "2.6 mm"),
    ("wrap_paren_length", "Polyp, hot snare: tubulovillous adenoma. The stalk resection margin is clear of adenoma\n"
     "(6 mm).\n", "margin_deep_mm", 6, "6 mm"),
    ("wrap_paren_length_um", NET + "The deep margin is clear\n(500 um).\n", "margin_deep_mm", 0.5, "500 um"),
    ("trap_wrap_paren_other_line", NET + "Deep margin: clear\n(Ki-67 2%).\n", "margin_deep_mm", None, None),
    # the margin of one fragment of a piecemeal specimen is not the specimen's margin
    ("fragment_base_not_positive", "Ascending colon, piecemeal EMR: adenocarcinoma. The carcinoma reaches the diathermied "
     "base of fragment A; as the lesion was removed piecemeal the deep and lateral excision margins can't be assessed "
     "reliably.", "margin_deep", "indeterminate", "can't be assessed"),
    ("fragment_margin_alone", "Rectum, piecemeal EMR: adenocarcinoma. Tumour extends to the deep margin of one piece.",
     "margin_deep", None, None),
    ("fragment_edge_each", "Rectum, piecemeal EMR: adenoma. The lateral edges of each fragment are involved.",
     "margin_lateral", None, None),
    ("base_still_positive", "Rectum, EMR: adenocarcinoma. The carcinoma reaches the diathermied base.", "margin_deep",
     "positive", "reaches"),
    # an addendum that re-reads a margin as involved supersedes the distance of the original reading
    ("addendum_positive_drops_distance", "MICROSCOPIC DESCRIPTION:\nWell-differentiated neuroendocrine tumour, G1. "
     "The deep margin is clear, tumour 0.5 mm from it.\nADDENDUM:\nOn deeper levels tumour cells are present at the "
     "deep margin. The deep margin is re-classified as INVOLVED.\n", "margin_deep_mm", None, None),
    ("addendum_positive_status", "MICROSCOPIC DESCRIPTION:\nWell-differentiated neuroendocrine tumour, G1. "
     "The deep margin is clear, tumour 0.5 mm from it.\nADDENDUM:\nOn deeper levels tumour cells are present at the "
     "deep margin. The deep margin is re-classified as INVOLVED.\n", "margin_deep", "positive", "INVOLVED"),
    ("addendum_positive_lateral", "Micro: Well differentiated neuroendocrine tumour, 6.5 mm. Peripheral (mucosal) "
     "margins appear clear, tumour nearest at 0.4 mm.\nADDENDUM (23/11/2026)\nRevised: lateral margin INVOLVED.\n",
     "margin_lateral_mm", None, None),
    ("addendum_clear_keeps_distance", "Micro: Well differentiated neuroendocrine tumour. Deep margin clear by 1.2 mm."
     "\nADDENDUM (23/11/2026)\nRevised: lateral margin INVOLVED. Deep margin remains clear (1.2 mm).\n",
     "margin_deep_mm", 1.2, "1.2 mm"),
    ("no_addendum_keeps_distance", NET + "Deep margin: involved. Lateral margin clear by 0.4 mm.",
     "margin_lateral_mm", 0.4, "0.4 mm"),
    # a bound ("< 1 mm") summarises: an exact distance within it wins
    ("bound_yields_to_exact", "MICROSCOPY: Adenocarcinoma in a polyp. The carcinoma lies 0.6 mm from the diathermied "
     "deep margin, which is clear.\nCONCLUSION: Sigmoid EMR, adenocarcinoma. Completely excised but < 1 mm to deep "
     "margin.\n", "margin_deep_mm", 0.6, "0.6 mm"),
    ("bound_less_than_yields", "DIAGNOSIS: Rectum, ESD: neuroendocrine tumour. Deep margin clear, less than 1 mm.\n"
     "MICROSCOPY: Tumour 0.3 mm from the deep margin.\n", "margin_deep_mm", 0.3, "0.3 mm"),
    ("trap_bound_alone", NET + "Carcinoma lies < 0.1 mm from the deep margin.", "margin_deep_mm", 0.1, "0.1 mm"),
    ("trap_bound_not_satisfied", "DIAGNOSIS: Rectum, ESD: neuroendocrine tumour. Deep margin clear, less than 1 mm.\n"
     "MICROSCOPY: Tumour 1.5 mm from the deep margin.\n", "margin_deep_mm", 1, "1 mm"),
    # "Adenoma present at margin; carcinoma clear": the carcinoma's status after the semicolon
    ("precursor_then_carcinoma_clear", POLYP + "Mucosal/lateral margin ......... Adenoma present at margin; carcinoma "
     "clear\n", "margin_lateral", "negative", "carcinoma clear"),
    ("precursor_then_invasive_clear_of", POLYP + "Peripheral margin: adenoma extends to the margin; invasive carcinoma "
     "is clear of it.\n", "margin_lateral", "negative", "clear of"),
    ("precursor_then_the_carcinoma_free", POLYP + "Lateral margin: dysplasia at the margin; the carcinoma is free.\n",
     "margin_lateral", "negative", "free"),
    ("trap_precursor_then_other_margin", POLYP + "Lateral margin: adenoma present at margin; carcinoma involves the "
     "deep margin.\n", "margin_lateral", None, None),
    ("trap_paren_then_stage_line", "Rectum, TAMIS: adenocarcinoma. Deep margin: free (muscularis propria included, "
     "3 mm)\npT1\n", "pt", "pT1", "pT1"),
    ("trap_caps_prev_line_bare_side", ILEUM + "Margins\n  Proximal / distal        negative (6 cm closest)\n"
     "  Mesenteric (radial)      negative; distance 0.3 cm\n", "margin_radial", "negative", "Mesenteric (radial)"),
    ("trap_proximal_paren_row", RAD + "| Proximal (colonic)     | Negative   | 14 cm   |\n", "margin_radial_mm", None, None),
]

ALL = CASES


results, test_phrasing = phrasing_table(ALL)


def test_wrapped_parenthesis_lines():
    """A line ending in ")" wraps onto a lower-case continuation, never onto a stage-code line."""
    from pipeline.sections import sentence_starts

    wrapped = "Mesocolic (circumferential)\n   resection plane free, distance 11 mm."
    assert wrapped.index("resection") not in sentence_starts(wrapped)
    coded = "Deep margin: free (muscularis propria included, 3 mm)\npT1\n"
    assert coded.index("pT1") in sentence_starts(coded)
    slash = "deep margin (muscularis propria/\nadventitia side) 2.6 mm"
    assert slash.index("adventitia") not in sentence_starts(slash)


def test_margin_name_not_taken_from_previous_table_row(results):
    """Only a bare "margin" opening a line takes its name from the line before: the row above
    a "Mesenteric (radial)" row is not part of its name."""
    finding = results["trap_caps_prev_line_bare_side"].margin_radial
    assert [span.text.split()[0] for span in finding.evidence] == ["Mesenteric"]
