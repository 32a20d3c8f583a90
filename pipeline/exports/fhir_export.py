"""FHIR R4 export: one Bundle per report, mCODE-style, every value carrying its evidence spans.

A bundle (type ``collection``) holds a placeholder Patient, a DiagnosticReport for the source
report, one Observation per stated finding and one Provenance naming pathspan as the agent
that derived them from the report text. Codes come from ``pipeline/resources/fhir_codes.json``
(each cited there); a field without a verified code gets a text-only CodeableConcept plus
pathspan's local coding. The evidence of each value travels on its Observation as the
``urn:pathspan:fhir:evidence-span`` extension (start, end, text), so a registry can prove a
value against the report. ``read_fhir_report`` reads a bundle back without loss; see
``docs/export.md`` for the mapping table.
"""

from __future__ import annotations

import hashlib
import json
import re
import uuid
from collections.abc import Callable, Iterable
from datetime import datetime, timezone
from functools import lru_cache
from pathlib import Path
from typing import Any

from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.diagnosticreport import DiagnosticReport
from fhir.resources.R4B.observation import Observation
from fhir.resources.R4B.patient import Patient
from fhir.resources.R4B.provenance import Provenance

from ..models import NUMERIC_FIELDS, Findings, ResultRecord
from .csv_export import COUNT_FIELDS
from .results import UNREVIEWED, iter_results, record_needs_review, review_status_reader

CODES_FILE = Path(__file__).resolve().parent.parent / "resources" / "fhir_codes.json"
FIELDS = Findings.field_names()
RESOURCE_MODELS = {
    "Bundle": Bundle,
    "DiagnosticReport": DiagnosticReport,
    "Observation": Observation,
    "Patient": Patient,
    "Provenance": Provenance,
}
DATA_ABSENT_SYSTEM = "http://terminology.hl7.org/CodeSystem/data-absent-reason"
_FHIR_ID = re.compile(r"[A-Za-z0-9\-.]{1,40}")
_FHIR_STRING = re.compile(r"[^\x00-\x08\x0b\x0c\x0e-\x1f]+")
_NS = uuid.uuid5(uuid.NAMESPACE_URL, "urn:pathspan")


@lru_cache(maxsize=1)
def code_table() -> dict[str, Any]:
    """The FHIR code table (``pipeline/resources/fhir_codes.json``), loaded once."""
    return json.loads(CODES_FILE.read_text(encoding="utf-8"))


def fhir_id(report_id: str) -> str:
    """A FHIR id and file stem for a report id: kept when already safe, else cleaned + hashed.

    The hash suffix keeps two ids that clean to the same text apart ("a/b" vs "a:b").
    """
    if _FHIR_ID.fullmatch(report_id) and report_id not in (".", ".."):
        return report_id
    cleaned = re.sub(r"[^A-Za-z0-9\-.]+", "-", report_id)[:31].strip("-.") or "report"
    digest = hashlib.sha256(report_id.encode("utf-8", "surrogatepass")).hexdigest()[:8]
    return f"{cleaned}-{digest}"


# --- building ---------------------------------------------------------------------------


def record_to_bundle(record: ResultRecord, review_status: str = UNREVIEWED, *,
                     timestamp: datetime | None = None, base_id: str | None = None) -> Bundle:
    """The validated FHIR R4 Bundle of one result record."""
    stamp = (timestamp or datetime.now(timezone.utc)).isoformat()
    base = base_id or fhir_id(record.report_id)
    patient = _patient(record, base)
    patient_ref = {"reference": _full_url(base, "Patient")}
    observations: list[dict[str, Any]] = []
    findings = record.findings or Findings()
    for name in FIELDS:
        finding = getattr(findings, name)
        if finding.value is None and not finding.evidence and not finding.needs_review:
            continue  # not stated by the report: no Observation, as FHIR expects
        observations.append(_observation(base, name, finding, patient_ref))
    report = _diagnostic_report(record, base, review_status, patient_ref,
                                [_full_url(base, o["id"]) for o in observations])
    provenance = _provenance(record, base, stamp, [_full_url(base, "DiagnosticReport")]
                             + [_full_url(base, o["id"]) for o in observations])
    entries = [patient, report, *observations, provenance]
    bundle = {
        "resourceType": "Bundle",
        "id": base,
        "identifier": {"system": _local("report_id_system"), "value": record.report_id},
        "type": "collection",
        "timestamp": stamp,
        "entry": [{"fullUrl": _entry_url(base, r), "resource": validate(r).model_dump(mode="json")}
                  for r in entries],
    }
    return validate(bundle)


def validate(resource: dict[str, Any]):
    """Validate one resource dict with its ``fhir.resources`` R4(B) model; returns the model."""
    return RESOURCE_MODELS[resource["resourceType"]].model_validate(resource)


def _patient(record: ResultRecord, base: str) -> dict[str, Any]:
    # mCODE profiles need a subject; the report carries no patient identity, so this is a
    # placeholder the receiving system links to its own patient (documented in docs/export.md).
    return {
        "resourceType": "Patient",
        "id": f"{base}-subject",
        "identifier": [{"system": _local("report_id_system"), "value": record.report_id}],
    }


def _diagnostic_report(record: ResultRecord, base: str, review_status: str,
                       subject: dict[str, str], results: list[str]) -> dict[str, Any]:
    table = code_table()["diagnostic_report"]
    rec = record.recommendation
    if record.status == "failed":
        status = "cancelled"  # "not started or not completed": extraction failed on this input
    else:
        status = "preliminary" if record_needs_review(record) else "final"
    identifiers = [{"system": _local("report_id_system"), "value": record.report_id}]
    if record.text_sha256:
        identifiers.append({"system": _local("text_sha256_system"), "value": record.text_sha256})
    report: dict[str, Any] = {
        "resourceType": "DiagnosticReport",
        "id": base,
        "extension": [
            {"url": _local("review_status_extension"), "valueString": review_status},
            {"url": _local("pipeline_version_extension"), "valueString": record.pipeline_version},
        ],
        "identifier": identifiers,
        "status": status,
        "category": [{"coding": [_coding(table["category"])]}],
        "code": {"coding": [_coding(table["code"])], "text": "Pathology report"},
        "subject": subject,
        "result": [{"reference": url} for url in results],
    }
    if record.error:
        report["conclusion"] = record.error.message
        report["conclusionCode"] = [{"coding": [{"system": _local("error_system"), "code": record.error.code}],
                                     "text": record.error.code}]
    elif rec:
        report["conclusion"] = rec.summary
        report["conclusionCode"] = [{"coding": [{"system": _local("recommendation_system"), "code": rec.code}],
                                     "text": rec.code}]
    return report


def _observation(base: str, name: str, finding, subject: dict[str, str]) -> dict[str, Any]:
    table = code_table()
    entry = table["fields"].get(name, {})
    codings = [_coding(entry["code"])] if "code" in entry else []
    codings.append({"system": _local("field_system"), "code": name})
    obs: dict[str, Any] = {
        "resourceType": "Observation",
        "id": f"{base}-{name.replace('_', '-')}",
        "extension": [_evidence_extension(span) for span in finding.evidence],
        "status": "preliminary" if finding.needs_review else "final",
        "category": [{"coding": [_coding(table["observation_category"])]}],
        "code": {"coding": codings, "text": table["labels"][name]},
        "subject": subject,
    }
    if finding.value is not None and "profile" in entry:
        obs["meta"] = {"profile": [entry["profile"]]}
    if finding.source:
        obs["method"] = {"coding": [{"system": _local("extraction_source_system"), "code": finding.source}],
                         "text": finding.source}
    if not obs["extension"]:
        del obs["extension"]
    if finding.value is None:
        obs["dataAbsentReason"] = {"coding": [{"system": DATA_ABSENT_SYSTEM, "code": "unknown"}]}
    elif name == "tumor_size_mm":
        # mCODE Tumor Size: the greatest dimension is a component, Observation.value is unused.
        obs["component"] = [{"code": {"coding": [_coding(entry["component"])]},
                             "valueQuantity": _quantity(finding.value, entry["unit"])}]
    elif name in COUNT_FIELDS:
        obs["valueInteger"] = int(finding.value)
    elif name in NUMERIC_FIELDS:
        obs["valueQuantity"] = _quantity(finding.value, entry.get("unit"))
    else:
        obs["valueCodeableConcept"] = _value_concept(name, str(finding.value), entry)
    notes = [{"text": reason} for reason in finding.review_reasons if reason.strip()]
    if notes:
        obs["note"] = notes
    return obs


def _provenance(record: ResultRecord, base: str, stamp: str, targets: list[str]) -> dict[str, Any]:
    source: dict[str, Any] = {"display": f"pathology report {record.report_id}"}
    if record.text_sha256:
        source["identifier"] = {"system": _local("text_sha256_system"), "value": record.text_sha256}
    else:
        source["reference"] = targets[0]
    return {
        "resourceType": "Provenance",
        "id": f"{base}-provenance",
        "target": [{"reference": url} for url in targets],
        "recorded": stamp,
        "agent": [{"who": {"display": f"pathspan {record.pipeline_version}"}}],
        "entity": [{"role": "source", "what": source}],
    }


def _value_concept(name: str, value: str, entry: dict[str, Any]) -> dict[str, Any]:
    codings = []
    if value in entry.get("values", {}):
        codings.append(_coding(entry["values"][value]))
    elif "value_system" in entry:
        system = code_table()["systems"][entry["value_system"]]
        codings.append({"system": system, "code": value})
    codings.append({"system": _local("value_system_prefix") + name, "code": value})
    return {"coding": codings, "text": value}


def _evidence_extension(span) -> dict[str, Any]:
    parts: list[dict[str, Any]] = [{"url": "start", "valueInteger": span.start},
                                   {"url": "end", "valueInteger": span.end}]
    if _FHIR_STRING.fullmatch(span.text):
        parts.append({"url": "text", "valueString": span.text})
    else:
        # FHIR strings must be non-empty and hold no control characters except tab/CR/LF
        # (R4 datatypes, "string"); a form feed in a span is carried JSON-escaped instead.
        parts.append({"url": "textJson", "valueString": json.dumps(span.text)})
    return {"url": _local("evidence_extension"), "extension": parts}


def _quantity(value: float, unit: dict[str, str] | None) -> dict[str, Any]:
    q: dict[str, Any] = {"value": value}
    if unit:
        q["unit"] = unit["unit"]
        if "system" in unit:
            q["system"] = code_table()["systems"][unit["system"]]
            q["code"] = unit["code"]
    return q


def _coding(spec: dict[str, str]) -> dict[str, str]:
    return {"system": code_table()["systems"][spec["system"]], "code": spec["code"], "display": spec["display"]}


def _local(key: str) -> str:
    return code_table()["local"][key]


def _full_url(base: str, local_name: str) -> str:
    # Seeded by the bundle's id, which write_bundles keeps unique within one export.
    return f"urn:uuid:{uuid.uuid5(_NS, f'{base}/{local_name}')}"


def _entry_url(base: str, resource: dict[str, Any]) -> str:
    kind = resource["resourceType"]
    local_name = resource["id"] if kind == "Observation" else kind
    return _full_url(base, local_name)


# --- writing ----------------------------------------------------------------------------


def write_bundles(records: Iterable[ResultRecord], dest_dir: Path,
                  review_status: Callable[[str], str] = lambda _rid: UNREVIEWED, *,
                  timestamp: datetime | None = None) -> list[Path]:
    """Write ``DEST_DIR/<fhir id>.json`` per record; returns the paths in record order."""
    dest_dir = Path(dest_dir)
    dest_dir.mkdir(parents=True, exist_ok=True)
    stamp = timestamp or datetime.now(timezone.utc)
    taken: set[str] = set()
    paths = []
    for record in records:
        base = first = fhir_id(record.report_id)
        n = 1
        while base.casefold() in taken:
            # duplicate ids, or ids differing only in case on a case-insensitive disk
            n += 1
            base = f"{first[:31]}-{n}"
        taken.add(base.casefold())
        bundle = record_to_bundle(record, review_status(record.report_id), timestamp=stamp, base_id=base)
        path = dest_dir / f"{base}.json"
        path.write_text(bundle.model_dump_json(indent=2), encoding="utf-8")
        paths.append(path)
    return paths


def export_fhir(out_dir: Path, dest_dir: Path) -> list[Path]:
    """Export the ``results.jsonl`` of a run folder to one Bundle file per report."""
    return write_bundles(iter_results(out_dir), dest_dir, review_status_reader(out_dir))


# --- reading back -----------------------------------------------------------------------


def read_fhir_report(path: Path) -> dict[str, Any]:
    """A bundle read back: report id, status, error, recommendation code, review status and
    ``findings`` (every data-dictionary field: value, evidence, source, review flags)."""
    bundle = Bundle.model_validate_json(Path(path).read_text(encoding="utf-8"))
    resources = [entry.resource.model_dump(mode="json") for entry in bundle.entry or []]
    report = next(r for r in resources if r["resourceType"] == "DiagnosticReport")
    ids = {i["system"]: i["value"] for i in report.get("identifier", [])}
    ext = {e["url"]: e.get("valueString") for e in report.get("extension", [])}
    concl = (report.get("conclusionCode") or [{}])[0].get("coding", [{}])[0]
    failed = report["status"] == "cancelled"
    out: dict[str, Any] = {
        "report_id": ids[_local("report_id_system")],
        "status": "failed" if failed else "ok",
        "text_sha256": ids.get(_local("text_sha256_system")),
        "error": {"code": concl["code"], "message": report["conclusion"]} if failed else None,
        "recommendation_code": None if failed else concl.get("code"),
        "review_status": ext.get(_local("review_status_extension"), UNREVIEWED),
        "pipeline_version": ext.get(_local("pipeline_version_extension")),
        "findings": {name: {"value": None, "evidence": [], "source": None, "needs_review": False,
                            "review_reasons": []} for name in FIELDS},
    }
    for obs in resources:
        if obs["resourceType"] == "Observation":
            name, finding = _read_observation(obs)
            out["findings"][name] = finding
    return out


def read_fhir_bundle(path: Path) -> dict[str, dict[str, Any]]:
    """The findings of a bundle: ``{field: {"value", "evidence", ...}}`` for all 23 fields."""
    return read_fhir_report(path)["findings"]


def _read_observation(obs: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    name = next(c["code"] for c in obs["code"]["coding"] if c["system"] == _local("field_system"))
    if "valueCodeableConcept" in obs:
        system = _local("value_system_prefix") + name
        value: Any = next(c["code"] for c in obs["valueCodeableConcept"]["coding"] if c["system"] == system)
    elif "valueInteger" in obs:
        value = int(obs["valueInteger"])
    elif "valueQuantity" in obs:
        value = float(obs["valueQuantity"]["value"])
    elif obs.get("component"):
        value = float(obs["component"][0]["valueQuantity"]["value"])
    else:
        value = None
    evidence = []
    for ext in obs.get("extension", []):
        if ext["url"] != _local("evidence_extension"):
            continue
        parts = {p["url"]: p.get("valueInteger", p.get("valueString")) for p in ext["extension"]}
        text = parts["text"] if "text" in parts else json.loads(parts["textJson"])
        evidence.append({"start": parts["start"], "end": parts["end"], "text": text})
    method = obs.get("method", {}).get("coding", [{}])[0]
    return name, {
        "value": value,
        "evidence": evidence,
        "source": method.get("code"),
        "needs_review": obs["status"] == "preliminary",
        "review_reasons": [n["text"] for n in obs.get("note", [])],
    }
