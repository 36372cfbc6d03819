"""Near-duplicate articles: syndicated or lightly edited copies share a story, others do not."""

from __future__ import annotations

import json
import sqlite3
from importlib.resources import files
from pathlib import Path

import pytest

from hadath.store.duplicates import DUPLICATE_JACCARD
from hadath.store.fingerprint import shingle_hashes
from hadath.store.sqlite import Store
from tests.conftest import EXAMPLES, SHARED
from tests.store.factories import make_doc, make_event

_LINES = (EXAMPLES / "articles.jsonl").read_text("utf-8").splitlines()
ARTICLES = {a["id"]: a for a in map(json.loads, _LINES)}
ORIGINAL = ARTICLES["sample-001"]["text"]


def _edited(text: str) -> str:
    """A syndicated copy: agency dateline, a few words changed, harakat, the last line cut."""
    lines = text.split("\n")
    copy = "\n".join(lines[:-1]) if len(lines) > 2 else text
    return ("(أ ف ب) - " + copy.replace("عنيفة", "ضارية").replace("سيطر", "سَيطَرَ")
            .replace("عدة ساعات", "ساعات طويلة") + "\nوتابعت الوكالة أن الوضع لا يزال متوترا.")


def _jaccard(first: str, second: str) -> float:
    a, b = shingle_hashes(first), shingle_hashes(second)
    return len(a & b) / len(a | b)


def _links(store: Store) -> dict[str, str | None]:
    rows = store.query("SELECT id, duplicate_of FROM articles")
    return {r["id"]: r["duplicate_of"] for r in rows}


@pytest.fixture
def store(tmp_path: Path) -> Store:
    with Store(tmp_path / "d.sqlite") as store:
        yield store


@pytest.mark.parametrize(("source", "text", "linked"), [
    ("afp", _edited(ORIGINAL), True),  # another outlet's edited copy
    ("aps", _edited(ORIGINAL), False),  # the same outlet's rewrite: a follow-up, not a copy
    ("aps", ORIGINAL.replace("عنيفة", "ضارية"), True),  # the same outlet's corrected copy
])
def test_duplicates_edited_copy_is_linked_to_the_earliest(store: Store, source: str, text: str,
                                                          linked: bool) -> None:
    assert _jaccard(ORIGINAL, _edited(ORIGINAL)) >= DUPLICATE_JACCARD
    store.add(make_doc("copy", text, source=source, published="2024-03-04T11:00:00"))
    store.add(make_doc("first", ORIGINAL, source="aps", published="2024-03-04T08:15:00"))
    store.add(make_doc("other", ARTICLES["sample-002"]["text"], source="aps"))
    assert _links(store) == {"first": None, "copy": "first" if linked else None, "other": None}


@pytest.mark.parametrize(("first", "second"), [("sample-028", "sample-029"),
                                               ("sample-001", "sample-038"),
                                               ("sample-023", "sample-040")])
def test_duplicates_same_topic_other_story_not_linked(store: Store, first: str,
                                                      second: str) -> None:
    store.add(make_doc(first, ARTICLES[first]["text"]))
    store.add(make_doc(second, ARTICLES[second]["text"]))
    assert _links(store) == {first: None, second: None}


@pytest.mark.parametrize("order", [(0, 1, 2), (2, 1, 0), (1, 2, 0)])
def test_duplicates_do_not_depend_on_arrival_order(tmp_path: Path,
                                                   order: tuple[int, ...]) -> None:
    docs = [make_doc("a", ORIGINAL, source="aps", published="2024-03-04T08:00:00"),
            make_doc("b", _edited(ORIGINAL), source="afp", published="2024-03-04T09:00:00"),
            make_doc("c", _edited(_edited(ORIGINAL)), source="qna",
                     published="2024-03-05T09:00:00")]
    with Store(tmp_path / "o.sqlite") as store:
        for number in order:
            store.add(docs[number])
        assert _links(store) == {"a": None, "b": "a", "c": "a"}


def test_duplicates_changed_article_leaves_its_cluster(store: Store) -> None:
    def doc(ident: str, text: str, source: str, hour: int) -> dict:
        return make_doc(ident, text, source=source, published=f"2024-03-04T{hour:02d}:00:00")

    store.add(doc("first", ORIGINAL, "aps", 8))
    store.add(doc("copy", _edited(ORIGINAL), "afp", 9))
    store.add(doc("copy2", _edited(_edited(ORIGINAL)), "qna", 10))
    assert _links(store) == {"first": None, "copy": "first", "copy2": "first"}
    bands = store.query("SELECT count(*) FROM article_bands")[0][0]
    store.add(doc("first", ORIGINAL, "aps", 8))  # a rerun
    assert store.query("SELECT count(*) FROM article_bands")[0][0] == bands
    store.add(doc("first", ARTICLES["sample-002"]["text"], "aps", 8))
    assert _links(store) == {"first": None, "copy": None, "copy2": "copy"}
    assert store.query("SELECT count(*) FROM article_bands")[0][0] == bands


def test_duplicates_copy_events_grouped_with_the_first_article(store: Store) -> None:
    visit = "زار وزير الخارجية الجزائري موسكو أمس"
    # The copy came out a day later: its "yesterday" resolved to another day.
    store.add(make_doc("first", ORIGINAL, [make_event(visit, "DZAGOV", "RUS", "042",
                                                      date="2024-03-03")],
                       source="aps", published="2024-03-04T08:00:00"))
    store.add(make_doc("copy", _edited(ORIGINAL), [make_event(visit, "DZAGOV", "RUS", "0421",
                                                              date="2024-03-04")],
                       source="echorouk", published="2024-03-05T07:00:00"))
    store.add(make_doc("later", ARTICLES["sample-002"]["text"], [
        make_event(visit, "DZAGOV", "RUS", "042", date="2024-03-03")], source="aps"))
    rows = store.query("SELECT group_key, num_mentions, num_sources, num_articles, num_stories, "
                       "first_article_id FROM event_groups")
    assert [tuple(r) for r in rows] == [("2024-03-03|DZAGOV|RUS|042", 3, 2, 3, 2, "first")]
    assert store.count("events") == 3  # each event row keeps its article


def test_duplicates_backfilled_when_a_version_2_store_is_opened(tmp_path: Path) -> None:
    path = tmp_path / "v2.sqlite"
    conn = sqlite3.connect(path)
    conn.create_function("hadath_fold", 1, lambda t: t, deterministic=True)
    conn.create_function("hadath_fts_rowid", 1, lambda i: hash(i), deterministic=True)
    for name in ("schema.sql", "migration_002.sql"):
        conn.executescript(files("hadath.store").joinpath(name).read_text("utf-8"))
    conn.executemany("INSERT INTO articles (id, text_hash, published, text, coded_at) "
                     "VALUES (?, 'h', ?, ?, '2024-01-01')",  # no outlet: 0.6 applies
                     [("copy", "2024-03-05", _edited(ORIGINAL)), ("first", "2024-03-04", ORIGINAL),
                      ("other", "2024-03-04", ARTICLES["sample-002"]["text"])])
    conn.execute("PRAGMA user_version = 2")
    conn.commit()
    conn.close()
    with Store(path) as store:
        assert store.migrated_from == 2
        assert _links(store) == {"copy": "first", "first": None, "other": None}
        assert store.query("SELECT count(*) FROM articles WHERE fingerprint IS NULL")[0][0] == 0


ANT = SHARED / "corpora" / "ant" / "articles.jsonl"


@pytest.mark.skipif(not ANT.exists(), reason="../shared/corpora/ant is not present")
@pytest.mark.parametrize(("first", "second", "linked"), [
    # Guterres calls for an inquiry into the killings in Gaza: Sky News Arabia and Al Arabiya.
    ("SK-middleEast-681-20180331", "AL-internationalNews-704-20180331", True),
    # Ghouta: a wave of people leaving vs. a rising death toll (a shared background paragraph).
    ("SK-middleEast-347-20180317", "SK-middleEast-368-20180318", False),
    # Egypt's election: voting extended, then counting begun. One outlet's two articles share
    # 72% of their shingles (its background paragraphs), yet report two events.
    ("SK-middleEast-630-20180328", "SK-middleEast-634-20180328", False),
])
def test_duplicates_on_ant_pairs(store: Store, first: str, second: str, linked: bool) -> None:
    wanted = {first, second}
    with ANT.open(encoding="utf-8") as stream:
        lines = [line for line in stream if line[:80].split('"')[3] in wanted]
    rows = [json.loads(line) for line in lines]
    assert len(rows) == 2
    for row in rows:
        store.add(make_doc(row["id"], row["text"], published=row["published"],
                           source=row["source"]))
    assert any(store.query("SELECT 1 FROM articles WHERE duplicate_of IS NOT NULL")) == linked
