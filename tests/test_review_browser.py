"""The review page in headless Debian chromium, driven by Playwright (no browser download).

A reviewer opens a case, sees the evidence highlighted, corrects the deep margin by selecting
its text in the report, sees the recommendation change in the preview, saves, and finds the
audit row. The server runs on 127.0.0.1 on a free port in a thread.
"""

from __future__ import annotations

import socket
import threading
import time

import pytest
from test_review_support import CHROMIUM, CHROMIUM_ARGS, TEXT, require_chromium, sample_record

from pipeline.decide import decide
from pipeline.review.server import LOOPBACK_NAMES, create_app
from pipeline.review.store import ReviewStore

pytestmark = pytest.mark.browser


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def server(tmp_path):
    import uvicorn

    store = ReviewStore(f"sqlite:///{tmp_path / 'review.sqlite'}")
    store.enqueue([sample_record("S26-0001")])
    port = free_port()
    app = create_app(store, allowed_hosts=LOOPBACK_NAMES)  # as `pathspan review serve` does
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the review server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}", store
    srv.should_exit = True
    thread.join(10)
    store.close()


@pytest.fixture
def page():
    require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        try:
            yield browser.new_page()
        finally:
            browser.close()


def select_text(page, quote: str) -> None:
    """Select ``quote`` in the report with the mouse-free DOM API, as a drag would."""
    page.evaluate(
        """(quote) => {
            const pre = document.getElementById('report-text');
            const walker = document.createTreeWalker(pre, NodeFilter.SHOW_TEXT);
            const nodes = []; let node; let all = '';
            while ((node = walker.nextNode())) { nodes.push([node, all.length]); all += node.data; }
            const at = all.indexOf(quote);
            const locate = (pos) => { for (const [n, off] of nodes) {
                if (pos <= off + n.data.length) return [n, pos - off]; } };
            const [sn, so] = locate(at); const [en, eo] = locate(at + quote.length);
            const range = document.createRange(); range.setStart(sn, so); range.setEnd(en, eo);
            const sel = window.getSelection(); sel.removeAllRanges(); sel.addRange(range);
        }""",
        quote,
    )


def test_reviewer_corrects_a_margin_and_sees_the_decision_change(server, page):
    base, store = server
    page.goto(base + "/")
    page.click("text=S26-0001")
    page.wait_for_selector("#report-text")

    # Every evidence span is highlighted, and each names its finding.
    record = store.get_case(1).record
    spans = {(sp.start, sp.end) for n in record.findings.field_names()
             for sp in getattr(record.findings, n).evidence}
    marks = page.eval_on_selector_all(
        "mark.ev", "els => els.map(e => [+e.dataset.start, +e.dataset.end, e.dataset.fields, e.textContent])")
    assert {(s, e) for s, e, _, _ in marks} == spans
    assert all(TEXT[s:e] == t for s, e, _, t in marks)
    lvi_mark = next(m for m in marks if m[2] == "lvi")
    assert lvi_mark[3] == "Lymphovascular invasion: not identified"
    assert page.inner_text("#rec-code") == "no_further_treatment"

    # Clicking a highlight leads to its finding row.
    page.click(f"mark#s-{lvi_mark[0]}")
    assert "flash" in page.get_attribute("#f-lvi", "class")

    # Correct the deep margin: pick the field and value, select the evidence in the report.
    page.fill("#reviewer", "Dr Tanaka")
    page.select_option("#corr-field", "margin_deep")
    page.fill("#corr-value", "positive")
    select_text(page, "Deep margin: negative")
    page.click("#use-selection")
    assert "Deep margin: negative" in page.inner_text("#corr-evidence")
    page.click("#add-correction")

    # The preview shows the recomputed decision before anything is saved.
    corrected = record.findings.model_copy(deep=True)
    corrected.margin_deep.value = "positive"
    expected = decide(corrected)[1].code
    assert expected != "no_further_treatment"
    page.wait_for_function(f"document.getElementById('rec-code').textContent === '{expected}'")
    assert f"no_further_treatment → {expected}" in page.inner_text("#preview-banner")
    assert page.inner_text("#f-margin_deep .value") == "positive"
    assert store.get_case(1).version == 1

    page.click("#save")
    page.wait_for_selector("tr.audit-row.action-correct")
    row = page.inner_text("tr.audit-row.action-correct")
    assert "Dr Tanaka" in row and "margin_deep: negative → positive" in row
    assert f"recommendation: no_further_treatment → {expected}" in row
    assert page.inner_text("#rec-code") == expected
    assert page.inner_text("#case-status") == "corrected"

    saved = store.get_case(1)
    assert saved.version == 2 and saved.record.findings.margin_deep.value == "positive"
    start = TEXT.index("Deep margin: negative")
    assert [(s.start, s.end) for s in saved.record.findings.margin_deep.evidence] == \
        [(start, start + len("Deep margin: negative"))]


def test_a_stale_save_shows_the_conflict_instead_of_losing_a_change(server, page):
    base, store = server
    page.goto(base + "/case/1")
    page.fill("#reviewer", "Dr B")
    # Someone else saves the same field after this page was opened.
    from pipeline.review.corrections import Correction
    store.save(1, reviewer="Dr A", base_version=1,
               corrections=[Correction(field="margin_deep", value="indeterminate")])
    page.select_option("#corr-field", "margin_deep")
    page.fill("#corr-value", "positive")
    page.click("#add-correction")
    page.wait_for_selector("#preview-banner:not([hidden])")
    page.click("#save")
    page.wait_for_selector("#message.error")
    assert "changed since you opened it" in page.inner_text("#message")
    assert store.get_case(1).record.findings.margin_deep.value == "indeterminate"
