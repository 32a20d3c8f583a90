"""Phrasing variants of the fields that generalise worst (depth, PNI, Ki-67, mitoses, SM
invasion depth, tumour size, deep-margin distance, site, procedure, margins, LVI, grade).

Written before the rules they test: word order, abbreviations, units (µm/um/mm/cm), "x"
dimensions, ranges, values before or after labels, colon-less labels, units written in the
label, values on the line under the label, tables and lists, negation and uncertainty;
each group ends with traps that must stay null.
"""

import pytest
from test_extract import assert_extracted  # tests/ is on sys.path

from pipeline.extract import extract_findings_many

NET = "Rectum, ESD: well-differentiated neuroendocrine tumour, G1. "
ADENO = "Rectum, ESD: adenocarcinoma, moderately differentiated. "
HIST = "well-differentiated neuroendocrine tumour, G1. "

# (id, text, field, expected value (None: must stay null), a substring of the evidence)
CASES = [
    # depth
    ("depth_invades_into_submucosa", NET + "The tumour invades into the submucosa.", "depth", "submucosa", "submucosa"),
    ("depth_label_colon", NET + "Depth of invasion: submucosa\n", "depth", "submucosa", "submucosa"),
    ("depth_label_nocolon", NET + "Depth of invasion submucosa\n", "depth", "submucosa", "submucosa"),
    ("depth_confined_mucosa", NET + "Tumour confined to the mucosa.", "depth", "mucosa", "mucosa"),
    ("depth_lamina_propria", ADENO + "Invasion limited to the lamina propria.", "depth", "mucosa", "lamina propria"),
    ("depth_mp", NET + "Tumour infiltrates the muscularis propria.", "depth", "muscularis_propria", "muscularis propria"),
    ("depth_mp_abbrev", NET + "Depth: MP\n", "depth", "muscularis_propria", "MP"),
    ("depth_sm_abbrev", NET + "Depth: SM\n", "depth", "submucosa", "SM"),
    ("depth_muscularis_mucosae_not_mp", NET + "Tumour involves the muscularis mucosae and submucosa.", "depth", "submucosa", "submucosa"),
    ("depth_subserosa", ADENO.replace("ESD", "anterior resection") + "Tumour extends into the subserosal fat.", "depth", "subserosa", "subserosa"),
    ("depth_pericolic", ADENO.replace("ESD", "anterior resection") + "Tumour invades through the muscularis propria into pericolorectal tissue.", "depth", "subserosa", "pericolorectal"),
    ("depth_serosa", ADENO.replace("ESD", "anterior resection") + "Tumour penetrates the visceral peritoneum.", "depth", "serosa", "peritoneum"),
    ("depth_no_mp", NET + "The tumour is in the submucosa; no invasion of the muscularis propria.", "depth", "submucosa", "submucosa"),
    ("depth_table", NET + "| Depth of invasion | Submucosa |\n", "depth", "submucosa", "Submucosa"),
    ("depth_sm2", ADENO + "Depth: SM2\n", "depth", "submucosa", "SM2"),
    ("depth_pT1_only_not_depth", NET + "pT1", "depth", None, None),
    # PNI
    ("pni_not_identified", NET + "Perineural invasion: not identified.", "pni", "absent", "not identified"),
    ("pni_abbrev_absent", NET + "PNI: absent.", "pni", "absent", "absent"),
    ("pni_no_evidence", NET + "There is no evidence of perineural invasion.", "pni", "absent", "perineural"),
    ("pni_neural_invasion", NET + "Neural invasion: present.", "pni", "present", "present"),
    ("pni_perineural_infiltration", NET + "Perineural infiltration is seen.", "pni", "present", "Perineural infiltration"),
    ("pni_nerve_involvement_none", NET + "Nerve involvement: none.", "pni", "absent", "none"),
    ("pni_without", NET + "Tumour without perineural invasion.", "pni", "absent", "perineural"),
    ("pni_no_colon", NET + "Perineural invasion No\n", "pni", "absent", "No"),
    ("pni_not_seen_two_sentences", NET + "Perineural invasion: Not seen.", "pni", "absent", "Not seen"),
    ("pni_suspicious", NET + "Possible perineural invasion.", "pni", "indeterminate", "perineural"),
    ("pni_equivocal_after", NET + "Perineural invasion: equivocal.", "pni", "indeterminate", "equivocal"),
    ("pni_Pn1", ADENO + "Ly0, V0, Pn1.", "pni", "present", "Pn1"),
    ("pni_neg_lvi_pos", NET + "Lymphovascular invasion is present, but perineural invasion is absent.", "pni", "absent", "absent"),
    ("pni_table", NET + "| Perineural invasion | Not identified |\n", "pni", "absent", "Not identified"),
    # Ki-67
    ("ki67_colon", NET + "Ki-67: 3%", "ki67_percent", 3, "3%"),
    ("ki67_nospace", NET + "Ki67 1%", "ki67_percent", 1, "1%"),
    ("ki67_mib1", NET + "MIB1 proliferation index: 2 %.", "ki67_percent", 2, "2 %"),
    ("ki67_proliferative_index", NET + "Ki-67 proliferative index is approximately 5%.", "ki67_percent", 5, "5%"),
    ("ki67_lt1", NET + "Ki-67 index <1%.", "ki67_percent", 1, "<1%"),
    ("ki67_less_than_one_percent", NET + "Ki-67 less than 1 percent.", "ki67_percent", 1, "1 percent"),
    ("ki67_before", NET + "3% of tumour cells are Ki-67 positive.", "ki67_percent", 3, "3%"),
    ("ki67_labelling", NET + "Ki-67 labeling index 12.5%", "ki67_percent", 12.5, "12.5%"),
    ("ki67_in_hotspot", NET + "Ki-67 (hot spot, 500 cells): 4%", "ki67_percent", 4, "4%"),
    ("ki67_comma_decimal", NET + "Ki-67: 2,5 %", "ki67_percent", 2.5, "2,5 %"),
    ("ki67_table", NET + "| Ki-67 index | 2% |\n", "ki67_percent", 2, "2%"),
    ("ki67_not_performed", NET + "Ki-67: not performed.", "ki67_percent", None, None),
    ("ki67_ki_67_spaced", NET + "Ki 67: 2%", "ki67_percent", 2, "2%"),
    ("ki67_range_to", NET + "Ki-67 1 to 2%", "ki67_percent", 2, "2%"),
    ("ki67_unit_each", NET + "Ki-67 index 1%-2%", "ki67_percent", 2, "2%"),
    # mitoses
    ("mit_per_2mm2", NET + "Mitoses: 1 per 2 mm2.", "mitoses_per_2mm2", 1, "1 per 2 mm2"),
    ("mit_slash", NET + "Mitotic count: 2/2 mm².", "mitoses_per_2mm2", 2, "2/2 mm²"),
    ("mit_lt1", NET + "Mitotic rate <1 per 2 mm2.", "mitoses_per_2mm2", 1, "<1 per 2 mm2"),
    ("mit_none", NET + "No mitoses are identified.", "mitoses_per_2mm2", 0, "No mitoses"),
    ("mit_mitoses_absent", NET + "Mitoses: absent.", "mitoses_per_2mm2", 0, "absent"),
    ("mit_mitotic_figures_not_identified", NET + "Mitotic figures are not identified.", "mitoses_per_2mm2", 0, "not identified"),
    ("mit_0_per", NET + "Mitotic index: 0/2mm2", "mitoses_per_2mm2", 0, "0/2mm2"),
    ("mit_count_after", NET + "Mitotic count 3 mitoses per 2 mm2.", "mitoses_per_2mm2", 3, "3 mitoses per 2 mm2"),
    ("mit_per_hpf_no_area_trap", NET + "Mitoses: 2 per 10 HPF.", "mitoses_per_2mm2", None, None),
    ("mit_table", NET + "| Mitotic rate | 1/2 mm2 |\n", "mitoses_per_2mm2", 1, "1/2 mm2"),
    ("mit_sq_mm", NET + "Mitotic count: 4 per 2 square millimetres.", "mitoses_per_2mm2", 4, "4 per 2 square millimetres"),
    ("mit_per_2mm_sq_word", NET + "Mitoses 2 / 2 mm^2", "mitoses_per_2mm2", 2, "2 / 2 mm^2"),
    ("mit_rare", NET + "Mitoses: less than 2 per 2 mm2", "mitoses_per_2mm2", 2, "less than 2 per 2 mm2"),
    ("mit_label_after", NET + "1 mitosis/2 mm2.", "mitoses_per_2mm2", 1, "1 mitosis/2 mm2"),
    ("mit_in_10hpf_area", NET + "Mitoses: 3 per 10 HPF (10 HPF = 2 mm2).", "mitoses_per_2mm2", 3, "3 per 10 HPF"),
    # sm invasion
    ("sm_um", ADENO + "Depth of submucosal invasion: 1500 µm.", "sm_invasion_um", 1500, "1500 µm"),
    ("sm_um_ascii", ADENO + "Submucosal invasion depth 800 um.", "sm_invasion_um", 800, "800 um"),
    ("sm_mm", ADENO + "Submucosal invasion depth: 1.2 mm.", "sm_invasion_um", 1200, "1.2 mm"),
    ("sm_invades_submucosa_to_depth", ADENO + "Tumour invades the submucosa to a depth of 2000 µm.", "sm_invasion_um", 2000, "2000 µm"),
    ("sm_pT1b_paren", ADENO + "pT1b (SM, 2500 µm).", "sm_invasion_um", 2500, "2500 µm"),
    ("sm_SM_equals", ADENO + "SM invasion: 600 μm\n", "sm_invasion_um", 600, "600 μm"),
    ("sm_depth_label_value_before", ADENO + "1,800 µm submucosal invasion.", "sm_invasion_um", 1800, "1,800 µm"),
    ("sm_microns", ADENO + "Submucosal invasion of 1200 microns.", "sm_invasion_um", 1200, "1200 microns"),
    ("sm_depth_from_mm", ADENO + "Depth of invasion into submucosa: 900 µm (measured from the muscularis mucosae).", "sm_invasion_um", 900, "900 µm"),
    ("sm_depth_table", ADENO + "| SM invasion depth | 3000 µm |\n", "sm_invasion_um", 3000, "3000 µm"),
    ("sm_no_trap_thickness", ADENO + "Submucosa 3 mm thick.", "sm_invasion_um", None, None),
    # size
    ("size_greatest_dimension", NET + "Tumour size: 8 mm in greatest dimension.", "tumor_size_mm", 8, "8 mm"),
    ("size_cm", NET + "Tumour size: 1.2 cm.", "tumor_size_mm", 12, "1.2 cm"),
    ("size_x", NET + "The tumour measures 6 x 5 x 3 mm.", "tumor_size_mm", 6, "6 x 5 x 3 mm"),
    ("size_x_nospace", NET + "Tumour measuring 7x4mm.", "tumor_size_mm", 7, "7x4mm"),
    ("size_max_diameter", NET + "Maximum tumour diameter 9 mm.", "tumor_size_mm", 9, "9 mm"),
    ("size_label_nocolon", NET + "Tumor size 4 mm\n", "tumor_size_mm", 4, "4 mm"),
    ("size_greatest_dimension_label", NET + "Greatest dimension of tumour: 11 mm.", "tumor_size_mm", 11, "11 mm"),
    ("size_net_measuring", "Rectum, ESD: well-differentiated neuroendocrine tumour measuring 5 mm, G1.", "tumor_size_mm", 5, "5 mm"),
    ("size_table", NET + "| Tumour size | 7 mm |\n", "tumor_size_mm", 7, "7 mm"),
    ("size_specimen_trap", NET + "Specimen size: 25 x 20 x 4 mm.", "tumor_size_mm", None, None),
    ("size_distance_trap", NET + "Tumour is 3 mm from the deep margin.", "tumor_size_mm", None, None),
    ("size_mm_word", NET + "The tumour measures 6 millimetres.", "tumor_size_mm", 6, "6 millimetres"),
    ("size_two_sentences", NET + "Tumour size. 6 mm.", "tumor_size_mm", 6, "6 mm"),
    ("size_diameter", NET + "Tumour diameter: 10 mm.", "tumor_size_mm", 10, "10 mm"),
    ("size_up_to", NET + "Lesion up to 4 mm.", "tumor_size_mm", 4, "4 mm"),
    # deep margin distance
    ("dm_distance_to", NET + "Distance to deep margin: 0.5 mm.", "margin_deep_mm", 0.5, "0.5 mm"),
    ("dm_clear_by", NET + "Deep margin clear by 1.5 mm.", "margin_deep_mm", 1.5, "1.5 mm"),
    ("dm_from", NET + "The tumour lies 2 mm from the deep resection margin.", "margin_deep_mm", 2, "2 mm"),
    ("dm_clearance", NET + "Deep margin clearance: 0.8 mm.", "margin_deep_mm", 0.8, "0.8 mm"),
    ("dm_um", NET + "Deep margin: negative, 300 µm.", "margin_deep_mm", 0.3, "300 µm"),
    ("dm_vertical", NET + "Vertical margin free (1.0 mm).", "margin_deep_mm", 1.0, "1.0 mm"),
    ("dm_closest_deep", NET + "Closest distance to the deep margin is 0.2 mm.", "margin_deep_mm", 0.2, "0.2 mm"),
    ("dm_minimum", NET + "Minimum distance to the vertical margin 450 um.", "margin_deep_mm", 0.45, "450 um"),
    ("dm_table", NET + "| Deep margin | Negative (1.2 mm) |\n", "margin_deep_mm", 1.2, "1.2 mm"),
    ("dm_cm", NET + "Deep margin: clear, 0.1 cm.", "margin_deep_mm", 1.0, "0.1 cm"),
    ("dm_involved_0", NET + "Deep margin: involved.", "margin_deep_mm", None, None),
    ("dm_status_before_distance", NET + "Clear deep margin (0.4 mm).", "margin_deep", "negative", "Clear deep margin"),
    ("dm_basal", NET + "Basal margin: 1 mm.", "margin_deep_mm", 1, "1 mm"),
    ("dm_status_close", NET + "Deep margin: close (0.3 mm).", "margin_deep", "close", "close"),
    ("dm_and_lateral", NET + "Lateral margin 3 mm, deep margin 0.5 mm.", "margin_deep_mm", 0.5, "0.5 mm"),
    ("dm_and_lateral_lat", NET + "Lateral margin 3 mm, deep margin 0.5 mm.", "margin_lateral_mm", 3, "3 mm"),
    ("site_low_rectum", "Low rectum, EMR: " + HIST, "site", "rectum", "rectum"),
    ("site_rectal_polyp", "Rectal polyp, polypectomy: " + HIST, "site", "rectum", "Rectal"),
    ("site_sigmoid", "Sigmoid colon, polypectomy: " + HIST, "site", "colon", "Sigmoid"),
    ("site_caecum", "Caecum, EMR: " + HIST, "site", "colon", "Caecum"),
    ("site_cecum", "Cecum, EMR: " + HIST, "site", "colon", "Cecum"),
    ("site_hepatic_flexure", "Hepatic flexure, EMR: " + HIST, "site", "colon", "Hepatic flexure"),
    ("site_terminal_ileum", "Terminal ileum, biopsy: " + HIST, "site", "small_intestine", "ileum"),
    ("site_duodenum", "Duodenum, EMR: " + HIST, "site", "small_intestine", "Duodenum"),
    ("site_appendix_tip", "Appendix (tip): " + HIST, "site", "appendix", "Appendix"),
    ("site_gastric_antrum", "Gastric antrum, biopsy: " + HIST, "site", "stomach", "Gastric"),
    ("site_label", "Site: rectum, 6 cm from the anal verge\nDiagnosis: " + HIST, "site", "rectum", "rectum"),
    ("site_rectosigmoid", "Rectosigmoid, polypectomy: " + HIST, "site", "rectum", "Rectosigmoid"),
    ("site_transverse", "Transverse colon: " + HIST, "site", "colon", "Transverse colon"),
    ("proc_esd_words", "Rectum, endoscopic submucosal dissection: " + HIST, "procedure", "esd", "endoscopic submucosal dissection"),
    ("proc_emr_words", "Rectum, endoscopic mucosal resection: " + HIST, "procedure", "emr", "endoscopic mucosal resection"),
    ("proc_cap_emr", "Rectum, cap-assisted EMR: " + HIST, "procedure", "emr", "EMR"),
    ("proc_emr_l", "Rectum, EMR-L: " + HIST, "procedure", "emr", "EMR"),
    ("proc_band_ligation", "Rectum, band-ligation EMR: " + HIST, "procedure", "emr", "EMR"),
    ("proc_snare", "Rectum, snare polypectomy: " + HIST, "procedure", "polypectomy", "polypectomy"),
    ("proc_hot_snare", "Rectum, hot snare excision: " + HIST, "procedure", "polypectomy", "snare"),
    ("proc_eftr", "Rectum, full-thickness resection (EFTR): " + HIST, "procedure", "eftr", "EFTR"),
    ("proc_tamis", "Rectum, TAMIS excision: " + HIST, "procedure", "local_excision", "TAMIS"),
    ("proc_transanal", "Rectum, transanal excision: " + HIST, "procedure", "local_excision", "transanal excision"),
    ("proc_lar", "Low anterior resection: " + HIST, "procedure", "radical_resection", "anterior resection"),
    ("proc_hemicolectomy", "Right hemicolectomy: " + HIST, "procedure", "radical_resection", "hemicolectomy"),
    ("proc_sigmoidectomy", "Sigmoid colectomy: " + HIST, "procedure", "radical_resection", "colectomy"),
    ("proc_biopsies", "Rectum, biopsies: " + HIST, "procedure", "biopsy", "biopsies"),
    ("proc_appendicectomy", "Appendicectomy: " + HIST, "procedure", "other", "Appendicectomy"),
    ("marg_lat_involved", "EMR: " + HIST + "Lateral margin: involved.", "margin_lateral", "positive", "involved"),
    ("marg_lat_free", "EMR: " + HIST + "Lateral margins are free of tumour.", "margin_lateral", "negative", "free"),
    ("marg_periph_neg", "EMR: " + HIST + "Peripheral margin negative.", "margin_lateral", "negative", "negative"),
    ("marg_both_free", "EMR: " + HIST + "Lateral and deep margins free.", "margin_deep", "negative", "free"),
    ("marg_horizontal_neg", "ESD: " + HIST + "Horizontal margin: negative.", "margin_lateral", "negative", "negative"),
    ("marg_deep_present_at", "EMR: " + HIST + "Tumour is present at the deep margin.", "margin_deep", "positive", "present at"),
    ("marg_deep_transected", "EMR: " + HIST + "Tumour transected at the deep margin.", "margin_deep", "positive", "transected"),
    ("marg_lat_cautery", "EMR: " + HIST + "Lateral margin cannot be assessed due to cautery.", "margin_lateral", "indeterminate", "cannot be assessed"),
    ("marg_crm_clear", "Anterior resection: adenocarcinoma. CRM: clear (5 mm).", "margin_radial", "negative", "clear"),
    ("marg_crm_mm", "Anterior resection: adenocarcinoma. CRM: clear (5 mm).", "margin_radial_mm", 5, "5 mm"),
    ("marg_r0", "EMR: " + HIST + "Deep margin R0.", "margin_deep", "negative", "R0"),
    ("marg_lat_close", "EMR: " + HIST + "Lateral margin close, 0.2 mm.", "margin_lateral", "close", "close"),
    ("marg_deep_not_involved", "EMR: " + HIST + "The deep margin is not involved.", "margin_deep", "negative", "not involved"),
    ("marg_deep_focally_involved", "EMR: " + HIST + "The deep margin is focally involved.", "margin_deep", "positive", "involved"),
    ("marg_deep_table", "EMR: " + HIST + "| Deep margin | Involved |\n", "margin_deep", "positive", "Involved"),
    ("marg_deep_list", "EMR: " + HIST + "Margins:\n- Deep: involved\n- Lateral: clear\n", "margin_deep", "positive", "involved"),
    ("marg_deep_list_lat", "EMR: " + HIST + "Margins:\n- Deep: involved\n- Lateral: clear\n", "margin_lateral", "negative", "clear"),
    ("lvi_lymphatic_invasion_identified", HIST + "Lymphatic invasion identified.", "lvi", "present", "identified"),
    ("lvi_vascular_not_seen", HIST + "Vascular invasion not seen.", "lvi", "absent", "not seen"),
    ("lvi_no_evidence", HIST + "There is no evidence of lymphovascular invasion.", "lvi", "absent", "lymphovascular"),
    ("lvi_lvsi_neg", HIST + "LVSI: negative.", "lvi", "absent", "negative"),
    ("lvi_without", HIST + "Tumour without lymphovascular invasion.", "lvi", "absent", "lymphovascular"),
    ("lvi_venous_present", HIST + "Venous invasion: present (EVG).", "lvi", "present", "present"),
    ("lvi_ly1", "Adenocarcinoma, tub1, pT1b, Ly1, V0.", "lvi", "present", "Ly1"),
    ("lvi_both_absent", HIST + "Lymphatic and venous invasion: absent.", "lvi", "absent", "absent"),
    ("lvi_ev_not_identified_twoline", HIST + "Lymphovascular invasion\nNot identified\n", "lvi", "absent", "Not identified"),
    ("lvi_d240_neg", HIST + "No lymphovascular invasion on D2-40 and CD31 immunostains.", "lvi", "absent", "No lymphovascular"),
    ("grade_who_g2", "Neuroendocrine tumour, WHO grade 2.", "grade", "G2", "grade 2"),
    ("grade_g1_paren", "Neuroendocrine tumour (G1).", "grade", "G1", "G1"),
    ("grade_label", "Neuroendocrine tumour.\nGrade: G2\n", "grade", "G2", "G2"),
    ("grade_label_roman", "Neuroendocrine tumour.\nWHO grade: II\n", "grade", "G2", "II"),
    ("grade_net_g1", "NET G1 of the rectum.", "grade", "G1", "G1"),
    ("grade_well_adeno", "Adenocarcinoma, well differentiated.", "grade", "G1", "well differentiated"),
    ("grade_low_grade_adeno", "Adenocarcinoma, low grade (moderately differentiated).", "grade", "G2", "moderately"),
    ("grade_well_net_no_grade", "Well-differentiated neuroendocrine tumour.", "grade", None, None),
    ("grade_grade1_word", "Neuroendocrine tumour, grade 1.", "grade", "G1", "grade 1"),
    ("grade_tumour_grade_label", "Neuroendocrine tumour. Tumour grade: G1.", "grade", "G1", "G1"),
    ("grade_net_g2_hyphen", "NET-G2, rectum.", "grade", "G2", "G2"),
    ("mit_unit_in_label", NET + "Mitoses per 2 mm2: 1\n", "mitoses_per_2mm2", 1, "1"),
    ("mit_unit_in_label_paren", NET + "Mitotic count (/2 mm²): 3\n", "mitoses_per_2mm2", 3, "3"),
    ("mit_zero_bare", NET + "Mitotic count: 0\n", "mitoses_per_2mm2", 0, "0"),
    ("mit_nil", NET + "Mitoses: nil.\n", "mitoses_per_2mm2", 0, "nil"),
    ("mit_atypical_trap", NET + "No atypical mitoses.", "mitoses_per_2mm2", None, None),
    ("mit_not_assessed_trap", NET + "Mitotic count: not assessed.", "mitoses_per_2mm2", None, None),
    ("mit_hpf_trap_label", NET + "Mitoses per 10 HPF: 2\n", "mitoses_per_2mm2", None, None),
    ("ki67_unit_in_label", NET + "Ki-67 index (%): 3\n", "ki67_percent", 3, "3"),
    ("ki67_next_line", NET + "Ki-67 proliferation index\n2%\n", "ki67_percent", 2, "2%"),
    ("ki67_two_sentences", NET + "Ki-67 immunostain was performed. The proliferation index is 3%.", "ki67_percent", 3, "3%"),
    ("sm_unit_in_label", ADENO + "Depth of submucosal invasion (µm): 1500\n", "sm_invasion_um", 1500, "1500"),
    ("sm_unit_in_label_um", ADENO + "SM invasion depth (um): 700\n", "sm_invasion_um", 700, "700"),
    ("size_unit_in_label", NET + "Tumour size (cm): 1.1\n", "tumor_size_mm", 11, "1.1"),
    ("size_unit_in_label_mm", NET + "Tumour size (mm): 6\n", "tumor_size_mm", 6, "6"),
    ("dm_unit_in_label", NET + "Distance to deep margin (mm): 0.4\n", "margin_deep_mm", 0.4, "0.4"),
    ("lvi_next_line", NET + "Lymphovascular invasion\nNot identified\n", "lvi", "absent", "Not identified"),
    ("pni_next_line", NET + "Perineural invasion:\nPresent\n", "pni", "present", "Present"),
    ("marg_next_line", NET + "Deep margin:\nInvolved\n", "margin_deep", "positive", "Involved"),
    ("lvi_next_line_trap", NET + "Lymphovascular invasion\nPerineural invasion: not identified\n", "lvi", "present", "Lymphovascular invasion"),
    ("grade_net_g2_hyphen", "NET-G2, rectum.", "grade", "G2", "G2"),
    ("depth_mp_abbrev", NET + "Depth: MP\n", "depth", "muscularis_propria", "MP"),
    ("sm_thousands", ADENO + "Submucosal invasion depth: 1,800 µm.", "sm_invasion_um", 1800, "1,800 µm"),
    ("sm_value_before", ADENO + "1800 µm submucosal invasion.", "sm_invasion_um", 1800, "1800 µm"),
    ("sm_value_before_deep", ADENO + "Invasive to a depth of 1200 µm into the submucosa.", "sm_invasion_um", 1200, "1200 µm"),
    ("sm_sm_depth_mm_comma", ADENO + "SM depth 1,2 mm", "sm_invasion_um", 1200, "1,2 mm"),
    ("sm_sm2_no_um", ADENO + "Depth: SM2\n", "sm_invasion_um", None, None),
    ("pni_nerve_invasion", NET + "Nerve invasion: absent.", "pni", "absent", "absent"),
    ("pni_perineural_involvement", NET + "Perineural involvement: none.", "pni", "absent", "none"),
    ("size_largest_dim_first", NET + "Largest dimension 7 mm (tumour).", "tumor_size_mm", 7, "7 mm"),
    ("size_in_size", NET + "A 6 mm tumour is present.", "tumor_size_mm", 6, "6 mm"),
    ("size_range", NET + "Tumour size 5-6 mm.", "tumor_size_mm", 6, "6 mm"),
    ("size_max_then_label", NET + "Maximum tumour dimension: 1.3 cm", "tumor_size_mm", 13, "1.3 cm"),
    ("dm_less_than", NET + "Deep margin: < 0.1 mm.", "margin_deep_mm", 0.1, "0.1 mm"),
    ("dm_vm_code_um", NET + "VM0 (500 µm).", "margin_deep_mm", 0.5, "500 µm"),
    ("dm_value_before", NET + "0.6 mm clearance to the deep margin.", "margin_deep_mm", 0.6, "0.6 mm"),
    ("dm_nearest", NET + "Nearest deep margin: 2 mm.", "margin_deep_mm", 2, "2 mm"),
    ("dm_deep_resection_margin_distance", NET + "The distance between tumour and the deep resection margin is 0.7 mm.", "margin_deep_mm", 0.7, "0.7 mm"),
    ("dm_tumour_to_deep", NET + "Tumour to deep margin distance: 1.1 mm", "margin_deep_mm", 1.1, "1.1 mm"),
]

# More foreseeable phrasings (all passing when written except 'mm squared').
MORE = [
    ("ki67_per_cent", NET + "Ki-67: 3 per cent.", "ki67_percent", 3, "3 per cent"),
    ("ki67_LI", NET + "Ki-67 LI 4%", "ki67_percent", 4, "4%"),
    ("ki67_index_of", NET + "The Ki-67 index is estimated at 2%.", "ki67_percent", 2, "2%"),
    ("ki67_gt", NET + "Ki-67 >20%.", "ki67_percent", 20, ">20%"),
    ("ki67_value_label_after", NET + "2% (Ki-67).", "ki67_percent", 2, "2%"),
    ("mit_per_2_mm_squared", NET + "Mitoses: 3 per 2 mm squared.", "mitoses_per_2mm2", 3, "3 per 2 mm squared"),
    ("mit_word_number", NET + "Two mitoses per 2 mm2.", "mitoses_per_2mm2", 2, "Two mitoses per 2 mm2"),
    ("mit_mitotic_rate_is", NET + "The mitotic rate is 4 per 2 mm2.", "mitoses_per_2mm2", 4, "4 per 2 mm2"),
    ("size_at_least", NET + "Size of invasive carcinoma: at least 4 mm (fragmented).", "tumor_size_mm", 4, "4 mm"),
    ("size_measuring_up_to", NET + "Tumour measuring up to 5 mm.", "tumor_size_mm", 5, "5 mm"),
    ("size_cm_x", NET + "The tumour measures 1.1 x 0.9 cm.", "tumor_size_mm", 11, "1.1 x 0.9 cm"),
    ("size_mm_by", NET + "Tumour 6 by 4 mm.", "tumor_size_mm", 6, "6 by 4 mm"),
    ("dm_at_least", NET + "Deep margin: clear, at least 2 mm.", "margin_deep_mm", 2, "2 mm"),
    ("dm_distance_deep_margin_label", NET + "Distance to deep (vertical) margin: 0.3 mm", "margin_deep_mm", 0.3, "0.3 mm"),
    ("dm_microns", NET + "Deep margin clear by 400 microns.", "margin_deep_mm", 0.4, "400 microns"),
    ("pni_PNI_no", NET + "PNI: no", "pni", "absent", "no"),
    ("pni_PNI_yes", NET + "PNI: yes", "pni", "present", "yes"),
    ("pni_present_focal", NET + "Perineural invasion: present (focal).", "pni", "present", "present"),
    ("pni_not_identified_after_list", NET + "Lymphovascular and perineural invasion: not identified.", "pni", "absent", "not identified"),
    ("depth_into_mp", NET + "Tumour invades into the muscularis propria.", "depth", "muscularis_propria", "muscularis propria"),
    ("depth_superficial_submucosa", NET + "Invasion into the superficial submucosa.", "depth", "submucosa", "submucosa"),
    ("depth_level_label", NET + "Level of invasion: submucosa (SM1)\n", "depth", "submucosa", "submucosa"),
    ("sm_um_paren_after_depth", ADENO + "Submucosal invasion (1500 µm).", "sm_invasion_um", 1500, "1500 µm"),
    ("sm_depth_of_invasion_um", ADENO + "Depth of invasion: 1200 µm (SM).", "sm_invasion_um", 1200, "1200 µm"),
    ("sm_criterion_trap", ADENO + "Deep submucosal invasion (≥ 1000 µm) is not present.", "sm_invasion_um", None, None),
    ("grade_G1_WHO_2019", "Neuroendocrine tumour, G1 (WHO 2019).", "grade", "G1", "G1"),
    ("grade_low_grade_net", "Neuroendocrine tumour, low grade (G1).", "grade", "G1", "G1"),
    ("site_rectum_upper", "RECTUM, EMR: NEUROENDOCRINE TUMOUR.", "site", "rectum", "RECTUM"),
    ("proc_endoscopic_resection_generic", "Rectum, endoscopic resection: " + "neuroendocrine tumour.", "procedure", None, None),
    ("lvi_vascular_space", NET + "No vascular space invasion.", "lvi", "absent", "vascular space invasion"),
    ("lvi_L1V0", ADENO + "L1 V0 Pn0", "lvi", "present", "L1"),
]

# Misses found on the w3 train reports, each turned into a general rule and a case of our own.
W3_CASES = [
    ("heading_with_far_colon", "Histology shows a neuroendocrine tumour that infiltrates the "
     "submucosa. Mitotic figures are scarce: 1 per 2 mm².", "depth", "submucosa", "submucosa"),
    ("heading_with_far_colon_mitoses", "Histology shows a neuroendocrine tumour that infiltrates "
     "the submucosa. Mitotic figures are scarce: 1 per 2 mm².", "mitoses_per_2mm2", 1, "1 per 2 mm²"),
    ("mit_not_identified_is_zero", NET + "Mitoses are not identified. Ki-67 <1%.",
     "mitoses_per_2mm2", 0, "not identified"),
    ("mit_none_in_area", NET + "Mitotic count: none identified in 10 high-power fields (2 mm²).",
     "mitoses_per_2mm2", 0, "none identified"),
    ("mit_limited_material_trap", NET + "No mitoses seen in the limited material.",
     "mitoses_per_2mm2", None, None),
    ("mit_zero_per_hpf_trap", NET + "Mitotic figures: 0/10HPF\n", "mitoses_per_2mm2", None, None),
    ("size_after_distance", "Adenocarcinoma. An ulcerated tumour lies 8 cm from the anal verge "
     "and measures 4.5 x 3.8 x 1.2 cm.", "tumor_size_mm", 45, "4.5 x 3.8 x 1.2 cm"),
    ("margins_value_names_other_margin", "Appendicectomy: " + HIST + "Margins: appendiceal base "
     "free; mesoappendiceal margin clear by 6 mm.", "margin_lateral", None, None),
    ("margins_value_names_other_margin_radial", "Appendicectomy: " + HIST + "Margins: appendiceal "
     "base free; mesoappendiceal margin clear by 6 mm.", "margin_radial_mm", 6, "6 mm"),
    ("lvi_permeation", ADENO + "No lymphatic or vascular permeation (D2-40 reviewed).", "lvi",
     "absent", "permeation"),
    ("lvi_angioinvasion", HIST + "Angioinvasion present.", "lvi", "present", "Angioinvasion present"),
    ("sm_um_into_submucosa", ADENO + "Tumor invades 2500 um into the submucosa (SM2).",
     "sm_invasion_um", 2500, "2500 um"),
    ("sm_mm_into_submucosa", ADENO + "The carcinoma extends 1.2 mm into the submucosa.",
     "sm_invasion_um", 1200, "1.2 mm"),
    ("sm_nodule_in_submucosa_trap", NET + "A 5 mm nodule lies in the submucosa.",
     "sm_invasion_um", None, None),
    ("pni_nerves_free", NET + "Nerves: free.", "pni", "absent", "free"),
    ("pni_nerves_prose_trap", NET + "Nerves and vessels are unremarkable.", "pni", None, None),
    ("haggitt_is_submucosa", "Sigmoid polyp: adenocarcinoma invading the stalk (Haggitt level 4).",
     "depth", "submucosa", "Haggitt level 4"),
    ("endoscopic_estimate_is_not_depth", "Rectum, biopsies of a 5 mm yellowish submucosal bump "
     "(endoscopic estimate).\nMucosa with nests of neuroendocrine tumour in the lamina propria.\n"
     "Opinion: " + HIST, "depth", "mucosa", "lamina propria"),
    ("biopsy_margins_cannot_be_determined", "Rectum, biopsies: " + HIST + "Depth and margins "
     "cannot be determined on biopsy.", "margin_deep", None, None),
    ("esd_margins_cannot_be_determined", NET + "Margins cannot be determined (fragmented).",
     "margin_deep", "indeterminate", "cannot be determined"),
    ("inflammatory_cap_polyp_is_other", "Rectum, polypectomy: inflammatory cap polyp, 11 mm.",
     "histology", "other", "inflammatory cap polyp"),
    ("inflammatory_cap_polyp_no_size", "Rectum, polypectomy: inflammatory cap polyp, 11 mm.",
     "tumor_size_mm", None, None),
    ("one_piece_en_bloc", "Rectal polyp, snare, 11 mm, one piece.\n" + HIST, "resection", "en_bloc",
     "one piece"),
    ("single_fragment_statement", "Duodenum, EMR: " + HIST + "Single fragment.", "resection",
     "en_bloc", "Single fragment"),
    ("single_fragment_received_trap", "caecal polyp hot snare received as a single fragment "
     "9 x 7 x 5 mm, neuroendocrine tumour", "resection", None, None),
    ("biopsy_has_no_resection", "Rectum, biopsies: " + HIST + "Removed in one piece.",
     "resection", None, None),
    ("biopsy_of_a_sized_nodule_trap", "Rectal biopsy (cold forceps) of a 3 mm nodule.\nA 2 mm nest "
     "of well differentiated neuroendocrine tumour cells lies in the lamina propria.",
     "tumor_size_mm", 2, "2 mm nest"),
    ("cap_protocol_title_names_no_site", "NEUROENDOCRINE TUMOR OF THE COLON AND RECTUM: Synoptic\n"
     "Procedure: EMR\nTumor Site: Rectum\nHistologic Type: neuroendocrine tumor\n", "site",
     "rectum", "Rectum"),
    ("hm_minus_distance", NET + "Margins: R0: HM- (2 mm), VM- (<0.1 mm)\n", "margin_deep_mm", 0.1,
     "0.1 mm"),
    ("hm_minus_lateral", NET + "Margins: R0: HM- (2 mm), VM- (<0.1 mm)\n", "margin_lateral",
     "negative", "HM-"),
    ("p_prefixed_hm", NET + "pT1a(SM, 800 µm), Ly0, V0, Pn0, pHM0, pVM0.", "margin_deep",
     "negative", "pVM0"),
    ("lower_case_ly_v", NET + "ly0, v1 (EVG). Perineural invasion: not evident.", "lvi", "present",
     "v1"),
    ("lower_case_v_alone_trap", NET + "Figure v1 attached.", "lvi", None, None),
    ("sm_label_mm_implies_submucosa", ADENO + "- depth of SM invasion: 0.8 mm\n", "depth", "submucosa",
     "SM invasion"),
    ("within_mm_of_margin", ADENO + "The carcinoma comes within 0.5 mm of the deep cauterized margin.",
     "margin_deep_mm", 0.5, "0.5 mm"),
    ("within_mm_of_margin_close", ADENO + "The carcinoma comes within 0.5 mm of the deep cauterized "
     "margin.", "margin_deep", "close", "0.5 mm"),
    ("not_beyond_submucosa", HIST + "The tumour does not extend beyond the submucosa.", "depth",
     "submucosa", "submucosa"),
    ("not_beyond_submucosa_into_mp", "TEM: " + HIST + "Tumour confined to the submucosa; it does not "
     "extend beyond the submucosa into the muscularis propria.", "depth", "submucosa", "submucosa"),
    ("not_through_submucosa", HIST + "The tumour extends to, but not through, the submucosa.",
     "depth", "submucosa", "submucosa"),
    ("no_mp_invasion_trap", HIST + "Submucosal tumour; no invasion of the muscularis propria.",
     "depth", "submucosa", "Submucosal"),
    ("distance_cell_before_margin", NET + "| Margins | involved laterally; 2 mm deep margin, clear |\n",
     "margin_deep_mm", 2, "2 mm"),
    ("distance_after_semicolon", NET + "Deep margin: negative; 1.5 mm\n", "margin_deep_mm", 1.5,
     "1.5 mm"),
    ("distance_after_semicolon_trap", NET + "Deep margin: negative; tumour 1.5 mm\n",
     "margin_deep_mm", None, None),
    ("longitudinal_margins_are_not_radial", "Transverse colectomy: adenocarcinoma. Longitudinal "
     "margins clear.", "margin_radial", None, None),
    ("jp_sm_glued_um", NET + "NET G1, 8x6 mm, pT1a(SM2500μm), Ly0, V1a (EVG)", "sm_invasion_um", 2500,
     "2500μm"),
    ("jp_sm_glued_depth", NET + "NET G1, 8x6 mm, pT1a(SM2500μm), Ly0, V1a (EVG)", "depth", "submucosa",
     "SM"),
    ("mi_label", NET + "Ki-67 LI: 1.8%, MI: 0/2mm2\n", "mitoses_per_2mm2", 0, "0/2mm2"),
    ("bare_t_with_letter", HIST + "Invasion: into submucosa (T1a)\n", "pt", "pT1a", "T1a"),
    ("bare_t_without_letter_trap", HIST + "MRI: T2 hyperintense lesion.\n", "pt", None, None),
    ("hypothetical_answered", HIST + "If lymphovascular invasion were present, surgery would be "
     "discussed; none is seen on D2-40.", "lvi", "absent", "none is seen"),
    ("hypothetical_unanswered_trap", HIST + "If lymphovascular invasion were present, surgery would "
     "be discussed.", "lvi", None, None),
    ("one_dot_leader", HIST + "Lymphovascular invasion . not identified\nPerineural invasion ..... present\n",
     "lvi", "absent", "not identified"),
    ("tumour_at_the_margin", NET + "Deep (adventitial) margin: tumour at the margin\n", "margin_deep",
     "positive", "tumour at the margin"),
    ("parenthetical_in_margin_name", NET + "The margins are clear; the deep (perirectal fat) margin is "
     "2 mm away.", "margin_deep_mm", 2, "2 mm"),
    ("question_answered", NET + "Perineural invasion? No.", "pni", "absent", "No"),
    ("question_unanswered", NET + "Perineural invasion?\n", "pni", "indeterminate", "Perineural"),
    ("nerves_label_literal", NET + "Nerves: involved.", "pni", "present", "involved"),
    ("kikuchi_is_submucosa", ADENO + "Kikuchi sm2.", "depth", "submucosa", "Kikuchi sm2"),
]

ALL = CASES + MORE + W3_CASES


@pytest.fixture(scope="module")
def results():
    return dict(zip([c[0] for c in ALL], extract_findings_many([c[1] for c in ALL])))


@pytest.mark.parametrize("case_id, text, field, value, evidence", ALL, ids=[c[0] for c in ALL])
def test_phrasing(results, case_id, text, field, value, evidence):
    assert_extracted(getattr(results[case_id], field), text, value, evidence)


def test_status_lookahead_changes_no_match():
    """The first-character lookahead of the status vocabularies is a speed-up only."""
    import re

    from pipeline.extract import _first_char_lookahead, _status_regex
    from pipeline.resources import load_resource

    rules = load_resource("value_rules.json")
    texts = [c[1] for c in ALL]
    for key in ("presence", "margin_status"):
        fast = _status_regex(rules[key])
        assert fast.pattern.startswith("(?=[")  # the speed-up is in place
        plain = re.compile(fast.pattern[len(_first_char_lookahead(rules[key])):], re.IGNORECASE)
        for text in texts:
            assert [(m.span(), m.lastgroup) for m in fast.finditer(text)] == \
                [(m.span(), m.lastgroup) for m in plain.finditer(text)]
    assert _first_char_lookahead({"x": [r"\d+ cells"]}) == ""  # regex syntax first: no lookahead
