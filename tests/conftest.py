"""Shared fixtures: paths to ../shared (skipping when absent) and the bundled examples."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = (REPO / ".." / "shared").resolve()
EXAMPLES = REPO / "examples"

needs_shared = pytest.mark.skipif(
    not (SHARED / "eval" / "dev.gold.jsonl").exists(),
    reason="../shared (gold, corpus, reference data) is not present beside the repo",
)


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.exists():
        pytest.skip("../shared is not present beside the repo")
    return SHARED


@pytest.fixture(scope="session")
def seed_text() -> str:
    return (EXAMPLES / "seed.txt").read_text("utf-8")


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo store (`make demo`'s): examples/ coded into SQLite, once per session.

    Tests that write (verdicts) copy it first: see `fresh_demo_db`.
    """
    from click.testing import CliRunner

    from hadath.cli import main

    path = tmp_path_factory.mktemp("demo") / "hadath.sqlite"
    result = CliRunner().invoke(main, ["code", str(EXAMPLES / "articles.jsonl"),
                                       str(EXAMPLES / "seed.txt"), "--db", str(path),
                                       "--workers", "1"])
    assert result.exit_code == 0, result.output
    return path


@pytest.fixture
def fresh_demo_db(demo_db: Path, tmp_path: Path) -> Path:
    """A copy of the demo store this test may write into."""
    import sqlite3

    copy = tmp_path / "hadath.sqlite"
    with sqlite3.connect(demo_db) as source, sqlite3.connect(copy) as target:
        source.backup(target)
    return copy
