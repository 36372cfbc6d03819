"""The Python API: hadath.code(text) codes a text, hadath.open(db) reads a store."""

from __future__ import annotations

import importlib
import subprocess
import sys
from pathlib import Path

import pytest

import hadath
from hadath.store.sqlite import Store
from tests.store.factories import make_doc, make_event

SENTENCE = "التقى لافروف نظيره الجزائري أمس في موسكو"


def test_api_import_hadath_loads_no_pipeline() -> None:
    loaded = subprocess.run(
        [sys.executable, "-c", "import sys, hadath; "
         "print(sorted(m for m in sys.modules if m.startswith('hadath')))"],
        capture_output=True, text=True, check=True).stdout
    assert loaded.strip() == "['hadath', 'hadath.code', 'hadath.version']"


def test_api_code_returns_the_doc() -> None:
    doc = hadath.code(SENTENCE, published="2020-07-09", id="x1")
    assert doc.id == "x1" and doc.text == SENTENCE
    assert [(e.source.code if e.source else None, e.cameo[:2]) for e in doc.events] == [
        ("RUSGOV", "04")]
    # the coding layer's package still imports as before
    events = importlib.import_module("hadath.code.events")
    assert hadath.code.events is events and callable(hadath.code)


def test_api_open_reads_events(tmp_path: Path) -> None:
    path = tmp_path / "api.sqlite"
    with Store(path) as store:
        store.add(make_doc("a", "زار الوزير موسكو", [
            make_event("زار الوزير موسكو", "DZAGOV", "RUS", "042"),
            make_event("زار الوزير موسكو", "RUSMIL", "DZA", "190")]))
    with hadath.open(path) as store:
        assert [r["cameo"] for r in store.events(source="DZA")] == ["042"]
        assert [r["id"] for r in store.search("الوزير")] == ["a"]
        pandas = pytest.importorskip("pandas", reason="pandas not installed")
        frame = store.events(as_frame=True)
        assert isinstance(frame, pandas.DataFrame) and list(frame["cameo"]) == ["042", "190"]


def test_api_as_frame_without_pandas(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with Store(tmp_path / "s.sqlite") as store, pytest.raises(Exception, match="needs pandas"):
        store.events(as_frame=True)
