"""The remembered match counts: reused while the store is unchanged, dropped on any commit."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the serve extra (fastapi) is not installed")
pytest.importorskip("httpx", reason="httpx (for fastapi's TestClient) is not installed")

from fastapi.testclient import TestClient

from hadath.serve.app import create_app
from hadath.serve.totals import TotalsCache

COUNT = "SELECT count(*) FROM events WHERE cameo >= ?"


def test_totals_reused_until_another_connection_commits(fresh_demo_db: Path) -> None:
    totals = TotalsCache(str(fresh_demo_db), size=4)
    conn = sqlite3.connect(fresh_demo_db)
    first = totals.count(conn, COUNT, ["0"])
    conn.close()
    assert totals.count(conn, COUNT, ["0"]) == first > 40  # remembered: the closed conn unused
    with sqlite3.connect(fresh_demo_db) as writer:
        writer.execute("DELETE FROM events WHERE idx = 0")
    with pytest.raises(sqlite3.ProgrammingError):  # the store changed: counted again
        totals.count(conn, COUNT, ["0"])
    fresh = sqlite3.connect(fresh_demo_db)
    assert totals.count(fresh, COUNT, ["0"]) < first
    totals.close()


def test_totals_size_zero_always_counts(fresh_demo_db: Path) -> None:
    totals = TotalsCache(str(fresh_demo_db), size=0)
    conn = sqlite3.connect(fresh_demo_db)
    assert totals.count(conn, COUNT, ["0"]) > 40
    conn.close()
    with pytest.raises(sqlite3.ProgrammingError):
        totals.count(conn, COUNT, ["0"])


def test_totals_follow_a_posted_verdict(fresh_demo_db: Path) -> None:
    client = TestClient(create_app(fresh_demo_db))
    judged = {"verdict": "right", "limit": 1}
    assert client.get("/v1/events", params=judged).json()["total"] == 0
    before = client.get("/v1/events", params={"verdict": "none"}).json()["total"]
    saved = client.post("/v1/verdicts", json={"article_id": "seed", "idx": 0, "verdict": "right"})
    assert saved.status_code == 200
    assert client.get("/v1/events", params=judged).json()["total"] == 1
    assert client.get("/v1/events", params={"verdict": "none"}).json()["total"] == before - 1
