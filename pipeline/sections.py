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
OFFSETS_KEY = "pathspan_offsets"  # doc.user_data key: unwrapped -> report offsets (unwrap)


def doc_text(doc: Doc) -> str:
    """``doc.text``, cached in ``doc.user_data`` because spaCy rebuilds it on every access."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


_NOT_START = numpy.uint64(2**64 - 1)  # spaCy's -1 in a uint64 attribute array
_BLANK_LINE = re.compile(r"\n[ \t]*\n\s*")
_NEWLINE = re.compile(r"[ \t\r]*\n\s*")  # "\r\n" ends a line as "\n" does
_STOP: Optional[re.Pattern[str]] = None
_STAGE_CODE = re.compile(r"[yr]?p[TNM][0-9isxX]")
# A length or a count per area opens a continuation line ("...vertical\n 0.5 mm)", "Mitotic count\n1 per 2 mm2").
_WRAPPED_LENGTH = re.compile(r"\d+(?:[.,]\d+)?[ \t]*(?:(?:mm|cm|[µμu]m)\b|(?:per|/)[ \t]*(?:2[ \t]*mm|\d+[ \t]*(?:hpf|HPF|high)))")
_ABBREV: frozenset[str] = frozenset()
_UNFINISHED: Optional[re.Pattern[str]] = None
_ANSWER_BEFORE: Optional[re.Pattern[str]] = None


#: The quotation marks that open an e-mail's quoted line ("> ", ">> ").
_QUOTE = re.compile(r"[ \t]*(?:>[ \t]*)+")
#: A line of an export that starts with its key, one word ("lvi: absent", "margin_lateral: clear",
#: "pT: pT1a", "ki67_pct=<1"): two such lines in turn are two records, never one wrapped sentence.
_KEY_LINE = re.compile(r"[ \t]*[A-Za-z][A-Za-z0-9_]*[ \t]*[:=](?=[ \t\r\n]|$)")

#: A line that starts with its own label ("Margins: ...") starts a statement even after a comma.
_LABEL_LINE = re.compile(r"[^\n:,.;]{0,40}:")


def sentence_starts(text: str) -> list[int]:
    """Character offsets where a sentence (or report line) starts, ascending, always with 0.

    A page break inside the report (see :func:`unwrap`) starts no sentence of its own."""
    blanked, starts, _ = _layout(text)
    return sorted(set(starts + _stops(blanked)))


def unwrap(text: str) -> tuple[str, list[int], list[tuple[int, int]]]:
    """``(flat, starts, offsets)``: the report with its hard wraps undone, the sentence starts
    of ``flat``, and how to map an offset of ``flat`` back to ``text``.

    A page break inside the report (footer, next page's header; :func:`_page_breaks`) is cut
    out up to one line end, and a line end (with the next line's indentation) that a printer or
    an archive put inside a sentence becomes one space: "Perineural invasion Not" /
    "identified", "received in one" / "piece" and "is not" / <footer, header> / "identified"
    read as one line, so words, phrases and ConText cues match across them. An underscore
    joining the words of an exported key is a space ("MARGIN_LAT"). ``offsets`` holds
    ``(flat offset, text offset)`` pairs where the two stop running in step (empty: the
    offsets of ``flat`` are those of ``text``); see :func:`to_original`."""
    blanked, starts, cuts = _layout(text)
    if "_" in blanked:  # same length: offsets still run in step
        blanked = _SNAKE_JOIN.sub(" ", blanked)
    if not cuts:
        return blanked, sorted(set(starts + _stops(blanked))), []
    pieces: list[str] = []
    offsets: list[tuple[int, int]] = [(0, 0)]
    pos = flat_len = 0
    for lo, hi, put in cuts:  # sorted, disjoint
        pieces.append(blanked[pos:lo])
        flat_len += lo - pos
        pieces.append(put)
        offsets.append((flat_len, lo))  # the put character stands for text[lo]
        flat_len += len(put)
        offsets.append((flat_len, hi))
        pos = hi
    pieces.append(blanked[pos:])
    flat = "".join(pieces)
    origs = [o for _, o in offsets]
    flat_starts = []
    for c in starts:  # a sentence start is never inside a cut: it moves by the cuts before it
        at, orig = offsets[bisect.bisect_right(origs, c) - 1]
        flat_starts.append(at + (c - orig))
    return flat, sorted(set(flat_starts + _stops(flat))), offsets


#: An underscore inside an exported key ("MARGIN_LAT", "LYMPHATIC_D240", "tumor_size") reads as
#: a space, so the key's words are the vocabulary's words; "__X__" checkboxes keep theirs.
_SNAKE_JOIN = re.compile(r"(?<=[A-Za-z0-9])_(?=[A-Za-z0-9])")


def to_original(offsets: list[tuple[int, int]], spans: list) -> list[list[int]]:
    """The spans of the report that the ``[start, end)`` spans of the unwrapped text cover."""
    flats = [f for f, _ in offsets]

    def orig(pos: int) -> int:
        flat, at = offsets[bisect.bisect_right(flats, pos) - 1]  # the last pair at or before pos
        return at + (pos - flat)

    return [[orig(s), orig(e - 1) + 1] if e > s else [s, e] for s, e in spans]


def _stops(text: str) -> list[int]:
    """Sentence starts after ". " + a capital (not after "approx." or "Dr.")."""
    starts = []
    for m in _STOP.finditer(text):
        word = text[max(0, m.start() - 8) : m.start()].rsplit(None, 1)[-1:] or [""]
        if word[0].lower().rstrip(".") in _ABBREV \
                and not _ANSWER_BEFORE.search(text, max(0, m.start() - len(word[0]) - 4), m.start() - len(word[0])):
            continue
        starts.append(m.end())
    return starts


def _layout(text: str) -> tuple[str, list[int], list[tuple[int, int, str]]]:
    """``(blanked, starts, cuts)``: the text with its page breaks blanked to spaces (same
    length), the line starts that start a sentence, and the ``(start, end, replacement)`` cuts
    that undo page breaks and printer wraps."""
    global _STOP, _ABBREV, _UNFINISHED, _ANSWER_BEFORE
    if _STOP is None:
        rules = load_resource("value_rules.json")["sentences"]
        _ABBREV = frozenset(a.lower() for a in rules["abbreviations"])
        _ANSWER_BEFORE = re.compile(rules["abbreviation_answer_before"])
        _STOP = re.compile(rules["sentence_end"])
        _UNFINISHED = re.compile(rules["unfinished_line_end"], re.IGNORECASE)
    numbers = _line_numbers(text)
    if numbers:
        chars = list(text)
        for lo, hi in numbers:
            chars[lo:hi] = " " * (hi - lo)
        text = "".join(chars)
    breaks = _page_breaks(text)
    quotes = _quote_marks(text)
    if breaks or quotes:
        chars = list(text)
        for lo, hi in breaks + quotes:
            chars[lo:hi] = " " * (hi - lo)
        text = "".join(chars)
    width: list = []  # measured on first need
    starts = [0]
    joins = []
    for m in _NEWLINE.finditer(text):
        if m.end() >= len(text):
            continue  # the report's last line end
        if _continues(text, m, width):
            joins.append(m)
        else:
            starts.append(m.end())
    # Only a printer's wrap becomes a space: the line before a page break, or a line filled to
    # the report's width whose next line is not a field or item of its own. A short line that
    # goes on ("SUMMARY" / "  ypT2 ypN0", "free, 58 mm" / "  mesoappendiceal margin ... free")
    # keeps its line end: the line structure still tells a heading or a list row.
    after_break = {lo for lo, _ in breaks}
    cuts = {m.start(): (m.start(), m.end(), " ") for m in joins if m.start() in after_break
            or (_full_line(text, m, width) and not _OWN_LINE.match(text, m.end()))}
    for lo, hi in breaks:
        if lo not in cuts:
            cuts[lo] = (lo, hi, "")  # a break between two sentences: cut, keep its line end
    return text, starts, [cuts[k] for k in sorted(cuts)]


#: The quotation marks that open the lines of a quoted e-mail ("> ", ">> ", "> > ").
_QUOTE_MARK = re.compile(r"^(?:[ \t]*>)+", re.MULTILINE)
#: A quotation is a run of at least this many consecutive quoted lines ("Ki-67 index:" / "> 20 %"
#: is a bound, not a quotation).
_MIN_QUOTED_LINES = 3


def _quote_marks(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of the "> " marks of a report quoted in an e-mail reply, to be blanked
    (same length): the quoted report keeps its headings at line start ("> DIAGNOSIS:") and its
    wrapped sentences ("The carcinoma" / "> is moderately differentiated")."""
    if ">" not in text:
        return []
    marks = [(m.start(), m.end()) for m in _QUOTE_MARK.finditer(text)]
    out: list[tuple[int, int]] = []
    run: list[tuple[int, int]] = []
    for lo, hi in marks:
        if run and text.count("\n", run[-1][1], lo) != 1:
            if len(run) >= _MIN_QUOTED_LINES:
                out += run
            run = []
        run.append((lo, hi))
    if len(run) >= _MIN_QUOTED_LINES:
        out += run
    return out


def _continues(text: str, m: re.Match, width: list) -> bool:
    """Whether the line break ``m`` (a ``_NEWLINE`` match) wraps a sentence rather than
    starting one. ``width`` holds the report's line width once it has been measured."""
    n = len(text)
    end = m.end()
    if end >= n:
        return True
    if text[end] == ">":  # an e-mail's quoted lines ("> ... No lymphatic" / "> or venous invasion")
        quote = _QUOTE.match(text, end)
        if _QUOTE.match(text, text.rfind("\n", 0, m.start()) + 1) and quote.end() < n:
            end = quote.end()  # both lines quoted: the words after the marks decide
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
    if one_break and after.islower() and _KEY_LINE.match(text, end) \
            and _KEY_LINE.match(text, text.rfind("\n", 0, m.start()) + 1):
        return False  # "pni: not_reported" / "prior_pathology: none": an export's key lines
    # "...propria/\nadventitia side)": a line ending in a slash is unfinished; "clear\n(6 mm)"
    if (before.islower() or before in ",/") and one_break \
            and (after.islower() or _WRAPPED_LENGTH.match(text, end + paren)):
        return True  # "...minimum distance lateral 2 mm, vertical\n   0.5 mm)"
    if before == "-" and one_break and after.islower() and m.start() > 1 and text[m.start() - 2].isalpha():
        return True  # "Tumor emboli are present in thin-" / "walled lymphatic channels": a hyphenated word
    if one_break and _UNFINISHED.search(text, max(0, m.start() - 9), m.start()):
        return True  # "NEGATIVE FOR\n   RESIDUAL TUMOUR": the line stops mid-phrase
    if before == "," and one_break and after.isupper() and not _LABEL_LINE.match(text, end):
        return True  # "neuroendocrine tumour,\nWHO grade 2, 21 mm": a comma leaves the sentence open
    if before.isupper() and one_break and after.islower() and not paren:
        return True  # "LVI and PNI\ncannot be evaluated": an acronym ends the line, the sentence goes on
    if one_break and after.islower() and (closing or (paren and before.isalnum())):
        return True  # "Ki-67 (MIB-1)\nlabels fewer than 1%", "4 mitoses in 10 HPF\n(field area ...)"
    if one_break and _fills_line(text, m, before, after, width):
        return True  # "... MESENTERIC\nNEGATIVE, 3.5 CM": a line filled to the report's width
    return False


#: Where the next line may not take over a filled line: it opens a label ("Deep margin: ..."),
#: a bullet or numbered item, a dot leader, a column gap or "|" fields (a table row or an export
#: record), or a stage code.
_OWN_LINE = re.compile(r"[^\n:,.;]{0,40}:|[^\n:]{0,80}:(?:[ \t]|$)|[-*•·>+]|\(?[0-9A-Za-z][.)][ \t]|[yr]?p[TNM][0-9isxX]"
                       r"|[^\n]*?(?:\.{3}|…|\t|\S {3,}\S|[ \t]\.[ \t]|\|[^\n]*\|)")
_HEADING_START: Optional[re.Pattern[str]] = None
_LOWER = re.compile(r"[a-z]")
_MIXED_CASE_START = re.compile(r"\S*[a-z]|\S+[ \t]+\S*[a-z]")  # a lower-case letter in its first two words
#: A hard-wrapped report is at least this wide; shorter lines are a list, not a wrapped paragraph.
_MIN_WRAP_WIDTH = 50


def _full_line(text: str, m: re.Match, width: list) -> bool:
    """Whether the line that ends at the line break ``m`` is filled to the report's width
    (its longest line, measured once into ``width``): its next word would not have fitted,
    give or take :data:`_WRAP_SLACK` of the width (a hand-wrapped report is ragged)."""
    if not width:
        width.append(max(map(len, map(str.rstrip, text.split("\n")))))
    if width[0] < _MIN_WRAP_WIDTH:
        return False
    end = m.end()
    line_start = text.rfind("\n", 0, m.start()) + 1
    next_word = _WORD_END.match(text, end).end()
    return m.start() - line_start + 1 + (next_word - end) > width[0] * (1 - _WRAP_SLACK)


#: How much shorter than the report's width a wrapped line may end.
_WRAP_SLACK = 0.1
_WORD_END = re.compile(r"\S*")


def _fills_line(text: str, m: re.Match, before: str, after: str, width: list) -> bool:
    """A line filled to the report's width (its longest line) whose next word would not have
    fitted on it was wrapped by the printer or the archive, whatever its letters' case:
    "... PENETRATES MUSCULARIS" / "PROPRIA INTO ...", "... Lateral margin" / "Negative (> 2 mm)".
    Not when the line ends a clause (".", ":", ";") or the next line is a field, item or
    heading of its own."""
    global _HEADING_START
    if not (before.isalnum() or before in ")%") or not after.isalnum():
        return False
    if not _full_line(text, m, width):
        return False  # the next word would have fitted: the line ended on purpose
    end = m.end()
    if _OWN_LINE.match(text, end):
        return False
    if not _LOWER.search(text, text.rfind("\n", 0, m.start()) + 1, m.start()) and _MIXED_CASE_START.match(text, end):
        return False  # an upper-case banner ("CORRECTED REPORT - ...") over a mixed-case line
    if _HEADING_START is None:
        titles = [r["literal"] for r in load_resource("section_rules.json")["section_rules"]
                  if "literal" in r and r["literal"][:1].isalpha()]
        _HEADING_START = re.compile(r"(?:" + "|".join(re.escape(t) for t in sorted(titles, key=len, reverse=True))
                                    + r")\b", re.IGNORECASE)
    return not _HEADING_START.match(text, end)


#: A line number and the gap after it ("0021    depth of ...", " 12 | text", "7" alone).
_LINE_NUMBER = re.compile(r"[ \t]*(\d{1,6})(?:[ \t]*\|[ \t]?|[ \t]+|[ \t\r]*$)")
#: A printout is line-numbered when at least this many lines are numbered in sequence.
_MIN_NUMBERED_LINES = 5


def _line_numbers(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` ranges of the line-number column of a line-numbered printout, to be
    blanked: every line of the report (trailing blank lines aside) opens with a number one more
    than the line before's, then a gap or a bar ("0001  HOSPITAL ...", " 12 | ..."). The column
    is not text: "muscularis" / "0022    mucosae" reads as one phrase. Numbered specimen parts
    ("1. Rectum", "2) Sigmoid") are items, not a column (no dot or bracket is taken), and a
    report with one line out of sequence keeps its numbers."""
    if not text.lstrip()[:1].isdigit():
        return []
    lines = text.rstrip().split("\n")
    if len(lines) < _MIN_NUMBERED_LINES:
        return []
    out: list[tuple[int, int]] = []
    pos = 0
    expected: Optional[int] = None
    for line in lines:
        m = _LINE_NUMBER.match(line)
        if m is None:
            return []
        n = int(m.group(1))
        if expected is not None and n != expected:
            return []
        expected = n + 1
        out.append((pos, pos + m.end()))
        pos += len(line) + 1
    return out


#: Lines of a page break: "Page 2 of 3" standing apart (line start or after a column gap, up to
#: a gap or the line end), "(Continued)" / "continued on next page" alone, a form feed.
_PAGE_MARK = re.compile(r"(?:^|[ \t]{2,}|[|*=\-][ \t]*)page[ \t]*\d+(?:[ \t]*(?:of|/)[ \t]*\d+)?(?=[ \t]{2,}|[ \t]*[|*=\-]|\s*$)"
                        r"|^[\W_]*(?:\(?cont(?:inued|'d|\.)\)?(?:[ \t]+(?:on|from)[ \t]+(?:the[ \t]+)?(?:next|previous|following)[ \t]+page"
                        r"|[ \t]+(?:on|from)[ \t]+page[ \t]*\d+)?)[\W_]*$|\f", re.IGNORECASE | re.MULTILINE)
_RULE_LINE = re.compile(r"[ \t]*[-=_*~#.][-=_*~#. \t\r]{2,}$")
#: A repeated header line counts when it also stands near the top (or bottom) of the report.
_HEADER_LINES = 10


def _page_breaks(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` character ranges of the page breaks inside a report, to be blanked.

    A page break is a run of lines holding a page mark (:data:`_PAGE_MARK`) and otherwise only
    blank lines, rules ("-----"), and lines the report repeats from its first or last lines
    (the next page's header: "PATIENT: ...  MRN ..."). It counts only between two lines of
    content; a range runs from the end of the content line before it to the line end before
    the content line after it, so that line end decides, as any other, whether the sentence
    goes on ("measures 6 mm in greatest" / <break> / "dimension")."""
    if _PAGE_MARK.search(text) is None:
        return []
    lines = text.split("\n")
    marks = [i for i, line in enumerate(lines) if _PAGE_MARK.search(line)]
    if not marks:
        return []
    def key(line: str) -> str:
        return " ".join(line.split())
    edge = {key(line) for line in lines[:_HEADER_LINES] + lines[-_HEADER_LINES // 2:] if len(key(line)) >= 6}
    seen: dict[str, int] = {}
    for line in lines:
        k = key(line)
        seen[k] = seen.get(k, 0) + 1

    def filler(i: int) -> bool:
        line = lines[i]
        k = key(line)
        return (not k or i in mark_set or bool(_RULE_LINE.match(line))
                or (k in edge and seen[k] > 1))

    mark_set = set(marks)
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line) + 1)
    out: list[tuple[int, int]] = []
    done = -1
    for i in marks:
        if i <= done:
            continue
        lo, hi = i, i
        while lo > 0 and filler(lo - 1):
            lo -= 1
        while hi + 1 < len(lines) and filler(hi + 1):
            hi += 1
        done = hi
        if lo == 0 or hi + 1 >= len(lines):
            continue  # the first page's header, the last page's footer: not inside the report
        prev = lines[lo - 1].rstrip()  # the content line before the break, without "\r"
        start = offsets[lo - 1] + len(prev)
        end = offsets[hi + 1] - 1  # keep the line end before the next content line
        if end > start:
            out.append((start, end))
    return out


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
        starts = doc.user_data.get(SENTENCES_KEY)  # set with the unwrapped text (extract._prepared_doc)
        if starts is None:
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
        # Heading words that also name a field or a person ("Background mucosa: ...",
        # "Radiology (Dr H. Brandt), CNS"): headings only alone on their line or before a colon.
        self.heading_alone = {w.lower() for w in config.get("heading_alone", [])}

    def __call__(self, doc: Doc) -> Doc:
        matches = self._Sectionizer__matcher(doc)  # medspaCy's matcher over our rules
        matches = [m for m in self.filter_start_lines(doc, matches) if _ends_heading(doc, m[2])]
        rule_map = self._Sectionizer__matcher.rule_map
        strings = self.nlp.vocab.strings
        if self.heading_alone:
            matches = [m for m in matches if rule_map[strings[m[0]]].literal.lower() not in self.heading_alone
                       or _HEADING_ALONE_END.match(doc_text(doc), doc[m[2] - 1].idx + len(doc[m[2] - 1]))]
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
                field_end = _one_line_field_end(text, char, end)
                if field_end is not None and (blank is None or field_end < blank.start()):
                    # "prior_pathology: none": a history that states there is none is its line
                    sections.append((category, char, field_end))
                    category, char = None, field_end
                elif blank is not None:
                    sections.append((category, char, blank.end()))
                    category, char = None, blank.end()
            sections.append((category, char, end))
        doc.user_data[SECTIONS_KEY] = sections
        return doc


#: The value of a history field that states there is none: "prior_pathology: none", "Previous
#: pathology: nil", "History: N/A".
_NO_HISTORY = re.compile(r"[ \t]*(?:none|nil|no|n/?a|not[ \t]+applicable|not[ \t]+known|unknown|-+)[ \t.]*\r?$",
                         re.IGNORECASE)


def _one_line_field_end(text: str, char: int, end: int) -> Optional[int]:
    """Where a history heading that states there is no history ends: at its line's end
    ("prior_pathology: none" / "qc_flag: 0" / "free_text_dx: ..." in an export record). None
    for every other heading (its paragraph goes on to a blank line)."""
    line_end = text.find("\n", char, end)
    if line_end < 0:
        return None
    colon = text.find(":", char, line_end)
    if colon < 0 or not _NO_HISTORY.match(text, colon + 1, line_end):
        return None
    return line_end + 1


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
#: "  Macroscopic Tumor Perforation:", "  Microscopic Tumor Extension:"; in a checklist also
#: " Clinical stage before therapy:" and " Comment: ..." (f17, w12b_rectal_ypt2_checklist).
_SYNOPTIC_FIELD_CATEGORIES = frozenset({"specimen", "gross", "microscopic"})
_CHECKLIST_FIELD_CATEGORIES = _SYNOPTIC_FIELD_CATEGORIES | {"clinical_history", "comment"}
#: A checklist's option line: indented, opening with a box ("(X) ...", "( ) ...", "[x] ...").
_OPTION_LINE = re.compile(r"[ \t]+[(\[][ \txX✓✔]?[)\]]")


def _synoptic_fields(text: str, heads: list, matches: list) -> tuple[list, list]:
    """Drop the headings that are fields of a synoptic block: an indented
    "  Procedure:  Ileocecal resection" under "SYNOPTIC -- ..." is the checklist's first line,
    and "  Macroscopic Tumor Perforation:" a later one, not new sections (the nodes and
    margins under them stay synoptic). In a checklist block (no blank line since the synoptic
    title) an upper-case item heading alone on its line over its boxed options ("PROCEDURE" /
    " ( ) Low anterior resection   (X) Abdominoperineal resection") and an indented clinical
    or comment field with no blank line since the block's last field (" Clinical stage before
    therapy: cT3c", " Comment: ...") are fields too."""
    kept_heads, kept_matches = [], []
    last = None
    last_char = 0
    synoptic = None  # where the synoptic block still open started
    for head, match in zip(heads, matches):
        category, char = head
        line_start = text.rfind("\n", 0, char) + 1
        indented = char > line_start and text[line_start:char].strip() == ""
        if category in _SYNOPTIC_FIELD_CATEGORIES and last == "synoptic" and text[line_start:char].strip() == "" \
                and (char > line_start or _inline_field(text, last_char, char)):
            continue
        if synoptic is not None and category in _CHECKLIST_FIELD_CATEGORIES and (
                _option_heading(text, char) or indented and _BLANK_LINE.search(text, synoptic, char) is None):
            synoptic = char  # the block goes on from its last field
            continue
        kept_heads.append(head)
        kept_matches.append(match)
        last, last_char = category, char
        synoptic = char if category == "synoptic" else None
    return kept_heads, kept_matches


def _option_heading(text: str, char: int) -> bool:
    """Whether the heading word at ``char`` opens an upper-case line of its own ("PROCEDURE")
    whose next line is a checklist's boxed options."""
    if text.rfind("\n", 0, char) + 1 != char:
        return False
    line_end = text.find("\n", char)
    if line_end < 0:
        return False
    line = text[char:line_end].strip()
    return line.isupper() and ":" not in line and bool(_OPTION_LINE.match(text, line_end + 1))


def _inline_field(text: str, synoptic: int, char: int) -> bool:
    """Whether the heading word at ``char`` opens a "Procedure: Endoscopic submucosal dissection"
    line of the synoptic block that starts at ``synoptic``: a value on its own line, with no
    blank line since the block's title (the bundled example's "SYNOPTIC SUMMARY:")."""
    line_end = text.find("\n", char)
    line = text[char : line_end if line_end != -1 else len(text)]
    return ":" in line and bool(line.split(":", 1)[1].strip()) \
        and _BLANK_LINE.search(text, synoptic, char) is None


#: What may follow a heading of ``heading_alone``: a colon, or the end of its line.
_HEADING_ALONE_END = re.compile(r"[ \t]*(?::|\r?\n|$)")

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
    found = _record_parts(text)
    if found:
        return found
    numbered = [(m.start(), m.group("n") or m.group("n2")) for m in _NUMBERED.finditer(text)]
    counts: dict[str, int] = {}
    for _, n in numbered:
        counts[n] = counts.get(n, 0) + 1
    if len(counts) < 2 or min(counts.values()) < 2:
        return []
    return numbered


_RECORD = re.compile(r"^[^\n|]*(?:\|[^\n|]*){3,}$", re.MULTILINE)
_PART_LETTERS = frozenset("ABCDEFGH")


def _record_parts(text: str) -> list[tuple[int, str]]:
    """Specimen parts of a delimited export, one record a line: the column whose values are
    part letters ("R|RV24-07713|A|3|DX|...", "R|RV24-07713|B|1|SPECIMEN|..."), each letter on
    one run of consecutive records and at least two letters; a part starts at its first record
    (header and sign-out records, "HDR" / "S", belong to no new part)."""
    if text.count("|") < 8:
        return []
    rows = [(m.start(), m.group().split("|")) for m in _RECORD.finditer(text)]
    if len(rows) < 3:
        return []
    for col in range(min(len(r) for _, r in rows)):
        runs: list[tuple[int, str]] = []
        for start, fields in rows:
            value = fields[col].strip()
            if not runs or runs[-1][1] != value:
                runs.append((start, value))
        letters = [(start, v) for start, v in runs if v in _PART_LETTERS]
        if len({v for _, v in letters}) >= 2 and len(letters) == len({v for _, v in letters}):
            return letters
    return []
