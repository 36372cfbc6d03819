"""Exports of a store: GDELT 2.0 (TSV), PLOVER (JSON Lines), CSV and Parquet of the events.

Every export to a file is written to a temporary file beside it and renamed
into place when complete, so a crash or a kill never leaves a half-written
export (an earlier export at that path survives untouched).
"""

from __future__ import annotations

import contextlib
import csv
import itertools
import json
import os
import sqlite3
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any

from hadath.errors import HadathError
from hadath.extract.gkg import gkg_quotations
from hadath.store.gdelt import GDELT_COLUMNS, gdelt_rows
from hadath.store.plover import plover_records

__all__ = ["EXPORT_FORMATS", "ExportError", "atomic_path", "export_store"]

EXPORT_FORMATS = ("gdelt", "plover", "csv", "parquet", "gkg-quotations")
_EVENTS_IN_ORDER = ("SELECT e.* FROM events AS e JOIN articles AS a ON a.id = e.article_id "
                    "ORDER BY a.rowid, e.idx")
_PARQUET_BATCH = 10_000
_ARROW_TYPES = {"TEXT": "string", "INTEGER": "int64", "REAL": "float64"}


class ExportError(HadathError):
    """An export that cannot be made (missing library, bad destination)."""


@contextlib.contextmanager
def atomic_path(path: str | Path) -> Iterator[Path]:
    """A temporary path beside `path`, renamed onto it when the block ends without error."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp",
                                         dir=target.parent)
    os.close(handle)
    temp = Path(temp_name)
    os.chmod(temp, 0o666 & ~_umask())  # mkstemp makes 0600; an export is an ordinary file
    try:
        yield temp
        with open(temp, "rb") as written:  # on disk before the rename makes it visible
            os.fsync(written.fileno())
        os.replace(temp, target)
    finally:
        temp.unlink(missing_ok=True)


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def export_store(conn: sqlite3.Connection, fmt: str, out: str | Path | None,
                 header: bool = False) -> int:
    """Write the store's events in `fmt` to `out` (None: standard output); returns rows written.

    Args:
        fmt: one of EXPORT_FORMATS.
        header: for gdelt, write the column names first (GDELT's own files have none).
    Raises:
        ExportError: an unknown format, parquet without pyarrow or without `out`.
    """
    if fmt == "parquet":
        return _export_parquet(conn, out)
    writers: dict[str, Callable[[sqlite3.Connection, IO[str], bool], int]] = {
        "gdelt": _write_gdelt, "plover": _write_plover, "csv": _write_csv,
        "gkg-quotations": _write_gkg_quotations}
    if fmt not in writers:
        raise ExportError(f"unknown export format {fmt!r}; known: {', '.join(EXPORT_FORMATS)}")
    if out is None or str(out) == "-":
        return writers[fmt](conn, sys.stdout, header)
    with atomic_path(out) as temp, open(temp, "w", encoding="utf-8", newline="") as stream:
        return writers[fmt](conn, stream, header)


def _write_gdelt(conn: sqlite3.Connection, stream: IO[str], header: bool) -> int:
    if header:
        stream.write("\t".join(GDELT_COLUMNS) + "\n")
    written = 0
    for row in gdelt_rows(conn):
        stream.write("\t".join(row) + "\n")
        written += 1
    return written


def _write_plover(conn: sqlite3.Connection, stream: IO[str], header: bool) -> int:
    written = 0
    for record in plover_records(conn):
        stream.write(json.dumps(record, ensure_ascii=False) + "\n")
        written += 1
    return written


def _write_gkg_quotations(conn: sqlite3.Connection, stream: IO[str], header: bool) -> int:
    """One line per article with quotes: its id, a tab, and GKG's Quotations field with the
    speaker's code added (offset|length|verb|quote|speaker, joined by #)."""
    if header:
        stream.write("article_id\tquotations\n")
    rows = conn.execute('SELECT article_id, start, "end", text, verb, speaker_code FROM quotes '
                        "ORDER BY article_id, idx")
    written = 0
    for article_id, quotes in itertools.groupby(rows, key=lambda row: row[0]):
        doc = {"quotes": [{"start": q[1], "end": q[2], "text": q[3], "verb": q[4],
                           "speaker": {"code": q[5]}} for q in quotes]}
        stream.write(f"{article_id}\t{gkg_quotations(doc)}\n")
        written += 1
    return written


def _write_csv(conn: sqlite3.Connection, stream: IO[str], header: bool) -> int:
    cursor = conn.execute(_EVENTS_IN_ORDER)
    writer = csv.writer(stream)
    writer.writerow([column[0] for column in cursor.description])
    written = 0
    for row in cursor:
        writer.writerow(tuple(row))
        written += 1
    return written


def _events_schema(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    return [(r[1], _ARROW_TYPES.get(r[2].upper(), "string"))
            for r in conn.execute("PRAGMA table_info(events)")]


def _export_parquet(conn: sqlite3.Connection, out: str | Path | None) -> int:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise ExportError("the parquet format needs pyarrow: pip install 'hadath[parquet]' "
                          "(or pip install pyarrow), or export --format csv") from exc
    if out is None or str(out) == "-":
        raise ExportError("the parquet format is binary: give a file with --out")
    columns = _events_schema(conn)
    schema = pa.schema([(name, getattr(pa, kind)()) for name, kind in columns])
    cursor = conn.execute(_EVENTS_IN_ORDER)
    written = 0
    with atomic_path(out) as temp, pq.ParquetWriter(str(temp), schema) as writer:
        while batch := cursor.fetchmany(_PARQUET_BATCH):
            data: dict[str, list[Any]] = {name: [row[i] for row in batch]
                                          for i, (name, _) in enumerate(columns)}
            writer.write_table(pa.table(data, schema=schema))
            written += len(batch)
    return written
