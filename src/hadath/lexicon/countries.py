"""Countries: Arabic names, capitals used as metonyms and nisba adjectives -> ISO alpha-3 code.

Data: data/countries.tsv (one row per country). The `nisba` column holds the
masculine singular adjective without ال (روسي); the loader generates its
inflections, each also with ال:

    روسي روسية روسيان روسيتان روسيين روسيتين روسيون روسيات

plus the irregular people-plurals of the `plural` column (الروس، الأتراك).

Lookup is over folded forms (`fold_key`). Clitics are NOT stripped here: that
is the tokenizer's job. A caller holding a raw word should try, in order,
the word itself, then the word without one conjunction (و, ف), then without
one preposition (ب, ل, ك) after that. "لل" is ل + ال with the alef dropped, so
"للسعودية" is looked up as "السعودية" (restore ال) and "لليبيا" as "ليبيا"
(ل + a word starting with ل): try both.

    >>> load_countries().lookup("الروسيتين").code
    'RUS'
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass

from hadath.errors import LexiconError
from hadath.lexicon.tsv import TsvRow, fold_key, read_tsv, split_forms, version_of

__all__ = ["CountryEntry", "CountryMatch", "CountryTable", "load_countries", "nisba_forms"]

FILE = "countries.tsv"
_CODE_LEN = 3
_DEFINITE = "\u0627\u0644"  # alef lam: the article ال
_YEH = "\u064a"  # yeh, the nisba ending
# Suffixes added to a nisba base ending in yeh: m.sg, f.sg (teh marbuta), m.du (alef noon),
# f.du (teh alef noon), m.du oblique (yeh noon), f.du oblique (teh yeh noon),
# m.pl (waw noon), m.pl oblique (yeh noon), f.pl (alef teh).
_NISBA_SUFFIXES = (
    "",
    "\u0629",
    "\u0627\u0646",
    "\u062a\u0627\u0646",
    "\u064a\u0646",
    "\u062a\u064a\u0646",
    "\u0648\u0646",
    "\u0627\u062a",
)


@dataclass(frozen=True, slots=True)
class CountryEntry:
    """One country row."""

    code: str
    name: str
    names: tuple[str, ...]
    capitals: tuple[str, ...]
    nisbas: tuple[str, ...]
    plurals: tuple[str, ...]
    note: str = ""


@dataclass(frozen=True, slots=True)
class CountryMatch:
    """A looked-up form: the country and how the form names it (name, capital, nisba, plural)."""

    entry: CountryEntry
    via: str


def nisba_forms(base: str) -> list[str]:
    """All inflections of a nisba base, indefinite and with ال.

    In a multi-word base every word ending in yeh inflects ("كوري شمالي" ->
    "الكورية الشمالية"); if some word does not ("جنوب أفريقي"), only the last
    word inflects and only the first takes ال ("الجنوب أفريقية").
    """
    words = base.split()
    if not words or not words[-1].endswith(_YEH):
        return [base]
    agreeing = all(w.endswith(_YEH) for w in words)
    forms = []
    for suffix in _NISBA_SUFFIXES:
        if agreeing:
            indefinite = [w + suffix for w in words]
            definite = [_DEFINITE + w for w in indefinite]
        else:
            indefinite = [*words[:-1], words[-1] + suffix]
            definite = [_DEFINITE + indefinite[0], *indefinite[1:]]
        forms += [" ".join(indefinite), " ".join(definite)]
    return forms


class CountryTable:
    """Countries indexed by folded Arabic form."""

    def __init__(self, entries: list[CountryEntry], version: str) -> None:
        self.entries = tuple(entries)
        self.version = version
        self.by_code = {e.code: e for e in entries}
        self._index: dict[str, CountryMatch] = {}

    def add(self, form: str, match: CountryMatch, where: str) -> None:
        """Index one form; a form naming two different countries is an error."""
        key = fold_key(form)
        held = self._index.get(key)
        if held is not None and held.entry.code != match.entry.code:
            raise LexiconError(
                f"{where}: {form!r} already names {held.entry.code} ({held.via}); "
                f"folded keys must be unique across countries"
            )
        if held is None or (held.via != "name" and match.via == "name"):
            self._index[key] = match

    def match(self, form: str) -> CountryMatch | None:
        """The country a form names, with how it names it, or None."""
        return self._index.get(fold_key(form))

    def lookup(self, form: str) -> CountryEntry | None:
        """The country a folded form names (name, capital or nisba form), or None."""
        found = self.match(form)
        return found.entry if found else None

    def forms(self) -> Iterator[tuple[str, CountryMatch]]:
        """Every (folded form, match) pair, for building matchers."""
        return iter(self._index.items())

    def __len__(self) -> int:
        return len(self.entries)


def _entry_of(row: TsvRow) -> CountryEntry:
    code = row["code"]
    if len(code) != _CODE_LEN or not code.isascii() or not code.isupper():
        raise row.error(f"bad country code {code!r} (ISO 3166 alpha-3 expected)")
    names = tuple(split_forms(row["ar"]))
    if not names:
        raise row.error(f"{code} has no Arabic name")
    return CountryEntry(
        code=code,
        name=row["name"],
        names=names,
        capitals=tuple(split_forms(row.get("capital"))),
        nisbas=tuple(split_forms(row.get("nisba"))),
        plurals=tuple(split_forms(row.get("plural"))),
        note=row.get("note"),
    )


def _index_entry(table: CountryTable, entry: CountryEntry, where: str) -> None:
    groups = {
        "name": entry.names,
        "capital": entry.capitals,
        "nisba": [form for base in entry.nisbas for form in nisba_forms(base)],
        "plural": entry.plurals,
    }
    for via, forms in groups.items():
        for form in forms:
            table.add(form, CountryMatch(entry, via), where)


@functools.cache
def load_countries() -> CountryTable:
    """The country table from data/countries.tsv (cached).

    Raises:
        LexiconError: "countries.tsv:LINE: what is wrong".
    """
    rows = read_tsv(FILE)
    entries = [_entry_of(row) for row in rows]
    table = CountryTable(entries, version_of(FILE))
    seen: dict[str, int] = {}
    for row, entry in zip(rows, entries, strict=True):
        if entry.code in seen:
            raise row.error(f"code {entry.code} already on line {seen[entry.code]}")
        seen[entry.code] = row.line
        _index_entry(table, entry, row.where())
    return table
