"""Versioned prompt files (``prompts/``) -> the chat messages of one extraction call.

A prompt version is a template (``## system`` / ``## user`` sections with ``{fields}`` and
``{report}`` placeholders) plus frozen few-shot examples from the gold train split, registered
in ``prompts/manifest.json``. The field vocabulary is generated from the pydantic ``Findings``
model so the prompt can never offer a code the contract does not have.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Optional

from .models import Findings

#: ``PATHSPAN_PROMPTS_DIR`` points an installed pipeline at a prompts folder of its own.
PROMPTS_DIR = Path(os.environ.get("PATHSPAN_PROMPTS_DIR")
                   or Path(__file__).resolve().parents[1] / "prompts")

# Units are part of the contract (data dictionary), so the prompt states them per field.
_UNITS = {
    "tumor_size_mm": "millimetres", "margin_lateral_mm": "millimetres",
    "margin_deep_mm": "millimetres", "margin_radial_mm": "millimetres",
    "ki67_percent": "percent", "mitoses_per_2mm2": "mitoses per 2 mm²",
    "sm_invasion_um": "micrometres", "lymph_nodes_positive": "count",
    "lymph_nodes_examined": "count",
}


@dataclass(frozen=True)
class Prompt:
    """One prompt version, ready to render messages for a report."""

    version: str
    system: str
    user: str
    examples: tuple[dict, ...]

    @property
    def fingerprint(self) -> str:
        """sha256 of everything sent besides the report: an edited file never hits old cache."""
        blob = json.dumps([self.version, self.system, self.user, list(self.examples)],
                          sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(blob.encode("utf-8")).hexdigest()

    def render_user(self, report: str) -> str:
        """The user turn for ``report`` (plain replacement: reports contain braces)."""
        return self.user.replace("{report}", report)

    def messages(self, report: str) -> list[tuple[str, str]]:
        """``(role, content)`` turns: system, few-shot user/assistant pairs, then the report."""
        turns = [("system", self.system)]
        for ex in self.examples:
            turns.append(("user", self.render_user(ex["report"])))
            turns.append(("assistant", json.dumps(ex["answer"], ensure_ascii=False)))
        turns.append(("user", self.render_user(report)))
        return turns


def field_vocabulary() -> str:
    """One line per data-dictionary field with its codes or unit, from the ``Findings`` schema."""
    schema = Findings.model_json_schema()
    lines = []
    for name, prop in schema["properties"].items():
        ref = prop["$ref"].rsplit("/", 1)[-1]
        value = schema["$defs"][ref]["properties"]["value"]
        kinds = [k for k in value.get("anyOf", [value]) if k.get("type") != "null"]
        kind = kinds[0] if kinds else {}
        if "enum" in kind:
            allowed = " | ".join(kind["enum"])
        elif "pattern" in kind:
            allowed = f"code as written, e.g. {_pattern_example(name)}"
        elif kind.get("type") in ("number", "integer"):
            allowed = f"{kind['type']} ({_UNITS.get(name, 'number')})"
        else:
            allowed = kind.get("type", "text")
        lines.append(f"- {name}: {allowed}")
    return "\n".join(lines)


def _pattern_example(name: str) -> str:
    return "pT1a, pT2, ypT3, pTX" if name == "pt" else "pN0, pN1a, ypN0, pNX"


def _sections(markdown: str) -> dict[str, str]:
    """``## name`` sections of a template; text before the first heading is a maintainer note."""
    parts = re.split(r"^## +(\w+)[ \t]*$", markdown, flags=re.MULTILINE)
    return {parts[i].lower(): parts[i + 1].strip() for i in range(1, len(parts) - 1, 2)}


@lru_cache(maxsize=None)
def load_prompt(version: Optional[str] = None, directory: Optional[Path] = None) -> Prompt:
    """The prompt ``version`` (the manifest's ``current`` when None) from ``directory``."""
    directory = Path(directory or PROMPTS_DIR)
    manifest = json.loads((directory / "manifest.json").read_text(encoding="utf-8"))
    version = version or manifest["current"]
    entry = manifest["prompts"][version]
    sections = _sections((directory / entry["template"]).read_text(encoding="utf-8"))
    examples: list[dict] = []
    if entry.get("examples") and (directory / entry["examples"]).exists():
        examples = json.loads((directory / entry["examples"]).read_text(encoding="utf-8"))
    return Prompt(
        version=version,
        system=sections["system"].replace("{fields}", field_vocabulary()),
        user=sections["user"],
        examples=tuple(examples),
    )
