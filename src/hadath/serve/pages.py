"""The dashboard: server-rendered pages (Jinja2, autoescaping on) over hadath.serve.queries.

Charts (network, dyad timeline, map, an actor's partners) are drawn by static scripts
that read the JSON API; a page passes them its parameters in data- attributes. No page
holds an inline script, so the Content-Security-Policy can forbid them.
"""

from __future__ import annotations

import sqlite3
from importlib.resources import files
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from hadath.lexicon.cameo import load_cameo
from hadath.serve import aggregates, queries
from hadath.serve.app import read_connection
from hadath.serve.filters import EventFilter, FilterError
from hadath.serve.highlight import marks_of, segments

__all__ = ["render_error", "router"]

router = APIRouter(include_in_schema=False)
templates = Jinja2Templates(directory=str(files("hadath.serve") / "templates"))
# Jinja2Templates turns autoescaping on for .html; say it here so no change turns it off.
templates.env.autoescape = True

PAGE_SIZE = 50
QUAD_CLASSES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict",
                4: "material conflict"}
PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
                "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE",
                "COERCE", "ASSAULT")
_FILTER_FIELDS = ("actor", "source", "target", "root", "cameo", "plover", "quad_class",
                  "since", "until", "outlet", "q", "verdict")


def _render(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
    settings = request.app.state.settings
    return templates.TemplateResponse(
        request, name, {"needs_token": settings.writes_need_token, "quads": QUAD_CLASSES,
                        **context}, status_code=status)


def render_error(request: Request, status: int, message: str) -> HTMLResponse:
    return _render(request, "error.html", status=status, status_code=status, message=message)


def _db(request: Request) -> sqlite3.Connection:
    settings = request.app.state.settings
    return read_connection(settings.db_path, settings.max_query_ms)


def _event_filter(params: dict[str, str]) -> EventFilter:
    values: dict[str, Any] = {k: params.get(k) or None for k in _FILTER_FIELDS}
    if values["quad_class"] is not None:
        if values["quad_class"] not in ("1", "2", "3", "4"):
            raise FilterError("quad_class: choose 1 to 4")
        values["quad_class"] = int(values["quad_class"])
    return EventFilter(**values)


@router.get("/", response_class=HTMLResponse)
def events_page(request: Request) -> HTMLResponse:
    params = dict(request.query_params)
    try:
        page = max(1, int(params.get("page", "1")))
    except ValueError:
        page = 1
    error = None
    rows: list[dict[str, Any]] = []
    total = 0
    conn = _db(request)
    try:
        try:
            f = _event_filter(params)
            rows, total = queries.events(conn, f, PAGE_SIZE, (page - 1) * PAGE_SIZE,
                                         request.app.state.totals)
        except FilterError as exc:
            f, error = EventFilter(), str(exc)
        outlets = queries.outlets(conn)
    finally:
        conn.close()
    link = f.active()
    shown = {k: params[k] for k in _FILTER_FIELDS if params.get(k)}  # as typed, even if refused
    pages = max(1, -(-total // PAGE_SIZE))
    return _render(
        request, "events.html", events=rows, total=total, page=page, pages=pages,
        filters=shown, error=error, outlets=outlets, roots=load_cameo().roots(),
        plover_types=PLOVER_TYPES,
        prev_url="?" + urlencode({**link, "page": page - 1}) if page > 1 else None,
        next_url="?" + urlencode({**link, "page": page + 1}) if page < pages else None)


@router.get("/articles/{article_id:path}", response_class=HTMLResponse)
def article_page(request: Request, article_id: str) -> HTMLResponse:
    conn = _db(request)
    try:
        found = queries.article(conn, article_id)
    finally:
        conn.close()
    if found is None:
        raise HTTPException(404, f"no article {article_id!r}")
    pieces = segments(found["text"], marks_of(found))
    counts = {layer: sum(1 for m in marks_of(found) if m.layer == layer)
              for layer in ("ent", "actor", "trig", "quote")}
    return _render(request, "article.html", article=found, segments=pieces, counts=counts)


@router.get("/actors", response_class=HTMLResponse)
def actors_page(request: Request, prefix: str | None = None, page: int = 1) -> HTMLResponse:
    conn = _db(request)
    error = None
    rows: list[dict[str, Any]] = []
    total = 0
    page = max(1, page)
    try:
        rows, total = queries.actors(conn, prefix or None, 100, (page - 1) * 100)
    except FilterError as exc:
        error = str(exc)
    finally:
        conn.close()
    return _render(request, "actors.html", actors=rows, total=total, prefix=prefix or "",
                   error=error, page=page, pages=max(1, -(-total // 100)))


@router.get("/actors/{code}", response_class=HTMLResponse)
def actor_page(request: Request, code: str) -> HTMLResponse:
    conn = _db(request)
    try:
        try:
            summary = queries.actor_summary(conn, code)
        except FilterError as exc:
            raise HTTPException(400, str(exc)) from exc
        given, _ = queries.events(conn, EventFilter(source=summary["code"]), 100, 0)
        received, _ = queries.events(conn, EventFilter(target=summary["code"]), 100, 0)
        said, _ = queries.quotes(conn, summary["code"], None, 50, 0)
    finally:
        conn.close()
    # exact codes only: the prefix filter also finds RUSGOV for RUS, the page is about RUS
    given = [e for e in given if (e["source"] or {}).get("code") == summary["code"]]
    received = [e for e in received if (e["target"] or {}).get("code") == summary["code"]]
    said = [q for q in said if (q["speaker"] or {}).get("code") == summary["code"]]
    if not summary["names"] and not given and not received:
        raise HTTPException(404, f"no actor {summary['code']!r} in this store")
    return _render(request, "actor.html", actor=summary, given=given, received=received,
                   quotes=said)


@router.get("/quotes", response_class=HTMLResponse)
def quotes_page(request: Request, speaker: str = "", q: str = "", page: int = 1) -> HTMLResponse:
    page = max(1, page)
    error = None
    rows: list[dict[str, Any]] = []
    total = 0
    conn = _db(request)
    try:
        rows, total = queries.quotes(conn, speaker or None, q or None, PAGE_SIZE,
                                     (page - 1) * PAGE_SIZE, request.app.state.totals)
    except FilterError as exc:
        error = str(exc)
    finally:
        conn.close()
    pages = max(1, -(-total // PAGE_SIZE))
    link = {k: v for k, v in (("speaker", speaker), ("q", q)) if v}
    return _render(
        request, "quotes.html", quotes=rows, total=total, speaker=speaker, q=q, error=error,
        page=page, pages=pages,
        prev_url="?" + urlencode({**link, "page": page - 1}) if page > 1 else None,
        next_url="?" + urlencode({**link, "page": page + 1}) if page < pages else None)


@router.get("/network", response_class=HTMLResponse)
def network_page(request: Request, level: str = "country") -> HTMLResponse:
    return _render(request, "network.html", level="actor" if level == "actor" else "country")


@router.get("/dyads", response_class=HTMLResponse)
def dyad_page(request: Request, a: str = "RUS", b: str = "DZA",
              period: str = "month") -> HTMLResponse:
    period = period if period in ("day", "week", "month") else "month"
    conn = _db(request)
    try:
        suggestions = aggregates.top_pairs(conn, 12)
    finally:
        conn.close()
    return _render(request, "dyad.html", a=a.upper()[:18], b=b.upper()[:18], period=period,
                   suggestions=suggestions)


@router.get("/docs", response_class=HTMLResponse)
def docs_page(request: Request) -> HTMLResponse:
    """The API described by Swagger UI, vendored (FastAPI's own /docs loads it from a CDN)."""
    return _render(request, "docs.html")


@router.get("/map", response_class=HTMLResponse)
def map_page(request: Request) -> HTMLResponse:
    conn = _db(request)
    try:
        found = aggregates.places(conn, EventFilter(), 1000)
    finally:
        conn.close()
    return _render(request, "map.html", places=found)
