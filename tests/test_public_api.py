"""The package's public API: small, lazy, and what the README promises."""

import subprocess
import sys

import pipeline


def test_every_public_name_resolves():
    for name in pipeline.__all__:
        assert getattr(pipeline, name) is not None, name


def test_importing_the_package_does_not_load_spacy():
    code = "import sys, pipeline; print('spacy' in sys.modules, 'dask' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_extract_and_decide_from_the_public_api_on_the_motivating_case():
    from pathlib import Path

    text = (Path(__file__).resolve().parents[1] / "examples" / "rectal_net_esd.txt").read_text()
    findings = pipeline.extract_findings(text)
    _, recommendation = pipeline.decide(findings)
    assert recommendation.code == "radical_surgery"
    for reason in recommendation.reasons:
        assert all(span.holds_in(text) for span in reason.evidence)
