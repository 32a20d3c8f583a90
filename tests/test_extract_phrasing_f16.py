"""Phrasing variants for the w12a train cases (fix-f16): a comment that revises the diagnosis
line, a past medical history heading, a 'tumour-free' margin statement that is no size, the
requesting clinician's size in a reply letter, a distance 'away from' a margin in µm with a
thousands comma, and 'reaches with a minimal safety distance of ... to' (a distance, not
involvement).

Each group ends with traps that must stay null or unchanged.
"""

from test_extract import phrasing_table  # tests/ is on sys.path


NET_EMR = ("DIAGNOSIS:\nRECTUM, NODULE, ENDOSCOPIC MUCOSAL RESECTION:\n"
           "- WELL-DIFFERENTIATED NEUROENDOCRINE TUMOR, WHO GRADE 1, 0.8 CM\n"
           "- DEEP MARGIN FREE (0.2 MM); PERIPHERAL MARGINS FREE\n\nCOMMENT:\n")
ADENO = "Sigmoid polyp, EMR: pT1 moderately differentiated adenocarcinoma, 6 mm.\n"
NET = "Rectum, ESD: well-differentiated neuroendocrine tumour, G1, 7 mm.\n"

# (id, text, field, expected value (None: must stay null), a substring of the evidence)
CASES = [
    # a comment sentence that says it revises the diagnosis above reads like an addendum
    ("rev_superseding", NET_EMR + "Deeper levels were cut. The deep margin is therefore regarded as involved, superseding the diagnosis line above.\n",
     "margin_deep", "positive", "involved"),
    ("rev_superseding_mm", NET_EMR + "Deeper levels were cut. The deep margin is therefore regarded as involved, superseding the diagnosis line above.\n",
     "margin_deep_mm", None, None),
    ("rev_supersedes", NET_EMR + "On deeper levels tumour reaches the cauterized base; the deep margin is involved. This supersedes the diagnosis above.\n",
     "margin_deep", "positive", "involved"),
    ("rev_amends", NET_EMR + "Deep margin: involved on level 3 (this amends the diagnosis above).\n",
     "margin_deep", "positive", "involved"),
    ("rev_diag_is_revised", NET_EMR + "The diagnosis above is revised: the deep margin is positive on deeper levels.\n",
     "margin_deep", "positive", "positive"),
    ("rev_replaces_caps", NET_EMR + "DEEP MARGIN INVOLVED ON DEEPER LEVELS, REPLACING THE DIAGNOSIS ABOVE.\n",
     "margin_deep", "positive", "INVOLVED"),
    # traps: a comment with no revision cue does not outrank the diagnosis; other sentences stay
    ("rev_trap_no_cue", NET_EMR + "The tumour approaches the deep margin; the deep margin is close to involved.\n",
     "margin_deep", "negative", "DEEP MARGIN FREE"),
    ("rev_trap_other_sentence", NET_EMR + "The deep margin is regarded as involved, superseding the diagnosis line above. Peripheral margins remain free.\n",
     "margin_lateral", "negative", "PERIPHERAL MARGINS FREE"),
    ("rev_trap_confirms", NET_EMR + "Deeper levels confirm the diagnosis above; no revision is needed.\n",
     "margin_deep_mm", 0.2, "0.2 MM"),

    # past medical history is history: an earlier tumour's grade is not this one's
    ("pmh_grade", "Past medical history\n- 2019: rectal NET 5 mm, EMR elsewhere (G1, resected R0)\n\nHistology:\n" + ADENO,
     "grade", "G2", "moderately differentiated"),
    ("pmh_colon", "Past medical history: rectal NET (G1) excised 2019.\n\nHistology:\n" + ADENO,
     "grade", "G2", "moderately differentiated"),
    ("pmh_caps", "PAST MEDICAL HISTORY:\n- previous NET G3 of the appendix\n\nHistology:\n" + ADENO,
     "grade", "G2", "moderately differentiated"),
    ("pmh_pmh", "PMH:\n- rectal NET, G1, 2018\n\nHistology:\n" + ADENO,
     "grade", "G2", "moderately differentiated"),
    ("pmh_medical", "Medical history\n- NET G1 of rectum 2019\n\nHistology:\n" + ADENO,
     "grade", "G2", "moderately differentiated"),
    # trap: after the blank line the report's own grade still counts
    ("pmh_trap_after", "Past medical history\n- hypertension\n\nHistology:\nRectum, EMR: well-differentiated neuroendocrine tumour, G1, 5 mm.\n",
     "grade", "G1", "G1"),

    # "tumour-free" is a margin statement, not the subject of a size
    ("free_narrow", NET + "\nTNM-classification (UICC, 8th edition): pT1a, L0, V0, G1, R0 (basal tumour-free, but\nnarrow: 0,4 mm).\n",
     "tumor_size_mm", 7.0, "7 mm"),
    ("free_tumor_free", NET + "\nStaging: pT1a R0 (deep tumor-free, 0.4 mm).\n", "tumor_size_mm", 7.0, "7 mm"),
    ("free_caps", NET + "\nTNM: pT1 R0 (lateral TUMOUR-FREE (2 MM)).\n", "tumor_size_mm", 7.0, "7 mm"),
    ("free_space", NET + "\nTNM: pT1a, R0 (basal tumour free but close, 0.3 mm).\n", "tumor_size_mm", 7.0, "7 mm"),
    # trap: a tumour size after 'free' in another clause still counts
    ("free_trap_size", "Rectum, ESD: well-differentiated neuroendocrine tumour, G1. Margins tumour-free. Tumour size 9 mm.\n",
     "tumor_size_mm", 9.0, "9 mm"),

    # the requesting clinician's size in a reply letter is the endoscopic size
    ("you_described", NET + "You described an 8 mm yellowish nodule.\n", "tumor_size_mm", 7.0, "7 mm"),
    ("you_reported", "Thank you for the ESD. You reported a 12 mm lesion. " + "It is a well-differentiated neuroendocrine tumour measuring 9 mm.\n",
     "tumor_size_mm", 9.0, "9 mm"),
    ("as_you_noted", NET + "As you noted at colonoscopy, the nodule was about 10 mm.\n", "tumor_size_mm", 7.0, "7 mm"),
    # trap: a size the pathologist measures stays
    ("you_trap_measure", "Thank you for this specimen. Well-differentiated neuroendocrine tumour. I measure it at 6 mm across.\n",
     "tumor_size_mm", 6.0, "6 mm"),

    # a distance 'away from' a margin, in µm with a thousands comma
    ("away_um_comma", "Rectum, ESD: adenocarcinoma, tub1.\nVertical stump: tumor is absent, cancer is 1,800 µm away from the vertical stump.\n",
     "margin_deep_mm", 1.8, "1,800 µm"),
    ("away_um", "Rectum, ESD: adenocarcinoma, tub1.\nCancer is 800 um away from the vertical margin.\n", "margin_deep_mm", 0.8, "800 um"),
    ("away_mm", "Rectum, ESD: adenocarcinoma, tub1.\nThe carcinoma is 2.5 mm away from the deep margin.\n", "margin_deep_mm", 2.5, "2.5 mm"),
    ("away_horizontal", "Rectum, ESD: adenocarcinoma, tub1.\nTumor is 1,200 µm away from the horizontal stump.\n", "margin_lateral_mm", 1.2, "1,200 µm"),
    # trap: an SM depth in µm with a thousands comma is not a margin distance
    ("away_trap_sm", "Rectum, ESD: adenocarcinoma, tub1.\nDepth of SM invasion is 1,800 µm from the muscularis mucosae. Vertical stump: negative.\n",
     "margin_deep_mm", None, None),

    # 'reaches with a minimal safety distance of X to the margin' is a distance, not involvement
    ("reach_safety", NET + "The tumour reaches with a minimal safety distance of 0,4 mm to the basal resection surface.\n",
     "margin_deep", "close", "0,4 mm"),
    ("reach_safety_mm", NET + "The tumour reaches with a minimal safety distance of 0,4 mm to the basal resection surface.\n",
     "margin_deep_mm", 0.4, "0,4 mm"),
    ("reach_up_to", NET + "The tumour reaches up to 0.3 mm from the deep resection margin.\n", "margin_deep", "close", "0.3 mm"),
    ("reach_within", NET + "Tumour reaches to within 2 mm of the basal resection surface.\n", "margin_deep", "negative", "2 mm"),
    # trap: reaching the margin is involvement
    ("reach_trap_reaches", NET + "The tumour reaches the basal resection surface.\n", "margin_deep", "positive", "reaches"),

    # an ink colour after a slash glosses a bare side word, as a parenthesis does
    ("ink_deep_blue", NET + "Deep/blue: 3.0 mm\n", "margin_deep_mm", 3.0, "Deep/blue: 3.0 mm"),
    ("ink_deep_blue_status", NET + "Deep/blue: 3.0 mm\n", "margin_deep", "negative", "3.0 mm"),
    ("ink_deep_black_ink", NET + "Deep / black ink: clear, 2 mm\n", "margin_deep", "negative", "clear"),
    ("ink_lateral_green", NET + "LATERAL/GREEN: 0.5 MM\n", "margin_lateral_mm", 0.5, "0.5 MM"),
    ("ink_vertical_red", NET + "Vertical/red = involved\n", "margin_deep", "positive", "involved"),
    # traps: two side words stay a paired margin; a colour of the tissue is no margin
    ("ink_trap_paired", NET + "Deep/lateral margins: 0.4 mm / 2 mm.\n", "margin_lateral_mm", 2.0, "2 mm"),
    ("ink_trap_paired_deep", NET + "Deep/lateral margins: 0.4 mm / 2 mm.\n", "margin_deep_mm", 0.4, "0.4 mm"),
    ("ink_trap_prose", NET + "The deep/blue-grey tissue measures 3 mm.\n", "margin_deep_mm", None, None),
]

results, test_phrasing = phrasing_table(CASES)
