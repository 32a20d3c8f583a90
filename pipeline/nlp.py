"""The spaCy/medspaCy pipeline of the rule-based extraction stage, built once per process.

Components, in order (``get_nlp().pipe_names``)::

    pathspan_sentences       line/sentence splitter (pipeline.sections)
    pathspan_sectionizer     medspaCy Sectionizer, our heading rules (pipeline.sections)
    pathspan_target_matcher  medspaCy TargetMatcher: concept anchors, resources/target_rules.json
    pathspan_context         medspaCy ConText: negation/uncertainty/history/hypothetical,
                             resources/context_rules.json
    pathspan_findings        anchors + context + sections -> field values (pipeline.extract)
    pathspan_cleanup         drops unserialisable medspaCy objects from doc.user_data

The tokenizer is ``spacy.blank("en")``: no statistical model, nothing downloaded.
"""


import bisect
import gc
import json
import re
import warnings
from functools import lru_cache
from typing import Optional

import spacy
from spacy.language import Language
from spacy.tokens import Doc

# Importing these registers medspaCy's factories with spaCy.
from medspacy.context import ConText, ConTextGraph, ConTextModifier, ConTextRule
from medspacy.target_matcher import TargetMatcher, TargetRule
from medspacy.common.util import prune_overlapping_matches
from spacy.tokens import Span as SpacySpan

from .resources import resource_path
from .sections import SENTENCE_TOKENS_KEY, TEXT_KEY, doc_text

# medspaCy always runs a spaCy Matcher, which warns (W036) when, as here, every rule is a phrase
# or a regex and it has no token patterns. The warning says nothing about our rules.
warnings.filterwarnings("ignore", message=r"\[W036\]")

#: doc.user_data key: the anchors as (label, start, end, start_char, end_char, value) tuples.
ANCHORS_KEY = "pathspan_anchors"

#: The span group holding the target matcher's anchors (a group allows overlapping anchors).
TARGET_GROUP = "pathspan_targets"


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    """The extraction pipeline (cached: building it loads ~700 rules)."""
    from . import extract, sections  # noqa: F401  (register pathspan factories)

    nlp = spacy.blank("en")
    # Split "mitoses/2mm2", "LVI/PNI" and "pT1b(SM" so their words can be matched as tokens;
    # likewise exported fields glued by "|", "=", ":" or ";" ("OBX|5|TX|Deep margin||Negative",
    # "Ki-67=2%", "Size:8mm").
    infixes = list(nlp.Defaults.infixes) + [r"/", r"(?<=[A-Za-z0-9])\((?=[A-Za-z0-9+\-−])", r"\|", r"=",
                                             r"(?<=[A-Za-z0-9%)])[:;](?=[A-Za-z0-9(<>])"]
    nlp.tokenizer.infix_finditer = spacy.util.compile_infix_regex(infixes).finditer
    # Telegraphic shorthand: a sign glued to an abbreviation ("LVI- PNI-", "PNI+ve", "lvi-/pni-")
    # is its own token, so the abbreviation is matched and its sign read as the value.
    suffixes = list(nlp.Defaults.suffixes) + [r"(?<=[A-Za-z0-9]{2})[+\-−](?:ve)?"]
    nlp.tokenizer.suffix_search = spacy.util.compile_suffix_regex(suffixes).search
    infixes.append(r"(?<=[A-Za-z0-9]{2})[+\-−](?=/)")
    nlp.tokenizer.infix_finditer = spacy.util.compile_infix_regex(infixes).finditer
    nlp.add_pipe("pathspan_sentences")
    nlp.add_pipe("pathspan_sectionizer")
    nlp.add_pipe("pathspan_target_matcher")
    nlp.add_pipe("pathspan_context")
    nlp.add_pipe("pathspan_findings")
    nlp.add_pipe("pathspan_cleanup")
    # The pipeline (vocab, ~700 rules, compiled regexes) lives as long as the process: move it
    # out of the collector's generations so each full collection stops re-scanning it.
    gc.collect()
    gc.freeze()
    return nlp


@Language.factory("pathspan_target_matcher", default_config={"rules": None})
def make_target_matcher(nlp: Language, name: str, rules: Optional[str]) -> "PathTargetMatcher":
    """medspaCy's TargetMatcher over ``resources/target_rules.json`` (see :class:`PathTargetMatcher`)."""
    return PathTargetMatcher(nlp, name, rules or str(resource_path("target_rules.json")))


class PathTargetMatcher(TargetMatcher):
    """medspaCy's TargetMatcher, writing anchors to the ``pathspan_targets`` span group.

    Same rules, same longest-match pruning; changes for speed (issue 5): regex rules run
    once each over the cached text (medspaCy rebuilds ``doc.text_with_ws`` per rule and scans
    tokens to align), case-sensitive and from a word boundary, and each span carries its rule's ``metadata.value`` in ``span.kb_id_``
    instead of the TargetRule object in ``doc.user_data`` (which also blocks ``n_process``).
    """

    def __init__(self, nlp: Language, name: str, rules: str) -> None:
        super().__init__(nlp, name=name, rules=None, result_type="group",
                         span_group_name=TARGET_GROUP, prune=False)
        loaded = TargetRule.from_json(rules)
        loaded += _ocr_variants(loaded, rules)
        # Case-sensitive (abbreviations like NET, TEM, APR count only in capitals); a rule
        # that does not care writes (?i:...). Literal-first patterns let `re` scan fast.
        self.regex_rules = [(re.compile(r.pattern), r) for r in loaded if isinstance(r.pattern, str)]
        # medspaCy 1.3.1 cannot take `rules` in its constructor (it adds them before building
        # its matcher), so they are added here.
        self.add([r for r in loaded if not isinstance(r.pattern, str)])
        # metadata.followed_by: a regex the text right after the match must start with
        # ("lateral" counts as a margin only in "lateral: ..." or "lateral 4 mm").
        self.followed_by = {id(r): re.compile(r.metadata["followed_by"]) for r in loaded
                            if r.metadata and "followed_by" in r.metadata}
        self._ids: dict[int, tuple[str, str, int, int]] = {}  # id(rule) -> label, value, their ids

    def __call__(self, doc: Doc) -> Doc:
        base = self._TargetMatcher__matcher
        strings = self.nlp.vocab.strings
        found: list[tuple[TargetRule, int, int]] = [
            (base.rule_map[strings[match_id]], start, end) for match_id, start, end in base(doc)]
        text = doc_text(doc)
        for pattern, rule in self.regex_rules:
            for m in pattern.finditer(text):
                if m.start() and text[m.start() - 1].isalnum():
                    continue  # a match starts at a word boundary ("NET" is not in "SUBNET")
                span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
                if span is not None and len(span):
                    found.append((rule, span.start, span.end))
        if self.followed_by:
            found = [f for f in found if id(f[0]) not in self.followed_by
                     or self.followed_by[id(f[0])].match(text, _end_char(doc, f[2]))]
        found = _keep_longest(found, len(doc))
        found.sort(key=lambda f: (f[1], f[2]))
        spans = []
        anchors = []
        ids = self._ids
        for rule, start, end in found:
            key = id(rule)
            if key not in ids:  # label and kb_id as string-store ids: no hashing per span
                value = (rule.metadata or {}).get("value") or ""
                ids[key] = (rule.category, value, strings.add(rule.category), strings.add(value))
            category, value, label_id, value_id = ids[key]
            span = SpacySpan(doc, start, end, label=label_id, kb_id=value_id)
            spans.append(span)
            anchors.append((category, start, end, span.start_char, span.end_char, value))
        doc.spans[TARGET_GROUP] = spans
        # The same anchors as plain tuples, for the findings component (no Span objects).
        doc.user_data[ANCHORS_KEY] = anchors
        return doc


def _ocr_variants(loaded: list, path: str) -> list:
    """Copies of the literal rules of the ``ocr_rn_for_m`` categories with the m of one word
    read as rn by OCR ("margin" -> "rnargin"), one rule per such word."""
    with open(path, encoding="utf-8") as f:
        conf = json.load(f).get("ocr_rn_for_m") or {}
    categories = set(conf.get("categories", ()))
    shortest = int(conf.get("min_word_length", 5))
    have = {r.literal.lower() for r in loaded if not isinstance(r.pattern, str)}
    out = []
    for r in loaded:
        if r.category not in categories or r.pattern is not None:
            continue
        words = r.literal.lower().split(" ")
        for k, word in enumerate(words):
            if "m" not in word or len(word) < shortest:
                continue
            variant = " ".join(words[:k] + [word.replace("m", "rn")] + words[k + 1:])
            if variant not in have:
                have.add(variant)
                out.append(TargetRule(variant, r.category, metadata=r.metadata))
    return out


def _end_char(doc: Doc, end: int) -> int:
    token = doc[end - 1]
    return token.idx + len(token)


@Language.factory("pathspan_context", default_config={"rules": None})
def make_context(nlp: Language, name: str, rules: Optional[str]) -> "PathContext":
    """medspaCy's ConText with ``resources/context_rules.json`` (see :class:`PathContext`)."""
    return PathContext(nlp, name, rules or str(resource_path("context_rules.json")))


class PathContext(ConText):
    """medspaCy's ConText over the ``pathspan_targets`` group, with the same scopes and edges.

    medspaCy tests every modifier against every target (targets x modifiers Python calls);
    here each modifier is tested only against the targets that start inside its scope window,
    found by bisection. The result (``span._.is_negated`` etc.) is the same.
    """

    def __init__(self, nlp: Language, name: str, rules: str) -> None:
        super().__init__(nlp, name=name, rules=rules, input_span_type="group",
                         span_group_name=TARGET_GROUP)

    def __call__(self, doc: Doc, targets: Optional[str] = None) -> Doc:
        matcher = self._ConText__matcher
        strings = self.nlp.vocab.strings
        # Targets: the anchors as light objects (what ConText reads of a Span: start, end,
        # label_), sorted by position; their attributes are written where spaCy keeps span
        # extensions, so ``span._.is_negated`` on the span group reads them.
        found = [_Target(*t) for t in doc.user_data.get(ANCHORS_KEY, ())]
        graph = ConTextGraph(prune_on_modifier_overlap=self.prune_on_target_overlap)
        graph.targets = found
        sentences = doc.user_data.get(SENTENCE_TOKENS_KEY) or [0]
        graph.modifiers = []
        for match_id, start, end in _context_matches(matcher, doc):
            rule = matcher.rule_map[strings[match_id]]
            k = bisect.bisect_right(sentences, start) - 1
            sent = (sentences[k], sentences[k + 1] if k + 1 < len(sentences) else len(doc))
            scope = _scope(rule, start, end, sent)
            graph.modifiers.append(ConTextModifier(rule, start, end, doc, scope_start=scope[0],
                                                   scope_end=scope[1], max_scope=self.max_scope))
        _update_scopes_by_sentence(graph.modifiers, sentences)
        starts = [t.start for t in found]
        longest = max((t.end - t.start for t in found), default=0)
        edges = []
        for modifier in graph.modifiers:
            scope_start, scope_end = modifier.scope_span
            lo = bisect.bisect_left(starts, scope_start - longest)
            hi = bisect.bisect_left(starts, scope_end)
            for target in found[lo:hi]:
                if modifier.modifies(target):
                    modifier.modify(target)
            modifier.reduce_targets()
            edges.extend((target, modifier) for target in modifier._targets)
        graph.edges = edges
        data = doc.user_data
        mapping = self.context_attributes_mapping or {}
        for target, modifier in edges:
            key = ("._.", "modifiers", target.start_char, target.end_char)
            data[key] = data.get(key, ()) + (modifier,)
            for attr, value in mapping.get(modifier.category, {}).items():
                data[("._.", attr, target.start_char, target.end_char)] = value
        doc._.context_graph = graph
        return doc


def _context_matches(matcher, doc: Doc) -> list:
    """medspaCy's cue matches, with the regex cues run over the cached text: medspaCy's
    RegexMatcher rebuilds ``doc.text_with_ws`` token by token for every regex rule."""
    regex = matcher._MedspacyMatcher__regex_matcher
    if not regex._patterns:
        return matcher(doc)
    matches = matcher._MedspacyMatcher__matcher(doc) + matcher._MedspacyMatcher__phrase_matcher(doc)
    text = doc_text(doc)
    for match_id, patterns in regex._patterns.items():
        for pattern in patterns:
            for m in pattern.finditer(text):
                span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
                if span is not None and len(span):
                    matches.append((match_id, span.start, span.end))
    return prune_overlapping_matches(matches) if matcher._prune else matches


class _Target:
    """An anchor as ConText sees it (the Span attributes ConTextModifier reads)."""

    __slots__ = ("label_", "start", "end", "start_char", "end_char")

    def __init__(self, label: str, start: int, end: int, start_char: int, end_char: int,
                 value: str = "") -> None:
        self.label_, self.start, self.end = label, start, end
        self.start_char, self.end_char = start_char, end_char


def _keep_longest(found: list, n_tokens: int) -> list:
    """Overlapping matches -> the longest of them (medspaCy's "longest" pruning, in n log n)."""
    taken = bytearray(n_tokens)  # 1 = token inside a kept match; slices test in C
    kept = []
    for item in sorted(found, key=lambda m: (m[1] - m[2], m[1])):
        start, end = item[1], item[2]
        if 1 not in taken[start:end]:
            taken[start:end] = b"\x01" * (end - start)
            kept.append(item)
    return kept


def _scope(rule: ConTextRule, start: int, end: int, sent: tuple[int, int]) -> tuple[int, int]:
    """A modifier's token scope as medspaCy's ``ConTextModifier.__set_scope`` computes it, with
    the sentence given (``Token.sent`` walks the doc token by token)."""
    direction = rule.direction.lower()
    limit = rule.max_scope
    if direction == "forward":
        lo, hi = end, sent[1]
        if limit is not None and hi - lo > limit:
            hi = end + limit
    elif direction == "backward":
        lo, hi = sent[0], start
        if limit is not None and hi - lo > limit:
            lo = start - limit
    else:
        lo, hi = sent
        if limit is not None and start - lo > limit:
            lo = start - limit
        if limit is not None and hi - end > limit:
            hi = end + limit
    return lo, hi


def _update_scopes_by_sentence(modifiers: list, sentences: list[int]) -> None:
    """``ConTextGraph.update_scopes`` restricted to pairs in the same sentence.

    medspaCy compares every pair of modifiers in the document; scopes never cross a sentence
    (they are sentence-bounded or shorter), so pairs from different sentences cannot interact.
    """
    groups: dict[int, list] = {}
    for modifier in modifiers:
        groups.setdefault(bisect.bisect_right(sentences, modifier.modifier_span[0]), []).append(modifier)
    for group in groups.values():
        for i in range(len(group) - 1):
            first = group[i]
            for second in group[i + 1 :]:
                first.limit_scope(second)
                second.limit_scope(first)


#: Span/doc extensions whose values are medspaCy objects msgpack cannot serialise (E871).
_UNSERIALISABLE = frozenset({"modifiers", "context_graph", "target_rule", "sections",
                             "section", "section_category", "section_title", "section_body",
                             "section_span", "section_parent", "section_rule"})


@Language.factory("pathspan_cleanup")
def make_cleanup(nlp: Language, name: str) -> "UserDataCleanup":
    """The component that makes docs serialisable for ``nlp.pipe(n_process=...)``."""
    return UserDataCleanup()


class UserDataCleanup:
    """Removes ``doc.user_data`` entries msgpack cannot serialise (spaCy error E871).

    medspaCy keeps its TargetRule on each span (``span._.target_rule``), the ConText modifiers
    (``span._.modifiers``) and the ConText graph (``doc._.context_graph``) there; the findings
    are already computed from them, so they can go. The cached ``doc.text`` goes too.
    """

    def __call__(self, doc: Doc) -> Doc:
        data = doc.user_data
        drop = [key for key in data
                if key == TEXT_KEY or (isinstance(key, tuple) and len(key) > 1
                                       and key[1] in _UNSERIALISABLE)]
        for key in drop:
            del data[key]
        return doc
