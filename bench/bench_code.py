"""Articles per second of `hadath code` on a JSON Lines corpus, next to the time to merely parse it.

Each run codes the corpus as `hadath code CORPUS --out ... [--db STORE] --workers W` does
(into a fresh store), in a fresh process (a process that coded the corpus once has its
caches warm, and forked workers would inherit them), and reports wall-clock seconds and
the CPU seconds of the parent and of the worker processes. On a machine shared with
other jobs the wall clock measures the share the scheduler gives the run (with Linux
autogroups, one share per session, whatever its number of processes); the CPU seconds
show what parallel coding costs, and `est.` is the speed-up they imply on N idle cores:
a run takes at least max(parent CPU, all its CPU / N) seconds there.

usage: python bench/bench_code.py ../shared/corpora/ant/articles.jsonl [--limit N]
       [--workers 1 2] [--repeat 3] [--db]
"""

from __future__ import annotations

import argparse
import io
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from hadath.engine.manifest import Manifest
from hadath.engine.runner import code_paths
from hadath.store.sqlite import Store


def _cpu_seconds() -> tuple[float, float]:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)  # workers, once joined
    return own.ru_utime + own.ru_stime, children.ru_utime + children.ru_stime


def run_once(path: str, workers: int, db: Path | None) -> dict[str, float]:
    """Code `path` once; wall seconds, CPU seconds (parent, workers), articles coded."""
    own_before, children_before = _cpu_seconds()
    store = Store(db) if db else None
    with Manifest(None) as manifest:
        summary = code_paths([path], io.StringIO(), manifest, sink=store, workers=workers)
    if store is not None:
        store.close()
    own_after, children_after = _cpu_seconds()
    return {"coded": summary.coded, "seconds": summary.seconds,
            "parent_cpu": own_after - own_before, "workers_cpu": children_after - children_before}


def _in_subprocess(path: str, workers: int, db: Path | None) -> dict[str, float]:
    command = [sys.executable, __file__, path, "--one", "--workers", str(workers)]
    if db is not None:
        command += ["--db-path", str(db)]
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    return json.loads(output.splitlines()[-1])


def _limited(path: str, limit: int, folder: Path) -> str:
    if not limit:
        return path
    target = folder / "corpus.jsonl"
    with open(path, "rb") as source, target.open("wb") as stream:
        stream.writelines(line for _, line in zip(range(limit), source, strict=False))
    return str(target)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus")
    parser.add_argument("--limit", type=int, default=0, help="first N lines only")
    parser.add_argument("--workers", type=int, nargs="+", default=[1])
    parser.add_argument("--repeat", type=int, default=1, help="runs per worker count")
    parser.add_argument("--db", action="store_true", help="also write a (fresh) SQLite store")
    parser.add_argument("--one", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--db-path", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        db_path = Path(args.db_path) if args.db_path else None
        print(json.dumps(run_once(args.corpus, args.workers[0], db_path)))
        return
    with tempfile.TemporaryDirectory(prefix="hadath-bench-") as folder:
        path = _limited(args.corpus, args.limit, Path(folder))
        started = time.perf_counter()
        with open(path, encoding="utf-8") as stream:
            parsed = sum(1 for line in stream if json.loads(line))
        parse_seconds = time.perf_counter() - started
        print(f"parse only: {parsed} records in {parse_seconds:.2f} s "
              f"({parsed / parse_seconds:.0f}/s)")
        rates: dict[int, list[float]] = {}
        cpu: dict[int, list[float]] = {}  # least seconds of each run on idle cores
        for round_number in range(args.repeat):
            for workers in args.workers:  # interleaved, so that load changes hit both alike
                db = Path(folder) / f"r{round_number}-w{workers}.sqlite" if args.db else None
                run = _in_subprocess(path, workers, db)
                rate = run["coded"] / run["seconds"]
                rates.setdefault(workers, []).append(rate)
                total = run["parent_cpu"] + run["workers_cpu"]
                cpu.setdefault(workers, []).append(max(run["parent_cpu"], total / workers))
                print(f"run {round_number + 1}, {workers} worker(s): {run['coded']} coded in "
                      f"{run['seconds']:.2f} s = {rate:.1f} articles/s; CPU s: parent "
                      f"{run['parent_cpu']:.1f}, workers {run['workers_cpu']:.1f} "
                      f"({1000 * (run['parent_cpu'] + run['workers_cpu']) / run['coded']:.1f}"
                      f" ms/article)", flush=True)
        fewest = min(args.workers)
        for workers, values in sorted(rates.items()):
            ratio = statistics.median(values) / statistics.median(rates[fewest])
            estimate = statistics.median(cpu[fewest]) / statistics.median(cpu[workers])
            print(f"{workers} worker(s): median {statistics.median(values):.1f} articles/s "
                  f"(runs: {', '.join(f'{v:.1f}' for v in values)}); "
                  f"{ratio:.2f}x {fewest} worker(s) by the clock, est. {estimate:.2f}x on idle "
                  "cores")


if __name__ == "__main__":
    main()
