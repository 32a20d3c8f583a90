"""The spaCy pipeline: sentence splitting, sections, anchors, ConText, serialisation."""

import pytest
from medspacy.context import ConText

from pipeline.extract import extract_findings, extract_findings_many
from pipeline.nlp import TARGET_GROUP, get_nlp
from pipeline.sections import SECTIONS_KEY, sentence_starts

REPORT = """CLINICAL HISTORY:
Rectal nodule, previously biopsied (NET). Previous report described lymphovascular invasion.

Report:
Rectum, ESD: well-differentiated neuroendocrine tumour, 9 mm, grade 1. Ki-67 index approx. 1-2%.
Lymphovascular invasion: not identified. No perineural invasion; lateral margin involved;
deep margin free (1.2 mm). If lymphovascular invasion were present, surgery would be advised.

ADDENDUM:
Repeat Ki-67 is 3%.
"""


def _anchors(text):
    doc = get_nlp()(text)
    return [(s.label_, s.text) for s in doc.spans[TARGET_GROUP]]


def test_sentences_lines_and_wrapping():
    text = "Line one: a\nLine two\nwraps onto the next line, and\ncontinues. Next one. approx. 1-2%"
    starts = sentence_starts(text)
    pieces = [text[a:b].strip() for a, b in zip(starts, starts[1:] + [len(text)])]
    # a lower-case line continues the line before it (wrapped narrative)
    # ". " ends a sentence before any letter (lower-case dictation), not after "approx."
    assert pieces == ["Line one: a", "Line two\nwraps onto the next line, and\ncontinues.",
                      "Next one.", "approx. 1-2%"]


def test_sections_and_history_ends_at_blank_line():
    doc = get_nlp()(REPORT)
    categories = [c for c, _, _ in doc.user_data[SECTIONS_KEY]]
    assert categories[0] == "clinical_history"
    assert None in categories or "final_diagnosis" in categories  # "Report:" is not history
    assert categories[-1] == "addendum"
    assert list(doc.sents)  # sentence boundaries are set for users of the Doc


def test_abbreviations_are_case_sensitive_and_whole_words():
    assert ("HISTOLOGY", "NET") in _anchors("Rectal NET, 5 mm.")
    labels = _anchors("The net result and SUBNET were unremarkable.")
    assert not any(label == "HISTOLOGY" for label, _ in labels)


def test_context_matches_stock_medspacy_context():
    """PathContext's bisected scopes give exactly medspaCy's ConText attributes."""
    nlp = get_nlp()
    ours = nlp.get_pipe("pathspan_context")
    keys = ("is_negated", "is_uncertain", "is_historical", "is_hypothetical")
    for text in [REPORT, "No LVI, perineural invasion present; margins free.",
                 "Lymphovascular invasion cannot be excluded. Suspicious for perineural invasion."]:
        doc = nlp.make_doc(text)
        for name, proc in nlp.pipeline:
            if name == "pathspan_context":
                break
            doc = proc(doc)
        ConText.__call__(ours, doc)  # stock medspaCy algorithm, same rules
        stock = [tuple(getattr(s._, k) for k in keys) for s in doc.spans[TARGET_GROUP]]
        for span in doc.spans[TARGET_GROUP]:
            for k in keys:
                setattr(span._, k, False)
            span._.modifiers = ()
        ours(doc)
        mine = [tuple(getattr(s._, k) for k in keys) for s in doc.spans[TARGET_GROUP]]
        assert mine == stock
        assert any(any(flags) for flags in mine)


def test_report_end_to_end():
    f = extract_findings(REPORT)
    assert f.lvi.value == "absent"  # historical and hypothetical mentions do not count
    assert f.pni.value == "absent"
    assert f.margin_lateral.value == "positive"
    assert f.margin_deep.value == "negative"
    assert f.margin_deep_mm.value == 1.2
    assert f.ki67_percent.value == 3  # the addendum supersedes
    assert f.procedure.value == "esd"


def test_docs_serialise_after_cleanup():
    doc = get_nlp()(REPORT)
    restored = type(doc)(doc.vocab).from_bytes(doc.to_bytes())
    assert restored.user_data["pathspan_findings"] == doc.user_data["pathspan_findings"]


@pytest.mark.slow
def test_multiprocess_pipe_gives_same_findings():
    texts = [REPORT, "LVI: +\nKi-67: 2%", "Rectum, EMR: NET, 4 mm. Margins free."] * 2
    assert list(extract_findings_many(texts, batch_size=2, n_process=2)) == [
        extract_findings(t) for t in texts]
