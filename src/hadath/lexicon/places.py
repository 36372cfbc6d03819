"""Places: capitals and cities with Arabic names (GeoNames), and name resolution.

Data: data/places.tsv, built by scripts/build_places.py (GeoNames, CC BY 4.0).
A folded Arabic name can name several places (طرابلس: Tripoli, Libya and
Tripoli, Lebanon); `resolve_place` picks one using the countries in context.

    >>> resolve_place("طرابلس", context_countries={"LBN"}).country
    'LBN'
"""

from __future__ import annotations

import functools
from collections.abc import Collection
from dataclasses import dataclass

from hadath.lexicon.tsv import TsvRow, fold_key, read_tsv, split_forms, version_of

__all__ = ["Place", "PlaceTable", "load_places", "resolve_place"]

FILE = "places.tsv"


@dataclass(frozen=True, slots=True)
class Place:
    """One place row."""

    geonameid: int
    name: str
    country: str
    lat: float
    lon: float
    population: int
    capital: bool
    forms: tuple[str, ...]


class PlaceTable:
    """Places indexed by folded Arabic name; a name maps to all its candidates."""

    def __init__(self, places: list[Place], version: str) -> None:
        self.places = tuple(places)
        self.version = version
        self._index: dict[str, list[Place]] = {}
        for place in places:
            for key in {fold_key(form) for form in place.forms}:
                self._index.setdefault(key, []).append(place)

    def candidates(self, name: str) -> list[Place]:
        """Every place the name can refer to (file order: most populous first)."""
        return list(self._index.get(fold_key(name), ()))

    def resolve(self, name: str, context_countries: Collection[str] = ()) -> Place | None:
        """The place a name most likely means.

        Among the candidates: one in a context country (the most populous such),
        else a capital, else the most populous.
        """
        found = self._index.get(fold_key(name))
        if not found:
            return None
        in_context = [p for p in found if p.country in context_countries]
        if in_context:
            return max(in_context, key=lambda p: p.population)
        capitals = [p for p in found if p.capital]
        return max(capitals or found, key=lambda p: p.population)

    def __len__(self) -> int:
        return len(self.places)


def _place_of(row: TsvRow) -> Place:
    try:
        return Place(
            geonameid=int(row["geonameid"]),
            name=row["name"],
            country=row["country"],
            lat=float(row["lat"]),
            lon=float(row["lon"]),
            population=int(row["population"]),
            capital=row["capital"] == "1",
            forms=tuple(split_forms(row["ar"])),
        )
    except ValueError as err:
        raise row.error(f"bad number ({err})") from err


@functools.cache
def load_places() -> PlaceTable:
    """The gazetteer from data/places.tsv (cached).

    Raises:
        LexiconError: "places.tsv:LINE: what is wrong".
    """
    places = []
    for row in read_tsv(FILE):
        place = _place_of(row)
        if not place.forms:
            raise row.error(f"place {place.geonameid} has no Arabic name")
        places.append(place)
    return PlaceTable(places, version_of(FILE))


def resolve_place(name: str, context_countries: Collection[str] = ()) -> Place | None:
    """Resolve an Arabic place name with the packaged gazetteer (see `PlaceTable.resolve`)."""
    return load_places().resolve(name, context_countries)
