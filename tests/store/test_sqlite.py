"""The SQLite store: one transaction per article, reruns add nothing, changes replace."""

from __future__ import annotations

from pathlib import Path

from hadath.store.sqlite import Store
from hadath.store.summary import render_summary


def _doc(ident: str, text: str, cameo: str = "042") -> dict:
    ref = {"code": "DZAGOV", "name": "Algeria", "text": text[:3], "start": 0, "end": 3}
    return {
        "id": ident, "title": None, "published": "2024-03-06", "source": "t", "url": None,
        "text": text, "entities": [{"text": text[:3], "start": 0, "end": 3, "type": "GPE"}],
        "actors": [{"code": "DZA", "name": "Algeria", "kind": "country", "mentions": [[0, 3]]}],
        "events": [{"source": ref, "target": {**ref, "code": "RUS"}, "cameo": cameo,
                    "cameo_label": "", "plover": {"type": "CONSULT", "mode": "visit"},
                    "goldstein": 1.9, "quad_class": 1, "date": "2024-03-06",
                    "date_precision": "day", "place": None, "negated": False,
                    "sentence": {"start": 0, "end": len(text)},
                    "trigger": {"text": text[:3], "start": 0, "end": 3},
                    "evidence": {"start": 0, "end": len(text)}, "confidence": 0.8}],
        "quotes": [], "dates": [], "places": [], "hadath": {"version": "test"}, "feed": "x",
    }


def test_store_rerun_adds_nothing_and_change_replaces(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite"
    with Store(path) as store:
        store.add(_doc("a", "زار الوزير موسكو"))
        store.add(_doc("b", "زار الوزير الجزائر"))
    with Store(path) as store:
        store.add(_doc("a", "زار الوزير موسكو"))
        assert (store.added, store.unchanged) == (0, 1)
        store.add(_doc("b", "هاجم الجيش المدينة", cameo="190"))
        assert store.replaced == 1
        assert store.count("articles") == 2 and store.count("events") == 2
        rows = store.query("SELECT article_id, cameo, cameo_root FROM events ORDER BY article_id")
        assert [tuple(r) for r in rows] == [("a", "042", "04"), ("b", "190", "19")]
        (article,) = store.query("SELECT extra FROM articles WHERE id = 'a'")
        assert article["extra"] == '{"feed": "x"}'


def test_store_summary_lists_roots_and_dyads(tmp_path: Path) -> None:
    with Store(tmp_path / "s.sqlite") as store:
        store.add(_doc("a", "زار الوزير موسكو"))
        text = render_summary(store)
    assert "Make A Visit" not in text  # roots are summarised, not codes
    assert "Consult" in text and "DZAGOV  RUS" in text
