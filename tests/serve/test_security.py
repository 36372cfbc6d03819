"""`hadath serve` under attack: SQL injection through every GET parameter, the limits
(body, page, query time, POST rate), same-origin JSON POSTs and the token rule."""

from __future__ import annotations

import hmac
import itertools
import logging
import socket
import sqlite3
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest

pytest.importorskip("fastapi", reason="the serve extra (fastapi) is not installed")
pytest.importorskip("httpx", reason="httpx (for fastapi's TestClient) is not installed")

import httpx
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient

from hadath.serve import limits
from hadath.serve.app import LOOPBACK_NAMES, create_app
from hadath.serve.pages import _FILTER_FIELDS

INJECTIONS = [
    "' OR 1=1 --",
    "\"; DROP TABLE events; --",
    "%' UNION SELECT name, sql, 1, 2, 3 FROM sqlite_master --",
    "RUS' OR 'a'='a",
    "1); DELETE FROM articles; --",
    "\x00",
    "RUS\x00' OR 1=1 --",
    "x" * 20_000,
    "\u202e' OR ''=' \u0644\u0627 \U0001f4a3",  # right-to-left override, Arabic la, an emoji
    "\" OR \"\"=\"",
    "* NEAR(a b) OR title:x",
    "<script>alert(1)</script>",
]
# Query parameters read from request.query_params, which FastAPI cannot list.
PAGE_PARAMS = {"/": [*_FILTER_FIELDS, "page"]}
# Example path values, so that a parameter's injection also meets a page that exists.
PATH_VALUES = {"code": "RUSGOV", "article_id": "seed"}


def _tables(db: Path) -> dict[str, Any]:
    """Every table's row count, the schema and the integrity check: what must not change."""
    with sqlite3.connect(db) as conn:
        names = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        state: dict[str, Any] = {n: conn.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0]
                                 for n in names}
        state["schema"] = conn.execute("SELECT group_concat(sql, ';') FROM sqlite_master"
                                       ).fetchone()[0]
        state["integrity"] = conn.execute("PRAGMA integrity_check").fetchall()
    return state


def _params(dependant: Any) -> tuple[set[str], set[str]]:
    """The query and path parameters of a route's dependant and its sub-dependencies."""
    query = {p.alias for p in dependant.query_params}
    path = {p.name for p in dependant.path_params}
    for sub in dependant.dependencies:
        more_query, more_path = _params(sub)
        query |= more_query
        path |= more_path
    return query, path


def _get_endpoints(routes: list[Any]) -> list[tuple[str, list[str], list[str]]]:
    """(path, query parameters, path parameters) of every GET route."""
    found = []
    for route in routes:
        if isinstance(route, APIRoute) and "GET" in route.methods:
            query, path = _params(route.dependant)
            query |= set(PAGE_PARAMS.get(route.path, []))
            found.append((route.path, sorted(query), sorted(path)))
    return found


@pytest.fixture(scope="module")
def attacked_db(demo_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    copy = tmp_path_factory.mktemp("attacked") / "hadath.sqlite"
    with sqlite3.connect(demo_db) as source, sqlite3.connect(copy) as target:
        source.backup(target)
    return copy


@pytest.fixture(scope="module")
def attacked(attacked_db: Path) -> TestClient:
    return TestClient(create_app(attacked_db), raise_server_exceptions=False)


def _endpoint_list() -> list[tuple[str, list[str], list[str]]]:
    from hadath.serve.api import router as api_router
    from hadath.serve.pages import router as pages_router

    return _get_endpoints([*api_router.routes, *pages_router.routes])


ENDPOINTS = _endpoint_list()


def _url(path: str, path_params: list[str], injected: str | None = None,
         into: str | None = None) -> str:
    for name in path_params:
        value = injected if into == name else PATH_VALUES[name]
        path = path.replace(f"{{{name}:path}}", quote(value, safe="")).replace(
            f"{{{name}}}", quote(value, safe=""))
    return path


def _check_answer(response: httpx.Response, payload: str) -> None:
    assert response.status_code < 500, response.text[:300]
    text = response.text
    assert "Traceback" not in text and "sqlite3" not in text.lower()
    assert "syntax error" not in text and "no such column" not in text
    if response.headers["content-type"].startswith("application/json") and \
            response.status_code >= 400:
        shape = response.json()
        assert shape["ok"] is False and shape["status"] == response.status_code
    if "<" in payload and response.headers["content-type"].startswith("text/html"):
        assert payload not in text  # reflected, it is escaped


def test_security_every_get_endpoint_is_listed() -> None:
    paths = {path for path, _, _ in ENDPOINTS}
    assert {"/v1/events", "/v1/articles/{article_id:path}", "/v1/actors", "/v1/actors/{code}",
            "/v1/quotes", "/v1/dyads", "/v1/network", "/v1/places", "/",
            "/articles/{article_id:path}", "/actors", "/actors/{code}", "/quotes", "/network",
            "/dyads", "/map"} <= paths
    events = next(query for path, query, _ in ENDPOINTS if path == "/v1/events")
    assert {"source", "target", "actor", "root", "cameo", "plover", "quad_class", "since",
            "until", "outlet", "q", "verdict", "limit", "offset"} == set(events)


@pytest.mark.issue(8)
@pytest.mark.parametrize(("path", "query", "path_params"), ENDPOINTS,
                         ids=[e[0] for e in ENDPOINTS])
def test_security_injection_through_every_parameter(attacked: TestClient, attacked_db: Path,
                                                   path: str, query: list[str],
                                                   path_params: list[str]) -> None:
    before = _tables(attacked_db)
    assert before["integrity"] == [("ok",)]
    for payload in INJECTIONS:
        for name in query:
            response = attacked.get(_url(path, path_params), params={name: payload})
            _check_answer(response, payload)
        for name in path_params:
            response = attacked.get(_url(path, path_params, payload, name))
            _check_answer(response, payload)
    assert _tables(attacked_db) == before


@pytest.mark.issue(8)
@pytest.mark.parametrize("payload", INJECTIONS)
@pytest.mark.parametrize(("path", "name", "rows"), [
    ("/v1/events", "outlet", "events"), ("/v1/events", "plover", "events"),
    ("/v1/events", "q", "events"), ("/v1/quotes", "q", "quotes"),
])
def test_security_injection_matches_only_the_literal(attacked: TestClient, path: str, name: str,
                                                     rows: str, payload: str) -> None:
    """A string filter under injection finds what the literal string finds: nothing here."""
    everything = attacked.get(path, params={"limit": 500}).json()["total"]
    assert everything > 0
    response = attacked.get(path, params={name: payload, "limit": 500})
    if response.status_code == 400:  # refused as a filter: clear, not a match
        assert name in response.json()["error"]
        return
    assert response.status_code == 200
    assert response.json()["total"] == 0 and response.json()[rows] == []


@pytest.mark.issue(8)
@pytest.mark.parametrize("payload", ["' OR '1'='1", "seed' --", "seed\x00"])
def test_security_injection_in_an_article_id_is_404(attacked: TestClient, payload: str) -> None:
    response = attacked.get("/v1/articles/" + quote(payload, safe=""))
    assert response.status_code == 404 and response.json()["error"] == f"no article {payload!r}"


# Limits


@pytest.mark.issue(8)
def test_security_page_size_is_capped(demo_db: Path) -> None:
    client = TestClient(create_app(demo_db, max_page_size=10))
    assert client.get("/v1/events", params={"limit": 10}).status_code == 200
    for path in ("/v1/events", "/v1/quotes", "/v1/actors"):
        response = client.get(path, params={"limit": 11})
        assert response.status_code == 400
        assert response.json()["error"] == "limit: at most 10 per page (use offset to page)"


@pytest.mark.issue(8)
def test_security_body_over_the_limit_is_413_on_every_post(demo_db: Path) -> None:
    client = TestClient(create_app(demo_db, max_body_bytes=100))
    for path in ("/v1/code", "/v1/verdicts"):
        response = client.post(path, json={"note": "x" * 200})
        assert response.status_code == 413
        assert response.json()["error"] == "request body over 100 bytes"


@pytest.fixture
def fast_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each reading of the limits' clock is 10 s after the last: every deadline passes."""
    ticks = itertools.count(step=10.0)
    monkeypatch.setattr(limits, "_now", lambda: next(ticks))


@pytest.mark.issue(8)
def test_security_slow_query_is_stopped_with_503(demo_db: Path, fast_clock: None) -> None:
    client = TestClient(create_app(demo_db, max_query_ms=2000))
    response = client.get("/v1/events", params={"q": "\u0644\u0627\u0641\u0631\u0648\u0641"})
    assert response.status_code == 503
    assert response.json()["error"] == ("the query ran longer than 2000 ms and was stopped: "
                                        "narrow the filters (actor, dates, root)")
    page = client.get("/")  # a dashboard page: the same, as HTML
    assert page.status_code == 503 and "ran longer than 2000 ms" in page.text
    unlimited = TestClient(create_app(demo_db, max_query_ms=0))
    assert unlimited.get("/v1/events").status_code == 200


@pytest.mark.issue(8)
def test_security_query_time_limit_really_interrupts_sqlite() -> None:
    conn = sqlite3.connect(":memory:")
    limits.limit_query_time(conn, 50)
    started = time.monotonic()
    with pytest.raises(sqlite3.OperationalError, match=r"^interrupted$"):
        conn.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) "
                     "SELECT count(*) FROM n").fetchone()  # never ends by itself
    assert time.monotonic() - started < 30  # stopped, not run to the end of time


@pytest.mark.issue(8)
def test_security_post_rate_limit_is_429_with_retry_after(
        demo_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    now = [1000.0]
    monkeypatch.setattr(limits, "_now", lambda: now[0])
    client = TestClient(create_app(demo_db, post_rate_limit=3, post_rate_window_s=60))
    for _ in range(3):
        assert client.post("/v1/verdicts", json={}).status_code == 422
    now[0] += 15
    refused = client.post("/v1/verdicts", json={})
    assert refused.status_code == 429 and refused.headers["retry-after"] == "45"
    assert refused.json()["error"] == "more than 3 POST requests in 60 s: retry in 45 s"
    assert client.get("/v1/events", params={"limit": 1}).status_code == 200  # GETs: no limit
    now[0] += 45
    assert client.post("/v1/verdicts", json={}).status_code == 422  # the window moved on


@pytest.mark.issue(8)
def test_security_rate_limiter_forgets_old_clients(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "_MAX_CLIENTS", 5)
    limiter = limits.RateLimiter(1, 60)
    for n in range(20):
        assert limiter.retry_after(f"10.0.0.{n}") == 0
    assert len(limiter._seen) == 5
    assert limiter.retry_after("10.0.0.19") > 0 and limiter.retry_after("10.0.0.0") == 0


@pytest.mark.issue(8)
@pytest.mark.parametrize(("headers", "status", "error"), [
    ({"content-type": "text/plain"}, 415,
     "POST bodies must be JSON (Content-Type: application/json)"),
    ({"content-type": "application/x-www-form-urlencoded"}, 415,
     "POST bodies must be JSON (Content-Type: application/json)"),
    ({"content-type": "application/json", "origin": "https://evil.example"}, 403,
     "POST from another origin (https://evil.example) refused"),
    ({"content-type": "application/json", "origin": "null"}, 403,
     "POST from another origin (null) refused"),
    ({"content-type": "application/json; charset=utf-8", "origin": "http://testserver"}, 422,
     None),
    ({"content-type": "application/json"}, 422, None),
])
def test_security_posts_are_same_origin_json(demo_db: Path, headers: dict[str, str],
                                             status: int, error: str | None) -> None:
    """A page on another site can send a form or text/plain to localhost without asking:
    only JSON (which needs the browser's CORS preflight) from this origin is taken."""
    client = TestClient(create_app(demo_db))
    response = client.post("/v1/verdicts", content=b"{}", headers=headers)
    assert response.status_code == status
    if error:
        assert response.json()["error"] == error


@pytest.mark.issue(8)
def test_security_unknown_limit_is_refused(demo_db: Path) -> None:
    with pytest.raises(TypeError, match="unknown limit max_rows; known: max_body_bytes"):
        create_app(demo_db, max_rows=5)


# The token


@pytest.mark.issue(8)
def test_security_token_is_compared_in_constant_time(demo_db: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[bytes, bytes]] = []
    real = hmac.compare_digest

    def spy(a: bytes, b: bytes) -> bool:
        calls.append((a, b))
        return real(a, b)

    monkeypatch.setattr("hadath.serve.api.hmac.compare_digest", spy)
    client = TestClient(create_app(demo_db, token="s3cret", host="0.0.0.0"))
    assert client.post("/v1/verdicts", json={},
                       headers={"Authorization": "Bearer guess"}).status_code == 401
    assert calls == [(b"guess", b"s3cret")]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class _Records(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(f"{record.name} {record.getMessage()} {record.args!r}")


@pytest.fixture
def every_log_line() -> Iterator[_Records]:
    """Every record of every logger (uvicorn's access log does not propagate to root)."""
    records = _Records()
    names = ["", "uvicorn", "uvicorn.access", "uvicorn.error", "hadath", "fastapi", "httpx"]
    saved = [(logging.getLogger(n), logging.getLogger(n).level) for n in names]
    for logger, _ in saved:
        logger.addHandler(records)
        logger.setLevel(logging.DEBUG)
    yield records
    for logger, level in saved:
        logger.removeHandler(records)
        logger.setLevel(level)


@pytest.mark.issue(8)
def test_security_token_is_never_logged(demo_db: Path, every_log_line: _Records) -> None:
    uvicorn = pytest.importorskip("uvicorn")
    token, wrong = "tok-7f3a9c1e5b", "tok-guess-2d4b"
    app = create_app(demo_db, token=token, host="0.0.0.0")
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port,
                                           log_config=None, log_level="debug",
                                           access_log=True))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        assert thread.is_alive()
        time.sleep(0.05)
    try:
        base = f"http://127.0.0.1:{port}"
        for given in (token, wrong):
            answer = httpx.post(f"{base}/v1/verdicts", json={"verdict": "x"},
                                headers={"Authorization": f"Bearer {given}"})
            assert answer.status_code == (422 if given == token else 401)
            assert given not in answer.text
        httpx.get(f"{base}/v1/events", params={"limit": 1},
                  headers={"Authorization": f"Bearer {token}"})
    finally:
        server.should_exit = True
        thread.join(timeout=10)
    logged = "\n".join(every_log_line.lines)
    assert "POST /v1/verdicts" in logged  # the access log was captured
    assert token not in logged and wrong not in logged
    assert token not in repr(app.state.settings)


# The Host name (DNS rebinding)


@pytest.mark.issue(8)
@pytest.mark.parametrize(("host", "status"), [
    ("127.0.0.1:8000", 200), ("localhost", 200), ("[::1]:8000", 200), ("LOCALHOST:80", 200),
    ("evil.example", 400), ("evil.example:8000", 400), ("127.0.0.1.evil.example", 400),
    ("", 400),
])
def test_security_loopback_server_answers_its_names_only(demo_db: Path, host: str,
                                                         status: int) -> None:
    client = TestClient(create_app(demo_db, allowed_hosts=LOOPBACK_NAMES))
    for path in ("/v1/events?limit=1", "/"):
        response = client.get(path, headers={"host": host})
        assert response.status_code == status
        if status == 400:
            assert response.json()["error"] == ("this server does not answer to that Host "
                                                "name (allowed: localhost, 127.0.0.1, ::1)")


@pytest.mark.issue(8)
@pytest.mark.parametrize(("args", "allowed"), [
    ([], LOOPBACK_NAMES),
    (["--allowed-host", "hadath.lan"], (*LOOPBACK_NAMES, "hadath.lan")),
    (["--host", "0.0.0.0"], ()),
    (["--host", "0.0.0.0", "--allowed-host", "Hadath.example"], ("hadath.example",)),
])
def test_security_serve_command_sets_the_host_names(demo_db: Path,
                                                    monkeypatch: pytest.MonkeyPatch,
                                                    args: list[str],
                                                    allowed: tuple[str, ...]) -> None:
    from click.testing import CliRunner

    from hadath.cli import main

    served: list[Any] = []
    monkeypatch.setattr("uvicorn.run", lambda app, **_: served.append(app))
    monkeypatch.setenv("HADATH_TEST_TOKEN", "t0k")
    result = CliRunner().invoke(main, ["serve", str(demo_db), "--token-env",
                                       "HADATH_TEST_TOKEN", *args])
    assert result.exit_code == 0, result.output
    assert served[0].state.settings.allowed_hosts == allowed
