"""event_groups: the same real-world event reported by several articles is one group."""

from __future__ import annotations

from pathlib import Path

import pytest

from hadath.store.sqlite import Store
from tests.store.factories import make_doc, make_event

VISIT = "زار وزير الخارجية الجزائري موسكو أمس"
ATTACK = "قصفت القوات الروسية مواقع في إدلب"


@pytest.fixture
def store(tmp_path: Path) -> Store:
    with Store(tmp_path / "g.sqlite") as store:
        # The visit, three times by two outlets (CAMEO 042 and 0421 share base code 042) ...
        store.add(make_doc("a1", VISIT, [make_event(VISIT, "DZAGOV", "RUS", "042"),
                                         make_event(VISIT, "DZAGOV", "RUS", "0421")],
                           source="aljazeera", published="2024-03-06T09:00:00"))
        store.add(make_doc("a2", VISIT + " في زيارة رسمية",
                           [make_event(VISIT, "DZAGOV", "RUS", "042")],
                           source="alarabiya", published="2024-03-06T08:00:00"))
        store.add(make_doc("a3", VISIT + " وفق بيان",
                           [make_event(VISIT, "DZAGOV", "RUS", "042")],
                           source="aljazeera", published="2024-03-07T10:00:00"))
        # ... a denial of it (not an event), the same dyad a day later, another event,
        # and an undated one (its own group).
        store.add(make_doc("a4", "نفى الوزير أنه زار موسكو", [
            make_event(VISIT, "DZAGOV", "RUS", "042", negated=True),
            make_event(VISIT, "DZAGOV", "RUS", "042", date="2024-03-07"),
            make_event(ATTACK, "RUSMIL", "SYRREB", "195", date=None),
        ], published=None))
        store.add(make_doc("a5", ATTACK, [make_event(ATTACK, "RUSMIL", "SYRREB", "195")]))
        yield store


def test_groups_count_mentions_sources_articles(store: Store) -> None:
    rows = store.query("SELECT * FROM event_groups ORDER BY group_key")
    got = [(r["group_key"], r["num_mentions"], r["num_sources"], r["num_articles"],
            r["first_article_id"], r["last_article_id"]) for r in rows]
    assert got == [
        ("2024-03-06|DZAGOV|RUS|042", 4, 2, 3, "a2", "a3"),
        ("2024-03-06|RUSMIL|SYRREB|195", 1, 1, 1, "a5", "a5"),
        ("2024-03-07|DZAGOV|RUS|042", 1, 1, 1, "a4", "a4"),
        ("undated|a4|2", 1, 1, 1, "a4", "a4"),
    ]
    assert rows[0]["mean_goldstein"] == pytest.approx(1.9)


def test_groups_keep_each_event_row_with_its_article(store: Store) -> None:
    assert store.count("events") == 8  # grouping is a view: no row is merged away
    mentions = store.query("SELECT article_id, idx FROM event_mentions "
                           "WHERE group_key = '2024-03-06|DZAGOV|RUS|042' ORDER BY 1, 2")
    assert [tuple(m) for m in mentions] == [("a1", 0), ("a1", 1), ("a2", 0), ("a3", 0)]
