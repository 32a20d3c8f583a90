"""Ingest: every kind of bad input becomes an item with a stable error code, lazily, in order."""

from __future__ import annotations

import json
import pickle

import pytest

from pipeline.errors import ErrorCode, PathspanError, UsageError
from pipeline.ingest import count_inputs, decode_bytes, iter_inputs, read_file

REPORT = "FINAL DIAGNOSIS: Rectum, ESD: well-differentiated neuroendocrine tumour, 6 mm.\n"


def _codes(items):
    return [(it.report_id, it.error.code if it.error else None) for it in items]


@pytest.mark.parametrize(
    "data, code",
    [
        (b"", ErrorCode.EMPTY),
        (b"  \n\t\n", ErrorCode.EMPTY),
        (b"%PDF-1.4\x00\x01\x02binary", ErrorCode.BINARY),
        (b"\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f\x10\x11\x12\x13x", ErrorCode.BINARY),
        # 0x81 is neither UTF-8 here nor defined in cp1252.
        (b"Ki-67 \x81 2%", ErrorCode.UNDECODABLE),
    ],
)
def test_bad_bytes_fail_with_stable_code(data, code):
    with pytest.raises(PathspanError) as exc:
        decode_bytes(data)
    assert exc.value.code == code
    assert exc.value.message


def test_cp1252_is_decoded_with_legacy_fallback(tmp_path):
    path = tmp_path / "legacy.txt"
    path.write_bytes("Tumour 6 mm; caf\u00e9 \u2013 margins free.".encode("cp1252"))
    item = read_file(path)
    assert item.error is None
    assert item.report.encoding == "cp1252"
    assert item.report.text == "Tumour 6 mm; caf\u00e9 \u2013 margins free."


def test_utf8_bom_is_dropped_so_spans_index_the_text(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + REPORT.encode("utf-8"))
    item = read_file(path)
    assert item.report.encoding == "utf-8-sig"
    assert item.report.text == REPORT
    assert item.report.text.index("Rectum") == REPORT.index("Rectum")


def test_oversize_file_fails_without_being_read(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text(REPORT * 10)
    item = read_file(path, max_bytes=100)
    assert item.error.code == ErrorCode.OVERSIZE
    assert "100 bytes" in item.error.message
    assert read_file(path, max_bytes=10_000).error is None


def test_folder_is_recursive_txt_only_in_name_order(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "a.txt").write_text(REPORT)
    (tmp_path / "b" / "c.txt").write_text(REPORT)
    (tmp_path / "b" / "a.txt").write_text(REPORT)
    (tmp_path / "c.txt").write_text(REPORT)
    (tmp_path / "notes.md").write_text(REPORT)
    sources = [it.source for it in iter_inputs(tmp_path)]
    assert sources == [str(tmp_path / p) for p in ("a.txt", "b/a.txt", "b/c.txt", "c.txt")]
    assert count_inputs(tmp_path) == 4


def test_jsonl_bad_lines_are_failed_items_and_the_rest_goes_on(tmp_path):
    path = tmp_path / "archive.jsonl"
    lines = [
        json.dumps({"id": "r1", "text": REPORT}).encode(),
        b"{this is not json",
        json.dumps({"id": "r3"}).encode(),
        b"",
        json.dumps({"id": "r5", "text": "caf\u00e9 report"}, ensure_ascii=False).encode("cp1252"),
        json.dumps({"id": "r6", "text": ""}).encode(),
        json.dumps(["a", "list"]).encode(),
        json.dumps({"id": "r8", "text": REPORT}).encode(),
    ]
    path.write_bytes(b"\n".join(lines) + b"\n")
    items = list(iter_inputs(path))
    assert _codes(items) == [
        ("r1", None),
        ("archive:2", ErrorCode.BAD_ROW),
        ("r3", ErrorCode.BAD_ROW),
        ("r5", None),
        ("r6", ErrorCode.EMPTY),
        ("archive:7", ErrorCode.BAD_ROW),
        ("r8", None),
    ]
    assert items[3].report.text == "caf\u00e9 report"
    assert items[1].source == f"{path}:2"
    assert count_inputs(path) == 7


def test_csv_count_matches_the_rows_read_with_multiline_cells_and_blank_lines(tmp_path):
    """A CSV archive is counted up front too, so a long run shows an ETA."""
    path = tmp_path / "archive.csv"
    path.write_bytes(
        b'id,text\r\nr1,"line one\r\nline two, with a comma"\r\n\r\n'
        b'r2,"He said ""x""\n\n and went on"\r\nr3,\r\nr4,caf\xe9\r\n'
    )
    items = list(iter_inputs(path))
    assert [it.report_id for it in items] == ["r1", "r2", "r3", "r4"]
    assert count_inputs(path) == len(items) == 4
    (tmp_path / "empty.csv").write_text("id,text\n")
    assert count_inputs(tmp_path / "empty.csv") == 0


def test_csv_missing_text_column_is_a_usage_error(tmp_path):
    path = tmp_path / "archive.csv"
    path.write_text("id,body\nr1,hello\n")
    with pytest.raises(UsageError, match="text") as exc:
        list(iter_inputs(path))
    assert "--text-column" in str(exc.value)
    items = list(iter_inputs(path, text_column="body"))
    assert items[0].report.text == "hello"


def test_csv_bad_bytes_fail_their_row_only(tmp_path):
    path = tmp_path / "archive.csv"
    path.write_bytes(b'id,text\nr1,"caf\xe9 report"\nr2,"bad \x81 byte"\nr3,""\n')
    items = list(iter_inputs(path))
    assert _codes(items) == [("r1", None), ("r2", ErrorCode.UNDECODABLE), ("r3", ErrorCode.EMPTY)]
    assert items[0].report.text == "caf\u00e9 report"


def test_missing_input_is_a_usage_error(tmp_path):
    with pytest.raises(UsageError):
        list(iter_inputs(tmp_path / "nope"))


def test_errors_pickle_for_worker_processes():
    err = PathspanError(ErrorCode.OVERSIZE, limit=5)
    back = pickle.loads(pickle.dumps(err))
    assert (back.code, back.message, str(back)) == (err.code, err.message, str(err))
