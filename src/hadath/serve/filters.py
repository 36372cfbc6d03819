"""The filters of GET /v1/events as SQL on `events AS e`: every value a bound parameter.

Actor codes match as a prefix ("RUS" finds RUS and RUSGOV) through a range on the
column (`code >= 'RUS' AND code < 'RUS['`), which the code indexes serve, unlike
`substr()`; a CAMEO root or code prefix is a range too. Articles (outlet, full text) and
verdicts are reached through subqueries, so that counting needs no join.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from typing import Any

from hadath.text.fold import fold_str

__all__ = ["EventFilter", "FilterError", "actor_code", "code_prefix", "event_where",
           "fts_query"]

# Actor codes are A-Z and 0-9; '[' sorts right after 'Z', so [p, p + '[') holds every
# code that starts with p.
_AFTER_CODE_CHARS = "["
_ACTOR_CODE = re.compile(r"[A-Z0-9]{3,18}")
_CAMEO = re.compile(r"\d{2,4}")
_DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")
# Out of a search word: its quotes (the word is quoted) and control characters, which
# FTS5's query parser cannot read (a NUL ends the query: "unterminated string").
_FTS_DROP = re.compile(r'["\x00-\x1f\x7f]')


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


def actor_code(value: str, name: str) -> str:
    code = value.strip().upper()
    if not _ACTOR_CODE.fullmatch(code):
        raise FilterError(f"{name}: {value!r} is not an actor code or prefix "
                          "(3 or more letters and digits, as RUS or RUSGOV)")
    return code


def code_prefix(column: str, value: str, name: str) -> tuple[str, list[Any]]:
    code = actor_code(value, name)
    return f"({column} >= ? AND {column} < ?)", [code, code + _AFTER_CODE_CHARS]


def fts_query(text: str) -> str:
    """A user's words as an FTS5 query: each word quoted (so no FTS syntax), `*` kept.

    The query is still a bound parameter; the quoting only keeps FTS5's own syntax
    (NEAR, OR, column filters) out of what a user types.
    """
    terms = []
    for word in fold_str(text).split():
        star = word.endswith("*")
        word = _FTS_DROP.sub("", word.rstrip("*"))
        if word:
            terms.append(f'"{word}"' + ("*" if star else ""))
    if not terms:
        raise FilterError("q: no words to search for")
    return " ".join(terms)


def _date(value: str, name: str) -> str:
    if not _DATE.fullmatch(value.strip()):
        raise FilterError(f"{name}: {value!r} is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)")
    return value.strip()


def event_where(f: EventFilter) -> tuple[str, list[Any]]:
    """The WHERE clause on `events AS e` alone (articles and verdicts through subqueries),
    so that counting needs no join."""
    clauses: list[str] = []
    params: list[Any] = []
    for column, value, name in (("e.source_code", f.source, "source"),
                                ("e.target_code", f.target, "target")):
        if value:
            clause, values = code_prefix(column, value, name)
            clauses.append(clause)
            params += values
    if f.actor:
        source, values = code_prefix("e.source_code", f.actor, "actor")
        target, more = code_prefix("e.target_code", f.actor, "actor")
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
