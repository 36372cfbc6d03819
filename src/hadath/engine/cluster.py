"""The Ray engine: code input files on a Ray cluster into Parquet partitions and a manifest.

The driver lists the input files (as the local engine does, folders walked in
order) and Ray Data runs three stages on the cluster:

1. read: one task per file runs `read_file`, the local engine's reader, so a
   broken line or file is rejected with the same reason, and every record
   leaves as a row (the record as JSON, or its rejection);
2. code: rows are cut into small blocks (`repartition`) so that the records of
   one big file spread over every worker, and each batch is coded with
   `code_record`, the local engine's function: the same input gives the same
   documents;
3. write: a datasink writes each block's documents, events and quotes as Parquet
   parts and returns its rejections and warnings, which the driver writes to the
   manifest with the run's totals.

Ray's `read_json` is not used: pyarrow's JSON reader fails a whole block on one
bad line and loses line numbers, where hadath must reject that line alone and
say where it was. Input files must be readable at the same path on every node
(a shared filesystem), and so must the output folder.
"""

from __future__ import annotations

import functools
import json
import time
import uuid
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from hadath.engine.manifest import Manifest
from hadath.engine.partitions import (
    FLAT_TABLES,
    PartitionError,
    document_row,
    documents_table,
    flat_table,
    require_pyarrow,
    write_part,
)
from hadath.engine.readers import ReadLimits, Rejected, input_files, read_file
from hadath.engine.runner import RunSummary, code_record, prepare_record, published_warning

__all__ = ["code_on_ray"]

# Records per block between the read and the code stage: small enough that one big
# file spreads over every worker, big enough that scheduling costs little (~1 s each).
_BLOCK_ROWS = 64
_READ_TABLE_ROWS = 1_000  # rows a read task hands on at once
# Documents per Parquet part, at least (the last part of a run may hold fewer).
_PART_ROWS = 1_000
# status: "record" (to code), "coded", "rejected", or "unread" (a file no reader could
# read: in the manifest, but not counted as a record read, as in the local engine)
_READ_COLUMNS = ("origin", "id", "status", "record", "reason", "warning")
_CODED_COLUMNS = ("origin", "id", "status", "reason", "warning", "document")


def _require_ray() -> Any:
    try:
        import ray
        import ray.data
    except ImportError as exc:
        raise PartitionError("--engine ray needs Ray: pip install 'hadath[ray]'") from exc
    require_pyarrow()
    return ray


def _string_table(rows: list[dict[str, Any]], columns: tuple[str, ...]) -> Any:
    pa = require_pyarrow()
    schema = pa.schema([(name, pa.string()) for name in columns])
    return pa.Table.from_pylist(rows, schema=schema)


def _read_batch(batch: Any, limits: ReadLimits) -> Iterator[Any]:
    """Stage 1: files (path, explicit) to rows, one per record or rejection.

    Rows leave in tables of `_READ_TABLE_ROWS`, so a big file is never held whole.
    """
    rows: list[dict[str, Any]] = []
    for path, explicit in zip(batch.column("path").to_pylist(),
                              batch.column("explicit").to_pylist(), strict=True):
        for number, item in enumerate(read_file(Path(path), explicit, limits), start=1):
            if isinstance(item, Rejected):
                rows.append({"origin": item.origin, "id": item.id, "reason": item.reason,
                             "status": "unread" if item.unread else "rejected"})
            else:
                data = prepare_record(item, number)
                rows.append({"origin": item.origin, "id": data["id"], "status": "record",
                             "record": json.dumps(data, ensure_ascii=False),
                             "warning": published_warning(data)})
            if len(rows) >= _READ_TABLE_ROWS:
                yield _string_table(rows, _READ_COLUMNS)
                rows = []
    if rows:
        yield _string_table(rows, _READ_COLUMNS)


def _code_batch(batch: Any) -> Any:
    """Stage 2: each record row coded into a document, or rejected with the reason."""
    rows: list[dict[str, Any]] = []
    for row in batch.to_pylist():
        record = row.pop("record")
        row["document"] = None
        if row["status"] == "record":
            status, payload = code_record(json.loads(record))
            if status == "coded":
                row.update(status="coded", document=json.dumps(payload, ensure_ascii=False))
            else:
                row.update(status="rejected", reason=payload)
        rows.append(row)
    return _string_table(rows, _CODED_COLUMNS)


def _partition_sink(out_dir: Path, run_id: str) -> Any:
    from ray.data import Datasink

    class PartitionSink(Datasink):
        """Stage 3: documents, events and quotes parts; the rest goes back to the driver."""

        def __init__(self) -> None:
            self.results: list[dict[str, Any]] = []

        @property
        def min_rows_per_write(self) -> int:
            return _PART_ROWS

        def write(self, blocks: Iterable[Any], ctx: Any) -> dict[str, Any]:
            entries: list[dict[str, Any]] = []
            origins, texts, docs = [], [], []
            counts = {"read": 0, "coded": 0}
            for block in blocks:
                for row in require_pyarrow().table(block).to_pylist():
                    counts["read"] += row["status"] != "unread"
                    if row["warning"]:
                        entries.append({"kind": "warning", "origin": row["origin"],
                                        "id": row["id"], "message": row["warning"]})
                    if row["status"] != "coded":
                        entries.append({"kind": "rejected", "origin": row["origin"],
                                        "id": row["id"], "reason": row["reason"]})
                        continue
                    counts["coded"] += 1
                    origins.append(row["origin"])
                    texts.append(row["document"])
                    docs.append(json.loads(row["document"]))
            if docs:
                name = f"part-{run_id}-{ctx.task_idx:05d}"
                rows = [document_row(o, t, d) for o, t, d in zip(origins, texts, docs,
                                                                 strict=True)]
                write_part(out_dir, "documents", name, documents_table(rows))
                for table in FLAT_TABLES:
                    write_part(out_dir, table, name, flat_table(table, docs))
            return {**counts, "entries": entries}

        def on_write_complete(self, write_result: Any) -> None:
            self.results = list(write_result.write_returns)

    return PartitionSink()


def _check_out_dir(out_dir: Path) -> None:
    if any((out_dir / table).exists() for table in ("documents", *FLAT_TABLES)):
        raise PartitionError(f"{out_dir} already holds a run: remove it or choose another "
                             "--out-dir (its parts would mix with this run's)")


def _start_ray(ray: Any, address: str | None, workers: int | None) -> bool:
    """Connect to the cluster at `address`, or start a local one; True if this call started it."""
    if ray.is_initialized():
        return False
    if address:
        ray.init(address=address, log_to_driver=False)
    else:
        ray.init(num_cpus=workers, include_dashboard=False, log_to_driver=False)
    return True


def code_on_ray(paths: Iterable[str], out_dir: str | Path, manifest: Manifest,
                limits: ReadLimits = ReadLimits(), address: str | None = None,
                workers: int | None = None) -> RunSummary:
    """Code every record under `paths` on Ray into Parquet parts in `out_dir`.

    Args:
        paths: input files and folders, readable at the same path on every node.
        out_dir: where the parts go (a shared filesystem on a real cluster); must not
            hold a run already.
        manifest: gets every rejection and warning, then the run's totals.
        address: a running cluster ("auto", "HOST:6379", "ray://HOST:10001"); None
            starts a local Ray instance (unless one is running in this process).
        workers: coding tasks at once (default: Ray's choice, up to the cluster's CPUs).

    Raises:
        PartitionError: Ray or pyarrow missing, or `out_dir` holds a run already.
    """
    ray = _require_ray()
    out_dir = Path(out_dir)
    _check_out_dir(out_dir)
    started = time.perf_counter()
    files: list[dict[str, Any]] = []
    for found in input_files(paths, limits):
        if isinstance(found, Rejected):
            manifest.reject(found.origin, found.reason, found.id)
        else:
            files.append({"path": str(found[0].resolve()), "explicit": found[1]})
    out_dir.mkdir(parents=True, exist_ok=True)
    results: list[dict[str, Any]] = []
    if files:
        results = _run_stages(ray, files, out_dir, limits, address, workers)
    read = coded = 0
    for result in results:
        read += result["read"]
        coded += result["coded"]
        for entry in result["entries"]:
            if entry["kind"] == "warning":
                manifest.warn(entry["origin"], entry["message"], entry["id"])
            else:
                manifest.reject(entry["origin"], entry["reason"], entry["id"])
    seconds = time.perf_counter() - started
    summary = RunSummary(read, coded, manifest.rejected, manifest.warnings, seconds)
    manifest.summary(read=read, coded=coded, stored=0, seconds=round(seconds, 3),
                     articles_per_second=round(summary.articles_per_second, 1), engine="ray",
                     out_dir=str(out_dir))
    return summary


def _run_stages(ray: Any, files: list[dict[str, Any]], out_dir: Path, limits: ReadLimits,
                address: str | None, workers: int | None) -> list[dict[str, Any]]:
    started_here = _start_ray(ray, address, workers)
    try:
        context = ray.data.DataContext.get_current()
        context.enable_progress_bars = False  # hadath prints its own totals
        dataset = (
            ray.data.from_items(files, override_num_blocks=len(files))
            .map_batches(functools.partial(_read_batch, limits=limits), batch_size=1,
                         batch_format="pyarrow")
            .repartition(target_num_rows_per_block=_BLOCK_ROWS)
            .map_batches(_code_batch, batch_size=_BLOCK_ROWS, batch_format="pyarrow",
                         compute=ray.data.TaskPoolStrategy(size=workers))
        )
        sink = _partition_sink(out_dir, uuid.uuid4().hex[:8])
        dataset.write_datasink(sink)
        return sink.results
    finally:
        if started_here:
            ray.shutdown()

