"""Corpus runs into a SQLite store: articles/s and peak memory for 1 and N workers.

Each configuration runs in a fresh process (so peak memory is its own) and codes
the corpus into a fresh store, as `hadath code CORPUS --db STORE --workers W`
does; then the N-worker store is run again to show that a rerun adds no rows.
The time to merely read and parse the JSON Lines is measured for scale.

usage: python bench/bench_store.py ../shared/corpora/ant/articles.jsonl [--limit 3000]
       [--workers N]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from hadath.engine.manifest import Manifest
from hadath.engine.runner import code_paths, default_workers
from hadath.store.sqlite import Store

_TABLES = ("articles", "entities", "actors", "events", "quotes")


def _rows(db: Path) -> dict[str, int]:
    with Store(db) as store:
        return {table: store.count(table) for table in _TABLES}


def run_one(corpus: str, db: str, workers: int) -> dict[str, float]:
    """Code `corpus` into `db` in this process; the figures as a dict."""
    with Store(db) as store, Manifest(None) as manifest:
        summary = code_paths([corpus], None, manifest, sink=store, workers=workers,
                             skip_stored=True)
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"coded": summary.coded, "stored": summary.stored, "seconds": summary.seconds,
            "rate": summary.articles_per_second, "peak_mb": own, "worker_peak_mb": children}


def _in_subprocess(corpus: Path, db: Path, workers: int) -> dict[str, float]:
    output = subprocess.run([sys.executable, __file__, "--one", str(corpus), "--db", str(db),
                             "--workers", str(workers)],
                            check=True, capture_output=True, text=True).stdout
    return json.loads(output.splitlines()[-1])


def _parse_seconds(corpus: Path) -> tuple[int, float]:
    started = time.perf_counter()
    with corpus.open("rb") as stream:
        parsed = sum(1 for line in stream if line.strip() and json.loads(line))
    return parsed, time.perf_counter() - started


def _limited(corpus: Path, limit: int, folder: Path) -> Path:
    if not limit:
        return corpus
    path = folder / "corpus.jsonl"
    with corpus.open("rb") as source, path.open("wb") as target:
        for _, line in zip(range(limit), source, strict=False):
            target.write(line)
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus")
    parser.add_argument("--limit", type=int, default=0, help="first N lines only")
    parser.add_argument("--workers", type=int, default=default_workers())
    parser.add_argument("--one", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--db", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.corpus, args.db, args.workers)))
        return
    with tempfile.TemporaryDirectory(prefix="hadath-bench-") as folder:
        corpus = _limited(Path(args.corpus), args.limit, Path(folder))
        parsed, parse_seconds = _parse_seconds(corpus)
        print(f"read + parse only: {parsed} records in {parse_seconds:.2f} s "
              f"({parsed / parse_seconds:,.0f}/s)")
        for workers in sorted({1, args.workers}):
            db = Path(folder) / f"w{workers}.sqlite"
            figures = _in_subprocess(corpus, db, workers)
            print(f"{workers} worker(s): {figures['coded']:.0f} coded in "
                  f"{figures['seconds']:.1f} s = {figures['rate']:.1f} articles/s; peak memory "
                  f"{figures['peak_mb']:.0f} MB (parent), {figures['worker_peak_mb']:.0f} MB "
                  f"(largest worker); store {db.stat().st_size / 2**20:.1f} MB")
        before = _rows(db)
        rerun = _in_subprocess(corpus, db, args.workers)
        added = {t: n - before[t] for t, n in _rows(db).items()}
        print(f"rerun ({args.workers} workers): {rerun['coded']:.0f} coded, "
              f"{rerun['stored']:.0f} already stored, in {rerun['seconds']:.1f} s; "
              f"rows added: {added}")


if __name__ == "__main__":
    main()
