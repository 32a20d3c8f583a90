"""Progress of a batch run: a rich bar on a terminal, plain periodic log lines otherwise.

A log file or CI console gets one line every ``interval`` seconds (and one at the end) instead
of a bar's control characters.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO


def _duration(seconds: float) -> str:
    seconds = int(max(seconds, 0))
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    return f"{h}h{m:02d}m{s:02d}s" if h else f"{m}m{s:02d}s"


class RunProgress:
    """Counts finished reports and failures and shows them; use as a context manager."""

    def __init__(self, total: int | None = None, *, stream: TextIO | None = None,
                 interval: float = 10.0, enabled: bool = True, fancy: bool | None = None) -> None:
        self.total = total
        self.stream = stream if stream is not None else sys.stderr
        self.interval = interval
        self.enabled = enabled
        self.fancy = enabled and (self.stream.isatty() if fancy is None else fancy)
        self.done = 0
        self.failed = 0
        self.skipped = 0
        self._start = time.monotonic()
        self._last_log = self._start
        self._bar = None
        self._task = None

    def __enter__(self) -> "RunProgress":
        self._start = self._last_log = time.monotonic()
        if self.fancy:
            from rich.console import Console
            from rich.progress import (BarColumn, MofNCompleteColumn, Progress, SpinnerColumn,
                                       TextColumn, TimeElapsedColumn, TimeRemainingColumn)

            self._bar = Progress(
                SpinnerColumn(),
                TextColumn("[bold]pathspan run"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("{task.fields[rate]:>8} reports/s"),
                TextColumn("[red]{task.fields[failed]} failed"),
                TimeElapsedColumn(),
                TextColumn("ETA"),
                TimeRemainingColumn(),
                console=Console(file=self.stream),
                transient=False,
            )
            self._bar.start()
            self._task = self._bar.add_task("run", total=self.total, rate="-", failed=0)
        return self

    def skip(self, n: int, failed: int = 0) -> None:
        """Count ``n`` reports already done by an earlier run (``--resume``)."""
        self.skipped += n
        self.failed += failed
        if self._bar is not None:
            self._bar.update(self._task, advance=n, failed=self.failed)

    def advance(self, n: int, failed: int = 0) -> None:
        """Count ``n`` reports finished in this run, ``failed`` of them failed."""
        self.done += n
        self.failed += failed
        now = time.monotonic()
        if self._bar is not None:
            self._bar.update(self._task, advance=n, failed=self.failed, rate=f"{self.rate(now):.1f}")
        elif self.enabled and now - self._last_log >= self.interval:
            self._last_log = now
            self._log(now)

    def rate(self, now: float | None = None) -> float:
        """Reports per second processed by this run (resumed ones not counted)."""
        elapsed = (now or time.monotonic()) - self._start
        return self.done / elapsed if elapsed > 0 else 0.0

    def _log(self, now: float) -> None:
        seen = self.done + self.skipped
        of = f"/{self.total}" if self.total is not None else ""
        rate = self.rate(now)
        eta = ""
        if self.total is not None and rate > 0:
            eta = f", ETA {_duration((self.total - seen) / rate)}"
        print(f"pathspan run: {seen}{of} reports, {rate:.1f} reports/s, {self.failed} failed"
              f", elapsed {_duration(now - self._start)}{eta}", file=self.stream, flush=True)

    def __exit__(self, exc_type: object, *exc: object) -> None:
        if self._bar is not None:
            self._bar.stop()
        elif self.enabled and exc_type is None:  # an error says its own thing
            self._log(time.monotonic())
