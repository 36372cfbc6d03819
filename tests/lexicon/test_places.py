"""places.tsv (GeoNames) and place-name resolution."""

from __future__ import annotations

import pytest

from hadath.lexicon.places import load_places, resolve_place
from hadath.lexicon.tsv import version_of


def test_places_loads_with_version_and_capitals() -> None:
    table = load_places()
    assert version_of("places.tsv").startswith("1 ")
    assert len(table) > 5000
    capitals = {p.country for p in table.places if p.capital}
    assert {"SAU", "EGY", "RUS", "USA", "LBY", "IRQ"} <= capitals


@pytest.mark.parametrize(
    ("context", "country"),
    [({"LBY"}, "LBY"), ({"LBN"}, "LBN"), ({"LBN", "SYR"}, "LBN"), ((), "LBY")],
)
def test_places_tripoli_disambiguation(context: set[str], country: str) -> None:
    place = resolve_place("طرابلس", context)
    assert place is not None
    assert (place.name, place.country) == ("Tripoli", country)


@pytest.mark.parametrize(
    ("name", "english", "country"),
    [("حلب", "Aleppo", "SYR"), ("الموصل", "Mosul", "IRQ"), ("الإسكندرية", "Alexandria", "EGY")],
)
def test_places_resolve(name: str, english: str, country: str) -> None:
    place = resolve_place(name)
    assert place is not None
    assert (place.name, place.country) == (english, country)


def test_places_no_persian_letters_and_unknown_name() -> None:
    persian = set("پچژگکیہےٹڈڑ")
    assert not any(persian & set(form) for p in load_places().places for form in p.forms)
    assert resolve_place("مدينةغيرموجودة") is None
