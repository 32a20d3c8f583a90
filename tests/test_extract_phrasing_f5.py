"""Phrasing variants for the w10b train cases (fix-f5): telegraphic shorthand, scanned forms and
OCR-like archive text. Each group is written before its rule and ends with traps that must stay
null or unchanged."""

from test_extract import phrasing_table  # tests/ is on sys.path


NET_DX = "Histological type: well differentiated NET\n"
POLYP = "Micro/Dx: Rectum polypectomy - well diff NET G1, 3.5mm, lamina propria + superficial SM; "

# (id, text, field, expected value (None: must stay null), a substring of the evidence)
CASES = [
    # checklists: several options on one line; only the ticked one is stated, wherever it stands
    ("box_inline_procedure", "Specimen type: [ ] polypectomy [ ] EMR [ ] ESD [x] EFTR (FTRD) [ ] TAMIS/TEM\n" + NET_DX,
     "procedure", "eftr", "EFTR"),
    ("box_inline_procedure_first", "Procedure: [x] EMR [ ] ESD [ ] polypectomy\n" + NET_DX, "procedure", "emr", "EMR"),
    ("box_inline_grade", NET_DX + "WHO grade: [ ] G1 [x] G2 [ ] G3\n", "grade", "G2", "G2"),
    ("box_inline_grade_parens", NET_DX + "Grade (WHO 2019):  ( ) G1  (x) G2  ( ) G3\n", "grade", "G2", "G2"),
    ("box_inline_grade_glyphs", NET_DX + "☐ G1 ☒ G2 ☐ G3\n", "grade", "G2", "G2"),
    ("box_inline_depth", NET_DX + "Extent of invasion: [ ] mucosa [x] submucosa [ ] musc. propria [ ] beyond\n",
     "depth", "submucosa", "submucosa"),
    ("box_inline_site", "Site: [ ] sigmoid colon [X] rectum\n" + NET_DX, "site", "rectum", "rectum"),
    # traps: nothing ticked states nothing; the diagnosis still names what the form leaves open
    ("box_trap_none_ticked", NET_DX + "WHO grade: [ ] G1 [ ] G2 [ ] G3\n", "grade", None, None),
    ("box_trap_unticked_proc", "Procedure: [ ] ESD [ ] EMR\nDiagnosis: Rectum, ESD: " + NET_DX, "procedure", "esd", "ESD"),
    ("box_trap_unticked_line", NET_DX + "[ ] G3\n[x] G1\n", "grade", "G1", "G1"),
    # size: a tumour size qualified as microscopic after its label wins over a gross nodule
    ("size_micro_paren", "Macro: disc 24 x 20 x 8 mm; nodule 15 mm on cut\n" + NET_DX + "Max tumour size (micro):  16 mm\n",
     "tumor_size_mm", 16, "16 mm"),
    ("size_microscopic_paren_cm", "Macro: disc 24 x 20 x 8 mm; nodule 15 mm on cut\n" + NET_DX
     + "Tumour size (microscopic): 1.6 cm\n", "tumor_size_mm", 16, "1.6 cm"),
    ("size_histological_paren", "Gross: yellow nodule 15 mm.\n" + NET_DX + "Tumor size (histological) 16 mm\n",
     "tumor_size_mm", 16, "16 mm"),
    ("size_comma_microscopic", "Gross: yellow nodule 15 mm.\n" + NET_DX + "Tumour size, microscopic: 16 mm\n",
     "tumor_size_mm", 16, "16 mm"),
    ("size_on_histology_paren", "Gross: yellow nodule 15 mm.\n" + NET_DX + "Tumour size (on histology): 16 mm\n",
     "tumor_size_mm", 16, "16 mm"),
    # traps: a macroscopic label is no microscopic one; a later "(micro)" of another thing does not move it
    ("size_trap_macro_paren", "Gross: yellow nodule 15 mm.\n" + NET_DX + "Tumour size (macro): 16 mm\n",
     "tumor_size_mm", 15, "15 mm"),
    ("size_trap_micro_elsewhere", "Gross: yellow nodule 15 mm.\n" + NET_DX + "Tumour size: 16 mm (macroscopic); "
     "see micro.\n", "tumor_size_mm", 15, "15 mm"),
    # shorthand signs glued to a feature ("LVI-", "PNI+") or written as -ve/+ve
    ("sign_lvi_glued_minus", POLYP + "LVI- PNI- ; HM0 VM0.", "lvi", "absent", "LVI-"),
    ("sign_pni_glued_minus", POLYP + "LVI- PNI- ; HM0 VM0.", "pni", "absent", "PNI-"),
    ("sign_lvi_glued_plus", POLYP + "LVI+, PNI-; HM0 VM0.", "lvi", "present", "LVI+"),
    ("sign_pni_glued_comma", POLYP + "LVI+, PNI-; HM0 VM0.", "pni", "absent", "PNI-"),
    ("sign_lower_slash", POLYP + "lvi-/pni-, HM0 VM0.", "lvi", "absent", "lvi-"),
    ("sign_lower_slash_pni", POLYP + "lvi-/pni+, HM0 VM0.", "pni", "present", "pni+"),
    ("sign_ve_glued", POLYP + "LVI-ve PNI-ve.", "lvi", "absent", "LVI-ve"),
    ("sign_ve_spaced", POLYP + "LVI -ve, PNI +ve.", "pni", "present", "PNI +ve"),
    ("sign_ve_spaced_lvi", POLYP + "LVI -ve, PNI +ve.", "lvi", "absent", "LVI -ve"),
    ("sign_ve_plus_glued", POLYP + "LVI+ve.", "lvi", "present", "LVI+ve"),
    ("sign_hm_ve", POLYP + "HM-ve VM-ve (deep 1.4mm).", "margin_lateral", "negative", "HM-ve"),
    ("sign_vm_ve", POLYP + "HM-ve VM+ve.", "margin_deep", "positive", "VM+ve"),
    ("sign_margins_ve", POLYP + "Margins -ve.", "margin_deep", "negative", "Margins -ve"),
    ("sign_margin_side_ve", POLYP + "Lateral margin -ve, deep margin +ve.", "margin_deep", "positive", "deep margin +ve"),
    # traps: stain results are not features; a sign of another word stays out
    ("sign_trap_stains", POLYP + "Syn+ CgA+ CD56+.", "lvi", None, None),
    ("sign_trap_d240", POLYP + "D2-40 -ve vessels reviewed; LVI not seen.", "lvi", "absent", "LVI not seen"),
    ("sign_trap_stains_ve", POLYP + "CD56+ve, Syn+ve; PNI not seen.", "pni", "absent", "PNI not seen"),
    ("sign_trap_ki67", POLYP + "Ki67+ve nuclei <1%; LVI-.", "ki67_percent", 1, "<1%"),
    # margins: telegraphic status words ("clr", "neg", "-ve") after a bare side word, and "lat"
    ("margin_deep_clr_paren", POLYP + "HM0 VM0 (deep clr 0.6mm); en bloc.", "margin_deep_mm", 0.6, "deep clr 0.6mm"),
    ("margin_deep_clr_status", POLYP + "HM0 VM0 (deep clr 0.6mm); en bloc.", "margin_deep", "negative", "VM0"),
    ("margin_clr_not_close", POLYP + "deep margin clr 0.6mm; lat margin clr 2mm.", "margin_deep", "negative", "clr"),
    ("margin_lat_clr", POLYP + "deep margin clr 0.6mm; lat margin clr 2mm.", "margin_lateral_mm", 2, "lat margin clr 2mm"),
    ("margins_clr_generic", POLYP + "Margins clr.", "margin_lateral", "negative", "Margins clr"),
    ("margin_bare_deep_neg", POLYP + "Margins: lat clr 3mm, deep neg (1.2 mm).", "margin_deep_mm", 1.2, "deep neg (1.2 mm"),
    ("margin_bare_lat_clr", POLYP + "Margins: lat clr 3mm, deep neg (1.2 mm).", "margin_lateral_mm", 3, "lat clr 3mm"),
    ("margin_bare_deep_pos", POLYP + "Margins: lateral -ve, deep +ve.", "margin_deep", "positive", "deep +ve"),
    ("margin_bare_lat_approx", POLYP + "Margins: lat (approx. 2mm) clear; deep involved.", "margin_lateral_mm", 2, "approx. 2mm"),
    # traps: "close" stays close; "lat" and "deep" that name no margin
    ("margin_trap_deep_close", POLYP + "deep close 0.6mm.", "margin_deep", "close", "close"),
    ("margin_trap_lat_wall", POLYP + "lat wall nodule 5 mm.", "margin_lateral", None, None),
    ("margin_trap_deep_levels", POLYP + "deep levels neg for further tumour.", "margin_deep", None, None),
    # margins: "M+ deep", "M- lat (approx. 2mm)": a signed M before its side
    ("msign_deep_pos", POLYP + "Tumour abuts diathermy at base -> M+ deep. M- lat (approx. 2mm).", "margin_deep", "positive", "M+ deep"),
    ("msign_lat_neg", POLYP + "Tumour abuts diathermy at base -> M+ deep. M- lat (approx. 2mm).", "margin_lateral", "negative", "M- lat"),
    ("msign_lat_mm", POLYP + "M+ deep. M- lat (approx. 2mm).", "margin_lateral_mm", 2, "approx. 2mm"),
    ("msign_glued", POLYP + "M-lat 3mm, M+deep.", "margin_deep", "positive", "M+deep"),
    ("msign_ve_close", POLYP + "M-ve deep (0.5mm), M-ve lateral.", "margin_deep", "negative", "M-ve deep"),
    ("msign_ve_close_mm", POLYP + "M-ve deep (0.5mm), M-ve lateral.", "margin_deep_mm", 0.5, "0.5mm"),
    # traps: a stage M or a lone M with a sign names no margin
    ("msign_trap_stage", POLYP + "cM0, pN0; M+ nodes not assessed.", "margin_deep", None, None),
    ("msign_trap_lower", POLYP + "m+ deep.", "margin_deep", None, None),
    # "Neg. for NET": the abbreviated "negative for" negates what follows
    ("negfor_lymphoid", "A) Rectum, nodule, bx: benign lymphoid polyp. Synaptophysin neg., chromogranin neg. Neg. for NET.",
     "histology", "other", "lymphoid polyp"),
    ("negfor_lower", "Rectum, bx: benign lymphoid polyp - neg. for neuroendocrine tumour.", "histology", "other", "lymphoid polyp"),
    ("negfor_no_dot", "Rectal nodule, bx: hyperplastic polyp, neg for carcinoid.", "histology", "other", "hyperplastic polyp"),
    ("negfor_ve", "Rectal nodule, bx: hyperplastic polyp; -ve for NET on IHC.", "histology", "other", "hyperplastic polyp"),
    ("negfor_size_null", "Request: 3mm nodule rectum ?NET.\nDx: Rectum, bx: lymphoid polyp. Neg. for NET.", "tumor_size_mm", None, None),
    # traps: "neg." of another finding leaves the tumour standing
    ("negfor_trap_dysplasia", "Rectum, polypectomy: neg. for dysplasia in the background; well differentiated NET, G1.",
     "histology", "neuroendocrine_tumor", "NET"),
    ("negfor_trap_lvi_neg", "Rectum, EMR: LVI neg. NET G1, 4 mm.", "histology", "neuroendocrine_tumor", "NET"),
    # resection: "1 piece" written with a digit is one piece (en bloc)
    ("piece_digit_slash", "Specimen: transverse colon polyp / hot snare / 1 piece\nDx: well-differentiated NET, G1, 6 mm.",
     "resection", "en_bloc", "1 piece"),
    ("piece_digit_macro", "H24-1 RECTUM POLYP EMR (lift+snare). Macro 1 piece 11x9x4mm, base inked.\nDX: NET, G1, 5mm.",
     "resection", "en_bloc", "1 piece"),
    ("piece_digit_recd", "Rectum, EMR: recd in 1 piece.\nDx: NET G1, 4 mm.", "resection", "en_bloc", "1 piece"),
    ("piece_digit_shape", "Rectum, ESD: received as 1 intact piece, 30 x 25 mm.\nDx: NET G1, 9 mm.", "resection", "en_bloc",
     "1 intact piece"),
    # traps: more pieces, another count, a biopsy
    ("piece_trap_two", "Rectum, EMR: recd in 2 pieces.\nDx: NET G1, 4 mm.", "resection", None, None),
    ("piece_trap_part_of", "Rectum, EMR: piece 1 of 3 shows the tumour.\nDx: NET G1, 4 mm.", "resection", None, None),
    ("piece_trap_biopsy", "Rectum, biopsy: 1 piece of mucosa.\nDx: NET G1.", "resection", None, None),
    # size: a bare "max" beside a length ("5mm max", "max 1.0cm on slide") in the tumour's description
    ("max_after", "DX: NET, well diff, G1 on mitoses (<1/2mm2); Ki67 not done, block A2 avail on req. 5mm max, in SM; c/w pT1a.",
     "tumor_size_mm", 5, "5mm max"),
    ("max_before_cm", "Micro: well diff NET, nests/ribbons, mucosa+SM; max 1.0cm on slide 2F (vs 9mm gross); SM depth not meas.",
     "tumor_size_mm", 10, "max 1.0cm"),
    ("max_sentence", "DX: NET, well diff, G1. Max 8 mm, in SM.", "tumor_size_mm", 8, "Max 8 mm"),
    ("max_dot", "DX: NET, well diff, G1; max. 8mm; in SM.", "tumor_size_mm", 8, "8mm"),
    ("max_colon", "DX: NET, well diff, G1; Maximum: 7 mm; in SM.", "tumor_size_mm", 7, "7 mm"),
    # "Ki67 not done": what was not done is the stain, not the rest of the clause
    ("notdone_depth", "DX: NET, well diff, G1; Ki67 not done, block avail on req., tumour in SM; c/w pT1a.", "depth", "submucosa", "SM"),
    ("notdone_performed_depth", "Dx: NET, G1. Ki-67 not performed, invades submucosa.", "depth", "submucosa", "submucosa"),
    ("notdone_ki67_null", "DX: NET, well diff, G1; Ki67 not done, block A2 avail on req.", "ki67_percent", None, None),
    ("notdone_trap_lvi", "Dx: NET, G1, 4 mm. D2-40 not done; LVI not seen.", "lvi", "absent", "LVI not seen"),
    # traps: a distance, an SM depth, a specimen; a stated tumour size is not displaced
    ("max_trap_distance", "DX: NET, well diff, G1; in SM; max 2mm from deep margin.", "tumor_size_mm", None, None),
    ("max_trap_sm_um", "DX: NET, well diff, G1; SM depth max 1500 um.", "tumor_size_mm", None, None),
    ("max_trap_sm_mm", "DX: NET, well diff, G1; SM invasion depth max 1.5 mm.", "tumor_size_mm", None, None),
    ("max_trap_specimen", "Macro: polypectomy 11 x 9 x 4 mm max.\nDX: NET, well diff, G1.", "tumor_size_mm", None, None),
    ("max_trap_stated", "DX: NET, well diff, G1, 4 mm; lesion 6 mm max on endoscopy.", "tumor_size_mm", 4, "4 mm"),
    # OCR: "m" read as "rn" in the words of a rule ("rnargin", "turnour", "rnuscularis")
    ("ocr_rn_deep_mm", POLYP + "deep rnargin clear 2mm / lateral rnargin clear 1.5mm", "margin_deep_mm", 2, "deep rnargin clear 2mm"),
    ("ocr_rn_lateral_mm", POLYP + "deep rnargin clear 2mm / lateral rnargin clear 1.5mm", "margin_lateral_mm", 1.5, "lateral rnargin"),
    ("ocr_rn_crm", "Rectum, anterior resection: adenocarcinoma. Circumferential rnargin clear, closest 12mm.",
     "margin_radial_mm", 12, "rnargin"),
    ("ocr_rn_upper", "RECTUM, EMR: NEUROENDOCRINE TUMOUR, G1, 4 MM. RNARGINS CLEAR.", "margin_deep", "negative", "RNARGINS CLEAR"),
    ("ocr_rn_tumour", "Rectum, EMR: well differentiated neuroendocrine turnour, G1, 6 mm.", "histology", "neuroendocrine_tumor",
     "turnour"),
    ("ocr_rn_depth", "Rectum, LAR: carcinoid infiltrating through submucosa into the rnuscularis propria.", "depth",
     "muscularis_propria", "rnuscularis propria"),
    ("ocr_rn_two_word", "Rectum, EMR: NET G1, 4 mm. Polypectomy rnargin: clear.", "margin_lateral", "negative", "rnargin: clear"),
    # traps: words that merely contain "rn" name nothing
    ("ocr_rn_trap_turn", "Rectum, EMR: NET G1, 4 mm. Slides returned; turnaround 2 days; internal review.", "margin_deep", None, None),
    ("ocr_rn_trap_modern", "Rectum, EMR: NET G1, 4 mm. Pattern: modern cornified epithelium 3 mm.", "tumor_size_mm", 4, "4 mm"),
]


results, test_phrasing_f5 = phrasing_table(CASES)
