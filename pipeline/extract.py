"""Rule-based extraction: report text -> :class:`~pipeline.models.Findings`, every value span-proven.

How it works (docs/extraction.md has the long version):

1. medspaCy's target matcher marks *anchors*: a concept whose value is the anchor itself
   ("ESD" -> procedure ``esd``) or a feature whose value is read from the words around it
   ("Lymphovascular invasion: not identified").
2. ConText marks each anchor negated / uncertain / historical / hypothetical.
3. The ``pathspan_findings`` component below turns every anchor into *candidates*
   ``(field, value, evidence span, section priority, specimen part)``, using the value rules in
   ``resources/value_rules.json``.
4. :func:`select_findings` picks one value per field: the specimen part with the tumour, then
   the highest-priority section (an addendum supersedes the diagnosis; clinical history is
   historical), then a field-specific tie-break (deepest layer, worst margin, ...).
"""


import bisect
import copy
import re
from dataclasses import dataclass
from typing import Any, Iterable, Iterator, Optional

from spacy.language import Language
from spacy.tokens import Doc

from .models import Findings
from .normalize import parse_number, tidy, to_mm, to_um, upper_value
from .resources import load_resource
from .sections import (OFFSETS_KEY, SECTIONS_KEY, SENTENCES_KEY, TEXT_KEY, TITLES_KEY, doc_text, part_starts,
                       to_original, unwrap)

FINDINGS_KEY = "pathspan_findings"  # doc.user_data: {field: {"value": v, "evidence": [[s, e]]}}
_COUNT_FIELDS = {"lymph_nodes_positive", "lymph_nodes_examined"}
_PRESENCE_ORDER = {"present": 3, "indeterminate": 2, "absent": 1}
_MARGIN_ORDER = {"positive": 4, "indeterminate": 3, "close": 2, "negative": 1}
_SIDE_FIELD = {"lateral": "margin_lateral", "deep": "margin_deep", "radial": "margin_radial"}


@dataclass(slots=True)
class Candidate:
    """One possible value of one field, with the character span that proves it."""

    field: str
    value: Any
    start: int
    end: int
    priority: int = 0  # section priority (value_rules.json "section_priority")
    part: Optional[str] = None  # specimen part letter, None when the report has no parts
    kind: str = ""  # "generic" margin, "diff" grade, "bare" size: weaker evidence
    section: Optional[str] = None
    local: bool = False  # a margin that only an endoscopic or local excision has ("Base: clear")


def _alternation(phrases: Iterable[str]) -> str:
    """A regex alternation of vocabulary entries (regex fragments), longest first."""
    return "|".join(sorted(phrases, key=len, reverse=True))


def _status_regex(vocab: dict[str, list[str]]) -> re.Pattern[str]:
    groups = [f"(?P<{status}>{_alternation(words)})"
              for status, words in vocab.items() if not status.startswith("_")]
    # Each alternative must stand alone: "free" is not in "freely", "no" not in "not".
    pattern = r"(?<![\w])(?:" + "|".join(groups) + r")(?![\w])"
    return re.compile(_first_char_lookahead(vocab) + pattern, re.IGNORECASE)


def _first_char_lookahead(vocab: dict[str, list[str]]) -> str:
    """``(?=[...])`` of the characters the vocabulary's entries start with: lets ``re`` skip the
    other positions in C (twice as fast); empty when an entry starts with regex syntax."""
    chars: set[str] = set()
    for status, words in vocab.items():
        if status.startswith("_"):
            continue
        for word in words:
            escaped = word.startswith("\\")
            first = word[1] if escaped else word[0]
            if first.isalnum() == escaped:  # "(?:", "[", or a class escape such as "\\d"
                return ""
            chars.update((first.lower(), first.upper()))
    return "(?=[" + re.escape("".join(sorted(chars))) + "])"


def _alternatives(pattern: str) -> frozenset[str]:
    """Every plain word of the ``(?:a|b|c)`` word alternations in a regex, lower-cased."""
    words: set[str] = set()
    for group in re.findall(r"\(\?:((?:[A-Za-z\\\-/' ]+\|)+[A-Za-z\\\-/' ]+)\)", pattern):
        for w in group.split("|"):
            w = w.replace("\\", "").lower()
            words.update((w, w.split()[-1]))  # "small bowel": the search must run after "bowel"
    return frozenset(words)


_WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-/")


def _word_before(text: str, lo: int, pos: int, skip) -> tuple[str, str]:
    """The word that ends right before ``pos`` (after skipping characters for which ``skip``
    is true) and the skipped characters: ``("deep", " ")`` for "the deep margin"."""
    i = pos
    while i > lo and skip(text[i - 1]):
        i -= 1
    j = i
    while j > lo and text[j - 1] in _WORD_CHARS:
        j -= 1
    return text[j:i].lower(), text[i:pos]


def _may_end_with(word: str, skipped: str, words: frozenset[str]) -> bool:
    """Whether an end-anchored alternation of ``words`` can match before this word (after a
    parenthesis, or a word of the list, whole or a ``-``/``/`` part of it)."""
    if ")" in skipped or word in words:
        return True
    return any(part in words for part in re.split(r"[-/]", word))


def _with_count_words(v: Any) -> Any:
    """The value rules with ``@COUNT_WORD@`` in their patterns replaced by ``numbers.count_word``
    (a count spelled out: "twenty-three")."""
    words = v["numbers"]["count_word"]

    def expand(x: Any) -> Any:
        if isinstance(x, str):
            return x.replace("@COUNT_WORD@", words)
        if isinstance(x, dict):
            return {k: expand(y) for k, y in x.items()}
        if isinstance(x, list):
            return [expand(y) for y in x]
        return x
    return expand(v)


class Rules:
    """The compiled value rules of ``resources/value_rules.json``."""

    def __init__(self) -> None:
        v = _with_count_words(load_resource("value_rules.json"))
        i = re.IGNORECASE
        num = v["numbers"]
        self._numbers = num
        self.spelled_unit = re.compile(num["spelled_unit"], i)
        self._spelled: Optional["Rules"] = None
        self._compile_lengths(spelled=False)
        self.percent = re.compile(num["percent"], i)
        self.presence = _status_regex(v["presence"])
        self.checked = re.compile(v["checkbox"]["checked"])
        self.unchecked = re.compile(v["checkbox"]["unchecked"])
        self.unchecked_line = re.compile(r"^[ \t>*\-•|]*" + v["checkbox"]["unchecked"], re.MULTILINE)
        self.option_line = re.compile(r"[ \t>*\-•|]*(?:" + v["checkbox"]["checked"] + "|"
                                      + v["checkbox"]["unchecked"] + ")")
        self.unchecked_inline = re.compile(v["checkbox"]["unchecked_inline"])
        self.any_box = re.compile(v["checkbox"]["checked"] + "|" + v["checkbox"]["unchecked"])
        self.margin_status = _status_regex(v["margin_status"])
        self.close_below = float(v["margin_close_below_mm"])
        self.upper_bound = re.compile(v["margin_upper_bound"], i)
        self.upper_bound_before = re.compile(v["margin_upper_bound"] + r"[ \t]*$", i)
        nxt = v["margin_status_next_object"]
        self.status_next_end = re.compile(nxt["status_end"], i)
        self.status_next_gap = re.compile(nxt["gap"], i)
        self.status_next_prep = re.compile(nxt["gap_preposition"], i)
        self.weak_status = {w.lower() for w in v["margin_status_weak"]["words"]}
        self.coordinated_gap = re.compile(v["margin_coordinated"]["gap"], i)
        self.coordinated_lead = re.compile(v["margin_coordinated"]["lead"], i)
        self.clearance_at = re.compile(v["margin_clearance_at"], i)
        self.margin_precursor = re.compile(v["margin_precursor"]["precursor"], i)
        self.margin_invasive = re.compile(v["margin_precursor"]["invasive"], i)
        self.margin_invasive_next = re.compile(v["margin_precursor"]["invasive_next_clause"], i)
        self.margin_plural = re.compile(v["margin_generic_plural"], i)
        self.margin_named = re.compile(v["margin_generic_named"], i)
        self.margin_sign = re.compile(v["margin_sign"])
        self.resection_answer = re.compile(v["resection_answer"], i)
        self.margin_answer = re.compile(v["margin_answer"], i)
        self.margin_involvement_doubt = re.compile(v["margin_involvement_doubt"], i)
        self.margin_prefix = re.compile(v["margin_prefix"], i)
        # The words the margin prefix can end with: a cheap test before its end-anchored search.
        self.margin_prefix_words = _alternatives(v["margin_prefix"])
        self.distance_owner = re.compile(v["margin_distance_owner"], i)
        at = v["margin_at_before"]
        self.margin_at_before = re.compile(at["at"], i)
        self.margin_at_not = re.compile(at["not"], i)
        self.margin_next_distance = [re.compile(x, i) for x in v["margin_next_distance"]["regexes"]]
        lone = v["margin_lone"]
        self.lone_margin_words = frozenset(lone["words"])
        self.lone_margin_before = re.compile(lone["before"], i)
        self.lone_margin_not_after = re.compile(lone["not_after"], i)
        local = v["margin_local_label"]
        self.local_margin_words = frozenset(local["words"])
        self.local_not_procedures = frozenset(local["not_procedures"])
        self.local_not_sites = frozenset(local["not_sites"])
        closest = v["margin_closest_distance"]
        self.closest_distance = re.compile(closest["regex"], i)
        self.closest_lines = int(closest["lines"])
        self.bracket_distance = re.compile(v["margin_bracket_distance"]["regex"], i)
        self.label_distance_word = re.compile(v["margin_label_distance_word"]["regex"], i)
        side_list = v["margin_length_before_side"]
        self.side_list_gap = re.compile(side_list["list_gap"], i)
        self.side_list_context = re.compile(side_list["context"], i)
        self.all_side_words = frozenset().union(*(set(w) for w in v["margin_sides"].values()))
        self.status_not_before = frozenset(w.lower() for w in v["margin_status_not_before"]["words"])
        self.distance_not_of = re.compile(v["margin_distance_not_of"], i)
        self.involved_length = re.compile(v["margin_involved_length"]["regex"], i)
        self.base_word = re.compile(v["margin_base_of_appendix"]["base"], i)
        self.gross_distance_before = re.compile(v["margin_gross_distance"]["before"], i)
        self.gross_distance_after = re.compile(v["margin_gross_distance"]["after"], i)
        self.appendix_procedure = re.compile(v["margin_base_of_appendix"]["procedure"], i)
        self.side_words = {side: set(words) for side, words in v["margin_sides"].items()}
        self.side_precedence = {k: w for k, w in v["margin_side_precedence"].items()
                                if not k.startswith("_")}
        size = v["size"]
        self.tumor_words = re.compile(size["tumor_words"], i)
        self.specimen_words = re.compile(size["specimen_words"], i)
        self.distance_after = re.compile(size["distance_after"], i)
        self.distance_before = re.compile(size["distance_before"], i)
        self.attach_before_gap = re.compile(size["attach_before_gap"], i)
        self.largest = re.compile(size["largest"], i)
        self.benign_before = re.compile(size["benign_before"], i)
        self.tumour_nouns = re.compile(size["tumour_nouns"])  # case variants spelled out: faster
        self.not_primary = re.compile(size["not_primary"], i)
        self.listed_depth_before = re.compile(size["listed_depth_before"], i)
        self.invasive_subject = re.compile(size["invasive_subject"], i)
        self.size_refused_lesion = re.compile(size["refused_lesion"], i)
        coded = v["coded_legend"]
        self.legend_line = re.compile(coded["legend_line"], re.MULTILINE)
        self.legend_entry = re.compile(coded["entry"])
        self.coded_line = re.compile(coded["coded_line"], re.MULTILINE)
        self.attach_forbidden = re.compile(size["attach_forbidden"] + "|" + size["not_primary"], i)
        self.attach_grade = re.compile(size["attach_ignore"], i)
        self.clinical_before = re.compile(size["clinical_before"], i)
        self.specimen_place = re.compile(size["specimen_place_before"], i)
        self.specimen_word_invasive = re.compile(size["specimen_word_invasive_before"], i)
        self.size_anchor_from = re.compile(size["anchor_from_after"], i)
        self.size_anchor_free = re.compile(size["anchor_free_after"], i)
        self.site_distance_before = re.compile(size["site_distance_before"], i)
        self.attach_paren_noun = re.compile(size["attach_paren_noun"], i)
        self.microscopic_before = re.compile(size["microscopic_before"], i)
        self.microscopic_adverb = re.compile(size["microscopic_adverb_before"], i)
        self.microscopic_after = re.compile(size["microscopic_after"], i)
        self.microscopic_label_after = re.compile(size["microscopic_label_after"], i)
        self.clinical_size_before = re.compile(size["clinical_qualifier_before"], i)
        self.clinical_size_after = re.compile(size["clinical_qualifier_after"], i)
        self.clinical_sentence = re.compile(size["clinical_sentence_before"], i)
        self.history_size = re.compile(size["history_sentence_before"], i)
        self.site_label_before = re.compile(v["site_label"]["before"], i)
        self.site_then_length = re.compile(v["site_label"]["organ_length_after"], i)
        self.site_margin_before = re.compile(v["site_not_tumour"]["margin_before"], i)
        self.site_margin_after = re.compile(v["site_not_tumour"]["margin_after"], i)
        self.site_free_after = re.compile(v["site_not_tumour"]["free_after"], i)
        self.other_lesion_before = re.compile(size["other_lesion_before"], i)
        self.not_in_margin_clause = re.compile(size["attach_not_in_margin_clause"], i)
        self.invasion_subject = re.compile(size["invasion_subject_before"], i)
        mit = v["mitoses"]
        self.per_2mm2 = re.compile(r"^\s*" + mit["per_2mm2"], i)
        self.per_hpf = re.compile(r"^\s*" + mit["per_hpf"], i)
        self.hpf_area = re.compile(mit["hpf_area"], i)
        self.mitotic_count = re.compile(mit["count"], i)
        self.mitoses_zero = re.compile(mit["zero"], i)
        self.area_2mm2 = re.compile(mit["area_2mm2"], i)
        self.zero_in_hpf = re.compile(mit["zero_in_hpf"], i)
        self.limited_material = re.compile(v["limited_material"]["regex"], i)
        self.margin_semicolon_distance = re.compile(v["margin_semicolon_distance"], i)
        self.margin_of_fragment = re.compile(v["margin_of_fragment"], i)
        self.sm_before_layer = re.compile(v["sm_depth_before_layer"]["regex"], i)
        self.sm_below_mm = re.compile(v["sm_depth_below_mm"]["regex"], i)
        self.sm_criterion = re.compile(v["sm_criterion"]["regex"], i)
        self.sm_from_surface = re.compile(v["sm_from_surface"]["regex"], i)
        self.sm_surface_allowed = re.compile(v["sm_from_surface"]["exception"], i)
        self.sm_reference = re.compile(v["sm_reference"]["regex"], i)
        self.sm_reference_between = re.compile(v["sm_reference"]["between"], i)
        self.sm_criterion_um = float(v["sm_criterion"]["value_um"])
        self.sm_criterion_after = re.compile(v["sm_criterion"]["after"], i)
        self.sm_paren_after = re.compile(v["sm_paren_after_layer"]["regex"], i)
        self.sm_after_layer = re.compile(v["sm_depth_after_layer"]["regex"], i)
        sz = v["sm_depth_size"]
        self.sm_size_gap = re.compile(sz["gap"], i)
        self.sm_size_after = re.compile(sz["after"], i)
        self.sm_size_depth_cue = re.compile(sz["depth_cue"], i)
        self.sm_size_label_before = re.compile(sz["label_before"], i)
        self.sm_distance_after = re.compile(v["sm_depth_distance_after"]["regex"], i)
        self.sm_sentence_deeper = re.compile(v["sm_depth_sentence_before"]["deeper"], i)
        self.sm_sentence_lead = int(v["sm_depth_sentence_before"]["label_lead_max"])
        self.zero_not_before = re.compile(mit["zero_not_before"], i)
        self.label_unit = re.compile(v["label_unit"]["regex"], i)
        self.cell_unit = re.compile(v["cell_unit"]["regex"], i)
        dic = v["dictation"]
        self.dictation_marker = re.compile(dic["marker"], i)
        self.dictation_min = int(dic["min_markers"])
        self.dictation_words = {w.lower() for w in dic["punctuation_site_words"]}
        self.dictation_site_kept = re.compile(dic["site_kept_after"], i)
        col = v["column_table"]
        self.column_separator = re.compile(col["separator"])
        self.column_header_unit = re.compile(col["header_unit"], i)
        self.column_value = re.compile(col["value"])
        self.next_line_lead = re.compile(v["next_line_lead"])
        grade = v["grade"]
        self.grade_codes = grade["codes"]
        self.grade_window = re.compile(grade["window"], i)
        self.site_part_of_specimen = re.compile(v["site_part_of_specimen"], i)
        self.grade_not_before = re.compile(grade["not_tumour_before"], i)
        self.grade_not_after = re.compile(grade["not_tumour_after"], i)
        self.differentiation_not_after = re.compile(grade["differentiation_not_after"], i)
        self.diff_histologies = set(grade["differentiation_only_for"])
        bud = v["budding"]
        self.bud_code = re.compile(bud["code"])
        self.bud_words = re.compile(r"\b(" + "|".join(bud["words"]) + r")\b", i)
        self.bud_word_map = bud["words"]
        self.bud_count = re.compile(bud["count"], i)
        self.bud_score = re.compile(bud["score"], i)
        self.bud_bands = bud["count_bands"]
        st = v["stage"]
        self.pt = re.compile(r"(?<![A-Za-z])" + st["pt"] + r"(?![a-z0-9])")
        self.pn = re.compile(r"(?<![A-Za-z])" + st["pn"] + r"(?![a-z0-9])")
        self.bare_t_context = re.compile(st["bare_t_context"], i)
        self.ticked_y = re.compile(st["ticked_y"])
        self.bare_t_depth_before = re.compile(st["bare_t_depth_before"], i)
        self.t1_level_after = re.compile(st["t1_level_after"], i)
        self.clinical_t_before = re.compile(st["clinical_t_before"])
        self.spaced_stage = re.compile(st["spaced"])
        self.superseded_before = re.compile(v["superseded"]["before"], i)
        self.superseded_after = re.compile(v["superseded"]["after"])
        self.comment_revision = re.compile(v["superseded"]["comment_revision"], i)
        self.pt_categories = set(st["pt_categories"])
        self.pn_categories = set(st["pn_categories"])
        jp = v["japanese"]
        self.lvi_kind = re.compile(v["lvi_kind_pair"]["kind"], i)
        self.lvi_kind_paren = re.compile(v["lvi_kind_pair"]["paren"], i)
        self.jp_code = re.compile(r"(?<![A-Za-z])" + jp["code"] + r"(?![a-z0-9])")
        self.jp_fields = jp["fields"]
        self.jp_partner = re.compile(jp["partner"], i)
        self.jp_lower_pn_partner = re.compile(jp["lower_pn_partner"])
        self.jp_code_start = re.compile(r"[\s:=.|]*" + jp["code"] + r"(?![a-z0-9])")
        self.jp_sm = re.compile(jp["sm"])
        self.level_range = re.compile(jp["level_range"])
        self.code_distance = re.compile(jp["code_distance"], i)
        nodes = v["nodes"]
        self.node_ratio = re.compile(nodes["ratio"], i)
        self.node_of = re.compile(nodes["of"], i)
        self.node_examined = re.compile(nodes["examined"], i)
        self.node_examined_label = re.compile(nodes["examined_label"], i)
        self.node_positive = re.compile(nodes["positive"], i)
        self.node_positive_paren = re.compile(nodes["positive_paren"], i)
        self.node_all_negative = re.compile(nodes["all_negative"], i)
        self.node_positive_of_total = re.compile(nodes["positive_of_total"], i)
        self.node_none_in = re.compile(nodes["none_in"], i)
        self.node_one_of_which = re.compile(nodes["one_of_which"], i)
        self.node_next_label = re.compile(nodes["next_label"], i)
        self.node_stated_total = re.compile(nodes["stated_total"], i)
        self.node_total_next = re.compile(nodes["stated_total_next_sentence"], i)
        self.depth_order = {d: k for k, d in enumerate(v["depth_order"])}
        self.depth_not_before = re.compile(v["depth_not_before"], i)
        self.depth_not_before_words = _alternatives(v["depth_not_before"]) | {"type"}
        self.depth_not_after = re.compile(v["depth_not_after"], i)
        self.depth_confined = re.compile(v["depth_confined_before"], i)
        self.depth_label_before = re.compile(v["depth_label_value"]["before"], i)
        self.depth_label_after = re.compile(v["depth_label_value"]["after"])
        self.depth_position = re.compile(v["depth_position_before"], i)
        self.depth_serosa_under = re.compile(v["depth_serosa_under_before"], i)
        self.depth_spared_after = re.compile(v["depth_spared_after"], i)
        self.depth_unidentified_after = re.compile(v["depth_unidentified_after"], i)
        self.depth_answer_no_after = re.compile(v["depth_answer_no_after"], i)
        self.depth_past_mm = re.compile(v["depth_past_mm_before"], i)
        self.depth_past_mm_after = re.compile(v["depth_past_mm_after"], i)
        self.depth_reached_not_through = re.compile(v["depth_reached_not_through_before"], i)
        self.depth_included_after = re.compile(v["depth_included_after"], i)
        self.depth_occupied_before = re.compile(v["depth_occupied_before"], i)
        self.depth_vessel_location = re.compile(v["depth_vessel_location_before"], i)
        self.depth_margin_label = re.compile(v["depth_margin_label_before"], i)
        self.depth_other_organ = re.compile(v["depth_other_organ_after"], i)
        self.hypothetical_absent = re.compile(v["hypothetical_answer_absent"], i)
        self.histology_rank = v["histology_rank"]
        self.histology_precursor = re.compile(v["histology_precursor"]["before"], i)
        self.procedure_rank = v["procedure_rank"]
        self.section_priority = {(None if k == "null" else k): p
                                 for k, p in v["section_priority"].items() if not k.startswith("_")}
        self.field_section_priority = {field: {(None if k == "null" else k): p for k, p in by.items()}
                                       for field, by in v["field_section_priority"].items()
                                       if not field.startswith("_")}
        self.history_fallback = set(v["history_fallback_fields"])
        self.resection_multivisceral = re.compile(v["resection_multivisceral_before"], i)
        self.tumour_histologies = set(v["tumour_histologies"])


    def _compile_lengths(self, spelled: bool) -> None:
        """The length patterns, with count words before a spelled-out unit ("eight millimetres")
        when ``spelled``."""
        num, i = self._numbers, re.IGNORECASE
        words = num["spelled_number"] if spelled else ""
        measurement = num["measurement"].replace("@SPELLED@", words)
        self.measurement = re.compile(measurement, i)
        hint = r"\d\s*-?\s*" + num["length_unit"]
        self.unit_hint = re.compile(hint + r"|(?<![a-z])" + num["spelled_unit"] if spelled else hint, i)
        self.listed_size = re.compile(r",\s*(?:" + measurement + r")\s*(?=[.,;]|$)", i | re.MULTILINE)
        self.length = re.compile(num["length"].replace("@SPELLED@", words), i)

    def for_text(self, text: str) -> "Rules":
        """These rules, or (for a report that spells a unit out) a copy whose lengths also read
        count words: the digit-only patterns are faster and most reports need no more."""
        if self.spelled_unit.search(text) is None:
            return self
        if self._spelled is None:
            variant = copy.copy(self)
            variant._compile_lengths(spelled=True)
            self._spelled = variant
        return self._spelled


_BOX_HINTS = ("[ ]", "[X]", "[x]", "[]", "( )", "(X)", "(x)", "☐", "☒", "☑", "■", "□", "✓", "✔",
              "_X_", "_x_", "__")


class _Doc:
    """Per-document lookups shared by the anchor handlers."""

    def __init__(self, doc: Doc, rules: Rules) -> None:
        self.doc = doc
        self.text = doc_text(doc)
        rules = rules.for_text(self.text)
        self.depth_anchors: list[tuple[int, int]] = []  # (start, end) of the layer anchors, set by the component
        self.margin_anchors: list["_Anchor"] = []  # every MARGIN anchor, counted or not, set by the component
        self.margin_anchor_starts: list[int] = []
        self.feature_ends: list[int] = []  # end offsets of the LVI/PNI anchors, set by the component
        self.appendicectomy = False  # the report names an appendicectomy (set by the component)
        self.rules = rules
        self.sent_starts: list[int] = doc.user_data.get(SENTENCES_KEY) or [0]
        self.sections = doc.user_data.get(SECTIONS_KEY) or [(None, 0, len(self.text))]
        self.section_starts = [s for _, s, _ in self.sections]
        self.parts = part_starts(self.text)
        self.part_offsets = [p for p, _ in self.parts]
        self.heading_lines: list[tuple[int, int]] = doc.user_data.get(TITLES_KEY) or []
        self.margin_starts: dict[int, int] = {}
        self.margin_sides: dict[int, set[str]] = {}
        self.measurements = [m.start() for m in rules.unit_hint.finditer(self.text)]
        self._hpf_area: Any = ...
        self._dictated: Optional[bool] = None
        # Lines of a checklist whose box is not ticked state nothing.
        self.unchecked_lines: list[tuple[int, int]] = []
        # Substring tests (C speed) decide whether checklist handling is needed at all.
        self.has_boxes = any(marker in self.text for marker in _BOX_HINTS)
        if self.has_boxes:
            text = self.text
            for m in rules.unchecked_line.finditer(text):
                line_end = text.find("\n", m.end())
                line_end = len(text) if line_end < 0 else line_end
                # "[ ] G1 [x] G2": a ticked option later on the line is stated
                ticked = rules.checked.search(text, m.end(), line_end)
                self.unchecked_lines.append((m.start(), ticked.start() if ticked else line_end))
            # "WHO grade: [ ] G1 [x] G2 [ ] G3": an unticked option runs to the next box
            for m in rules.unchecked_inline.finditer(text):
                line_end = text.find("\n", m.end())
                line_end = len(text) if line_end < 0 else line_end
                box = rules.any_box.search(text, m.end(), line_end)
                self.unchecked_lines.append((m.start(), box.start() if box else line_end))
            merged: list[tuple[int, int]] = []
            for s, e in sorted(self.unchecked_lines):
                if merged and s <= merged[-1][1]:
                    merged[-1] = (merged[-1][0], max(merged[-1][1], e))
                else:
                    merged.append((s, e))
            self.unchecked_lines = merged
        self.unchecked_starts = [u[0] for u in self.unchecked_lines]

    def dictated(self) -> bool:
        """Whether the report is a speech-recognition draft that spells its punctuation out
        ("comma", "full stop"): then "colon" is mostly a colon."""
        if self._dictated is None:
            n = 0
            for _ in self.rules.dictation_marker.finditer(self.text):
                n += 1
                if n >= self.rules.dictation_min:
                    break
            self._dictated = n >= self.rules.dictation_min
        return self._dictated

    def unchecked(self, char: int) -> bool:
        """Whether ``char`` lies on a checklist line whose box is not ticked."""
        k = bisect.bisect_right(self.unchecked_starts, char) - 1
        return k >= 0 and char < self.unchecked_lines[k][1]

    def value_window(self, start: int, end: int) -> tuple[int, int]:
        """Where the value of a "Label: value" statement is, ``[start, end)`` being the text
        after the label. Checklists: the ticked option ("[ ] Present [X] Not identified", or
        option lines under the label), never an unticked one."""
        if not self.has_boxes:
            return start, end
        text, r = self.text, self.rules
        checked = r.checked.search(text, start, end)
        if checked is not None:
            stop = r.unchecked.search(text, checked.end(), end)
            other = r.checked.search(text, checked.end(), end)
            ends = [m.start() for m in (stop, other) if m is not None]
            return checked.end(), min(ends) if ends else end
        unchecked = r.unchecked.search(text, start, end)
        if unchecked is not None:
            return start, unchecked.start()
        if text[start:end].strip(" \t\r\n:|=") == "" and end < len(text):
            # The options are on the following lines: take the ticked one.
            pos = end
            while pos < len(text):
                line_end = text.find("\n", pos)
                line_end = len(text) if line_end < 0 else line_end
                line = r.option_line.match(text, pos, line_end)
                if line is None:
                    if text[pos:line_end].strip():
                        break
                else:
                    box = r.checked.search(text, pos, line.end())
                    if box is not None:
                        return box.end(), line_end
                pos = line_end + 1
        return start, end

    def next_line(self, pos: int) -> Optional[tuple[int, int]]:
        """The next non-blank line after ``pos``, when nothing but punctuation follows ``pos`` on
        its own line: a label whose value is written under it ("Lymphovascular invasion" /
        "Not identified"). Its bounds skip a leading bullet."""
        text = self.text
        eol = text.find("\n", pos)
        if eol < 0 or text[pos:eol].strip(" \t\r:|=.-") != "":
            return None
        start = eol + 1
        while True:
            end = text.find("\n", start)
            end = len(text) if end < 0 else end
            if text[start:end].strip():
                break
            if end >= len(text):
                return None
            start = end + 1
        lead = self.rules.next_line_lead.match(text, start, end)
        return (lead.end() if lead else start), end

    def line_after_colon(self, pos: int) -> Optional[tuple[int, int]]:
        """The next non-blank line when the line of ``pos`` ends in a colon: a label with words
        after it whose value is written under it ("Ki-67 recounted on block A6 (2500 cells):" /
        "2.5 %")."""
        eol = self.text.find("\n", pos)
        if eol < 0 or not self.text[pos:eol].rstrip().endswith(":"):
            return None
        return self.next_line(eol)

    def label_number(self, a: "_Anchor", dims: bool = False, skip: Optional[re.Pattern] = None
                     ) -> Optional[tuple[str, float, int, int]]:
        """A bare number after a label that carries the unit: "Ki-67 index (%): 3",
        "Mitoses per 2 mm2: 1", "Tumour size (cm): 1.1", or with the unit in the next table cell
        ("| Tumour size | 12 | mm |"). Returns ``(unit, value, start, end)``
        of the number (the unit lower-cased; ``"%"`` for percent, ``"2mm2"`` for per 2 mm²).
        ``dims``: a size, whose label may be followed by several dimensions ("Tumour size (cm):
        1.2 x 1.0"): the value is the greatest and the span ends after the last."""
        start = a.end_char
        if a.text.endswith(")"):  # the anchor itself may end with the unit: "tumour size (mm)"
            p = a.text.rfind("(")
            if p > 0:
                start = a.start_char + p
        if skip is not None:  # "Deep margin distance (mm): 0.4": words of the label before its unit
            words = skip.match(self.text, start)
            if words is not None:
                start = words.end()
        stop = min(len(self.text), start + 60)
        m = self.rules.label_unit.match(self.text, start, stop) or self.rules.cell_unit.match(self.text, a.end_char, stop)
        if m is None:
            return None
        value = parse_number(m.group("value"))
        if value is None:
            return None
        end = m.end("value")
        if m.groupdict().get("dim2"):
            if not dims:
                return None  # "Distance to deep margin (mm): 4 x 3": not one number
            values = [parse_number(m.group(g)) for g in ("value", "dim2", "dim3") if m.group(g)]
            if any(x is None for x in values):
                return None
            value, end = max(values), m.end()
        unit = m.group("unit").lower().replace(" ", "").replace("\t", "")
        if unit in ("%", "percent", "pct"):
            unit = "%"
        elif unit.startswith("2"):
            unit = "2mm2"
        return unit, value, m.start("value"), end

    def column_value(self, a: "_Anchor", dims: bool = False) -> Optional[tuple[str, float, int, int]]:
        """A label in the header row of a table with a separator line under it ("Lesion | Site |
        Size (mm) | ..." / "-------+------+" / "1 | Ra | 16 x 12 | ..."): ``(unit, value, start,
        end)`` of the cell under the label in the first row, the unit from the label's
        parenthesis (as :meth:`label_number`; ``dims`` as there)."""
        text = self.text
        ls = text.rfind("\n", 0, a.start_char) + 1
        le = text.find("\n", a.end_char)
        if le < 0 or text.count("|", ls, le) < 2:
            return None
        se = text.find("\n", le + 1)
        if se < 0 or not self.rules.column_separator.match(text, le + 1, se):
            return None
        ds = se + 1
        de = text.find("\n", ds)
        de = len(text) if de < 0 else de
        if text.count("|", ds, de) != text.count("|", ls, le):
            return None  # not a row of this table
        he = text.find("|", a.end_char, le)
        hs = text.rfind("|", ls, a.start_char) + 1
        unit_m = self.rules.column_header_unit.search(text, hs, le if he < 0 else he)
        if unit_m is None:
            return None
        col = text.count("|", ls, a.start_char)
        cs = ds
        for _ in range(col):
            cs = text.index("|", cs, de) + 1
        ce = text.find("|", cs, de)
        ce = de if ce < 0 else ce
        m = self.rules.column_value.fullmatch(text, cs, ce)
        if m is None:
            return None
        value = parse_number(m.group("value"))
        if value is None:
            return None
        if m.group("dim2"):
            if not dims:
                return None
            values = [parse_number(m.group(g)) for g in ("value", "dim2", "dim3") if m.group(g)]
            if any(x is None for x in values):
                return None
            value = max(values)
        unit = unit_m.group("unit").lower().replace(" ", "").replace("\t", "")
        if unit in ("%", "percent", "pct"):
            unit = "%"
        elif unit.startswith(("per", "/")):
            unit = "2mm2"
        start, end = _trim(text, cs, ce)
        return unit, value, start, end

    def near_measurement(self, start: int, end: int) -> bool:
        """Whether a number with a length unit occurs in ``[start, end)``."""
        k = bisect.bisect_left(self.measurements, start)
        return k < len(self.measurements) and self.measurements[k] < end

    def sentence(self, char: int) -> tuple[int, int]:
        k = bisect.bisect_right(self.sent_starts, char) - 1
        end = self.sent_starts[k + 1] if k + 1 < len(self.sent_starts) else len(self.text)
        return self.sent_starts[k], end

    def clause(self, start: int, end: int) -> tuple[int, int]:
        """The sentence around ``[start, end)``, cut at semicolons (they end a statement)."""
        s, e = self.sentence(start)
        semi = self.text.rfind(";", s, start)
        if semi >= 0:
            s = semi + 1
        semi = self.text.find(";", end, e)
        if semi >= 0:
            e = semi
        return s, e

    def section(self, char: int) -> Optional[str]:
        return self.sections[bisect.bisect_right(self.section_starts, char) - 1][0]

    def part(self, char: int) -> Optional[str]:
        k = bisect.bisect_right(self.part_offsets, char) - 1
        if k < 0:
            return None
        offset, letter = self.parts[k]
        # A part label speaks for its own section only.
        sec = bisect.bisect_right(self.section_starts, char) - 1
        while sec > 0 and self._indented(self.section_starts[sec]):
            sec -= 1  # "   Note: ..." indented under part B is still part B
        return letter if offset >= self.section_starts[sec] else None

    def _indented(self, pos: int) -> bool:
        line_start = self.text.rfind("\n", 0, pos) + 1
        return pos > line_start and not self.text[line_start:pos].strip()

    def hpf_area(self) -> Optional[tuple[float, float]]:
        """``(number of HPF, area in mm²)`` when the report states the field area."""
        if self._hpf_area is ...:
            m = self.rules.hpf_area.search(self.text)
            self._hpf_area = None
            if m:
                hpf, area = parse_number(m.group("hpf")), parse_number(m.group("area"))
                if hpf and area:
                    self._hpf_area = (hpf, area)
        return self._hpf_area


class _Anchor:
    """A target-matcher anchor with the Span attributes the handlers use (cheaper than a Span)."""

    __slots__ = ("label_", "start", "end", "start_char", "end_char", "kb_id_", "text")

    def __init__(self, text: str, label: str, start: int, end: int, start_char: int,
                 end_char: int, value: str) -> None:
        self.label_, self.start, self.end = label, start, end
        self.start_char, self.end_char, self.kb_id_ = start_char, end_char, value
        self.text = text[start_char:end_char]


def _flags(span: "_Anchor", user_data: dict) -> tuple[bool, Any, bool]:
    """(negated, uncertain, not-about-this-report) as ConText set them on ``span._``.

    ``uncertain`` is ``"possible"`` (suspicious, equivocal, cannot be excluded), ``"unassessed"``
    (cannot be assessed / evaluated: a NOT_ASSESSED cue) or False. Read straight from
    ``doc.user_data``, where spaCy keeps span extensions.
    """
    s, e = span.start_char, span.end_char
    get = user_data.get
    uncertain: Any = "possible" if get(("._.", "is_uncertain", s, e), False) else False
    if not uncertain:
        for mod in get(("._.", "modifiers", s, e), ()):
            if mod.category == "NOT_ASSESSED":
                uncertain = "unassessed"
                break
    return (get(("._.", "is_negated", s, e), False), uncertain,
            get(("._.", "is_historical", s, e), False) or get(("._.", "is_hypothetical", s, e), False))


_ARROW_CHARS = frozenset("->→⇒")


def _superseded(d: "_Doc", a: "_Anchor") -> bool:
    """Whether a revision names this anchor as the value it replaces: "Stage is revised from pT1a
    to pT2", "pT2 (upstaged from pT1a)", "pT1a -> pT2" (value_rules ``superseded``). Cheap
    character tests first: most anchors have neither a "from" before nor an arrow after."""
    text, s, e = d.text, a.start_char, a.end_char
    r = d.rules
    if any(ch in _ARROW_CHARS for ch in text[e : e + 4]) and r.superseded_after.match(text, e):
        return True
    lo = max(0, s - 60)
    if (text.find("from", lo, s) >= 0 or text.find("than", lo, s) >= 0 or text.find("instead", lo, s) >= 0) \
            and r.superseded_before.search(text, lo, s):
        return True
    return False


def _modifier_hull(d: "_Doc", a: "_Anchor", start: int, end: int) -> tuple[int, int]:
    """Widen an evidence span to include the ConText cue that negated or questioned the anchor."""
    doc = d.doc
    for mod in d.doc.user_data.get(("._.", "modifiers", a.start_char, a.end_char), ()):
        if mod.category in ("NEGATED_EXISTENCE", "POSSIBLE_EXISTENCE", "NOT_ASSESSED"):
            ms, me = mod.modifier_span
            start = min(start, doc[ms].idx)
            end = max(end, doc[me - 1].idx + len(doc[me - 1]))
    return start, end


#: Characters an evidence span may start / end with untrimmed (the common case, tested first).
_UNTRIMMED_START = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<>≤≥~+")
_UNTRIMMED_END = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789%)²µ.+")


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Strip whitespace and stray punctuation from the ends of an evidence span."""
    while start < end and (text[start].isspace() or text[start] in ",;:(-"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:("):
        end -= 1
    return start, end


#: Anchors whose historical mentions still count as a last resort (value_rules.json
#: "history_fallback_fields"): the tumour's site and the procedure.
_FALLBACK_LABELS = frozenset({"SITE", "PROCEDURE"})


class FindingsComponent:
    """Anchors + ConText + sections -> candidates -> one value per field (``doc.user_data``)."""

    def __init__(self) -> None:
        self.rules = Rules()

    def __call__(self, doc: Doc) -> Doc:
        from .nlp import ANCHORS_KEY

        d = _Doc(doc, self.rules)
        # The target matcher stores its anchors, sorted by position, as plain tuples too.
        anchors = [_Anchor(d.text, *t) for t in doc.user_data.get(ANCHORS_KEY, ())]
        d.depth_anchors = [(a.start_char, a.end_char) for a in anchors if a.label_ == "DEPTH"]
        d.margin_anchors = [a for a in anchors if a.label_ == "MARGIN"]
        d.margin_anchor_starts = [a.start_char for a in d.margin_anchors]
        d.feature_ends = sorted(a.end_char for a in anchors if a.label_ in ("LVI", "PNI"))
        d.appendicectomy = any(a.label_ == "PROCEDURE" and self.rules.appendix_procedure.search(a.text)
                               for a in anchors)
        margins = [a for a in anchors if a.label_ == "MARGIN" and _margin_counts(d, a)]
        margin_bounds = [(_margin_start(d, a), a.end_char) for a in margins]
        candidates: list[Candidate] = []
        user_data = doc.user_data
        legend, decoded = _coded_legend(d) if " = " in d.text else ([], [])
        legend_starts = [lo for lo, _ in legend]
        titles = d.heading_lines
        title_starts = [t[0] for t in titles]
        for anchor in anchors:
            label = anchor.label_
            handler = _HANDLERS.get(label)
            if handler is None:
                continue
            if titles:
                k = bisect.bisect_right(title_starts, anchor.start_char) - 1
                if k >= 0 and anchor.start_char < titles[k][1] and anchor.end_char <= titles[k][1]:
                    continue  # a heading names no finding ("Specimen integrity: intact" states one)
            if d.unchecked_lines and d.unchecked(anchor.start_char):
                continue  # an unticked checklist option
            if legend and (k := bisect.bisect_right(legend_starts, anchor.start_char) - 1) >= 0 \
                    and anchor.start_char < legend[k][1]:
                continue  # a code's meaning in a template's legend ("3 = G3") is an option, not a finding
            if _superseded(d, anchor):
                continue  # "revised from pT1a to pT2", "pT1a -> pT2": the value it replaces
            negated, uncertain, elsewhere = _flags(anchor, user_data)
            if elsewhere and label in ("LVI", "PNI") and user_data.get(
                    ("._.", "is_hypothetical", anchor.start_char, anchor.end_char), False):
                # "If LVI were present, ...; none is seen": the report answers its hypothetical
                m = self.rules.hypothetical_absent.match(d.text, anchor.end_char)
                if m is not None:
                    field = "lvi" if label == "LVI" else "pni"
                    self._place(d, anchor.start_char,
                                [Candidate(field, "absent", anchor.start_char, m.end())], candidates)
                continue
            if elsewhere and label in ("DEPTH", "SM_DEPTH") and uncertain == "unassessed" and user_data.get(
                    ("._.", "is_hypothetical", anchor.start_char, anchor.end_char), False):
                # "whether the tumour infiltrates the submucosa cannot be established": the
                # report answers its question -- the depth is unknown (docs/gold.md: on a biopsy
                # a depth that cannot be established is null)
                self._place(d, anchor.start_char, [Candidate("depth", None, anchor.start_char, anchor.end_char,
                                                             kind="unknown")], candidates)
                continue
            if elsewhere and (label not in _FALLBACK_LABELS or user_data.get(
                    ("._.", "is_hypothetical", anchor.start_char, anchor.end_char), False)):
                continue  # historical or hypothetical: not a finding of this report
            found = handler(d, anchor, negated, uncertain, margin_bounds)
            if found:
                self._place(d, anchor.start_char, found, candidates, last_resort=elsewhere)
        for start, found in _noun_sizes(d):
            if legend and (k := bisect.bisect_right(legend_starts, start) - 1) >= 0 and start < legend[k][1]:
                continue
            self._place(d, start, found, candidates)
        for start, found in decoded:
            self._place(d, start, found, candidates)
        raw = user_data.get(_RAW_CANDIDATES_KEY)
        if raw is not None:  # a template's decoded lines (_coded_legend)
            raw.extend(candidates)
            return doc
        doc.user_data[FINDINGS_KEY] = select_findings(candidates, self.rules, d.text)
        return doc


    def _invasive(self, text: str, cand: Candidate) -> bool:
        """"The invasive focus measures 3 mm": a size whose subject is the invasive carcinoma."""
        lo = max(0, cand.start - 60, text.rfind(".", 0, cand.start) + 1)
        return self.rules.invasive_subject.search(text, lo, cand.end) is not None

    def _place(self, d: "_Doc", start: int, found: list[Candidate], out: list[Candidate],
               last_resort: bool = False) -> None:
        """Give candidates their section priority and specimen part, trim their spans."""
        section = d.section(start)
        # A historical mention ("resection for low rectal adenocarcinoma") names the site
        # only when nothing else does: the priority of clinical history.
        priority = 0 if last_resort else self.rules.section_priority.get(section, 3)
        text = d.text
        if section == "comment" and not last_resort:
            ss, se = d.sentence(start)
            if _THIS_NEXT.match(text, se):  # "... is involved. This supersedes the diagnosis above."
                se = d.sentence(se)[1]
            if self.rules.comment_revision.search(text, ss, se):
                # "..., superseding the diagnosis line above": the comment revises the
                # diagnosis as an addendum does (value_rules superseded.comment_revision)
                section, priority = "addendum", self.rules.section_priority.get("addendum", 7)
        for cand in found:
            own = self.rules.field_section_priority.get(cand.field)
            if own is not None and section in own and not last_resort:
                cand.priority = own[section]
            else:
                cand.priority = priority
            # most spans need no trimming: test their two end characters first
            if cand.start < cand.end and text[cand.start] in _UNTRIMMED_START \
                    and text[cand.end - 1] in _UNTRIMMED_END:
                pass
            else:
                cand.start, cand.end = _trim(text, cand.start, cand.end)
            if cand.field == "tumor_size_mm" and _clinical_size(cand, text, self.rules, d.sentence(cand.start)[0]):
                continue  # the endoscopist's or radiologist's size
            cand.section = section
            cand.part = d.part(cand.start) if d.parts else None
            if cand.field == "tumor_size_mm" and cand.kind in ("", "bare") and self._invasive(text, cand):
                cand.kind = "invasive"
            out.append(cand)


@Language.factory("pathspan_findings")
def make_findings(nlp: Language, name: str) -> FindingsComponent:
    """The component that turns anchors into field values (``doc.user_data["pathspan_findings"]``)."""
    return FindingsComponent()


# --- anchor handlers: (doc, anchor, negated, uncertain, margin bounds) -> candidates ----------


_RESECTION_OPPOSITE = {"en_bloc": "piecemeal", "piecemeal": "en_bloc"}
_NOT_BEFORE = re.compile(r"\b(?:not|non)(?:[ \t\-]+(?:removed|resected|excised))?[ \t\-]+$", re.IGNORECASE)


def _fixed(field: str):
    # "Rectum, ESD, en bloc; margins negative": a backward "negative" must not unsay the site,
    # procedure or resection, which are statements about the specimen, not findings in it.
    statement = field in ("site", "procedure", "resection")

    def handle(d: _Doc, a: "_Anchor", negated: bool, uncertain: bool, _m) -> list[Candidate]:
        # "piecemeal resection, margins not assessable": a statement is not what was unassessed
        # "removed with hot snare, base tattooed. ?malignant": a doubt is about a finding, not
        # about what was done to the specimen
        # "NEN, grade cannot be determined": what could not be assessed is the grade, not the diagnosis
        if uncertain == "unassessed" and field == "histology":
            uncertain = False
        if (negated or uncertain) and not statement:
            return []
        value = a.kb_id_ or None  # the rule's metadata.value (pipeline.nlp.PathTargetMatcher)
        if field == "site" and d.rules.site_part_of_specimen.search(d.text, max(0, a.start_char - 90), a.start_char):
            return []  # "APR specimen incl. anus": a part of the specimen, not the tumour's site
        if field == "site" and a.text.lower() in d.rules.dictation_words and d.dictated() \
                and not d.rules.dictation_site_kept.search(d.text, max(0, a.start_char - 12), a.start_char):
            return []  # "conclusion colon rectum comma ...": dictated punctuation, not the site
        if field == "resection" and value in _RESECTION_OPPOSITE:
            # "not en bloc" is piecemeal (only a "not" right before: ConText's negation of a
            # statement is unreliable, "en-bloc resection, margins negative")
            m = _NOT_BEFORE.search(d.text, max(0, a.start_char - 25), a.start_char)
            if m is not None:
                return [Candidate(field, _RESECTION_OPPOSITE[value], m.start(), a.end_char)]
            if value == "en_bloc" and d.rules.resection_multivisceral.search(d.text, max(0, a.start_char - 90),
                                                                             a.start_char):
                return []  # "resection with attached sigmoid colon, en bloc": organs, not one piece
            answer = d.rules.resection_answer.match(d.text, a.end_char)
            if answer is not None:  # "Piecemeal: no"
                said = _RESECTION_OPPOSITE[value] if answer.group("no") else value
                return [Candidate(field, said, a.start_char, answer.end())]
        return [Candidate(field, value, a.start_char, a.end_char)] if value else []
    return handle


def _histology(d: _Doc, a: "_Anchor", negated: bool, uncertain: bool, _m) -> list[Candidate]:
    found = _FIXED_HISTOLOGY(d, a, negated, uncertain, _m)
    if found and found[0].value == "adenoma":
        line_start = d.text.rfind("\n", 0, a.start_char) + 1
        if d.rules.histology_precursor.search(d.text, max(line_start, a.start_char - 80), a.start_char):
            found[0].kind = "precursor"  # "Background neoplasm ..... tubular adenoma"
    if found and "intramucosal" in a.text.lower():
        # "intramucosal carcinoma" names its depth: the mucosa (pTis)
        found.append(Candidate("depth", "mucosa", a.start_char, a.end_char))
    if found and found[0].value != "other" and d.near_measurement(a.start_char - 60, a.end_char + 80):
        sizes = _attached_size(d, a.start_char, a.end_char)
        if found[0].value == "adenoma":
            for c in sizes:
                c.kind = "polyp"  # an adenoma's size is the polyp's, not a carcinoma's in it
        found += sizes
    return found


def _no_residual(d: _Doc, a: "_Anchor", negated: bool, uncertain: bool, _m) -> list[Candidate]:
    """"NO RESIDUAL NEUROENDOCRINE TUMOUR", "negative for residual NET", "Residual tumour: none": the
    specimen holds no tumour (docs/gold.md: a scar with no residual tumour has no lesion). Where
    the report says so with most authority, a tumour word in a lower-ranked section (a comment
    on the earlier excision) names no lesion: an "unknown" histology that holds no value."""
    return [Candidate("histology", None, a.start_char, a.end_char, kind="unknown")]


def _noun_sizes(d: _Doc) -> Iterator[tuple[int, list[Candidate]]]:
    """Sizes written against a plain tumour noun ("42 mm ulcerated annular tumour", "nodule
    7 x 6 mm"). Looked for only around the report's measurements, which are few."""
    r = d.rules
    seen: set[int] = set()
    windows: list[list[int]] = []
    for pos in d.measurements:  # merge overlapping windows: one scan each
        if windows and pos - 80 <= windows[-1][1]:
            windows[-1][1] = pos + 60
        else:
            windows.append([max(0, pos - 80), pos + 60])
    for lo, hi in windows:
        for m in r.tumour_nouns.finditer(d.text, lo, hi):
            if m.start() in seen:
                continue
            seen.add(m.start())
            if r.other_lesion_before.search(d.text, max(0, m.start() - 30), m.start()) \
                    or r.other_lesion_before.search(d.text, max(0, m.start() - 40), max(0, m.start() - 8)):
                continue  # "a separate 6 mm nodule", "6 mm mesorectal nodule": not the primary
            if r.size_anchor_free.match(d.text, m.end()):
                continue  # "basal tumour-free, but narrow: 0,4 mm": a margin's status, not a size
            found = _attached_size(d, m.start(), m.end())
            if m.group().lower().startswith("polyp") \
                    or r.benign_before.search(d.text, max(0, m.start() - 30), m.start()):
                for c in found:
                    c.kind = "polyp"
            elif r.largest.search(d.text, max(0, m.start() - 25), m.start()):
                for c in found:
                    c.kind = "largest"  # "largest focus 11 mm" of a multifocal tumour
            if found:
                yield m.start(), found


_SPECIMEN_BEFORE = re.compile(r"\b(?:specimen|disc|disk|ellipse)(?:[ \t]+(?:size|measur\w*|dimensions?))?\W{0,4}$",
                              re.IGNORECASE)
_SIZE_LEAD = re.compile(r"[ \t]*(?::[ \t]*)?(?=\d)")


def _attached_size(d: _Doc, start: int, end: int) -> list[Candidate]:
    """A size written against the tumour noun at ``[start, end)``: "a 6 cm ... tumour",
    "tumour, 15 mm", "nodule 7 x 6 mm"."""
    r = d.rules
    text = d.text
    cs, ce = d.clause(start, end)
    if r.not_in_margin_clause.search(text, cs, start):
        return []  # "Lateral margin: ..., carcinoma 6 mm": a distance
    # "lesion 18x14 mm, invasive carcinoma 9x6 mm": a length right after the noun is its own, and
    # "carcinoma component 3.2 mm from the margin" makes the clause one of distances
    lead = _SIZE_LEAD.match(text, end)
    own = r.measurement.match(text, lead.end()) if lead is not None and d.near_measurement(end, end + 12) else None
    if own is not None:
        if r.distance_after.search(text[own.end() : own.end() + 30]):
            return []
        size = _measurement_mm(own)
        return [] if size is None else [Candidate("tumor_size_mm", size, start, own.end())]
    last = None
    if d.near_measurement(max(cs, start - 60), start):  # cheap gate before the big regex
        for last in r.measurement.finditer(text, max(cs, start - 60), start):
            pass
    if last is not None and r.clinical_before.search(text, max(0, last.start() - 60), last.start()):
        return []  # "biopsy of a 3 mm nodule": the endoscopist's size
    if last is not None and _SPECIMEN_BEFORE.search(text, max(cs, last.start() - 30), last.start()):
        last = None  # "Specimen 42x35mm, lesion ...": the specimen's measurement
    if last is not None and not r.site_distance_before.search(text, max(0, last.start() - 30), last.start()):
        gap = text[last.end() : start]
        if gap.strip() == "(" and r.attach_paren_noun.match(text, start):
            gap = ""  # "18x15mm (tumor)"
        if r.attach_before_gap.fullmatch(gap) and not r.attach_forbidden.search(gap) \
                and not r.specimen_words.search(gap):
            size = _measurement_mm(last)
            if size is not None:
                return [Candidate("tumor_size_mm", size, last.start(), end)]
    if not d.near_measurement(end, ce):
        return []
    m = r.measurement.search(text, end, min(ce, end + 80))
    if m is not None and not r.distance_after.search(text[m.end() : m.end() + 30]):
        # "tumour (G1, Ki-67 1%), 7 mm": a parenthesis and a stated grade may come between.
        gap = _PARENS.sub("", r.attach_grade.sub("", text[end : m.start()]))
        if len(gap) <= 45 and not any(ch.isdigit() for ch in gap) and not r.attach_forbidden.search(gap):
            size = _measurement_mm(m)
            if size is not None:
                return [Candidate("tumor_size_mm", size, start, m.end())]
    # A diagnosis line that lists the size as an item of its own: "..., HM0, VM0, 19x17 mm."
    for m in r.listed_size.finditer(text, end, ce):
        if r.not_primary.search(text, end, m.start()):
            break  # "TUMOR DEPOSIT / MATTED NODAL METASTASIS, 3.1 CM"
        if m.group("single") and (r.listed_depth_before.search(text, max(end, m.start() - 40), m.start())
                                  or _MICRO_UNIT.match(m.group("unit1"))) \
                or r.distance_after.search(text[m.end() : m.end() + 30]):
            continue  # "submucosal invasion, 1200 µm", "(Kikuchi sm2), 1.5 mm": a depth, not a size
        size = _measurement_mm(m)
        if size is not None:
            return [Candidate("tumor_size_mm", size, m.start("a") if m.group("a") else m.start("single"),
                              m.end("unit") if m.group("unit") else m.end("unit1"), kind="listed")]
    return []


_PARENS = re.compile(r"\([^()]*\)")
def _jp_sm_um(r: Rules, text: str, sm: re.Match[str], lo: int) -> Optional[float]:
    """The SM depth a JSCCR "SM/sm<level> <length>" match gives: not the 1000 µm criterion
    ("sm1 (<1000 µm)") nor a margin distance ("sm2, 0.8 mm from the deep margin")."""
    um = _um(sm)
    if um == r.sm_criterion_um and (any(ch in "<>≤≥" for ch in text[sm.start() : sm.start("value")])
                                    or r.sm_criterion.search(text, max(lo, sm.start("value") - 15), sm.start("value"))):
        return None
    if r.sm_distance_after.match(text, sm.end(), sm.end() + 60):
        return None
    return um


_MICRO_UNIT = re.compile(r"[µμu]m\b|micro", re.IGNORECASE)  # "1200 µm", "microns": a depth, never a size


_FIXED_HISTOLOGY = _fixed("histology")
_FIXED_GRADE = _fixed("grade")
_FIXED_DEPTH = _fixed("depth")


def _measurement_mm(m: re.Match[str]) -> Optional[float]:
    if m.group("single"):
        value = parse_number(m.group("single"))
        return None if value is None else to_mm(value, m.group("unit1"))
    values = [parse_number(m.group(g)) for g in ("a", "b", "c") if m.group(g)]
    values = [x for x in values if x is not None]
    return to_mm(max(values), m.group("unit")) if values else None


def _is_3d(m: re.Match[str]) -> bool:
    return bool(m.group("c"))


def _size(d: _Doc, a: "_Anchor", negated: bool, uncertain: bool, _m) -> list[Candidate]:
    if negated:
        return []
    if uncertain:
        return [Candidate("tumor_size_mm", None, a.start_char, a.end_char, kind="unknown")]
    r = d.rules
    # "microscopic size 7 mm" after "macroscopic tumour size 6 mm": the histological measure wins
    # "histological extent 31 x 22 mm": an anchor whose rule says so (metadata.value "micro")
    micro = "micro" if a.kb_id_ == "micro" or r.microscopic_before.search(
        d.text, max(0, a.start_char - 30), a.start_char) \
        or r.microscopic_after.match(d.text, a.end_char) \
        or r.microscopic_label_after.match(d.text, a.end_char) else None  # "Tumour size (micro): 7 mm"
    if r.invasion_subject.search(d.text, max(0, a.start_char - 60), a.start_char):
        return []  # "Submucosal invasion measured at 1.3 mm": how deep it invades, not its size
    if r.size_anchor_from.match(d.text, a.end_char):
        return []  # "depth of invasion, measured from the muscularis mucosae, is 1.6 mm": a distance
    if r.size_anchor_free.match(d.text, a.end_char):
        return []  # "basal tumour-free, but narrow: 0,4 mm": a margin's status, not a size
    cs, ce = d.clause(a.start_char, a.end_char)
    column = d.column_value(a, dims=True)  # "Lesion | Size (mm)" / "-------+-----" / "1 | 16 x 12"
    if column is not None and column[0] not in ("%", "2mm2"):
        size = to_mm(column[1], column[0])
        header_start = d.text.rfind("|", 0, a.start_char) + 1
        header = d.text[max(header_start, d.text.rfind("\n", 0, a.start_char) + 1) : a.end_char]
        if size is None or _not_tumour_subject(r, header):
            return []  # "| Specimen size (mm) |"
        return [Candidate("tumor_size_mm", size, column[2], column[3], kind=micro or "")]
    labelled = d.label_number(a, dims=True)
    if labelled is not None and labelled[0] not in ("%", "2mm2"):  # "Tumour size (cm): 1.2 x 1.0"
        size = to_mm(labelled[1], labelled[0])
        subject = d.text[cs : a.end_char]
        if size is None or _not_tumour_subject(r, subject):
            return []  # "Specimen size (cm): 3.5", "Lymph node size (mm): 9"
        if not r.tumor_words.search(subject) and len(_DIM_SEP.findall(d.text, labelled[2], labelled[3])) >= 2:
            return []  # "Size (cm): 3.5 x 3.0 x 0.8" with no tumour word: the specimen
        return [Candidate("tumor_size_mm", size, a.start_char, labelled[3], kind=micro or "")]
    m = r.measurement.search(d.text, a.end_char, ce)
    if m is None or m.start() - a.end_char > 60:
        # "0.6 cm in greatest dimension": the measurement precedes the anchor.
        m = None
        for m2 in r.measurement.finditer(d.text, max(cs, a.start_char - 40), a.start_char):
            m = m2
        if m is None:
            return []
    if micro is None and m.start() >= a.end_char:
        later = _microscopic_measurement(d, a.end_char, ce)  # "6 mm (macroscopic), 7 mm (microscopic)"
        if later is not None:
            m, micro = later, "micro"
    if r.distance_after.search(d.text[m.end() : m.end() + 30]):
        return []
    # "lies 8 cm from the anal verge and measures 4.5 x 3.8 cm": distance words before the
    # size verb do not make the measurement after it a distance.
    lo = max(cs, m.start() - 40, a.end_char if a.end_char <= m.start() else cs)
    if r.distance_before.search(d.text[lo : m.start()]):
        return []
    subject = d.text[cs : m.start()]
    tumor_hits = list(r.tumor_words.finditer(subject))
    kind = ""
    if _not_tumour_subject(r, subject, tumor_hits):
        return []
    if not tumor_hits:
        if _is_3d(m):
            return []  # a bare "4.0 x 3.5 x 0.8 cm" is a specimen, not a tumour
        kind = "bare"
    elif tumor_hits[-1].group().lower().startswith("polyp"):
        # "adenocarcinoma invading the head of the polyp (...), measuring 4 mm": a polyp
        # named as the place of an earlier tumour word is not the measured subject
        if len(tumor_hits) > 1 and _PLACE_BEFORE.search(subject, 0, tumor_hits[-1].start()) \
                and not tumor_hits[-2].group().lower().startswith("polyp"):
            pass
        else:
            kind = "polyp"
    size = _measurement_mm(m)
    if size is None:
        return []
    return [Candidate("tumor_size_mm", size, min(a.start_char, m.start()), max(a.end_char, m.end()),
                      kind=micro or kind)]


def _microscopic_measurement(d: _Doc, lo: int, hi: int) -> Optional[re.Match[str]]:
    """The first measurement in ``[lo, hi)`` (at most 120 characters on) qualified as microscopic
    or histological, before it ("microscopically 7 mm") or after it ("7 mm (microscopic)", "7 mm
    on histology"), and not a distance."""
    r = d.rules
    hi = min(hi, lo + 120)
    if not d.near_measurement(lo, hi):
        return None
    for m in r.measurement.finditer(d.text, lo, hi):
        if r.distance_after.search(d.text[m.end() : m.end() + 30]):
            continue
        if r.microscopic_adverb.search(d.text, max(lo, m.start() - 25), m.start()) \
                or r.microscopic_after.match(d.text, m.end()):
            return m
    return None


_DIM_SEP = re.compile(r"[x×]", re.IGNORECASE)


def _not_tumour_subject(r: Rules, subject: str, tumor_hits: Optional[list] = None) -> bool:
    """Whether the words before a size name something else after the last tumour word: the
    specimen ("Specimen size: 35 mm") or a node or deposit ("Lymph node size: 9 mm")."""
    if tumor_hits is None:
        tumor_hits = list(r.tumor_words.finditer(subject))
    last = tumor_hits[-1].end() if tumor_hits else -1
    # "the largest tumour diameter measured in one fragment is 6 mm": a fragment named as the
    # place of the measurement is not what is measured
    return any(x.end() > last and not r.specimen_place.search(subject, max(0, x.start() - 30), x.start())
               and not r.specimen_word_invasive.search(subject, max(0, x.start() - 20), x.start())
               for x in r.specimen_words.finditer(subject)) \
        or any(x.end() > last for x in r.not_primary.finditer(subject))


_THIS_NEXT = re.compile(r"[ \t\r\n]*(?:this|these|which)\b", re.IGNORECASE)
_PLACE_BEFORE = re.compile(r"\b(?:of|in|within|on)\s+(?:the|a|this)\s+$", re.IGNORECASE)


def _non_word(ch: str) -> bool:
    return not (ch.isalnum() or ch == "_")  # regex \W


def _prefix_separator(ch: str) -> bool:
    return ch.isspace() or ch in "(),/-"  # margin_prefix's [\s(),/\-]


_QUESTION = re.compile(r"[ \t]*\?[ \t]*")
_SEPARATOR_DASH = re.compile(r"[-−–][ \t]+")  # a dash, then a space: a separator if a status word follows


def _presence_value(d: _Doc, a: "_Anchor", negated: bool, uncertain: bool) -> tuple[Optional[str], int, int]:
    start, end = a.start_char, a.end_char
    q = _QUESTION.match(d.text, end)
    if q is not None:
        # "Perineural invasion? No.": a question the report answers, not a doubt
        m = d.rules.presence.match(d.text, q.end(), q.end() + 30)
        if m is not None and m.lastgroup in ("present", "absent"):
            return m.lastgroup, start, m.end()
    if uncertain == "unassessed":
        return None, start, end  # "LVI cannot be assessed (biopsy)": the report does not say
    if uncertain:
        s, e = _modifier_hull(d, a, start, end)
        return "indeterminate", s, e
    if negated:
        s, e = _modifier_hull(d, a, start, end)
        return "absent", s, e
    _, ce = d.clause(start, end)
    ws, we = d.value_window(end, ce)
    window = d.text[ws:we]
    if d.rules.jp_code_start.match(window):
        return None, start, end  # "Perineural: Pn0": the code says it
    stripped = window.strip(" \t:=(|").rstrip()
    # "LVI -", "PNI +", and telegraphic "LVI-ve", "PNI +ve"
    ve = 2 if stripped[1:3].lower() == "ve" and not stripped[3:4].isalnum() else 0
    if stripped[:1] in ("-", "−", "–") and (ve or not stripped[1:2].isalnum()):
        dash = ws + window.index(stripped[0])
        word = None if ve else _SEPARATOR_DASH.match(d.text, dash, we)
        word = d.rules.presence.match(d.text, word.end(), we) if word is not None else None
        if word is None:
            return "absent", start, dash + 1 + ve  # "LVI: -", "LVI -, PNI +", "LVI-ve": a minus sign
        # "Angiolymphatic invasion - present (focal)": the dash only separates label and value
        return (None if word.lastgroup == "not_assessed" else word.lastgroup), start, word.end()
    if stripped[:1] == "+":
        return "present", start, ws + window.index("+") + 1 + ve
    m = d.rules.presence.search(window, 0, 60)
    if m is not None:
        if m.lastgroup == "not_assessed":
            return None, start, end
        return m.lastgroup, start, ws + m.end()
    if not stripped.strip(".-"):
        below = d.next_line(end)  # "Lymphovascular invasion" / "Not identified" on the next line
        if below is not None:
            m = d.rules.presence.match(d.text, below[0], below[1])
            if m is not None:
                return (None if m.lastgroup == "not_assessed" else m.lastgroup), start, m.end()
            sub = _sub_item_presence(d, start, below[0])
            if sub is not None:
                return sub[0], start, sub[1]
    return "present", start, end


#: An indented "Small vessel (lymphatic): Not identified" line under a label with no value.
_SUB_ITEM = re.compile(r"[ \t]+[^:\n]{1,60}:[ \t]*(?P<value>[^\n]*)(?:\n|$)")


def _sub_item_presence(d: _Doc, label: int, pos: int) -> Optional[tuple[str, int]]:
    """``(value, end of the last value)`` of the indented sub-items under a label with no value
    of its own ("Lymphovascular Invasion:" / "  Small vessel: Not identified" / "  Large
    vessel: Not identified"): present if any says so, absent if all say absent, else None."""
    line_start = d.text.rfind("\n", 0, label) + 1
    indent = len(d.text[line_start:label]) - len(d.text[line_start:label].lstrip(" \t"))
    values: list[str] = []
    end = pos
    m = _SUB_ITEM.match(d.text, d.text.rfind("\n", 0, pos) + 1)
    while m is not None and len(values) < 8 and len(m.group(0)) - len(m.group(0).lstrip(" \t")) > indent:
        v = d.rules.presence.match(m.group("value"))
        if v is None or v.lastgroup not in ("present", "absent"):
            return None
        values.append(v.lastgroup)
        end = m.start("value") + v.end()
        m = _SUB_ITEM.match(d.text, m.end())
    if not values:
        return None
    return ("present" if "present" in values else "absent"), end


_PAIR_NAME_AFTER = re.compile(r"[ \t]*/[ \t]*[A-Za-z][A-Za-z \t\-]{0,30}?(?=[ \t]*[:=|])")
_PAIR_NAME_BEFORE = re.compile(r"[A-Za-z][A-Za-z\-]*[ \t]*/[ \t]*$")
_PAIR_VALUES = re.compile(r"[ \t]*[:=|][ \t|]*(?P<a>[+\-−]|[A-Za-z]+(?:[ \t][A-Za-z]+)?)[ \t]*/[ \t]*"
                          r"(?P<b>[+\-−]|[A-Za-z]+(?:[ \t][A-Za-z]+)?)")


def _presence_word(d: _Doc, word: str) -> Optional[str]:
    if word in ("-", "−"):
        return "absent"
    if word == "+":
        return "present"
    m = d.rules.presence.fullmatch(word)
    return m.lastgroup if m is not None and m.lastgroup != "not_assessed" else None


def _paired_presence(d: _Doc, a: "_Anchor", end: Optional[int] = None) -> Optional[tuple[str, str, int, int, int, int]]:
    """Two features named together and answered together: "LVI/PNI: +/-", "Lymphovascular/
    perineural invasion: present/absent". ``(first, second, span of the first value, span of the
    second)``, the values in the order the features were named; None when not so written.
    ``end``: where the names end, when not right after the anchor."""
    text = d.text
    if end is None:
        name = _PAIR_NAME_AFTER.match(text, a.end_char)
        end = name.end() if name is not None else a.end_char
    m = _PAIR_VALUES.match(text, end)
    if m is None:
        return None
    first, second = _presence_word(d, m.group("a")), _presence_word(d, m.group("b"))
    if first is None or second is None:
        return None
    return first, second, m.start("a"), m.end("a"), m.start("b"), m.end("b")


def _presence(field: str):
    def handle(d: _Doc, a: "_Anchor", negated: bool, uncertain: bool, _m) -> list[Candidate]:
        both = field == "lvi" and "perineural" in a.text.lower()  # "lymphovascular/perineural invasion"
        second = not both and _PAIR_NAME_BEFORE.search(d.text, max(0, a.start_char - 40), a.start_char)
        after = None if both or second else _PAIR_NAME_AFTER.match(d.text, a.end_char)
        pair = _paired_presence(d, a) if both or second or after else None
        kinds = None  # "Vessel invasion (lymphatic/venous): +/-": two kinds of LVI
        if field == "lvi" and not both:
            partner = second or after
            if partner is not None:
                kinds = partner if d.rules.lvi_kind.match(partner.group().strip(" \t/")) else None
            elif pair is None:
                kinds = d.rules.lvi_kind_paren.match(d.text, a.end_char)
                pair = _paired_presence(d, a, kinds.end()) if kinds is not None else None
        if pair is not None:
            first_value, second_value, s1, e1, s2, e2 = pair
            if both:
                return [Candidate("lvi", first_value, a.start_char, e1), Candidate("pni", second_value, a.start_char, e2)]
            if kinds is not None:  # either kind present -> present; both absent -> absent
                values = (first_value, second_value)
                value = next((v for v in ("present", "indeterminate", "absent") if v in values))
                return [Candidate(field, value, a.start_char, e2)]
            value, e = (second_value, e2) if second else (first_value, e1)
            return [Candidate(field, value, a.start_char, e)]
        value, s, e = _presence_value(d, a, negated, uncertain)
        if value is None:
            return []
        found = [Candidate(field, value, s, e)]
        if both:
            found.append(Candidate("pni", value, s, e))
        return found
    return handle


def _ki67(d: _Doc, a: "_Anchor", negated: bool, uncertain: bool, _m) -> list[Candidate]:
    r = d.rules
    column = d.column_value(a)  # "| Site | Ki-67 (%) |" / "|---|---|" / "| rectum | 3 |"
    if column is not None and column[0] == "%" and column[1] <= 100:
        return [Candidate("ki67_percent", tidy(column[1]), column[2], column[3])]
    labelled = d.label_number(a)
    if labelled is not None and labelled[0] == "%":  # "Ki-67 index (%): 3"
        unit, value, s, e = labelled
        return [] if value > 100 else [Candidate("ki67_percent", tidy(value), a.start_char, e)]
    cs, ce = d.sentence(a.start_char)
    m = r.percent.search(d.text, a.end_char, ce)
    if m is None:
        last = None
        for last in r.percent.finditer(d.text, max(cs, a.start_char - 40), a.start_char):
            pass
        m = last
    if m is None:
        below = d.next_line(a.end_char) or d.line_after_colon(a.end_char)  # "Ki-67 index" / "2%"
        if below is not None:
            m = r.percent.match(d.text, below[0], below[1])
    if m is None:
        return []
    value = upper_value(m.group("low"), m.group("high"))
    if value is None or value > 100:
        return []
    return [Candidate("ki67_percent", tidy(value), min(a.start_char, m.start()), max(a.end_char, m.end()))]


def _mitoses(d: _Doc, a: "_Anchor", negated: bool, uncertain: bool, _m) -> list[Candidate]:
    r = d.rules
    if uncertain:
        return []
    column = d.column_value(a)  # "| Mitoses (/2 mm2) |" / "|---|" / "| 1 |"
    if column is not None and column[0] == "2mm2":
        return [Candidate("mitoses_per_2mm2", tidy(column[1]), column[2], column[3])]
    labelled = d.label_number(a)
    if labelled is not None and labelled[0] == "2mm2":  # "Mitoses per 2 mm2: 1"
        return [Candidate("mitoses_per_2mm2", tidy(labelled[1]), a.start_char, labelled[3])]
    cs, ce = d.sentence(a.start_char)
    region_start = max(cs, a.start_char - 30)
    best: Optional[Candidate] = None
    for m in r.mitotic_count.finditer(d.text, region_start, ce):
        low = m.group("low")
        value = upper_value(low, m.group("high"))
        if value is None:
            continue
        after = d.text[m.end() : m.end() + 40]
        unit = r.per_2mm2.match(after)
        if unit is not None:
            return [Candidate("mitoses_per_2mm2", tidy(value), min(a.start_char, m.start()),
                              max(a.end_char, m.end() + unit.end()))]
        hpf = r.per_hpf.match(after)
        area = d.hpf_area()
        if hpf is not None and area is not None and best is None:
            n_hpf = parse_number(hpf.group("hpf")) or 10.0
            # count per n_hpf fields; area[0] fields cover area[1] mm² (stated by the report)
            per_2 = value * 2.0 * area[0] / (n_hpf * area[1])
            best = Candidate("mitoses_per_2mm2", round(per_2, 2), min(a.start_char, m.start()),
                             max(a.end_char, m.end() + hpf.end()))
    if best is None:
        best = _no_mitoses(d, a, negated)
    return [best] if best else []


def _no_mitoses(d: _Doc, a: "_Anchor", negated: bool) -> Optional[Candidate]:
    """ "No mitoses", "Mitoses: none / absent / 0", "mitotic figures are not identified": a
    count of zero (zero per any area). Not "no atypical mitoses", which says nothing of the count."""
    r = d.rules
    if r.zero_not_before.search(d.text, max(0, a.start_char - 25), a.start_char):
        return None
    cs, ce = d.clause(a.start_char, a.end_char)
    ss, se = d.sentence(a.start_char)
    # The limit is said near the statement, in its sentence ("Superficial fragments only; no
    # mitoses identified"), not anywhere in a long run-on line ("... superficial submucosa ...
    # tumour 4 mm on slide / mitoses not identified in the tumour").
    if r.limited_material.search(d.text, max(ss, a.start_char - 60), min(se, a.end_char + 80)) \
            and not r.area_2mm2.search(d.text, cs, ce):
        return None  # "no mitoses seen in the limited material": no count per 2 mm² (docs/gold.md)
    if negated:
        for mod in d.doc.user_data.get(("._.", "modifiers", a.start_char, a.end_char), ()):
            if mod.category != "NEGATED_EXISTENCE":
                continue
            ms, me = mod.modifier_span
            cue_start, cue_end = d.doc[ms].idx, d.doc[me - 1].idx + len(d.doc[me - 1])
            if cue_end <= a.start_char and a.start_char - cue_end <= 20:  # "no (significant) mitoses"
                return Candidate("mitoses_per_2mm2", 0.0, cue_start, a.end_char)
    m = r.mitoses_zero.match(d.text, a.end_char, ce)
    if m is None:
        below = d.next_line(a.end_char)  # "... Mitoses:" / "   none seen."
        if below is None:
            return None
        m = r.mitoses_zero.match(d.text, below[0], below[1])
        if m is None:
            return None
        ce = below[1]
    if r.zero_in_hpf.match(d.text, m.end(), ce) and d.hpf_area() is None \
            and not r.area_2mm2.search(d.text, cs, ce):
        return None  # "not identified in 10 HPF (area not measured)": no count per 2 mm²
    return Candidate("mitoses_per_2mm2", 0.0, a.start_char, m.end())


def _margin_start(d: _Doc, a: "_Anchor") -> int:
    """Where a margin's name starts: "margin" extended back over its side words
    ("the deep (full-thickness) margin" -> "deep (full-thickness) margin")."""
    cached = d.margin_starts.get(a.start_char)
    if cached is None and a.text[:1] == "M" and d.rules.margin_sign.match(a.text):
        cached = d.margin_starts[a.start_char] = a.start_char  # "M- lat": the side is in the name
    if cached is None:
        window_start = max(_name_sentence_start(d, a), a.start_char - 80)
        m = None
        word, last = _word_before(d.text, window_start, a.start_char, _prefix_separator)
        if _may_end_with(word, last, d.rules.margin_prefix_words):
            m = d.rules.margin_prefix.search(d.text, window_start, a.start_char)
        cached = d.margin_starts[a.start_char] = m.start() if m else a.start_char
    return cached


def _name_sentence_start(d: _Doc, a: "_Anchor") -> int:
    """Where a margin name may start: its sentence, or the one before when a bare "margin" opens
    its line and that line is an unfinished label ("RADIAL (NON-PERITONEALISED)" /
    "MARGIN CLEAR BY 1.5 MM": upper-case lines do not wrap by case)."""
    pos = a.start_char
    start = d.sentence(pos)[0]
    if start == 0 or d.text[start:pos].strip() or not a.text[:6].lower() == "margin":
        return start
    prev = d.sentence(start - 1)[0]
    line = d.text[prev:start].rstrip()
    if line and line[-1] not in ".:;" and ":" not in line and "\n" not in line:
        return prev
    return start


def _margin_sides(d: _Doc, a: "_Anchor") -> set[str]:
    cached = d.margin_sides.get(a.start_char)
    if cached is None:
        words = set(_WORDS.findall(d.text[_margin_start(d, a) : a.end_char].lower()))
        cached = {side for side, vocab in d.rules.side_words.items() if words & vocab} or {"all"}
        if a.kb_id_ in d.rules.side_words:  # "diathermied base" is the deep margin by name
            cached = {a.kb_id_}
            if d.appendicectomy and d.rules.base_word.search(a.text):
                cached = {"other"}  # "MARGIN_BASE=negative; 45 mm" of an appendicectomy: its base
        elif cached == {"all"}:  # "closest margin (deep) 1.2 mm": the side in a parenthesis
            named = _SIDE_PAREN.match(d.text, a.end_char)
            if named is not None:
                words = set(_WORDS.findall((named.group(1) or named.group(2)).lower()))
                cached = {side for side, vocab in d.rules.side_words.items() if words & vocab} or cached
        for side, beaten in d.rules.side_precedence.items():
            if side in cached:
                cached -= set(beaten)
        if cached == {"all"}:
            cached = _referent_sides(d, a) or cached
        d.margin_sides[a.start_char] = cached
    return set(cached)


def _referent_sides(d: _Doc, a: "_Anchor") -> Optional[set[str]]:
    """"The tumour is 0.4 mm from the deep margin. This margin is free", "Deep margin: 0.4 mm of
    submucosa; margin free": a lone "the / this margin" in the next sentence or clause speaks of
    the margin named just before it, when that one has a single side (value_rules "margin_lone")."""
    r = d.rules
    if a.text.lower() not in r.lone_margin_words or r.lone_margin_not_after.match(d.text, a.end_char):
        return None
    k = bisect.bisect_left(d.margin_anchor_starts, a.start_char) - 1
    if k < 0:
        return None
    prev = d.margin_anchors[k]
    cs, _ = d.clause(a.start_char, a.end_char)
    if prev.end_char > cs or _margin_start(d, a) != a.start_char or (
            d.text[cs:a.start_char].strip()
            and not r.lone_margin_before.search(d.text, max(cs, a.start_char - 12), a.start_char)):
        return None  # the margin before is in this clause, or this one has words of its own
    ss = d.sentence(a.start_char)[0]
    if prev.start_char < ss and (ss == 0 or prev.start_char < d.sentence(ss - 1)[0]
                                 or _BLANK_LINE.search(d.text, prev.end_char, ss)):
        return None  # not the sentence right before
    sides = _margin_sides(d, prev)
    if len(sides) != 1 or not sides <= _SIDE_FIELD.keys() or not _margin_counts(d, prev, sides):
        return None
    return sides


_BLANK_LINE = re.compile(r"\n[ \t\r]*\n")


_WORDS = re.compile(r"[a-z][a-z\-]*")  # "mucosal/lateral" is two words
_AT = re.compile(r"\s*at\b")
_EXACT_AFTER_BOUND = re.compile(r"\s*\(\s*\d+(?:[.,]\d+)?\s*(?:mm|cm|[µμu]m)\s*\)")
_SIDE_PAREN = re.compile(r"[ \t]*(?:\(([A-Za-z][A-Za-z \t/\-]{0,28})\)|(?i:of[ \t]+the[ \t]+(stalk)\b))")


def _margin_counts(d: _Doc, a: "_Anchor", sides: Optional[set[str]] = None) -> bool:
    """Whether a margin anchor names a data-dictionary margin (else it neither gets a value
    nor bounds its neighbours' windows): not "proximal margin" alone, not a lone "the margin"."""
    sides = _margin_sides(d, a) if sides is None else sides
    if sides == {"other"} or d.rules.margin_of_fragment.match(d.text, a.end_char):
        return False
    return sides != {"all"} or bool(d.rules.margin_plural.search(a.text)) \
        or bool(d.rules.margin_named.search(d.text, _margin_start(d, a), a.end_char))


def _margin(d: _Doc, a: "_Anchor", negated: bool, uncertain: bool, bounds) -> list[Candidate]:
    r = d.rules
    sides = _margin_sides(d, a)
    if not _margin_counts(d, a, sides):
        return []
    sides.discard("other")  # proximal/distal/doughnut margins are not in the data dictionary
    text = d.text
    name_start = _margin_start(d, a)
    cs, ce = d.clause(a.start_char, a.end_char)
    k = bounds.index((name_start, a.end_char))
    after_end = min(ce, bounds[k + 1][0]) if k + 1 < len(bounds) else ce
    before_start = max(cs, bounds[k - 1][1]) if k > 0 else cs
    before_start = _clause_start(text, before_start, name_start)
    # "Tumour emboli are present in lymphatics (D2-40 positive) at the deep edge", "d2 40 neg  no
    # perineural invasion / tumour 0.2 mm from the ... deep margin": the status words after an LVI
    # or PNI name in the margin's clause are that finding's (or its stain's), not the margin's
    status_start = before_start
    f = bisect.bisect_right(d.feature_ends, name_start)
    if f and d.feature_ends[f - 1] > before_start:
        before_start, status_start = d.feature_ends[f - 1], name_start
    status: Optional[str] = None
    said = ""  # the status word as written
    ev_s, ev_e = name_start, a.end_char
    ws, we = d.value_window(a.end_char, after_end)
    m = r.margin_status.search(text, ws, we)
    if m is not None and k + 1 < len(bounds) and we == bounds[k + 1][0] and _status_of_next(r, text, m, we):
        m = None  # "0.8 mm from the deep margin and clear of the lateral margins": the lateral's
    if m is None:
        below = d.next_line(a.end_char)  # "Deep margin:" / "Involved" on the next line
        if below is not None:
            m = r.margin_status.match(text, below[0], below[1])
    if m is not None and sides == {"all"}:
        # "Margins: appendiceal base free": the value names the margin it speaks of
        named = set(_WORDS.findall(text[a.end_char : m.start()].lower()))
        if named:
            said = {side for side, vocab in r.side_words.items() if named & vocab}
            if said == {"other"}:
                return []
    answer = r.margin_answer.match(text, a.end_char, a.end_char + 60)
    if answer is not None:  # "Deep margin involvement: no"
        status, ev_e = ("negative" if answer.group("no") else "positive"), answer.end()
    elif m is not None and m.lastgroup == "hedged":
        pass  # "(within cautery zone), not clearly at ink": no status is stated; a distance decides
    elif m is not None:
        status, ev_e, said = m.lastgroup, m.end(), m.group()
        if status == "close":
            # "very close (<0.1 mm), not involved", "negative but close": a clearing word wins
            clear = next((x for x in r.margin_status.finditer(text, ws, we) if x.lastgroup == "negative"), None)
            if clear is not None:
                status, ev_e, said = "negative", max(ev_e, clear.end()), clear.group()
    else:
        last = _status_before(d, status_start, name_start)
        if last is None and status_start == before_start and k > 0 and bounds[k - 1][1] >= cs \
                and r.coordinated_gap.fullmatch(text, bounds[k - 1][1], name_start):
            # "clear of the lateral margin by 1.1 mm and of the deep margin by 0.5 mm"
            prev_start = max(cs, bounds[k - 2][1]) if k > 1 else cs
            last = _status_before(d, _clause_start(text, prev_start, bounds[k - 1][0]), bounds[k - 1][0])
            if last is not None and not r.coordinated_lead.fullmatch(text, last.end(), bounds[k - 1][0]):
                last = None
        if last is None and text[max(before_start, name_start - 4) : name_start].lower().rstrip().endswith(("at", "the")):
            at = r.margin_at_before.search(text, max(before_start, name_start - 80), name_start)
            if at is not None and not r.margin_at_not.search(text, before_start, name_start):
                last = at  # "Tumour is at the deep margin (0 mm)": the tumour placed at the margin
                status, ev_s, said = "positive", at.start(), at.group()
        elif last is not None:
            status, ev_s, said = last.lastgroup, last.start(), last.group()
    if status == "not_stated":
        return []  # "Margins: not applicable (no tumor)": no margin status is stated
    doubt = r.margin_involvement_doubt.match(text, max(ev_e, a.end_char), ce + 80) if status == "positive" else None
    if doubt is not None:
        status = "indeterminate"  # "abuts the cauterised deep margin; involvement cannot be excluded"
        ev_e = doubt.end()
    # The distance: "0.5 mm from the deep margin" (before), "deep margin: clear (1.3 mm)",
    # "lateral 4 mm" (inside or after). A distance followed by "from" after this anchor
    # belongs to the next margin.
    dm = None
    first = k == 0 or bounds[k - 1][1] < cs  # no other margin earlier in the clause
    for cand in r.length.finditer(text, before_start, name_start):
        gap = text[cand.end() : name_start]
        # "0.5 mm from the deep margin"; "2 mm deep margin, clear" (a table cell)
        if r.distance_owner.match(gap):
            dm = cand
        elif not gap.strip(" \t" + ("(" if text.startswith(")", a.end_char) else "")) and "\n" not in gap \
                and (first or _length_side_item(d, k, bounds, cand)) and _side_length_context(d, a, cand, name_start):
            # "2 mm deep margin, clear" (a table cell), "clear margins (0.4 mm deep, 2 mm lateral)",
            # "Margins: 0.4 mm (deep), 2 mm (lateral)" (a side in its own brackets)
            dm = cand
            if status is None and not first:
                head = _list_status(d, k, bounds, cand)
                if head is not None:  # "clear margins (30 mm distal, 0.5 mm radial)": the list's status word
                    status, said, ev_s = head.lastgroup, head.group(), min(ev_s, head.start())
        elif _AT.match(gap) and r.clearance_at.search(text, before_start, cand.start()):
            dm = cand  # "a clearance of 2.5 mm at the nearest mucosal edge"
    if dm is None:
        # "Very close to (<0.1 mm) but does not involve the deep margin": a bracketed length after
        # "close to", before this margin's name in its sentence (value_rules "margin_bracket_distance")
        bracket = r.bracket_distance.search(text, max(cs, bounds[k - 1][1]) if k > 0 else cs, name_start)
        if bracket is not None:
            dm = bracket
            if status is None:
                last = _status_before(d, bracket.start("tail"), bracket.end("tail"))
                if last is not None:
                    status, said = last.lastgroup, last.group()
    if dm is not None and r.margin_precursor.search(text, before_start, dm.start()):
        # "adenoma 0.5 mm from the lateral edge, carcinoma 2 mm from it": the tumour's own distance
        dm = _invasive_length(d, a.end_char, after_end) or dm
    bounded = k + 1 < len(bounds) and bounds[k + 1][0] < ce
    if dm is None:
        for cand in r.length.finditer(text, name_start, after_end):
            follow = text[cand.end() : cand.end() + 12]
            if (bounded and r.distance_owner.match(follow)) or re.match(r"\s*(?:x|×|by)\b", follow, re.IGNORECASE):
                continue
            if r.involved_length.search(text, max(name_start, cand.start() - 40), cand.start()):
                continue  # "extend to the deep margin over 0.5 mm": how much is involved, not a distance
            dm = cand
            if r.margin_precursor.search(text, max(name_start, cand.start() - 25), cand.start()):
                # "adenoma 4 mm from the edge, carcinoma 6 mm": the tumour's own distance
                dm = cand = _invasive_length(d, cand.end(), after_end) or cand
            if cand.group("bound") or text[max(name_start, cand.start() - 12) : cand.start()].rstrip().lower().endswith(("less than", "under")):
                exact = _EXACT_AFTER_BOUND.match(text, cand.end())  # "less than 1 mm (0.5 mm)"
                if exact is not None and exact.end() <= after_end:
                    dm = r.length.search(text, exact.start(), exact.end())
            break
    if dm is None and status is not None and text.startswith(";", ce):
        dm = r.margin_semicolon_distance.match(text, ce)  # "Deep margin: negative; 1.5 mm"
    if dm is not None and r.distance_not_of.search(text, max(cs, dm.start() - 40), dm.start()):
        dm = None  # "scar 11 mm from CRM": not the tumour's distance
    dist: Optional[float] = None
    labelled = d.label_number(a, skip=r.label_distance_word) if dm is None else None
    if labelled is not None and labelled[0] not in ("%", "2mm2"):  # "deep margin (mm): 0.4"
        dist = to_mm(labelled[1], labelled[0])
        if dist is not None:
            ev_e = max(ev_e, labelled[3])
    if dist is None and dm is None:
        cell = _table_unit_number(d, a)  # "| deep (basal) | tumourfree | 0.8 |" under "(mm)"
        if cell is not None:
            dist, ev_e = cell[0], max(ev_e, cell[1])
    if dist is None and dm is None and len(sides) == 1 and (k + 1 == len(bounds) or bounds[k + 1][0] >= ce):
        dm = _next_sentence_distance(d, a, ce) or _closest_margin_distance(d, a)
    bound = upper = gross = False
    if dm is not None:
        value = parse_number(dm.group("value"))
        unit = dm.group("unit") or dm.groupdict().get("label_unit")
        dist = None if value is None or unit is None else to_mm(value, unit)
        if dist is not None:
            ev_s, ev_e = min(ev_s, dm.start()), max(ev_e, dm.end())
            bound = bool(dm.groupdict().get("bound"))  # "< 1 mm to deep margin": a summary
            # "(> 5 mm on gross inspection)", "lies grossly 1.5 mm from": yields to a microscopic one
            gross = bool(r.gross_distance_before.search(text, max(cs, dm.start() - 40), dm.start())
                         or r.gross_distance_after.match(text, dm.end()))
            # "less than 1 mm", "< 1 mm": under the close cut-off when the bound is at it
            upper = bool(r.upper_bound.fullmatch(dm.groupdict().get("bound") or "")
                         or r.upper_bound_before.search(text, max(0, dm.start() - 20), dm.start()))
    if status is None and a.text[:1] == "M":
        sign = r.margin_sign.match(a.text)  # "M+ deep", "M- lat (approx. 2mm)"
        if sign is not None:
            status = sign.lastgroup
    if status is None and uncertain:
        status = "indeterminate"
        ev_s, ev_e = _modifier_hull(d, a, ev_s, ev_e)
    kind = ""
    from_distance = status is None and dist is not None
    if from_distance:
        status = "close" if dist < r.close_below or (upper and dist <= r.close_below) else "negative"
        kind = "distance"  # a status read from a distance yields to a stated status word
    elif status == "close" and said.lower() in r.weak_status:
        kind = "distance"  # "the deep clearance is narrow": yields to a stated status word too
    if status in ("positive", "close") and not kind and r.margin_precursor.search(text, ev_s, ev_e) \
            and not r.margin_invasive.search(text, ev_s, ev_e):
        # "margin: adenoma extends to the margin" (while "adenoma-free" clears the tumour too)
        kind = "precursor"
        later = r.margin_invasive_next.match(text, ce)
        tumour = r.margin_status.match(text, later.end()) if later is not None else None
        if tumour is not None and tumour.lastgroup in ("negative", "close"):
            status, kind, ev_e = tumour.lastgroup, "", tumour.end()  # "...; carcinoma clear"
    found: list[Candidate] = []
    if len(sides) == 2:  # "Deep/lateral margins: 0.4 mm / 2 mm"
        paired = _paired_distances(d, a, name_start, sides, after_end)
        for side, (value, ps, pe) in paired.items():
            # each margin's status from its own length when no status word is stated
            stated = status if not from_distance else None
            side_status = stated or ("close" if value < r.close_below else "negative")
            found.append(Candidate(_SIDE_FIELD[side], side_status, min(ev_s, ps), max(ev_e, pe),
                                   kind="" if stated else "distance"))
            found.append(Candidate(_SIDE_FIELD[side] + "_mm", value, min(ev_s, ps), max(ev_e, pe)))
        if paired:
            return found
        for side, (side_status, ps, pe) in _paired_statuses(d, a, name_start, sides, after_end).items():
            found.append(Candidate(_SIDE_FIELD[side], side_status, min(ev_s, ps), max(ev_e, pe)))
        if found:
            return found
    for side in sides:
        if side == "all":
            if status:
                found.append(Candidate("margin_all", status, ev_s, ev_e,
                                       kind="distance" if from_distance else "generic"))
            continue
        field = _SIDE_FIELD[side]
        if status:
            found.append(Candidate(field, status, ev_s, ev_e, kind=kind))
        if dist is not None and len(sides) == 1:
            found.append(Candidate(field + "_mm", dist, ev_s, ev_e, kind="gross" if gross else "bound" if bound else ""))
    if a.text.lower() in r.local_margin_words:  # "Base: clear": only an endoscopic or local excision's
        for c in found:
            c.local = True
    return found


def _length_side_item(d: _Doc, k: int, bounds, cand: re.Match[str]) -> bool:
    """"excised with clear margins (0.4 mm deep, 2 mm lateral)": a length right before a margin's
    name is its distance also after a generic "margins" or after the list's previous item
    (value_rules.json "margin_length_before_side")."""
    if k == 0:
        return False
    prev_end = bounds[k - 1][1]
    prev = next((x for x in d.margin_anchors if x.end_char == prev_end), None)
    return prev is not None and (_margin_sides(d, prev) == {"all"}
                                 or bool(d.rules.side_list_gap.fullmatch(d.text, prev_end, cand.start())))


def _list_status(d: _Doc, k: int, bounds, cand: re.Match[str]) -> Optional[re.Match[str]]:
    """"Clear margins (30 mm distal, 0.5 mm radial)", "Margins clear: 30 mm distal, 0.5 mm
    circumferential": the status word a list of 'length side' items opens with, before or right
    after its generic "margins" (docs/gold.md: a status word always wins over a distance)."""
    j, start = k, cand.start()
    while j > 0:
        prev_s, prev_e = bounds[j - 1]
        prev = next((x for x in d.margin_anchors if x.end_char == prev_e), None)
        if prev is None:
            return None
        if _margin_sides(d, prev) == {"all"}:
            cs = d.clause(prev.start_char, prev.end_char)[0]
            after = _status_before(d, prev_e, start)
            return after if after is not None else _status_before(d, _clause_start(d.text, cs, prev_s), prev_s)
        if not d.rules.side_list_gap.fullmatch(d.text, prev_e, start):
            return None
        lengths = list(d.rules.length.finditer(d.text, max(0, prev_s - 40), prev_s))
        if not lengths:
            return None
        j, start = j - 1, lengths[-1].start()
    return None


def _side_length_context(d: _Doc, a: "_Anchor", cand: re.Match[str], name_start: int) -> bool:
    """A length right before a bare side word ("2 mm deep") is a margin's distance only where
    the sentence before it speaks of margins or clearance: "invades 2 mm deep" is no margin."""
    if name_start != a.start_char or a.text.lower() not in d.rules.all_side_words:
        return True
    return bool(d.rules.side_list_context.search(d.text, d.sentence(a.start_char)[0], cand.start()))


def _margin_anchor_in(d: _Doc, lo: int, hi: int) -> bool:
    """Whether a MARGIN anchor (counted or not) starts in ``[lo, hi)``."""
    k = bisect.bisect_left(d.margin_anchor_starts, lo)
    return k < len(d.margin_anchor_starts) and d.margin_anchor_starts[k] < hi


def _next_sentence_distance(d: _Doc, a: "_Anchor", ce: int) -> Optional[re.Match[str]]:
    """"Deep margin: clear. Clearance 0.4 mm", "Deep margin: Clear" / "  Distance: 0.7 mm",
    "... free; however, tumour lies 0.1 mm from it": the distance that opens the clause or the
    sentence right after a margin's statement (no blank line between), when nothing else in that
    statement or in the distance names a margin (value_rules.json "margin_next_distance")."""
    text = d.text
    ss, se = d.sentence(a.start_char)
    if ce < se and text[ce] == ";":  # "Deep margin is free; however, tumour lies 0.1 mm from it"
        ns, ne = ce + 1, d.clause(ce + 1, ce + 1)[1]
    elif se >= len(text) or text[ce:se].strip(" \t\r\n.") or _BLANK_LINE.search(text, a.end_char, se):
        return None
    else:
        ns, ne = d.sentence(se)
    if _margin_anchor_in(d, a.end_char, ns):
        return None
    for rx in d.rules.margin_next_distance:
        m = rx.match(text, ns, ne)
        if m is not None:
            side = _SIDE_PAREN.match(text, m.end(), ne)
            if side is not None and side.group(1):
                named = set(_WORDS.findall(side.group(1).lower()))
                said = {x for x, vocab in d.rules.side_words.items() if named & vocab}
                if said and not said & _margin_sides(d, a):
                    return None  # "Distance: 30 mm (distal)": the bracket names another margin
            if not _margin_anchor_in(d, ns, m.end()):
                return m
            # "Distance to margin (mm): 2.5": a lone "margin" in the label is the one just named
            k = bisect.bisect_left(d.margin_anchor_starts, ns)
            others = [x for x in d.margin_anchors[k:] if x.start_char < m.end()]
            lone = all(x.text.lower() in d.rules.lone_margin_words for x in others)
            return m if lone and "(" in m.group() else None
    return None


def _closest_margin_distance(d: _Doc, a: "_Anchor") -> Optional[re.Match[str]]:
    """CAP: "Distance of tumour from closest margin: 0.6 mm" and "Closest margin: deep" on a line
    of the same block (before or after): the distance is the named side's
    (value_rules.json "margin_closest_distance")."""
    text = d.text
    if not a.text.lower().startswith(("closest", "nearest")):
        return None  # the "closest = <side>" anchor
    ls = text.rfind("\n", 0, a.start_char) + 1
    le = text.find("\n", a.end_char)
    le = len(text) if le < 0 else le
    lo, hi = ls, le
    for _ in range(d.rules.closest_lines):  # the block: lines around, up to a blank line
        p = text.rfind("\n", 0, max(0, lo - 1))
        if lo == 0 or not text[p + 1 : lo].strip():
            break
        lo = p + 1
    for _ in range(d.rules.closest_lines):
        if hi >= len(text):
            break
        n = text.find("\n", hi + 1)
        n = len(text) if n < 0 else n
        if not text[hi + 1 : n].strip():
            break
        hi = n
    for m in d.rules.closest_distance.finditer(text, lo, hi):
        if not (ls <= m.start() < le) and (m.group("unit") or m.group("label_unit")):
            return m
    return None


def _status_of_next(r: Rules, text: str, m: re.Match[str], name: int) -> bool:
    """Whether the status word ``m``, which ends the window before the next margin's name at
    ``name``, takes that margin as its object ("... and clear of the lateral margins",
    "involving the lateral margin"), so that it is that margin's status, not this one's."""
    gap = r.status_next_gap.fullmatch(text, m.end(), name)
    return gap is not None and bool(r.status_next_end.search(m.group()) or r.status_next_prep.match(gap.group()))


def _status_before(d: _Doc, lo: int, hi: int) -> Optional[re.Match[str]]:
    """The last margin status word in ``[lo, hi)`` (before a margin's name)."""
    last = None
    for m in d.rules.margin_status.finditer(d.text, lo, hi):
        if m.group().lower() not in d.rules.status_not_before:  # "excision appears complete": not a margin's
            last = m
    return None if last is not None and last.lastgroup == "hedged" else last


def _clause_start(text: str, lo: int, hi: int) -> int:
    """Where the last clause in ``[lo, hi)`` starts: after its last word-separating comma or
    ". ", else ``lo`` (the words before a margin's name that may hold its status)."""
    cut = max(_clause_comma(text, lo, hi), text.rfind(". ", lo, hi))
    return cut + 1 if cut >= 0 else lo


def _clause_comma(text: str, lo: int, hi: int) -> int:
    """The last comma in ``[lo, hi)`` that separates words, not the decimal comma of "1,5 mm"
    (European reports); -1 when there is none."""
    pos = text.rfind(",", lo, hi)
    while pos > lo and text[pos - 1].isdigit() and text[pos + 1 : pos + 2].isdigit():
        pos = text.rfind(",", lo, pos)
    return pos


def _invasive_length(d: _Doc, lo: int, hi: int) -> Optional[re.Match[str]]:
    """The first length in ``[lo, hi)`` that an invasive-tumour word names ("..., carcinoma 6 mm")."""
    r = d.rules
    for later in r.length.finditer(d.text, lo, hi):
        if r.margin_invasive.search(d.text, max(lo, later.start() - 25), later.start()):
            return later
    return None


def _pair_order(d: _Doc, a: "_Anchor", name_start: int, sides: set[str]) -> tuple[list[str], int]:
    """Two margins named together ("deep/lateral margins", "margin (lateral/deep)"): the sides
    in the order they were named, and where their name ends."""
    end = a.end_char
    paren = _SIDE_PAREN.match(d.text, end)
    if paren is not None:
        end = paren.end()
    name = d.text[name_start:end].lower()
    order = sorted(sides, key=lambda side: min(
        (m.start() for m in _WORDS.finditer(name) if m.group() in d.rules.side_words[side]),
        default=len(name)))
    return order, end


def _paired_distances(d: _Doc, a: "_Anchor", name_start: int, sides: set[str],
                      end: int) -> dict[str, tuple[float, int, int]]:
    """Two margins named together and two lengths after them, joined by "/", "," or "and",
    in the order the margins were named: {side: (mm, start, end)}; {} when not so."""
    if "all" in sides or "other" in sides:
        return {}
    order, after = _pair_order(d, a, name_start, sides)
    lengths = list(d.rules.length.finditer(d.text, after, end))
    if len(lengths) == 1:
        # "2 and 0.5 mm respectively", "(0.5/2 mm)": the first number shares the second's unit
        shared = _SHARED_UNIT_PAIR.search(d.text, after, lengths[0].end())
        if shared is None or shared.end() != lengths[0].end():
            return {}
        unit = lengths[0].group("unit")
        pairs = [(shared.group("first"), unit, shared.start("first"), shared.end("first")),
                 (lengths[0].group("value"), unit, lengths[0].start(), lengths[0].end())]
    elif len(lengths) == 2 and _PAIR_JOIN.fullmatch(d.text, lengths[0].end(), lengths[1].start()):
        pairs = [(m.group("value"), m.group("unit"), m.start(), m.end()) for m in lengths]
    else:
        return {}
    out: dict[str, tuple[float, int, int]] = {}
    for side, (number, unit, start, stop) in zip(order, pairs):
        value = parse_number(number)
        mm = None if value is None else to_mm(value, unit)
        if mm is None:
            return {}
        out[side] = (mm, start, stop)
    return out


#: "2 and 0.5 mm", "0.5/2 mm": a bare number, a join, then a length (the shared unit's)
_SHARED_UNIT_PAIR = re.compile(r"(?<![\w.,])(?P<first>\d+(?:[.,]\d+)?|\.\d+)[ \t]*(?:/|,|and|&)[ \t]*"
                               r"(?:\d+(?:[.,]\d+)?|\.\d+)[ \t]*(?:mm|cm|[µμu]m|microns?)\b", re.IGNORECASE)


def _paired_statuses(d: _Doc, a: "_Anchor", name_start: int, sides: set[str],
                     end: int) -> dict[str, tuple[str, int, int]]:
    """Two margins named together and two status words right after, joined like lengths
    ("Margin status (lateral/deep): negative/positive"): {side: (status, start, end)}."""
    if "all" in sides or "other" in sides:
        return {}
    order, after = _pair_order(d, a, name_start, sides)
    ws, we = d.value_window(after, end)
    first = d.rules.margin_status.search(d.text, ws, we)
    if first is None or d.text[ws : first.start()].strip(" \t:=|)"):
        return {}
    join = _PAIR_JOIN.match(d.text, first.end())
    second = d.rules.margin_status.match(d.text, join.end()) if join is not None else None
    if second is None or join.end() == first.end():
        return {}
    return {side: (m.lastgroup, m.start(), m.end()) for side, m in zip(order, (first, second))
            if m.lastgroup not in ("not_stated", "hedged")}


_PAIR_JOIN = re.compile(r"\s*(?:/|,|and|&)\s*")


def _grade(d: _Doc, a: "_Anchor", negated: bool, uncertain: bool, _m) -> list[Candidate]:
    if negated:
        return []
    cs, ce = d.clause(a.start_char, a.end_char)
    r = d.rules
    m = r.grade_window.match(d.text[a.end_char : min(ce, a.end_char + 30)])
    if m is None:
        return []
    if r.grade_not_before.search(d.text, max(cs, a.start_char - 40), a.start_char) \
            or r.grade_not_after.match(d.text[a.end_char : min(ce, a.end_char + 30)]):  # "^": a slice
        return []  # "Mesorectum complete (Quirke grade 3)": the plane's grade, not the tumour's
    g = d.rules.grade_codes.get(m.group("g").lower())
    return [Candidate("grade", g, a.start_char, a.end_char + m.end())] if g else []


def _differentiation(d: _Doc, a: "_Anchor", negated: bool, uncertain: bool, _m) -> list[Candidate]:
    if d.rules.differentiation_not_after.match(d.text, a.end_char):
        return []  # "poorly differentiated clusters": a feature of the invasive front, not the grade
    found = _FIXED_GRADE(d, a, negated, uncertain, _m)
    # JSCCR type codes name the predominant component first ("tub2>tub1" -> G2).
    kind = "diff_first" if a.text[:3] in ("tub", "por", "pap") else "diff"
    for c in found:
        c.kind = kind
    return found


_FORWARD_NEGATION = re.compile(r"\b(?:no|not|without|nor|neither|free of)\b", re.IGNORECASE)


def _negation_after_next_layer(d: _Doc, a: "_Anchor") -> bool:
    """"Submucosal tumour, muscularis propria intact": a layer, a comma, then another layer with
    its own (backward) negation; nothing negates the first layer from before it."""
    cs, ce = d.clause(a.start_char, a.end_char)
    later = any(a.end_char < s < ce and "," in d.text[a.end_char:s] for s, _ in d.depth_anchors)
    return later and not _FORWARD_NEGATION.search(d.text, cs, a.start_char)


def _sampled_layer(d: _Doc, a: "_Anchor") -> bool:
    """A layer the tumour occupies, "included in the fragments": sampled, not spared."""
    if not d.rules.depth_included_after.match(d.text, a.end_char):
        return False
    cs, _ = d.clause(a.start_char, a.end_char)
    m = d.rules.depth_occupied_before.search(d.text, max(cs, a.start_char - 80), a.start_char)
    # "present in the lamina propria, with no submucosa included in the sample": spared after all
    # ("is not present in the submucosa included ..." neither)
    return m is not None and not _FORWARD_NEGATION.search(d.text, max(cs, m.start() - 12), a.start_char)


def _depth(d: _Doc, a: "_Anchor", negated: bool, uncertain: bool, _m) -> list[Candidate]:
    r = d.rules
    past = r.depth_confined.search(d.text, max(0, a.start_char - 25), a.start_char)
    confined = bool(negated and past)
    if confined:
        negated = past = None  # "does not extend beyond the submucosa": confined to the submucosa
    if negated and r.depth_reached_not_through.search(d.text, max(0, a.start_char - 90), a.start_char):
        negated = False  # "reaches but does not breach the muscularis propria": in it, not past it
    if negated and ((r.depth_label_after.match(d.text, a.end_char)
                     and r.depth_label_before.search(d.text, max(0, a.start_char - 40), a.start_char))
                    or _negation_after_next_layer(d, a)):
        negated = False  # "Depth: submucosa, muscularis propria not involved"
    if negated and _sampled_layer(d, a):
        negated = False  # "occupies ... the superficial submucosa included in the fragments"
    if negated or uncertain:
        return []
    if r.depth_not_after.match(d.text[a.end_char : a.end_char + 40]):
        return []
    if r.depth_spared_after.match(d.text, a.end_char, a.end_char + 80) \
            or r.depth_unidentified_after.match(d.text, a.end_char, a.end_char + 60) \
            or r.depth_answer_no_after.match(d.text, a.end_char, a.end_char + 60):
        return []  # "the muscularis propria is unremarkable", "..., which is free of tumour",
        # "the muscularis mucosae cannot be identified"
    if r.depth_position.search(d.text, max(0, a.start_char - 30), a.start_char) \
            or r.depth_margin_label.search(d.text, max(0, a.start_char - 40), a.start_char) \
            or r.depth_vessel_location.search(d.text, max(0, a.start_char - 80), a.start_char):
        return []  # "lies 0.2 mm above the muscularis propria", "deep margin (perirectal fat)",
        # "vascular emboli are present in the lamina propria"
    if a.text in _JSCCR_BARE_DEPTH and not _jsccr_depth_context(d, a):
        return []  # a bare "SS" or "SE" outside a depth label, a bracket or "SS invasion"
    lo = max(0, a.start_char - 30)
    word, last = _word_before(d.text, lo, a.start_char, _non_word)
    if (word in r.depth_not_before_words or any(p in r.depth_not_before_words for p in word.split("-"))) \
            and r.depth_not_before.search(d.text[lo : a.start_char]):
        return []
    found = _FIXED_DEPTH(d, a, negated, uncertain, _m)
    if found and found[0].value == "serosa" \
            and r.depth_serosa_under.search(d.text, max(0, a.start_char - 30), a.start_char):
        return []  # "0.5 mm beneath the serosal surface": short of the serosa
    if found and found[0].value == "adjacent_organ" and not _ORGAN_INVADED.search(d.text, *d.clause(a.start_char, a.end_char)):
        return []  # "A. Sigmoid colon and urinary bladder dome, en bloc resection:": an organ removed, not invaded
    m = r.depth_other_organ.match(d.text, a.end_char)
    if found and m is not None:  # "the muscularis propria of the adherent sigmoid colon"
        return [Candidate("depth", "adjacent_organ", a.start_char, m.end())]
    if found and " ".join(a.text.lower().split()) == "muscularis mucosae":  # also wrapped
        # "Invasion extends 1.8 mm below the muscularis mucosae": into the submucosa, by 1800 µm
        cs, _ = d.clause(a.start_char, a.end_char)
        lo = max(cs, a.start_char - 80)
        m = r.sm_below_mm.search(d.text, lo, a.start_char)
        if m is not None and not _INVASION_WORD.search(d.text, cs, a.start_char):
            m = None  # "the cyst lies 1 mm below the muscularis mucosae"
        um = None if m is None else _um(m)
        if um is not None:
            return [Candidate("sm_invasion_um", um, m.start("length"), a.end_char),
                    Candidate("depth", "submucosa", m.start("length"), a.end_char)]
        # "Invasion through the muscularis mucosae", "carcinoma breaches the muscularis mucosae":
        # past it, in the submucosa (a negated one, "not beyond", stays the mucosa: past is None)
        through = r.depth_past_mm.search(d.text, max(cs, a.start_char - 40), a.start_char)
        if through is not None and not confined and _PAST_MM_VERB.search(d.text, cs, a.start_char):
            return [Candidate("depth", "submucosa", through.start(), a.end_char)]
        breached = r.depth_past_mm_after.match(d.text, a.end_char, a.end_char + 50)
        if breached is not None:  # "the muscularis mucosae is breached by invasive glands"
            return [Candidate("depth", "submucosa", a.start_char, breached.end())]
    if found and found[0].value == "muscularis_propria":
        # "extends beyond / through the muscularis propria" (and not negated): past it, pT3
        if past is not None and not _NOT_BEFORE.search(d.text, max(0, past.start() - 25), past.start()):
            found = [Candidate("depth", "subserosa", past.start(), a.end_char)]
    if found and found[0].value == "submucosa" and a.text == "pSM":
        # "invasive depth: pSM 1500 um": the JSCCR code and its depth
        sm = r.jp_sm.match(d.text, a.start_char + 1)
        um = None if sm is None or sm.end() > d.clause(a.start_char, a.end_char)[1] \
            else _jp_sm_um(r, d.text, sm, a.start_char)
        if um is not None:
            return [Candidate("sm_invasion_um", um, a.start_char, sm.end()),
                    Candidate("depth", "submucosa", a.start_char, sm.end())]
    if found and found[0].value == "submucosa":
        paren = r.sm_paren_after.match(d.text, a.end_char)
        if paren is not None and not paren.group("open") \
                and (r.sm_distance_after.match(d.text, paren.end(), paren.end() + 60)
                     or r.sm_size_after.match(d.text, paren.end(), paren.end() + 40)):
            paren = None  # "(sm2), 0.8 mm from the deep margin", "(sm2), 12 mm in greatest dimension"
        if paren is not None and _INVASION_WORD.search(d.text, d.clause(a.start_char, a.end_char)[0], a.start_char):
            # "The carcinoma invades the submucosa (1200 um)", "... the submucosa (Kikuchi sm2), 1500 µm"
            um = _um(paren)
            if um is not None:
                found.append(Candidate("sm_invasion_um", um, a.start_char, paren.end()))
        reached = r.sm_after_layer.match(d.text, a.end_char)
        if reached is not None and _INVASION_WORD.search(d.text, d.clause(a.start_char, a.end_char)[0], a.start_char) \
                and not r.sm_distance_after.match(d.text, reached.end(), reached.end() + 60) \
                and not r.sm_size_after.match(d.text, reached.end(), reached.end() + 40):
            # "Carcinoma infiltrates the submucosa to 1.3 mm"
            um = _um(reached)
            if um is not None:
                found.append(Candidate("sm_invasion_um", um, a.start_char, reached.end()))
        # "Tumor invades 2500 um into the submucosa": the depth of submucosal invasion
        cs, _ = d.clause(a.start_char, a.end_char)
        lo = max(cs, a.start_char - 80)
        m = r.sm_before_layer.search(d.text[lo : a.start_char])
        um = None if m is None else _um(m)
        if um is not None:
            found.append(Candidate("sm_invasion_um", um, lo + m.start("length"), a.end_char))
    return found


_NOT_SM_BETWEEN = re.compile(r"\b(?:meso\w+|subseros\w*|pericol\w*|perirectal|extramural|serosa\w*|margins?|"
                             r"muscularis\s+propria)\b", re.IGNORECASE)
_JSCCR_BARE_DEPTH = frozenset(("SS", "SE", "SI", "AI"))
_JSCCR_CODE_AFTER = re.compile(r"[ \t]*(?:\)|invasion\b|[,;][ \t]*(?:p?N|Ly|V|INF|ly|v)\b)")


def _jsccr_depth_context(d: _Doc, a: "_Anchor") -> bool:
    """A bare JSCCR depth code is a depth only as a depth label's value ("Depth: SS"), in a
    bracket ("pT3 (SS)") or before "invasion" or the next code ("SS, N0", "SS, ly1")."""
    text = d.text
    return text[max(0, a.start_char - 3) : a.start_char].rstrip(" \t").endswith("(") \
        or d.rules.depth_label_before.search(text, max(0, a.start_char - 40), a.start_char) is not None \
        or _JSCCR_CODE_AFTER.match(text, a.end_char) is not None


_ORGAN_INVADED = re.compile(r"\b(?:invas|invad|infiltrat|extend|extension|penetrat|involv|into\b|spread|pT4b|T4b)",
                            re.IGNORECASE)
_PAST_MM_VERB = re.compile(r"\b(?:invas|invad|infiltrat|deepest|extend|penetrat|breach|transgress|travers|grow|spread)",
                           re.IGNORECASE)
_INVASION_WORD = re.compile(r"\b(?:invas|invad|infiltrat|deepest|extend|penetrat)", re.IGNORECASE)


def _um(m: re.Match[str]) -> Optional[float]:
    value = parse_number(m.group("value"))
    return None if value is None else to_um(value, m.group("unit"))


_SM_GAP_BEFORE = re.compile(r"[ \t]{0,2}(?:of\s+)?(?:deep\s+)?")  # "1800 µm submucosal invasion", not a column away


_SUBMUCOSAL_CLAUSE = re.compile(r"(?-i:\bSM(?:[1-3]|\b))|\(sm\b|\bsm[1-3]\b|submucos|(?:from|beyond|below)\s+(?:the\s+)?(?:muscularis\s+mucosae|(?-i:MM\b))",
                                re.IGNORECASE)


def _sm_depth(d: _Doc, a: "_Anchor", negated: bool, uncertain: bool, _m) -> list[Candidate]:
    if negated:
        return []
    if uncertain:
        # "Size and depth cannot be assessed on biopsy": the report says depth is unknown.
        return [Candidate("depth", None, a.start_char, a.end_char, kind="unknown")]
    r = d.rules
    cs, ce = d.clause(a.start_char, a.end_char)
    lowered = a.text.lower()
    submucosal = "submucos" in lowered or "sm" in lowered.split()
    # "depth of invasion from the muscularis mucosae" is measured in the submucosa (JSCCR)
    if not submucosal and not _SUBMUCOSAL_CLAUSE.search(d.text, cs, ce) \
            and not r.sm_reference.search(d.text, cs, ce) and not _submucosal_before(d, a):
        return []  # a depth that is not a submucosal invasion depth
    found: list[Candidate] = []
    if "dep" not in lowered and r.sm_size_label_before.search(d.text, max(0, a.start_char - 30), a.start_char):
        # "Width of submucosal invasion (mm): 5": the invasive focus's width, not its depth
        return [Candidate("depth", "submucosa", a.start_char, a.end_char)] if submucosal and "invasion" in lowered else []
    labelled = d.label_number(a)
    if labelled is not None and labelled[0] not in ("%", "2mm2"):  # "... invasion (µm): 1500"
        um = to_um(labelled[1], labelled[0])
        if um is not None:
            found.append(Candidate("sm_invasion_um", um, a.start_char, labelled[3]))
    # "the depth of invasion, measured from the lower border of the muscularis mucosae, is 0.8 mm":
    # the reference layer between the label and its number does not count against their distance
    ref = r.sm_reference_between.match(d.text, a.end_char, ce)
    reach = a.end_char if ref is None else ref.end()
    m = None if found else r.length.search(d.text, a.end_char, min(ce, reach + 60))
    ev_start = a.start_char
    if m is None and not found:
        # "1800 µm submucosal invasion": the depth written just before its label
        for before in r.length.finditer(d.text, max(cs, a.start_char - 30), a.start_char):
            if _SM_GAP_BEFORE.fullmatch(d.text, before.end(), a.start_char):
                m, ev_start = before, before.start()
    if m is not None and _NOT_SM_BETWEEN.search(d.text, a.start_char, m.start()):
        m = None  # "depth of mesoappendiceal infiltration 1 mm", "SM (distance to vertical margin 350 µm)"
    if m is not None and "dep" not in lowered and _sm_length_is_size(d, a, m, ev_start):
        m = None  # "submucosal invasion, measuring 6 mm": the invasive focus's size, not its depth
    if m is not None and r.sm_distance_after.match(d.text, m.end(), min(len(d.text), m.end() + 60)):
        m = None  # "submucosal invasion, 0.5 mm from the deep margin": a margin distance
    if m is not None:
        um = _um(m)
        if um == r.sm_criterion_um and (m.group("bound") or r.sm_criterion.search(d.text, max(0, m.start() - 15), m.start())
                                        or r.sm_criterion_after.match(d.text, m.end(), m.end() + 30)):
            um = None  # "submucosal invasion >= 1000 µm": the JSCCR criterion, not a measurement
        if um is not None and r.sm_from_surface.match(d.text, m.end()) \
                and not r.sm_surface_allowed.search(d.text, m.end(), min(len(d.text), m.end() + 160)):
            um = None  # "2.8 mm below the surface epithelium": not measured from the muscularis mucosae
        if um is not None:
            found.append(Candidate("sm_invasion_um", um, min(ev_start, a.start_char), max(m.end(), a.end_char)))
    if found or (submucosal and "invasion" in lowered):
        # "depth of SM invasion: 0.8 mm", "Depth below muscularis mucosae: 1.8 mm": a submucosal
        # invasion depth is an invasion of the submucosa
        ev_end = max((c.end for c in found), default=a.end_char)
        found.append(Candidate("depth", "submucosa", min([a.start_char] + [c.start for c in found]), ev_end))
    return found


def _sm_length_is_size(d: _Doc, a: "_Anchor", m: re.Match[str], ev_start: int) -> bool:
    """A length by a label with no depth word ("submucosal invasion", "SM invasion") measures the
    invasive focus's size or width, not its depth (as when a width/extent word names the label,
    "Width of submucosal invasion: 3 mm", see _sm_depth), when a size cue follows the length ("6 mm in greatest
    dimension", "3 mm wide", "4 x 3 mm") or a size word stands between them (", measuring 6 mm"
    after a comma: the tumour's; "tumour size 6 mm") with no depth cue after the length and a unit
    other than µm. "Submucosal invasion measured at 1.3 mm" is the invasion's own measure."""
    r = d.rules
    text = d.text
    if r.sm_size_depth_cue.match(text, m.end(), min(len(text), m.end() + 80)):
        return False  # "measuring 1.2 mm in depth", "1.5 mm from the muscularis mucosae"
    if r.sm_size_after.match(text, m.end(), min(len(text), m.end() + 40)):
        return True
    if ev_start < a.start_char:
        return False  # "1800 µm submucosal invasion": the number written before its label
    unit = m.group("unit").lower()
    return unit[-2:] not in ("µm", "μm", "um") and not unit.startswith(("micro", "micron")) \
        and r.sm_size_gap.search(text, a.end_char, m.start()) is not None


_BLANK_LINE = re.compile(r"\n[ \t]*\r?\n")


def _submucosal_before(d: _Doc, a: "_Anchor") -> bool:
    """"Kikuchi level: sm2. Depth: 1.2 mm.": a depth label that opens its sentence, right after
    a sentence of the same paragraph that puts the tumour in the submucosa (and in no deeper
    layer, with no negated submucosa). A depth label that opens a clause after a semicolon reads
    the clause before it ("invading the submucosa (sm2); depth 1500 µm")."""
    r = d.rules
    ss, _ = d.sentence(a.start_char)
    cs, _ = d.clause(a.start_char, a.end_char)
    if cs > ss:
        ss, ps = cs, max(ss, d.text.rfind(";", ss, cs - 1) + 1)
    if ss == 0 or a.start_char - ss > r.sm_sentence_lead or any(ch.isdigit() for ch in d.text[ss : a.start_char]):
        return False
    if cs <= d.sentence(a.start_char)[0]:
        ps, _ = d.sentence(ss - 1)
    if _BLANK_LINE.search(d.text, ps, ss) or not _SUBMUCOSAL_CLAUSE.search(d.text, ps, ss) \
            or r.sm_sentence_deeper.search(d.text, ps, ss):
        return False
    k = bisect.bisect_left(d.depth_anchors, (ps, 0))
    get = d.doc.user_data.get
    for s, e in d.depth_anchors[k:]:
        if s >= ss:
            break
        if get(("._.", "is_negated", s, e), False) and "submucos" in d.text[s:e].lower():
            return False  # "The submucosa is not involved."
    return True


def _budding(d: _Doc, a: "_Anchor", negated: bool, uncertain: bool, _m) -> list[Candidate]:
    r = d.rules
    _, ce = d.clause(a.start_char, a.end_char)
    stop = min(ce, a.end_char + 60)
    m = r.bud_code.search(d.text, a.end_char, stop)
    if m:
        return [Candidate("tumor_budding", f"BD{m.group('n')}", a.start_char, m.end())]
    m = r.bud_score.search(d.text, a.end_char, stop)
    if m:
        return [Candidate("tumor_budding", f"BD{m.group('n')}", a.start_char, m.end())]
    m = r.bud_count.search(d.text, a.end_char, stop)
    if m:
        count = int(m.group("count"))
        for low, high, band in r.bud_bands:
            if low <= count <= high:
                return [Candidate("tumor_budding", band, a.start_char, m.end())]
    cs, _ = d.clause(a.start_char, a.end_char)
    m = r.bud_words.search(d.text, a.end_char, min(stop, a.end_char + 25))
    if m is None:
        before = None
        for before in r.bud_words.finditer(d.text, max(cs, a.start_char - 25), a.start_char):
            pass
        if before is None:
            return []
        return [Candidate("tumor_budding", r.bud_word_map[before.group(1).lower()],
                          before.start(), a.end_char)]
    return [Candidate("tumor_budding", r.bud_word_map[m.group(1).lower()], a.start_char, m.end())]


def _nodes(d: _Doc, a: "_Anchor", negated: bool, uncertain: bool, _m) -> list[Candidate]:
    """Node counts of a node anchor. "Lymph nodes examined: 0 (none in specimen)": a specimen
    with no lymph nodes in it has no node counts (docs/gold.md: null, not 0), so an examined
    count of 0 yields neither count."""
    found = _node_counts(d, a)
    if any(c.field == "lymph_nodes_examined" and c.value == 0 for c in found):
        return []
    return found


def _node_counts(d: _Doc, a: "_Anchor") -> list[Candidate]:
    r = d.rules
    s, e = d.sentence(a.start_char)
    text = d.text
    found: list[Candidate] = []

    def add(field: str, raw: str, ms: int, me: int) -> None:
        value = parse_number(raw)
        if value is not None and value == int(value):
            found.append(Candidate(field, int(value), min(ms, a.start_char), max(me, a.end_char)))

    # "1 of 9 mesorectal and 0 of 3 apical nodes positive (total 1/12)": the report's own total
    te = e
    if r.node_total_next.match(text, e):  # "... 0 of 3 apical nodes. Total: 1 positive of 12 examined."
        te = d.sentence(min(len(text) - 1, e + len(text[e:]) - len(text[e:].lstrip())))[1]
    m = r.node_stated_total.search(text, s, te)
    if m is not None:
        add("lymph_nodes_positive", m.group("pos") or m.group("pos2"), m.start(), m.end())
        add("lymph_nodes_examined", m.group("total") or m.group("total2"), m.start(), m.end())
        if len(found) == 2:
            return found
        found.clear()
    m = r.node_positive_of_total.search(text, s, e) or r.node_of.search(text, s, e)
    if m is None:
        m = r.node_ratio.search(text, s, e)
    if m is not None:
        add("lymph_nodes_positive", m.group("pos"), m.start(), m.end())
        add("lymph_nodes_examined", m.group("total"), m.start(), m.end())
        return found
    m = r.node_none_in.search(text, s, e)  # "no metastatic carcinoma in 19 lymph nodes"
    if m is not None:
        add("lymph_nodes_positive", "0", m.start(), m.end())
        add("lymph_nodes_examined", m.group("total"), m.start(), m.end())
        return found
    ex = r.node_examined.search(text, s, e)
    benign = ex is None and r.node_examined_label.search(text, s, e) or None  # "Lymph nodes: 14 benign"
    ex = ex or benign
    if ex is not None:
        add("lymph_nodes_examined", ex.group("total") or ex.groupdict().get("total2"), ex.start(), ex.end())
    pos = r.node_positive.search(text, s, e) or r.node_positive_paren.search(text, s, e)
    which = r.node_one_of_which.search(text, ex.end(), e) if ex is not None and found else None
    if which is not None or pos is not None:
        if which is not None:  # "21 lymph nodes are identified, one of which contains carcinoma"
            add("lymph_nodes_positive", which.group("pos"), which.start(), which.end())
        else:
            add("lymph_nodes_positive", pos.group("pos") or pos.groupdict().get("pos2"), pos.start(), pos.end())
        if benign is not None and len(found) == 2 and found[1].value:
            # "14 benign, 1 with metastatic carcinoma": the benign and the involved make the total
            found[0] = Candidate("lymph_nodes_examined", found[0].value + found[1].value, found[0].start,
                                 max(found[0].end, found[1].end))
    elif ex is not None and found and r.node_all_negative.search(text, ex.start(), e):
        # "17 lymph nodes, all negative"; "twelve reactive lymph nodes"
        neg = r.node_all_negative.search(text, ex.start(), e)
        found.append(Candidate("lymph_nodes_positive", 0, min(ex.start(), a.start_char), neg.end()))
    if len(found) < 2:
        found += _node_labels_after(d, s, e, {c.field for c in found})
    return found


def _node_labels_after(d: _Doc, start: int, end: int, have: set[str]) -> list[Candidate]:
    """"Total number of nodes: 15. Involved: 2.": the sentences right after a node statement
    ``[start, end)``, in its paragraph, that open with an examined or involved label ("Lymph
    nodes" / "  Examined: 15" / "  Positive: 2"), for the counts the statement left out."""
    out: list[Candidate] = []
    text = d.text
    for _ in range(2):
        if end >= len(text) or _BLANK_LINE.search(text, start, end):
            break
        start, end = d.sentence(end)
        m = d.rules.node_next_label.match(text, start, end)
        if m is None:
            break
        field = "lymph_nodes_examined" if m.group("ex") else "lymph_nodes_positive"
        value = 0.0 if m.group("n").lower() in ("none", "nil", "no") else parse_number(m.group("n"))
        if field not in have and value is not None and value == int(value):
            out.append(Candidate(field, int(value), start, m.end()))
            have = have | {field}
    return out


_ROW_LAST_NUMBER = re.compile(r"\|[ \t]*(?P<value>\d{1,3}(?:[.,]\d+)?)[ \t]*\|[ \t]*$", re.MULTILINE)
_TABLE_UNIT = re.compile(r"\([ \t]*(?P<unit>mm|cm)\b|\bdistance[ \t]*\([ \t]*(?P<unit2>mm|cm)\b", re.IGNORECASE)


def _table_unit_number(d: "_Doc", a: "_Anchor") -> Optional[tuple[float, int]]:
    """A bare number in the last cell of a table row whose unit is in the table's title or
    header ("Margin table (mm, ...)", "| distance (mm) |"): ``(mm, end)``, else None."""
    text = d.text
    ls = text.rfind("\n", 0, a.start_char) + 1
    le = text.find("\n", a.start_char)
    le = len(text) if le < 0 else le
    if not text.startswith("|", ls):
        return None
    m = _ROW_LAST_NUMBER.search(text, a.end_char, le)
    if m is None:
        return None
    top = text.rfind("\n\n", max(0, ls - 800), ls)  # the table block starts after a blank line
    units = {(u.group("unit") or u.group("unit2")).lower()
             for u in _TABLE_UNIT.finditer(text, top + 1 if top >= 0 else max(0, ls - 800), ls)}
    if len(units) != 1:
        return None
    value = parse_number(m.group("value"))
    mm = None if value is None else to_mm(value, units.pop())
    return None if mm is None else (mm, m.end("value"))


_LEVEL_RANGE_BEFORE = re.compile(r"L\d[ \t]*(?:-|–|to)[ \t]*$")
_SIGN_CODE = {"-": "0", "−": "0", "+": "1", "-ve": "0", "−ve": "0", "+ve": "1"}
_NEXT_N = re.compile(r"\s*N[0-3X]")
_DEFINITION_AFTER = re.compile(r"[ \t]*:")  # "submucosa (T1: invades lamina propria or submucosa ...)": a legend
_P_CODE = re.compile(r"\bp(?:T|N)\w")
_G_CODE = re.compile(r"(?<![A-Za-z])G ?(?P<g>[1-3])(?![0-9a-z])")
_SM_LEVEL = re.compile(r"(?-i:SM)(?:\s?[1-3])?(?![A-Za-z])")


def _stage_category(cat: str) -> str:
    """"X" for "X" or "x" ("pNx"), otherwise the lower-cased category ("1A" -> "1a")."""
    return "X" if cat in ("X", "x") else cat.lower()


def _ticked_y(d: _Doc, char: int) -> Optional[int]:
    """Where a ticked "(X) y (post-treatment)" stands on the code's line or the two lines above
    it (no blank line between, not an unticked box): the checklist's y modifier of a bare
    "pT: (X) T2"; else None."""
    text = d.text
    if "y" not in text:
        return None
    ls = text.rfind("\n", 0, char) + 1
    for _ in range(2):
        if ls < 2 or text[ls - 2] == "\n":
            break
        ls = text.rfind("\n", 0, ls - 1) + 1
    found = None
    for m in d.rules.ticked_y.finditer(text, ls, char):
        if not _BLANK_LINE.search(text, m.end(), char):
            found = m.start()
    return found


def _code(d: _Doc, a: "_Anchor", negated: bool, uncertain: bool, _m) -> list[Candidate]:
    """Staging and Japanese-style codes inside a CODE anchor (pT1b, pN0, HM1, Ly0, BD2, G1, SM)."""
    r = d.rules
    text = d.text
    s0, e0 = a.start_char, a.end_char
    code = text[s0:e0]
    found: list[Candidate] = []
    cs, ce = d.sentence(s0)
    staged = None  # lazily: does the sentence speak of staging?
    if " " in code or "\t" in code:
        spaced = r.spaced_stage.fullmatch(code)  # "p T 1 a": a dictated stage
        if spaced is not None:
            cat = _stage_category(spaced.group("cat").replace(" ", "").replace("\t", ""))
            prefix = spaced.group("prefix") or ""
            if spaced.group("kind") == "T" and cat in r.pt_categories:
                return [Candidate("pt", f"{prefix}pT{cat}", s0, e0)]
            if spaced.group("kind") == "N" and cat in r.pn_categories:
                return [Candidate("pn", f"{prefix}pN{cat}", s0, e0)]
            return []

    def stage_context() -> bool:
        nonlocal staged
        if staged is None:
            staged = bool(r.bare_t_context.search(text, cs, ce)) or bool(_P_CODE.search(text, cs, ce))
        return staged

    if code[:2] == "p ":
        # dictated "p T 1 a" / "p N 0": the code read with its spaces taken out
        compact = code.replace(" ", "")
        m = r.pt.fullmatch(compact) or r.pn.fullmatch(compact)
        if m is not None:
            cat = _stage_category(m.group("cat"))
            field = "pt" if "T" in compact else "pn"
            if cat in (r.pt_categories if field == "pt" else r.pn_categories):
                found.append(Candidate(field, f"p{compact[1]}{cat}", s0, e0))
        return found
    # Cheap letter tests first: most codes are one kind (G1, Ly0, pT2), so most regexes are skipped.
    # A lower-case "pt1a" is a stage too; "ptx" (pneumothorax) is not read as pTX.
    if "T" in code or ("t" in code and code[-1:] not in "xX"):
        for m in r.pt.finditer(text, s0, e0):
            cat = _stage_category(m.group("cat"))
            if cat not in r.pt_categories:
                continue
            if not m.group("p") and text[m.start() - 1 : m.start()] == "|" and text[m.end() : m.end() + 1] == "|":
                continue  # "OBX|9|TX|...": an HL7 value type between field separators, not a stage
            # "T1a" with its subcategory letter is a stage wherever it stands ("into submucosa (T1a)")
            if not m.group("p") and not (_NEXT_N.match(text, m.end(), m.end() + 4) or stage_context()
                                         or (len(cat) == 2 and cat[1] in "abcd")
                                         or r.t1_level_after.match(text, m.end())
                                         or (r.bare_t_depth_before.search(text, max(cs, m.start() - 60), m.start())
                                             and not _DEFINITION_AFTER.match(text, m.end()))):
                continue
            prefix, start = (m.group('prefix') or '').lower(), m.start()
            if not prefix and (y := _ticked_y(d, m.start())) is not None:
                prefix, start = "y", y
            found.append(Candidate("pt", f"{prefix}pT{cat}", start, m.end()))
            level = r.t1_level_after.match(text, m.end()) if cat[:1] == "1" else None
            if level is not None:  # "T1 sm3", "pT1b (sm2)": a Kikuchi level, in the submucosa
                sm = r.jp_sm.match(text, level.start("level"))  # "T1 sm2, 1200 µm": and its depth
                um = None if sm is None or sm.end() > ce \
                    or not (_MICRO_UNIT.match(sm.group("unit")) or "(" in text[m.end() : level.start("level")]) \
                    else _jp_sm_um(r, text, sm, s0)  # "T1 sm3, 25 mm": a listed mm length is the size
                if um is not None:
                    found.append(Candidate("sm_invasion_um", um, sm.start(), sm.end()))
                found.append(Candidate("depth", "submucosa", level.start("level"),
                                       level.end("level") if um is None else sm.end()))
    if "N" in code:
        for m in r.pn.finditer(text, s0, e0):
            cat = _stage_category(m.group("cat"))
            if cat not in r.pn_categories:
                continue
            if not m.group("p") and not stage_context():
                continue
            if not m.group("p") and r.clinical_t_before.search(text, max(0, m.start() - 12), m.start()):
                continue  # "MRI staging mrT2 N0": the radiological stage's N, not the pathological pN
            prefix, start = m.group('prefix') or '', m.start()
            if not prefix and (y := _ticked_y(d, m.start())) is not None:
                prefix, start = "y", y
            found.append(Candidate("pn", f"{prefix}pN{cat}", start, m.end()))
            ratio = r.node_ratio.search(text, m.end(), min(ce, m.end() + 12))
            if ratio:
                found.append(Candidate("lymph_nodes_positive", int(ratio.group("pos")), m.start(), ratio.end()))
                found.append(Candidate("lymph_nodes_examined", int(ratio.group("total")), m.start(), ratio.end()))
    if "M" in code or "L" in code or "V" in code or "Pn" in code or "l" in code or "v" in code \
            or "pn" in code:
        for m in r.jp_code.finditer(text, s0, e0):
            kind, n = m.group("kind"), m.group("n")
            n = _SIGN_CODE.get(n.strip("()"), n)  # "HM-" is HM0, "Ly+" is Ly1, "Pn(-)" is Pn0
            field = r.jp_fields[kind]
            if kind == "L" and (r.level_range.match(text, m.end(), m.end() + 8)
                                or _LEVEL_RANGE_BEFORE.search(text, max(0, m.start() - 8), m.start())):
                continue  # "levels L1-L3": a range of levels, not lymphatic invasion codes
            if kind in ("V", "L", "v") and not r.jp_partner.search(text, cs, m.start()) \
                    and not r.jp_partner.search(text, m.end(), ce):
                continue  # a bare "V1" or "L0" is too ambiguous without its partner
            if kind == "pn" and not r.jp_lower_pn_partner.search(text, cs, ce):
                continue  # "pt3 pn0": a lower-case pN, not perineural
            if field.startswith("margin"):
                value = {"0": "negative", "X": "indeterminate"}.get(n, "positive")
                # "HM0 (3 mm)", "pVM0 (tumor-VM distance 400 μm, #10)": the distance to that margin
                dist = r.code_distance.match(text, m.end(), min(ce, m.end() + 90))
                if dist is not None:
                    mm = to_mm(parse_number(dist.group("value")) or 0.0, dist.group("unit"))
                    if mm is not None:
                        found.append(Candidate(field + "_mm", mm, m.start(), dist.end(), kind="code"))
            else:
                value = {"0": "absent", "X": "indeterminate"}.get(n, "present")
            found.append(Candidate(field, value, m.start(), m.end(), kind="code"))
    if "B" in code:
        for m in r.bud_code.finditer(text, s0, e0):
            found.append(Candidate("tumor_budding", f"BD{m.group('n')}", m.start(), m.end()))
    if "G" in code:
        for m in _G_CODE.finditer(text, s0, e0):
            found.append(Candidate("grade", f"G{m.group('g')}", m.start(), m.end(), kind="code"))
    if "SM" in code:
        sm = r.jp_sm.search(text, s0, min(ce, e0 + 20))
        if sm is not None and sm.start() >= e0:
            sm = None
        if sm is None and _SM_LEVEL.match(code.lstrip("(")):
            found.append(Candidate("depth", "submucosa", s0, e0, kind="code"))
        if sm is not None:
            um = _um(sm)
            if um == r.sm_criterion_um and (any(ch in "<>≤≥" for ch in text[sm.start() : sm.start("value")])
                                           or r.sm_criterion.search(text, max(s0, sm.start("value") - 15), sm.start("value"))):
                # "pT1a (SM <1000 µm)", "(SM1, <1000μm)": the JSCCR criterion, not a measurement; still the submucosa
                found.append(Candidate("depth", "submucosa", sm.start(), sm.end()))
            elif um is not None:
                found.append(Candidate("sm_invasion_um", um, sm.start(), sm.end()))
                found.append(Candidate("depth", "submucosa", sm.start(), sm.end()))
    return found


_HANDLERS = {
    "HISTOLOGY": _histology,
    "SITE": _fixed("site"),
    "PROCEDURE": _fixed("procedure"),
    "RESECTION": _fixed("resection"),
    "DEPTH": _depth,
    "DIFFERENTIATION": _differentiation,
    "GRADE": _grade,
    "LVI": _presence("lvi"),
    "PNI": _presence("pni"),
    "KI67": _ki67,
    "MITOSES": _mitoses,
    "SIZE": _size,
    "NODES": _nodes,
    "SM_DEPTH": _sm_depth,
    "BUDDING": _budding,
    "MARGIN": _margin,
    "CODE": _code,
    "NO_RESIDUAL": _no_residual,
}


# --- selection: one value per field --------------------------------------------------------


def _tumour_part(cands: list[Candidate], rules: Rules) -> Optional[str]:
    best: tuple[int, int] | None = None
    part: Optional[str] = None
    for c in cands:
        if c.field == "histology" and c.part is not None and c.priority > 0 and c.kind != "unknown":
            key = (rules.histology_rank.get(c.value, 0), -c.start)
            if best is None or key > best:
                best, part = key, c.part
    return part


def _pick(field: str, cands: list[Candidate], rules: Rules, chosen: dict[str, Any]) -> Optional[Candidate]:
    if field == "site" and chosen.get("histology") is None and len({c.value for c in cands}) > 1:
        return None  # with no lesion, several biopsy sites name no site of a tumour
    if field == "depth" and chosen.get("histology") not in rules.tumour_histologies:
        return None  # invasion depth belongs to a malignant or neuroendocrine tumour
    if field == "resection" and chosen.get("procedure") in ("radical_resection", "biopsy"):
        return None  # en bloc / piecemeal describe endoscopic and local excisions
    if field == "grade" and chosen.get("histology") not in rules.tumour_histologies:
        return None  # "Quirke grade 3", dysplasia grade: not a tumour grade
    if field == "grade":
        coded = [c for c in cands if not c.kind.startswith("diff")]
        if coded:
            cands = coded
        elif chosen.get("histology") not in rules.diff_histologies:
            return None
    if field == "histology" and any(c.kind == "precursor" for c in cands):
        # "Background neoplasm: tubular adenoma" (synoptic) with "invasive adenocarcinoma"
        # (microscopic): the precursor yields to the tumour it gave rise to, wherever it is named
        adenoma = rules.histology_rank.get("adenoma", 0)
        if any(c.kind != "unknown" and rules.histology_rank.get(c.value, 0) > adenoma for c in cands):
            cands = [c for c in cands if c.kind != "precursor"]
    if field == "tumor_size_mm" and chosen.get("histology") == "other":
        return None  # a hyperplastic polyp or haemorrhoid has no tumour size
    if field == "tumor_size_mm":
        # A polyp's size is the tumour's only for a benign polyp (an adenoma), never for a
        # carcinoma in a polyp; a size with no subject at all is the last resort.
        if chosen.get("histology") not in ("adenoma", "other", None):
            cands = [c for c in cands if c.kind != "polyp"]
        unknown = [c for c in cands if c.kind == "unknown"]
        cands = [c for c in cands if c.kind != "unknown"]
        # carcinoma in a polyp or lesion: the invasive part's size, wherever the report gives it
        cands = [c for c in cands if c.kind == "invasive"] or cands
        cands = [c for c in cands if c.kind == "micro"] or cands
        for weak in ("bare", "listed"):
            # a weak size yields to a strong one from a section of at least its authority
            # ("DIAGNOSIS ... Size: 0.4 cm" is not beaten by a gross "lesion 5x4 mm")
            floor = max((c.priority for c in cands if c.kind == weak), default=0)
            strong = [c for c in cands if c.kind != weak and c.priority >= floor]
            cands = strong or cands
        cands = [c for c in cands if c.kind == "largest"] or cands
        cands += unknown
        if not cands:
            return None
    if field.startswith("margin_") and (chosen.get("procedure") in rules.local_not_procedures
                                        or chosen.get("site") in rules.local_not_sites):
        cands = [c for c in cands if not c.local]  # "Base: clear" of an appendicectomy: no field
        if not cands:
            return None
    if field in ("margin_lateral", "margin_deep", "margin_radial"):
        if chosen.get("histology") in rules.tumour_histologies:
            cands = [c for c in cands if c.kind != "precursor"]  # the adenoma's margin
            if not cands:
                return None
        stated = [c for c in cands if c.kind != "distance"]
        cands = stated or cands
        if chosen.get("procedure") == "biopsy":
            # A biopsy has no resection margin: "tumour extends to the deep edge of the biopsy
            # fragments", "margins cannot be determined on biopsy" state none (docs/gold.md).
            return None
    if field.startswith("margin_") and field.endswith("_mm"):
        # "Where gross and microscopic distances differ, the microscopic one is the distance"
        # (docs/gold.md): "Deep margin free (> 5 mm on gross inspection)" of a frozen section
        # yields to the final report's "clear of carcinoma by 4.0 mm (microscopic)"
        cands = [c for c in cands if c.kind != "gross"] or cands
        # "< 1 mm to deep margin" (conclusion) summarises "0.6 mm from the deep margin": an
        # exact distance within the bound wins wherever it is stated
        exact = [c.value for c in cands if c.kind != "bound"]
        cands = [c for c in cands if c.kind != "bound" or not any(v <= c.value for v in exact)]
    top = max(c.priority for c in cands)
    cands = [c for c in cands if c.priority == top]
    if any(c.kind == "unknown" for c in cands):
        valued = [c for c in cands if c.kind != "unknown"]
        if not valued:
            return None  # the report says this cannot be assessed, where it speaks with most authority
        cands = valued
    if field == "histology":
        return max(cands, key=lambda c: (rules.histology_rank.get(c.value, 0), -c.start))
    if field == "procedure":
        return max(cands, key=lambda c: (rules.procedure_rank.get(c.value, 0), -c.start))
    if field == "depth":
        return max(cands, key=lambda c: (rules.depth_order.get(c.value, -1), -c.start))
    if field in ("lvi", "pni"):
        return max(cands, key=lambda c: (_PRESENCE_ORDER[c.value], -c.start))
    if field.startswith("margin_") and not field.endswith("_mm"):
        if {c.value for c in cands} == {"close", "negative"} and any(c.kind == "code" for c in cands if c.value == "negative"):
            # "pVM0 (0.4 mm) ... close to the vertical margin": the coded status is the margin's status
            cands = [c for c in cands if c.value == "negative"]
        return max(cands, key=lambda c: (_MARGIN_ORDER[c.value], -c.start))
    if field == "grade":
        first = [c for c in cands if c.kind == "diff_first"]
        if first and all(c.kind.startswith("diff") for c in cands):
            # "tub1>tub2" names the predominant component; prose ("with minor moderately
            # differentiated component") does not outrank it (docs/gold.md)
            return min(first, key=lambda c: c.start)
        return max(cands, key=lambda c: (c.value, -c.start))
    return min(cands, key=lambda c: c.start)


def _clinical_size(c: Candidate, text: str, rules: Rules, sentence_start: int) -> bool:
    """"Endoscopic size 10 mm", "Tumor 16 mm (endoscopic estimate)", "CT: 20 mm rectal mass": not
    a pathological size; nor is "The previous biopsy showed a 6 mm tumour" (history). An imaging cue counts in the size's own sentence only (a "CT: ..." line
    does not reach the "Tumour size: 9 mm" line under it)."""
    return bool(rules.clinical_size_before.search(text, max(0, c.start - 40), c.start)
                or rules.clinical_size_after.match(text[c.end : c.end + 30])
                or rules.clinical_sentence.search(text, max(sentence_start, c.start - 100), c.start)
                or rules.clinical_sentence.search(text, c.start, c.end)
                or rules.history_size.search(text, max(sentence_start, c.start - 100), c.start))


def _not_tumour_sites(sites: list[Candidate], text: str, rules: Rules) -> list[Candidate]:
    """"Margins: proximal (ileal) negative", "ileal resection margin", "TERMINAL ILEUM: NO
    TUMOR": an organ that names a margin or is free of tumour is not the tumour's site, unless
    no other organ is named."""
    kept = [c for c in sites if not (rules.site_margin_after.match(text, c.end)
                                     or rules.site_free_after.match(text, c.end)
                                     or rules.site_margin_before.search(text, max(0, c.start - 15), c.start))]
    return kept or sites


def _stated_tumour_site(sites: list[Candidate], text: str, rules: Rules) -> list[Candidate]:
    """"Tumour site ....... Caecum" names the site; "Specimen length 31.5 cm (terminal ileum
    6 cm, colon 25.5 cm)" names the organs the specimen includes, not the tumour's site."""
    sites = [c for c in sites if not rules.site_then_length.match(text, c.end)] or sites
    stated = [c for c in sites if rules.site_label_before.search(text, max(0, c.start - 40), c.start)]
    return stated or sites


def _site_on_tumour_line(sites: list[Candidate], histologies: list[Candidate], value: Any,
                         text: str) -> list[Candidate]:
    """"1) Rectum, scar biopsies: no residual tumour. 2) Sigmoid colon, polypectomy: hyperplastic
    polyp": of the best-placed sites, those on a line that names the chosen histology."""
    top = max(c.priority for c in sites)
    lines = {text.rfind("\n", 0, h.start) for h in histologies if h.value == value and h.priority > 0}
    same = [c for c in sites if c.priority == top and text.rfind("\n", 0, c.start) in lines]
    if not same or len({c.value for c in sites if c.priority == top}) < 2:
        return sites
    return same + [c for c in sites if c.priority != top]


def _superseded_distance(dist: Candidate, status: Optional[Candidate]) -> bool:
    """A margin distance from the original report no longer holds once an addendum re-reads that
    margin as involved ("clear, tumour 0.5 mm from it" -> "re-classified as INVOLVED")."""
    return dist.field.endswith("_mm") and status is not None and status.value == "positive" \
        and status.section == "addendum" and status.priority > dist.priority


def _depth_not_refused(depths: list[Candidate], text: str) -> list[Candidate]:
    """"tumour in the deep lamina propria (submucosa not represented so depth cannot be
    established)", "... involving the lamina propria. ... Depth and margins cannot be determined on
    biopsy": on a biopsy whose report refuses a depth, a layer the sample shows is its floor, not
    the tumour's depth (docs/gold.md, Depth), in the refusing sentence or in a section of no
    higher authority than the refusal."""
    refusals = [c for c in depths if c.kind == "unknown"]
    if not refusals:
        return depths
    top = max(c.priority for c in refusals)
    return [c for c in depths if c.kind == "unknown" or (c.priority > top and not any(
        c.end <= r.start < c.end + 150 and "." not in text[c.end:r.start] for r in refusals))]


_RAW_CANDIDATES_KEY = "pathspan_raw_candidates"  # doc.user_data: a list that collects the candidates


def _coded_legend(d: "_Doc") -> tuple[list[tuple[int, int]], list[tuple[int, list[Candidate]]]]:
    """A template's numeric codes read through its own legend (value_rules ``coded_legend``):
    ``(legend line ranges, [(start, candidates)])``. "F03 Depth of invasion ...... 4" with the
    legend line "F03: 1 = mucosa; ...; 4 = subserosa or mesoappendix" is read as the written
    "Depth of invasion: subserosa or mesoappendix" (one extraction of all decoded lines), and
    each value found is proven by the coded line. The legend's own lines state nothing."""
    r = d.rules
    text = d.text
    found = list(r.legend_line.finditer(text))
    if len(found) < 2:
        return [], []
    legend: dict[str, dict[str, str]] = {}
    ranges: list[tuple[int, int]] = []
    for m in found:
        body, end = m.group("body"), m.end()
        indent = len(m.group("indent").expandtabs())
        while end < len(text):  # "F03: ...; 4 = subserosa or" / "      mesoappendix; 5 = ..."
            nxt = text.find("\n", end + 1)
            nxt = len(text) if nxt < 0 else nxt
            line = text[end + 1 : nxt]
            if not line.strip() or len(line.expandtabs()) - len(line.expandtabs().lstrip()) <= indent \
                    or r.legend_line.match(line):
                break
            body, end = body + " " + line.strip(), nxt
        ranges.append((m.start(), end))
        entries = {e.group("code"): e.group("meaning").strip() for e in r.legend_entry.finditer(body)}
        for ident in re.split(r"[ \t]*,[ \t]*", m.group("ids")):
            legend.setdefault(ident, {}).update(entries)
    coded = []
    for m in r.coded_line.finditer(text):
        meaning = legend.get(m.group("id"), {}).get(m.group("code"))
        if meaning is not None and not any(lo <= m.start() < hi for lo, hi in ranges):
            coded.append((m, f"{m.group('label')}: {meaning}"))
    if not coded:
        return ranges, []
    from .nlp import get_nlp

    lines = [head + m.group("rest") for m, head in coded]
    synthetic = "\n".join(lines) + "\n"
    starts = []
    pos = 0
    for line in lines:
        starts.append(pos)
        pos += len(line) + 1
    nlp = get_nlp()
    sdoc = nlp.make_doc(synthetic)
    sdoc.user_data[_RAW_CANDIDATES_KEY] = []
    for _, proc in nlp.pipeline:
        sdoc = proc(sdoc)
    out: list[tuple[int, list[Candidate]]] = []
    # the decoded lines' candidates, not their chosen values: the report's own selection rules
    # (section, procedure, generic margins) then decide with every other candidate
    for c in sdoc.user_data.pop(_RAW_CANDIDATES_KEY, ()):
        k = bisect.bisect_right(starts, c.start) - 1
        m, head = coded[k]
        within = c.end <= starts[k] + len(head)  # in the label and the code's meaning
        end = m.end("code") if within else m.start("rest") + len(m.group("rest").rstrip())
        out.append((m.start("label"), [Candidate(c.field, c.value, m.start("label"), end, kind=c.kind, local=c.local)]))
    return ranges, out


def _size_not_refused(sizes: list[Candidate], text: str, rules: Rules) -> list[Candidate]:
    """"Depth of invasion and size not assessable on biopsy": on a biopsy whose report refuses
    a size, the size of a lesion it quotes from the endoscopy ("sessile 12 mm lesion") is not
    the tumour's, wherever it stands at no higher authority than the refusal."""
    refusal = max((c.priority for c in sizes if c.kind == "unknown"), default=None)
    if refusal is None:
        return sizes
    return [c for c in sizes if c.kind == "unknown" or c.priority > refusal
            or not rules.size_refused_lesion.search(text, c.start, c.end)]


def _resection_of_this_procedure(resections: list[Candidate], procedures: list[Candidate],
                                 procedure: Any, text: Optional[str]) -> list[Candidate]:
    """"Clinical data: TAMIS en bloc excision": a clinical-history resection counts (as a last
    resort) on the line that names the chosen procedure, or on a line that names none in a
    history that names no other procedure ("CLIN HX: polyp, removed whole"); never "piecemeal
    EMR 2024" before an EFTR of the scar."""
    if text is None:
        return [c for c in resections if c.priority > 0]
    lines = {text.rfind("\n", 0, p.start) for p in procedures if p.priority <= 0 and p.value == procedure}
    kept = []
    for c in resections:
        line = text.rfind("\n", 0, c.start)
        if c.priority > 0 or line in lines:
            kept.append(c)
        elif not any(p.priority <= 0 and text.rfind("\n", 0, p.start) == line for p in procedures) \
                and not any(p.priority <= 0 and p.value != procedure and _same_paragraph(text, p.start, c.start)
                            for p in procedures):
            # "CLIN HX: 18 MM PEDUNCULATED POLYP, REMOVED WHOLE.": the endoscopist's account of
            # this removal, when the history names no other procedure
            kept.append(c)
    return kept


def _same_paragraph(text: str, a: int, b: int) -> bool:
    """Whether no blank line lies between offsets ``a`` and ``b``."""
    lo, hi = min(a, b), max(a, b)
    return _BLANK_LINE.search(text, lo, hi) is None


def select_findings(cands: list[Candidate], rules: Rules, text: Optional[str] = None) -> dict[str, dict[str, Any]]:
    """One value per field from the candidates, with the spans of every candidate that agrees.
    ``text`` (the report) lets the site follow the line that names the tumour."""
    part = _tumour_part(cands, rules)
    if part is not None:
        cands = [c for c in cands if c.part is None or c.part == part]
    by_field: dict[str, list[Candidate]] = {}
    for c in cands:
        if c.priority <= 0 and c.field not in rules.history_fallback:
            continue  # clinical history is history, not a finding of this report
        by_field.setdefault(c.field, []).append(c)
    chosen: dict[str, Any] = {}
    picked: dict[str, Candidate] = {}
    out: dict[str, dict[str, Any]] = {}
    order = ["histology", "procedure"] + [f for f in Findings.field_names()
                                          if f not in ("histology", "procedure")]
    generic = by_field.pop("margin_all", [])
    for field in order:
        fc = by_field.get(field, [])
        if field in ("margin_lateral", "margin_deep", "margin_radial") and generic \
                and all(c.kind == "distance" for c in fc):
            radical = chosen.get("procedure") == "radical_resection"
            # a generic "margins free" sets lateral and deep on an endoscopic or local excision,
            # the radial margin on a radical resection, and neither on an appendicectomy (docs/gold.md);
            # it is a status word, so it beats a status read from a distance alone ("Margins:
            # uninvolved" / "Distance from closest margin: 0.6 mm" / "Closest margin: deep")
            if chosen.get("procedure") != "other" and (field == "margin_radial") == radical:
                fc = fc + [Candidate(field, c.value, c.start, c.end, c.priority, c.part, c.kind, c.section)
                           for c in generic if not fc or c.kind != "distance"]
        if not fc:
            continue
        if field == "site" and text is not None:
            fc = _not_tumour_sites(fc, text, rules)
            fc = _stated_tumour_site(fc, text, rules)
        if field == "site" and text is not None and "histology" in out:
            fc = _site_on_tumour_line(fc, by_field.get("histology", []), chosen["histology"], text)
        if field == "depth" and text is not None and chosen.get("procedure") == "biopsy":
            fc = _depth_not_refused(fc, text)
        if field == "tumor_size_mm" and text is not None and chosen.get("procedure") == "biopsy":
            fc = _size_not_refused(fc, text, rules)
        if field == "resection":
            fc = _resection_of_this_procedure(fc, by_field.get("procedure", []), chosen.get("procedure"), text)
            if not fc:
                continue
        best = _pick(field, fc, rules, chosen)
        if best is None or _superseded_distance(best, picked.get(field[:-3])):
            continue
        chosen[field] = best.value
        picked[field] = best
        spans = [[best.start, best.end]]
        for c in sorted(fc, key=lambda c: (-c.priority, c.start)):
            if c.kind.startswith("diff") and not best.kind.startswith("diff"):
                continue  # "well-differentiated" does not prove a NET's WHO grade
            if c.value == best.value and [c.start, c.end] not in spans and len(spans) < 4:
                spans.append([c.start, c.end])
        out[field] = {"value": best.value, "evidence": spans}
    return out


# --- public API -----------------------------------------------------------------------------


def findings_from_doc(doc: Doc, text: Optional[str] = None) -> Findings:
    """The :class:`Findings` the pipeline stored on ``doc``. ``text`` is the report the doc was
    prepared from (its spans are mapped back from the unwrapped text); without it, the spans
    index ``doc.text``."""
    raw = doc.user_data.get(FINDINGS_KEY, {})
    offsets = doc.user_data.get(OFFSETS_KEY) if text is not None else None
    text = doc.text if text is None else text
    if offsets:  # spans of the unwrapped text -> spans of the report
        raw = {name: {"value": item["value"], "evidence": to_original(offsets, item["evidence"])}
               for name, item in raw.items()}
    # One validation call: pydantic-core checks every code, count and span in one pass (and is
    # faster than building the 23 nested models in Python).
    return Findings.model_validate({
        name: {"value": item["value"],
               "evidence": [{"start": s, "end": e, "text": text[s:e]} for s, e in item["evidence"]],
               "source": "rules"}
        for name, item in raw.items()})


def extract_findings(text: str) -> Findings:
    """The rule-based findings of one report; every value carries the span that proves it."""
    from .nlp import get_nlp

    nlp = get_nlp()
    return findings_from_doc(nlp(_prepared_doc(nlp, text)), text)


def extract_findings_many(texts: Iterable[str], batch_size: int = 64,
                          n_process: int = 1) -> Iterator[Findings]:
    """Findings for many reports, in input order, via ``nlp.pipe`` (same results as one by one).

    ``n_process > 1`` runs spaCy's own worker processes (each builds the pipeline once).
    """
    from .nlp import get_nlp

    nlp = get_nlp()
    pairs = ((_prepared_doc(nlp, t), t) for t in texts)
    for doc, text in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size, n_process=n_process):
        yield findings_from_doc(doc, text)


def _prepared_doc(nlp: Language, text: str) -> Doc:
    # The components read the report with its hard wraps and page breaks undone
    # (sections.unwrap); findings_from_doc maps their spans back to ``text``.
    flat, starts, offsets = unwrap(text)
    doc = nlp.make_doc(flat)
    # The components need the text; spaCy would rebuild it from the tokens on every access.
    doc.user_data[TEXT_KEY] = flat
    doc.user_data[SENTENCES_KEY] = starts
    if offsets:
        doc.user_data[OFFSETS_KEY] = offsets
    return doc
