"""The batch runner: read inputs, code each record, write documents, account for every record.

One bad record never stops a run: reading problems come from the readers as
rejections, and a record whose coding raises is rejected with the error's
name, so the manifest explains every input that produced no document.

Parallel runs keep input order (`Pool.imap`). Workers are forked after the
pipeline is built, so they share its tables instead of each loading them, and
each worker exits when the run's process dies (even by SIGKILL), so a killed
run leaves no orphans coding into the void.

The parent process only reads input, writes and commits: on a machine with as
many cores as workers, any time it spends is taken from the workers. So the
workers hand back what the parent writes, ready: the JSON line of each
document and the rows of the store (`article_rows`), and the parent writes the
store in transactions of many articles.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import itertools
import json
import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol, TextIO

from hadath.engine.manifest import Manifest
from hadath.engine.progress import Progress
from hadath.engine.readers import ReadLimits, Record, Rejected, read_inputs
from hadath.store.sqlite import ArticleRows, article_rows

__all__ = [
    "DocSink",
    "RunSummary",
    "code_paths",
    "code_record",
    "default_workers",
    "prepare_record",
    "published_warning",
]

_PARENT_CHECK_SECONDS = 1.0
# Articles per store transaction, and the longest wait between two commits: a killed
# run loses at most this much work, and a commit per article would cost more than
# writing it (the full-text index writes a segment per transaction).
_BATCH_ARTICLES = 64
_BATCH_SECONDS = 2.0
_CHUNK_RECORDS = 16  # records per message to a worker
_COLLECT_EVERY = 500  # articles between two garbage collections in a batch run
_ARTICLES_CODED = itertools.count(1)
# A sentence whose coding loads what components load lazily on first use: "The Russian
# foreign minister said yesterday in Moscow that his country will support Algeria."
_WARM_UP = {
    "id": "warm-up", "published": "2024-01-01",
    "text": "\u0642\u0627\u0644 \u0648\u0632\u064a\u0631 "  # qala wazir
            "\u0627\u0644\u062e\u0627\u0631\u062c\u064a\u0629 "  # al-kharijiya
            "\u0627\u0644\u0631\u0648\u0633\u064a \u0623\u0645\u0633 "  # al-rusi ams
            "\u0641\u064a \u0645\u0648\u0633\u0643\u0648 \u0625\u0646 "  # fi musku inna
            "\u0628\u0644\u0627\u062f\u0647 \u0633\u062a\u062f\u0639\u0645 "  # biladahu satad'am
            "\u0627\u0644\u062c\u0632\u0627\u0626\u0631.",  # al-jaza'ir
}


def default_workers() -> int:
    """The cores this process may run on (its CPU affinity), else all the machine's."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


class DocSink(Protocol):
    """Where coded documents go besides JSON Lines (the SQLite store)."""

    def add_rows(self, batch: Sequence[ArticleRows]) -> None: ...

    def holds(self, article_id: str, text: str) -> bool: ...


@dataclass(frozen=True, slots=True)
class RunSummary:
    """Totals of a run; `read` counts records, not paths that could not be opened."""

    read: int
    coded: int
    rejected: int
    warnings: int
    seconds: float
    stored: int = 0  # skipped: already in the store, same text, same coder (version, models)

    @property
    def articles_per_second(self) -> float:
        return self.coded / self.seconds if self.seconds > 0 else 0.0


def code_record(record: dict[str, Any]) -> tuple[str, Any]:
    """("coded", document dict) or ("failed", reason) for one validated record."""
    from hadath.pipeline import default_pipeline  # the top layer; imported where it is run
    from hadath.text.doc import Doc

    try:
        doc = default_pipeline()(Doc.from_record(record))
        # Every span written out; the tokens are not (the tokenizer's tests check them),
        # and checking their pieces cost as much as writing the store's full-text index.
        doc.check_offsets(tokens=False)
        return "coded", doc.to_dict()
    except Exception as exc:  # one article's failure must not end the batch
        return "failed", f"internal error: {type(exc).__name__}: {exc}"[:500]


def published_warning(record: dict[str, Any]) -> str | None:
    """Why the record's `published` cannot date its events, or None when it can (or is absent)."""
    published = record.get("published")
    if published in (None, ""):
        return None
    try:
        datetime.fromisoformat(str(published).replace("Z", "+00:00"))
    except ValueError:
        return f"'published' is not ISO 8601 ({str(published)[:40]!r}): dates left unresolved"
    return None


def prepare_record(item: Record, counter: int) -> dict[str, Any]:
    """The record's data with its `id` a string: given, or made from where it was read."""
    data = dict(item.data)
    if data.get("id") in (None, ""):
        # A stable id from where the record came from: file stem and line.
        origin = item.origin.rsplit("/", 1)[-1]
        data["id"] = origin.replace(".jsonl:", ":") if ":" in origin else f"doc-{counter}"
    else:
        data["id"] = str(data["id"])
    return data


def _code_item(item: tuple[str, dict[str, Any]], line: bool, rows: bool
               ) -> tuple[str, str, str, Any]:
    """(origin, id, "coded", (JSON line or None, store rows or None)) or (..., "failed", reason)."""
    origin, record = item
    _collect_now_and_then()
    status, payload = code_record(record)
    if status == "coded":
        payload = (json.dumps(payload, ensure_ascii=False) + "\n" if line else None,
                   article_rows(payload) if rows else None)
    return origin, record["id"], status, payload


@functools.cache  # once per process
def _warm_up() -> None:
    """Load what coding needs, then take it out of the garbage collector's sight.

    The lexicons, models and their caches are millions of objects that live as long as
    the process; without `gc.freeze` every full collection walks them all again, and in
    forked workers that walk would also copy the parent's pages it touches. This is the
    batch runner's process (or its workers'), whose collector settings are its own.
    """
    code_record(_WARM_UP)
    gc.collect()
    gc.freeze()
    # Coding an article leaves no reference cycles (checked: a collection after 500 ANT
    # articles found nothing to free), yet the collector ran 15,000 times over the ANT
    # corpus, 5% of the run, mostly scanning the objects of the article being coded.
    # Between articles only the caches' new entries are alive: while a batch codes, the
    # collector is off and `_collect_now_and_then` collects there, every _COLLECT_EVERY
    # articles, so each survivor is scanned once and a cycle (an exception's traceback,
    # say) lives at most that long.
    gc.set_threshold(100_000, 20, 50)  # for what the process does between batches


def _collect_now_and_then() -> None:
    """Collect the young generations every _COLLECT_EVERY articles coded while the
    collector is off (see `_warm_up`); nothing when it is on."""
    if not gc.isenabled() and next(_ARTICLES_CODED) % _COLLECT_EVERY == 0:
        gc.collect(1)


@contextlib.contextmanager
def _collector_off() -> Iterator[None]:
    """The automatic garbage collector off while coding (see `_warm_up`), as it was after."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def _exit_with_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(_PARENT_CHECK_SECONDS)
    os._exit(1)  # the run is gone: its results have nowhere to go


def _init_worker(parent: int) -> None:
    # Ctrl-C reaches the whole process group: the parent alone handles it (Pool.terminate).
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True).start()
    _warm_up()  # done already in a forked worker (inherited); a spawned one loads here
    gc.disable()  # the worker only codes: see `_warm_up`


def _coded_stream(
    items: Iterable[tuple[str, dict[str, Any]]], workers: int,
    code_item: Callable[[tuple[str, dict[str, Any]]], tuple[str, str, str, Any]],
) -> Iterator[tuple[str, str, str, Any]]:
    if workers <= 1:
        _warm_up()
        with _collector_off():
            yield from map(code_item, items)
        return
    context = multiprocessing.get_context()
    if context.get_start_method() == "fork":
        _warm_up()  # lexicons and models load here once; forked workers inherit them
    with context.Pool(workers, initializer=_init_worker, initargs=(os.getpid(),)) as pool:
        # imap keeps input order; chunks amortise the cost of pickling.
        yield from pool.imap(code_item, items, chunksize=_CHUNK_RECORDS)


def code_paths(
    paths: Iterable[str],
    out: TextIO | None,
    manifest: Manifest,
    sink: DocSink | None = None,
    limits: ReadLimits = ReadLimits(),
    workers: int = 1,
    progress: Progress | None = None,
    skip_stored: bool = False,
) -> RunSummary:
    """Code every record under `paths`; documents to `out` and `sink`, the rest to `manifest`.

    `progress`, when given, advances once per record read (coded, stored or rejected).
    With `skip_stored`, a record the sink already holds (same id, text and hadath
    version) is not coded again: a run killed midway resumes where it stopped. Only
    meaningful without `out`, which would then miss those documents.
    """
    started = time.perf_counter()
    counts = {"read": 0, "coded": 0, "stored": 0}

    def records() -> Iterator[tuple[str, dict[str, Any]]]:
        for item in read_inputs(paths, limits):
            counts["read"] += not (isinstance(item, Rejected) and item.unread)
            if isinstance(item, Rejected):
                manifest.reject(item.origin, item.reason, item.id)
                if progress is not None and not item.unread:
                    progress.advance()
                continue
            data = prepare_record(item, counts["read"])
            if skip_stored and sink is not None and sink.holds(data["id"], data["text"]):
                counts["stored"] += 1
                if progress is not None:
                    progress.advance()
                continue
            warning = published_warning(data)
            if warning:
                manifest.warn(item.origin, warning, data["id"])
            yield item.origin, data

    code_item = functools.partial(_code_item, line=out is not None, rows=sink is not None)
    batch: list[ArticleRows] = []
    committed = time.monotonic()
    try:
        for origin, ident, status, payload in _coded_stream(records(), workers, code_item):
            if status == "coded":
                counts["coded"] += 1
                line, rows = payload
                if out is not None:
                    out.write(line)
                if sink is not None:
                    batch.append(rows)
                    if len(batch) >= _BATCH_ARTICLES or \
                            time.monotonic() - committed >= _BATCH_SECONDS:
                        written, batch = batch, []
                        sink.add_rows(written)
                        committed = time.monotonic()
            else:
                manifest.reject(origin, payload, ident)
            if progress is not None:
                progress.advance()
    finally:
        if batch and sink is not None:  # the articles coded before a stop are kept
            sink.add_rows(batch)
    if progress is not None:
        progress.close()
    seconds = time.perf_counter() - started
    summary = RunSummary(counts["read"], counts["coded"], manifest.rejected, manifest.warnings,
                         seconds, counts["stored"])
    manifest.summary(read=summary.read, coded=summary.coded, stored=summary.stored,
                     seconds=round(seconds, 3),
                     articles_per_second=round(summary.articles_per_second, 1))
    return summary


def default_manifest_path(out: str | None, db: str | None) -> Path:
    """Beside the output when there is one, else in the working folder."""
    base = out if out and out != "-" else db
    return Path(f"{base}.manifest.jsonl") if base else Path("hadath.manifest.jsonl")
