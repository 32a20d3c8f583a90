"""Tests of the registry exports (pipeline/exports): CSV and FHIR R4 round trips, codes, ids."""

from __future__ import annotations

import csv
import json
import re
import sys
import types
from datetime import datetime, timezone
from pathlib import Path

import pytest
from fhir.resources.R4B.bundle import Bundle

from pipeline.exports import (
    CSV_COLUMNS,
    export_csv,
    export_fhir,
    fhir_id,
    read_csv_export,
    read_fhir_bundle,
    read_fhir_report,
    record_row,
    write_bundles,
    write_csv,
)
from pipeline.exports.fhir_export import RESOURCE_MODELS, code_table
from pipeline.decide import decide
from pipeline.ingest import read_file
from pipeline.models import (
    ErrorInfo,
    Findings,
    Recommendation,
    ResultRecord,
    Span,
    sha256_text,
)

FIELDS = Findings.field_names()
STAMP = datetime(2026, 1, 2, 3, 4, 5, tzinfo=timezone.utc)
GOLD = Path(__file__).resolve().parent.parent / "gold_reports"

TEXT = (
    "SURGICAL PATHOLOGY REPORT — Patient: Zoë Ñúñez\n"
    "Specimen: Rectum, endoscopic submucosal dissection (ESD), en bloc.\n"
    "Diagnosis: Well-differentiated neuroendocrine tumour, WHO G2.\n"
    "Tumour size: 8.5 mm. Invasion into submucosa (1200 µm).\n"
    "Stage: pT1a pN0. Lymph nodes: 0/12.\n"
    "Lateral margin: negative (1.5 mm). Deep margin: close (0.3 mm). "
    "Radial margin: indeterminate (0 mm).\n"
    "LVI: not identified. Perineural invasion: present.\n"
    "Ki-67: 3.7 %. Mitoses: 2 per 2 mm².\n"
    "Tumour budding: BD1.\f\n"
    "ADDENDUM 日本語: Ki-67 revised to 4 %.\n"
)


def _span(quote: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(quote, start + 1)
    return Span.of(TEXT, start, start + len(quote))


def _full_record() -> ResultRecord:
    """Every one of the 23 fields stated, with spans (non-ASCII and a form feed among them)."""
    values = {
        "histology": ("neuroendocrine_tumor", ["neuroendocrine tumour"]),
        "site": ("rectum", ["Rectum"]),
        "procedure": ("esd", ["endoscopic submucosal dissection (ESD)"]),
        "tumor_size_mm": (8.5, ["8.5 mm"]),
        "depth": ("submucosa", ["Invasion into submucosa"]),
        "pt": ("pT1a", ["pT1a"]),
        "pn": ("pN0", ["pN0"]),
        "margin_lateral": ("negative", ["Lateral margin: negative"]),
        "margin_deep": ("close", ["Deep margin: close"]),
        "margin_radial": ("indeterminate", ["Radial margin: indeterminate"]),
        "margin_lateral_mm": (1.5, ["1.5 mm"]),
        "margin_deep_mm": (0.3, ["0.3 mm"]),
        "margin_radial_mm": (0.0, ["0 mm"]),
        "lvi": ("absent", ["LVI: not identified"]),
        "pni": ("present", ["Perineural invasion: present"]),
        "ki67_percent": (4.0, ["Ki-67: 3.7 %", "BD1.\f\nADDENDUM 日本語: Ki-67 revised to 4 %"]),
        "mitoses_per_2mm2": (2.0, ["2 per 2 mm²"]),
        "grade": ("G2", ["WHO G2"]),
        "sm_invasion_um": (1200.0, ["1200 µm"]),
        "tumor_budding": ("BD1", ["Tumour budding: BD1"]),
        "resection": ("en_bloc", ["en bloc"]),
        "lymph_nodes_positive": (0, ["0/12"]),
        "lymph_nodes_examined": (12, ["0/12"]),
    }
    assert set(values) == set(FIELDS)
    findings = Findings(**{
        name: {"value": value, "evidence": [_span(q) for q in quotes], "source": "rules"}
        for name, (value, quotes) in values.items()
    })
    findings.ki67_percent.needs_review = True
    findings.ki67_percent.review_reasons = ["addendum replaces the original value", "Ki-67 3.7 % vs 4 %"]
    findings.ki67_percent.source = "rules+llm"
    return ResultRecord(
        report_id="S26-014471",
        status="ok",
        text_sha256=sha256_text(TEXT),
        findings=findings,
        recommendation=Recommendation(code="surveillance", summary="Endoscopy and MRI at 12 months",
                                      rule_id="rectal_net.r0_10_20", needs_review=True,
                                      review_reasons=["Ki-67 boundary"]),
    )


def _sparse_record() -> ResultRecord:
    """Mostly null fields; one null-valued field flagged for review; an empty span; odd id."""
    findings = Findings(
        lvi={"value": "present", "evidence": [_span("LVI"), Span(start=3, end=3, text="")], "source": "llm",
             "needs_review": True, "review_reasons": ["only the LLM found it"]},
        grade={"value": None, "evidence": [], "needs_review": True, "review_reasons": ["G1 vs G2"]},
    )
    return ResultRecord(report_id="Befund 7/2026: Müller", status="ok", text_sha256=sha256_text(TEXT),
                        findings=findings,
                        recommendation=Recommendation(code="insufficient_data", summary="Ki-67 missing"))


def _failed_record() -> ResultRecord:
    return ResultRecord(report_id="empty-report", status="failed",
                        error=ErrorInfo(code="empty_input", message="The report is empty,\nnothing to extract."))


RECORDS = [_full_record(), _sparse_record(), _failed_record()]


@pytest.fixture(scope="module")
def run_dir(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("run")
    (out / "results.jsonl").write_text("".join(r.to_json() + "\n" for r in RECORDS), encoding="utf-8")
    return out


# --- CSV ----------------------------------------------------------------------------------


def test_csv_columns_follow_the_contract_order():
    assert CSV_COLUMNS[:5] == ["report_id", "status", "error_code", "error_message", "text_sha256"]
    per_field = CSV_COLUMNS[5:5 + 3 * len(FIELDS)]
    assert per_field[0::3] == FIELDS
    assert per_field[1::3] == [f"{f}_evidence" for f in FIELDS]
    assert per_field[2::3] == [f"{f}_needs_review" for f in FIELDS]
    assert CSV_COLUMNS[-6:] == ["recommendation_code", "recommendation_rule_id", "needs_review",
                                "review_reasons", "review_status", "pipeline_version"]
    assert len(set(CSV_COLUMNS)) == len(CSV_COLUMNS) == 80


def _assert_row_matches(row: dict, record: ResultRecord) -> None:
    findings = record.findings or Findings()
    assert row["report_id"] == record.report_id and row["status"] == record.status
    assert row["text_sha256"] == record.text_sha256
    assert row["error_code"] == (record.error.code if record.error else None)
    assert row["error_message"] == (record.error.message if record.error else None)
    for name in FIELDS:
        finding = getattr(findings, name)
        assert row[name] == finding.value, name
        assert type(row[name]) is type(finding.value), name
        assert [Span(**s) for s in row[f"{name}_evidence"]] == finding.evidence, name
        assert row[f"{name}_needs_review"] == finding.needs_review, name
    assert row["recommendation_code"] == (record.recommendation.code if record.recommendation else None)


def test_csv_round_trip_loses_no_value(tmp_path):
    path = tmp_path / "out.csv"
    assert write_csv(RECORDS, path) == 3
    rows = read_csv_export(path)
    assert len(rows) == 3
    for row, record in zip(rows, RECORDS):
        _assert_row_matches(row, record)
        assert row == record_row(record)
    # every span still points at its own text in the report
    for name in FIELDS:
        for span in rows[0][f"{name}_evidence"]:
            assert TEXT[span["start"]:span["end"]] == span["text"]


def test_csv_cells_are_plain_for_registry_users(tmp_path):
    path = tmp_path / "out.csv"
    write_csv(RECORDS, path)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: spreadsheets then read UTF-8
    text = raw.decode("utf-8-sig")
    assert "Zoë" not in text  # only the spans leave the report, not the rest of its text
    assert "日本語" in text and "mm²" in text and "\\f" in text  # non-ASCII kept raw, control escaped
    with path.open(encoding="utf-8-sig", newline="") as fh:
        header, full, sparse, failed = list(csv.reader(fh))
    cell = dict(zip(header, full))
    assert cell["tumor_size_mm"] == "8.5" and cell["lymph_nodes_examined"] == "12"
    assert cell["sm_invasion_um"] == "1200" and cell["margin_radial_mm"] == "0"
    assert cell["lvi"] == "absent" and cell["needs_review"] == "true"
    assert cell["ki67_percent_needs_review"] == "true" and cell["lvi_needs_review"] == "false"
    assert json.loads(cell["review_reasons"]) == [
        "Ki-67 boundary", "ki67_percent: addendum replaces the original value", "ki67_percent: Ki-67 3.7 % vs 4 %"]
    blank = dict(zip(header, sparse))
    assert blank["histology"] == "" and blank["histology_evidence"] == ""
    bad = dict(zip(header, failed))
    assert bad["status"] == "failed" and bad["error_code"] == "empty_input"
    assert bad["recommendation_code"] == "" and bad["needs_review"] == "false"


def test_csv_reader_rejects_a_foreign_file(tmp_path):
    path = tmp_path / "other.csv"
    path.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(ValueError):
        read_csv_export(path)


def test_export_csv_from_run_folder_without_review_store(run_dir, tmp_path):
    out = tmp_path / "registry.csv"
    assert export_csv(run_dir, out) == 3
    rows = read_csv_export(out)
    assert [r["review_status"] for r in rows] == ["unreviewed"] * 3
    for row, record in zip(rows, RECORDS):
        _assert_row_matches(row, record)


def test_review_status_from_the_real_review_store(tmp_path):
    from pipeline.review.store import ReviewStore

    run = tmp_path / "run"
    run.mkdir()
    (run / "results.jsonl").write_text("".join(r.to_json() + "\n" for r in RECORDS), encoding="utf-8")
    store = ReviewStore.open(run)
    try:
        store.enqueue([(RECORDS[0], TEXT), (RECORDS[1], TEXT)])
        case = store.get_case(store.find_case(RECORDS[0].report_id))
        store.save(case.id, reviewer="dr test", base_version=case.version)
    finally:
        store.close()
    export_csv(run, tmp_path / "r.csv")
    assert [r["review_status"] for r in read_csv_export(tmp_path / "r.csv")] == ["accepted", "pending", "unreviewed"]
    paths = export_fhir(run, tmp_path / "fhir")
    assert [read_fhir_report(p)["review_status"] for p in paths] == ["accepted", "pending", "unreviewed"]


def test_review_status_comes_from_the_review_store(run_dir, tmp_path, monkeypatch):
    calls = []

    def review_statuses(db_path):
        calls.append(Path(db_path))
        return {"S26-014471": "approved"}

    fake = types.ModuleType("pipeline.review.store")
    fake.review_statuses = review_statuses
    monkeypatch.setitem(sys.modules, "pipeline.review.store", fake)
    (run_dir / "review.sqlite").write_bytes(b"")
    try:
        out = tmp_path / "registry.csv"
        export_csv(run_dir, out)
        fhir_paths = export_fhir(run_dir, tmp_path / "fhir")
    finally:
        (run_dir / "review.sqlite").unlink()
    assert calls and calls[0] == run_dir / "review.sqlite"
    assert [r["review_status"] for r in read_csv_export(out)] == ["approved", "unreviewed", "unreviewed"]
    assert read_fhir_report(fhir_paths[0])["review_status"] == "approved"


# --- FHIR ---------------------------------------------------------------------------------

R4_STATUS = {
    "DiagnosticReport": {"registered", "partial", "preliminary", "final", "amended", "corrected",
                         "appended", "cancelled", "entered-in-error", "unknown"},
    "Observation": {"registered", "preliminary", "final", "amended", "corrected", "cancelled",
                    "entered-in-error", "unknown"},
}


@pytest.fixture(scope="module")
def bundle_paths(tmp_path_factory) -> list[Path]:
    return write_bundles(RECORDS, tmp_path_factory.mktemp("fhir"), timestamp=STAMP)


def test_every_fhir_resource_validates(bundle_paths):
    assert [p.name for p in bundle_paths] == [f"{fhir_id(r.report_id)}.json" for r in RECORDS]
    for path in bundle_paths:
        data = json.loads(path.read_text(encoding="utf-8"))
        Bundle.model_validate(data)
        assert data["type"] == "collection"
        urls = {e["fullUrl"] for e in data["entry"]}
        assert len(urls) == len(data["entry"])
        for entry in data["entry"]:
            res = entry["resource"]
            RESOURCE_MODELS[res["resourceType"]].model_validate(res)  # each on its own model
            assert re.fullmatch(r"[A-Za-z0-9\-.]{1,64}", res["id"])
            if res["resourceType"] in R4_STATUS:
                assert res["status"] in R4_STATUS[res["resourceType"]]
            # every reference inside the bundle resolves to an entry
            for ref in re.findall(r'"reference": "([^"]+)"', json.dumps(res)):
                assert ref in urls
        _assert_no_empty_json(data)  # FHIR JSON: no empty arrays, objects or strings
        kinds = [e["resource"]["resourceType"] for e in data["entry"]]
        assert kinds[:2] == ["Patient", "DiagnosticReport"] and kinds[-1] == "Provenance"


def _assert_no_empty_json(node) -> None:
    assert node not in ([], {}, "")
    if isinstance(node, dict):
        for value in node.values():
            _assert_no_empty_json(value)
    elif isinstance(node, list):
        for value in node:
            _assert_no_empty_json(value)


def test_fhir_round_trip_loses_no_value(bundle_paths):
    for path, record in zip(bundle_paths, RECORDS):
        back = read_fhir_report(path)
        assert back["report_id"] == record.report_id
        assert back["status"] == record.status
        assert back["text_sha256"] == record.text_sha256
        assert back["error"] == (record.error.model_dump() if record.error else None)
        assert back["recommendation_code"] == (record.recommendation.code if record.recommendation else None)
        findings = record.findings or Findings()
        assert read_fhir_bundle(path) == back["findings"]
        for name in FIELDS:
            want, got = getattr(findings, name), back["findings"][name]
            assert got["value"] == want.value and type(got["value"]) is type(want.value), name
            assert [Span(**s) for s in got["evidence"]] == want.evidence, name
            assert got["source"] == want.source, name
            assert got["needs_review"] == want.needs_review, name
            assert got["review_reasons"] == want.review_reasons, name


def _observations(path: Path) -> dict[str, dict]:
    data = json.loads(path.read_text(encoding="utf-8"))
    out = {}
    for e in data["entry"]:
        res = e["resource"]
        if res["resourceType"] == "Observation":
            local = next(c["code"] for c in res["code"]["coding"] if c["system"] == "urn:pathspan:data-dictionary")
            out[local] = res
    return out


def _codes(concept: dict) -> set[tuple[str, str]]:
    return {(c["system"], c["code"]) for c in concept.get("coding", [])}


def test_fhir_observations_carry_verified_codes_and_mcode_profiles(bundle_paths):
    obs = _observations(bundle_paths[0])
    assert set(obs) == set(FIELDS)
    loinc = "http://loinc.org"
    assert (loinc, "21899-0") in _codes(obs["pt"]["code"])
    assert obs["pt"]["meta"]["profile"] == ["http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-tnm-primary-tumor-category"]
    assert ("http://cancerstaging.org", "pT1a") in _codes(obs["pt"]["valueCodeableConcept"])
    assert (loinc, "21900-6") in _codes(obs["pn"]["code"])
    size = obs["tumor_size_mm"]
    assert (loinc, "21889-1") in _codes(size["code"]) and "valueQuantity" not in size
    assert size["meta"]["profile"] == ["http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-tumor-size"]
    assert (loinc, "33728-7") in _codes(size["component"][0]["code"])
    assert size["component"][0]["valueQuantity"] == {"value": 8.5, "unit": "mm",
                                                     "system": "http://unitsofmeasure.org", "code": "mm"}
    assert (loinc, "59544-7") in _codes(obs["lvi"]["code"])
    assert ("http://snomed.info/sct", "2667000") in _codes(obs["lvi"]["valueCodeableConcept"])
    assert ("http://snomed.info/sct", "52101004") in _codes(obs["pni"]["valueCodeableConcept"])
    assert (loinc, "29593-1") in _codes(obs["ki67_percent"]["code"])
    assert obs["ki67_percent"]["valueQuantity"]["code"] == "%"
    assert obs["lymph_nodes_examined"]["valueInteger"] == 12
    assert obs["lymph_nodes_positive"]["valueInteger"] == 0
    # no verified code: text-only CodeableConcept besides pathspan's own coding
    for name in ("depth", "margin_deep", "tumor_budding", "resection", "site", "histology"):
        systems = {s for s, _ in _codes(obs[name]["code"])} | {s for s, _ in _codes(obs[name]["valueCodeableConcept"])}
        assert all(s.startswith("urn:pathspan:") for s in systems), name
        assert obs[name]["code"]["text"]
    # review state: flagged findings are preliminary with the reasons as notes
    assert obs["ki67_percent"]["status"] == "preliminary" and obs["lvi"]["status"] == "final"
    assert [n["text"] for n in obs["ki67_percent"]["note"]][0] == "addendum replaces the original value"


def test_fhir_evidence_spans_and_provenance(bundle_paths):
    data = json.loads(bundle_paths[0].read_text(encoding="utf-8"))
    obs = _observations(bundle_paths[0])
    spans = [e for e in obs["ki67_percent"]["extension"] if e["url"] == "urn:pathspan:fhir:evidence-span"]
    assert len(spans) == 2
    parts = {p["url"]: p for p in spans[1]["extension"]}
    assert "textJson" in parts  # the form feed is not a legal FHIR string character
    assert json.loads(parts["textJson"]["valueString"]) == _span("BD1.\f\nADDENDUM 日本語: Ki-67 revised to 4 %").text
    prov = data["entry"][-1]["resource"]
    assert prov["recorded"].startswith("2026-01-02T03:04:05")
    assert len(prov["target"]) == 1 + len(obs)
    assert prov["entity"][0]["what"]["identifier"]["value"] == sha256_text(TEXT)
    assert prov["agent"][0]["who"]["display"].startswith("pathspan ")


def test_fhir_failed_and_sparse_records(bundle_paths):
    sparse = _observations(bundle_paths[1])
    assert set(sparse) == {"lvi", "grade"}  # unstated fields get no Observation
    assert sparse["grade"]["dataAbsentReason"]["coding"][0]["code"] == "unknown"
    assert "meta" not in sparse["grade"]
    failed = json.loads(bundle_paths[2].read_text(encoding="utf-8"))
    report = failed["entry"][1]["resource"]
    assert report["status"] == "cancelled" and report["conclusionCode"][0]["coding"][0]["code"] == "empty_input"
    assert not _observations(bundle_paths[2])


def test_fhir_ids_are_safe_and_unique(tmp_path):
    assert fhir_id("S26-014471") == "S26-014471"
    odd = fhir_id("Befund 7/2026: Müller")
    assert re.fullmatch(r"[A-Za-z0-9\-.]{1,40}", odd) and odd.startswith("Befund-7-2026-M")
    assert fhir_id("a/b") != fhir_id("a:b")
    assert fhir_id("..") != ".." and len(fhir_id("x" * 200)) <= 40
    ids = ["a/b", "a:b", "ABC", "abc", "abc", "abc-2", "..", "x" * 200]
    records = [ResultRecord(report_id=i, status="failed", error=ErrorInfo(code="empty_input", message="m"))
               for i in ids]
    paths = write_bundles(records, tmp_path, timestamp=STAMP)
    assert len({p.name.casefold() for p in paths}) == len(ids)
    assert [read_fhir_report(p)["report_id"] for p in paths] == ids


def test_fhir_code_table_is_complete_and_cited():
    table = code_table()
    assert set(table["labels"]) == set(FIELDS)
    assert set(table["fields"]) <= set(FIELDS)
    systems = table["systems"]
    for name, entry in table["fields"].items():
        assert entry["source"].strip(), name
        for key in ("code", "component"):
            if key in entry:
                assert entry[key]["system"] in systems and entry[key]["code"] and entry[key]["display"]
        for spec in entry.get("values", {}).values():
            assert spec["system"] in systems
        if "values" in entry:
            allowed = Findings.model_fields[name].annotation.model_fields["value"].annotation
            assert set(entry["values"]) <= set(allowed.__args__[0].__args__), name
    for spec in table["diagnostic_report"].values():
        assert spec["source"].strip() and spec["system"] in systems


def test_export_fhir_from_run_folder(run_dir, tmp_path):
    paths = export_fhir(run_dir, tmp_path / "bundles")
    assert len(paths) == 3 and all(p.parent == tmp_path / "bundles" for p in paths)
    assert read_fhir_report(paths[0])["findings"]["pt"]["value"] == "pT1a"


# --- gold set -----------------------------------------------------------------------------


def _gold_records() -> list[tuple[ResultRecord, str]]:
    out = []
    for ann in sorted(GOLD.glob("*/*.json")):
        txt = ann.with_suffix(".txt")
        if not txt.exists():
            continue
        data = json.loads(ann.read_text(encoding="utf-8"))
        item = read_file(txt)
        if item.report is None:
            continue
        findings = Findings.model_validate(
            {name: {"value": f.get("value"), "evidence": f.get("evidence", [])}
             for name, f in data.get("fields", {}).items()})
        checks, rec = decide(findings, None)  # the real decision, so real recommendation records
        out.append((ResultRecord(report_id=data.get("id", ann.stem), status="ok",
                                 text_sha256=item.report.text_sha256, findings=findings,
                                 checks=checks, recommendation=rec), item.report.text))
    return out


def test_gold_set_exports_and_round_trips(tmp_path):
    gold = _gold_records()
    if not gold:
        pytest.skip("gold_reports/ has no annotated reports yet")
    records = [r for r, _ in gold]
    csv_rows = read_csv_export(tmp_path / "gold.csv") if write_csv(records, tmp_path / "gold.csv") else []
    paths = write_bundles(records, tmp_path / "fhir", timestamp=STAMP)
    assert len(csv_rows) == len(paths) == len(records)
    for (record, text), row, path in zip(gold, csv_rows, paths):
        _assert_row_matches(row, record)
        data = json.loads(path.read_text(encoding="utf-8"))
        for entry in data["entry"]:
            RESOURCE_MODELS[entry["resource"]["resourceType"]].model_validate(entry["resource"])
        report = read_fhir_report(path)
        assert report["recommendation_code"] == row["recommendation_code"] == record.recommendation.code
        back = report["findings"]
        for name in FIELDS:
            want = getattr(record.findings, name)
            assert back[name]["value"] == want.value, (record.report_id, name)
            assert [Span(**s) for s in back[name]["evidence"]] == want.evidence, (record.report_id, name)
            assert all(text[s["start"]:s["end"]] == s["text"] for s in back[name]["evidence"])


# --- command line -------------------------------------------------------------------------


def test_cli_export_both_formats(run_dir, tmp_path):
    from typer.testing import CliRunner

    from pipeline.cli import app

    runner = CliRunner()
    res = runner.invoke(app, ["export", str(run_dir), "--format", "csv", "--out", str(tmp_path / "r.csv")])
    assert res.exit_code == 0, res.output
    assert "3 report(s)" in res.output and len(read_csv_export(tmp_path / "r.csv")) == 3
    res = runner.invoke(app, ["export", str(run_dir), "--format", "fhir", "--out", str(tmp_path / "fhir")])
    assert res.exit_code == 0, res.output
    assert sorted(p.name for p in (tmp_path / "fhir").glob("*.json")) == sorted(
        f"{fhir_id(r.report_id)}.json" for r in RECORDS)
    res = runner.invoke(app, ["export", str(run_dir), "--format", "xml", "--out", str(tmp_path / "x")])
    assert res.exit_code != 0
    res = runner.invoke(app, ["export", str(tmp_path), "--format", "csv", "--out", str(tmp_path / "y.csv")])
    assert res.exit_code == 2  # a folder without results.jsonl


def test_a_corrupt_results_line_is_named(tmp_path):
    (tmp_path / "results.jsonl").write_text(RECORDS[0].to_json() + "\n\n{\"report_id\": 1}\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"results.jsonl:3"):
        export_csv(tmp_path, tmp_path / "x.csv")


def test_pipeline_records_of_the_gold_texts_round_trip(tmp_path):
    """Records as the real pipeline makes them (sources, review reasons, checks) survive both formats."""
    from pipeline.process import process_item

    texts = sorted(GOLD.glob("*/*.txt"))
    if not texts:
        pytest.skip("gold_reports/ has no reports yet")
    records = [process_item(read_file(path)) for path in texts]
    write_csv(records, tmp_path / "r.csv")
    rows = read_csv_export(tmp_path / "r.csv")
    paths = write_bundles(records, tmp_path / "fhir", timestamp=STAMP)
    for record, row, path in zip(records, rows, paths, strict=True):
        _assert_row_matches(row, record)
        assert row == record_row(record)
        back = read_fhir_report(path)
        assert back["status"] == record.status
        findings = record.findings or Findings()
        for name in FIELDS:
            want, got = getattr(findings, name), back["findings"][name]
            assert (got["value"], got["source"], got["needs_review"], got["review_reasons"]) == (
                want.value, want.source, want.needs_review, want.review_reasons), (record.report_id, name)
            assert [Span(**s) for s in got["evidence"]] == want.evidence, (record.report_id, name)
