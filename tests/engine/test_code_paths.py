"""`hadath code` writes only --out, --db and --manifest (issue 8): nothing in the working
folder, the input folder, HOME or TMPDIR, and it reads no link out of an input folder."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ARABIC = "قال وزير الخارجية الروسي إن المحادثات مع الجانب الجزائري كانت مثمرة."


def _files(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*") if not p.is_dir()}


def _sandbox(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """Input folder with a link out, and a working folder, HOME and TMPDIR to watch."""
    inputs = tmp_path / "inputs"
    (inputs / "sub").mkdir(parents=True)
    (inputs / "a.jsonl").write_text(json.dumps({"id": "a", "text": ARABIC},
                                               ensure_ascii=False) + "\n", "utf-8")
    (inputs / "sub" / "b.txt").write_text(ARABIC, "utf-8")
    secret = tmp_path / "secret"
    secret.mkdir()
    (secret / "c.txt").write_text(ARABIC + " سر", "utf-8")
    (inputs / "linked").symlink_to(secret, target_is_directory=True)
    (inputs / "linked.txt").symlink_to(secret / "c.txt")
    for name in ("work", "home", "tmp", "outputs"):
        (tmp_path / name).mkdir()
    env = {**os.environ, "HOME": str(tmp_path / "home"), "TMPDIR": str(tmp_path / "tmp")}
    return inputs, env


@pytest.mark.issue(8)
@pytest.mark.parametrize("workers", ["2"])  # the pool; the test below runs one worker
def test_code_paths_writes_only_its_outputs(tmp_path: Path, workers: str) -> None:
    inputs, env = _sandbox(tmp_path)
    before = _files(tmp_path)
    outputs = tmp_path / "outputs"
    run = subprocess.run(
        [sys.executable, "-c", "from hadath.cli import main; main()", "code", str(inputs),
         "--out", str(outputs / "o" / "coded.jsonl"), "--db", str(outputs / "d" / "s.sqlite"),
         "--manifest", str(outputs / "m" / "run.jsonl"), "--workers", workers],
        cwd=tmp_path / "work", env=env, capture_output=True, text=True, timeout=120,
        check=False)
    assert run.returncode == 0, run.stderr
    written = _files(tmp_path) - before
    assert written <= {"outputs/o/coded.jsonl", "outputs/d/s.sqlite", "outputs/d/s.sqlite-wal",
                       "outputs/d/s.sqlite-shm", "outputs/m/run.jsonl"}, written
    assert {"outputs/o/coded.jsonl", "outputs/d/s.sqlite", "outputs/m/run.jsonl"} <= written
    coded = [json.loads(line)["id"] for line in
             (outputs / "o" / "coded.jsonl").read_text("utf-8").splitlines()]
    assert coded == ["a", "b"]  # neither linked/c.txt nor linked.txt
    entries = [json.loads(line) for line in
               (outputs / "m" / "run.jsonl").read_text("utf-8").splitlines()]
    assert sorted(Path(e["origin"]).name for e in entries if e["kind"] == "rejected"
                  and e["reason"].startswith("symbolic link out")) == ["linked", "linked.txt"]


@pytest.mark.issue(8)
def test_code_paths_follow_symlinks_when_asked(tmp_path: Path) -> None:
    inputs, env = _sandbox(tmp_path)
    out = tmp_path / "outputs" / "coded.jsonl"
    run = subprocess.run(
        [sys.executable, "-c", "from hadath.cli import main; main()", "code", str(inputs),
         "--out", str(out), "--workers", "1", "--follow-symlinks"],
        cwd=tmp_path / "work", env=env, capture_output=True, text=True, timeout=120,
        check=False)
    assert run.returncode == 0, run.stderr
    coded = [json.loads(line)["id"] for line in out.read_text("utf-8").splitlines()]
    assert coded == ["a", "c", "linked", "b"]  # linked/c.txt and linked.txt, in name order
    # the default manifest sits beside --out, and nothing else is written
    assert _files(tmp_path / "outputs") == {"coded.jsonl", "coded.jsonl.manifest.jsonl"}
    assert _files(tmp_path / "work") == set() and _files(tmp_path / "tmp") == set()
