"""PLOVER event records (JSON Lines) from a store: one record per non-negated event.

Field names follow the PLOVER manual's JSON table (id, date, actor, recipient,
event, mode, context, event_loc, event_text, quad_code, event_scale, text,
text_info, cite_info, coder, coded_date), with entity objects of `code` (the
country, or the organisation class IGO/NGO/IMG), `sector` (the role, or the
organisation's own code) and `entity_text`. hadath adds `story_id` (the
article id, as in POLECAT), `actor_code` (the whole hadath code) and `cameo`.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from typing import Any

from hadath.store.codes import split_actor_code
from hadath.store.gdelt import event_id

__all__ = ["plover_records"]

_EVENTS = """
SELECT e.*, a.title, a.published, a.source AS outlet, a.url, a.coded_at, a.hadath,
       substr(a.text, e.evidence_start + 1, e.evidence_end - e.evidence_start) AS evidence
FROM events AS e JOIN articles AS a ON a.id = e.article_id
WHERE e.negated = 0
ORDER BY a.rowid, e.idx
"""


def plover_records(conn: sqlite3.Connection) -> Iterator[dict[str, Any]]:
    """One PLOVER dict per non-negated event, in article order."""
    cursor = conn.execute(_EVENTS)
    names = [column[0] for column in cursor.description]
    for values in cursor:
        yield plover_record(dict(zip(names, values, strict=True)))


def _entity(code: str | None, name: str | None, text: str | None) -> list[dict[str, Any]]:
    if not code:
        return []
    parts = split_actor_code(code)
    if parts.known_group:  # IGOUNO: the class is the code, the organisation the sector
        head, sector = parts.types[0], parts.known_group
    else:
        head, sector = parts.country, "".join(parts.types)
    return [{"code": head or None, "sector": sector or None, "entity_text": text,
             "identifier_text": name, "actor_code": code}]


def plover_record(row: dict[str, Any]) -> dict[str, Any]:
    place = None
    if row["place_name"]:
        place = {"name": row["place_name"], "country": row["place_country"],
                 "lat": row["place_lat"], "lon": row["place_lon"]}
    return {
        "id": f"{event_id(row['article_id'], row['idx']):016x}",
        "story_id": row["article_id"],
        "date": row["date"],
        "actor": _entity(row["source_code"], row["source_name"], row["source_text"]),
        "recipient": _entity(row["target_code"], row["target_name"], row["target_text"]),
        "event": [row["plover_type"]] if row["plover_type"] else [],
        "mode": [row["plover_mode"]] if row["plover_mode"] else [],
        "context": [],
        "event_loc": place,
        "event_text": [row["trigger_text"]] if row["trigger_text"] else [],
        "quad_code": row["quad_class"],
        "event_scale": row["goldstein"],
        "cameo": row["cameo"],
        "text": row["evidence"],
        "text_info": {"start": row["evidence_start"], "end": row["evidence_end"]},
        "cite_info": {"source": row["outlet"], "headline": row["title"],
                      "published": row["published"], "url": row["url"]},
        "coder": f"hadath {json.loads(row['hadath'] or '{}').get('version', '')}".strip(),
        "coded_date": (row["coded_at"] or "")[:10] or None,
    }
