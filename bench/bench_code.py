"""Articles per second of `hadath code` on a JSON Lines corpus, next to the time to merely parse it.

usage: python bench/bench_code.py ../shared/corpora/ant/articles.jsonl [--limit N] [--workers N]
"""

from __future__ import annotations

import argparse
import io
import json
import time

from hadath.engine.manifest import Manifest
from hadath.engine.runner import code_paths


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus")
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args()
    path = args.corpus
    if args.limit:
        with open(path, encoding="utf-8") as stream:
            lines = [line for _, line in zip(range(args.limit), stream, strict=False)]
        path = "/tmp/hadath-bench.jsonl"
        with open(path, "w", encoding="utf-8") as stream:
            stream.writelines(lines)
    started = time.perf_counter()
    with open(path, encoding="utf-8") as stream:
        parsed = sum(1 for line in stream if json.loads(line))
    parse_seconds = time.perf_counter() - started
    sink = io.StringIO()
    with Manifest(None) as manifest:
        summary = code_paths([path], sink, manifest, workers=args.workers)
    print(f"parse only: {parsed} records in {parse_seconds:.2f} s "
          f"({parsed / parse_seconds:.0f}/s)")
    print(f"code: {summary.coded} coded, {summary.rejected} rejected in {summary.seconds:.2f} s "
          f"= {summary.articles_per_second:.1f} articles/s with {args.workers} worker(s)")


if __name__ == "__main__":
    main()
