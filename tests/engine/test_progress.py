"""Progress: a redrawn line on a terminal, log lines otherwise, never on standard output."""

from __future__ import annotations

import gzip
import io
import json
import logging
from pathlib import Path

import pytest
from click.testing import CliRunner

from hadath.cli import main
from hadath.engine.progress import Progress, count_records

ARABIC = "قال وزير الخارجية الروسي إن المحادثات مع الجانب الجزائري كانت مثمرة."


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_progress_terminal_line_with_rate_and_eta() -> None:
    clock, stream = FakeClock(), io.StringIO()
    progress = Progress(total=300, stream=stream, interactive=True, clock=clock)
    clock.now += 10
    progress.advance(100)
    assert stream.getvalue() == "\r\x1b[K100/300 records (33%), 10.0 articles/s, ETA 0:00:20"
    clock.now += 10
    progress.advance(200)
    progress.close()
    assert stream.getvalue().endswith("300/300 records (100%), 15.0 articles/s\n")


def test_progress_without_total_has_no_eta() -> None:
    clock = FakeClock()
    progress = Progress(stream=io.StringIO(), interactive=True, clock=clock)
    clock.now += 4
    progress.advance(10)
    assert progress.line() == "10 records, 2.5 articles/s"


def test_progress_logs_when_not_a_terminal(caplog: pytest.LogCaptureFixture) -> None:
    clock, stream = FakeClock(), io.StringIO()
    progress = Progress(total=10, stream=stream, interactive=False, log_every=30, clock=clock)
    with caplog.at_level(logging.INFO, logger="hadath.engine"):
        clock.now += 5
        progress.advance(2)  # too soon for a log line
        clock.now += 30
        progress.advance(2)
        progress.close()
    assert [r.getMessage() for r in caplog.records] == [
        "progress: 4/10 records (40%), 0.1 articles/s, ETA 0:00:52",
        "progress: 4/10 records (40%), 0.1 articles/s, ETA 0:00:52"]
    assert stream.getvalue() == ""


def test_progress_count_records(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_bytes(b'{"text": "1"}\n{"text": "2"}\n{"text": "3"}')
    (tmp_path / "b.txt").write_text(ARABIC, "utf-8")
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "c.txt").write_text(ARABIC, "utf-8")
    (folder / "d.ndjson").write_bytes(b'{"text": "1"}\n')
    with gzip.open(tmp_path / "e.jsonl.gz", "wb") as stream:
        stream.write(b'{"text": "1"}\n')
    assert count_records([str(tmp_path / "a.jsonl"), str(tmp_path / "b.txt"),
                          str(folder)]) == 6
    assert count_records([str(tmp_path / "a.jsonl"), "-"]) is None
    assert count_records([str(tmp_path / "e.jsonl.gz")]) is None


def test_progress_cli_keeps_stdout_for_documents(tmp_path: Path) -> None:
    records = "".join(json.dumps({"id": f"s{i}", "text": ARABIC}, ensure_ascii=False) + "\n"
                      for i in range(3))
    result = CliRunner().invoke(main, ["code", "-", "--workers", "1",
                                       "--manifest", str(tmp_path / "m.jsonl")], input=records)
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ["s0", "s1", "s2"]
    assert "hadath.engine progress: 3 records" in result.stderr
