"""Record the rule extractor's current per-field F1 on each gold split as regression floors.

    .venv/bin/python gold_reports/tools/floors.py      # rewrites gold_reports/floors.json

Run it only after an honest improvement (rules tuned on train, never on test): the floors are
what `tests/test_gold_floor.py` holds the extractor to, so lowering one needs a reason in the
commit message.
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from pipeline.evaluate import evaluate, load_gold  # noqa: E402  (path set above)
from pipeline.extract import extract_findings  # noqa: E402

FLOORS = ROOT / "gold_reports" / "floors.json"


def measure(split: str) -> dict[str, float]:
    """Per-field F1 (rounded down to 3 places) of the rule extractor on ``split``."""
    report = evaluate(load_gold(ROOT / "gold_reports", split), extract_findings)
    floors = {name: math.floor(s.f1 * 1000) / 1000 for name, s in report.fields.items() if s.support}
    floors["ALL"] = math.floor(report.overall.f1 * 1000) / 1000
    return floors


def main() -> int:
    data = {"_how": __doc__.strip().splitlines()[0], **{split: measure(split) for split in ("train", "test")}}
    FLOORS.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {FLOORS}: test ALL F1 floor {data['test']['ALL']}, train {data['train']['ALL']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
