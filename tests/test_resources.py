"""Every rule data file loads, every regex compiles, every code is in the data dictionary."""

import json
import re
import typing

import pytest
from medspacy.context import ConTextRule
from medspacy.section_detection import SectionRule
from medspacy.target_matcher import TargetRule

from pipeline.models import Findings
from pipeline.resources import RESOURCE_DIR, RESOURCE_FILES, load_resource

# Which data-dictionary field a target category's metadata.value belongs to.
CATEGORY_FIELD = {"HISTOLOGY": "histology", "SITE": "site", "PROCEDURE": "procedure",
                  "DEPTH": "depth", "DIFFERENTIATION": "grade", "RESECTION": "resection"}


def allowed(field: str) -> set[str]:
    """The Literal codes of a Findings field (``Finding[Literal[...]]``)."""
    annotation = Findings.model_fields[field].annotation
    value_type = annotation.model_fields["value"].annotation  # Optional[Literal[...]]
    literal = [a for a in typing.get_args(value_type) if a is not type(None)][0]
    return set(typing.get_args(literal))


def test_extraction_resources_exist():
    on_disk = {p.name for p in RESOURCE_DIR.glob("*.json")}
    assert set(RESOURCE_FILES) <= on_disk


@pytest.mark.parametrize("path", sorted(RESOURCE_DIR.glob("*.json")), ids=lambda p: p.name)
def test_every_resource_is_valid_json(path):
    with open(path, encoding="utf-8") as fh:
        assert json.load(fh)
    assert load_resource(path.name)


def _no_duplicate_keys(pairs: list[tuple[str, object]]) -> dict:
    keys = [k for k, _ in pairs]
    duplicated = sorted({k for k in keys if keys.count(k) > 1})
    assert not duplicated, f"key written twice (json keeps only the last): {duplicated}"
    return dict(pairs)


@pytest.mark.parametrize("path", sorted(RESOURCE_DIR.glob("*.json")), ids=lambda p: p.name)
def test_no_resource_writes_a_key_twice(path):
    """A key written twice (e.g. by two merged rule branches) silently drops the first rule."""
    with open(path, encoding="utf-8") as fh:
        json.load(fh, object_pairs_hook=_no_duplicate_keys)


def test_target_rules_load_and_codes_are_valid():
    rules = TargetRule.from_json(str(RESOURCE_DIR / "target_rules.json"))
    assert len(rules) > 100
    for rule in rules:
        if isinstance(rule.pattern, str):
            re.compile(rule.pattern)
        value = (rule.metadata or {}).get("value")
        if rule.category in CATEGORY_FIELD:
            assert value in allowed(CATEGORY_FIELD[rule.category]), rule
        elif rule.category == "MARGIN" and value is not None:  # a margin named by its side
            assert value in load_resource("value_rules.json")["margin_sides"], rule
        elif rule.category == "SIZE" and value is not None:  # a size the anchor calls microscopic
            assert value == "micro", rule
        elif value is not None:
            pytest.fail(f"unexpected value on {rule}")


def test_context_rules_load():
    rules = ConTextRule.from_json(str(RESOURCE_DIR / "context_rules.json"))
    categories = {r.category for r in rules}
    assert {"NEGATED_EXISTENCE", "POSSIBLE_EXISTENCE", "HISTORICAL", "HYPOTHETICAL",
            "TERMINATE"} <= categories
    assert any(r.literal == ";" and r.category == "TERMINATE" for r in rules)
    # One direction per cue: medspaCy keeps only one of two identical matches.
    literals = [r.literal.lower() for r in rules]
    assert len(literals) == len(set(literals))


def test_section_rules_load():
    rules = SectionRule.from_json(str(RESOURCE_DIR / "section_rules.json"))
    categories = {r.category for r in rules}
    assert {"final_diagnosis", "microscopic", "comment", "addendum", "clinical_history",
            "synoptic", "gross"} <= categories
    priorities = load_resource("value_rules.json")["section_priority"]
    assert categories <= set(priorities)


def _regexes(node, path=""):
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _regexes(value, f"{path}.{key}")
    elif isinstance(node, str) and not path.split(".")[-1].startswith("_"):
        yield path, node


def test_value_rule_regexes_compile():
    rules = load_resource("value_rules.json")
    for section in ("numbers", "size", "mitoses", "stage", "japanese", "nodes", "budding",
                    "parts", "sentences", "grade"):
        for path, pattern in _regexes(rules[section], section):
            re.compile(pattern)


def test_value_rule_codes_are_valid():
    rules = load_resource("value_rules.json")
    assert set(rules["depth_order"]) == allowed("depth")
    assert set(rules["histology_rank"]) == allowed("histology")
    assert set(rules["procedure_rank"]) == allowed("procedure")
    assert set(rules["tumour_histologies"]) <= allowed("histology")
    assert {band for *_, band in rules["budding"]["count_bands"]} == allowed("tumor_budding")
    assert set(rules["budding"]["words"].values()) <= allowed("tumor_budding")
    assert set(rules["grade"]["codes"].values()) <= allowed("grade")
    assert set(rules["presence"]) - {"_comment", "not_assessed"} == allowed("lvi")
    # "not_stated" ("Margins: not applicable") sets no margin, like presence's "not_assessed";
    # "hedged" ("not clearly at ink") states no status, so the distance decides
    assert set(rules["margin_status"]) - {"_not_stated_comment", "not_stated", "_hedged_comment", "hedged"} \
        == allowed("margin_deep")
    assert set(rules["japanese"]["fields"].values()) <= set(Findings.field_names())


def test_pipeline_builds_from_resources():
    from pipeline.nlp import get_nlp

    assert get_nlp().pipe_names == [
        "pathspan_sentences", "pathspan_sectionizer", "pathspan_target_matcher",
        "pathspan_context", "pathspan_findings", "pathspan_cleanup"]
