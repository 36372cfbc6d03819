"""The SQLite store: whole articles per transaction, reruns add nothing, changes replace."""

from __future__ import annotations

import sqlite3
from importlib.resources import files
from pathlib import Path

import pytest

from hadath.store.migrate import CURRENT_VERSION, StoreError
from hadath.store.sqlite import Store, article_rows, open_store
from hadath.store.summary import render_summary
from tests.store.factories import make_doc, make_event


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


def _all_rows(store: Store) -> dict[str, list[tuple]]:
    queries = {"articles": "SELECT id, text_hash, title, text, extra, hadath FROM articles",
               "events": "SELECT * FROM events", "entities": "SELECT * FROM entities",
               "actors": "SELECT * FROM actors", "quotes": "SELECT * FROM quotes",
               "fts": "SELECT rowid, article_id, title, text FROM articles_fts"}
    return {name: sorted(tuple(r) for r in store.query(sql)) for name, sql in queries.items()}


@pytest.mark.issue(6)
def test_store_batch_writes_the_rows_of_single_adds(tmp_path: Path) -> None:
    docs = [_doc("a", "زار الوزير موسكو"), _doc("b", "زار الوزير الجزائر"),
            _doc("a", "هاجم الجيش المدينة", cameo="190")]  # "a" again, changed: replaced
    with Store(tmp_path / "one.sqlite") as one, Store(tmp_path / "batch.sqlite") as batch:
        for doc in docs:
            one.add(doc)
        batch.add_rows([article_rows(doc) for doc in docs])
        assert (batch.added, batch.replaced, batch.unchanged) == (2, 1, 0)
        assert _all_rows(batch) == _all_rows(one)
        events = batch.query("SELECT article_id, cameo FROM events ORDER BY article_id")
        assert [tuple(r) for r in events] == [("a", "190"), ("b", "042")]
        batch.add_rows([article_rows(doc) for doc in docs[1:]])
        assert batch.unchanged == 2 and batch.count("articles") == 2


def test_store_summary_lists_roots_and_dyads(tmp_path: Path) -> None:
    with Store(tmp_path / "s.sqlite") as store:
        store.add(_doc("a", "زار الوزير موسكو"))
        text = render_summary(store)
    assert "Make A Visit" not in text  # roots are summarised, not codes
    assert "Consult" in text and "DZAGOV  RUS" in text


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("الرئيس", ["a"]),           # the index is folded: harakat in the text do not matter
        ("الرَّئِيسُ", ["a"]),        # nor in the query
        ("اجتماع", ["b"]),           # hamza on alef folded: the text has اجتماع as إجتماع
        ("الجزائر", ["a", "b"]),      # title and text both searched
        ("موسكو", []),
    ],
)
def test_store_search_folds_text_and_query(tmp_path: Path, query: str, expected: list) -> None:
    with Store(tmp_path / "s.sqlite") as store:
        store.add(make_doc("a", "وَصَلَ الرَّئِيسُ إلى الجزائر"))
        store.add(make_doc("b", "عقد إجتماع في تونس", title="وزير من الجزائر"))
        assert sorted(r["id"] for r in store.search(query)) == expected


def test_store_search_index_follows_replaced_article(tmp_path: Path) -> None:
    with Store(tmp_path / "s.sqlite") as store:
        store.add(make_doc("a", "زار الوزير موسكو"))
        store.add(make_doc("a", "زار الوزير أنقرة"))
        assert store.search("موسكو") == []
        assert [r["id"] for r in store.search("انقرة")] == ["a"]
        assert store.query("SELECT count(*) FROM articles_fts")[0][0] == 1


def test_store_rerun_with_new_version_replaces(tmp_path: Path) -> None:
    with Store(tmp_path / "s.sqlite") as store:
        store.add(make_doc("a", "زار الوزير موسكو"))
        assert store.holds("a", "زار الوزير موسكو")
        assert not store.holds("a", "زار الوزير أنقرة")
        newer = make_doc("a", "زار الوزير موسكو")
        newer["hadath"] = {"version": "9.9.9"}
        store.add(newer)
        assert (store.added, store.replaced, store.unchanged) == (1, 1, 0)
        assert not store.holds("a", "زار الوزير موسكو")  # stored by another version now


def test_store_rerun_with_another_recogniser_replaces(tmp_path: Path) -> None:
    # Models change between releases of one version: the coder is version and models.
    with Store(tmp_path / "s.sqlite") as store:
        older = make_doc("a", "زار الوزير موسكو")
        older["hadath"] = {"version": older["hadath"]["version"],
                           "models": {"ner": "perceptron sha256:9c648d49b3e18fda"}}
        store.add(older)
        assert not store.holds("a", "زار الوزير موسكو")  # a resumed run codes it again
        store.add(make_doc("a", "زار الوزير موسكو"))
        assert (store.added, store.replaced, store.unchanged) == (1, 1, 0)
        assert store.holds("a", "زار الوزير موسكو")
        store.add(make_doc("a", "زار الوزير موسكو"))
        assert store.unchanged == 1


@pytest.mark.parametrize(
    ("hadath", "coder"),
    [
        ({"version": "0.1.0"}, "0.1.0"),
        ({"version": "0.1.0", "models": {"ner": "crf-lbfgs sha256:1e55"}},
         "0.1.0 ner=crf-lbfgs sha256:1e55"),
        ({"version": "0.1.0", "models": {"ner": "b", "coref": "a"}}, "0.1.0 coref=a ner=b"),
        ({"version": "0.1.0", "models": "not a map"}, "0.1.0"),
        ({"models": {"ner": "x"}}, None),
        ({"version": 3}, None),
    ],
)
def test_store_coder_is_version_and_models(hadath: dict, coder: str | None) -> None:
    from hadath.store.sqlite import coder_of

    assert coder_of(hadath) == coder


def test_store_migrates_version_1(tmp_path: Path) -> None:
    path = tmp_path / "v1.sqlite"
    conn = sqlite3.connect(path)
    conn.executescript(files("hadath.store").joinpath("schema.sql").read_text("utf-8"))
    conn.execute("INSERT INTO articles (id, text_hash, title, text, coded_at) "
                 "VALUES ('old', 'h', 'عنوان', 'خبر قديم عن الجزائر', '2024-01-01')")
    conn.commit()
    conn.close()
    with Store(path) as store:
        assert store.migrated_from == 1
        assert store.query("PRAGMA user_version")[0][0] == CURRENT_VERSION
        assert [r["id"] for r in store.search("الجزائر")] == ["old"]
    with Store(path) as store:  # opening again changes nothing
        assert store.migrated_from == CURRENT_VERSION
        assert store.query("SELECT count(*) FROM articles_fts")[0][0] == 1


def test_store_refuses_newer_schema(tmp_path: Path) -> None:
    path = tmp_path / "future.sqlite"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {CURRENT_VERSION + 1}")
    conn.close()
    with pytest.raises(StoreError, match="newer than this hadath's"):
        Store(path)


def test_store_events_filters(tmp_path: Path) -> None:
    with Store(tmp_path / "s.sqlite") as store:
        store.add(make_doc("a", "زار الوزير موسكو", [
            make_event("زار الوزير موسكو", "DZAGOV", "RUS", "042", date="2024-03-01"),
            make_event("زار الوزير موسكو", "RUSMIL", "DZA", "190", date="2024-03-05")]))
        store.add(make_doc("b", "هاجم الجيش المدينة", [
            make_event("هاجم الجيش المدينة", "RUS", None, "193", date="2024-04-02")]))

        def keys(**filters: object) -> list[tuple[str, int]]:
            return [(r["article_id"], r["idx"]) for r in store.events(**filters)]

        assert keys() == [("a", 0), ("a", 1), ("b", 0)]
        assert keys(source="RUS") == [("a", 1), ("b", 0)]  # a prefix: RUS and RUSMIL
        assert keys(source="rusmil") == [("a", 1)]
        assert keys(target="DZA", root=19) == [("a", 1)]
        assert keys(root="19") == [("a", 1), ("b", 0)]
        assert keys(since="2024-03-02", until="2024-03-31") == [("a", 1)]
        assert store.events(source="RUS")[1]["outlet"] == "t"
        with pytest.raises(ValueError, match="not an actor code"):
            store.events(source="RUS%")


def test_store_open_store_needs_a_file(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="hadath code"):
        open_store(tmp_path / "missing.sqlite")
    assert not (tmp_path / "missing.sqlite").exists()


def test_store_keeps_one_actor_row_per_code_and_name_the_last_given(tmp_path: Path) -> None:
    doc = _doc("a", "زار الوزير موسكو")
    doc["actors"] = [
        {"code": "DZA", "name": "Algeria", "kind": "country", "mentions": [[0, 3]]},
        {"code": "RUS", "name": "Russia", "kind": "country", "mentions": [[11, 16]]},
        {"code": "DZA", "name": "Algeria", "kind": "organisation", "mentions": [[4, 10]]},
    ]
    with Store(tmp_path / "s.sqlite") as store:
        store.add(doc)
        rows = store.query("SELECT code, kind, mentions FROM actors ORDER BY rowid")
    # what INSERT OR REPLACE gave: the repeat replaces the first row and comes last
    assert [tuple(r) for r in rows] == [("RUS", "country", "[[11, 16]]"),
                                        ("DZA", "organisation", "[[4, 10]]")]
