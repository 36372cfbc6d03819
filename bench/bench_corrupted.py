"""Corrupted-corpus run: the ANT corpus with 1% broken records, a 50 MB line and a 2 GB gzip
bomb; checks that every record is coded or in the manifest and reports peak RSS (issue 8).

    .venv/bin/python bench/bench_corrupted.py [--limit N] [--workers 2]

Needs ../shared (the ANT corpus); falls back to examples/articles.jsonl without it.
Writes into a temporary folder, removed at the end.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from fuzz.corrupt import write_corrupted_corpus  # noqa: E402

ANT = REPO / ".." / "shared" / "corpora" / "ant" / "articles.jsonl"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=0, help="good articles (0: all)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--big-line-mb", type=int, default=50)
    parser.add_argument("--bomb-gb", type=float, default=2.0)
    args = parser.parse_args()
    source = ANT if ANT.exists() else REPO / "examples" / "articles.jsonl"
    good = source.read_bytes().splitlines()
    good = good[: args.limit] if args.limit else good
    with tempfile.TemporaryDirectory(prefix="hadath-corrupted-") as scratch:
        folder = Path(scratch)
        corpus = write_corrupted_corpus(folder / "corpus", good,
                                        big_line_bytes=args.big_line_mb << 20,
                                        bomb_bytes=int(args.bomb_gb * (1 << 30)))
        size = sum(p.stat().st_size for p in corpus.folder.iterdir())
        print(f"corpus: {source.name}, {corpus.good:,} good and "
              f"{sum(corpus.broken.values()):,} broken records ({len(corpus.broken)} kinds), "
              f"{corpus.records:,} records, {size / 1e6:.0f} MB on disk")
        out, manifest = folder / "out.jsonl", folder / "manifest.jsonl"
        started = time.monotonic()
        run = subprocess.run(
            [sys.executable, "-c", "from hadath.cli import main; main()", "code",
             str(corpus.folder), "--out", str(out), "--db", str(folder / "db.sqlite"),
             "--manifest", str(manifest), "--workers", str(args.workers)],
            capture_output=True, text=True, check=False)
        seconds = time.monotonic() - started
        peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        coded = sum(1 for _ in out.open("rb"))
        entries = [json.loads(line) for line in manifest.open(encoding="utf-8")]
        rejected = [e for e in entries if e["kind"] == "rejected"]
        reasons = Counter(e["reason"].split(":")[0].split(" (")[0][:60] for e in rejected)
        print(f"exit {run.returncode} in {seconds:.0f} s; traceback: {'Traceback' in run.stderr}")
        print(f"coded {coded:,} + rejected {len(rejected):,} = {coded + len(rejected):,} "
              f"of {corpus.records:,} records; peak RSS of any process {peak_mb:.0f} MB")
        for reason, count in reasons.most_common():
            print(f"  {count:6,}  {reason}")
        accounted = coded + len(rejected) == corpus.records
        return 0 if run.returncode == 0 and accounted and peak_mb < 1024 else 1


if __name__ == "__main__":
    sys.exit(main())
