"""Hostile article text in a real browser: nothing the store holds may run as script.

An article whose title and text carry script, event-handler and javascript: payloads
(beside real Arabic news sentences, so that it has events, quotes and actors) is coded
into a store; the actor names, place names and a target code are then overwritten with
payloads too, as a hostile or corrupted store would hold them. Every page that shows the
article is opened in chromium: no dialog may open, no payload may set its window flag,
each payload must read as text, and the CSP must forbid inline scripts.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest

import hadath
from hadath.store.sqlite import Store

from .test_browser import ARTIFACTS, launch_chromium, pytestmark, serve

__all__ = ["pytestmark"]  # the chromium skip of test_browser applies here too

# Each payload sets window.__xss (and opens a dialog) if it ever runs.
SCRIPT = "<script>window.__xss='script';alert(1)</script>"
IMG = "<img src=x onerror=\"window.__xss='img';alert(2)\">"
SVG = "\"><svg onload=\"window.__xss='svg';alert(3)\">"
LINK = "[\u0627\u0642\u0631\u0623](javascript:window.__xss='link';alert(4))"  # iqra' (read)
ARTICLE_ID = "xss\"><b>1</b>"
TITLE = f"{SCRIPT} \u0644\u0627\u0641\u0631\u0648\u0641 {IMG} {SVG}"  # Lavrov
TEXT = (
    "\u0627\u0644\u062a\u0642\u0649 \u0648\u0632\u064a\u0631 \u0627\u0644\u062e\u0627\u0631"
    "\u062c\u064a\u0629 \u0627\u0644\u0631\u0648\u0633\u064a \u0633\u064a\u0631\u062c\u064a "
    "\u0644\u0627\u0641\u0631\u0648\u0641 \u0646\u0638\u064a\u0631\u0647 \u0627\u0644\u062c"
    "\u0632\u0627\u0626\u0631\u064a \u0635\u0628\u0631\u064a \u0628\u0648\u0642\u0627\u062f"
    "\u0648\u0645 \u0623\u0645\u0633 \u0641\u064a \u0645\u0648\u0633\u0643\u0648 "
    f"{SCRIPT}. "
    "\u0648\u0642\u0627\u0644 \u0644\u0627\u0641\u0631\u0648\u0641 \u0625\u0646 \u00ab\u0627"
    "\u0644\u062d\u0648\u0627\u0631 \u0647\u0648 \u0627\u0644\u062d\u0644 \u0627\u0644\u0648"
    "\u062d\u064a\u062f \u0644\u0644\u0623\u0632\u0645\u0629 \u0627\u0644\u0644\u064a\u0628"
    f"\u064a\u0629 {IMG}\u00bb. "
    "\u0648\u0627\u062a\u0647\u0645\u062a \u0627\u0644\u062d\u0643\u0648\u0645\u0629 \u0627"
    f"\u0644\u0644\u064a\u0628\u064a\u0629 {SVG} \u062a\u0631\u0643\u064a\u0627 \u0628\u0625"
    "\u0631\u0633\u0627\u0644 \u0645\u0631\u062a\u0632\u0642\u0629 \u0625\u0644\u0649 \u0633"
    f"\u0631\u062a. {LINK} javascript:alert(5)"
)
# The coded article reads (in Arabic): Russian foreign minister Sergey Lavrov met his
# Algerian counterpart Sabri Boukadoum yesterday in Moscow. Lavrov said that "dialogue is
# the only solution to the Libyan crisis". The Libyan government accused Turkey of sending
# mercenaries to Sirte.


def _hostile_store(db: Path) -> None:
    doc = hadath.code(TEXT, published="2020-07-09", id=ARTICLE_ID, title=TITLE,
                      url="javascript:window.__xss='url';alert(6)", source=IMG)
    assert doc.to_dict()["events"] and doc.to_dict()["quotes"], "the article codes nothing"
    with Store(db) as store:
        store.add(doc.to_dict())
    with sqlite3.connect(db) as conn:  # what the pipeline never writes, a hostile store might
        conn.execute("UPDATE actors SET name = ? WHERE code = 'RUSGOV'", (SVG,))
        conn.execute("UPDATE events SET source_name = ?, place_name = ?, "
                     "target_code = 'DZA' || ?", (IMG, SCRIPT, IMG))


@pytest.fixture(scope="module")
def hostile_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = tmp_path_factory.mktemp("xss") / "hadath.sqlite"
    _hostile_store(db)
    yield from serve(db)


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    yield from launch_chromium()


@pytest.fixture
def watched(chromium: Any, hostile_url: str) -> Iterator[Any]:
    """A page that records every dialog (and dismisses it) and every console error."""
    context = chromium.new_context(base_url=hostile_url, viewport={"width": 1400, "height": 1000})
    opened = context.new_page()
    opened.dialogs = []
    opened.problems = []
    opened.on("dialog", lambda d: (opened.dialogs.append(d.message), d.dismiss()))
    opened.on("console", lambda m: m.type == "error" and opened.problems.append(m.text))
    opened.on("pageerror", lambda e: opened.problems.append(str(e)))
    yield opened
    context.close()


ARTICLE_PATH = "/articles/" + quote(ARTICLE_ID, safe="")
# (path, a chart to wait for, payloads that must read as text on the page)
PAGES = [
    ("/", None, [IMG]),  # the target code, in the event row
    ("/?q=" + quote("\u0644\u0627\u0641\u0631\u0648\u0641"), None, [IMG]),
    (ARTICLE_PATH, None, [TITLE, SCRIPT, IMG, SVG, LINK, "javascript:alert(5)"]),
    ("/actors", None, [SVG]),
    ("/actors/RUSGOV", "#partners-chart", [SVG]),
    ("/quotes", None, [IMG, LINK]),
    ("/network?level=actor", "#network-chart", []),
    ("/map", "#map-chart", []),
    ("/dyads?a=RUSGOV&b=DZA", "#dyad-chart", []),
]


def _show_first_tooltip(page: Any, chart: str) -> None:
    """Hover the chart's first data item (the tooltip is HTML: the place for an injection)."""
    page.evaluate("""(sel) => {
        const chart = echarts.getInstanceByDom(document.querySelector(sel));
        chart.dispatchAction({type: 'showTip', seriesIndex: 0, dataIndex: 0});
    }""", chart)
    page.wait_for_timeout(300)


@pytest.mark.issue(8)
@pytest.mark.parametrize(("path", "chart", "shown"), PAGES)
def test_xss_nothing_runs(watched: Any, path: str, chart: str | None,
                          shown: list[str]) -> None:
    response = watched.goto(path)
    assert response.status == 200
    csp = response.headers["content-security-policy"]
    script_src = next(d for d in csp.split(";") if d.strip().startswith("script-src"))
    assert "'unsafe-inline'" not in script_src and "'unsafe-eval'" not in script_src
    if chart:
        watched.wait_for_selector(f"{chart}[data-ready]", timeout=15_000)
        if path.startswith(("/network", "/map", "/actors/", "/dyads")):
            _show_first_tooltip(watched, chart)
    body = watched.inner_text("body")
    for payload in shown:
        assert payload in body, payload
    assert watched.evaluate("() => window.__xss") is None
    assert watched.dialogs == []
    assert watched.locator("a[href^='javascript:' i]").count() == 0
    assert watched.locator("main script, main img, main svg, main iframe").count() == 0
    assert watched.problems == [], watched.problems
    ARTIFACTS.mkdir(exist_ok=True)
    watched.screenshot(path=str(ARTIFACTS / f"xss-{path.strip('/').split('?')[0] or 'events'}"
                                f"{'-' + path.split('=')[-1] if '?' in path else ''}.png"))


@pytest.mark.issue(8)
def test_xss_tooltips_show_the_names_as_text(watched: Any) -> None:
    watched.goto("/map")
    watched.wait_for_selector("#map-chart[data-ready]", timeout=15_000)
    _show_first_tooltip(watched, "#map-chart")
    tip = watched.evaluate("() => [...document.querySelectorAll('#map-chart div')]"
                           ".map(d => d.innerText).join(' ')")
    assert SCRIPT in tip  # the place name, shown as the text it is
    assert watched.evaluate("() => window.__xss") is None and watched.dialogs == []
