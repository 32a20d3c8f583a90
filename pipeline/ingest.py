"""Read reports from a file, a folder of ``*.txt`` files, or a CSV/JSONL archive, lazily.

Bytes are decoded as UTF-8 (a BOM is dropped) and then, failing that, as a legacy single-byte
encoding; spans index the decoded text exactly as stored, and nothing is normalised.
"""

from __future__ import annotations

import codecs
import csv
import json
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .errors import ErrorCode, PathspanError, UsageError
from .models import Report

LEGACY_ENCODING = "cp1252"
DEFAULT_MAX_BYTES = 1_000_000


@dataclass
class Item:
    """One input: either a decoded report or the error that stopped it being one."""

    report_id: str
    source: str
    report: Report | None = None
    error: PathspanError | None = None


def decode_bytes(data: bytes, *, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[str, str]:
    """Decode report bytes; returns ``(text, encoding)`` or raises ``PathspanError``."""
    if len(data) > max_bytes:
        raise PathspanError(ErrorCode.OVERSIZE, limit=max_bytes)
    if b"\x00" in data:
        raise PathspanError(ErrorCode.BINARY)
    text, encoding = _decode(data)
    return check_text(text), encoding


def _decode(data: bytes) -> tuple[str, str]:
    """UTF-8 (BOM dropped), else the legacy encoding; raises ``PathspanError`` when neither fits."""
    try:
        if data.startswith(b"\xef\xbb\xbf"):
            text, encoding = data[3:].decode("utf-8"), "utf-8-sig"
        else:
            text, encoding = data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        try:
            text, encoding = data.decode(LEGACY_ENCODING), LEGACY_ENCODING
        except UnicodeDecodeError as exc:
            raise PathspanError(ErrorCode.UNDECODABLE) from exc
    return text, encoding


def check_text(text: str) -> str:
    """Reject text that is empty or mostly control characters; returns it unchanged."""
    if not text.strip():
        raise PathspanError(ErrorCode.EMPTY)
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    if controls > max(8, len(text) // 100):
        raise PathspanError(ErrorCode.BINARY)
    return text


def _item_from_text(report_id: str, source: str, text: str, max_bytes: int, encoding: str) -> Item:
    try:
        if len(text.encode("utf-8", "surrogatepass")) > max_bytes:
            raise PathspanError(ErrorCode.OVERSIZE, limit=max_bytes)
        # CSV archives are read with surrogateescape so one bad byte fails its row, not the file.
        if any("\udc80" <= ch <= "\udcff" for ch in text):
            raise PathspanError(ErrorCode.UNDECODABLE)
        check_text(text)
    except PathspanError as err:
        return Item(report_id, source, error=err)
    return Item(report_id, source, Report(report_id=report_id, text=text, source=source, encoding=encoding))


def read_file(path: Path, *, report_id: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> Item:
    """One text file as one report; the id defaults to the file stem."""
    rid = report_id or path.stem
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise PathspanError(ErrorCode.OVERSIZE, limit=max_bytes)
        text, encoding = decode_bytes(path.read_bytes(), max_bytes=max_bytes)
    except PathspanError as err:
        return Item(rid, str(path), error=err)
    except OSError as exc:
        return Item(rid, str(path), error=PathspanError(ErrorCode.UNREADABLE, detail=exc.strerror or exc))
    return Item(rid, str(path), Report(report_id=rid, text=text, source=str(path), encoding=encoding))


def iter_csv(path: Path, *, id_column: str = "id", text_column: str = "text",
             max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Item]:
    """Rows of a CSV archive as items, lazily."""
    csv.field_size_limit(sys.maxsize)
    encoding = _sniff_encoding(path)
    with path.open("r", encoding=encoding, errors="surrogateescape", newline="") as fh:
        reader = csv.DictReader(fh)
        missing = {id_column, text_column} - set(reader.fieldnames or [])
        if missing:
            raise UsageError(
                f"{path}: no column(s) {', '.join(sorted(missing))}; columns are "
                f"{', '.join(reader.fieldnames or []) or '(none)'}. Use --id-column/--text-column."
            )
        for n, row in enumerate(reader, start=1):
            rid = (row.get(id_column) or "").strip() or f"{path.stem}:{n}"
            yield _item_from_text(rid, f"{path}:{n}", row.get(text_column) or "", max_bytes, encoding)


def iter_jsonl(path: Path, *, id_column: str = "id", text_column: str = "text",
               max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Item]:
    """Lines of a JSONL archive as items, lazily; a bad line is a failed item, not a crash.

    Each line is decoded on its own (UTF-8, else the legacy encoding), so one mis-encoded line
    fails alone.
    """
    with path.open("rb") as fh:
        for n, raw in enumerate(fh, start=1):
            if not raw.strip():
                continue
            source = f"{path}:{n}"
            try:
                line, encoding = _decode(raw)
            except PathspanError as err:
                yield Item(f"{path.stem}:{n}", source, error=err)
                continue
            try:
                row = json.loads(line)
                if not isinstance(row, dict):
                    raise ValueError("line is not a JSON object")
            except ValueError as exc:
                yield Item(f"{path.stem}:{n}", source, error=PathspanError(ErrorCode.BAD_ROW, detail=exc))
                continue
            rid = str(row.get(id_column) or f"{path.stem}:{n}")
            text = row.get(text_column)
            if not isinstance(text, str):
                yield Item(rid, source, error=PathspanError(ErrorCode.BAD_ROW, detail=f"no text in column {text_column!r}"))
                continue
            yield _item_from_text(rid, source, text, max_bytes, encoding)


def _sniff_encoding(path: Path) -> str:
    """UTF-8 (with or without BOM) when the whole file decodes so, else the legacy fallback."""
    with path.open("rb") as fh:
        bom = fh.read(3) == b"\xef\xbb\xbf"
        fh.seek(0)
        decoder_ok = True
        decoder = codecs.getincrementaldecoder("utf-8")()
        while chunk := fh.read(1 << 20):
            try:
                decoder.decode(chunk)
            except UnicodeDecodeError:
                decoder_ok = False
                break
    if not decoder_ok:
        return LEGACY_ENCODING
    return "utf-8-sig" if bom else "utf-8"


def iter_inputs(path: Path, *, id_column: str = "id", text_column: str = "text",
                max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Item]:
    """Every report under ``path``, lazily, in a stable order."""
    path = Path(path)
    if path.is_dir():
        for file in iter_txt_files(path):
            yield read_file(file, max_bytes=max_bytes)
    elif path.suffix.lower() == ".csv":
        yield from iter_csv(path, id_column=id_column, text_column=text_column, max_bytes=max_bytes)
    elif path.suffix.lower() in (".jsonl", ".ndjson"):
        yield from iter_jsonl(path, id_column=id_column, text_column=text_column, max_bytes=max_bytes)
    elif path.is_file():
        yield read_file(path, max_bytes=max_bytes)
    else:
        raise UsageError(f"{path}: no such file or folder")


def iter_txt_files(folder: Path) -> Iterator[Path]:
    """The ``*.txt`` files under ``folder``, depth first in name order, one directory listed at a
    time (so a million-file archive is never held in memory as a list)."""
    with os.scandir(folder) as it:
        entries = sorted(it, key=lambda e: e.name)
    for entry in entries:
        if entry.is_dir(follow_symlinks=False):
            yield from iter_txt_files(Path(entry.path))
        elif entry.name.lower().endswith(".txt") and entry.is_file():
            yield Path(entry.path)


def count_inputs(path: Path) -> int | None:
    """How many reports ``iter_inputs`` will yield, counted cheaply next to extraction (for a
    progress bar's ETA); None for a path that is neither a folder nor a readable file."""
    path = Path(path)
    if path.is_dir():
        return sum(1 for _ in iter_txt_files(path))
    if path.suffix.lower() in (".jsonl", ".ndjson"):
        with path.open("rb") as fh:
            return sum(1 for line in fh if line.strip())
    if path.suffix.lower() == ".csv":
        # Quoted cells may span lines, so only a parse counts rows; parsing is a tiny share of
        # what extraction costs per row. Counted as iter_csv reads (DictReader skips blank rows).
        csv.field_size_limit(sys.maxsize)
        with path.open("r", encoding=_sniff_encoding(path), errors="surrogateescape", newline="") as fh:
            return sum(1 for _ in csv.DictReader(fh))
    return 1 if path.is_file() else None
