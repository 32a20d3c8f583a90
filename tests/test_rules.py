"""The rule packs as data: ids, versions, sources, outcomes; and the decision's import boundary."""

from __future__ import annotations

import ast
import subprocess
import sys
import typing
from pathlib import Path

import pytest

from pipeline.decide import DEFERRALS, INTENSITY
from pipeline.models import RecommendationCode
from pipeline.rules import GUIDELINES, NOT_COVERED, PACKS
from pipeline.rules.base import AllOf, AnyOf, Clause

CODES = set(typing.get_args(RecommendationCode))
ALL_RULES = [r for p in PACKS for r in (*p.rules, p.on_missing, p.on_unmatched)] + [NOT_COVERED]
DECISION_MODULES = ["pipeline/decide.py", "pipeline/derive.py", *map(str, Path("pipeline/rules").glob("*.py"))]


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda r: r.id)
def test_rule_is_complete_data(rule):
    assert rule.id and rule.version and rule.summary and rule.explanation
    assert rule.outcome in CODES
    assert all(src in GUIDELINES for src in rule.sources)
    if rule is not NOT_COVERED:
        assert rule.sources, "every rule cites a source"


def test_rule_ids_are_unique_per_definition():
    by_id = {}
    for rule in ALL_RULES:
        assert by_id.setdefault(rule.id, rule) is rule, f"two different rules share id {rule.id}"


def test_rectal_pack_keeps_the_order_of_clinical_rules():
    rectal = next(p for p in PACKS if p.id == "rectal_net_local")
    assert [r.id for r in rectal.rules] == [
        "nen.high_grade", "rectal_net.high_risk_features", "rectal_net.intermediate_risk",
        "rectal_net.lvi_small_tumour", "rectal_net.margin_involved", "rectal_net.r0_surveillance",
        "rectal_net.low_risk", "rectal_net.ki67_missing", "rectal_net.staging_needed",
    ]


def test_every_guideline_names_its_version():
    for g in GUIDELINES.values():
        assert any(ch.isdigit() for ch in g.label) or "edition not pinned" in g.label, g.label
        assert g.citation


def test_intensity_scale_covers_every_code_but_deferrals_and_not_applicable():
    assert set(INTENSITY) | DEFERRALS | {"not_applicable"} == CODES
    order = sorted(INTENSITY, key=INTENSITY.get)
    assert order[:4] == ["no_further_treatment", "surveillance", "repeat_local_excision", "mdt_review"]
    assert order[-2:] == ["radical_surgery", "oncology_referral"]


def _clauses(cond):
    if isinstance(cond, Clause):
        yield cond
    elif isinstance(cond, (AllOf, AnyOf)):
        for part in cond.parts:
            yield from _clauses(part)


def test_clauses_name_real_findings_fields():
    from pipeline.models import Findings
    names = set(Findings.field_names())
    for rule in ALL_RULES:
        for clause in _clauses(rule.condition):
            assert set(clause.fields) <= names, (rule.id, clause.requires)


@pytest.mark.parametrize("path", DECISION_MODULES)
def test_decision_modules_import_nothing_from_nlp_or_llm(path):
    tree = ast.parse(Path(path).read_text())
    allowed_local = {"models", "derive", "rules", "base", "clauses", "sources", "neuroendocrine",
                     "adenocarcinoma", None}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level:
            head = (node.module or "").split(".")[0] or None
            assert head in allowed_local, f"{path} imports .{node.module}"
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module]
            for name in names:
                top = name.split(".")[0]
                assert top in sys.stdlib_module_names or top == "pydantic" or name.startswith("pipeline."), \
                    f"{path} imports {name}"


def test_importing_decide_loads_no_nlp_or_llm_package():
    code = ("import sys, pipeline.decide, pipeline.explain; "
            "bad=[m for m in sys.modules if m.split('.')[0] in ('spacy','medspacy','langchain','langchain_core','openai')"
            " or m in ('pipeline.extract','pipeline.llm','pipeline.grounding','pipeline.reconcile')]; print(bad)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_every_rule_id_is_documented():
    doc = Path("docs/decision.md").read_text(encoding="utf-8")
    missing = [r.id for r in ALL_RULES if f"`{r.id}`" not in doc and r.id not in doc]
    assert not missing, f"docs/decision.md does not mention {missing}"


def test_every_threshold_names_its_source_and_is_used():
    import json

    from pipeline import derive

    data = json.loads(derive.THRESHOLDS_FILE.read_text(encoding="utf-8"))
    entries = {k: v for k, v in data.items() if not k.startswith("_")}
    assert set(entries) == set(derive.load_thresholds())
    for name, entry in entries.items():
        assert entry["source"] and entry["unit"] and isinstance(entry["value"], (int, float)), name
        assert getattr(derive, name.upper()) == entry["value"], name
