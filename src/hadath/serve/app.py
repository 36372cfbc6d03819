"""The web application: `create_app(db_path, ...)` builds the API and the dashboard on one store.

The store is opened once at start-up (which migrates it to the current schema) and then
read through a fresh connection per request. Every response carries a
Content-Security-Policy without inline scripts: page scripts are static files and take
their data from the JSON API or from data- attributes.

Limits (all in Settings, set through create_app's keyword arguments; notes/security.md):
request bodies over max_body_bytes get 413, pages over max_page_size 400, a request whose
SQL runs longer than max_query_ms 503, and more than post_rate_limit POSTs from one client
in post_rate_window_s seconds 429 with Retry-After. POSTs must be JSON (415 otherwise,
so that no other site can post through a plain form) and come from no other origin (403).
"""

from __future__ import annotations

import ipaddress
import logging
import sqlite3
from dataclasses import dataclass, fields
from importlib.resources import files
from pathlib import Path
from typing import Any

from hadath.errors import HadathError

try:
    from fastapi import FastAPI, Request
    from fastapi.exceptions import RequestValidationError
    from fastapi.responses import JSONResponse
    from fastapi.staticfiles import StaticFiles
    from starlette.exceptions import HTTPException as StarletteHTTPException
except ImportError as exc:  # pragma: no cover - depends on the install
    raise HadathError("hadath serve needs its extra: pip install 'hadath[serve]'") from exc

from hadath.serve.limits import QUERY_INTERRUPTED, RateLimiter, limit_query_time
from hadath.serve.totals import TotalsCache
from hadath.store.sqlite import open_store
from hadath.version import __version__

__all__ = ["LOOPBACK_NAMES", "Settings", "create_app", "is_loopback"]

log = logging.getLogger("hadath.serve")

# ECharts' HTML tooltips carry style attributes (series colour markers), so styles may be
# inline; scripts may not (no inline script, no eval).
CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
       "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
       "form-action 'self'; frame-ancestors 'none'")
# The Host names a server on loopback answers to (the CLI's default): a page of another
# site whose name is re-bound to 127.0.0.1 (DNS rebinding) arrives with its own name.
LOOPBACK_NAMES = ("localhost", "127.0.0.1", "::1")


@dataclass(frozen=True)
class Settings:
    """What a server instance is configured with (the token is never logged)."""

    db_path: str
    token: str | None = None
    host: str = "127.0.0.1"
    max_body_bytes: int = 1_000_000   # POST bodies, in bytes (413 above)
    max_text_chars: int = 200_000     # POST /v1/code: longest article text
    max_page_size: int = 500          # GET list endpoints: largest `limit`
    max_query_ms: int = 5_000         # SQL time per request (503 above; 0 = no limit)
    post_rate_limit: int = 30         # POSTs per client and window (429 above; 0 = no limit)
    post_rate_window_s: int = 60      # the window of post_rate_limit, in seconds
    max_cached_totals: int = 256      # filters whose match count is remembered (0 = none)
    allowed_hosts: tuple[str, ...] = ()  # Host header names answered (400 else); () = any

    def __repr__(self) -> str:
        return (f"Settings(db_path={self.db_path!r}, token={'set' if self.token else None}, "
                f"host={self.host!r})")

    @property
    def writes_need_token(self) -> bool:
        return self.token is not None or not is_loopback(self.host)


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def error_response(status: int, message: str, errors: list[Any] | None = None,
                   headers: dict[str, str] | None = None) -> JSONResponse:
    """The one error shape of the API (STYLE.md §5)."""
    return JSONResponse({"ok": False, "error": message, "errors": errors or [],
                         "status": status}, status_code=status, headers=headers)


LIMIT_NAMES = tuple(f.name for f in fields(Settings) if f.name.startswith(("max_", "post_")))


def read_connection(db_path: str, max_query_ms: int = 0) -> sqlite3.Connection:
    """A connection that cannot write (query_only), for one request of at most
    `max_query_ms` of SQL (0: no limit)."""
    conn = sqlite3.connect(db_path, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA query_only = 1")
    limit_query_time(conn, max_query_ms)
    return conn


def write_connection(db_path: str) -> sqlite3.Connection:
    conn = sqlite3.connect(db_path, check_same_thread=False, timeout=10)
    conn.row_factory = sqlite3.Row
    return conn


def _error_for(request: Request, status: int, message: str,
               headers: dict[str, str] | None = None) -> Any:
    """JSON for the API and static files, an HTML page for the dashboard."""
    if request.url.path.startswith(("/v1/", "/static/")):
        return error_response(status, message, headers=headers)
    from hadath.serve.pages import render_error

    return render_error(request, status, message)


def _same_origin(origin: str, host: str | None) -> bool:
    """Whether an Origin header (scheme://host[:port]) names the Host the request went to."""
    return origin.split("://", 1)[-1].rstrip("/").lower() == (host or "").lower()


def host_name(header: str | None) -> str:
    """The name in a Host header, without its port: "[::1]:8000" -> "::1"."""
    name = (header or "").strip().lower()
    if name.startswith("["):
        return name[1:].split("]", 1)[0]
    return name.rsplit(":", 1)[0] if name.count(":") == 1 else name


def _refuse_request(request: Request, settings: Settings, posts: RateLimiter) -> Any:
    """The error answer for a request over a limit, before any handler runs; else None."""
    if settings.allowed_hosts and host_name(request.headers.get("host")) not in \
            settings.allowed_hosts:
        return error_response(400, "this server does not answer to that Host name (allowed: "
                              f"{', '.join(settings.allowed_hosts)})")
    declared = request.headers.get("content-length")
    if declared is not None and (not declared.isdigit()
                                 or int(declared) > settings.max_body_bytes):
        return error_response(413, f"request body over {settings.max_body_bytes} bytes")
    if request.method != "POST":
        return None
    wait = posts.retry_after(request.client.host if request.client else "?")
    if wait:
        return error_response(429, f"more than {settings.post_rate_limit} POST requests in "
                              f"{settings.post_rate_window_s} s: retry in {wait} s",
                              headers={"Retry-After": str(wait)})
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind != "application/json":
        return error_response(415, "POST bodies must be JSON (Content-Type: application/json)")
    origin = request.headers.get("origin")
    if origin is not None and not _same_origin(origin, request.headers.get("host")):
        return error_response(403, f"POST from another origin ({origin}) refused")
    return None


def _validation_message(exc: RequestValidationError) -> tuple[int, str, list[Any]]:
    errors = [{"where": ".".join(str(p) for p in e.get("loc", ())), "message": e.get("msg")}
              for e in exc.errors()]
    if any(e.get("type") == "json_invalid" for e in exc.errors()):
        return 400, "the request body is not valid JSON", errors
    text = "; ".join(f"{e['where']}: {e['message']}" for e in errors)
    return 422, f"invalid request: {text}", errors


def create_app(db_path: str | Path, token: str | None = None, host: str = "127.0.0.1",
               allowed_hosts: tuple[str, ...] = (), **limits: int) -> FastAPI:
    """The FastAPI app serving the API (/v1/...) and the dashboard on one hadath store.

    Args:
        db_path: an existing hadath store (migrated to the current schema here).
        token: the bearer token POST endpoints require; without one, POSTs are allowed
            only when `host` is a loopback address.
        host: the address the server listens on (decides the token rule).
        allowed_hosts: the Host header names answered, others get 400 (`hadath serve` on
            loopback: LOOPBACK_NAMES, against DNS rebinding); empty: any name.
        limits: max_body_bytes, max_text_chars, max_page_size, max_query_ms,
            post_rate_limit, post_rate_window_s, max_cached_totals (see Settings;
            notes/security.md).

    Raises:
        TypeError: a limit with another name.
    """
    from hadath.serve.api import router as api_router
    from hadath.serve.pages import router as pages_router

    unknown = sorted(set(limits) - set(LIMIT_NAMES))
    if unknown:
        raise TypeError(f"unknown limit {', '.join(unknown)}; known: {', '.join(LIMIT_NAMES)}")
    open_store(db_path).close()  # refuses a missing file; migrates an older store
    settings = Settings(db_path=str(db_path), token=token or None, host=host,
                        allowed_hosts=tuple(h.lower() for h in allowed_hosts), **limits)
    posts = RateLimiter(settings.post_rate_limit, settings.post_rate_window_s)
    # FastAPI's /docs and /redoc load their scripts from a CDN and inline a script: pages.py
    # serves /docs with the vendored Swagger UI instead.
    app = FastAPI(title="hadath", version=__version__, docs_url=None, redoc_url=None,
                  description="Arabic news coded into political events (CAMEO, PLOVER), "
                  "with the evidence for every record.")
    app.state.settings = settings
    app.state.totals = TotalsCache(settings.db_path, settings.max_cached_totals)

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Any) -> Any:
        refused = _refuse_request(request, settings, posts)
        response = refused if refused is not None else await call_next(request)
        response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        return response

    @app.exception_handler(RequestValidationError)
    async def on_validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
        status, message, errors = _validation_message(exc)
        return error_response(status, message, errors)

    @app.exception_handler(StarletteHTTPException)
    async def on_http_error(request: Request, exc: StarletteHTTPException) -> Any:
        return _error_for(request, exc.status_code, str(exc.detail), exc.headers)

    @app.exception_handler(sqlite3.OperationalError)
    async def on_sql_error(request: Request, exc: sqlite3.OperationalError) -> Any:
        if str(exc) == QUERY_INTERRUPTED:
            return _error_for(request, 503, f"the query ran longer than {settings.max_query_ms} "
                              "ms and was stopped: narrow the filters (actor, dates, root)")
        log.error("SQL error on %s: %s", request.url.path, exc)
        return _error_for(request, 500, "the store could not answer this request")

    app.include_router(api_router)
    app.include_router(pages_router)
    app.mount("/static", StaticFiles(directory=str(files("hadath.serve") / "static")),
              name="static")
    log.info("serving %s on %s (POST needs a token: %s)", settings.db_path, host,
             settings.writes_need_token)
    return app
