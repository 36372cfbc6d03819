"""Parquet partitions of a cluster run, and loading them into the SQLite store.

A run with `--engine ray --out-dir DIR` leaves in DIR:

    documents/part-*.parquet  one row per coded article: id, text_hash, published, outlet,
                              origin, document (the output contract's JSON, as --out writes it)
    events/part-*.parquet     the store's events columns, one row per event
    quotes/part-*.parquet     the store's quotes columns, one row per quote
    manifest.jsonl            rejected records with their reasons, warnings, the run's summary

Each part is written under a temporary name and renamed, so a folder never holds
half a part, even after a crash. `load_partitions` writes the documents with
`article_rows` and `Store.add_rows`, the write path of `hadath code --db`:
loading twice adds nothing.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hadath.errors import HadathError
from hadath.store.migrate import migrate
from hadath.store.sqlite import Store, article_rows, event_rows, quote_rows, text_hash

__all__ = [
    "DOCUMENT_COLUMNS",
    "LoadSummary",
    "PartitionError",
    "documents_table",
    "flat_table",
    "load_partitions",
    "require_pyarrow",
    "write_part",
]

DOCUMENT_COLUMNS = ("id", "text_hash", "published", "outlet", "origin", "document")
FLAT_TABLES = ("events", "quotes")
_SQL_TO_ARROW = {"TEXT": "string", "INTEGER": "int64", "REAL": "float64"}
_LOAD_BATCH_ROWS = 256


class PartitionError(HadathError):
    """A folder that holds no cluster run, or pyarrow missing."""


def require_pyarrow() -> Any:
    """The pyarrow module, or an error naming the extra that installs it."""
    try:
        import pyarrow
    except ImportError as exc:
        raise PartitionError("Parquet partitions need pyarrow: pip install 'hadath[ray]'") from exc
    return pyarrow


def _store_columns(table: str) -> list[tuple[str, str]]:
    # The flat tables take their columns and types from the store's own schema.
    conn = sqlite3.connect(":memory:")
    try:
        migrate(conn)
        return [(row[1], _SQL_TO_ARROW[row[2]])
                for row in conn.execute(f"PRAGMA table_info({table})")]
    finally:
        conn.close()


def _schema(table: str) -> Any:
    pa = require_pyarrow()
    if table == "documents":
        return pa.schema([(name, pa.string()) for name in DOCUMENT_COLUMNS])
    return pa.schema([(name, getattr(pa, kind)()) for name, kind in _store_columns(table)])


def document_row(origin: str, document: str, doc: dict[str, Any]) -> dict[str, Any]:
    """A documents-table row; `document` is the JSON line of `doc`."""
    return {"id": doc["id"], "text_hash": text_hash(doc["text"]), "published": doc.get("published"),
            "outlet": doc.get("source"), "origin": origin, "document": document}


def documents_table(rows: Sequence[dict[str, Any]]) -> Any:
    """The documents table of some rows made by `document_row`."""
    return require_pyarrow().Table.from_pylist(list(rows), schema=_schema("documents"))


def flat_table(table: str, docs: Sequence[dict[str, Any]]) -> Any:
    """The events or quotes table of some coded documents, in the store's columns."""
    rows_of = {"events": event_rows, "quotes": quote_rows}[table]
    schema = _schema(table)
    columns: list[list[Any]] = [[] for _ in schema.names]
    for doc in docs:
        for row in rows_of(doc):
            for column, value in zip(columns, row, strict=True):
                column.append(value)
    return require_pyarrow().Table.from_arrays(columns, schema=schema)


def write_part(folder: Path, table: str, name: str, data: Any) -> Path:
    """Write `data` (a pyarrow Table) as folder/table/name.parquet, whole or not at all."""
    import pyarrow.parquet as pq

    target = folder / table / f"{name}.parquet"
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.partial")
    pq.write_table(data, partial, compression="zstd")
    os.replace(partial, target)
    return target


@dataclass(frozen=True, slots=True)
class LoadSummary:
    """What loading a run's partitions did to a store."""

    parts: int
    documents: int
    added: int
    replaced: int
    unchanged: int
    finished: bool  # the run's manifest ends with its summary


def _part_paths(folder: Path) -> list[Path]:
    return sorted((folder / "documents").glob("part-*.parquet"))


def _run_finished(folder: Path) -> bool:
    manifest = folder / "manifest.jsonl"
    if not manifest.is_file():
        return False
    lines = manifest.read_text("utf-8").splitlines()
    return bool(lines) and json.loads(lines[-1]).get("kind") == "summary"


def iter_documents(folder: Path) -> Iterator[list[dict[str, Any]]]:
    """The coded documents of a run's partitions, part by part, in batches."""
    import pyarrow.parquet as pq

    for path in _part_paths(folder):
        for batch in pq.ParquetFile(path).iter_batches(_LOAD_BATCH_ROWS, columns=["document"]):
            yield [json.loads(document) for document in batch.column(0).to_pylist()]


def load_partitions(folder: str | Path, store: Store) -> LoadSummary:
    """Write every coded document of a run's partitions into `store`, as `hadath code --db` does.

    Raises:
        PartitionError: the folder holds no documents partitions, or pyarrow is missing.
    """
    require_pyarrow()
    folder = Path(folder)
    parts = _part_paths(folder)
    if not parts and not _run_finished(folder):
        raise PartitionError(f"{folder} holds no hadath run (no documents/part-*.parquet "
                             "and no manifest.jsonl): write one with `hadath code ... "
                             "--engine ray --out-dir DIR`")
    before = (store.added, store.replaced, store.unchanged)
    documents = 0
    for docs in iter_documents(folder):
        store.add_rows([article_rows(doc) for doc in docs])  # a transaction per batch
        documents += len(docs)
    return LoadSummary(len(parts), documents, store.added - before[0],
                       store.replaced - before[1], store.unchanged - before[2],
                       _run_finished(folder))
