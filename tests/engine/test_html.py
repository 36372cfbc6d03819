"""HTML pages become records with the article's main text, title, date and URL."""

from __future__ import annotations

import socket
import sys
from pathlib import Path

import pytest

pytest.importorskip("trafilatura", reason="HTML input needs the 'web' extra")

from hadath.engine.html import PageError, extract_page
from hadath.engine.readers import Record, Rejected, read_inputs
from tests.engine.web_pages import ENGLISH_PAGE, article_page, sample_articles


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("HTML extraction tried to reach the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


@pytest.mark.parametrize("article", sample_articles(3), ids=lambda a: a["id"])
def test_html_extracts_main_text_title_date_url(article: dict, no_network: None) -> None:
    url = f"https://www.example-news.net/ar/{article['id']}.html"
    fields = extract_page(article_page(article, url).encode("utf-8"))
    assert fields["text"] == article["text"]  # no menu, aside, footer, script or style
    assert fields["title"] == article["title"]
    assert fields["published"] == article["published"][:10]
    assert fields["url"] == url
    assert fields["source"] == "example-news.net"


@pytest.mark.parametrize("marker", ["سكربت", "نمط لا يظهر", "جميع الحقوق", "اقرأ أيضا"])
def test_html_scripts_styles_and_boilerplate_stay_out(marker: str) -> None:
    article = sample_articles(1)[0]
    assert marker in article_page(article)
    assert marker not in extract_page(article_page(article))["text"]


def test_html_page_without_date_has_none() -> None:
    article = sample_articles(1)[0]
    assert extract_page(article_page(article, dated=False))["published"] is None


@pytest.mark.parametrize("page", ["<html><body><nav><a href='/'>الرئيسية</a></nav></body></html>",
                                  "", "<<<>>>"])
def test_html_page_without_text_raises_page_error(page: str) -> None:
    with pytest.raises(PageError, match="HTML page"):
        extract_page(page)


def test_html_files_and_folders_become_records_or_rejections(tmp_path: Path) -> None:
    articles = sample_articles(2)
    for article in articles:
        (tmp_path / f"{article['id']}.html").write_text(article_page(article), "utf-8")
    (tmp_path / "markets.htm").write_text(ENGLISH_PAGE, "utf-8")
    (tmp_path / "empty.html").write_text("<html><body><p>الرئيسية</p></body></html>", "utf-8")
    items = list(read_inputs([str(tmp_path)]))
    records = [i for i in items if isinstance(i, Record)]
    rejected = {Path(i.origin).name: i.reason for i in items if isinstance(i, Rejected)}
    assert [r.data["id"] for r in records] == [a["id"] for a in articles]
    assert records[0].data["text"] == articles[0]["text"]
    assert rejected == {"markets.htm": "no Arabic text",
                        "empty.html": "HTML page without main text (1 word)"}


def test_html_without_the_web_extra_names_it(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    from click.testing import CliRunner

    from hadath.cli import main
    from hadath.engine.html import trafilatura_module

    page = tmp_path / "p.html"
    page.write_text(article_page(sample_articles(1)[0]), "utf-8")
    monkeypatch.setitem(sys.modules, "trafilatura", None)  # import trafilatura fails
    trafilatura_module.cache_clear()
    try:
        result = CliRunner().invoke(main, ["code", str(page), "--workers", "1",
                                           "--manifest", str(tmp_path / "m.jsonl")])
    finally:
        trafilatura_module.cache_clear()
    assert result.exit_code == 1
    assert "pip install 'hadath[web]'" in result.output


@pytest.mark.parametrize("encoding", ["windows-1256", "utf-8"])
def test_html_page_in_its_declared_encoding(encoding: str) -> None:
    article = sample_articles(1)[0]
    page = article_page(article).replace('charset="utf-8"', f'charset="{encoding}"')
    assert extract_page(page.encode(encoding, errors="ignore"))["text"] == article["text"]
