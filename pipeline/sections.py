"""Report structure: sentences and lines, section headings, and specimen parts (A, B, ...).

Three spaCy components, registered here and assembled by :func:`pipeline.nlp.get_nlp`:

* ``pathspan_sentences`` – a regex line/sentence splitter. Pathology reports are line-oriented
  ("Lymphovascular invasion: not identified" is a sentence of its own); PyRuSH would spend
  ~90 % of the pipeline's time on the same job (stack notes).
* ``pathspan_sectionizer`` – medspaCy's Sectionizer with our heading rules, minus its per-token
  attribute loop (one Python assignment per token, and unserialisable ``Section`` objects in
  ``doc.user_data``). Sections are kept as plain ``(category, start_char, end_char)`` tuples.
* specimen parts are found by :func:`part_starts` from the heading patterns in
  ``resources/value_rules.json``.
"""


import bisect
import re
from typing import Optional

import numpy
from medspacy.section_detection import Sectionizer
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from .resources import load_resource, resource_path

SECTIONS_KEY = "pathspan_sections"  # doc.user_data key: list of (category, start_char, end_char)
SENTENCES_KEY = "pathspan_sentence_starts"  # doc.user_data key: sentence start offsets
SENTENCE_TOKENS_KEY = "pathspan_sentence_tokens"  # doc.user_data key: sentence start token indices
TITLES_KEY = "pathspan_heading_titles"  # doc.user_data key: (start, end) of title-like heading lines
TEXT_KEY = "pathspan_text"  # doc.user_data key: doc.text, computed once (it joins every token)


def doc_text(doc: Doc) -> str:
    """``doc.text``, cached in ``doc.user_data`` because spaCy rebuilds it on every access."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


_NOT_START = numpy.uint64(2**64 - 1)  # spaCy's -1 in a uint64 attribute array
_BLANK_LINE = re.compile(r"\n[ \t]*\n\s*")
_NEWLINE = re.compile(r"[ \t]*\n\s*")
_STOP: Optional[re.Pattern[str]] = None
_STAGE_CODE = re.compile(r"[yr]?p[TNM][0-9isxX]")
# A length or a count per area opens a continuation line ("...vertical\n 0.5 mm)", "Mitotic count\n1 per 2 mm2").
_WRAPPED_LENGTH = re.compile(r"\d+(?:[.,]\d+)?[ \t]*(?:(?:mm|cm|[µμu]m)\b|(?:per|/)[ \t]*(?:2[ \t]*mm|\d+[ \t]*(?:hpf|HPF|high)))")
_ABBREV: frozenset[str] = frozenset()
_UNFINISHED: Optional[re.Pattern[str]] = None


#: A line that starts with its own label ("Margins: ...") starts a statement even after a comma.
_LABEL_LINE = re.compile(r"[^\n:,.;]{0,40}:")


def sentence_starts(text: str) -> list[int]:
    """Character offsets where a sentence (or report line) starts, ascending, always with 0."""
    global _STOP, _ABBREV, _UNFINISHED
    if _STOP is None:
        rules = load_resource("value_rules.json")["sentences"]
        _ABBREV = frozenset(a.lower() for a in rules["abbreviations"])
        _STOP = re.compile(rules["sentence_end"])
        _UNFINISHED = re.compile(rules["unfinished_line_end"], re.IGNORECASE)
    starts = [0]
    n = len(text)
    for m in _NEWLINE.finditer(text):
        end = m.end()
        if end >= n:
            continue
        # A wrapped line (lower-case word or comma, then a lower-case continuation) is one
        # sentence; every other new line starts one, as does a blank line.
        before = text[m.start() - 1] if m.start() else "\n"
        closing = before == ")" and not _STAGE_CODE.match(text, end)  # "(..., 3 mm)\npT1" does not wrap
        if closing and m.start() > 1:
            # "Mesocolic (circumferential)\n   resection plane free" wraps
            before = text[m.start() - 2]
        paren = text[end] == "(" and end + 1 < n
        after = text[end + 1] if paren else text[end]  # "deep\n(coagulation) margin"
        one_break = m.group().count("\n") == 1
        # "...propria/\nadventitia side)": a line ending in a slash is unfinished; "clear\n(6 mm)"
        if (before.islower() or before in ",/") and one_break \
                and (after.islower() or _WRAPPED_LENGTH.match(text, end + paren)):
            continue  # "...minimum distance lateral 2 mm, vertical\n   0.5 mm)"
        if one_break and _UNFINISHED.search(text, max(0, m.start() - 9), m.start()):
            continue  # "NEGATIVE FOR\n   RESIDUAL TUMOUR": the line stops mid-phrase
        if before == "," and one_break and after.isupper() and not _LABEL_LINE.match(text, end):
            continue  # "neuroendocrine tumour,\nWHO grade 2, 21 mm": a comma leaves the sentence open
        if before.isupper() and one_break and after.islower() and not paren:
            continue  # "LVI and PNI\ncannot be evaluated": an acronym ends the line, the sentence goes on
        if one_break and after.islower() and (closing or (paren and before.isalnum())):
            continue  # "Ki-67 (MIB-1)\nlabels fewer than 1%", "4 mitoses in 10 HPF\n(field area ...)"
        starts.append(end)
    for m in _STOP.finditer(text):
        # "approx. 1-2%" and "Dr. X" do not end a sentence.
        word = text[max(0, m.start() - 8) : m.start()].rsplit(None, 1)[-1:] or [""]
        if word[0].lower().rstrip(".") in _ABBREV:
            continue
        starts.append(m.end())
    return sorted(set(starts))


@Language.factory("pathspan_sentences")
def make_sentence_splitter(nlp: Language, name: str) -> "SentenceSplitter":
    """The line/sentence splitter component."""
    return SentenceSplitter()


class SentenceSplitter:
    """Marks sentence starts from :func:`sentence_starts` (regex over the text, no token loop)."""

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        text = doc_text(doc)
        # Token start offsets, in order; bisect maps a character offset to its token.
        idx = doc.to_array("IDX").tolist()
        starts = doc.user_data[SENTENCES_KEY] = sentence_starts(text)
        tokens = [0]
        for char in starts[1:]:
            i = bisect.bisect_left(idx, char)
            if i < len(doc) and i != tokens[-1]:
                tokens.append(i)
        # One array write instead of a Python attribute set per boundary: 1 = starts a
        # sentence, -1 (as uint64) = does not.
        flags = numpy.full(len(doc), _NOT_START, dtype=numpy.uint64)
        flags[tokens] = 1
        doc.from_array([SENT_START], flags)
        doc.user_data[SENTENCE_TOKENS_KEY] = tokens
        return doc


@Language.factory(
    "pathspan_sectionizer",
    default_config={"rules": None},
)
def make_sectionizer(nlp: Language, name: str, rules: Optional[str]) -> "PathSectionizer":
    """medspaCy's Sectionizer with pathspan's heading rules (``resources/section_rules.json``)."""
    return PathSectionizer(nlp, name=name,
                           rules=rules or str(resource_path("section_rules.json")))


class PathSectionizer(Sectionizer):
    """Sections as ``(category, start_char, end_char)`` in ``doc.user_data[SECTIONS_KEY]``.

    Headings match only at the start of a line (``require_start_line``), so "history of" in a
    sentence is not a heading. Text before the first heading has category ``None``.
    """

    def __init__(self, nlp: Language, name: str, rules: str) -> None:
        super().__init__(nlp, name=name, rules=rules, require_start_line=True,
                         input_span_type=None, span_attrs=None)
        config = load_resource("section_rules.json")
        self.ends_at_blank_line = set(config.get("ends_at_blank_line", []))
        self.title_lines = set(config.get("title_lines", []))

    def __call__(self, doc: Doc) -> Doc:
        matches = self._Sectionizer__matcher(doc)  # medspaCy's matcher over our rules
        matches = [m for m in self.filter_start_lines(doc, matches) if _ends_heading(doc, m[2])]
        rule_map = self._Sectionizer__matcher.rule_map
        strings = self.nlp.vocab.strings
        heads = [(rule_map[strings[match_id]].category, doc[start].idx)
                 for match_id, start, _ in matches]
        text = doc_text(doc)
        sentences = doc.user_data.get(SENTENCES_KEY) or [0]
        heads, matches = _synoptic_fields(text, heads, matches)
        # The heading part of a heading line states no finding: the whole line of a synoptic
        # title ("Synoptic Report: Neuroendocrine Tumour, Colon and Rectum"; no numbers after
        # its colon), else up to its first ":" ("Summary: ypT0 ypN0" keeps the stage).
        # A colon far from the heading belongs to the prose after it ("Histology shows ... is
        # scarce: 2 per 10 HPF"): then only the heading words are the title.
        titles = []
        for (category, start_char), (_, start, end) in zip(heads, matches):
            line_end = text.find("\n", start_char)
            line_end = len(text) if line_end < 0 else line_end
            colon = text.find(":", start_char, line_end)
            rest = text[colon + 1 : line_end] if colon >= 0 else ""
            head_end = doc[end - 1].idx + len(doc[end - 1]) if end > start else start_char
            if category in self.title_lines and not any(ch.isdigit() for ch in rest) \
                    and not _prose_line(text, sentences, colon, line_end):
                titles.append((start_char, line_end))  # names the protocol, states no finding
            elif colon >= 0 and colon - head_end <= _TITLE_COLON_GAP \
                    and ". " not in text[head_end:colon]:
                titles.append((start_char, colon))
            else:
                titles.append((start_char, head_end))
        doc.user_data[TITLES_KEY] = titles
        n_chars = len(doc_text(doc))
        sections: list[tuple[Optional[str], int, int]] = []
        if not heads or heads[0][1] > 0:
            sections.append((None, 0, heads[0][1] if heads else n_chars))
        for k, (category, char) in enumerate(heads):
            end = heads[k + 1][1] if k + 1 < len(heads) else n_chars
            if category in self.ends_at_blank_line:
                # A clinical-history paragraph ends at the first blank line; what follows an
                # unrecognised heading must not inherit "history".
                blank = _BLANK_LINE.search(text, char, end)
                if blank is not None:
                    sections.append((category, char, blank.end()))
                    category, char = None, blank.end()
            sections.append((category, char, end))
        doc.user_data[SECTIONS_KEY] = sections
        return doc


def _prose_line(text: str, sentences: list[int], colon: int, line_end: int) -> bool:
    """Whether what follows a title heading's colon is prose rather than a protocol name: it goes
    on past a full stop ("Summary: adenocarcinoma in a villous adenoma. Completely excised.") or
    its sentence wraps onto the next line ("Summary: Rectum, TEMS: adenocarcinoma arising in a
    tubulovillous" / "adenoma, invading submucosa"). A protocol title is one line of its own."""
    if colon < 0:
        return False
    if _FULL_STOP.search(text, colon, line_end):
        return True
    if line_end >= len(text):
        return False
    k = bisect.bisect_right(sentences, line_end)
    nxt = sentences[k] if k < len(sentences) else len(text)
    # a sentence starts on the next line (after its leading blanks) unless the line wraps
    return bool(text[line_end:nxt].strip())


_FULL_STOP = re.compile(r"\.[ \t]+\S")


#: Heading words that, indented under a synoptic title, are its fields: "  Procedure:",
#: "  Macroscopic Tumor Perforation:", "  Microscopic Tumor Extension:".
_SYNOPTIC_FIELD_CATEGORIES = frozenset({"specimen", "gross", "microscopic"})


def _synoptic_fields(text: str, heads: list, matches: list) -> tuple[list, list]:
    """Drop the headings that are fields of a synoptic block: an indented
    "  Procedure:  Ileocecal resection" under "SYNOPTIC -- ..." is the checklist's first line,
    and "  Macroscopic Tumor Perforation:" a later one, not new sections (the nodes and
    margins under them stay synoptic)."""
    kept_heads, kept_matches = [], []
    last = None
    for head, match in zip(heads, matches):
        category, char = head
        line_start = text.rfind("\n", 0, char) + 1
        if category in _SYNOPTIC_FIELD_CATEGORIES and last == "synoptic" and text[line_start:char].strip() == "" \
                and char > line_start:
            continue
        kept_heads.append(head)
        kept_matches.append(match)
        last = category
    return kept_heads, kept_matches


_NOT_A_HEADING = re.compile(r"[ \t]+(?:size|dimensions?|measures|measuring|weight|integrity)\b", re.IGNORECASE)


def _ends_heading(doc: Doc, end: int) -> bool:
    """"Specimen size 48 x 39 mm" is a sentence about the specimen, not a "Specimen" heading."""
    if end >= len(doc):
        return True
    return not _NOT_A_HEADING.match(doc_text(doc), doc[end - 1].idx + len(doc[end - 1]))


#: How far after its heading words a line's first colon may be and still end the heading
#: ("Final diagnosis (parts A-C):").
_TITLE_COLON_GAP = 24

_PART: Optional[re.Pattern[str]] = None


_NUMBERED: Optional[re.Pattern[str]] = None


def part_starts(text: str) -> list[tuple[int, str]]:
    """``(char offset, part letter)`` for each specimen-part label ("A.", "Part B:", "(C)").

    Numbered labels ("(1)", "2)") are parts only when each is used again (listed under
    "Specimens" and then reported on); a numbered list of findings uses each number once."""
    global _PART, _NUMBERED
    if _PART is None:
        parts = load_resource("value_rules.json")["parts"]
        _PART = re.compile(parts["label"], re.MULTILINE)
        _NUMBERED = re.compile(parts["numbered_label"], re.MULTILINE)
    found = [(m.start(), (m.group("part") or m.group("part2")).upper()) for m in _PART.finditer(text)]
    if found:
        return found
    numbered = [(m.start(), m.group("n") or m.group("n2")) for m in _NUMBERED.finditer(text)]
    counts: dict[str, int] = {}
    for _, n in numbered:
        counts[n] = counts.get(n, 0) + 1
    if len(counts) < 2 or min(counts.values()) < 2:
        return []
    return numbered
