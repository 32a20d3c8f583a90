"""--redact: identifiers replaced before the LLM call, spans mapped back to the original text."""

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.models import Span
from pipeline.redact import redact

REPORT = (
    "SURGICAL PATHOLOGY REPORT\n"
    "Patient: SMITH, John A.    MRN: 00123456    DOB: 03/04/1951\n"
    "Accession: S26-014471   Received: 12 March 2026\n"
    "Referring physician: Dr. K. O'Neill\n"
    "Rectum, ESD. Well-differentiated neuroendocrine tumour, 7 mm, Ki-67 1-2%.\n"
    "Lymphovascular invasion: not identified. Mitoses 0/2 mm2. pT1a.\n"
    "Electronically signed by Maria Rossi, MD on 2026-03-14.\n"
)
TRAIN = Path(__file__).resolve().parents[1] / "gold_reports" / "train"


def test_names_dates_mrn_and_accession_are_replaced():
    red = redact(REPORT)
    for secret in ("SMITH", "John", "00123456", "03/04/1951", "S26-014471", "12 March 2026",
                   "O'Neill", "Maria Rossi", "2026-03-14"):
        assert secret not in red.text, secret
    kinds = [r.kind for r in red.replacements]
    assert {"NAME", "MRN", "DATE", "ACCESSION"} <= set(kinds)
    assert "[NAME]" in red.text and "[ACCESSION]" in red.text
    # Labels stay: the model still sees what kind of line it is reading.
    assert "MRN: [MRN]" in red.text and "Accession: [ACCESSION]" in red.text


def test_clinical_content_is_left_alone():
    red = redact(REPORT)
    for keep in ("Well-differentiated neuroendocrine tumour, 7 mm, Ki-67 1-2%",
                 "Lymphovascular invasion: not identified. Mitoses 0/2 mm2. pT1a."):
        assert keep in red.text


def test_span_after_a_placeholder_maps_back_exactly():
    red = redact(REPORT)
    quote = "Lymphovascular invasion: not identified"
    start = red.text.index(quote)
    back = red.original_span(Span.of(red.text, start, start + len(quote)))
    assert back.text == quote
    assert back.holds_in(REPORT)
    assert back.start == REPORT.index(quote)


def test_span_over_a_placeholder_widens_to_the_identifier():
    red = redact(REPORT)
    quote = "Accession: [ACCESSION]"
    start = red.text.index(quote)
    back = red.original_span(Span.of(red.text, start, start + len(quote)))
    assert back.text == "Accession: S26-014471"
    # A span ending inside a placeholder covers the whole identifier.
    back = red.original_span(Span.of(red.text, start, start + len("Accession: [ACC")))
    assert back.text == "Accession: S26-014471"


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_every_span_maps_into_the_original_and_keeps_unredacted_text(data):
    red = redact(REPORT)
    start = data.draw(st.integers(0, len(red.text)))
    end = data.draw(st.integers(start, len(red.text)))
    back = red.original_span(Span.of(red.text, start, end))
    assert back.holds_in(REPORT)
    touches = any(r.red_start < end and start < r.red_end for r in red.replacements)
    if not touches:
        assert back.text == red.text[start:end]


def test_text_without_identifiers_is_unchanged():
    text = "Rectum, ESD. NET G1, 7 mm; Ki-67 <2%; margins free (deep 1.5 mm)."
    red = redact(text)
    assert red.text == text and red.replacements == []


@pytest.mark.parametrize("line, identifier", [
    # Labelled identifiers are numbered: they still go.
    ("Specimen: S26-014471", "S26-014471"),
    ("Lab No: H24-77310", "H24-77310"),
    ("Case #: 2611408", "2611408"),
    ("MRN: A1234567", "A1234567"),
    ("NHS number: 4857 773 456", "4857 773 456"),
    # Numbers printed in blocks whose first block has three digits (the NHS 3-3-4 layout).
    ("NHS number: 943 476 5919", "943 476 5919"),
    ("MRN: 123 4567", "123 4567"),
    ("Patient ID: 987 654 321", "987 654 321"),
    ("MRN: 123 mm", None),
    # Clinical text after a 'Specimen:' label is not an identifier, even when a scanned report
    # prints a zero for the letter O (w10b OCR) or the line gives a measurement.
    ("Specimen: ANTERI0R RESECTI0N 0F RECTUM", None),
    ("Specimen: C0L0N, SIGM0ID", None),
    ("Specimen: 12x10x6mm polyp", None),
    ("Specimen: 25 mm EMR", None),
    ("Tumor size: 18x14 mm  (specimen: 42x35 mm)", None),
    ("MRN: 1.5cm", None),
])
def test_a_labelled_identifier_is_numbered_and_not_a_measurement(line, identifier):
    red = redact(line + "\nRectum, ESD.\n")
    found = [red.original[r.orig_start:r.orig_end] for r in red.replacements]
    assert found == ([identifier] if identifier else []), found


@pytest.mark.parametrize("path", sorted(TRAIN.glob("*.json")), ids=lambda p: p.stem)
def test_redaction_keeps_every_gold_train_quote(path):
    """Over-redaction would hide findings from the LLM: no gold evidence may be touched."""
    from pipeline.ingest import read_file

    text = read_file(path.with_suffix(".txt")).report.text
    red = redact(text)
    gold = json.loads(path.read_text(encoding="utf-8"))
    for name, entry in gold["fields"].items():
        for span in entry["evidence"]:
            hit = [r for r in red.replacements
                   if r.orig_start < span["end"] and span["start"] < r.orig_end]
            assert not hit, (name, span["text"], hit)
