"""Aggregates for the dashboard's charts: dyads per period, partners, network, places.

Cooperation is QuadClass 1-2 (verbal, material), conflict 3-4; negated events are left
out of dyads and the network.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from hadath.serve.filters import EventFilter, FilterError, actor_code, code_prefix, event_where

__all__ = ["dyads", "network", "partners", "places", "top_pairs"]

# Events dated to a month or a year only have no day or week, and a year no month.
_PERIODS = {
    "day": "CASE WHEN length({d}) = 10 THEN {d} END",
    "week": "CASE WHEN length({d}) = 10 THEN date({d}, '-6 days', 'weekday 1') END",  # Monday
    "month": "CASE WHEN length({d}) >= 7 THEN substr({d}, 1, 7) END",
}
_EVENT_DAY = "coalesce(e.date, substr(a.published, 1, 10))"
_COOPERATION = (1, 2)  # QuadClass 1 verbal, 2 material cooperation; 3, 4 conflict


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
        a, a_params = code_prefix("e.source_code", source, "source")
        b, b_params = code_prefix("e.target_code", target, "target")
        a2, _ = code_prefix("e.target_code", source, "source")
        b2, _ = code_prefix("e.source_code", target, "target")
        clauses.append(f"(({a} AND {b}) OR ({b2} AND {a2}))")
        params += a_params + b_params + b_params + a_params
        key_s, key_t = "?", "?"
        key_params = [actor_code(source, "source"), actor_code(target, "target")]
    else:
        for column, value, name in (("e.source_code", source, "source"),
                                    ("e.target_code", target, "target")):
            if value:
                clause, values = code_prefix(column, value, name)
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
    code = actor_code(code, "code")
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
    where, params = event_where(f)
    where = (where + " AND " if where else " WHERE ") + "e.place_lat IS NOT NULL"
    rows = conn.execute(
        "SELECT e.place_name AS name, e.place_country AS country, e.place_lat AS lat, "
        "e.place_lon AS lon, count(*) AS events, round(avg(e.goldstein), 2) AS mean_goldstein, "
        f"sum(e.quad_class IN {_COOPERATION}) AS cooperation, "
        f"sum(e.quad_class NOT IN {_COOPERATION}) AS conflict FROM events AS e"
        f"{where} GROUP BY 1, 2, 3, 4 ORDER BY events DESC LIMIT ?",
        [*params, limit]).fetchall()
    return [dict(r) for r in rows]
