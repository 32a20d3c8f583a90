"""Stable error codes for failed records, defined once (like spaCy's ``errors.py``).

A code is a contract with scripts that count failures: never rename one, only add.
"""

from __future__ import annotations


class ErrorCode:
    EMPTY = "empty_input"
    BINARY = "binary_input"
    UNDECODABLE = "undecodable_input"
    OVERSIZE = "oversize_input"
    UNREADABLE = "unreadable_input"
    BAD_ROW = "bad_archive_row"
    INTERNAL = "internal_error"


MESSAGES = {
    ErrorCode.EMPTY: "The report is empty or only whitespace; nothing to extract.",
    ErrorCode.BINARY: "The input looks binary (NUL bytes or control characters), not a text report.",
    ErrorCode.UNDECODABLE: "The bytes decode neither as UTF-8 nor as the legacy fallback encoding.",
    ErrorCode.OVERSIZE: "The report is larger than the size limit ({limit} bytes); raise --max-bytes to process it.",
    ErrorCode.UNREADABLE: "The input could not be read: {detail}",
    ErrorCode.BAD_ROW: "The archive row has no usable id or text column: {detail}",
    ErrorCode.INTERNAL: "The pipeline failed on this report ({detail}); other reports are unaffected.",
}


class PathspanError(Exception):
    """An input-level failure that becomes a ``failed`` record with a stable code."""

    def __init__(self, code: str, **details: object) -> None:
        self.code = code
        self.message = MESSAGES[code].format(**details)
        super().__init__(f"{code}: {self.message}")

    def __reduce__(self) -> tuple:
        # Items carrying an error are shipped to worker processes: pickle the formatted message.
        return (_rebuild_error, (self.code, self.message))


def _rebuild_error(code: str, message: str) -> PathspanError:
    err = PathspanError.__new__(PathspanError)
    err.code, err.message = code, message
    Exception.__init__(err, f"{code}: {message}")
    return err


class UsageError(Exception):
    """A problem with how the run was asked for (missing column, no such input, a results file
    that does not match the input on --resume): the CLI exits with status 2 and this message."""
