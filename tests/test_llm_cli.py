"""The LLM stage with the real rule-based extractor: `pathspan extract --llm`, and evaluation of
LLM-only and reconciled extraction on the gold TRAIN split against a scripted loopback model."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from llm_server import Reply, llm_server  # noqa: F401  (pytest fixture)
from pipeline.cli import app
from pipeline.evaluate import evaluate, load_gold
from pipeline.extract import extract_findings
from pipeline.llm import llm_extractors

GOLD = Path(__file__).resolve().parents[1] / "gold_reports"
MODEL = "openai:gpt-4o-mini"


def gold_answer(case) -> Reply:
    """What a perfect model would answer for a gold case: every gold value with its first quote."""
    claims = [{"field": name, "value": f.value, "quote": f.evidence[0].text}
              for name in case.gold.field_names()
              if (f := getattr(case.gold, name)).value is not None]
    return Reply(findings=claims)


def test_extract_command_with_llm_prints_the_enriched_record(llm_server, tmp_path):
    text = ("Rectum, ESD.\nWell-differentiated neuroendocrine tumour, 7 mm.\n"
            "Lymphovascular invasion: not identified.\nPerineural invasion: present.\n")
    path = tmp_path / "r1.txt"
    path.write_text(text, encoding="utf-8")
    llm_server.on("Perineural invasion: present", Reply(findings=[
        {"field": "lvi", "value": "absent", "quote": "Lymphovascular invasion: not identified"},
        {"field": "pni", "value": "present", "quote": "Perineural invasion: present"},
        {"field": "lvi", "value": "present", "quote": "invented words"},
    ]))
    result = CliRunner().invoke(app, ["extract", str(path), "--llm", MODEL,
                                      "--llm-cache", str(tmp_path / "cache")])
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert record["llm"]["status"] == "ok"
    assert record["findings"]["lvi"]["source"] == "rules+llm"
    assert record["findings"]["pni"]["value"] == "present"
    assert [c["reason"].split(":")[0] for c in record["llm"]["rejected_claims"]] == ["quote_not_found"]
    # The second run is answered from the cache.
    again = CliRunner().invoke(app, ["extract", str(path), "--llm", MODEL,
                                     "--llm-cache", str(tmp_path / "cache")])
    assert json.loads(again.stdout)["llm"]["status"] == "cached"
    assert llm_server.count == 1


def test_extract_command_with_unknown_provider_is_a_usage_error(tmp_path):
    path = tmp_path / "r.txt"
    path.write_text("Rectum, ESD. NET G1, 5 mm.\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(path), "--llm", "nosuchprovider:model"])
    assert result.exit_code == 2


def test_llm_only_and_reconciled_scores_on_train_with_a_gold_answering_model(llm_server):
    cases = load_gold(GOLD, "train")
    for case in cases:
        llm_server.on(case.text, gold_answer(case))
    extractors = llm_extractors(MODEL, backoff=0.01)
    rules = evaluate(cases, extract_findings, "rules")
    only = evaluate(cases, extractors["llm"], "llm")
    both = evaluate(cases, extractors["reconciled"], "reconciled")
    assert llm_server.count == len(cases)  # one call per report, shared by both extractors
    for rep in (only, both):
        assert rep.violations == [] and rep.errors == []
    # Grounding keeps almost every correct claim (ambiguous repeated quotes are rejected).
    assert only.overall.f1 >= 0.9
    # Reconciliation never loses a rule value and adds the LLM-only ones.
    assert both.overall.tp >= rules.overall.tp
    assert both.overall.recall >= rules.overall.recall


def test_evaluate_command_with_llm_reports_three_extractors_side_by_side(llm_server):
    for case in load_gold(GOLD, "train"):
        llm_server.on(case.text, gold_answer(case))
    result = CliRunner().invoke(app, ["evaluate", str(GOLD), "--split", "train", "--json",
                                      "--llm", MODEL])
    assert result.exit_code == 0, result.output
    reports = json.loads(result.stdout)["train"]
    assert [r["name"] for r in reports] == ["rules", "llm", "reconciled"]
    assert all(r["n_cases"] == len(load_gold(GOLD, "train")) for r in reports)
