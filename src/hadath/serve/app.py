"""The web application: `create_app(db_path, ...)` builds the API and the dashboard on one store.

The store is opened once at start-up (which migrates it to the current schema) and then
read through a fresh connection per request. Every response carries a
Content-Security-Policy without inline scripts: page scripts are static files and take
their data from the JSON API or from data- attributes.
"""

from __future__ import annotations

import ipaddress
import logging
import sqlite3
from dataclasses import dataclass
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

from hadath.store.sqlite import open_store
from hadath.version import __version__

__all__ = ["Settings", "create_app", "is_loopback"]

log = logging.getLogger("hadath.serve")

# ECharts' HTML tooltips carry style attributes (series colour markers), so styles may be
# inline; scripts may not (no inline script, no eval).
CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
       "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
       "form-action 'self'; frame-ancestors 'none'")


@dataclass(frozen=True)
class Settings:
    """What a server instance is configured with (the token is never logged)."""

    db_path: str
    token: str | None = None
    host: str = "127.0.0.1"
    max_body_bytes: int = 1_000_000   # POST bodies, in bytes (413 above)
    max_text_chars: int = 200_000     # POST /v1/code: longest article text
    max_page_size: int = 500          # GET list endpoints: largest `limit`

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


def read_connection(db_path: str) -> sqlite3.Connection:
    """A connection that cannot write (query_only), for one request."""
    conn = sqlite3.connect(db_path, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA query_only = 1")
    return conn


def write_connection(db_path: str) -> sqlite3.Connection:
    conn = sqlite3.connect(db_path, check_same_thread=False, timeout=10)
    conn.row_factory = sqlite3.Row
    return conn


def _validation_message(exc: RequestValidationError) -> tuple[int, str, list[Any]]:
    errors = [{"where": ".".join(str(p) for p in e.get("loc", ())), "message": e.get("msg")}
              for e in exc.errors()]
    if any(e.get("type") == "json_invalid" for e in exc.errors()):
        return 400, "the request body is not valid JSON", errors
    text = "; ".join(f"{e['where']}: {e['message']}" for e in errors)
    return 422, f"invalid request: {text}", errors


def create_app(db_path: str | Path, token: str | None = None, host: str = "127.0.0.1",
               **limits: int) -> FastAPI:
    """The FastAPI app serving the API (/v1/...) and the dashboard on one hadath store.

    Args:
        db_path: an existing hadath store (migrated to the current schema here).
        token: the bearer token POST endpoints require; without one, POSTs are allowed
            only when `host` is a loopback address.
        host: the address the server listens on (decides the token rule).
        limits: max_body_bytes, max_text_chars, max_page_size (see Settings).
    """
    from hadath.serve.api import router as api_router
    from hadath.serve.pages import router as pages_router

    open_store(db_path).close()  # refuses a missing file; migrates an older store
    settings = Settings(db_path=str(db_path), token=token or None, host=host, **limits)
    # FastAPI's /docs and /redoc load their scripts from a CDN and inline a script: pages.py
    # serves /docs with the vendored Swagger UI instead.
    app = FastAPI(title="hadath", version=__version__, docs_url=None, redoc_url=None,
                  description="Arabic news coded into political events (CAMEO, PLOVER), "
                  "with the evidence for every record.")
    app.state.settings = settings

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Any) -> Any:
        response = await call_next(request)
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
        if request.url.path.startswith("/v1/") or request.url.path.startswith("/static/"):
            return error_response(exc.status_code, str(exc.detail), headers=exc.headers)
        from hadath.serve.pages import render_error

        return render_error(request, exc.status_code, str(exc.detail))

    app.include_router(api_router)
    app.include_router(pages_router)
    app.mount("/static", StaticFiles(directory=str(files("hadath.serve") / "static")),
              name="static")
    log.info("serving %s on %s (POST needs a token: %s)", settings.db_path, host,
             settings.writes_need_token)
    return app
