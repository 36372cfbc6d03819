"""How many rows a filter matches, remembered until the store changes.

A page of events is quick (an index in date order); counting every match is what costs
on a large store (30 ms for 100,000 events under a text search), and an analyst paging
through one filter asks for the same count again and again. The totals are dropped as
soon as any connection commits to the store, which `PRAGMA data_version` on a connection
of our own tells (it changes whenever another connection has committed).
"""

from __future__ import annotations

import sqlite3
import threading
from collections import OrderedDict
from typing import Any

__all__ = ["TotalsCache"]


class TotalsCache:
    """The results of recent `SELECT count(*)` queries, for one store file."""

    def __init__(self, db_path: str, size: int) -> None:
        self.size = size
        self._probe = sqlite3.connect(db_path, check_same_thread=False) if size > 0 else None
        self._version: int | None = None
        self._totals: OrderedDict[tuple[str, tuple[Any, ...]], int] = OrderedDict()
        self._lock = threading.Lock()

    def count(self, conn: sqlite3.Connection, sql: str, params: list[Any]) -> int:
        """`sql` (a count) run on `conn`, or its remembered result if the store is unchanged."""
        if self._probe is None:
            return conn.execute(sql, params).fetchone()[0]
        key = (sql, tuple(params))
        with self._lock:
            version = self._probe.execute("PRAGMA data_version").fetchone()[0]
            if version != self._version:
                self._totals.clear()
                self._version = version
            if key in self._totals:
                self._totals.move_to_end(key)
                return self._totals[key]
        total = conn.execute(sql, params).fetchone()[0]
        with self._lock:
            if self._version == version:  # counted on data at least as new as `version`
                self._totals[key] = total
                while len(self._totals) > self.size:
                    self._totals.popitem(last=False)
        return total

    def close(self) -> None:
        if self._probe is not None:
            self._probe.close()
