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
    ("free_narrow", NET + "TNM: pT1a, L0, V0, G1, R0 (basal tumour-free, but\nnarrow: 0,4 mm).\n",
     "tumor_size_mm", 7.0, "7 mm"),
    ("free_tumor_free", NET + "Deep margin tumor-free, 0.4 mm.\n", "tumor_size_mm", 7.0, "7 mm"),
    ("free_space", NET + "Lateral margins tumour free at 2 mm.\n", "tumor_size_mm", 7.0, "7 mm"),
    ("free_caps", NET + "BASAL MARGIN TUMOUR-FREE (0.3 MM).\n", "tumor_size_mm", 7.0, "7 mm"),
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
    # trap: an SM depth in µm with a thousands comma is not a margin distance

    # 'reaches with a minimal safety distance of X to the margin' is a distance, not involvement
    # trap: reaching the margin is involvement
]

results, test_phrasing = phrasing_table(CASES)
