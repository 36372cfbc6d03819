"""Read-only SQL for the API and the dashboard: every value is a bound parameter.

Actor codes match as a prefix ("RUS" finds RUS and RUSGOV) through a range on the
column (`code >= 'RUS' AND code < 'RUS['`), which the code indexes serve, unlike
`substr()`. Text search goes through the folded full-text index (articles_fts).
"""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import dataclass, fields
from typing import Any

from hadath.text.fold import fold_str

__all__ = ["EventFilter", "FilterError", "actor_summary", "actors", "article", "dyads",
           "events", "network", "outlets", "partners", "places", "quotes", "top_pairs"]

# Actor codes are A-Z and 0-9; '[' sorts right after 'Z', so [p, p + '[') holds every
# code that starts with p.
_AFTER_CODE_CHARS = "["
_ACTOR_CODE = re.compile(r"[A-Z0-9]{3,18}")
_CAMEO = re.compile(r"\d{2,4}")
_DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")
# Events dated to a month or a year only have no day or week, and a year no month.
_PERIODS = {
    "day": "CASE WHEN length({d}) = 10 THEN {d} END",
    "week": "CASE WHEN length({d}) = 10 THEN date({d}, '-6 days', 'weekday 1') END",  # Monday
    "month": "CASE WHEN length({d}) >= 7 THEN substr({d}, 1, 7) END",
}
_EVENT_DAY = "coalesce(e.date, substr(a.published, 1, 10))"
_COOPERATION = (1, 2)  # QuadClass 1 verbal, 2 material cooperation; 3, 4 conflict


class FilterError(ValueError):
    """A filter value the API refuses (a 400 with this message)."""


@dataclass(frozen=True)
class EventFilter:
    """The filters of GET /v1/events; None means no filter."""

    source: str | None = None    # actor code or prefix, as source
    target: str | None = None    # as target
    actor: str | None = None     # as source or target
    root: str | None = None      # CAMEO root, "04"
    cameo: str | None = None     # CAMEO code or prefix, "036"
    plover: str | None = None    # PLOVER type, "CONSULT"
    quad_class: int | None = None
    since: str | None = None     # ISO date, inclusive
    until: str | None = None     # ISO date (or month, year), inclusive
    outlet: str | None = None    # articles.source
    q: str | None = None         # full-text search on the article
    article_id: str | None = None
    verdict: str | None = None   # right, wrong, corrected, or none (not judged)

    def active(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)
                if getattr(self, f.name) not in (None, "")}


def _actor_code(value: str, name: str) -> str:
    code = value.strip().upper()
    if not _ACTOR_CODE.fullmatch(code):
        raise FilterError(f"{name}: {value!r} is not an actor code or prefix "
                          "(3 or more letters and digits, as RUS or RUSGOV)")
    return code


def _prefix(column: str, value: str, name: str) -> tuple[str, list[Any]]:
    code = _actor_code(value, name)
    return f"({column} >= ? AND {column} < ?)", [code, code + _AFTER_CODE_CHARS]


def fts_query(text: str) -> str:
    """A user's words as an FTS5 query: each word quoted (so no FTS syntax), `*` kept."""
    terms = []
    for word in fold_str(text).split():
        star = word.endswith("*")
        word = word.rstrip("*").replace('"', "")
        if word:
            terms.append(f'"{word}"' + ("*" if star else ""))
    if not terms:
        raise FilterError("q: no words to search for")
    return " ".join(terms)


def _date(value: str, name: str) -> str:
    if not _DATE.fullmatch(value.strip()):
        raise FilterError(f"{name}: {value!r} is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)")
    return value.strip()


def _where(f: EventFilter) -> tuple[str, list[Any]]:
    """The WHERE clause on `events AS e` alone (articles and verdicts through subqueries),
    so that counting needs no join."""
    clauses: list[str] = []
    params: list[Any] = []
    for column, value, name in (("e.source_code", f.source, "source"),
                                ("e.target_code", f.target, "target")):
        if value:
            clause, values = _prefix(column, value, name)
            clauses.append(clause)
            params += values
    if f.actor:
        source, values = _prefix("e.source_code", f.actor, "actor")
        target, more = _prefix("e.target_code", f.actor, "actor")
        clauses.append(f"({source} OR {target})")
        params += values + more
    if f.root:
        if not re.fullmatch(r"\d{1,2}", f.root) or not 1 <= int(f.root) <= 20:
            raise FilterError(f"root: {f.root!r} is not a CAMEO root (01 to 20)")
        root = f"{int(f.root):02d}"  # as a code range, which the covering indexes serve
        clauses.append("(e.cameo >= ? AND e.cameo < ?)")
        params += [root, root + ":"]
    if f.cameo:
        if not _CAMEO.fullmatch(f.cameo):
            raise FilterError(f"cameo: {f.cameo!r} is not a CAMEO code (2 to 4 digits)")
        clauses.append("(e.cameo >= ? AND e.cameo < ?)")
        params += [f.cameo, f.cameo + ":"]  # ':' sorts right after '9'
    if f.plover:
        clauses.append("e.plover_type = ?")
        params.append(f.plover.strip().upper())
    if f.quad_class is not None:
        if f.quad_class not in (1, 2, 3, 4):
            raise FilterError(f"quad_class: {f.quad_class} is not a QuadClass (1 to 4)")
        clauses.append("e.quad_class = ?")
        params.append(f.quad_class)
    if f.since:
        clauses.append("e.date >= ?")
        params.append(_date(f.since, "since"))
    if f.until:
        # "2024-03" as until holds every day of March: compare the date's prefix
        until = _date(f.until, "until")
        clauses.append("e.date < ?")
        params.append(until + ":")
    if f.outlet:
        clauses.append("e.article_id IN (SELECT id FROM articles WHERE source = ?)")
        params.append(f.outlet)
    if f.article_id:
        clauses.append("e.article_id = ?")
        params.append(f.article_id)
    if f.q:
        clauses.append("e.article_id IN (SELECT article_id FROM articles_fts "
                       "WHERE articles_fts MATCH ?)")
        params.append(fts_query(f.q))
    if f.verdict:
        if f.verdict == "none":
            clauses.append("NOT EXISTS (SELECT 1 FROM verdicts AS w WHERE "
                           "w.article_id = e.article_id AND w.event_idx = e.idx)")
        elif f.verdict in ("right", "wrong", "corrected"):
            clauses.append("(e.article_id, e.idx) IN "
                           "(SELECT article_id, event_idx FROM verdicts WHERE verdict = ?)")
            params.append(f.verdict)
        else:
            raise FilterError(f"verdict: {f.verdict!r} is not right, wrong, corrected or none")
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


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


def events(conn: sqlite3.Connection, f: EventFilter, limit: int,
           offset: int) -> tuple[list[dict[str, Any]], int]:
    """One page of events, newest first, and how many match in all.

    The page is chosen on `events` alone (in the order of the index events_newest), and
    only its rows are joined to their articles and verdicts.
    """
    where, params = _where(f)
    total = conn.execute("SELECT count(*) FROM events AS e" + where, params).fetchone()[0]
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
           offset: int) -> tuple[list[dict[str, Any]], int]:
    """Quotes, newest article first; `speaker` is a code prefix, `q` searches the articles."""
    clauses, params = [], []
    if speaker:
        clause, values = _prefix("q.speaker_code", speaker, "speaker")
        clauses.append(clause)
        params += values
    if q:
        clauses.append("q.article_id IN (SELECT article_id FROM articles_fts "
                       "WHERE articles_fts MATCH ?)")
        params.append(fts_query(q))
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    base = " FROM quotes AS q JOIN articles AS a ON a.id = q.article_id" + where
    total = conn.execute("SELECT count(*)" + base, params).fetchone()[0]
    rows = conn.execute("SELECT q.*, a.title, a.published" + base +
                        " ORDER BY a.published DESC, q.article_id, q.idx LIMIT ? OFFSET ?",
                        [*params, limit, offset]).fetchall()
    return [_quote_dict(r) for r in rows], total


def actors(conn: sqlite3.Connection, prefix: str | None, limit: int,
           offset: int) -> tuple[list[dict[str, Any]], int]:
    """Actor codes with the articles that mention them and their events given/received."""
    where, params = "", []
    if prefix:
        where, params = _prefix("code", prefix, "prefix")
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
    code = _actor_code(code, "code")
    names = [dict(r) for r in conn.execute(
        "SELECT name, kind, count(DISTINCT article_id) AS articles FROM actors "
        "WHERE code = ? GROUP BY name, kind ORDER BY articles DESC", (code,))]
    counts = conn.execute(
        "SELECT (SELECT count(*) FROM events WHERE source_code = ?), "
        "(SELECT count(*) FROM events WHERE target_code = ?), "
        "(SELECT count(*) FROM quotes WHERE speaker_code = ?)", (code, code, code)).fetchone()
    return {"code": code, "names": names, "given": counts[0], "received": counts[1],
            "quotes": counts[2]}


def _period(period: str) -> str:
    if period not in _PERIODS:
        raise FilterError(f"period: {period!r} is not day, week or month")
    return _PERIODS[period].format(d=_EVENT_DAY)


def dyads(conn: sqlite3.Connection, source: str | None, target: str | None, period: str,
          level: str, symmetric: bool, limit: int) -> list[dict[str, Any]]:
    """Events per (source, target, period): count, mean Goldstein, cooperation and conflict.

    Args:
        level: "actor" groups by the full codes, "country" by their first 3 letters.
        symmetric: count A->B and B->A together (the pair is written in source-first order
            of the filters, or alphabetically without them).
    """
    if level not in ("actor", "country"):
        raise FilterError(f"level: {level!r} is not actor or country")
    s_col, t_col = (("e.source_code", "e.target_code") if level == "actor" else
                    ("substr(e.source_code, 1, 3)", "substr(e.target_code, 1, 3)"))
    clauses = ["e.source_code IS NOT NULL", "e.target_code IS NOT NULL", "e.negated = 0"]
    params: list[Any] = []
    if symmetric and source and target:
        a, a_params = _prefix("e.source_code", source, "source")
        b, b_params = _prefix("e.target_code", target, "target")
        a2, _ = _prefix("e.target_code", source, "source")
        b2, _ = _prefix("e.source_code", target, "target")
        clauses.append(f"(({a} AND {b}) OR ({b2} AND {a2}))")
        params += a_params + b_params + b_params + a_params
        key_s, key_t = "?", "?"
        key_params = [_actor_code(source, "source"), _actor_code(target, "target")]
    else:
        for column, value, name in (("e.source_code", source, "source"),
                                    ("e.target_code", target, "target")):
            if value:
                clause, values = _prefix(column, value, name)
                clauses.append(clause)
                params += values
        if symmetric:
            key_s, key_t = f"min({s_col}, {t_col})", f"max({s_col}, {t_col})"
        else:
            key_s, key_t = s_col, t_col
        key_params = []
    period_sql = _period(period)
    sql = (f"SELECT {key_s} AS source, {key_t} AS target, {period_sql} AS period, "
           "count(*) AS events, round(avg(e.goldstein), 2) AS mean_goldstein, "
           f"sum(e.quad_class IN {_COOPERATION}) AS cooperation, "
           f"sum(e.quad_class NOT IN {_COOPERATION}) AS conflict "
           "FROM events AS e JOIN articles AS a ON a.id = e.article_id "
           f"WHERE {' AND '.join(clauses)} GROUP BY 1, 2, 3 HAVING period IS NOT NULL "
           "ORDER BY period, events DESC LIMIT ?")
    return [dict(r) for r in conn.execute(sql, [*key_params, *params, limit])]


def partners(conn: sqlite3.Connection, code: str, period: str, top: int) -> dict[str, Any]:
    """An actor's top partners (either direction) and their events per period."""
    code = _actor_code(code, "code")
    period_sql = _period(period)
    pair = ("CASE WHEN e.source_code = :code THEN e.target_code ELSE e.source_code END")
    base = ("FROM events AS e JOIN articles AS a ON a.id = e.article_id "
            "WHERE (e.source_code = :code OR e.target_code = :code) "
            "AND e.source_code IS NOT NULL AND e.target_code IS NOT NULL "
            "AND e.source_code != e.target_code")
    top_rows = conn.execute(f"SELECT {pair} AS partner, count(*) AS n {base} "
                            "GROUP BY partner ORDER BY n DESC, partner LIMIT :top",
                            {"code": code, "top": top}).fetchall()
    names = [r["partner"] for r in top_rows]
    series = conn.execute(
        f"SELECT {pair} AS partner, {period_sql} AS period, count(*) AS n {base} "
        "GROUP BY partner, period HAVING period IS NOT NULL ORDER BY period",
        {"code": code}).fetchall()
    return {"code": code, "partners": [dict(r) for r in top_rows],
            "series": [dict(r) for r in series if r["partner"] in names]}


def network(conn: sqlite3.Connection, level: str, min_events: int,
            limit: int) -> dict[str, Any]:
    """Actors as nodes, dyads as edges weighted by events and their most frequent QuadClass."""
    if level not in ("actor", "country"):
        raise FilterError(f"level: {level!r} is not actor or country")
    width = 18 if level == "actor" else 3
    by_pair: dict[tuple[str, str], dict[int, int]] = {}
    for s, t, quad, n in conn.execute(
            "SELECT substr(source_code, 1, :w), substr(target_code, 1, :w), quad_class, "
            "count(*) FROM events WHERE source_code IS NOT NULL AND target_code IS NOT NULL "
            "AND negated = 0 GROUP BY 1, 2, 3", {"w": width}):
        if s != t:
            by_pair.setdefault((s, t), {})[quad] = n
    edges = sorted(((sum(q.values()), s, t, min(q, key=lambda k: (-q[k], k)))
                    for (s, t), q in by_pair.items()), key=lambda e: (-e[0], e[1], e[2]))
    edges = [e for e in edges if e[0] >= min_events][:limit]
    weight: dict[str, int] = {}
    for n, s, t, _ in edges:
        for node in (s, t):
            weight[node] = weight.get(node, 0) + n
    return {"nodes": [{"id": k, "events": v} for k, v in sorted(weight.items())],
            "edges": [{"source": s, "target": t, "events": n, "quad_class": quad}
                      for n, s, t, quad in edges]}


def top_pairs(conn: sqlite3.Connection, limit: int) -> list[tuple[str, str, int]]:
    """The busiest country pairs, either direction: (first, second, events)."""
    rows = conn.execute(
        "SELECT min(substr(source_code, 1, 3), substr(target_code, 1, 3)) AS a, "
        "max(substr(source_code, 1, 3), substr(target_code, 1, 3)) AS b, count(*) AS n "
        "FROM events WHERE source_code IS NOT NULL AND target_code IS NOT NULL "
        "AND negated = 0 GROUP BY 1, 2 HAVING a != b ORDER BY n DESC, a, b LIMIT ?", (limit,))
    return [(r[0], r[1], r[2]) for r in rows]


def places(conn: sqlite3.Connection, f: EventFilter, limit: int) -> list[dict[str, Any]]:
    """Event places with coordinates: events per place, mean Goldstein, main QuadClass."""
    where, params = _where(f)
    where = (where + " AND " if where else " WHERE ") + "e.place_lat IS NOT NULL"
    rows = conn.execute(
        "SELECT e.place_name AS name, e.place_country AS country, e.place_lat AS lat, "
        "e.place_lon AS lon, count(*) AS events, round(avg(e.goldstein), 2) AS mean_goldstein, "
        f"sum(e.quad_class IN {_COOPERATION}) AS cooperation, "
        f"sum(e.quad_class NOT IN {_COOPERATION}) AS conflict FROM events AS e"
        f"{where} GROUP BY 1, 2, 3, 4 ORDER BY events DESC LIMIT ?",
        [*params, limit]).fetchall()
    return [dict(r) for r in rows]


def outlets(conn: sqlite3.Connection) -> list[str]:
    return [r[0] for r in conn.execute(
        "SELECT DISTINCT source FROM articles WHERE source IS NOT NULL ORDER BY source")]
