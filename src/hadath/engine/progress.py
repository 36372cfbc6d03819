"""Progress of a run on standard error: a redrawn line on a terminal, log lines otherwise.

Nothing here writes to standard output, which may carry the coded documents
(`hadath code - ` with no --out). The rate is the run's average so far, and the
ETA needs the input size: `count_records` counts the lines of plain JSON Lines
files and the .txt files of the inputs without parsing them, and gives up
(no ETA) on standard input and gzipped files.
"""

from __future__ import annotations

import logging
import sys
import threading
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TextIO

from hadath.engine.readers import JSONL_SUFFIXES, TEXT_SUFFIXES

__all__ = ["Progress", "count_records"]

log = logging.getLogger("hadath.engine")

_CHUNK = 1 << 20


def _count_lines(path: Path) -> int:
    lines, last = 0, b"\n"
    with path.open("rb") as stream:
        while chunk := stream.read(_CHUNK):
            lines += chunk.count(b"\n")
            last = chunk[-1:]
    return lines + (last != b"\n")  # a last line without its newline


def _count_path(path: Path) -> int | None:
    if path.is_dir():
        total = 0
        for child in path.rglob("*"):
            counted = _count_path(child) if child.is_file() else 0
            if counted is None:
                return None
            total += counted
        return total
    name = path.name.lower()
    if name.endswith((".gz", ".warc")):
        return None  # would mean decompressing or parsing the whole file twice
    if name.endswith((*JSONL_SUFFIXES, ".json")):
        return _count_lines(path)
    return 1 if name.endswith(TEXT_SUFFIXES) or path.is_file() else 0


def count_records(paths: Iterable[str]) -> int | None:
    """About how many records the inputs hold (lines, not parsed), or None if unknown."""
    total = 0
    try:
        for raw in paths:
            if raw == "-":
                return None
            counted = _count_path(Path(raw))
            if counted is None:
                return None
            total += counted
    except OSError:
        return None  # the run itself will report the unreadable path
    return total


def _clock(seconds: float) -> str:
    minutes, secs = divmod(int(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}"


class Progress:
    """Counts records as a run finishes them and reports the pace on standard error.

    Args:
        total: how many records the run will see, if known (for the percentage and ETA).
        stream: where a terminal line goes (standard error by default).
        interactive: redraw one line (a terminal) or write log lines; default: stream.isatty().
        log_every: seconds between log lines when not interactive.
    """

    def __init__(self, total: int | None = None, stream: TextIO | None = None,
                 interactive: bool | None = None, log_every: float = 30.0,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.total = total
        self.stream = stream if stream is not None else sys.stderr
        self.interactive = self.stream.isatty() if interactive is None else interactive
        self.every = 0.25 if self.interactive else log_every
        self.clock = clock
        self.done = 0
        self.started = clock()
        self._shown = self.started
        self._lock = threading.Lock()  # the reader feeds worker pools from another thread

    def advance(self, count: int = 1) -> None:
        with self._lock:
            self.done += count
            now = self.clock()
            if now - self._shown >= self.every:
                self._shown = now
                self._show(now)

    def line(self, now: float | None = None) -> str:
        """"1,200/3,000 records (40%), 35.2 articles/s, ETA 0:00:51"."""
        elapsed = (self.clock() if now is None else now) - self.started
        rate = self.done / elapsed if elapsed > 0 else 0.0
        if self.total:
            text = f"{self.done:,}/{self.total:,} records ({100 * self.done // self.total}%)"
        else:
            text = f"{self.done:,} records"
        text += f", {rate:.1f} articles/s"
        if self.total and rate > 0 and self.done < self.total:
            text += f", ETA {_clock((self.total - self.done) / rate)}"
        return text

    def _show(self, now: float) -> None:
        if self.interactive:
            self.stream.write("\r\x1b[K" + self.line(now))  # back to column 0, clear the line
            self.stream.flush()
        else:
            log.info("progress: %s", self.line(now))

    def close(self) -> None:
        """The last figures: the line is finished (terminal) or logged once more."""
        with self._lock:
            self._show(self.clock())
            if self.interactive:
                self.stream.write("\n")
                self.stream.flush()
