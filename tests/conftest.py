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
