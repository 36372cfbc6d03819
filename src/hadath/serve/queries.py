"""Read-only SQL for the API and the dashboard's tables: every value is a bound parameter.

The filters are hadath.serve.filters; the charts' aggregates are hadath.serve.aggregates.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from hadath.serve.filters import EventFilter, actor_code, code_prefix, event_where, fts_query
from hadath.serve.totals import TotalsCache

__all__ = ["actor_summary", "actors", "article", "event_dict", "events", "outlets", "quotes"]

_EVENT_JOINS = (" JOIN articles AS a ON a.id = e.article_id LEFT JOIN verdicts AS v "
                "ON v.article_id = e.article_id AND v.event_idx = e.idx")
_EVENT_COLUMNS = (
    "e.*, a.title, a.published, a.source AS outlet, "
    "substr(a.text, e.sentence_start + 1, e.sentence_end - e.sentence_start) AS sentence_text, "
    "substr(a.text, e.evidence_start + 1, e.evidence_end - e.evidence_start) AS evidence_text, "
    "v.verdict, v.cameo AS verdict_cameo, v.source_code AS verdict_source, "
    "v.target_code AS verdict_target, v.note AS verdict_note")


def _ref(row: sqlite3.Row, side: str) -> dict[str, Any] | None:
    if row[f"{side}_code"] is None and row[f"{side}_text"] is None:
        return None
    return {k: row[f"{side}_{k}"] for k in ("code", "name", "text", "start", "end")}


def event_dict(row: sqlite3.Row) -> dict[str, Any]:
    """An event row as the API returns it: the output contract's shape plus article fields."""
    place = None
    if row["place_name"] is not None:
        place = {"name": row["place_name"], "country": row["place_country"],
                 "lat": row["place_lat"], "lon": row["place_lon"]}
    verdict = None
    if row["verdict"] is not None:
        verdict = {"verdict": row["verdict"], "cameo": row["verdict_cameo"],
                   "source": row["verdict_source"] or None,
                   "target": row["verdict_target"] or None, "note": row["verdict_note"]}
    return {
        "article_id": row["article_id"], "idx": row["idx"],
        "source": _ref(row, "source"), "target": _ref(row, "target"),
        "cameo": row["cameo"], "cameo_root": row["cameo_root"],
        "cameo_label": row["cameo_label"],
        "plover": {"type": row["plover_type"], "mode": row["plover_mode"]},
        "goldstein": row["goldstein"], "quad_class": row["quad_class"],
        "date": row["date"], "date_precision": row["date_precision"], "place": place,
        "negated": bool(row["negated"]),
        "trigger": {"text": row["trigger_text"], "start": row["trigger_start"],
                    "end": row["trigger_end"]},
        "evidence": {"start": row["evidence_start"], "end": row["evidence_end"],
                     "text": row["evidence_text"]},
        "sentence": {"start": row["sentence_start"], "end": row["sentence_end"],
                     "text": row["sentence_text"]},
        "confidence": row["confidence"],
        "title": row["title"], "published": row["published"], "outlet": row["outlet"],
        "verdict": verdict,
    }


def _count(conn: sqlite3.Connection, sql: str, params: list[Any],
           totals: TotalsCache | None) -> int:
    if totals is None:
        return conn.execute(sql, params).fetchone()[0]
    return totals.count(conn, sql, params)


def events(conn: sqlite3.Connection, f: EventFilter, limit: int, offset: int,
           totals: TotalsCache | None = None) -> tuple[list[dict[str, Any]], int]:
    """One page of events, newest first, and how many match in all (remembered in
    `totals` while the store is unchanged).

    The page is chosen on `events` alone (in the order of the index events_newest), and
    only its rows are joined to their articles and verdicts.
    """
    where, params = event_where(f)
    total = _count(conn, "SELECT count(*) FROM events AS e" + where, params, totals)
    rows = conn.execute(
        f"WITH page AS (SELECT e.article_id, e.idx FROM events AS e{where} "
        "ORDER BY e.date DESC, e.article_id DESC, e.idx DESC LIMIT ? OFFSET ?) "
        f"SELECT {_EVENT_COLUMNS} FROM page JOIN events AS e "
        "ON e.article_id = page.article_id AND e.idx = page.idx"
        + _EVENT_JOINS + " ORDER BY e.date DESC, e.article_id DESC, e.idx DESC",
        [*params, limit, offset]).fetchall()
    return [event_dict(r) for r in rows], total


def article(conn: sqlite3.Connection, article_id: str) -> dict[str, Any] | None:
    """An article with its text and every span: entities, actors, events, quotes."""
    row = conn.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
    if row is None:
        return None
    entities = [dict(r) for r in conn.execute(
        'SELECT text, start, "end", type, code, name FROM entities '
        "WHERE article_id = ? ORDER BY idx", (article_id,))]
    actor_rows = [{"code": r["code"], "name": r["name"], "kind": r["kind"],
                   "mentions": json.loads(r["mentions"])}
                  for r in conn.execute("SELECT * FROM actors WHERE article_id = ? "
                                        "ORDER BY code", (article_id,))]
    quote_rows = [_quote_dict(r) for r in conn.execute(
        "SELECT q.*, a.title, a.published FROM quotes AS q JOIN articles AS a "
        "ON a.id = q.article_id WHERE q.article_id = ? ORDER BY q.idx", (article_id,))]
    event_rows, _ = events(conn, EventFilter(article_id=article_id), limit=10_000, offset=0)
    event_rows.sort(key=lambda e: e["idx"])
    return {"id": row["id"], "title": row["title"], "published": row["published"],
            "source": row["source"], "url": row["url"], "text": row["text"],
            "hadath": json.loads(row["hadath"] or "{}"),
            "entities": entities, "actors": actor_rows, "events": event_rows,
            "quotes": quote_rows}


def _quote_dict(row: sqlite3.Row) -> dict[str, Any]:
    speaker = _ref(row, "speaker")
    return {"article_id": row["article_id"], "idx": row["idx"], "speaker": speaker,
            "text": row["text"], "start": row["start"], "end": row["end"],
            "kind": row["kind"], "verb": row["verb"], "title": row["title"],
            "published": row["published"]}


def quotes(conn: sqlite3.Connection, speaker: str | None, q: str | None, limit: int,
           offset: int, totals: TotalsCache | None = None) -> tuple[list[dict[str, Any]], int]:
    """Quotes, newest article first; `speaker` is a code prefix, `q` searches the articles."""
    clauses, params = [], []
    if speaker:
        clause, values = code_prefix("q.speaker_code", speaker, "speaker")
        clauses.append(clause)
        params += values
    if q:
        clauses.append("q.article_id IN (SELECT article_id FROM articles_fts "
                       "WHERE articles_fts MATCH ?)")
        params.append(fts_query(q))
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    base = " FROM quotes AS q JOIN articles AS a ON a.id = q.article_id" + where
    total = _count(conn, "SELECT count(*)" + base, params, totals)
    rows = conn.execute("SELECT q.*, a.title, a.published" + base +
                        " ORDER BY a.published DESC, q.article_id, q.idx LIMIT ? OFFSET ?",
                        [*params, limit, offset]).fetchall()
    return [_quote_dict(r) for r in rows], total


def actors(conn: sqlite3.Connection, prefix: str | None, limit: int,
           offset: int) -> tuple[list[dict[str, Any]], int]:
    """Actor codes with the articles that mention them and their events given/received."""
    where, params = "", []
    if prefix:
        where, params = code_prefix("code", prefix, "prefix")
        where = " WHERE " + where
    total = conn.execute(f"SELECT count(DISTINCT code) FROM actors{where}", params).fetchone()[0]
    rows = conn.execute(
        "WITH found AS (SELECT code, count(DISTINCT article_id) AS articles "
        f"FROM actors{where} GROUP BY code ORDER BY articles DESC, code LIMIT ? OFFSET ?) "
        "SELECT f.*, (SELECT name FROM actors AS x WHERE x.code = f.code GROUP BY name "
        "ORDER BY count(*) DESC, name LIMIT 1) AS name, "
        "(SELECT kind FROM actors AS x WHERE x.code = f.code GROUP BY kind "
        "ORDER BY count(*) DESC, kind LIMIT 1) AS kind, "
        "(SELECT count(*) FROM events WHERE source_code = f.code) AS given, "
        "(SELECT count(*) FROM events WHERE target_code = f.code) AS received "
        "FROM found AS f ORDER BY f.articles DESC, f.code",
        [*params, limit, offset]).fetchall()
    return [dict(r) for r in rows], total


def actor_summary(conn: sqlite3.Connection, code: str) -> dict[str, Any]:
    """One actor code (exact): names, articles, events given and received, quotes."""
    code = actor_code(code, "code")
    names = [dict(r) for r in conn.execute(
        "SELECT name, kind, count(DISTINCT article_id) AS articles FROM actors "
        "WHERE code = ? GROUP BY name, kind ORDER BY articles DESC", (code,))]
    counts = conn.execute(
        "SELECT (SELECT count(*) FROM events WHERE source_code = ?), "
        "(SELECT count(*) FROM events WHERE target_code = ?), "
        "(SELECT count(*) FROM quotes WHERE speaker_code = ?)", (code, code, code)).fetchone()
    return {"code": code, "names": names, "given": counts[0], "received": counts[1],
            "quotes": counts[2]}


def outlets(conn: sqlite3.Connection) -> list[str]:
    return [r[0] for r in conn.execute(
        "SELECT DISTINCT source FROM articles WHERE source IS NOT NULL ORDER BY source")]
