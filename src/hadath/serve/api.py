"""The REST API (/v1/...): thin handlers over hadath.serve.queries and the pipeline.

GET endpoints only read. POST /v1/code codes one article (nothing is stored) and
POST /v1/verdicts stores an analyst's verdict; both need the bearer token when the
server has one or listens beyond loopback. Bodies over the size limit get 413, bodies
that are not JSON 400, and JSON of the wrong shape 422, all in one error shape:
`{"ok": false, "error", "errors", "status"}`.
"""

from __future__ import annotations

import hmac
import json
import sqlite3
import threading
from collections.abc import Iterator
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, Field, ValidationError

from hadath.serve import aggregates, queries
from hadath.serve.app import Settings, read_connection, write_connection
from hadath.serve.filters import EventFilter, FilterError
from hadath.store.verdicts import Correction, VerdictError, record_verdict

__all__ = ["router"]

router = APIRouter(prefix="/v1", tags=["api"])
# One article coded at a time: the work is CPU-bound (no gain from threads under the GIL),
# and the shared default pipeline is not promised to be thread-safe.
_CODING = threading.Lock()


def settings_of(request: Request) -> Settings:
    return request.app.state.settings


def read_db(request: Request) -> Iterator[sqlite3.Connection]:
    settings = settings_of(request)
    conn = read_connection(settings.db_path, settings.max_query_ms)
    try:
        yield conn
    finally:
        conn.close()


Db = Annotated[sqlite3.Connection, Depends(read_db)]


def page_limit(request: Request, limit: int = Query(50, ge=1, description="Page size")) -> int:
    cap = settings_of(request).max_page_size
    if limit > cap:
        raise HTTPException(400, f"limit: at most {cap} per page (use offset to page)")
    return limit


Limit = Annotated[int, Depends(page_limit)]
Offset = Annotated[int, Query(ge=0, description="Rows to skip (paging)")]


_BEARER = HTTPBearer(auto_error=False, description="The token `hadath serve --token-env` "
                     "names; needed for POST when set, or when listening beyond localhost")


def require_write_access(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_BEARER)] = None,
) -> None:
    """POSTs: the bearer token when one is set; refused without one beyond loopback."""
    settings = settings_of(request)
    if not settings.writes_need_token:
        return
    if settings.token is None:
        raise HTTPException(403, "this server listens beyond localhost and has no token: "
                            "restart it with --token-env to allow POST requests")
    given = credentials.credentials if credentials is not None else ""
    if credentials is None or not hmac.compare_digest(
            given.strip().encode("utf-8"), settings.token.encode("utf-8")):
        raise HTTPException(401, "POST requests need 'Authorization: Bearer <token>'",
                            headers={"WWW-Authenticate": "Bearer"})


async def read_json_body(request: Request) -> Any:
    """The request body as JSON, refusing (413) more than max_body_bytes, even when chunked."""
    limit = settings_of(request).max_body_bytes
    declared = request.headers.get("content-length")
    if declared is not None and (not declared.isdigit() or int(declared) > limit):
        raise HTTPException(413, f"request body over {limit} bytes")
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            raise HTTPException(413, f"request body over {limit} bytes")
    try:
        return json.loads(body)
    except (UnicodeDecodeError, ValueError) as exc:
        raise HTTPException(400, f"the request body is not valid JSON: {exc}") from exc


def parse_model(model: type[BaseModel], data: Any) -> Any:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        text = "; ".join(f"{'.'.join(str(p) for p in e['loc']) or 'body'}: {e['msg']}"
                         for e in exc.errors())
        raise HTTPException(422, f"invalid request: {text}") from exc


class CodeRequest(BaseModel):
    """One article to code."""

    text: str = Field(min_length=1, description="The article text (Arabic)")
    published: str | None = Field(None, description="Publication date, ISO 8601")
    id: str | None = None
    title: str | None = None
    source: str | None = None
    url: str | None = None


class VerdictRequest(BaseModel):
    """An analyst's verdict on one event."""

    article_id: str
    idx: int = Field(ge=0, description="The event's index in its article")
    verdict: Literal["right", "wrong", "corrected"]
    cameo: str | None = Field(None, description="Corrected CAMEO code")
    source: str | None = Field(None, description="Corrected source code ('' = none)")
    target: str | None = Field(None, description="Corrected target code ('' = none)")
    analyst: str | None = Field(None, max_length=100)
    note: str | None = Field(None, max_length=2000)


def _body_schema(model: type[BaseModel]) -> dict[str, Any]:
    return {"requestBody": {"required": True, "content": {
        "application/json": {"schema": model.model_json_schema()}}}}


def _filter_error(exc: FilterError) -> HTTPException:
    return HTTPException(400, str(exc))


@router.post("/code", dependencies=[Depends(require_write_access)],
             openapi_extra=_body_schema(CodeRequest),
             summary="Code one article; returns its coded document (nothing is stored)")
async def code_article(request: Request) -> dict[str, Any]:
    from hadath.pipeline import code_text

    article = parse_model(CodeRequest, await read_json_body(request))
    cap = settings_of(request).max_text_chars
    if len(article.text) > cap:
        raise HTTPException(413, f"text: {len(article.text)} characters, at most {cap}")
    fields = {k: v for k, v in article.model_dump().items()
              if v is not None and k not in ("text", "published")}

    def code_one() -> dict[str, Any]:
        with _CODING:
            return code_text(article.text, article.published, **fields).to_dict()

    return await run_in_threadpool(code_one)


@router.get("/events", summary="Events matching the filters, newest first, one page")
def list_events(
    db: Db, request: Request, limit: Limit, offset: Offset = 0,
    source: Annotated[str | None, Query(description="Source actor code or prefix")] = None,
    target: Annotated[str | None, Query(description="Target actor code or prefix")] = None,
    actor: Annotated[str | None, Query(description="Actor code or prefix, either side")] = None,
    root: Annotated[str | None, Query(description="CAMEO root, 01 to 20")] = None,
    cameo: Annotated[str | None, Query(description="CAMEO code or prefix")] = None,
    plover: Annotated[str | None, Query(description="PLOVER event type")] = None,
    quad_class: Annotated[int | None, Query(ge=1, le=4)] = None,
    since: Annotated[str | None, Query(description="First day, ISO")] = None,
    until: Annotated[str | None, Query(description="Last day (or month, year), ISO")] = None,
    outlet: Annotated[str | None, Query(description="The articles' source")] = None,
    q: Annotated[str | None, Query(description="Words in the article (full text)")] = None,
    verdict: Annotated[str | None, Query(description="right, wrong, corrected or none")] = None,
) -> dict[str, Any]:
    f = EventFilter(source=source, target=target, actor=actor, root=root, cameo=cameo,
                    plover=plover, quad_class=quad_class, since=since, until=until,
                    outlet=outlet, q=q, verdict=verdict)
    try:
        rows, total = queries.events(db, f, limit, offset, request.app.state.totals)
    except FilterError as exc:
        raise _filter_error(exc) from exc
    return {"events": rows, "total": total, "limit": limit, "offset": offset}


@router.get("/articles/{article_id:path}", summary="An article's text and every span")
def get_article(article_id: str, db: Db) -> dict[str, Any]:
    found = queries.article(db, article_id)
    if found is None:
        raise HTTPException(404, f"no article {article_id!r}")
    return found


@router.get("/actors", summary="Actor codes, most mentioned first")
def list_actors(db: Db, limit: Limit, offset: Offset = 0,
                prefix: Annotated[str | None, Query(description="Code prefix")] = None
                ) -> dict[str, Any]:
    try:
        rows, total = queries.actors(db, prefix, limit, offset)
    except FilterError as exc:
        raise _filter_error(exc) from exc
    return {"actors": rows, "total": total, "limit": limit, "offset": offset}


@router.get("/actors/{code}", summary="One actor: names, events given and received, partners")
def get_actor(code: str, db: Db,
              period: Literal["day", "week", "month"] = "month",
              top: Annotated[int, Query(ge=1, le=20)] = 5) -> dict[str, Any]:
    try:
        found = queries.actor_summary(db, code)
        found["partners"] = aggregates.partners(db, code, period, top)
    except FilterError as exc:
        raise _filter_error(exc) from exc
    if not found["names"] and not found["given"] and not found["received"]:
        raise HTTPException(404, f"no actor {found['code']!r} in this store")
    return found


@router.get("/quotes", summary="Quotes with their speakers, newest first")
def list_quotes(db: Db, request: Request, limit: Limit, offset: Offset = 0,
                speaker: Annotated[str | None, Query(description="Speaker code or prefix")] = None,
                q: Annotated[str | None, Query(description="Words in the article")] = None
                ) -> dict[str, Any]:
    try:
        rows, total = queries.quotes(db, speaker, q, limit, offset, request.app.state.totals)
    except FilterError as exc:
        raise _filter_error(exc) from exc
    return {"quotes": rows, "total": total, "limit": limit, "offset": offset}


@router.get("/dyads", summary="Events per actor pair and period: count, mean Goldstein")
def list_dyads(
    db: Db, request: Request,
    source: str | None = None, target: str | None = None,
    period: Literal["day", "week", "month"] = "month",
    level: Literal["actor", "country"] = "actor",
    symmetric: bool = False,
    limit: Annotated[int, Query(ge=1)] = 1000,
) -> dict[str, Any]:
    cap = settings_of(request).max_page_size * 20
    if limit > cap:
        raise HTTPException(400, f"limit: at most {cap} rows")
    try:
        rows = aggregates.dyads(db, source, target, period, level, symmetric, limit)
    except FilterError as exc:
        raise _filter_error(exc) from exc
    return {"dyads": rows, "period": period, "level": level, "symmetric": symmetric}


@router.get("/network", summary="Actors and the events between them (for the graph)")
def get_network(db: Db, level: Literal["actor", "country"] = "country",
                min_events: Annotated[int, Query(ge=1)] = 1,
                limit: Annotated[int, Query(ge=1, le=2000)] = 300) -> dict[str, Any]:
    return aggregates.network(db, level, min_events, limit)


@router.get("/places", summary="Event places with coordinates (for the map)")
def list_places(db: Db, actor: str | None = None, root: str | None = None,
                since: str | None = None, until: str | None = None,
                limit: Annotated[int, Query(ge=1, le=5000)] = 1000) -> dict[str, Any]:
    f = EventFilter(actor=actor, root=root, since=since, until=until)
    try:
        return {"places": aggregates.places(db, f, limit)}
    except FilterError as exc:
        raise _filter_error(exc) from exc


@router.post("/verdicts", dependencies=[Depends(require_write_access)],
             openapi_extra=_body_schema(VerdictRequest),
             summary="Store an analyst's verdict on one event (right, wrong, corrected)")
async def post_verdict(request: Request) -> dict[str, Any]:
    given = parse_model(VerdictRequest, await read_json_body(request))

    def store() -> dict[str, Any]:
        conn = write_connection(settings_of(request).db_path)
        try:
            return record_verdict(
                conn, given.article_id, given.idx, given.verdict,
                Correction(cameo=given.cameo or None, source=given.source,
                           target=given.target), analyst=given.analyst, note=given.note)
        finally:
            conn.close()

    try:
        saved = await run_in_threadpool(store)
    except VerdictError as exc:
        raise HTTPException(422 if "no event" not in str(exc) else 404, str(exc)) from exc
    return {"ok": True, "verdict": saved}
