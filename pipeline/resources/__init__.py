"""Rule data files (JSON) of the NLP stage: target, ConText, section and value rules.

Everything a pathologist may want to read or change lives here as data, not code
(docs/extraction.md says how to add a rule).
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

RESOURCE_DIR = Path(__file__).resolve().parent
RESOURCE_FILES = ("target_rules.json", "context_rules.json", "section_rules.json", "value_rules.json")


def resource_path(name: str) -> Path:
    """The path of resource file ``name`` inside this package."""
    return RESOURCE_DIR / name


@lru_cache(maxsize=None)
def load_resource(name: str) -> Any:
    """The parsed JSON of resource file ``name`` (cached; treat it as read-only)."""
    with open(resource_path(name), encoding="utf-8") as fh:
        return json.load(fh)
