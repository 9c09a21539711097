"""A one-line progress bar on stderr: rows done, rows per second and, when the total is known, an ETA.

Plain text and carriage returns, no dependency: it is redrawn at most a few times a
second, so it costs nothing next to scoring, and it is only shown on a terminal.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import IO

BAR_WIDTH = 24


def format_duration(seconds: float) -> str:
    seconds = max(0, int(round(seconds)))
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


def render(done: int, total: int | None, elapsed: float, rate: float | None = None, width: int = BAR_WIDTH) -> str:
    """The progress line for ``done`` rows of ``total`` (None: unknown) after ``elapsed`` seconds."""
    if rate is None:
        rate = done / elapsed if elapsed > 0 else 0.0
    speed = f"{rate:,.0f} rows/s" if done else "starting"
    if total:
        frac = min(1.0, done / total)
        filled = int(frac * width)
        bar = "#" * filled + "-" * (width - filled)
        eta = format_duration((total - done) / rate) if rate > 0 and done < total else "--:--"
        return f"[{bar}] {frac:4.0%}  {done:,} of ~{total:,} rows  {speed}  ETA {eta}"
    return f"{done:,} rows  {speed}  {format_duration(elapsed)} elapsed"


class Progress:
    """Redraws one line on ``stream`` as rows are done; does nothing when disabled.

    ``total`` is a callable so that an estimate (from bytes read so far) can improve as the
    file is read; it may return None when the total cannot be known (standard input).
    """

    def __init__(
        self,
        enabled: bool,
        total: Callable[[int], int | None] | None = None,
        stream: IO[str] | None = None,
        interval: float = 0.25,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.enabled = enabled
        self.stream = stream or sys.stderr
        self.total = total or (lambda done: None)
        self.interval = interval
        self.clock = clock
        self.start = clock()
        self.done = 0
        self._last = float("-inf")
        self._first: tuple[float, int] | None = None
        self._width = 0

    def update(self, rows: int) -> None:
        """Count ``rows`` more as done and redraw if the last redraw is old enough."""
        now = self.clock()
        if self._first is None:
            self._first = (now, self.done + rows)
        self.done += rows
        if self.enabled and now - self._last >= self.interval:
            self._last = now
            self._draw(render(self.done, self.total(self.done), now - self.start, self.rate(now)))

    def rate(self, now: float | None = None) -> float:
        """Rows per second since the first chunk came back: start-up (model, workers) would skew the ETA."""
        now = self.clock() if now is None else now
        if self._first is not None and now > self._first[0] and self.done > self._first[1]:
            return (self.done - self._first[1]) / (now - self._first[0])
        elapsed = now - self.start
        return self.done / elapsed if elapsed > 0 else 0.0

    def _draw(self, line: str) -> None:
        pad = " " * max(0, self._width - len(line))
        self._width = len(line)
        self.stream.write("\r" + line + pad)
        self.stream.flush()

    def close(self) -> None:
        """Erase the bar, leaving the line free for the summary."""
        if self.enabled and self._width:
            self.stream.write("\r" + " " * self._width + "\r")
            self.stream.flush()
            self._width = 0

    @property
    def elapsed(self) -> float:
        return self.clock() - self.start
