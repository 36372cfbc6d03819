"""The server's limits: query time (SQLite progress handler) and a per-client POST rate.

The request body size is checked in hadath.serve.app (Content-Length) and while reading
(hadath.serve.api.read_json_body); the page size in hadath.serve.api.page_limit.
"""

from __future__ import annotations

import math
import sqlite3
import threading
import time
from collections import OrderedDict, deque

__all__ = ["QUERY_INTERRUPTED", "RateLimiter", "limit_query_time"]

# sqlite3 raises OperationalError("interrupted") when the progress handler stops a query.
QUERY_INTERRUPTED = "interrupted"
# The progress handler runs every this many SQLite virtual-machine steps: often enough to
# stop within a millisecond or so, rarely enough to cost little (one Python call per ~20 µs).
_PROGRESS_STEPS = 1000
# Clients remembered by the rate limiter at most: a flood of addresses cannot grow memory.
_MAX_CLIENTS = 10_000


def _now() -> float:
    return time.monotonic()


def limit_query_time(conn: sqlite3.Connection, max_ms: int) -> None:
    """Stop every statement on `conn` once `max_ms` have passed since this call.

    The connection serves one request, so the budget is the request's SQL time in all.
    An interrupted statement raises sqlite3.OperationalError("interrupted"), which the
    app answers with 503. `max_ms` 0 means no limit.
    """
    if max_ms <= 0:
        return
    deadline = _now() + max_ms / 1000
    conn.set_progress_handler(lambda: _now() > deadline, _PROGRESS_STEPS)


class RateLimiter:
    """At most `max_requests` per client in any `window_s` seconds (a sliding window)."""

    def __init__(self, max_requests: int, window_s: float) -> None:
        self.max_requests = max_requests
        self.window_s = window_s
        self._seen: OrderedDict[str, deque[float]] = OrderedDict()
        self._lock = threading.Lock()

    def retry_after(self, client: str) -> int:
        """0 when `client` may go on (the request is counted), else seconds to wait."""
        if self.max_requests <= 0:
            return 0
        now = _now()
        with self._lock:
            times = self._seen.pop(client, None) or deque()
            while times and times[0] <= now - self.window_s:
                times.popleft()
            self._seen[client] = times  # most recent client last
            while len(self._seen) > _MAX_CLIENTS:
                self._seen.popitem(last=False)
            if len(times) >= self.max_requests:
                return max(1, math.ceil(times[0] + self.window_s - now))
            times.append(now)
            return 0
