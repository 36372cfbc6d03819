"""Dashboard pages: they render on the demo store, escape article data, forbid inline script."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the serve extra (fastapi) is not installed")
pytest.importorskip("httpx", reason="httpx (for fastapi's TestClient) is not installed")

from fastapi.testclient import TestClient

import hadath
from hadath.serve.app import create_app
from hadath.serve.highlight import Mark, segments
from hadath.store.sqlite import Store

_INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.I)


@pytest.fixture(scope="module")
def client(demo_db: Path) -> TestClient:
    return TestClient(create_app(demo_db))


@pytest.mark.parametrize(("url", "expected"), [
    ("/", "Events"),
    ("/?actor=RUS&root=03", "اتفقت"),
    ("/?q=لافروف", "seed"),
    ("/articles/seed", "تقارب روسي جزائري"),
    ("/actors", "DZAGOV"),
    ("/actors?prefix=RUS", "RUSGOV"),
    ("/actors/RUS", "Top partners over time"),
    ("/quotes", "blockquote"),
    ("/quotes?speaker=DZAGOV&q=ليبيا", "DZAGOV"),
    ("/network", 'id="network-chart"'),
    ("/dyads?a=RUS&b=DZA", 'data-a="RUS"'),
    ("/map", "Moscow"),
])
def test_pages_render(client: TestClient, url: str, expected: str) -> None:
    response = client.get(url)
    assert response.status_code == 200
    assert expected in response.text
    assert "script-src 'self'" in response.headers["content-security-policy"]
    assert not _INLINE_SCRIPT.search(response.text), "pages must hold no inline script"


def test_pages_events_filter_narrows_the_table(client: TestClient) -> None:
    everything = client.get("/").text
    filtered = client.get("/", params={"plover": "ASSAULT"}).text
    rows = re.compile(r'<tr class="event-row')
    assert 0 < len(rows.findall(filtered)) < len(rows.findall(everything))


def test_pages_bad_filter_shows_the_error(client: TestClient) -> None:
    response = client.get("/", params={"source": "<b>"})
    assert response.status_code == 200
    assert "is not an actor code" in response.text and "&lt;b&gt;" in response.text


def test_pages_article_highlights_every_layer(client: TestClient) -> None:
    article = client.get("/v1/articles/seed").json()
    page = client.get("/articles/seed").text
    for layer in ("hl-ent", "hl-actor", "hl-trig", "hl-quote"):
        assert layer in page
    for event in article["events"]:
        assert f'id="event-{event["idx"]}"' in page
        assert f'data-ref="event-{event["idx"]}"' in page
    assert 'dir="rtl"' in page


def test_pages_unknown_article_is_a_404_page(client: TestClient) -> None:
    response = client.get("/articles/none-such")
    assert response.status_code == 404 and "none-such" in response.text


@pytest.mark.parametrize("hostile", ['<script>alert("x")</script>', '"><img src=x onerror=1>'])
def test_pages_escape_article_data(tmp_path: Path, hostile: str) -> None:
    db = tmp_path / "h.sqlite"
    text = (f"التقى لافروف نظيره الجزائري أمس في موسكو {hostile} "
            "وقال إن «الحوار هو الحل الوحيد للأزمة»")
    doc = hadath.code(text, published="2020-07-09", id="x<1>", title=hostile,
                      url="javascript:alert(1)")
    with Store(db) as store:
        store.add(doc.to_dict())
    client = TestClient(create_app(db))
    for url in ("/articles/x<1>", "/", "/actors/RUSGOV"):
        page = client.get(url).text
        assert hostile not in page, url
    page = client.get("/articles/x<1>").text
    assert "&lt;script&gt;" in page or "&lt;img" in page
    assert "x&lt;1&gt;" in page
    assert 'href="javascript:' not in page and "javascript:alert(1)" in page


@pytest.mark.parametrize(("text", "marks"), [
    ("abcdefghij", [Mark(0, 4, "ent", "A"), Mark(2, 6, "quote", "Q"), Mark(3, 4, "trig", "T")]),
    ("التقى لافروف نظيره", [Mark(6, 12, "ent", "PER", kind="PER"), Mark(6, 12, "actor", "R")]),
    ("short", [Mark(3, 99, "ent", "out of range"), Mark(2, 2, "ent", "empty")]),
])
def test_pages_highlight_segments_join_back(text: str, marks: list[Mark]) -> None:
    pieces = segments(text, marks)
    assert "".join(p.text for p in pieces) == text
    for piece in pieces:
        assert text[piece.start:piece.start + len(piece.text)] == piece.text
        for mark in piece.marks:
            assert mark.start <= piece.start and piece.start + len(piece.text) <= mark.end


def test_pages_links_quote_article_ids(tmp_path: Path) -> None:
    db = tmp_path / "h.sqlite"
    doc = hadath.code("التقى لافروف نظيره الجزائري أمس في موسكو", published="2020-07-09",
                      id="wire/2020#7?a b")
    with Store(db) as store:
        store.add(doc.to_dict())
    client = TestClient(create_app(db))
    assert '/articles/wire/2020%237%3Fa%20b#event-0"' in client.get("/").text
    page = client.get("/articles/wire/2020%237%3Fa%20b")
    assert page.status_code == 200 and "wire/2020#7?a b" in page.text


@pytest.mark.parametrize(("params", "shown"), [
    ({"quad_class": "4"}, '<option value="4" selected>'),
    ({"root": "4"}, '<option value="04" selected>'),
    ({"plover": "CONSULT"}, "<option selected>CONSULT</option>"),
    ({"actor": "RUS"}, 'name="actor" value="RUS"'),
])
def test_pages_events_form_keeps_the_filters(client: TestClient, params: dict[str, str],
                                             shown: str) -> None:
    assert shown in client.get("/", params=params).text
