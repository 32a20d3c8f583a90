"""Table-driven tests of the rule-based extraction: report snippet -> field value + evidence.

Each case names the phenomenon it covers (data dictionary, "Status words" and "Context
decides"); every extraction bug fixed gets a case here.
"""

import pytest

from pipeline.extract import extract_findings, extract_findings_many
from pipeline.models import Findings

# (id, text, field, expected value, a substring the evidence must contain (None: no value))
CASES = [
    # --- negation, CAP synoptic order and narrative -------------------------------------
    ("lvi_synoptic_not_identified", "Lymphovascular invasion: not identified\n", "lvi", "absent",
     "Lymphovascular invasion: not identified"),
    ("lvi_upper_absent", "LYMPHOVASCULAR INVASION: ABSENT\n", "lvi", "absent", "ABSENT"),
    ("lvi_is_not_identified", "Lymphovascular invasion is not identified.", "lvi", "absent",
     "not identified"),
    ("lvi_negative", "Lymphovascular invasion: negative\n", "lvi", "absent", "negative"),
    ("lvi_no_forward", "No lymphovascular invasion.", "lvi", "absent", "No lymphovascular"),
    ("lvi_present", "Lymphovascular invasion: Present\n", "lvi", "present", "Present"),
    ("lvi_plus", "LVI: +\n", "lvi", "present", "LVI: +"),
    ("lvi_minus", "LVI: -\n", "lvi", "absent", "LVI: -"),
    ("lvi_narrative_present", "Lymphovascular invasion is present (D2-40).", "lvi", "present",
     "present"),
    ("lvi_and_pni_one_phrase", "No lymphovascular or perineural invasion.", "pni", "absent",
     "perineural"),
    ("pni_after_semicolon", "Lymphovascular invasion present; perineural invasion not identified.",
     "pni", "absent", "perineural invasion not identified"),
    ("lvi_not_negated_across_semicolon",
     "Lymphovascular invasion present; perineural invasion not identified.", "lvi", "present",
     "Lymphovascular invasion present"),
    ("lvi_immunophenotype_negative_is_not_negation",
     "Rectal EMR: well-differentiated neuroendocrine tumour, 9 mm, with lymphovascular invasion "
     "and an immunophenotype of a rectal primary (SATB2 positive, ISL1 negative, PDX1 negative).",
     "lvi", "present", "lymphovascular invasion"),
    # --- uncertainty -> indeterminate -------------------------------------------------------
    ("lvi_cannot_be_excluded", "Lymphovascular invasion cannot be excluded.", "lvi",
     "indeterminate", "cannot be excluded"),
    ("lvi_suspicious", "Focus suspicious for lymphovascular invasion.", "lvi", "indeterminate",
     "lymphovascular invasion"),
    ("lvi_versus", "Retraction artefact versus lymphatic invasion.", "lvi", "indeterminate",
     "lymphatic invasion"),
    # --- historical and hypothetical ----------------------------------------------------
    ("lvi_historical_clinical_history",
     "CLINICAL HISTORY:\nPrevious report described lymphovascular invasion.\n\n"
     "MICROSCOPIC DESCRIPTION:\nWell-differentiated neuroendocrine tumour. No lymphovascular "
     "invasion is identified.\n", "lvi", "absent", "No lymphovascular"),
    ("lvi_historical_previous", "The previous report described lymphovascular invasion.", "lvi",
     None, None),
    ("lvi_hypothetical", "If lymphovascular invasion were present, surgery would be advised.",
     "lvi", None, None),
    # --- addendum supersedes ------------------------------------------------------------
    ("ki67_addendum",
     "FINAL DIAGNOSIS:\nWell-differentiated neuroendocrine tumour. Ki-67 index: 2%.\n\n"
     "ADDENDUM:\nRepeat Ki-67 on a hot spot: 4%. The grade is revised to G2.\n", "ki67_percent",
     4, "4%"),
    ("margin_addendum_withdrawn",
     "DIAGNOSIS: Rectal EMR - neuroendocrine tumour, G1, 9 mm, deep margin involved.\n\n"
     "Addendum:\nOn deeper levels the deep margin is clear (0.3 mm). The original statement "
     "that the deep margin is involved is withdrawn.\n", "margin_deep", "negative",
     "deep margin is clear"),
    # --- multi-part specimens -----------------------------------------------------------
    ("multipart_tumour_part",
     "FINAL DIAGNOSIS:\nA. Rectum, ESD: Well-differentiated neuroendocrine tumour, 6 mm, G1.\n"
     "B. Sigmoid colon, polypectomy: Tubular adenoma, 8 mm. Ki-67 not performed.\n", "site",
     "rectum", "Rectum"),
    ("multipart_procedure", "FINAL DIAGNOSIS:\nA. Sigmoid colon, polypectomy: Hyperplastic "
     "polyp.\nB. Rectum, ESD: Well-differentiated neuroendocrine tumour, 6 mm.\n", "procedure",
     "esd", "ESD"),
    ("multipart_ki67_trap",
     "DIAGNOSIS:\nA. Rectum, EMR: neuroendocrine tumour, 5 mm, grade 1.\n"
     "B. Stomach, biopsy: adenoma with Ki-67 of 30%.\n", "ki67_percent", None, None),
    # --- Ki-67 ranges and bounds -------------------------------------------------------
    ("ki67_less_than", "Ki-67: <2%", "ki67_percent", 2, "<2%"),
    ("ki67_range", "Ki-67 index 2–3%.", "ki67_percent", 3, "2–3%"),
    ("ki67_approx_range", "Ki67 index approx. 1-2%.", "ki67_percent", 2, "1-2%"),
    ("ki67_percent_word", "MIB-1 labelling index of 1.5 percent.", "ki67_percent", 1.5,
     "1.5 percent"),
    # --- mitoses ----------------------------------------------------------------------
    ("mitoses_per_2mm2", "Mitotic rate: 1 per 2 mm2.", "mitoses_per_2mm2", 1, "1 per 2 mm2"),
    ("mitoses_hpf_not_converted", "Mitoses: 3 per 10 HPF.", "mitoses_per_2mm2", None, None),
    ("mitoses_hpf_converted",
     "Mitotic count: 2 per 10 high-power fields (10 HPF = 1.96 mm2).", "mitoses_per_2mm2",
     2.04, "2 per 10 high-power fields"),
    # --- grade --------------------------------------------------------------------------
    ("grade_who", "Well-differentiated neuroendocrine tumour, WHO grade 2.", "grade", "G2",
     "grade 2"),
    ("grade_net_well_diff_is_not_g1", "Well-differentiated neuroendocrine tumour.", "grade",
     None, None),
    ("grade_adeno_moderately", "Moderately differentiated adenocarcinoma.", "grade", "G2",
     "Moderately differentiated"),
    ("grade_adeno_poorly", "Poorly differentiated adenocarcinoma arising in a polyp.", "grade",
     "G3", "Poorly differentiated"),
    # --- histology, site, procedure vocabularies --------------------------------------
    ("histology_carcinoid", "CARCINOID TUMOR, 0.5 CM.", "histology", "neuroendocrine_tumor",
     "CARCINOID TUMOR"),
    ("histology_nec", "Poorly differentiated neuroendocrine carcinoma, small cell type.",
     "histology", "neuroendocrine_carcinoma", "neuroendocrine carcinoma"),
    ("histology_negated_not_found", "Negative for adenocarcinoma. Hyperplastic polyp.",
     "histology", "other", "Hyperplastic polyp"),
    ("site_rectosigmoid", "Rectosigmoid, EMR: neuroendocrine tumour.", "site", "rectum",
     "Rectosigmoid"),
    ("procedure_tamis", "Rectum, TAMIS excision: neuroendocrine tumour.", "procedure",
     "local_excision", "TAMIS"),
    ("procedure_tem", "Transanal endoscopic microsurgery (TEM) specimen with a NET.", "procedure",
     "local_excision", "Transanal endoscopic microsurgery"),
    ("procedure_lar", "Low anterior resection: adenocarcinoma.", "procedure",
     "radical_resection", "Low anterior resection"),
    ("procedure_apr", "ABDOMINOPERINEAL RESECTION (APR): ADENOCARCINOMA.", "procedure",
     "radical_resection", "ABDOMINOPERINEAL RESECTION"),
    ("procedure_recommendation_is_hypothetical",
     "Rectum, ESD: neuroendocrine tumour, 22 mm. Completion TME is recommended.", "procedure",
     "esd", "ESD"),
    ("apr_month_is_not_a_procedure", "Received 12 Apr 2026. Rectum, biopsy: NET.", "procedure",
     "biopsy", "biopsy"),
    # --- Japanese-style notation ------------------------------------------------------
    ("jp_hm1", "Neuroendocrine tumor, NET G1, 8 mm, pT1, Ly0, V0, HM1, VM0.", "margin_lateral",
     "positive", "HM1"),
    ("jp_vm0", "Neuroendocrine tumor, NET G1, 8 mm, pT1, Ly0, V0, HM1, VM0.", "margin_deep",
     "negative", "VM0"),
    ("jp_hmx", "Adenocarcinoma, tub1, pT1a, Ly0, V0, HMX, VM0.", "margin_lateral",
     "indeterminate", "HMX"),
    ("jp_ly0_v0", "Adenocarcinoma, tub1, pT1a, Ly0, V0, HM0, VM0.", "lvi", "absent", "Ly0"),
    ("jp_v1", "Neuroendocrine tumor, NET G1, pT1 (SM), Ly0, V1, HM0, VM0.", "lvi", "present",
     "V1"),
    ("jp_sm_depth", "Adenocarcinoma, tub2, pT1b(SM 1500 µm), Ly1, V0, BD2.", "sm_invasion_um",
     1500, "SM 1500 µm"),
    ("jp_pt1b_paren", "Adenocarcinoma, tub2, pT1b(SM 1500 µm), Ly1, V0, BD2.", "pt", "pT1b",
     "pT1b"),
    ("sm_depth_mm", "Depth of submucosal invasion: 1.8 mm.", "sm_invasion_um", 1800, "1.8 mm"),
    # --- distances vs sizes -------------------------------------------------------------
    ("distance_not_size",
     "The tumour lies 0.5 mm from the deep margin. No lymphovascular invasion.",
     "tumor_size_mm", None, None),
    ("distance_is_margin_mm", "The tumour lies 0.5 mm from the deep margin.", "margin_deep_mm",
     0.5, "0.5 mm from the deep margin"),
    ("distance_under_1mm_is_close", "The tumour lies 0.5 mm from the deep margin.",
     "margin_deep", "close", "0.5 mm"),
    ("specimen_size_not_tumour",
     "GROSS: ESD specimen measuring 4.0 x 3.5 x 0.8 cm with a central nodule.",
     "tumor_size_mm", None, None),
    ("tumour_size_cm", "The tumour measures 0.6 cm in greatest dimension.", "tumor_size_mm", 6,
     "0.6 cm"),
    ("tumour_size_in_greatest_dimension", "Tumour 0.6 cm in greatest dimension.",
     "tumor_size_mm", 6, "0.6 cm"),
    ("tumour_size_before_noun", "A 6 cm well-differentiated neuroendocrine tumour.",
     "tumor_size_mm", 60, "6 cm"),
    ("tumour_size_3d_max", "Tumour size: 26 x 20 x 9 mm.", "tumor_size_mm", 26, "26 x 20 x 9 mm"),
    ("anal_verge_not_size", "Rectal nodule at 8 cm from the anal verge, ESD.", "tumor_size_mm",
     None, None),
    # --- stage ----------------------------------------------------------------------------
    ("pt_without_p", "Pathologic stage: T1 N0", "pt", "pT1", "T1"),
    ("pn_without_p", "Pathologic stage: T1 N0", "pn", "pN0", "N0"),
    ("ypt_prefix", "STAGE: ypT3 ypN0 (AJCC 8th).", "pt", "ypT3", "ypT3"),
    ("pt_upper", "INVASION INTO SUBMUCOSA (PT1).", "pt", "pT1", "PT1"),
    ("t2_weighted_is_not_stage", "MRI: T2 weighted images show a nodule.", "pt", None, None),
    # --- margins -----------------------------------------------------------------------
    ("margins_free_generic", "Rectum, EMR: neuroendocrine tumour. Margins are free of tumor.",
     "margin_lateral", "negative", "Margins are free"),
    ("margins_semicolon_split", "Lateral margin involved; deep margin free.", "margin_lateral",
     "positive", "Lateral margin involved"),
    ("margins_semicolon_split_deep", "Lateral margin involved; deep margin free.", "margin_deep",
     "negative", "deep margin free"),
    ("margin_cautery", "The deep margin cannot be evaluated due to cautery artifact.",
     "margin_deep", "indeterminate", "deep margin"),
    ("margin_horizontal_synonym", "Horizontal margin: positive.", "margin_lateral", "positive",
     "Horizontal margin: positive"),
    ("margin_crm", "Circumferential resection margin: INVOLVED - tumour 0.5 mm from the CRM.",
     "margin_radial", "positive", "INVOLVED"),
    ("margin_status_word_beats_distance", "Deep margin: negative, tumour 0.4 mm from it.",
     "margin_deep", "negative", "Deep margin: negative"),
    ("margin_side_distance", "Margins clear: lateral 4 mm, deep 1.5 mm.", "margin_lateral_mm", 4,
     "lateral 4 mm"),
    ("margin_close_word", "Deep margin: close (0.2 mm).", "margin_deep", "close", "close"),
    # --- budding, resection, nodes --------------------------------------------------------
    ("budding_bd1", "Tumour budding: BD1.", "tumor_budding", "BD1", "BD1"),
    ("budding_low", "Tumor budding: low (2 buds).", "tumor_budding", "BD1", "low"),
    ("budding_bd_space", "Bd 2 at the invasive front.", "tumor_budding", "BD2", "Bd 2"),
    ("resection_piecemeal", "Rectal polyp, piecemeal EMR (3 fragments).", "resection",
     "piecemeal", "piecemeal"),
    ("resection_en_bloc", "The lesion was resected en bloc.", "resection", "en_bloc", "en bloc"),
    ("nodes_ratio", "Lymph nodes: 0/14.", "lymph_nodes_examined", 14, "0/14"),
    ("nodes_of", "Metastatic carcinoma in 2 of 15 lymph nodes.", "lymph_nodes_positive", 2,
     "2 of 15 lymph nodes"),
    ("nodes_pn_ratio", "pT3 pN1 (2/14).", "lymph_nodes_examined", 14, "2/14"),
    ("pn_stage", "pT3 pN1 (2/14).", "pn", "pN1", "pN1"),
    # --- other styles: British spelling, bullets, LIS upper case ------------------------
    ("bullets_british",
     "• Well-differentiated neuroendocrine tumour, grade 1\n• Tumour size: 7 mm\n"
     "• Lymphovascular invasion: not identified\n", "tumor_size_mm", 7, "7 mm"),
    ("depth_upper", "TUMOR INVOLVES SUBMUCOSA. NEUROENDOCRINE TUMOR, 0.5 CM.", "depth",
     "submucosa", "SUBMUCOSA"),
    ("depth_not_through_mp", "Neuroendocrine tumour. Invades into but not through the "
     "muscularis propria.", "depth", "muscularis_propria", "muscularis propria"),
    ("depth_mp_free", "Neuroendocrine tumour occupying the submucosa; the muscularis propria "
     "underneath is free of tumour.", "depth", "submucosa", "submucosa"),
]


@pytest.fixture(scope="module")
def results():
    texts = [c[1] for c in CASES]
    return dict(zip([c[0] for c in CASES], extract_findings_many(texts)))


def assert_extracted(finding, text: str, value, evidence: str | None) -> None:
    """A table row's expectation: the value (None: null, no evidence), proven by a span of
    ``text`` that contains ``evidence``."""
    if value is None:
        assert finding.value is None, finding
        assert finding.evidence == []
        return
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        assert finding.value == pytest.approx(value), finding
    else:
        assert finding.value == value, finding
    assert finding.source == "rules"
    assert finding.evidence, "a value needs a span"
    assert any(evidence in span.text for span in finding.evidence), finding.evidence
    for span in finding.evidence:
        assert text[span.start : span.end] == span.text


@pytest.mark.parametrize("case_id, text, field, value, evidence", CASES, ids=[c[0] for c in CASES])
def test_case(results, case_id, text, field, value, evidence):
    assert_extracted(getattr(results[case_id], field), text, value, evidence)


def test_many_equals_single():
    texts = [c[1] for c in CASES[:20]]
    assert list(extract_findings_many(texts, batch_size=3)) == [extract_findings(t) for t in texts]


def test_every_span_holds_and_model_validates():
    for _, text, *_ in CASES:
        findings = extract_findings(text)
        Findings.model_validate(findings.model_dump())  # values are in the data dictionary
        for name in Findings.field_names():
            finding = getattr(findings, name)
            assert (finding.value is None) == (not finding.evidence)
            assert all(span.holds_in(text) for span in finding.evidence)


def test_empty_and_odd_text():
    assert extract_findings("").histology.value is None
    assert extract_findings("\n\n   \n").model_dump() == Findings().model_dump()
    extract_findings("x" * 5000)  # no crash on text without sentences or anchors


# Conventions of docs/gold.md, tested on snippets of our own.
MORE_CASES = [
    ("jp_tub2_first", "Adenocarcinoma, tub2>tub1, pT1b (SM 1500 µm), Ly1, V0.", "grade", "G2", "tub2"),
    ("jp_tub1_first", "Adenocarcinoma, tub1>tub2, pT1a, Ly0, V0.", "grade", "G1", "tub1"),
    ("jp_por", "Adenocarcinoma, por2, pT1b, Ly1, V1.", "grade", "G3", "por2"),
    ("ftrd", "Rectum, FTRD specimen: neuroendocrine tumour, 12 mm.", "procedure", "eftr", "FTRD"),
    ("radical_no_resection_field", "Low anterior resection, received in one piece: "
     "adenocarcinoma.", "resection", None, None),
    ("mesocolic_margin", "Right hemicolectomy: adenocarcinoma. Mesocolic margin: clear (12 mm).",
     "margin_radial", "negative", "Mesocolic margin: clear"),
    ("nec_no_grade", "Poorly differentiated neuroendocrine carcinoma of the rectum.", "grade",
     None, None),
    ("dysplasia_grade_is_not_grade", "Tubular adenoma with high-grade dysplasia.", "grade", None,
     None),
    ("margin_lower_bound", "Lateral margins: clear (> 3 mm).", "margin_lateral_mm", 3, "> 3 mm"),
]


@pytest.mark.parametrize("case_id, text, field, value, evidence", MORE_CASES,
                         ids=[c[0] for c in MORE_CASES])
def test_more_case(case_id, text, field, value, evidence):
    finding = getattr(extract_findings(text), field)
    if value is None:
        assert finding.value is None, finding
        return
    assert finding.value == (pytest.approx(value) if isinstance(value, (int, float)) else value)
    assert any(evidence in span.text for span in finding.evidence), finding.evidence


CHECKBOX = """Lymphovascular Invasion
[ ] Not identified
[X] Present
[ ] Cannot be determined
Perineural Invasion: [X] Not identified [ ] Present
Histologic Grade
[ ] G1
[X] G2
Margins
[X] All margins negative for tumor
[ ] Tumor present at margin
Tumor Size: 0.8 cm
Ki-67 proliferation index: 4 %
Histologic Type
[X] Well-differentiated neuroendocrine tumor
[ ] Neuroendocrine carcinoma
"""

PIPE_TABLE = """| Feature | Result |
|---|---|
| Procedure | Endoscopic submucosal dissection |
| Histology | Well-differentiated neuroendocrine tumour |
| Tumour size | 6 mm |
| Lymphovascular invasion | Not identified |
| Ki-67 | 1.5 % |
| Deep margin | Negative (1.2 mm) |
| Lateral margin | Positive |
"""

DICTATION = ("rectum, endoscopic mucosal resection: well differentiated neuroendocrine tumor, "
             "grade 1, measuring 6 mm. the tumor involves the submucosa. no lymphovascular "
             "invasion is seen. ki-67 is less than 2 percent. mitoses 1 per 2 mm2. lvi negative. "
             "the deep margin is involved by tumor. the lateral margin is free, 3 mm.")

CRLF = "Procedure: EMR\r\nLymphovascular invasion: Not identified\r\nDeep margin: Involved\r\n" \
       "Lateral margin: Clear (2 mm)\r\nKi-67: 2 %\r\nHistologic type: Neuroendocrine tumour, G1\r\n"

STYLE_CASES = [
    ("checkbox_lvi", CHECKBOX, "lvi", "present", "Present"),
    ("checkbox_pni_inline", CHECKBOX, "pni", "absent", "Not identified"),
    ("checkbox_grade", CHECKBOX, "grade", "G2", "G2"),
    ("checkbox_margins", CHECKBOX, "margin_deep", "negative", "margins negative"),
    ("checkbox_histology", CHECKBOX, "histology", "neuroendocrine_tumor", "neuroendocrine tumor"),
    ("checkbox_size", CHECKBOX, "tumor_size_mm", 8, "0.8 cm"),
    ("pipe_lvi", PIPE_TABLE, "lvi", "absent", "Not identified"),
    ("pipe_deep", PIPE_TABLE, "margin_deep", "negative", "Negative"),
    ("pipe_deep_mm", PIPE_TABLE, "margin_deep_mm", 1.2, "1.2 mm"),
    ("pipe_lateral", PIPE_TABLE, "margin_lateral", "positive", "Positive"),
    ("pipe_ki67", PIPE_TABLE, "ki67_percent", 1.5, "1.5 %"),
    ("pipe_size", PIPE_TABLE, "tumor_size_mm", 6, "6 mm"),
    ("dictation_lvi", DICTATION, "lvi", "absent", "lymphovascular"),
    ("dictation_ki67", DICTATION, "ki67_percent", 2, "less than 2 percent"),
    ("dictation_deep", DICTATION, "margin_deep", "positive", "involved"),
    ("dictation_lateral", DICTATION, "margin_lateral", "negative", "free"),
    ("dictation_depth", DICTATION, "depth", "submucosa", "submucosa"),
    ("dictation_procedure", DICTATION, "procedure", "emr", "endoscopic mucosal resection"),
    ("crlf_lvi", CRLF, "lvi", "absent", "Not identified"),
    ("crlf_deep", CRLF, "margin_deep", "positive", "Involved"),
    ("crlf_lateral_mm", CRLF, "margin_lateral_mm", 2, "2 mm"),
    ("crlf_grade", CRLF, "grade", "G1", "G1"),
]


@pytest.mark.parametrize("case_id, text, field, value, evidence", STYLE_CASES,
                         ids=[c[0] for c in STYLE_CASES])
def test_other_styles(case_id, text, field, value, evidence):
    """Checklists, pipe tables, lower-case dictation, CRLF: styles our gold train set lacks."""
    test_more_case(case_id, text, field, value, evidence)


def test_slash_joined_margin_sides():
    f = extract_findings("Mucosal/lateral margin: Uninvolved by invasive carcinoma.")
    assert f.margin_lateral.value == "negative"


from hypothesis import given, settings, strategies as st  # noqa: E402

_PIECES = ["Lymphovascular invasion:", "not identified", "present", "[X]", "[ ]", "|", "\n", "\r\n",
           ";", ".", "Ki-67", "1-2%", "<2%", "pT1b(SM", "1500 µm)", "HM1", "VM0", "Ly0", "V1",
           "deep margin", "0.5 mm from the", "4.0 x 3.5 x 0.8 cm", "tumour", "NET", "A.", "B.",
           "ADDENDUM:", "CLINICAL HISTORY:", "cannot be excluded", "if", "previous", "mitoses",
           "2/10 HPF", "lymph nodes", "0/14", "BD2", "G2", "☒", "Size:", "6 cm", "ESD", "é"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=80))
def test_any_text_gives_proven_values(pieces):
    """Property: whatever the text, every value has spans and every span holds."""
    text = " ".join(pieces)
    findings = extract_findings(text)
    for name in Findings.field_names():
        finding = getattr(findings, name)
        assert (finding.value is None) == (not finding.evidence)
        assert all(text[s.start:s.end] == s.text for s in finding.evidence)


W2_CASES = [
    ("keyvalue_size", "tumour_size = 4 mm\nmargin_lateral = clear\nmargin_deep = involved\n"
     "diagnosis = neuroendocrine tumour", "margin_deep", "positive", "involved"),
    ("dot_leaders", "Perineural Invasion ................ not identified\n", "pni", "absent",
     "not identified"),
    ("dot_leaders_margin", "Deep Margin ........................ negative, 0.8 mm\n",
     "margin_deep_mm", 0.8, "0.8 mm"),
    ("tab_separated_stage", "DIAGNOSIS\tNeuroendocrine tumour, G1\nSTAGE\tpT2(m) pN1\n", "pt",
     "pT2", "pT2"),
    ("largest_focus", "DIAGNOSIS\tMultifocal neuroendocrine tumour\nLARGEST FOCUS\t11 mm\n"
     "MESENTERIC MASS\t25 mm, nodal metastasis\n", "tumor_size_mm", 11, "11 mm"),
    ("jp_code_distance", "NET G1, 8 mm, HM0 (3 mm), VM0 (1.1 mm).", "margin_deep_mm", 1.1,
     "VM0 (1.1 mm)"),
    ("pni_neg", "LVI +, PNI neg.", "pni", "absent", "neg"),
    ("l0_v0", "Lymphovascular: L0 V0\nPerineural: Pn0\n", "lvi", "absent", "L0"),
    ("pn0_beats_label", "Lymphovascular: L0 V0\nPerineural: Pn0\n", "pni", "absent", "Pn0"),
    ("pn_colon_minus", "Adenocarcinoma, pT1.\nLVI: +\nPn: -\n", "pni", "absent", "Pn: -"),
    ("budding_score", "Adenocarcinoma. Tumour budding score 2.", "tumor_budding", "BD2", "score 2"),
    ("mp_included_not_invaded", "Adenocarcinoma. Level: submucosa. Deep margin: free "
     "(muscularis propria included, 3 mm).", "depth", "submucosa", "submucosa"),
    ("mp_well_clear", "Neuroendocrine tumour, 3 mm, in the submucosa, well clear of the "
     "muscularis propria.", "depth", "submucosa", "submucosa"),
    ("circumferential_mucosal_is_lateral", "TEM: neuroendocrine tumour.\n"
     "Circumferential mucosal margin clear (6 mm)", "margin_lateral_mm", 6, "6 mm"),
    ("received_intact", "TEM specimen, received intact. Neuroendocrine tumour.", "resection",
     "en_bloc", "received intact"),
    ("lvi_not_assessable_is_null", "Rectal biopsy: neuroendocrine tumour. Lymphovascular "
     "invasion cannot be evaluated.", "lvi", None, None),
    ("indication_is_not_histology", "Abdominoperineal resection following chemoradiotherapy "
     "for low rectal adenocarcinoma.\n\nMicroscopic: No residual tumour identified.",
     "histology", None, None),
    ("indication_still_names_site", "Abdominoperineal resection following chemoradiotherapy "
     "for low rectal adenocarcinoma.\n\nMicroscopic: No residual tumour identified.",
     "site", "rectum", "rectal"),
    ("quirke_grade_is_not_grade", "APR specimen. Mesorectum complete (Quirke grade 3). "
     "No residual tumour.", "grade", None, None),
    ("scar_distance_is_not_margin_mm", "No residual tumour. CRM not involved (scar 11 mm from "
     "CRM).", "margin_radial_mm", None, None),
    ("synoptic_title_names_no_site", "Synoptic Report: Neuroendocrine Tumour, Colon and Rectum\n"
     "Tumour Site ..... Rectum\nHistologic Type .... neuroendocrine tumour\n", "site", "rectum",
     "Rectum"),
    ("en_bloc_not_negated_by_margins", "- en-bloc resection, lateral and vertical margins "
     "negative\n- neuroendocrine tumour, G1", "resection", "en_bloc", "en-bloc"),
    ("uppercase_pn_nodes", "ADENOCARCINOMA.\n- LYMPH NODES: 0 OF 17 (PN0).", "pn", "pN0", "PN0"),
    ("uppercase_nodes_of", "ADENOCARCINOMA.\n- LYMPH NODES: 0 OF 17 (PN0).",
     "lymph_nodes_examined", 17, "0 OF 17"),
]


@pytest.mark.parametrize("case_id, text, field, value, evidence", W2_CASES,
                         ids=[c[0] for c in W2_CASES])
def test_more_styles(case_id, text, field, value, evidence):
    """Key = value lists, dot leaders, tabs, telegraphic codes, indications, scars."""
    test_more_case(case_id, text, field, value, evidence)


def phrasing_table(cases: list) -> tuple:
    """A module's phrasing table as pytest sees it: a ``results`` fixture (every row's text
    extracted in one batch) and one parametrized test per ``(id, text, field, value, evidence)``
    row. Use as ``results, test_phrasing = phrasing_table(CASES)``."""
    from pipeline.extract import extract_findings_many

    @pytest.fixture(scope="module")
    def results():
        return dict(zip([c[0] for c in cases], extract_findings_many([c[1] for c in cases])))

    @pytest.mark.parametrize("case_id, text, field, value, evidence", cases, ids=[c[0] for c in cases])
    def test(results, case_id, text, field, value, evidence):
        assert_extracted(getattr(results[case_id], field), text, value, evidence)

    return results, test


def test_unindented_synoptic_fields_stay_in_the_synoptic_block():
    """"SYNOPTIC SUMMARY:" then "Procedure: ESD" on the next line: the procedure line is the
    block's first field, not a specimen section that swallows the block (the bundled example's
    "Depth of invasion: invades muscularis propria" was read at specimen priority)."""
    from pathlib import Path
    example = (Path(__file__).resolve().parents[1] / "examples" / "rectal_net_esd.txt").read_text()
    findings = extract_findings(example)
    assert findings.depth.value == "muscularis_propria"
    assert any("Depth of invasion" in e.text or "muscularis propria" in e.text for e in findings.depth.evidence)
    micro = ("MICROSCOPIC DESCRIPTION:\nA neuroendocrine tumour infiltrating the submucosa.\n\n")
    synoptic = ("SYNOPTIC SUMMARY:\nProcedure: Endoscopic submucosal dissection (ESD)\n"
                "Depth of invasion: invades muscularis propria\n")
    assert extract_findings(micro + synoptic).depth.value == "muscularis_propria"
    # trap: after a blank line, a "PROCEDURE:" heading is a section of its own again
    later = micro + "SYNOPTIC SUMMARY:\nHistologic type: NET\n\nPROCEDURE: ESD\nmucosa only\n"
    assert extract_findings(later).depth.value == "submucosa"
