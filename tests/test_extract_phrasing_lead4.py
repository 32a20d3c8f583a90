"""Phrasing variants for a biopsy whose report refuses a depth in a sentence of its own
(docs/gold.md, Depth: on a biopsy the depth is the deepest layer the sample shows infiltrated,
unless the report says the depth cannot be assessed or established; train case
w3_rnet_forceps_biopsy_lamina_propria, re-annotated to that convention in the fourth session).
"""

from test_extract import phrasing_table  # tests/ is on sys.path

MICRO = ("MICROSCOPY: Three fragments of rectal mucosa. One fragment contains nests of bland cells "
         "involving the lamina propria. Synaptophysin positive.\n")

# (id, text, field, expected value (None: must stay null), a substring of the evidence)
CASES = [
    ("own_sentence_diagnosis", "Rectum, biopsy.\n" + MICRO + "OPINION: well-differentiated neuroendocrine "
     "tumour, G1. Depth and margins cannot be determined on biopsy.\n", "depth", None, None),
    ("own_sentence_same_line", "Rectal biopsy: neuroendocrine tumour involving the lamina propria. "
     "The depth of invasion cannot be assessed in superficial fragments.\n", "depth", None, None),
    ("own_sentence_established", "Rectum, forceps biopsy.\n" + MICRO + "DIAGNOSIS: neuroendocrine tumour "
     "(G1). Depth cannot be established on this material.\n", "depth", None, None),
    # traps: a diagnosis that states the layer outranks a refusal in the microscopy; a biopsy
    # that refuses only its margins keeps its layer; a resection is not a biopsy
    ("trap_diagnosis_states_layer", "Rectum, biopsy.\nMICROSCOPY: fragments of mucosa; depth cannot be "
     "assessed in these fragments.\nDIAGNOSIS: neuroendocrine tumour infiltrating the submucosa.\n",
     "depth", "submucosa", "submucosa"),
    ("trap_margins_only", "Rectum, biopsy.\n" + MICRO + "OPINION: neuroendocrine tumour, G1. Margins "
     "cannot be assessed on biopsy.\n", "depth", "mucosa", "lamina propria"),
    ("trap_not_biopsy", "Rectum, ESD.\nMICROSCOPY: neuroendocrine tumour infiltrating the submucosa.\n"
     "COMMENT: the depth of invasion cannot be assessed precisely owing to cautery.\n",
     "depth", "submucosa", "submucosa"),
]

results, test_phrasing = phrasing_table(CASES)
