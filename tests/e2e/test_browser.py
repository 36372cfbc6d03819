"""The dashboard in a real browser: Debian's chromium, headless, driven by Playwright.

A uvicorn server on a free loopback port serves a copy of the demo store; each test
opens pages as an analyst would and keeps a screenshot in tests/e2e/artifacts/.
Never runs `playwright install`: without /usr/bin/chromium (apt-get install chromium)
or the playwright package, the tests skip.
"""

from __future__ import annotations

import shutil
import socket
import sqlite3
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync"]

pytestmark = [
    pytest.mark.skipif(not CHROMIUM.exists(),
                       reason="/usr/bin/chromium is not installed (apt-get install chromium)"),
]
sync_api = pytest.importorskip("playwright.sync_api",
                               reason="playwright is not installed (the test extra)")
uvicorn = pytest.importorskip("uvicorn", reason="the serve extra (uvicorn) is not installed")

from hadath.serve.app import create_app  # noqa: E402


def serve(db: Path) -> Iterator[str]:
    """Serve the dashboard on `db` from a thread, on a free loopback port, until resumed."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the uvicorn server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def base_url(demo_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = tmp_path_factory.mktemp("e2e") / "hadath.sqlite"
    with sqlite3.connect(demo_db) as source, sqlite3.connect(db) as target:
        source.backup(target)  # verdicts are written: not into the shared demo store
    yield from serve(db)


def launch_chromium() -> Iterator[Any]:
    """Debian's chromium under Playwright, closed when resumed; skips if it cannot start."""
    with sync_api.sync_playwright() as playwright:
        try:
            launched = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True,
                                                  args=CHROMIUM_ARGS)
        except sync_api.Error as exc:
            pytest.skip(f"chromium does not start under Playwright: {exc}")
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def browser(base_url: str) -> Iterator[Any]:
    ARTIFACTS.mkdir(exist_ok=True)
    yield from launch_chromium()


@pytest.fixture
def page(browser: Any, base_url: str) -> Iterator[Any]:
    context = browser.new_context(base_url=base_url, viewport={"width": 1400, "height": 1000},
                                  locale="en-GB")
    opened = context.new_page()
    opened.problems = []  # console errors and page errors (CSP violations show up here)
    opened.on("console", lambda m: m.type == "error" and opened.problems.append(m.text))
    opened.on("pageerror", lambda e: opened.problems.append(str(e)))
    yield opened
    context.close()


def _shot(page: Any, name: str) -> None:
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=False)


@pytest.mark.parametrize(("path", "name", "chart"), [
    ("/", "events", None),
    ("/actors", "actors", None),
    ("/quotes", "quotes", None),
    ("/actors/RUS", "actor-RUS", "#partners-chart"),
    ("/network", "network", "#network-chart"),
    ("/dyads?a=RUS&b=DZA&period=day", "dyad-RUS-DZA", "#dyad-chart"),
    ("/map", "map", "#map-chart"),
    ("/articles/seed", "article-seed", None),
    ("/docs", "api-docs", "#swagger-ui .opblock"),
])
def test_browser_page_opens(page: Any, path: str, name: str, chart: str | None) -> None:
    started = time.monotonic()
    response = page.goto(path)
    assert response.status == 200
    if chart and " " in chart:  # not a chart: an element that appears when the page is ready
        page.wait_for_selector(chart, timeout=15_000)
    elif chart:
        page.wait_for_selector(f"{chart}[data-ready]", timeout=15_000)
        assert page.get_attribute(chart, "data-ready") == "yes"
        assert page.locator(f"{chart} canvas").count() >= 1
    loaded = time.monotonic() - started
    _shot(page, name)
    assert page.problems == [], page.problems
    with (ARTIFACTS / "page-load-times.txt").open("a", encoding="utf-8") as log:
        log.write(f"{time.strftime('%Y-%m-%dT%H:%M:%S')}  {path}  {loaded:.2f} s\n")  # a measure


def test_browser_events_filter(page: Any) -> None:
    page.goto("/")
    rows = page.locator("tr.event-row")
    everything = rows.count()
    page.select_option("select[name=plover]", "ASSAULT")
    page.click("#event-filters button[type=submit]")
    page.wait_for_url("**/?*plover=ASSAULT*")
    filtered = rows.count()
    assert 0 < filtered < everything
    assert "plover=ASSAULT" in page.url
    _shot(page, "events-filtered")
    first = rows.first
    first.locator("details summary").click()
    assert first.locator("p.sentence").is_visible()
    assert page.problems == []


def test_browser_article_highlights_spans(page: Any, base_url: str) -> None:
    page.goto("/?q=لافروف&source=RUS")
    link = page.locator("tr.event-row a.open").first
    link.click()
    page.wait_for_url("**/articles/**")
    article_id = page.url.split("/articles/")[1].split("#")[0]
    data = page.request.get(f"{base_url}/v1/articles/{article_id}").json()
    text = page.locator("#article-text")
    assert text.get_attribute("dir") == "rtl"
    assert text.inner_text() == data["text"]
    triggers = page.locator("#article-text .hl-trig")
    shown = [(int(t.get_attribute("data-start")), t.inner_text())
             for t in triggers.all()]
    for event in data["events"]:
        trig = event["trigger"]
        assert (trig["start"], trig["text"]) in shown
    quotes = page.locator("#article-text .hl-quote")
    assert quotes.count() >= len(data["quotes"]) > 0
    assert page.locator("#article-text .hl-ent").count() > 0
    assert page.locator("#article-text .hl-actor").count() > 0
    assert page.locator(".event-card").count() == len(data["events"])
    _shot(page, "article-highlighted")
    triggers.first.click()  # jumps to its event card
    card = page.locator(".event-card.flash")
    assert card.count() == 1
    page.uncheck("#legend input[data-layer=trig]")
    assert "hide-trig" in (text.get_attribute("class") or "")
    assert page.problems == []


def test_browser_verdict_is_saved(page: Any, base_url: str) -> None:
    page.goto("/articles/seed")
    form = page.locator("#event-0 form.verdict-form")
    form.locator("button[data-verdict=right]").click()
    sync_api.expect(form.locator(".verdict-message")).to_have_text("saved")
    assert form.locator(".verdict-right").count() == 1
    card = page.locator("#event-1 form.verdict-form")
    card.locator("details.correct summary").click()
    card.locator("input[name=cameo]").fill("042")
    card.locator("button[data-verdict=corrected]").click()
    sync_api.expect(card.locator(".verdict-message")).to_have_text("saved")
    _shot(page, "article-verdicts")
    events = page.request.get(f"{base_url}/v1/events?verdict=corrected").json()["events"]
    assert [(e["article_id"], e["idx"], e["verdict"]["cameo"]) for e in events] == \
        [("seed", 1, "042")]
    assert page.problems == []


def test_browser_artifacts_folder_is_ignored_by_git() -> None:
    ignore = (Path(__file__).resolve().parents[2] / ".gitignore").read_text("utf-8")
    assert "tests/e2e/artifacts/" in ignore
    assert shutil.which("chromium") or CHROMIUM.exists()
