"""LLM-stage concurrency: N reports against the loopback scripted model with a fixed delay per
call; prints the elapsed time next to the ideal N * delay / concurrency.

    .venv/bin/python benchmarks/llm_concurrency.py [--reports 200] [--delay 1.0] [--concurrency 20]

The real LangChain ChatOpenAI client is used (tests/llm_server.py serves /v1/chat/completions on
127.0.0.1), so the number covers client overhead, grounding, reconciliation and the decision.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from llm_server import Reply, ScriptedLlm  # noqa: E402  (paths set above)
from pipeline.llm import enrich_records  # noqa: E402
from pipeline.models import Report  # noqa: E402
from pipeline.process import process_report  # noqa: E402

TEXT = """Rectum, ESD.
Well-differentiated neuroendocrine tumour, 7 mm, confined to the submucosa.
Ki-67 labelling index 1.5%. Mitoses: 1 per 2 mm2.
Lymphovascular invasion: not identified.
Lateral and deep margins free.
pT1a.
"""
ANSWER = [
    {"field": "lvi", "value": "absent", "quote": "Lymphovascular invasion: not identified"},
    {"field": "ki67_percent", "value": 1.5, "quote": "Ki-67 labelling index 1.5%"},
    {"field": "tumor_size_mm", "value": 7, "quote": "7 mm"},
]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--reports", type=int, default=200)
    ap.add_argument("--delay", type=float, default=1.0)
    ap.add_argument("--concurrency", type=int, default=20)
    args = ap.parse_args()

    server = ScriptedLlm(default=Reply(findings=ANSWER, delay=args.delay)).start()
    os.environ.update(OPENAI_BASE_URL=server.base_url, OPENAI_API_KEY="loopback",
                      NO_PROXY="127.0.0.1,localhost")
    template = process_report(Report(report_id="r", text=TEXT))
    items = [(Report(report_id=f"r{i:04d}", text=TEXT),
              template.model_copy(update={"report_id": f"r{i:04d}"}), None)
             for i in range(args.reports)]
    # Import the client stack before the clock starts: it is a one-off cost per process (~2 s).
    import langchain_openai  # noqa: F401

    start = time.perf_counter()
    out = list(enrich_records(items, model="openai:gpt-4o-mini", concurrency=args.concurrency,
                              timeout=args.delay + 30))
    elapsed = time.perf_counter() - start
    server.stop()
    ideal = max(args.reports * args.delay / args.concurrency, 1e-9)
    ok = sum(r.llm is not None and r.llm.status == "ok" for r in out)
    print(f"{args.reports} reports, {args.delay:g} s per call, concurrency {args.concurrency}: "
          f"{elapsed:.2f} s elapsed (ideal {ideal:.2f} s, ratio {elapsed / ideal:.2f}); "
          f"{ok} ok; server saw {server.count} calls, at most {server.max_in_flight} at once")


if __name__ == "__main__":
    main()
