"""Verdicts (store version 3): recorded, scored by `hadath eval --verified`, exported as gold."""

from __future__ import annotations

import json
import sqlite3
from importlib.resources import files
from pathlib import Path

import pytest
from click.testing import CliRunner

from hadath.cli import main
from hadath.store.migrate import CURRENT_VERSION
from hadath.store.sqlite import Store
from hadath.store.verdicts import (
    Correction,
    VerdictError,
    export_verified_gold,
    record_verdict,
    score_verdicts,
)


@pytest.fixture
def judged(fresh_demo_db: Path) -> Path:
    with Store(fresh_demo_db) as store:
        record_verdict(store.conn, "seed", 0, "right")
        record_verdict(store.conn, "seed", 1, "corrected", Correction(cameo="042"))
        record_verdict(store.conn, "seed", 2, "corrected", Correction(target="DZA"))
        record_verdict(store.conn, "seed", 3, "wrong", note="Le Drian's words, not an act")
    return fresh_demo_db


def test_verdicts_score_is_precision_on_judged_events(judged: Path) -> None:
    with Store(judged) as store:
        scores = score_verdicts(store.conn)
    assert scores["judged"] == 4 and scores["stale"] == 0
    assert (scores["right"], scores["wrong"], scores["corrected"]) == (1, 1, 2)
    assert scores["precision"] == 0.25
    assert scores["event_precision"] == 0.75
    assert scores["root_agreement"] == 1.0        # 040 -> 042 keeps root 04
    assert scores["target_agreement"] == round(2 / 3, 3)


def test_verdicts_latest_wins(judged: Path) -> None:
    with Store(judged) as store:
        record_verdict(store.conn, "seed", 3, "right")
        assert score_verdicts(store.conn)["right"] == 2
        assert store.query("SELECT count(*) FROM verdicts")[0][0] == 4


def test_verdicts_go_stale_when_the_article_changes(judged: Path) -> None:
    with sqlite3.connect(judged) as conn:
        conn.execute("UPDATE articles SET text_hash = 'other' WHERE id = 'seed'")
    with Store(judged) as store:
        scores = score_verdicts(store.conn)
    assert scores["judged"] == 0 and scores["stale"] == 4 and scores["precision"] is None


@pytest.mark.parametrize(("idx", "verdict", "fix", "message"), [
    (99, "right", None, "no event 99"),
    (0, "sure", None, "verdict must be"),
    (0, "corrected", Correction(cameo="0400"), "not a CAMEO code"),
    (0, "corrected", Correction(source="ru"), "not an actor code"),
    (0, "corrected", Correction(), "must change"),
])
def test_verdicts_refused(fresh_demo_db: Path, idx: int, verdict: str,
                          fix: Correction | None, message: str) -> None:
    with Store(fresh_demo_db) as store, pytest.raises(VerdictError, match=message):
        record_verdict(store.conn, "seed", idx, verdict, fix)


def test_verdicts_export_gold_lines(judged: Path, tmp_path: Path) -> None:
    out = tmp_path / "gold.jsonl"
    with Store(judged) as store, open(out, "w", encoding="utf-8") as stream:
        assert export_verified_gold(store.conn, stream) == 1
    (record,) = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert record["id"] == "seed" and record["title"] == "تقارب روسي جزائري حيال الأزمة الليبية"
    events = record["gold"]["events"]
    assert len(events) == 3  # the wrong one is left out
    assert events[0]["source"] == ["RUS"] and events[0]["target"] == ["DZA"]
    assert events[1]["cameo"] == ["042"] and events[1]["plover"] == "CONSULT"
    assert events[2]["target"] == ["DZA"]
    for event in events:
        assert set(event) == {"source", "target", "cameo", "plover", "symmetric", "required",
                              "date", "evidence"}
        assert event["evidence"] in record["text"]
    assert record["gold"]["actors"] == [] and record["verified"]["wrong"] == 1


def test_verdicts_cli_eval_and_export(judged: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(main, ["eval", "--verified", str(judged)])
    assert result.exit_code == 0, result.output
    assert "events judged: 4 (right 1, wrong 1, corrected 2" in result.output
    assert "precision: 0.250" in result.output and "Precision only" in result.output
    as_json = runner.invoke(main, ["eval", "--verified", str(judged), "--json"])
    assert json.loads(as_json.output)["event_precision"] == 0.75
    out = tmp_path / "verified.jsonl"
    exported = runner.invoke(main, ["export", "--db", str(judged), "--verified", "--out",
                                    str(out)])
    assert exported.exit_code == 0 and len(out.read_text("utf-8").splitlines()) == 1
    both = runner.invoke(main, ["export", "--db", str(judged), "--verified", "--format", "csv"])
    assert both.exit_code == 2 and "leave out --format" in both.output
    neither = runner.invoke(main, ["export", "--db", str(judged)])
    assert neither.exit_code == 2 and "--format" in neither.output
    assert runner.invoke(main, ["eval"]).exit_code == 2


def test_verdicts_migration_from_version_2(tmp_path: Path) -> None:
    path = tmp_path / "v2.sqlite"  # what hadath wrote before verdicts: schema 1 + migration 2
    conn = sqlite3.connect(path)
    conn.create_function("hadath_fold", 1, lambda t: t, deterministic=True)
    conn.create_function("hadath_fts_rowid", 1, lambda i: hash(i), deterministic=True)
    for name in ("schema.sql", "migration_002.sql"):
        conn.executescript(files("hadath.store").joinpath(name).read_text("utf-8"))
    conn.execute("INSERT INTO articles (id, text_hash, published, text, coded_at) "
                 "VALUES ('a', 'h', '2024-03-04', 'اتفقت روسيا والجزائر.', '2024-03-04')")
    conn.execute("INSERT INTO events (article_id, idx, cameo, cameo_root, negated) "
                 "VALUES ('a', 0, '030', '03', 0)")
    conn.execute("PRAGMA user_version = 2")
    conn.commit()
    conn.close()
    with Store(path) as store:
        assert store.migrated_from == 2
        assert store.query("PRAGMA user_version")[0][0] == CURRENT_VERSION
        assert store.count("events") == 1
        assert store.query("SELECT count(*) FROM verdicts")[0][0] == 0
        indexes = {r[0] for r in store.query("SELECT name FROM sqlite_master WHERE type = 'index'")}
        assert {"events_newest", "events_source", "articles_source"} <= indexes
