"""WARC files: every HTML or text response is coded or listed in the manifest with its reason."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

pytest.importorskip("trafilatura", reason="WARC input needs the 'web' extra")
pytest.importorskip("warcio", reason="WARC input needs the 'web' extra")

from click.testing import CliRunner

from hadath.cli import main
from hadath.engine.readers import Record, read_inputs
from tests.engine.web_pages import (
    ENGLISH_PAGE,
    article_page,
    sample_articles,
    write_warc,
)

SITE = "https://www.example-news.net"


def _pages() -> list[tuple[str, str, bytes]]:
    first, second = sample_articles(2)
    undated = article_page(second, f"{SITE}/b.html", dated=False)
    return [
        (f"{SITE}/a.html", "text/html; charset=utf-8",
         article_page(first, f"{SITE}/a.html").encode()),
        (f"{SITE}/logo.png", "image/png", b"\x89PNG\r\n\x1a\n"),
        (f"{SITE}/en.html", "text/html", ENGLISH_PAGE.encode()),
        (f"{SITE}/missing", "text/html", b"<html><body>404</body></html>"),
        (f"{SITE}/b.html", "text/html", undated.encode("utf-8")),
        (f"{SITE}/c.txt", "text/plain; charset=windows-1256",
         ("خبر قصير\n\n" + second["text"]).encode("cp1256")),
    ]


@pytest.fixture
def warc(tmp_path: Path) -> Path:
    path = tmp_path / "news.warc.gz"
    write_warc(path, _pages())
    return path


@pytest.mark.parametrize("gzipped", [True, False])
def test_warc_pages_become_records_and_counted_rejections(tmp_path: Path, gzipped: bool) -> None:
    path = tmp_path / ("news.warc.gz" if gzipped else "news.warc")
    write_warc(path, _pages(), gzipped=gzipped)
    items = list(read_inputs([str(path)]))
    assert len(items) == 6  # one per response; request and warcinfo records are no pages
    outcome = [(i.data["url"] if isinstance(i, Record) else i.reason) for i in items]
    assert outcome == [f"{SITE}/a.html", "WARC response not HTML or text (image/png)",
                       "no Arabic text", "WARC response with HTTP status 404",
                       f"{SITE}/b.html", f"{SITE}/c.txt"]
    assert all("@" in i.origin for i in items)


def test_warc_record_fields(warc: Path) -> None:
    first, second = sample_articles(2)
    records = [i.data for i in read_inputs([str(warc)]) if isinstance(i, Record)]
    page, undated, text = records
    assert page["id"].startswith("urn:uuid:") and page["source"] == "example-news.net"
    assert page["text"] == first["text"] and page["title"] == first["title"]
    assert page["published"] == first["published"][:10]  # the page's date first
    assert undated["published"] == "2024-03-10T12:00:00Z"  # else when it was fetched
    assert text["title"] == "خبر قصير" and text["text"] == second["text"]  # windows-1256


@pytest.mark.parametrize(("page", "kept"), [(4, 1), (5, 2)])
def test_warc_truncated_file_keeps_records_before_the_break(
        tmp_path: Path, page: int, kept: int) -> None:
    path = tmp_path / "cut.warc"
    write_warc(path, _pages(), gzipped=False)
    data = path.read_bytes()
    url = _pages()[page][0].encode()
    cut = data.index(b"HTTP/1.1 200 OK", data.index(b"WARC-Target-URI: " + url)) + 900
    path.write_bytes(data[:cut])  # in the middle of that page's HTML or text
    items = list(read_inputs([str(path)]))
    assert len(items) == page + 1
    assert sum(isinstance(i, Record) for i in items) == kept
    assert items[-1].reason.startswith("WARC record truncated")


def test_warc_not_a_warc_is_one_rejection(tmp_path: Path) -> None:
    path = tmp_path / "bad.warc.gz"
    path.write_bytes(gzip.compress(b"this is not a WARC file at all\n" * 10))
    items = list(read_inputs([str(path)]))
    assert len(items) == 1 and items[0].unread
    assert items[0].reason == "not a WARC file (no WARC/1.x header at its start)"


def test_warc_cli_counts_add_up(warc: Path, tmp_path: Path) -> None:
    manifest = tmp_path / "m.jsonl"
    result = CliRunner().invoke(main, ["code", str(warc), "--out", str(tmp_path / "o.jsonl"),
                                       "--manifest", str(manifest), "--workers", "1"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in manifest.read_text("utf-8").splitlines()]
    summary = lines[-1]
    assert (summary["read"], summary["coded"], summary["rejected"]) == (6, 3, 3)
    assert summary["reasons"] == {"WARC response not HTML or text": 1, "no Arabic text": 1,
                                  "WARC response with HTTP status 404": 1}


@pytest.mark.parametrize("gzipped", [True, False])
def test_warc_cut_anywhere_ends_with_a_rejection(tmp_path: Path, gzipped: bool) -> None:
    path = tmp_path / ("cut.warc.gz" if gzipped else "cut.warc")
    write_warc(path, _pages(), gzipped=gzipped)
    data = path.read_bytes()
    endings = ("WARC file truncated", "WARC record truncated", "WARC file unreadable",
               "not a WARC file")
    for cut in range(7, len(data) - 1, 433):  # file, request and page records, headers, bodies
        path.write_bytes(data[:cut])
        items = list(read_inputs([str(path)]))
        assert items and items[-1].reason.startswith(endings), (cut, items[-1:])


def test_warc_rerun_into_a_store_adds_nothing(warc: Path, tmp_path: Path) -> None:
    from hadath.store.sqlite import Store

    db = tmp_path / "w.sqlite"
    args = ["code", str(warc), "--db", str(db), "--workers", "1",
            "--manifest", str(tmp_path / "m.jsonl")]
    for _ in range(2):
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 0, result.output
    with Store(db) as store:
        rows = [store.count(t) for t in ("articles", "events", "entities")]
        assert rows[0] == 3
    summary = json.loads((tmp_path / "m.jsonl").read_text("utf-8").splitlines()[-1])
    assert (summary["coded"], summary["stored"], summary["rejected"]) == (0, 3, 3)
    result = CliRunner().invoke(main, args)
    with Store(db) as store:
        assert [store.count(t) for t in ("articles", "events", "entities")] == rows
