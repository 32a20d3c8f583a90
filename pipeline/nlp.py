"""The spaCy/medspaCy pipeline of the rule-based extraction stage, built once per process.

Components, in order (``get_nlp().pipe_names``)::

    pathspan_sentences       line/sentence splitter (pipeline.sections)
    pathspan_sectionizer     medspaCy Sectionizer, our heading rules (pipeline.sections)
    medspacy_target_matcher  concept anchors from resources/target_rules.json
    medspacy_context         negation/uncertainty/history/hypothetical, resources/context_rules.json
    pathspan_findings        anchors + context + sections -> field values (pipeline.extract)
    pathspan_cleanup         drops unserialisable medspaCy objects from doc.user_data

The tokenizer is ``spacy.blank("en")``: no statistical model, nothing downloaded.
"""


from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

# Importing these registers medspaCy's factories with spaCy.
import medspacy.context  # noqa: F401
import medspacy.target_matcher  # noqa: F401
from medspacy.target_matcher import TargetRule

from .resources import resource_path

#: The span group holding the target matcher's anchors (a group allows overlapping anchors).
TARGET_GROUP = "pathspan_targets"


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    """The extraction pipeline (cached: building it loads ~700 rules)."""
    from . import extract, sections  # noqa: F401  (register pathspan factories)

    nlp = spacy.blank("en")
    # Split "mitoses/2mm2", "LVI/PNI" and "pT1b(SM" so their words can be matched as tokens.
    infixes = list(nlp.Defaults.infixes) + [r"/", r"(?<=[A-Za-z0-9])\((?=[A-Za-z0-9])"]
    nlp.tokenizer.infix_finditer = spacy.util.compile_infix_regex(infixes).finditer
    nlp.add_pipe("pathspan_sentences")
    nlp.add_pipe("pathspan_sectionizer")
    matcher = nlp.add_pipe(
        "medspacy_target_matcher",
        config={"result_type": "group", "span_group_name": TARGET_GROUP},
    )
    # medspaCy 1.3.1 cannot take `rules` in the config (it adds them before building its
    # matcher), so the rules are added to the built component.
    matcher.add(TargetRule.from_json(str(resource_path("target_rules.json"))))
    nlp.add_pipe(
        "medspacy_context",
        config={
            "rules": str(resource_path("context_rules.json")),
            "input_span_type": "group",
            "span_group_name": TARGET_GROUP,
        },
    )
    nlp.add_pipe("pathspan_findings")
    nlp.add_pipe("pathspan_cleanup")
    return nlp


_PLAIN = (str, int, float, bool, type(None))


def _is_plain(value: object) -> bool:
    if isinstance(value, _PLAIN):
        return True
    if isinstance(value, (list, tuple)):
        return all(_is_plain(v) for v in value)
    if isinstance(value, dict):
        return all(isinstance(k, str) and _is_plain(v) for k, v in value.items())
    return False


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
        drop = [key for key, value in data.items()
                if key == "pathspan_text" or not _is_plain(value)]
        for key in drop:
            del data[key]
        return doc
