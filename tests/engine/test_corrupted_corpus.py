"""A corpus with broken records of every kind: the run finishes, every record is coded or
in the manifest with its reason, and no process grows past 1 GB (issue 8).

The full-size version (the ANT corpus, a 50 MB line, a 2 GB gzip bomb) is
bench/bench_corrupted.py; this one uses the bundled examples and smaller monsters.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from fuzz.checks import check_document
from fuzz.corrupt import BROKEN_KINDS, write_corrupted_corpus
from tests.conftest import EXAMPLES

# Runs `hadath code` and prints the largest peak RSS (kB) of it and its workers.
_MEASURED = """
import resource, subprocess, sys
run = subprocess.run(sys.argv[1:], capture_output=True, text=True)
sys.stderr.write(run.stderr)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
sys.exit(run.returncode)
"""


@pytest.mark.issue(8)
def test_corrupted_corpus_every_record_accounted_for(tmp_path: Path) -> None:
    good = (EXAMPLES / "articles.jsonl").read_bytes().splitlines()
    corpus = write_corrupted_corpus(tmp_path / "corpus", good, big_line_bytes=9 << 20,
                                    bomb_bytes=256 << 20)
    assert set(BROKEN_KINDS) <= set(corpus.broken)
    out, db, manifest = tmp_path / "out.jsonl", tmp_path / "db.sqlite", tmp_path / "run.jsonl"
    command = [sys.executable, "-c", "from hadath.cli import main; main()", "code",
               str(corpus.folder), "--out", str(out), "--db", str(db), "--manifest",
               str(manifest), "--workers", "2"]
    run = subprocess.run([sys.executable, "-c", _MEASURED, *command], capture_output=True,
                         text=True, timeout=120, check=False)
    assert run.returncode == 0, run.stderr[-2_000:]
    assert "Traceback" not in run.stderr
    peak_kb = int(run.stdout.split()[-1])
    assert peak_kb < 1 << 20, f"a process peaked at {peak_kb // 1024} MB"

    docs = [json.loads(line) for line in out.read_text("utf-8").split("\n")[:-1]]
    entries = [json.loads(line) for line in manifest.read_text("utf-8").splitlines()]
    rejected = [e for e in entries if e["kind"] == "rejected"]
    summary = entries[-1]
    assert summary["kind"] == "summary" and summary["coded"] == len(docs)
    assert len(docs) + len(rejected) == corpus.records
    assert len({e["origin"] for e in rejected}) == len(rejected)
    assert all(e["reason"] and "\n" not in e["reason"] for e in rejected)
    assert not any(e["reason"].startswith("internal error") for e in rejected)
    reasons = {e["reason"].split(":")[0].split(" (")[0] for e in rejected}
    assert {"not JSON", "not valid UTF-8", "text contains NUL characters", "empty text",
            "no Arabic text", "missing field 'text'", "'text' is int, not a string",
            "lone surrogate", "binary file", "not a JSON object but list"} <= reasons
    assert any("gzip bomb?" in e["reason"] for e in rejected)
    assert any(e["reason"].startswith("line of 9,437,") for e in rejected)
    assert any(e["reason"].startswith("text of 1,200,000 characters") for e in rejected)
    for doc in docs:
        check_document(doc)
    coded_ids = {doc["id"] for doc in docs}
    assert {"html", "rlo", "marks", "7", "bom", "ctl", "dup", "crlf", "story"} <= coded_ids
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        stored = {row[0] for row in conn.execute("SELECT id FROM articles")}
    finally:
        conn.close()
    assert stored == coded_ids  # the bomb file repeats two ids: same text, stored once
