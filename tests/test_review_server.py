"""The review page's HTTP surface (no browser): queue, case page, preview, save, token."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient
from test_review_support import TEXT, sample_record

from pipeline.review.render import segments
from pipeline.review.server import create_app, is_loopback, serve
from pipeline.review.store import ReviewStore


@pytest.fixture
def store(tmp_path):
    s = ReviewStore(f"sqlite:///{tmp_path / 'review.sqlite'}")
    s.enqueue([sample_record("S-plain"),
               sample_record("S-flagged", margin_deep=("positive", "Deep margin: negative"))])
    yield s
    s.close()


def case_id(store, report_id):
    return next(c.id for c in store.list_cases() if c.report_id == report_id)


def test_segments_cover_the_text_and_mark_each_span():
    record, text = sample_record()
    segs = segments(text, record.findings)
    assert "".join(s.text for s in segs) == text
    marked = {(s.start, s.end): s.fields for s in segs if s.fields}
    lvi = record.findings.lvi.evidence[0]
    assert marked[(lvi.start, lvi.end)] == ("lvi",)
    # Overlapping spans (deep margin status and distance share no text here) stay separate.
    assert all(text[s.start:s.end] == s.text for s in segs)


def test_segments_of_overlapping_spans_name_both_fields():
    record, text = sample_record(margin_deep_mm=(1.5, "Deep margin: negative, clear by 1.5 mm"))
    both = [s for s in segments(text, record.findings) if len(s.fields) == 2]
    assert both and both[0].text == "Deep margin: negative"
    assert set(both[0].fields) == {"margin_deep", "margin_deep_mm"}


def test_queue_lists_flagged_first_and_filters(store):
    client = TestClient(create_app(store))
    page = client.get("/").text
    assert page.index("S-flagged") < page.index("S-plain")
    filtered = client.get("/", params={"needs_review": "no"}).text
    assert "S-plain" in filtered and "S-flagged" not in filtered
    assert "S-plain" not in client.get("/", params={"code": "repeat_local_excision"}).text


def test_case_page_highlights_every_evidence_span_and_escapes_text(store, tmp_path):
    client = TestClient(create_app(store))
    html = client.get(f"/case/{case_id(store, 'S-plain')}").text
    record = store.get_case(case_id(store, "S-plain")).record
    for name in record.findings.field_names():
        for sp in getattr(record.findings, name).evidence:
            assert f'id="s-{sp.start}" data-start="{sp.start}"' in html, name
    assert 'id="f-lvi"' in html and "no_further_treatment" in html
    # Report text is data: markup in it is shown, not run; a CR survives as a reference.
    evil, _ = sample_record("S-evil", text=TEXT + "<script>alert(1)</script>\r\n")
    store.enqueue([(evil, TEXT + "<script>alert(1)</script>\r\n")])
    html = client.get(f"/case/{case_id(store, 'S-evil')}").text
    assert "<script>alert(1)" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;&#13;\n" in html


def test_preview_then_save_then_conflict(store):
    client = TestClient(create_app(store))
    cid = case_id(store, "S-plain")
    body = {"corrections": [{"field": "margin_deep", "value": "positive"}]}
    preview = client.post(f"/api/case/{cid}/preview", json=body).json()
    assert preview["record"]["recommendation"]["code"] == "repeat_local_excision"
    assert "repeat_local_excision" in preview["html"]["recommendation"]
    assert store.get_case(cid).version == 1  # preview saves nothing
    saved = client.post(f"/api/case/{cid}/save", json={**body, "reviewer": "Dr A", "base_version": 1})
    assert saved.status_code == 200 and saved.json()["version"] == 2
    stale = client.post(f"/api/case/{cid}/save", json={
        "reviewer": "Dr B", "base_version": 1,
        "corrections": [{"field": "margin_deep", "value": "negative"}]})
    assert stale.status_code == 409 and stale.json()["fields"] == ["margin_deep"]
    bad = client.post(f"/api/case/{cid}/preview", json={"corrections": [{"field": "lvi", "value": "maybe"}]})
    assert bad.status_code == 422 and "lvi" in bad.json()["detail"]
    assert client.post(f"/api/case/{cid}/save", json={"reviewer": "", "base_version": 2}).status_code == 422
    audit = client.get(f"/case/{cid}").text
    assert re.search(r"Dr A</td>\s*<td>correct</td>", audit)


def test_token_is_required_on_every_request_when_set(store):
    client = TestClient(create_app(store, token="s3cret"))
    assert client.get("/").status_code == 401
    assert client.get("/", headers={"Authorization": "Bearer wrong"}).status_code == 401
    assert client.get("/api/cases", headers={"Authorization": "Bearer s3cret"}).status_code == 200
    assert client.post("/api/case/1/save", json={"reviewer": "x", "base_version": 1}).status_code == 401
    first = client.get("/", params={"token": "s3cret"})
    assert first.status_code == 200
    assert client.get("/static/review.js").status_code == 200  # the cookie now carries it


def test_non_loopback_host_needs_a_token(store):
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("10.1.2.3")
    with pytest.raises(ValueError, match="--token"):
        serve(store, host="0.0.0.0", port=0)


def test_loopback_server_answers_only_loopback_host_names(store):
    from pipeline.review.server import LOOPBACK_NAMES

    app = create_app(store, allowed_hosts=LOOPBACK_NAMES)
    assert TestClient(app, base_url="http://127.0.0.1:8765").get("/").status_code == 200
    assert TestClient(app, base_url="http://localhost:8765").get("/").status_code == 200
    # A rebinding page at its own name pointing at 127.0.0.1 is refused.
    assert TestClient(app, base_url="http://attacker.example:8765").get("/api/cases").status_code == 400


def test_a_failed_record_can_be_accepted_but_not_corrected(store):
    from pipeline.models import ErrorInfo, ResultRecord

    failed = ResultRecord(report_id="S-failed", status="failed",
                          error=ErrorInfo(code="binary_input", message="binary"))
    store.enqueue([(failed, None)])
    cid = case_id(store, "S-failed")
    client = TestClient(create_app(store))
    page = client.get(f"/case/{cid}").text
    assert "binary_input" in page and "not stored" in page
    bad = client.post(f"/api/case/{cid}/save", json={"reviewer": "Dr A", "base_version": 1,
                                                     "corrections": [{"field": "lvi", "value": "absent"}]})
    assert bad.status_code == 422 and "failed processing" in bad.json()["detail"]
    ok = client.post(f"/api/case/{cid}/save", json={"reviewer": "Dr A", "base_version": 1})
    assert ok.status_code == 200 and ok.json()["action"] == "accept"
