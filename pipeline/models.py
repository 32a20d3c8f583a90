"""The output contract of ``../shared/data-dictionary.md`` as pydantic v2 models.

These models are the source of truth for every stage: the NLP stage fills ``Findings``,
the decision module reads ``Findings`` and writes ``Recommendation`` and ``Check`` entries,
and the batch writer serialises ``ResultRecord``. Field names and codes are a contract with
registry mappings downstream: add fields, never rename them.
"""

from __future__ import annotations

import hashlib
from typing import Annotated, Any, Generic, Literal, Optional, TypeVar, Union

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

PIPELINE_VERSION = "0.1.0"

# --- vocabularies (data dictionary, "Findings fields and their values") -------------------

Histology = Literal[
    "neuroendocrine_tumor",
    "neuroendocrine_carcinoma",
    "neuroendocrine_neoplasm",
    "adenocarcinoma",
    "adenoma",
    "other",
]
Site = Literal["rectum", "colon", "appendix", "small_intestine", "stomach", "other"]
Procedure = Literal[
    "esd", "emr", "polypectomy", "eftr", "local_excision", "radical_resection", "biopsy", "other"
]
Depth = Literal[
    "mucosa", "submucosa", "muscularis_propria", "subserosa", "serosa", "adjacent_organ"
]
# pT as stated by the report; y/r prefixes kept (AJCC 8th).
PT = Annotated[str, StringConstraints(pattern=r"^(y|r|yr)?pT(0|is|1|1a|1b|2|3|4|4a|4b|X)$")]
# pN, y prefix kept. pN1c/pN2a/pN2b are AJCC 8th colorectal subcategories (added, not renamed).
PN = Annotated[str, StringConstraints(pattern=r"^y?pN(0|1|1a|1b|1c|2|2a|2b|X)$")]
MarginStatus = Literal["positive", "close", "negative", "indeterminate"]
Presence = Literal["present", "absent", "indeterminate"]
Grade = Literal["G1", "G2", "G3"]
Budding = Literal["BD1", "BD2", "BD3"]
Resection = Literal["en_bloc", "piecemeal"]
NonNegative = Annotated[float, Field(ge=0)]
Count = Annotated[int, Field(ge=0)]

Source = Literal["rules", "llm", "rules+llm"]

V = TypeVar("V")


class Span(BaseModel):
    """A half-open character interval of the decoded report text, with the text it covers.

    ``text[start:end] == span.text`` always holds for the report the span belongs to.
    """

    model_config = ConfigDict(frozen=True)

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str

    @model_validator(mode="after")
    def _ordered(self) -> "Span":
        if self.end < self.start:
            raise ValueError(f"span end {self.end} is before start {self.start}")
        if len(self.text) != self.end - self.start:
            raise ValueError("span text length does not match end - start")
        return self

    @classmethod
    def of(cls, text: str, start: int, end: int) -> "Span":
        """The span ``[start, end)`` of ``text``."""
        return cls(start=start, end=end, text=text[start:end])

    def holds_in(self, text: str) -> bool:
        """True when this span points at its own text inside ``text``."""
        return text[self.start : self.end] == self.text


class Finding(BaseModel, Generic[V]):
    """One field of the findings: its value, the spans that prove it, and review state."""

    value: Optional[V] = None
    evidence: list[Span] = Field(default_factory=list)
    source: Optional[Source] = None
    needs_review: bool = False
    review_reasons: list[str] = Field(default_factory=list)
    # Where rules and LLM disagree, the rule value stands and the LLM's is kept here for review.
    alternatives: list[dict[str, Any]] = Field(default_factory=list)

    @model_validator(mode="after")
    def _proven(self) -> "Finding[V]":
        if self.value is not None and not self.evidence:
            raise ValueError("a finding with a value needs at least one evidence span")
        return self


class Findings(BaseModel):
    """Every field of the data dictionary; a field the report does not state has value null."""

    histology: Finding[Histology] = Field(default_factory=Finding)
    site: Finding[Site] = Field(default_factory=Finding)
    procedure: Finding[Procedure] = Field(default_factory=Finding)
    tumor_size_mm: Finding[NonNegative] = Field(default_factory=Finding)
    depth: Finding[Depth] = Field(default_factory=Finding)
    pt: Finding[PT] = Field(default_factory=Finding)
    pn: Finding[PN] = Field(default_factory=Finding)
    margin_lateral: Finding[MarginStatus] = Field(default_factory=Finding)
    margin_deep: Finding[MarginStatus] = Field(default_factory=Finding)
    margin_radial: Finding[MarginStatus] = Field(default_factory=Finding)
    margin_lateral_mm: Finding[NonNegative] = Field(default_factory=Finding)
    margin_deep_mm: Finding[NonNegative] = Field(default_factory=Finding)
    margin_radial_mm: Finding[NonNegative] = Field(default_factory=Finding)
    lvi: Finding[Presence] = Field(default_factory=Finding)
    pni: Finding[Presence] = Field(default_factory=Finding)
    ki67_percent: Finding[NonNegative] = Field(default_factory=Finding)
    mitoses_per_2mm2: Finding[NonNegative] = Field(default_factory=Finding)
    grade: Finding[Grade] = Field(default_factory=Finding)
    sm_invasion_um: Finding[NonNegative] = Field(default_factory=Finding)
    tumor_budding: Finding[Budding] = Field(default_factory=Finding)
    resection: Finding[Resection] = Field(default_factory=Finding)
    lymph_nodes_positive: Finding[Count] = Field(default_factory=Finding)
    lymph_nodes_examined: Finding[Count] = Field(default_factory=Finding)

    @classmethod
    def field_names(cls) -> list[str]:
        """The data-dictionary field names, in contract order."""
        return list(cls.model_fields)

    def value(self, name: str) -> Any:
        """The value of field ``name`` (None when the report does not state it)."""
        return getattr(self, name).value

    def evidence(self, *names: str) -> list[Span]:
        """All evidence spans of the named fields, in field order, without repeats."""
        seen: dict[tuple[int, int], Span] = {}
        for name in names:
            for span in getattr(self, name).evidence:
                seen.setdefault((span.start, span.end), span)
        return list(seen.values())


NUMERIC_FIELDS = frozenset(
    name
    for name, info in Findings.model_fields.items()
    if info.annotation in (Finding[NonNegative], Finding[Count])
)


# --- decision output ----------------------------------------------------------------------

RecommendationCode = Literal[
    "no_further_treatment",
    "surveillance",
    "repeat_local_excision",
    "radical_surgery",
    "staging_workup",
    "oncology_referral",
    "mdt_review",
    "insufficient_data",
    "not_applicable",
]


class Check(BaseModel):
    """A derived value or consistency check computed by the decision module."""

    code: str
    message: str
    evidence: list[Span] = Field(default_factory=list)
    # "pass" / "fail" for consistency checks, "info" for a derived value.
    status: Literal["pass", "fail", "info"] = "info"
    derived: Optional[Union[str, float]] = None


class Reason(BaseModel):
    text: str
    evidence: list[Span] = Field(default_factory=list)
    fields: list[str] = Field(default_factory=list)


class Alternative(BaseModel):
    code: RecommendationCode
    why_not: str


class Recommendation(BaseModel):
    code: RecommendationCode
    summary: str
    rule_id: Optional[str] = None
    rule_version: Optional[str] = None
    guideline: list[str] = Field(default_factory=list)
    reasons: list[Reason] = Field(default_factory=list)
    alternatives: list[Alternative] = Field(default_factory=list)
    follow_up: list[str] = Field(default_factory=list)
    needs_review: bool = False
    review_reasons: list[str] = Field(default_factory=list)
    # Every rule whose condition held, in evaluation order; rule_id names the deciding one.
    matched_rules: list[str] = Field(default_factory=list)


class PatientContext(BaseModel):
    """Optional structured patient facts next to a report; they never change the indication."""

    report_id: Optional[str] = None
    age: Optional[int] = Field(default=None, ge=0, le=130)
    performance_status: Optional[int] = Field(default=None, ge=0, le=4)  # ECOG
    comorbidities: list[str] = Field(default_factory=list)
    preference: Optional[str] = None


# --- records ------------------------------------------------------------------------------


class ErrorInfo(BaseModel):
    code: str
    message: str


class RejectedClaim(BaseModel):
    """An LLM claim that could not be grounded or that its quote does not support."""

    field: str
    value: Any = None
    quote: Optional[str] = None
    reason: str


class LlmInfo(BaseModel):
    """What the optional LLM stage did for one report."""

    model: str
    prompt_version: str
    status: Literal["ok", "cached", "failed", "skipped"]
    error: Optional[str] = None
    rejected_claims: list[RejectedClaim] = Field(default_factory=list)


class Report(BaseModel):
    """One input report as ingested: its id, its decoded text and where it came from."""

    report_id: str
    text: str
    source: Optional[str] = None
    encoding: Optional[str] = None

    @property
    def text_sha256(self) -> str:
        return sha256_text(self.text)


class ResultRecord(BaseModel):
    """One line of ``results.jsonl``."""

    report_id: str
    status: Literal["ok", "failed"]
    error: Optional[ErrorInfo] = None
    text_sha256: Optional[str] = None
    findings: Optional[Findings] = None
    checks: list[Check] = Field(default_factory=list)
    recommendation: Optional[Recommendation] = None
    pipeline_version: str = PIPELINE_VERSION
    source: Optional[str] = None
    llm: Optional[LlmInfo] = None
    # The patient context the decision saw, so a recomputation (review correction, LLM
    # reconciliation) gives the same review reasons without the side file.
    context: Optional[PatientContext] = None

    def to_json(self) -> str:
        """One compact JSON line, byte-stable for the same record."""
        return self.model_dump_json()


def sha256_text(text: str) -> str:
    """The sha256 of the UTF-8 encoding of the decoded text the spans index into."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
