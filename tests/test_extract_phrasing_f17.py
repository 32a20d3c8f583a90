"""Phrasing variants for the w12b train cases (fix-f17): item numbers of a registry abstract
form are not node counts; a checklist's (X) stage and layer options; a biopsy letter whose
depth is declared not assessable; numeric codes decoded through the report's own legend.

Each group ends with traps that must stay null or unchanged.
"""

from test_extract import phrasing_table  # tests/ is on sys.path


NET = "Appendix, appendicectomy: well differentiated neuroendocrine tumour, 14 mm.\n"
ADENO = "Rectum, abdominoperineal resection: adenocarcinoma.\n"


# (id, text, field, expected value (None: must stay null), a substring of the evidence)
CASES = [
    # -- registry abstract: a numbered item column is not a count of nodes --------------------
    ("reg_item_gap_ex", NET + " 16   Regional lymph nodes examined             0 (none in specimen)\n"
     " 17   Regional lymph nodes positive             n/a\n", "lymph_nodes_examined", None, None),
    ("reg_item_gap_pos", NET + " 16   Regional lymph nodes examined             0 (none in specimen)\n"
     " 17   Regional lymph nodes positive             n/a\n", "lymph_nodes_positive", None, None),
    ("reg_item_tab_ex", NET + "16\tLymph nodes examined\t12\n17\tLymph nodes positive\t1\n", "lymph_nodes_examined", 12, "12"),
    ("reg_item_tab_pos", NET + "16\tLymph nodes examined\t12\n17\tLymph nodes positive\t1\n", "lymph_nodes_positive", 1, "1"),
    ("reg_item_dots_ex", NET + "16.  Lymph nodes examined ..... 14\n17.  Lymph nodes positive ..... 2\n", "lymph_nodes_examined", 14, "14"),
    ("reg_item_dots_pos", NET + "16.  Lymph nodes examined ..... 14\n17.  Lymph nodes positive ..... 2\n", "lymph_nodes_positive", 2, "2"),
    ("reg_zero_none", NET + "Lymph nodes examined: 0 (none received)\nLymph nodes positive: 0\n", "lymph_nodes_examined", None, None),
    ("reg_zero_none_num", NET + "Number of lymph nodes examined: 0\nNumber involved: n/a\n", "lymph_nodes_examined", None, None),
    # traps: a count that opens a sentence is a count
    ("reg_trap_prose", NET + "12 lymph nodes were examined, 1 positive.\n", "lymph_nodes_examined", 12, "12"),
    ("reg_trap_prose_pos", NET + "Sixteen lymph nodes examined; 2 lymph nodes positive.\n", "lymph_nodes_positive", 2, "2"),
    ("reg_trap_pnx", NET + " 16   Regional lymph nodes examined             0 (none in specimen)\n 19   Pathological N   pNX\n", "pn", "pNX", "pNX"),
]

results, test_phrasing = phrasing_table(CASES)
