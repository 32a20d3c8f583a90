"""Phrasing variants for round f6 (w10a train cases and invented probes): the histological
(mapped) extent of a tumour is its size; each group written before its rule, with traps that
must stay null or unchanged."""

from test_extract import phrasing_table  # tests/ is on sys.path


ESD_GROSS = ("Macroscopic findings:\nESD specimen 45 x 38 mm, resected en bloc. The lesion is 28 x 20 mm\n"
             "on the fresh specimen, with a 9 mm nodule.\n\nMicroscopic findings:\n")
ESD_ADENO = "Colon, ESD: adenocarcinoma (tub1), 12 mm. "

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
]

results, test_phrasing = phrasing_table(CASES)
