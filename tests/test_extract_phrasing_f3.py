"""Phrasing variants for the w9b/w9c train cases (fix-f3): translated continental European,
East Asian and Commonwealth reports. Each group is written before its rule and ends with traps
that must stay null or unchanged.
"""

from test_extract import phrasing_table  # tests/ is on sys.path


# A translated report keeps its own-language headings: the clinical paragraph (an earlier
# polypectomy, an endoscopic size) is history, the diagnosis heading is a diagnosis.
def translated(history: str, micro_head: str, diag_head: str) -> str:
    return (f"{history} Cold snare polypectomy (02-2025): NET G1, 7 mm; basal margin involved.\n\n"
            f"{micro_head}\nResidual well differentiated neuroendocrine tumour, diameter 3 mm, in submucosa.\n\n"
            f"{diag_head}\nRectum, TAMIS: neuroendocrine tumour, grade 1, 3 mm.\n")


# (id, text, field, expected value (None: must stay null), a substring of the evidence)
CASES = [
    # headings in the report's own language (Dutch, Norwegian, Swedish, Danish, German, Italian,
    # Spanish, French) or bilingual ("Klinische gegevens / Clinical data:")
    ("head_nl_size", translated("Klinische gegevens / Clinical data:", "Microscopie:", "Conclusie:"),
     "tumor_size_mm", 3, "3 mm"),
    ("head_nl_margin", translated("Klinische gegevens / Clinical data:", "Microscopie:", "Conclusie:"),
     "margin_deep", None, None),
    ("head_no_size", translated("Klinisk opplysning:", "Mikroskopisk:", "Diagnose:"), "tumor_size_mm", 3, "3 mm"),
    ("head_no_margin", translated("Klinisk opplysning:", "Mikroskopisk:", "Diagnose:"), "margin_deep", None, None),
    ("head_se_size", translated("Anamnes:", "Mikroskopi:", "Diagnos:"), "tumor_size_mm", 3, "3 mm"),
    ("head_dk_margin", translated("Klinik:", "Mikro:", "Diagnose:"), "margin_deep", None, None),
    ("head_de_size", translated("Klinische Angaben:", "Mikroskopie:", "Beurteilung:"), "tumor_size_mm", 3, "3 mm"),
    ("head_it_margin", translated("Notizie cliniche:", "Esame microscopico:", "Diagnosi:"), "margin_deep", None, None),
    ("head_es_size", translated("Datos clínicos:", "Descripción microscópica:", "Diagnóstico:"), "tumor_size_mm", 3, "3 mm"),
    ("head_fr_margin", translated("Renseignements cliniques:", "Examen microscopique:", "Conclusion:"),
     "margin_deep", None, None),
    ("head_anamnesis_size", translated("Anamnesis:", "Microscopy:", "Diagnosis:"), "tumor_size_mm", 3, "3 mm"),
    # the endoscopist's findings are clinical information
    ("head_endoscopic_findings", "Endoscopic findings: Rectum, yellow nodule 8 mm.\nSpecimen: Rectal lesion, ESD\n\n"
     "Neuroendocrine tumour, G1, size 5 mm.\n", "tumor_size_mm", 5, "5 mm"),
    ("head_patient_summary", "PATIENT SUMMARY\n71 y/o M, FIT positive. Cold-forceps biopsy 2024-09-30 showed adenocarcinoma "
     "with possible lymphovascular invasion.\n\nPATHOLOGY REVIEW\n- Diagnosis: adenocarcinoma, pT1.\n"
     "- Lymphovascular invasion: L0 V0.\n", "lvi", "absent", "L0"),
    # "Material:" / "Materiale:" lists the specimen: a layer named there ("flat mucosa") is no depth
    ("head_material_depth", "Material:\n Jar 1: Corpus polyp, biopsies\n Jar 2: Corpus, flat mucosa x 2\n\n"
     "Anamnes: corpus polyps.\n\nMicroscopy:\n1. Well-differentiated neuroendocrine tumour in the lamina propria, "
     "reaching the upper submucosa.\n", "depth", "submucosa", "submucosa"),
    ("head_materiale_size", "Materiale: Rectum, EFTR of a 12 mm nodule.\n\nMicroscopy:\nNeuroendocrine tumour, 9 mm, in submucosa.\n",
     "tumor_size_mm", 9, "9 mm"),
    # traps: the same words inside a line are no heading; the history heading ends at a blank line
    ("head_trap_inline", "Rectum, TAMIS: neuroendocrine tumour, 3 mm. Diagnose: see above. Klinik: no.\n",
     "tumor_size_mm", 3, "3 mm"),
    ("head_trap_after_blank", "Anamnes: polyp.\n\nRectum, TAMIS: neuroendocrine tumour, 4 mm; deep margin involved.\n",
     "margin_deep", "positive", "involved"),
    ("head_trap_history_only_site", translated("Klinik:", "Mikro:", "Diagnose:"), "site", "rectum", "Rectum"),
]



# A "Summary:" heading followed by a diagnosis that wraps onto the next line (or goes on after a
# full stop) is prose, not a protocol title line that states no finding.
TEMS = ("Micro: Tubulovillous adenoma with high grade dysplasia and invasive adenocarcinoma, moderately differentiated, "
        "invading the submucosa.\n\n")
CASES += [
    ("title_summary_wraps_histology", TEMS + "Summary: Rectum, TEMS: moderately differentiated adenocarcinoma arising in a tubulovillous\n"
     "adenoma, invading submucosa (sm3, 2.4 mm), pT1.\n", "histology", "adenocarcinoma", "adenocarcinoma"),
    ("title_summary_wraps_depth", TEMS + "Summary: Rectum, TEMS: moderately differentiated adenocarcinoma arising in a tubulovillous\n"
     "adenoma, invading submucosa (sm3, 2.4 mm), pT1.\n", "depth", "submucosa", "submucosa"),
    ("title_summary_wraps_grade", TEMS + "Summary: Rectum, TEMS: moderately differentiated adenocarcinoma arising in a tubulovillous\n"
     "adenoma, invading submucosa (sm3, 2.4 mm), pT1.\n", "grade", "G2", "moderately differentiated"),
    ("title_synoptic_summary_wraps", TEMS + "Synoptic summary: well differentiated adenocarcinoma arising in a tubular\n"
     "adenoma, pT1.\n", "histology", "adenocarcinoma", "adenocarcinoma"),
    ("title_summary_full_stop", "Micro: villous adenoma with high grade dysplasia.\n\nTumour summary: adenocarcinoma arising in a villous adenoma. Completely excised.\n",
     "histology", "adenocarcinoma", "adenocarcinoma"),
    # traps: a protocol title line still names no finding
    ("title_trap_protocol_site", "Synoptic Report: Neuroendocrine Tumour, Colon and Rectum\nTumour Site ..... Rectum\n"
     "Histologic Type .... neuroendocrine tumour\n", "site", "rectum", "Rectum"),
    ("title_trap_protocol_hist", "Cancer Case Summary: Adenocarcinoma of the Colon and Rectum\nProcedure: polypectomy\n"
     "Histologic Type: tubular adenoma with low grade dysplasia\n", "histology", "adenoma", "adenoma"),
]


# Tumour size: the infiltrative (= invasive) component of a carcinoma in a lesion, its maximum
# extension; a size read in one fragment of a piecemeal specimen; "at least 6 mm" gives 6.
LST = "ESD specimen 5,0 x 4,2 cm with a granular lesion of 3,5 x 2,8 cm. Tubulo-villous adenoma with "
CASES += [
    ("size_infiltrative_extension", LST + "adenocarcinoma G2, with maximum extension of the infiltrative component 1,4 cm.",
     "tumor_size_mm", 14, "1,4 cm"),
    ("size_infiltrating_extent", LST + "adenocarcinoma; maximum extent of the infiltrating component: 9 mm.",
     "tumor_size_mm", 9, "9 mm"),
    ("size_infiltrative_measures", LST + "adenocarcinoma. The infiltrative component measures 4 mm.",
     "tumor_size_mm", 4, "4 mm"),
    ("size_infiltrative_greatest", LST + "adenocarcinoma; infiltrative component 3 mm in greatest dimension.",
     "tumor_size_mm", 3, "3 mm"),
    ("size_invasive_greatest_extension", LST + "adenocarcinoma, greatest extension of the invasive carcinoma 6 mm.",
     "tumor_size_mm", 6, "6 mm"),
    # traps: an extension into a layer is a depth, a lesion's size stays a lesion's
    ("size_trap_extension_into", "Rectum, ESD: adenocarcinoma with maximum extension 1,2 mm into the submucosa.",
     "tumor_size_mm", None, None),
    ("size_trap_lesion_only", LST + "high grade dysplasia; no invasive component.", "tumor_size_mm", 35, "3,5 x 2,8 cm"),
]
PIECES = "Rectum, EMR (piecemeal, 3 parts): "
CASES += [
    ("size_in_one_fragment", PIECES + "Well differentiated neuroendocrine tumour in two of three fragments; the largest tumour "
     "diameter measured in one fragment is 6 mm.", "tumor_size_mm", 6, "6 mm"),
    ("size_in_largest_fragment", PIECES + "Neuroendocrine tumour; the tumour measures 4 mm in the largest fragment.",
     "tumor_size_mm", 4, "4 mm"),
    ("size_at_least", PIECES + "Neuroendocrine tumour, G1 (WHO 2019), at least 6 mm. Radicality not assessable.",
     "tumor_size_mm", 6, "at least 6 mm"),
    ("size_measuring_at_least", PIECES + "neuroendocrine tumour measuring at least 5 mm (fragmented).",
     "tumor_size_mm", 5, "5 mm"),
    ("size_of_at_least", PIECES + "a neuroendocrine tumour of at least 7 mm.", "tumor_size_mm", 7, "7 mm"),
    # traps: fragments are measured, not the tumour; "at least 2 mm from" is a distance
    ("size_trap_fragments", PIECES + "Three fragments, the largest 7 mm. Neuroendocrine tumour, G1.", "tumor_size_mm", None, None),
    ("size_trap_at_least_from", PIECES + "Neuroendocrine tumour, G1, at least 2 mm from the deep margin.",
     "tumor_size_mm", None, None),
]


# Depth: a layer the tumour leaves alone, in translated wording ("respected", "preserved",
# "unaffected", Spanish "respetada", Italian "rispettata").
SM = "Sigmoid colon, resection: residual adenocarcinoma, moderately differentiated, that infiltrates the submucosa"
CASES += [
    ("depth_mp_respected", SM + " until a depth of 1,3 mm; muscularis propria is respected.", "depth", "submucosa", "submucosa"),
    ("depth_mp_respected_short", SM + ", muscularis propria respected.", "depth", "submucosa", "submucosa"),
    ("depth_mp_preserved", SM + "; the muscularis propria is preserved.", "depth", "submucosa", "submucosa"),
    ("depth_mp_unaffected", SM + ". The muscularis propria is unaffected.", "depth", "submucosa", "submucosa"),
    ("depth_mp_respecting", SM + ", respecting the muscularis propria.", "depth", "submucosa", "submucosa"),
    ("depth_mp_free", SM + "; muscularis propria free of tumour.", "depth", "submucosa", "submucosa"),
    # traps: the layer after it is the one left alone
    ("depth_trap_serosa_respected", "Sigmoid colon, resection: adenocarcinoma infiltrating the muscularis propria; the "
     "subserosa is respected.", "depth", "muscularis_propria", "muscularis propria"),
    ("depth_trap_preserved_other", "Sigmoid colon, resection: adenocarcinoma infiltrating the muscularis propria, "
     "pericolic fat preserved.", "depth", "muscularis_propria", "muscularis propria"),
    # a depth label's value before a parenthesis that spares the next layer
    ("depth_label_paren_not_included", "Rectum, ESD: neuroendocrine tumour, G1.\nInvasion: submucosa (muscularis propria not "
     "included in the specimen). A rim of non-neoplastic submucosa is preserved at the deep margin.", "depth", "submucosa",
     "submucosa"),
    ("depth_label_paren_spared", "Rectum, ESD: neuroendocrine tumour, G1. Depth of invasion: submucosa (muscularis propria "
     "not involved).", "depth", "submucosa", "submucosa"),
    ("depth_trap_overlying_preserved", SM + " with the overlying mucosa preserved.", "depth", "submucosa", "submucosa"),
]


# Margins answered by a sign in parentheses (Chinese and Korean reports): "(-)" negative, "(+)" positive.
CN = "(Rectum, ESD) Neuroendocrine tumor (NET, G1), size 0.7x0.6 cm, involving mucosa and submucosa.\n"
CASES += [
    ("margin_sign_lateral", CN + "Horizontal margin: (-). Vertical margin: (-), the minimum distance 0.6mm.",
     "margin_lateral", "negative", "(-)"),
    ("margin_sign_deep_with_distance", CN + "Horizontal margin: (-). Vertical margin: (-), the minimum distance 0.6mm.",
     "margin_deep", "negative", "(-)"),
    ("margin_sign_deep_mm", CN + "Horizontal margin: (-). Vertical margin: (-), the minimum distance 0.6mm.",
     "margin_deep_mm", 0.6, "0.6mm"),
    ("margin_sign_positive", CN + "Basal margin: (+); lateral margin (-).", "margin_deep", "positive", "(+)"),
    ("margin_sign_positive_lateral", CN + "Basal margin: (+); lateral margin (-).", "margin_lateral", "negative", "(-)"),
    ("margin_sign_spaced", CN + "Lateral margin ( - ), basal margin ( - ).", "margin_deep", "negative", "( - )"),
    ("margin_sign_fullwidth", CN + "Vertical margin: \uff08-\uff09, horizontal margin: \uff08+\uff09.", "margin_lateral",
     "positive", "\uff08+\uff09"),
    # traps: a stain's sign is not a margin's; a sign inside a distance is no status
    ("margin_sign_trap_stain", CN + "Vertical margin: 2 mm. CK(+), Syn(+).", "margin_deep", "negative", "2 mm"),
    ("margin_sign_trap_no_margin", CN + "IHC: CgA(+), Syn(+), CD56(-).", "margin_deep", None, None),
]


# Margin distances with a decimal comma before the margin name: the comma of "1,5 mm" does not
# end the clause the distance belongs to.
EFTR = "Rectum, EFTR: neuroendocrine tumour, G1, 12 mm, in submucosa. "
CASES += [
    ("dist_comma_deep", EFTR + "Radicality: Tumour is radically removed, 1,5 mm to deep resection surface and 5 mm to\n"
     "nearest lateral (mucosal) resection margin.", "margin_deep_mm", 1.5, "1,5 mm"),
    ("dist_comma_lateral_kept", EFTR + "Radicality: Tumour is radically removed, 1,5 mm to deep resection surface and 5 mm to\n"
     "nearest lateral (mucosal) resection margin.", "margin_lateral_mm", 5, "5 mm"),
    ("dist_comma_from_deep", EFTR + "Tumour-free, 0,8 mm from the deep margin.", "margin_deep_mm", 0.8, "0,8 mm"),
    ("dist_comma_clear_lateral", EFTR + "Clear, 2,5 mm from the lateral margin.", "margin_lateral_mm", 2.5, "2,5 mm"),
    ("dist_comma_lies", EFTR + "The tumour lies 0,3 mm from the vertical margin.", "margin_deep_mm", 0.3, "0,3 mm"),
    # traps: a size before a comma is still not a margin distance
    ("dist_comma_trap_size", "Rectum, EFTR: neuroendocrine tumour 3,5 mm, deep margin clear.", "margin_deep_mm", None, None),
    ("dist_comma_trap_size_int", "Rectum, EFTR: neuroendocrine tumour 3 mm, deep margin clear.", "margin_deep_mm", None, None),
]


# LVI as a "tumour thrombus" (Chinese and Korean reports: vascular tumour thrombus = LVI); a
# guideline's list of criteria ("... lymphovascular invasion ... are indications for additional
# surgery") states no finding of this tumour.
EMR = "(Sigmoid colon, EMR) well differentiated adenocarcinoma, infiltrating into submucosa, depth 600 um (SM1).\n"
NOTE = ("Note: According to JSCCR guideline, SM invasion depth >=1000 um, lymphovascular invasion, poorly differentiated "
        "component and BD2/3 are indications for additional surgery.\n")
CASES += [
    ("lvi_thrombus_not_seen", EMR + "Vascular tumor thrombus: not seen. Nerve invasion: not seen.\n", "lvi", "absent", "not seen"),
    ("lvi_thrombus_present", EMR + "Lymphovascular tumour thrombus: present (D2-40).\n", "lvi", "present", "present"),
    ("lvi_thrombus_no", EMR + "No vascular tumour thrombus identified.\n", "lvi", "absent", "tumour thrombus"),
    ("lvi_thrombi_seen", EMR + "Intravascular tumor thrombi are seen in the submucosa (D2-40).\n", "lvi", "present", "thrombi"),
    ("lvi_thrombus_ihc", EMR + "Immunohistochemistry: D2-40 (lymphatics, no tumor thrombus), CD31 (no tumor thrombus).\n",
     "lvi", "absent", "no tumor thrombus"),
    ("lvi_thrombus_with_note", EMR + "Vascular tumor thrombus: not seen.\n\n" + NOTE, "lvi", "absent", "not seen"),
    ("lvi_guideline_only", EMR + NOTE, "lvi", None, None),
    ("lvi_guideline_risk_factors", EMR + "Risk factors for nodal metastasis are lymphovascular invasion, tumour budding and "
     "deep submucosal invasion.\n", "lvi", None, None),
    ("lvi_guideline_per", EMR + "Per the ESGE guidelines, lymphovascular invasion or budding grade 2-3 would prompt surgery.\n",
     "lvi", None, None),
    # traps: a bland thrombus is no LVI; a finding followed by its consequence stays a finding
    ("lvi_trap_bland_thrombus", EMR + "An organising thrombus is present in a submucosal vein.\n", "lvi", None, None),
    ("lvi_trap_finding_indication", EMR + "Lymphovascular invasion: present (an indication for additional surgery).\n",
     "lvi", "present", "present"),
    ("lvi_trap_finding_then_guideline", EMR + "Lymphovascular invasion is present.\n" + NOTE, "lvi", "present", "present"),
]


# A doubt raised on another specimen ("the possible LVI raised on the outside biopsy is not
# confirmed") is that specimen's history, not a finding of this one.
REVIEW = "PATHOLOGY REVIEW (EMR specimen)\n- Diagnosis: invasive adenocarcinoma, well differentiated, pT1.\n"
CASES += [
    ("lvi_outside_biopsy_not_confirmed", REVIEW + "- Lymphovascular invasion: L0 V0 on H&E, D2-40 and ERG. The possible LVI "
     "raised on the outside biopsy is not confirmed on the resection specimen.\n", "lvi", "absent", "L0"),
    ("lvi_referring_biopsy", REVIEW + "- Lymphovascular invasion: not identified. Suspicious lymphovascular invasion on the "
     "referring biopsy.\n", "lvi", "absent", "not identified"),
    ("lvi_initial_biopsy", REVIEW + "- LVI: absent. Equivocal LVI on the initial biopsy is not seen on levels.\n",
     "lvi", "absent", "absent"),
    ("lvi_outside_biopsy_wrapped", REVIEW + "- Lymphovascular invasion: L0 V0 on H&E, D2-40 and ERG. The possible LVI raised "
     "on the outside\n  biopsy is not confirmed on the resection specimen.\n", "lvi", "absent", "L0"),
    # trap: the resection specimen is this report's
    ("lvi_trap_on_resection", REVIEW + "- Possible lymphovascular invasion on the resection specimen.\n", "lvi",
     "indeterminate", "Possible"),
]


# SM invasion depth into a qualified submucosa ("the superficial submucosa", "the upper third of
# the submucosa") and in a parenthesis that also gives the Kikuchi level ("(sm1, 800 um)").
CA = "Rectum, TAMIS excision: well differentiated adenocarcinoma arising in a tubulovillous adenoma. "
CASES += [
    ("sm_into_superficial", CA + "The invasive focus measures 3 mm and extends 0.8 mm into the superficial submucosa (sm1).",
     "sm_invasion_um", 800, "0.8 mm"),
    ("sm_into_deep", CA + "The carcinoma invades 1.5 mm into the deep submucosa.", "sm_invasion_um", 1500, "1.5 mm"),
    ("sm_into_upper_third", CA + "Tumour infiltrates 600 µm into the upper third of the submucosa.", "sm_invasion_um",
     600, "600 µm"),
    ("sm_paren_with_level", CA + "Invading the superficial submucosa (sm1, 800 um). pT1.", "sm_invasion_um", 800, "800 um"),
    ("sm_paren_upper_level", CA + "The carcinoma invades the submucosa (SM2, 1.6 mm).", "sm_invasion_um", 1600, "1.6 mm"),
    ("sm_paren_kikuchi", CA + "Adenocarcinoma infiltrating the submucosa (Kikuchi sm1; 450 µm).", "sm_invasion_um", 450, "450"),
    ("sm_paren_depth_submucosa", CA + "Invading the superficial submucosa (sm1, 800 um). pT1.", "depth", "submucosa", "submucosa"),
    # traps: a distance in the parenthesis, a width of invasion
    ("sm_trap_paren_distance", CA + "The carcinoma invades the submucosa (sm1, 3 mm from the deep margin).", "sm_invasion_um",
     None, None),
    ("sm_trap_width", CA + "Invading the superficial submucosa (sm1) over a width of 4 mm.", "sm_invasion_um", None, None),
    ("sm_trap_into_fat", "Rectum, TAMIS: adenocarcinoma extending 3 mm into the perirectal fat.", "sm_invasion_um", None, None),
]


# Translated margin nouns: "radicality" (Dutch radicaliteit, Swedish radikalitet, German
# Radikalitaet) is the margin status as a whole; a "resection line" / "excision border" is a margin.
PM = "Rectum, EMR (piecemeal, 3 parts): well differentiated neuroendocrine tumour, G1, at least 6 mm. "
EX = "Duodenum, EMR: neuroendocrine tumour G1, 5 mm, in submucosa. "
CASES += [
    ("radicality_not_assessable_lateral", PM + "Radicality not assessable.", "margin_lateral", "indeterminate", "not assessable"),
    ("radicality_not_assessable_deep", PM + "Radicality not assessable.", "margin_deep", "indeterminate", "not assessable"),
    ("radicality_can_not", PM + "Because of fragmentation the radicality can not be assessed, neither lateral nor deep.",
     "margin_deep", "indeterminate", "can not be assessed"),
    ("radicality_free", EX + "Radicality: free.", "margin_lateral", "negative", "free"),
    ("radicality_specific_wins", EX + "Radicality: R0 (lateral 4 mm, deep 0.5 mm).", "margin_deep_mm", 0.5, "0.5 mm"),
    # traps: "radically excised" is the overall excision assessment (like "completely excised")
    ("radicality_trap_radically", EX + "Tumour radically excised.", "margin_lateral", None, None),
    ("radicality_trap_radically_deep", EX + "Neuroendocrine tumour, radically removed.", "margin_deep", None, None),
    # resection / excision lines and borders
    ("line_lateral_free_mm", EX + "Tumour comes to the deep resection line on distance 0,1 mm; lateral resection lines are "
     "free (the nearest 3 mm).", "margin_lateral_mm", 3, "3 mm"),
    ("line_lateral_free", EX + "Tumour comes to the deep resection line on distance 0,1 mm; lateral resection lines are "
     "free (the nearest 3 mm).", "margin_lateral", "negative", "free"),
    ("line_deep_close", EX + "Tumour comes to the deep resection line on distance 0,1 mm; lateral resection lines are "
     "free (the nearest 3 mm).", "margin_deep_mm", 0.1, "0,1 mm"),
    ("border_of_lateral", EX + "Radicality: tumour is at 4 mm of the mucosal (lateral) excision border and at 2 mm of the\n"
     "deep excision border, both free.", "margin_lateral_mm", 4, "4 mm"),
    ("border_of_deep", EX + "Radicality: tumour is at 4 mm of the mucosal (lateral) excision border and at 2 mm of the\n"
     "deep excision border, both free.", "margin_deep_mm", 2, "2 mm"),
    ("line_excision_deep", EX + "Deep excision line: free (1.2 mm).", "margin_deep_mm", 1.2, "1.2 mm"),
    ("border_resection_lateral", EX + "Lateral resection borders: tumour-free.", "margin_lateral", "negative", "tumour-free"),
    # "reaches to 0,5 mm from the ... cut line": a distance, not an involvement
    ("line_reaches_to_distance", "Rectum, EMR: adenocarcinoma G2, pT1. Carcinoma reaches to 0,5 mm from the coagulated deep "
     "(vertical) cut line. Lateral cut lines without neoplastic changes.", "margin_deep", "close", "0,5 mm"),
    ("line_extends_to_distance", "Rectum, EMR: adenocarcinoma G2, pT1. The tumour extends to 0.3 mm from the deep margin.",
     "margin_deep", "close", "0.3 mm"),
    ("line_reaching_distance", "Rectum, EMR: adenocarcinoma G2, pT1. Carcinoma reaching 1.2 mm from the vertical margin.",
     "margin_deep", "negative", "1.2 mm"),
    ("line_trap_reaches_margin", "Rectum, EMR: adenocarcinoma G2, pT1. Carcinoma reaches the deep cut line.",
     "margin_deep", "positive", "reaches"),
    ("line_trap_extends_to_margin", "Rectum, EMR: adenocarcinoma G2, pT1. Tumour extends to the cauterised deep margin.",
     "margin_deep", "positive", "extends to"),
    # traps: the tumour's own border is no margin
    ("border_trap_tumour", EX + "Pushing tumour border, free of necrosis.", "margin_lateral", None, None),
    ("border_trap_infiltrative", EX + "Infiltrative border; lateral line of growth clear.", "margin_deep", None, None),
]


# JSCCR radial margin code of a surgical specimen: pRM0 (8 mm) / RM1 / RMX; PM and DM (proximal and
# distal) have no field.
LARJ = "Rectum, LAR: residual neuroendocrine tumor, NET G1, in ESD scar.\n  pT1a (SM), ly0, v0, "
CASES += [
    ("rm_code_negative", LARJ + "pPM0 (95 mm), pDM0 (32 mm), pRM0 (8 mm),\n  pN1 (1/13).", "margin_radial", "negative", "pRM0"),
    ("rm_code_distance", LARJ + "pPM0 (95 mm), pDM0 (32 mm), pRM0 (8 mm),\n  pN1 (1/13).", "margin_radial_mm", 8, "pRM0 (8 mm)"),
    ("rm_code_bare", LARJ + "PM0, DM0, RM0 (12 mm), pN0 (0/15).", "margin_radial_mm", 12, "RM0 (12 mm)"),
    ("rm_code_positive", LARJ + "pPM0, pDM0, pRM1, pN1 (2/14).", "margin_radial", "positive", "pRM1"),
    ("rm_code_x", LARJ + "pPM0, pDM0, pRMX, pN0 (0/12).", "margin_radial", "indeterminate", "pRMX"),
    # traps: proximal and distal codes set no margin; an RM code is no deep or lateral margin
    ("rm_trap_pm_dm", LARJ + "pPM0 (95 mm), pDM0 (32 mm), pN1 (1/13).", "margin_radial", None, None),
    ("rm_trap_not_deep", LARJ + "pPM0 (95 mm), pDM0 (32 mm), pRM0 (8 mm),\n  pN1 (1/13).", "margin_deep", None, None),
]


# Grade words of translated reports: Dutch "graad", Italian/Spanish "grado", German/Scandinavian "Grad".
CASES += [
    ("grade_graad", "Rectum, TAMIS-excision: residue of neuroendocrine tumour, graad 1 (WHO 2019), 3 mm, in submucosa.",
     "grade", "G1", "graad 1"),
    ("grade_grado", "Retto, ESD: neuroendocrine tumour, grado 2 (WHO 2019), 8 mm.", "grade", "G2", "grado 2"),
    ("grade_grad", "Rektum, EFTR: neuroendokriner Tumor (NET), Grad 1, 6 mm.", "grade", "G1", "Grad 1"),
    ("grade_grado_g", "Rectum, ESD: neuroendocrine tumour, grado G2, Ki-67 4 %.", "grade", "G2", "grado G2"),
    # traps: the plane's grade and a dysplasia grade are no tumour grade
    ("grade_trap_quirke_graad", "Rectum, LAR: adenocarcinoma. Mesorectum: complete (Quirke graad 3).", "grade", None, None),
    ("grade_trap_dysplasia_grado", "Sigmoid, polypectomy: tubular adenoma, dysplasia grado 2.", "grade", None, None),
]


# En bloc: removed "in one fragment" / "in a single fragment" / "in single block" (translated
# reports), like "in one piece"; a paraffin block is not a resection.
POLYP = "Rectosigmoid adenocarcinoma G2 ex adenoma tubulare, pT1 (sm 900 um). "
CASES += [
    ("enbloc_one_fragment_wrapped", "Material: Polyp of the rectosigmoid junction (18 cm from anus), removed by EMR in one\n"
     "fragment.\n" + POLYP, "resection", "en_bloc", "in one"),
    ("enbloc_single_fragment", POLYP + "The lesion was removed by ESD in a single fragment.", "resection", "en_bloc", "single fragment"),
    ("enbloc_single_block", POLYP + "Removal by ESD in single block.", "resection", "en_bloc", "single block"),
    ("enbloc_one_block", POLYP + "Specimen resected in one block.", "resection", "en_bloc", "one block"),
    ("enbloc_single_piece", POLYP + "Polyp excised in a single piece.", "resection", "en_bloc", "single piece"),
    # traps: cassettes and blocks of the laboratory are not the resection
    ("enbloc_trap_embedded", POLYP + "Cut into 5 slices, all embedded in one block.", "resection", None, None),
    ("enbloc_trap_node", "Sigmoid colon, resection: " + POLYP + "One lymph node, bisected and submitted in one block.",
     "resection", None, None),
]


# SM invasion depth given as a lower bound in a piecemeal specimen ("at least 1.2 mm below the
# muscularis mucosae"): a bound gives its number; a criterion ("> 1000 um") is still no measurement.
PIECE = "Rectosigmoid polyp (piecemeal EMR): well differentiated adenocarcinoma arising in a tubulovillous adenoma. "
CASES += [
    ("sm_at_least_below", PIECE + "The invasion measures at least 1.2 mm below the muscularis mucosae in A4.",
     "sm_invasion_um", 1200, "at least 1.2 mm"),
    ("sm_at_least_paren", PIECE + "Invading submucosa (at least 1.2 mm). pT1.", "sm_invasion_um", 1200, "at least 1.2 mm"),
    ("sm_at_least_into", PIECE + "The carcinoma invades at least 900 µm into the submucosa.", "sm_invasion_um", 900,
     "at least 900"),
    ("sm_trap_criterion_paren", PIECE + "The carcinoma invades the submucosa (>1000 µm).", "sm_invasion_um", None, None),
]

results, test_phrasing = phrasing_table(CASES)
