"""The run manifest: every input that was not coded, with its reason, and the run's totals.

JSON Lines, written as the run goes so that a crash still leaves the
rejections seen so far: `{"kind": "rejected", "origin", "id", "reason"}` per
record, `{"kind": "warning", ...}` for records coded with a caveat, and a last
`{"kind": "summary", ...}` line. Safe to call from the thread that feeds a
worker pool and from the main thread at once.
"""

from __future__ import annotations

import json
import threading
from pathlib import Path
from types import TracebackType
from typing import Any, TextIO

__all__ = ["Manifest"]


class Manifest:
    """Collects rejections and warnings into a JSON Lines file."""

    def __init__(self, path: str | Path | None) -> None:
        self.path = Path(path) if path else None
        self._stream: TextIO | None = None
        self.rejected = 0
        self.warnings = 0
        self.reasons: dict[str, int] = {}
        self._lock = threading.Lock()

    def __enter__(self) -> Manifest:
        if self.path is not None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._stream = self.path.open("w", encoding="utf-8")
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if self._stream is not None:
            self._stream.close()
            self._stream = None

    def reject(self, origin: str, reason: str, record_id: str | None = None) -> None:
        # Count by the reason's kind ("not JSON: Expecting value…" → "not JSON").
        kind = reason.split(":", 1)[0].split(" (", 1)[0]
        with self._lock:
            self.rejected += 1
            self.reasons[kind] = self.reasons.get(kind, 0) + 1
        self._write({"kind": "rejected", "origin": origin, "id": record_id, "reason": reason})

    def warn(self, origin: str, message: str, record_id: str | None = None) -> None:
        with self._lock:
            self.warnings += 1
        self._write({"kind": "warning", "origin": origin, "id": record_id, "message": message})

    def summary(self, **totals: Any) -> None:
        self._write({"kind": "summary", **totals, "rejected": self.rejected,
                     "warnings": self.warnings, "reasons": self.reasons})

    def _write(self, entry: dict[str, Any]) -> None:
        line = json.dumps(entry, ensure_ascii=False) + "\n"
        with self._lock:
            if self._stream is not None:
                self._stream.write(line)
                self._stream.flush()
