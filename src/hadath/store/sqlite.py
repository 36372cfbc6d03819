"""The SQLite store: coded documents as rows, one transaction per article.

An article is keyed by its id and a hash of its text: writing the same
article again changes nothing, and a changed article replaces its old rows in
the same transaction, so a reader never sees half an article.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from datetime import UTC, datetime
from importlib.resources import files
from pathlib import Path
from types import TracebackType
from typing import Any

__all__ = ["Store", "text_hash"]

_CHILD_TABLES = ("entities", "actors", "events", "quotes")


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


class Store:
    """A hadath SQLite database."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        self.conn = sqlite3.connect(self.path)
        self.conn.row_factory = sqlite3.Row
        self.conn.execute("PRAGMA journal_mode = WAL")
        self.conn.execute("PRAGMA foreign_keys = ON")
        self.conn.execute("PRAGMA synchronous = NORMAL")
        self.conn.executescript(files("hadath.store").joinpath("schema.sql").read_text("utf-8"))
        self.added = 0
        self.replaced = 0
        self.unchanged = 0

    def __enter__(self) -> Store:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        self.conn.close()

    def add(self, doc: dict[str, Any]) -> None:
        """Write one coded document (the output contract's dict)."""
        digest = text_hash(doc["text"])
        row = self.conn.execute("SELECT text_hash FROM articles WHERE id = ?",
                                (doc["id"],)).fetchone()
        if row is not None and row["text_hash"] == digest:
            self.unchanged += 1
            return
        with self.conn:  # one transaction: the old rows go and the new ones come together
            if row is not None:
                for table in _CHILD_TABLES:
                    self.conn.execute(f"DELETE FROM {table} WHERE article_id = ?", (doc["id"],))
                self.conn.execute("DELETE FROM articles WHERE id = ?", (doc["id"],))
                self.replaced += 1
            else:
                self.added += 1
            self._insert(doc, digest)

    def _insert(self, doc: dict[str, Any], digest: str) -> None:
        known = {"id", "title", "published", "source", "url", "text", "entities", "actors",
                 "events", "quotes", "dates", "places", "hadath"}
        extra = {k: v for k, v in doc.items() if k not in known}
        self.conn.execute(
            "INSERT INTO articles VALUES (?,?,?,?,?,?,?,?,?,?)",
            (doc["id"], digest, doc.get("title"), doc.get("published"), doc.get("source"),
             doc.get("url"), doc["text"], json.dumps(extra, ensure_ascii=False),
             json.dumps(doc.get("hadath", {})), datetime.now(UTC).isoformat(timespec="seconds")),
        )
        aid = doc["id"]
        self.conn.executemany(
            "INSERT INTO entities VALUES (?,?,?,?,?,?,?,?)",
            [(aid, i, e["text"], e["start"], e["end"], e["type"], e.get("code"), e.get("name"))
             for i, e in enumerate(doc.get("entities", []))],
        )
        self.conn.executemany(
            "INSERT OR REPLACE INTO actors VALUES (?,?,?,?,?)",
            [(aid, a["code"], a.get("name"), a.get("kind"), json.dumps(a.get("mentions", [])))
             for a in doc.get("actors", [])],
        )
        self.conn.executemany(
            "INSERT INTO events VALUES (" + ",".join("?" * 34) + ")",
            [_event_row(aid, i, e) for i, e in enumerate(doc.get("events", []))],
        )
        self.conn.executemany(
            "INSERT INTO quotes VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            [(aid, i, *_ref_columns(q.get("speaker")), q["text"], q["start"], q["end"],
              q.get("kind"), q.get("verb")) for i, q in enumerate(doc.get("quotes", []))],
        )

    def count(self, table: str) -> int:
        if table not in ("articles", *_CHILD_TABLES):
            raise ValueError(f"unknown table {table!r}")
        return self.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]

    def query(self, sql: str, params: tuple[Any, ...] = ()) -> list[sqlite3.Row]:
        return self.conn.execute(sql, params).fetchall()


def _ref_columns(ref: dict[str, Any] | None) -> tuple[Any, ...]:
    if not ref:
        return (None,) * 5
    return ref.get("code"), ref.get("name"), ref.get("text"), ref.get("start"), ref.get("end")


def _event_row(article_id: str, idx: int, e: dict[str, Any]) -> tuple[Any, ...]:
    place = e.get("place") or {}
    plover = e.get("plover") or {}
    trigger = e.get("trigger") or {}
    evidence = e.get("evidence") or {}
    sentence = e.get("sentence") or {}
    return (
        article_id, idx, *_ref_columns(e.get("source")), *_ref_columns(e.get("target")),
        e["cameo"], e["cameo"][:2], e.get("cameo_label"), plover.get("type"), plover.get("mode"),
        e.get("goldstein"), e.get("quad_class"), e.get("date"), e.get("date_precision"),
        place.get("name"), place.get("country"), place.get("lat"), place.get("lon"),
        int(bool(e.get("negated"))), trigger.get("text"), trigger.get("start"),
        trigger.get("end"), evidence.get("start"), evidence.get("end"), sentence.get("start"),
        sentence.get("end"), e.get("confidence"),
    )
