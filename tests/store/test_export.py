"""Exports: GDELT 2.0 rows per event group, PLOVER records, CSV and Parquet, written atomically."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from hadath.cli import main
from hadath.store import export as export_module
from hadath.store.export import ExportError, atomic_path, export_store
from hadath.store.gdelt import GDELT_COLUMNS, event_id
from hadath.store.sqlite import Store
from tests.store.factories import make_doc, make_event

VISIT = "زار وزير الخارجية الجزائري موسكو أمس\nوقال إن الزيارة ناجحة"
MOSCOW = {"name": "Moscow", "country": "RUS", "lat": 55.7522, "lon": 37.6156}


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "e.sqlite"
    with Store(path) as store:
        doc = make_doc("a1", VISIT, [make_event(VISIT, "DZAGOV", "RUS", "0421", place=MOSCOW),
                                     make_event(VISIT, "IGOUNO", None, "010",
                                                date="2024-03")],
                       source="aljazeera", published="2024-03-06T09:00:00")
        doc["url"] = "https://example.org/a1"
        doc["events"][1]["sentence"] = {"start": 40, "end": len(VISIT)}
        store.add(doc)
        store.add(make_doc("a2", VISIT + " جدا", [make_event(VISIT, "DZAGOV", "RUS", "042"),
                                                 make_event(VISIT, "RUS", "DZA", "020",
                                                            negated=True)],
                           source="alarabiya", published="2024-03-06T12:00:00"))
    return path


def _gdelt(db: Path, tmp_path: Path) -> list[dict[str, str]]:
    out = tmp_path / "events.tsv"
    with Store(db) as store:
        assert export_store(store.conn, "gdelt", out) == 2
    lines = out.read_text("utf-8").splitlines()
    return [dict(zip(GDELT_COLUMNS, line.split("\t"), strict=True)) for line in lines]


def test_export_gdelt_one_row_per_group_with_counts(db: Path, tmp_path: Path) -> None:
    visit, statement = _gdelt(db, tmp_path)
    assert len(GDELT_COLUMNS) == 61
    assert {k: visit[k] for k in (
        "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate", "Actor1Code",
        "Actor1CountryCode", "Actor1Type1Code", "Actor2Code", "Actor2CountryCode",
        "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
        "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "ActionGeo_Type",
        "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_Lat", "SOURCEURL", "AvgTone",
    )} == {
        "GLOBALEVENTID": str(event_id("a1", 0)), "SQLDATE": "20240306", "MonthYear": "202403",
        "Year": "2024", "FractionDate": "2024.2630", "Actor1Code": "DZAGOV",
        "Actor1CountryCode": "DZA", "Actor1Type1Code": "GOV", "Actor2Code": "RUS",
        "Actor2CountryCode": "RUS", "IsRootEvent": "1", "EventCode": "0421",
        "EventBaseCode": "042", "EventRootCode": "04", "QuadClass": "1", "GoldsteinScale": "1.9",
        "NumMentions": "2", "NumSources": "2", "NumArticles": "2", "ActionGeo_Type": "4",
        "ActionGeo_FullName": "Moscow, Russia", "ActionGeo_CountryCode": "RUS",
        "ActionGeo_Lat": "55.7522", "SOURCEURL": "https://example.org/a1", "AvgTone": "",
    }
    assert len(visit["DATEADDED"]) == 14 and visit["DATEADDED"].isdigit()
    # A month-precise date has no SQLDATE; an IGO's code is its known group; not in the lead.
    assert (statement["SQLDATE"], statement["MonthYear"], statement["Year"]) == ("", "202403",
                                                                                "2024")
    assert (statement["Actor1KnownGroupCode"], statement["Actor1Type1Code"]) == ("UNO", "IGO")
    assert statement["IsRootEvent"] == "0" and statement["Actor2Code"] == ""


def test_export_plover_records(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.jsonl"
    with Store(db) as store:
        assert export_store(store.conn, "plover", out) == 3  # the negated event is left out
    first = json.loads(out.read_text("utf-8").splitlines()[0])
    assert first["id"] == f"{event_id('a1', 0):016x}" and first["story_id"] == "a1"
    assert first["actor"] == [{"code": "DZA", "sector": "GOV", "entity_text": VISIT[:3],
                               "identifier_text": "DZAGOV", "actor_code": "DZAGOV"}]
    assert first["recipient"][0]["code"] == "RUS" and first["recipient"][0]["sector"] is None
    assert (first["event"], first["mode"], first["date"]) == (["CONSULT"], ["visit"],
                                                              "2024-03-06")
    assert first["text"] == VISIT and first["event_loc"]["name"] == "Moscow"
    assert first["cite_info"]["source"] == "aljazeera"


def test_export_csv_is_the_events_table(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.csv"
    with Store(db) as store:
        assert export_store(store.conn, "csv", out) == 4
    rows = list(csv.DictReader(out.open(encoding="utf-8", newline="")))
    assert [(r["article_id"], r["idx"], r["cameo"], r["negated"]) for r in rows] == [
        ("a1", "0", "0421", "0"), ("a1", "1", "010", "0"), ("a2", "0", "042", "0"),
        ("a2", "1", "020", "1")]
    assert rows[0]["source_text"] == VISIT[:3]


def test_export_parquet_without_pyarrow_says_how(db: Path, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(__import__("sys").modules, "pyarrow", None)  # import fails
    result = CliRunner().invoke(main, ["export", "--db", str(db), "--format", "parquet",
                                       "--out", str(tmp_path / "e.parquet")])
    assert result.exit_code == 1
    assert "parquet format needs pyarrow: pip install 'hadath[parquet]'" in result.output
    assert not (tmp_path / "e.parquet").exists()


def test_export_parquet_round_trip(db: Path, tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet", reason="pyarrow (extra 'parquet') not installed")
    with Store(db) as store:
        export_store(store.conn, "parquet", tmp_path / "e.parquet")
    table = pq.read_table(tmp_path / "e.parquet")
    assert table.num_rows == 4 and table.column("cameo").to_pylist()[0] == "0421"


def test_export_crash_leaves_earlier_file_whole(db: Path, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "events.tsv"
    out.write_text("earlier export\n", "utf-8")

    def broken_rows(conn: object) -> object:
        yield ["1"] * 61
        raise RuntimeError("killed midway")

    monkeypatch.setattr(export_module, "gdelt_rows", broken_rows)
    with Store(db) as store, pytest.raises(RuntimeError):
        export_store(store.conn, "gdelt", out)
    assert out.read_text("utf-8") == "earlier export\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_export_atomic_path_renames_when_done(tmp_path: Path) -> None:
    with atomic_path(tmp_path / "sub" / "x.txt") as temp:
        temp.write_text("done", "utf-8")
        assert not (tmp_path / "sub" / "x.txt").exists()
    assert (tmp_path / "sub" / "x.txt").read_text("utf-8") == "done"
    assert [p.name for p in (tmp_path / "sub").iterdir()] == ["x.txt"]


def test_export_cli_gdelt_to_stdout_with_header(db: Path) -> None:
    result = CliRunner().invoke(main, ["export", "--db", str(db), "--format", "gdelt",
                                       "--header"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].split("\t") == list(GDELT_COLUMNS) and len(lines) == 3
    assert "2 gdelt rows written to stdout" in result.stderr


def test_export_unknown_format_lists_known() -> None:
    with pytest.raises(ExportError, match="known: gdelt, plover, csv, parquet"):
        export_store(None, "xml", None)  # type: ignore[arg-type]


def test_export_gkg_quotations_per_article(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from hadath.cli import main

    corpus = tmp_path / "q.jsonl"
    text = 'وقال وزير الخارجية الروسي سيرغي لافروف إن "الحل في ليبيا يجب أن يكون سياسيا".'
    corpus.write_text(json.dumps({"id": "q1", "text": text}, ensure_ascii=False) + "\n", "utf-8")
    db = tmp_path / "q.sqlite"
    assert CliRunner().invoke(main, ["code", str(corpus), "--db", str(db)]).exit_code == 0
    out = tmp_path / "quotes.tsv"
    result = CliRunner().invoke(main, ["export", "--db", str(db), "--format", "gkg-quotations",
                                       "--out", str(out)])
    assert result.exit_code == 0, result.output
    (line,) = out.read_text("utf-8").splitlines()
    article, field = line.split("\t")
    offset, length, verb, quote, speaker = field.split("#")[0].split("|")
    assert (article, verb, speaker) == ("q1", "وقال", "RUSGOV")
    assert text[int(offset):int(offset) + int(length)] == quote
