"""The batch runner turns the automatic garbage collector off while it codes and collects
between articles itself (hadath.engine.runner): the collector is back on afterwards, and
a reference cycle made while coding is freed within _COLLECT_EVERY articles."""

from __future__ import annotations

import gc
import io
import json
import weakref
from pathlib import Path

import pytest

from hadath.engine import runner
from hadath.engine.manifest import Manifest

ARABIC = "قال وزير الخارجية الروسي إن المحادثات مع الجانب الجزائري كانت مثمرة."


class _Node:
    def __init__(self) -> None:
        self.other: _Node | None = None


def test_code_paths_turns_the_collector_back_on(tmp_path: Path) -> None:
    corpus = tmp_path / "in.jsonl"
    corpus.write_text("".join(json.dumps({"id": str(i), "text": ARABIC}, ensure_ascii=False)
                              + "\n" for i in range(3)), "utf-8")
    seen_during: list[bool] = []
    real = runner.code_record

    def spying(record: dict) -> tuple[str, object]:
        seen_during.append(gc.isenabled())
        return real(record)

    out = io.StringIO()
    with Manifest(tmp_path / "manifest.jsonl") as manifest, pytest.MonkeyPatch.context() as mp:
        mp.setattr(runner, "code_record", spying)
        summary = runner.code_paths([str(corpus)], out, manifest, workers=1)
    assert summary.coded == 3
    assert seen_during[-3:] == [False, False, False]  # before them, maybe the warm-up's
    assert gc.isenabled()


def test_cycles_made_while_the_collector_is_off_are_collected_between_articles(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(runner, "_COLLECT_EVERY", 2)
    with runner._collector_off():
        a, b = _Node(), _Node()
        a.other, b.other = b, a
        alive = weakref.ref(a)
        del a, b
        runner._collect_now_and_then()
        runner._collect_now_and_then()
        assert alive() is None
    assert gc.isenabled()
