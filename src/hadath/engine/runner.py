"""The batch runner: read inputs, code each record, write documents, account for every record.

One bad record never stops a run: reading problems come from the readers as
rejections, and a record whose coding raises is rejected with the error's
name, so the manifest explains every input that produced no document.
"""

from __future__ import annotations

import json
import multiprocessing
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol, TextIO

from hadath.engine.manifest import Manifest
from hadath.engine.readers import ReadLimits, Record, Rejected, read_inputs

__all__ = ["DocSink", "RunSummary", "code_paths", "code_record"]


class DocSink(Protocol):
    """Where coded documents go besides JSON Lines (the SQLite store)."""

    def add(self, doc: dict[str, Any]) -> None: ...


@dataclass(frozen=True, slots=True)
class RunSummary:
    """Totals of a run; `read` counts records, not paths that could not be opened."""

    read: int
    coded: int
    rejected: int
    warnings: int
    seconds: float

    @property
    def articles_per_second(self) -> float:
        return self.coded / self.seconds if self.seconds > 0 else 0.0


def code_record(record: dict[str, Any]) -> tuple[str, Any]:
    """("coded", document dict) or ("failed", reason) for one validated record."""
    from hadath.pipeline import default_pipeline  # the top layer; imported where it is run
    from hadath.text.doc import Doc

    try:
        doc = default_pipeline()(Doc.from_record(record))
        doc.check_offsets()
        return "coded", doc.to_dict()
    except Exception as exc:  # one article's failure must not end the batch
        return "failed", f"internal error: {type(exc).__name__}: {exc}"[:500]


def _published_warning(record: dict[str, Any]) -> str | None:
    published = record.get("published")
    if published in (None, ""):
        return None
    try:
        datetime.fromisoformat(str(published).replace("Z", "+00:00"))
    except ValueError:
        return f"'published' is not ISO 8601 ({str(published)[:40]!r}): dates left unresolved"
    return None


def _prepare(item: Record, counter: int) -> dict[str, Any]:
    data = dict(item.data)
    if data.get("id") in (None, ""):
        # A stable id from where the record came from: file stem and line.
        origin = item.origin.rsplit("/", 1)[-1]
        data["id"] = origin.replace(".jsonl:", ":") if ":" in origin else f"doc-{counter}"
    else:
        data["id"] = str(data["id"])
    return data


def _code_item(item: tuple[str, dict[str, Any]]) -> tuple[str, str, str, Any]:
    origin, record = item
    status, payload = code_record(record)
    return origin, record["id"], status, payload


def _coded_stream(
    items: Iterable[tuple[str, dict[str, Any]]], workers: int
) -> Iterator[tuple[str, str, str, Any]]:
    if workers <= 1:
        yield from map(_code_item, items)
        return
    context = multiprocessing.get_context()
    with context.Pool(workers) as pool:
        # imap keeps input order; chunks amortise the cost of pickling.
        yield from pool.imap(_code_item, items, chunksize=8)


def code_paths(
    paths: Iterable[str],
    out: TextIO | None,
    manifest: Manifest,
    sink: DocSink | None = None,
    limits: ReadLimits = ReadLimits(),
    workers: int = 1,
) -> RunSummary:
    """Code every record under `paths`; documents to `out` and `sink`, the rest to `manifest`."""
    started = time.perf_counter()
    counts = {"read": 0, "coded": 0}

    def records() -> Iterator[tuple[str, dict[str, Any]]]:
        for item in read_inputs(paths, limits):
            counts["read"] += not (isinstance(item, Rejected) and item.unread)
            if isinstance(item, Rejected):
                manifest.reject(item.origin, item.reason, item.id)
                continue
            data = _prepare(item, counts["read"])
            warning = _published_warning(data)
            if warning:
                manifest.warn(item.origin, warning, data["id"])
            yield item.origin, data

    for origin, ident, status, payload in _coded_stream(records(), workers):
        if status == "coded":
            counts["coded"] += 1
            if out is not None:
                out.write(json.dumps(payload, ensure_ascii=False) + "\n")
            if sink is not None:
                sink.add(payload)
        else:
            manifest.reject(origin, payload, ident)
    seconds = time.perf_counter() - started
    summary = RunSummary(counts["read"], counts["coded"], manifest.rejected, manifest.warnings,
                         seconds)
    manifest.summary(read=summary.read, coded=summary.coded, seconds=round(seconds, 3),
                     articles_per_second=round(summary.articles_per_second, 1))
    return summary


def default_manifest_path(out: str | None, db: str | None) -> Path:
    """Beside the output when there is one, else in the working folder."""
    base = out if out and out != "-" else db
    return Path(f"{base}.manifest.jsonl") if base else Path("hadath.manifest.jsonl")
