"""Imports point one way: text <- lexicon <- extract <- code <- store <- serve (STYLE.md §1)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "hadath"
LEAVES = {"errors", "registry", "records", "version"}
ORDER = ["text", "lexicon", "extract", "code", "store", "serve"]
# What each part of the package may import, besides the leaves.
ALLOWED = {
    **{layer: set(ORDER[: i + 1]) for i, layer in enumerate(ORDER)},
    "engine": set(ORDER) - {"serve"} | {"engine", "pipeline", "components"},
    "eval": set(ORDER) - {"serve"} | {"engine", "eval", "pipeline", "components"},
    "serve": set(ORDER) | {"pipeline", "components"},  # POST /v1/code runs the pipeline
}


def _hadath_imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        names = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        for name in names:
            parts = name.split(".")
            if parts[0] == "hadath" and len(parts) > 1:
                found.add(parts[1])
    return found


@pytest.mark.parametrize("part", sorted(ALLOWED))
def test_layers_imports_point_one_way(part: str) -> None:
    for path in sorted((PACKAGE / part).rglob("*.py")):
        wrong = _hadath_imports(path) - ALLOWED[part] - LEAVES
        assert not wrong, f"{path.relative_to(PACKAGE)} imports hadath.{sorted(wrong)}"


def test_layers_leaves_import_no_layer() -> None:
    for leaf in LEAVES:
        assert _hadath_imports(PACKAGE / f"{leaf}.py") <= LEAVES
