"""Phrasing variants for depth and SM invasion depth from the w11 train cases (fix-f13), with the
rule writer's own variants (other wording, case, units, wraps) and traps that must not change.
No test-split case was read.

Conventions (docs/gold.md): depth is the deepest layer the tumour invades (on a biopsy, the
deepest layer the sample shows infiltrated); SM invasion is a depth in µm, measured down from
the muscularis mucosae (from the surface only when the muscularis mucosae cannot be identified);
a criterion ("SM1, < 1000 µm") is not a measurement; another report's figure is not a finding of
this report.
"""

from test_extract import phrasing_table  # tests/ is on sys.path


ADENO = "Rectum, EMR: adenocarcinoma arising in a tubulovillous adenoma, moderately differentiated.\n"
NET = "Rectum, EMR: well differentiated neuroendocrine tumour, WHO grade 1.\n"
BX = "Rectum, 8 cm, biopsy:\n- Well-differentiated neuroendocrine tumor (carcinoid).\n\nCOMMENT:\n"

# (id, text, field, expected value (None: must stay null), a substring of the evidence)

# 1. A JSCCR SM level with the 1000 µm cut-off written as a bound is the level's definition, not a
#    measurement (w11c_cn_esd_sm1_criterion); a number after the level is still read.
SM_CODE = [
    ("smcode_lt_glued", "(Descending colon, ESD) well-differentiated adenocarcinoma, invading\nthe submucosa "
     "superficially (SM1, <1000μm).", "sm_invasion_um", None, None),
    ("smcode_lt_glued_depth", "(Descending colon, ESD) well-differentiated adenocarcinoma, invading\nthe submucosa "
     "superficially (SM1, <1000μm).", "depth", "submucosa", "submucosa"),
    ("smcode_lt_space", ADENO + "Depth: SM1 (< 1000 um).", "sm_invasion_um", None, None),
    ("smcode_ge", ADENO + "pT1b (SM2, ≥1000 µm).", "sm_invasion_um", None, None),
    ("smcode_ge_depth", ADENO + "pT1b (SM2, ≥1000 µm).", "depth", "submucosa", "SM2"),
    ("smcode_gt_upper", ADENO.upper() + "PT1B (SM >1000 UM).", "sm_invasion_um", None, None),
    # kept: a measured number after the level
    ("smcode_value", ADENO + "pT1b (SM 1500 µm).", "sm_invasion_um", 1500, "1500"),
    ("smcode_value_level", ADENO + "pT1a (SM1, 800 µm).", "sm_invasion_um", 800, "800"),
    ("smcode_value_1000", ADENO + "pT1b (SM 1000 µm).", "sm_invasion_um", 1000, "1000"),
]

# 2. The reference the depth is measured from, written between the label and the number
#    ("the depth of invasion, measured from the lower border of the muscularis mucosae, is 0.8 mm";
#    w11c_addendum_remeasure, w11c_multipart_esd_a).
SM_REFERENCE = [
    ("smref_lower_border", ADENO + "It invades the superficial submucosa; the depth of invasion, measured from the "
     "lower border of the muscularis mucosae, is 0.8 mm on the present sections.", "sm_invasion_um", 800, "0.8 mm"),
    ("smref_now_wrapped", ADENO + "Levels on blocks 3-5.\nThe maximum depth of submucosal invasion, from the lower "
     "border of the muscularis mucosae,\nis now 1400 microns.", "sm_invasion_um", 1400, "1400 microns"),
    ("smref_maximal_depth", ADENO + "Carcinoma infiltrates the superficial submucosa; the maximal depth, measured "
     "from the lower border of the muscularis mucosae, is 400 micrometres.", "sm_invasion_um", 400, "400 micrometres"),
    ("smref_paren", ADENO + "Depth of invasion (measured from the muscularis mucosae) 1.2 mm.", "sm_invasion_um",
     1200, "1.2 mm"),
    ("smref_lower_edge_upper", ADENO.upper() + "DEPTH OF INVASION, AS MEASURED FROM THE LOWER EDGE OF THE MUSCULARIS "
     "MUCOSAE, IS 1.1 MM.", "sm_invasion_um", 1100, "1.1 MM"),
    ("smref_depth_kept", ADENO + "It invades the superficial submucosa; the depth of invasion, measured from the "
     "lower border of the muscularis mucosae, is 0.8 mm.", "depth", "submucosa", "submucosa"),
    # traps: measured from the surface; a margin distance after the clause; no number
    ("smref_trap_surface", ADENO + "The depth of invasion, measured from the mucosal surface, is 2.5 mm.",
     "sm_invasion_um", None, None),
    ("smref_trap_no_number", ADENO + "The depth of invasion, measured from the lower border of the muscularis "
     "mucosae, cannot be given; the carcinoma is 1.5 mm from the deep margin.", "sm_invasion_um", None, None),
    ("smref_trap_margin_after", ADENO + "The depth of invasion, measured from the muscularis mucosae, is "
     "1.5 mm from the deep margin.", "sm_invasion_um", None, None),
]

# 3. "invading the submucosa to 400 micrometres below the muscularis mucosae" (w11c_multipart_esd_a)
SM_BELOW = [
    ("smbelow_submucosa_to", "A. Rectum, 10 cm, ESD:\n   - Adenocarcinoma, well differentiated, arising in a "
     "tubulovillous adenoma, invading the\n     submucosa to 400 micrometres below the muscularis mucosae (sm1).",
     "sm_invasion_um", 400, "400 micrometres"),
    ("smbelow_depth_of", ADENO + "The carcinoma invades the submucosa to a depth of 1.5 mm below the muscularis "
     "mucosae.", "sm_invasion_um", 1500, "1.5 mm"),
    ("smbelow_superficial", ADENO + "Invading the superficial submucosa to 600 µm beneath the muscularis mucosae.",
     "sm_invasion_um", 600, "600 µm"),
    ("smbelow_upper", ADENO.upper() + "INFILTRATES THE SUBMUCOSA TO 2 MM BELOW THE MUSCULARIS MUCOSAE.",
     "sm_invasion_um", 2000, "2 MM"),
    # traps: no invasion word; a margin
    ("smbelow_trap_cyst", ADENO + "A mucin cyst lies in the submucosa to 1 mm below the muscularis mucosae.",
     "sm_invasion_um", None, None),
]

# 4. Measured from the surface where the muscularis mucosae is effaced / destroyed / absent (JSCCR
#    measures from the surface then; w11c_consult_letter_surface)
SM_SURFACE = [
    ("smsurf_effaced", ADENO + "pT1; depth of SM invasion 1800 um (measured from the surface, muscularis mucosae "
     "effaced).", "sm_invasion_um", 1800, "1800 um"),
    ("smsurf_absent", ADENO + "Depth of submucosal invasion: 2.1 mm from the surface (muscularis mucosae absent at "
     "the invasive front).", "sm_invasion_um", 2100, "2.1 mm"),
    ("smsurf_destroyed", ADENO + "SM invasion depth 1.6 mm measured from the surface, as the muscularis mucosae is "
     "destroyed by the carcinoma.", "sm_invasion_um", 1600, "1.6 mm"),
    ("smsurf_no_identifiable", ADENO + "Depth of submucosal invasion 2500 µm from the surface (no identifiable "
     "muscularis mucosae).", "sm_invasion_um", 2500, "2500 µm"),
    # traps: a surface measurement where the muscularis mucosae is there
    ("smsurf_trap_intact", ADENO + "Depth of invasion 2.8 mm below the surface epithelium; muscularis mucosae intact.",
     "sm_invasion_um", None, None),
    ("smsurf_trap_plain", ADENO + "Submucosal invasion depth 2.8 mm from the surface.", "sm_invasion_um", None, None),
]

# 5. Another report's figure (a consultant's letter quoting the local report) is history; a value
#    revised in its own sentence ("(previously reported as 0.8 mm)") is the current one.
LETTER = ("Dear Dr Mensah,\n\nThank you for sending the slides from the endoscopic mucosal resection of a 22 mm "
          "sessile lesion in the descending colon. {local}\n\nI agree that there is invasive adenocarcinoma "
          "arising in a tubulovillous adenoma, moderately differentiated.\n\nIn summary:\n  Descending colon, EMR: "
          "adenocarcinoma arising in a tubulovillous adenoma; pT1; depth of SM invasion 1800 um (measured from "
          "the surface, muscularis mucosae effaced); deep margin clear (1.1 mm).\n")
SM_OTHER_REPORT = [
    ("smrep_local", LETTER.format(local="Your local report described a malignant polyp with submucosal invasion to "
                                  "a depth of 0.9 mm."), "sm_invasion_um", 1800, "1800 um"),
    ("smrep_outside_pathology", LETTER.format(local="The outside pathology report gave a submucosal invasion depth "
                                              "of 0.9 mm."), "sm_invasion_um", 1800, "1800 um"),
    ("smrep_referral", LETTER.format(local="The referral report records an SM depth of 900 µm."),
     "sm_invasion_um", 1800, "1800 um"),
    ("smrep_only_local", ADENO + "Your local report described submucosal invasion to a depth of 0.9 mm. The levels "
     "sent do not show the invasive front.", "sm_invasion_um", None, None),
    ("smrep_revised_paren", ADENO + "Revised summary line: pT1, SM depth 1400 microns (previously reported as "
     "0.8 mm), deep margin clear at 1.1 mm.", "sm_invasion_um", 1400, "1400 microns"),
    ("smrep_revised_margin", ADENO + "Deep margin: involved (previously reported as clear).", "margin_deep",
     "positive", "involved"),
    # traps: history stays history
    ("smrep_trap_previously", ADENO + "Submucosal invasion of 1.2 mm was previously reported on the biopsy.",
     "sm_invasion_um", None, None),
    ("smrep_trap_original", ADENO + "The original report gave an SM depth of 1.2 mm.", "sm_invasion_um", None, None),
]

# 6. A label naming the depth below the muscularis mucosae ("Vertical extent of infiltration below
#    MM .... 0.65 mm"; w11c_syn_oddlabels_emr), and a background lesion label that names the
#    precursor, not the tumour.
SYN = ("Micro: Tubular adenoma with high-grade dysplasia. At the base of the lesion there is invasive "
       "adenocarcinoma, crossing\nthe muscularis mucosae into superficial submucosa.\n\n"
       "SUMMARY DATA\n"
       "Background neoplasm ......................... tubular adenoma, HGD, 14 mm\n"
       "Invasive lesion, max extent ................. 7 mm\n"
       "Differentiation (worst area) ................ moderate\n"
       "Layer reached ............................... submucosa\n")
SM_LABEL = [
    ("smlabel_vertical_extent", SYN + "Vertical extent of infiltration below MM .... 0.65 mm\n"
     "Horizontal spread of invasive front (width) . 3.5 mm\n", "sm_invasion_um", 650, "0.65 mm"),
    ("smlabel_depth_below_mm", ADENO + "Depth below muscularis mucosae: 1.1 mm\n", "sm_invasion_um", 1100, "1.1 mm"),
    ("smlabel_invasion_below_mm", ADENO + "Invasion below MM: 650 µm\n", "sm_invasion_um", 650, "650 µm"),
    ("smlabel_vertical_unit", ADENO + "Vertical extent of invasion beyond the muscularis mucosae (µm): 900\n",
     "sm_invasion_um", 900, "900"),
    ("smlabel_extent_from_lower_border", ADENO + "Extent of infiltration from the lower border of the muscularis "
     "mucosae = 1.3 mm\n", "sm_invasion_um", 1300, "1.3 mm"),
    # traps: a width, a criterion, a margin, mm as a unit
    ("smlabel_trap_width", SYN + "Horizontal spread of invasive front (width) . 3.5 mm\n", "sm_invasion_um", None, None),
    ("smlabel_trap_criterion", SYN + "Deep invasion criterion (>= 1000 um) ........ not met\n", "sm_invasion_um",
     None, None),
    ("smlabel_trap_margin", SYN + "Vertical margin ............................. clear - 1.5 mm\n", "sm_invasion_um",
     None, None),
    ("smlabel_trap_prose", ADENO + "The carcinoma shows invasion below the muscularis mucosae, 3 mm from the deep margin.",
     "sm_invasion_um", None, None),
]
BACKGROUND = [
    ("bg_histology", SYN, "histology", "adenocarcinoma", "adenocarcinoma"),
    ("bg_depth", SYN, "depth", "submucosa", "submucosa"),
    ("bg_grade", SYN, "grade", "G2", "moderate"),
    ("bg_precursor_label", "Microscopy: tubulovillous adenoma with a focus of invasive adenocarcinoma in the "
     "submucosa.\n\nSYNOPTIC\nPrecursor lesion: tubulovillous adenoma\nInvasive lesion size: 4 mm\n",
     "histology", "adenocarcinoma", "adenocarcinoma"),
    ("bg_associated_label", "Microscopy: invasive adenocarcinoma infiltrating the submucosa.\n\nSUMMARY\n"
     "Associated polyp: tubular adenoma, 12 mm\nTumour site: sigmoid colon\n", "histology", "adenocarcinoma",
     "adenocarcinoma"),
    # traps: a background lesion alone is still what the report shows; a stated tumour type wins anyway
    ("bg_trap_only", "SUMMARY\nBackground neoplasm: tubular adenoma with low-grade dysplasia, 6 mm\n"
     "Invasive carcinoma: not identified\n", "histology", "adenoma", "tubular adenoma"),
    ("bg_trap_hp", "SUMMARY\nBackground mucosa: unremarkable\nPolyp: hyperplastic polyp, 4 mm\n", "histology",
     "other", "hyperplastic polyp"),
]

# 7. Depth on a biopsy: a layer the tumour lies in, "included in the sample", is sampled and
#    infiltrated, not spared (w11b_rnet_biopsy); a bare "included" stays a negation.
DEPTH_SAMPLED = [
    ("sampled_present_in", BX + "Tumor nests are present in the lamina propria and in the small amount of superficial\n"
     "submucosa included in the sample.", "depth", "submucosa", "submucosa"),
    ("sampled_seen_in", BX + "Tumour cells are seen in the submucosa included in the fragments.", "depth",
     "submucosa", "submucosa"),
    ("sampled_located", BX + "The tumour is located in the deep mucosa and the submucosa included in the biopsy.",
     "depth", "submucosa", "submucosa"),
    ("sampled_found_upper", BX.upper() + "TUMOUR NESTS ARE FOUND IN THE SUBMUCOSA INCLUDED IN THE BIOPSY.", "depth",
     "submucosa", "SUBMUCOSA"),
    # traps: the layer is sampled but free, or not sampled at all
    ("sampled_trap_no", BX + "Tumor nests are present in the lamina propria, with no submucosa included in the sample.",
     "depth", "mucosa", "lamina propria"),
    ("sampled_trap_free", BX + "Tumour is present in the lamina propria. Submucosa included in the biopsy, free of "
     "tumour.", "depth", "mucosa", "lamina propria"),
    ("sampled_trap_not_present", BX + "Tumour is not present in the submucosa included in the biopsy; it lies in the "
     "lamina propria.", "depth", "mucosa", "lamina propria"),
    ("sampled_trap_mp", BX + "Tumour cells are present in the submucosa; muscularis propria included in the specimen.",
     "depth", "submucosa", "submucosa"),
]

# 8. Dictated "sub mucosa" (speech recognition splits the word; w11d_voice_transcript)
DEPTH_SPLIT = [
    ("split_sub_mucosa", NET + "Microscopic description: the tumour is centred in the sub mucosa and measures 6 mm.",
     "depth", "submucosa", "sub mucosa"),
    ("split_invading_wrapped", NET + "Conclusion: well differentiated neuroendocrine tumour comma invading\n"
     "sub mucosa comma completely excised.", "depth", "submucosa", "sub mucosa"),
    ("split_hyphen", NET + "The tumour infiltrates the sub-mucosa.", "depth", "submucosa", "sub-mucosa"),
    ("split_mucosal", NET + "There is sub mucosal infiltration by the tumour.", "depth", "submucosa", "sub mucosal"),
    ("split_upper", NET.upper() + "TUMOUR INVADES THE SUB MUCOSA.", "depth", "submucosa", "SUB MUCOSA"),
    # traps: the lift, a negated layer
    ("split_trap_lift", NET + "Removed by EMR after sub mucosal lift. The tumour is confined to the mucosa.",
     "depth", "mucosa", "mucosa"),
    ("split_trap_negated", NET + "The tumour is confined to the mucosa; the sub mucosa is not involved.", "depth",
     "mucosa", "mucosa"),
]

# 9. A line-numbered printout: the number column is not text, so a phrase wrapped across two
#    numbered lines reads as one ("muscularis" / "0022    mucosae"; w11d_frozen_final_lineno).
NUMBERED = [
    "HOSPITAL - ANATOMIC PATHOLOGY                                                 Page 1 of 1",
    "Specimen: Rectal lesion, transanal endoscopic microsurgery (TEM), full-thickness",
    "",
    "Microscopy: Tubulovillous adenoma with high-grade dysplasia. In the depressed area",
    "  there is a focus of well differentiated adenocarcinoma (tub1) which is",
    "  invading the submucosa; greatest dimension of the invasive focus 6 mm;",
    "  depth of submucosal invasion 800 um from the lower border of the muscularis",
    "  mucosae (sm1). Budding: BD1 (1 bud per 0.785 mm2). No lymphatic or venous",
    "  invasion on D2-40 and elastica. No perineural invasion. Muscularis propria free.",
    "  Deep (basal) margin clear of carcinoma by 4.0 mm (microscopic).",
    "",
    "DIAGNOSIS",
    "  Rectum, TEM local excision: adenocarcinoma, well differentiated (G1).",
    "  pT1 (sm1, 800 um), pNX. Deep margin 4.0 mm, lateral 6 mm: R0.",
]

FROZEN = [
    "HOSPITAL - ANATOMIC PATHOLOGY                                                 Page 1 of 1",
    "INTRAOPERATIVE CONSULTATION (frozen section):",
    "  Villous adenoma with high-grade dysplasia. Deep margin free of neoplasia (> 5 mm on gross",
    "  inspection).",
]


def numbered(lines: list[str], fmt: str = "{:04d}  ") -> str:
    return "\n".join((fmt.format(i) + line).rstrip() for i, line in enumerate(lines, 1)) + "\n"


LINE_NUMBERS = [
    ("lineno_depth", numbered(NUMBERED), "depth", "submucosa", "submucosa"),
    ("lineno_sm", numbered(NUMBERED), "sm_invasion_um", 800, "800 um"),
    ("lineno_plain_numbers", numbered(NUMBERED, "{:>3} "), "depth", "submucosa", "submucosa"),
    ("lineno_bar", numbered(NUMBERED, "{:>4} | "), "depth", "submucosa", "submucosa"),
    ("lineno_pt", numbered(NUMBERED), "pt", "pT1", "pT1"),
    # the headings of a numbered printout are headings: the final diagnosis outranks the frozen section
    ("lineno_headings", numbered(FROZEN + NUMBERED[2:]), "margin_deep_mm", 4.0, "4.0 mm"),
    # a line end kept because the next line holds a label still joins "muscularis" / "mucosae"
    ("wrap_mm_depth", ADENO + "Depth of submucosal invasion 800 um from the lower border of the muscularis\n"
     "mucosae (sm1). Budding: BD1.", "depth", "submucosa", "submucosa"),
    ("wrap_mm_below", ADENO + "Invasion extends 1.8 mm below the muscularis\n  mucosae (sm2). Budding: BD1.",
     "sm_invasion_um", 1800, "1.8 mm"),
    ("wrap_mp", ADENO + "The carcinoma invades the muscularis\npropria (pT2). Budding: BD1.", "depth",
     "muscularis_propria", "muscularis"),
    # traps: numbered specimen parts are part labels, not a number column; a report whose lines
    # are not all numbered in sequence keeps its numbers
    ("lineno_trap_parts", "1. Rectum, EMR: adenocarcinoma invading the submucosa.\n2. Sigmoid colon, polypectomy: "
     "hyperplastic polyp.\n3. Caecum, biopsy: normal mucosa.\n4. Ascending colon, biopsy: normal mucosa.\n"
     "5. Transverse colon, biopsy: normal mucosa.\n", "depth", "submucosa", "submucosa"),
    ("lineno_trap_parts_site", "1. Rectum, EMR: adenocarcinoma invading the submucosa.\n2. Sigmoid colon, "
     "polypectomy: hyperplastic polyp.\n3. Caecum, biopsy: normal mucosa.\n4. Ascending colon, biopsy: normal "
     "mucosa.\n5. Transverse colon, biopsy: normal mucosa.\n", "site", "rectum", "Rectum"),
    ("lineno_trap_sizes", ADENO + "12  fragments, the largest 4 mm.\n13  Tumour invades the submucosa.\n",
     "depth", "submucosa", "submucosa"),
]

# 10. pT written the way the depth's own sentences write it: lower-case dictation glued ("4 mm
#     submucosa  pt1a", w11d_lowercase_terse) or spelled out by speech recognition ("p T 1 a",
#     w11d_voice_transcript).
TERSE = "dx  rectum cold snare polypectomy  well differentiated neuroendocrine tumour grade 1\n"
DICTATED = ("conclusion colon rectum comma endoscopic mucosal resection colon\nwell differentiated neuroendocrine "
            "tumour comma WHO grade 1 comma 6 mm comma invading\nsub mucosa comma completely excised full stop {stage} "
            "full stop new paragraph\n")
STAGE_SPELLED = [
    ("pt_lower_glued", TERSE + "4 mm  submucosa  pt1a\n", "pt", "pT1a", "pt1a"),
    ("pt_lower_with_pn", TERSE + "4 mm  submucosa  pt1b pn0\n", "pt", "pT1b", "pt1b"),
    ("pt_lower_pt2", "micro  adenocarcinoma invading muscularis propria  pt2 pn0\n", "pt", "pT2", "pt2"),
    ("pt_dictated", DICTATED.format(stage="p T 1 a"), "pt", "pT1a", "p T 1 a"),
    ("pt_dictated_plain", DICTATED.format(stage="p T 1"), "pt", "pT1", "p T 1"),
    ("pt_dictated_pn", DICTATED.format(stage="p T 2 p N 0"), "pn", "pN0", "p N 0"),
    # traps: "pt" the patient, "ptx", a spaced t without p
    ("pt_trap_patient", "pt  redacted  dob redacted\n" + TERSE + "4 mm  submucosa\n", "pt", None, None),
    ("pt_trap_ptx", "clin  history of ptx 2019\n" + TERSE + "4 mm  submucosa\n", "pt", None, None),
    ("pt_trap_pt_number", "pt 1 of 2 specimens\n" + TERSE + "4 mm  submucosa\n", "pt", None, None),
    ("pt_trap_t_weighted", DICTATED.format(stage="MRI T 2 weighted images reviewed"), "pt", None, None),
]

ALL = SM_CODE + SM_REFERENCE + SM_BELOW + SM_SURFACE + SM_OTHER_REPORT + SM_LABEL + BACKGROUND + DEPTH_SAMPLED \
    + DEPTH_SPLIT + LINE_NUMBERS + STAGE_SPELLED

results, test_phrasing = phrasing_table(ALL)
