"""GDELT 2.0 event rows from a store: one row per real-world event (an `event_groups` row).

GDELT counts one event once, with how many mentions, outlets and articles report
it; hadath does the same with its `event_groups` view (same day, source, target
and CAMEO base code). The row of a group is filled from its first mention: the
lowest-numbered event of the group's first article. Negated events are not
events and are left out, as in the view.

What hadath knows is filled; the rest stays empty: ethnic and religious codes,
AvgTone, Actor1Geo_* and Actor2Geo_*, ADM codes and feature ids. Two deviations,
because hadath does not carry the data GDELT uses: Actor names are hadath's
(English for lexicon actors, the Arabic mention otherwise), and
ActionGeo_CountryCode holds the ISO 3166 alpha-3 code, not FIPS 10-4.
"""

from __future__ import annotations

import functools
import hashlib
import itertools
import sqlite3
from collections.abc import Iterator
from typing import Any

from hadath.lexicon.countries import load_countries
from hadath.store.codes import split_actor_code

__all__ = ["GDELT_COLUMNS", "event_id", "gdelt_rows"]

# The 61 columns of a GDELT 2.0 event record, in file order
# (GDELT 2.0 Event Database codebook, column labels header row, September 2016).
GDELT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
    "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code", "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code", "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code", "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
)

_GEO_COUNTRY, _GEO_WORLD_CITY = 1, 4  # ActionGeo_Type values

# Each group's first mention, with the group's counts; rows of one group come together.
_FIRST_MENTIONS = """
SELECT g.group_key, g.num_mentions, g.num_sources, g.num_articles, m.day, e.*,
       a.id AS story_id, a.url, a.coded_at, instr(a.text, char(10)) AS lead_end
FROM event_groups AS g
JOIN event_mentions AS m ON m.group_key = g.group_key AND m.article_id = g.first_article_id
JOIN events AS e ON e.article_id = m.article_id AND e.idx = m.idx
JOIN articles AS a ON a.id = m.article_id
ORDER BY g.group_key, m.idx
"""


def event_id(article_id: str, idx: int) -> int:
    """A stable positive 63-bit id for an article's idx-th event."""
    digest = hashlib.blake2b(f"{article_id}\x1f{idx}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big") >> 1


def gdelt_rows(conn: sqlite3.Connection) -> Iterator[list[str]]:
    """One list of 61 strings per event group, ordered by day then dyad."""
    cursor = conn.execute(_FIRST_MENTIONS)
    names = [column[0] for column in cursor.description]
    for _, rows in itertools.groupby(cursor, key=lambda r: r[0]):
        yield gdelt_row(dict(zip(names, next(rows), strict=True)))


def gdelt_row(row: dict[str, Any]) -> list[str]:
    """The 61 GDELT fields of one event row (events columns + group counts + article)."""
    fields: dict[str, Any] = {
        "GLOBALEVENTID": event_id(row["article_id"], row["idx"]),
        **_date_fields(row["day"]),
        **_actor_fields("Actor1", row["source_code"], row["source_name"]),
        **_actor_fields("Actor2", row["target_code"], row["target_name"]),
        "IsRootEvent": int(_in_lead(row)),
        "EventCode": row["cameo"],
        "EventBaseCode": row["cameo"][:3],
        "EventRootCode": row["cameo"][:2],
        "QuadClass": row["quad_class"],
        "GoldsteinScale": row["goldstein"],
        "NumMentions": row["num_mentions"],
        "NumSources": row["num_sources"],
        "NumArticles": row["num_articles"],
        **_action_geo(row),
        "DATEADDED": "".join(ch for ch in (row["coded_at"] or "")[:19] if ch.isdigit()),
        "SOURCEURL": row["url"] or row["story_id"],
    }
    return [_cell(fields.get(name)) for name in GDELT_COLUMNS]


def _cell(value: Any) -> str:
    if value is None:
        return ""
    # Tabs and newlines would break the row: names come from article text.
    return str(value).replace("\t", " ").replace("\n", " ").replace("\r", " ")


def _date_fields(day: str | None) -> dict[str, Any]:
    """SQLDATE only for a day; MonthYear and Year for as much as the date says."""
    if not day:
        return {}
    parts = day[:10].split("-")
    fields: dict[str, Any] = {"Year": parts[0]}
    if len(parts) >= 2:
        fields["MonthYear"] = parts[0] + parts[1]
    if len(parts) == 3:
        year, month, date = (int(p) for p in parts)
        fields["SQLDATE"] = "".join(parts)
        # GDELT's own approximation: (MONTH * 30 + DAY) / 365 of the year.
        fields["FractionDate"] = f"{year + (month * 30 + date) / 365:.4f}"
    return fields


def _actor_fields(prefix: str, code: str | None, name: str | None) -> dict[str, Any]:
    if not code:
        return {}
    parts = split_actor_code(code)
    fields = {f"{prefix}Code": code, f"{prefix}Name": name,
              f"{prefix}CountryCode": parts.country or None,
              f"{prefix}KnownGroupCode": parts.known_group or None}
    for number, role in enumerate(parts.types[:3], start=1):
        fields[f"{prefix}Type{number}Code"] = role
    return fields


def _in_lead(row: dict[str, Any]) -> bool:
    """In the lead paragraph; without line breaks, in the first sentence."""
    lead_end = (row["lead_end"] or 0) - 1
    start = row["sentence_start"] or 0
    return start < lead_end if lead_end > 0 else start == 0


@functools.cache
def _country_names() -> dict[str, str]:
    return {code: entry.name for code, entry in load_countries().by_code.items()}


def _action_geo(row: dict[str, Any]) -> dict[str, Any]:
    name, country = row["place_name"], row["place_country"]
    if not name:
        return {}
    country_name = _country_names().get(country or "", "")
    is_country = name == country_name
    full_name = name if is_country or not country_name else f"{name}, {country_name}"
    return {"ActionGeo_Type": _GEO_COUNTRY if is_country else _GEO_WORLD_CITY,
            "ActionGeo_FullName": full_name, "ActionGeo_CountryCode": country,
            "ActionGeo_Lat": row["place_lat"], "ActionGeo_Long": row["place_lon"]}
