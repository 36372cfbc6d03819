"""Analysts' verdicts on coded events: store them, score the coder on them, export them as gold.

A verdict says of one event row (article id + event index) that it is `right` as coded,
`wrong` (no such event in the text), or `corrected`: a real event whose CAMEO code, source
or target the analyst changed. It keeps what the coder said when it was judged and the hash
of the article text; when the article is recoded and its event no longer reads the same
(other text, or another code or actors at that index), the verdict is *stale* and is left
out of scores and exports (and counted as such).

What the verdicts measure is precision only: an analyst judges the events hadath found,
so events it missed are not seen here (recall needs gold annotations of whole articles).
"""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, TextIO

from hadath.lexicon.cameo import load_cameo

__all__ = ["VERDICTS", "VerdictError", "export_verified_gold", "record_verdict",
           "score_verdicts", "verdict_rows"]

VERDICTS = ("right", "wrong", "corrected")
# A country or organisation class, then up to four 3-character parts (RUS, RUSGOV, IGOUNO).
_ACTOR_CODE = re.compile(r"[A-Z]{3}(?:[A-Z0-9]{3}){0,4}")


class VerdictError(ValueError):
    """A verdict that cannot be recorded (unknown event, bad code, ...)."""


@dataclass(frozen=True)
class Correction:
    cameo: str | None = None
    source: str | None = None   # '' = the event has no source
    target: str | None = None   # '' = the event has no target


def _checked_actor(code: str | None, what: str) -> str | None:
    if code is None or code == "":
        return code
    code = code.strip().upper()
    if not _ACTOR_CODE.fullmatch(code):
        raise VerdictError(f"{what} {code!r} is not an actor code (as in RUSGOV, IGOUNO)")
    return code


def record_verdict(conn: sqlite3.Connection, article_id: str, event_idx: int, verdict: str,
                   correction: Correction | None = None, analyst: str | None = None,
                   note: str | None = None) -> dict[str, Any]:
    """Store (or replace) the verdict on one event; returns it as a dict.

    Raises:
        VerdictError: unknown verdict or event, a correction that changes nothing or
            names an unknown CAMEO code or a malformed actor code.
    """
    if verdict not in VERDICTS:
        raise VerdictError(f"verdict must be one of {', '.join(VERDICTS)}, not {verdict!r}")
    row = conn.execute(
        "SELECT e.cameo, e.source_code, e.target_code, e.evidence_start, e.evidence_end, "
        "a.text_hash FROM events AS e JOIN articles AS a ON a.id = e.article_id "
        "WHERE e.article_id = ? AND e.idx = ?", (article_id, event_idx)).fetchone()
    if row is None:
        raise VerdictError(f"no event {event_idx} in article {article_id!r}")
    coded_cameo, coded_source, coded_target = row[0], row[1], row[2]
    fix = correction or Correction()
    cameo, source, target = coded_cameo, coded_source or "", coded_target or ""
    if verdict == "corrected":
        if fix.cameo:
            if fix.cameo not in load_cameo():
                raise VerdictError(f"{fix.cameo!r} is not a CAMEO code")
            cameo = fix.cameo
        if fix.source is not None:
            source = _checked_actor(fix.source, "source") or ""
        if fix.target is not None:
            target = _checked_actor(fix.target, "target") or ""
        if (cameo, source, target) == (coded_cameo, coded_source or "", coded_target or ""):
            raise VerdictError("a correction must change the code, the source or the target")
    with conn:
        conn.execute(
            "INSERT OR REPLACE INTO verdicts VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (article_id, event_idx, row[5], verdict, coded_cameo, coded_source, coded_target,
             cameo, source, target, row[3], row[4], analyst, note,
             datetime.now(UTC).isoformat(timespec="seconds")))
    return {"article_id": article_id, "idx": event_idx, "verdict": verdict, "cameo": cameo,
            "source": source or None, "target": target or None, "analyst": analyst,
            "note": note}


def verdict_rows(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """Every verdict with `stale` set when its event no longer reads as it was judged."""
    rows = conn.execute(
        "SELECT v.*, a.text_hash AS current_hash, e.cameo AS current_cameo, "
        "e.source_code AS current_source, e.target_code AS current_target, "
        "a.title, a.published, a.source AS outlet, a.text, "
        "e.date, e.plover_type, e.evidence_start AS ev_start, e.evidence_end AS ev_end "
        "FROM verdicts AS v LEFT JOIN articles AS a ON a.id = v.article_id "
        "LEFT JOIN events AS e ON e.article_id = v.article_id AND e.idx = v.event_idx "
        "ORDER BY v.article_id, v.event_idx").fetchall()
    out = []
    for r in rows:
        item = dict(r)
        item["stale"] = (r["current_hash"] != r["text_hash"]
                         or (r["current_cameo"], r["current_source"], r["current_target"])
                         != (r["coded_cameo"], r["coded_source"], r["coded_target"]))
        out.append(item)
    return out


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 3) if whole else None


def score_verdicts(conn: sqlite3.Connection) -> dict[str, Any]:
    """How the coder fares on the events analysts judged (precision only, see module doc).

    Returns:
        judged, right, wrong, corrected, stale (left out) counts, and
        precision: right / judged (events right as coded: code, source and target);
        event_precision: (right + corrected) / judged (a real event was found);
        root_agreement, source_agreement, target_agreement: among real events, the share
        whose CAMEO root, source code or target code the analyst kept.
    """
    rows = verdict_rows(conn)
    live = [r for r in rows if not r["stale"]]
    counts = {v: sum(r["verdict"] == v for r in live) for v in VERDICTS}
    real = [r for r in live if r["verdict"] != "wrong"]
    kept_root = sum(r["cameo"][:2] == r["coded_cameo"][:2] for r in real)
    kept_source = sum((r["source_code"] or "") == (r["coded_source"] or "") for r in real)
    kept_target = sum((r["target_code"] or "") == (r["coded_target"] or "") for r in real)
    judged = len(live)
    return {
        "judged": judged, **counts, "stale": len(rows) - judged,
        "precision": _share(counts["right"], judged),
        "event_precision": _share(len(real), judged),
        "root_agreement": _share(kept_root, len(real)),
        "source_agreement": _share(kept_source, len(real)),
        "target_agreement": _share(kept_target, len(real)),
    }


def _gold_event(row: dict[str, Any]) -> dict[str, Any]:
    cameo = load_cameo().get(row["cameo"])
    start, end = row["evidence_start"], row["evidence_end"]
    evidence = row["text"][start:end] if start is not None and end is not None else None
    return {
        "source": [row["source_code"]] if row["source_code"] else [],
        "target": [row["target_code"]] if row["target_code"] else [],
        "cameo": [row["cameo"]],
        "plover": cameo.plover_type if cameo else row["plover_type"],
        "symmetric": False,
        "required": True,
        "date": row["date"],
        "evidence": evidence,
    }


def export_verified_gold(conn: sqlite3.Connection, stream: TextIO) -> int:
    """Write one gold line (GUIDELINE.md's format) per article with live verdicts.

    Right and corrected events become gold events (with the analyst's code and actors);
    wrong ones are left out. Analysts judge events only: `actors` and `quotes` are empty
    and `verified` says so, so score such lines on events. Returns the lines written.
    """
    by_article: dict[str, list[dict[str, Any]]] = {}
    for row in verdict_rows(conn):
        if not row["stale"]:
            by_article.setdefault(row["article_id"], []).append(row)
    for article_id, rows in by_article.items():
        first = rows[0]
        record = {
            "id": article_id, "source": first["outlet"], "published": first["published"],
            "title": first["title"], "text": first["text"],
            "gold": {"actors": [], "quotes": [],
                     "events": [_gold_event(r) for r in rows if r["verdict"] != "wrong"]},
            "verified": {"scope": "events", "judged": len(rows),
                         "wrong": sum(r["verdict"] == "wrong" for r in rows)},
        }
        stream.write(json.dumps(record, ensure_ascii=False) + "\n")
    return len(by_article)
