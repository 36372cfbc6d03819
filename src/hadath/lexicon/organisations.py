"""Organisations and armed groups: Arabic names -> CAMEO actor codes (IGOUNO, YEMREB, ...).

Data: data/organisations.tsv, one row per body (a code may have several rows).
Lookup is over folded forms; `phrases()` lists every folded phrase longest
first, for building a matcher, and `longest_match` scans a word sequence.
Clitics are not stripped here (see `hadath.lexicon.countries` for how a
caller should strip و ف ب ل ك before lookup).

    >>> load_organisations().lookup("حزب الله").code
    'LBNUAF'
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from hadath.lexicon.tsv import PhraseIndex, PhraseTable, TsvRow, read_tsv, split_forms, version_of

__all__ = ["ACTOR_CODE_RE", "OrganisationEntry", "OrganisationTable", "load_organisations"]

FILE = "organisations.tsv"
ACTOR_CODE_RE = re.compile(r"^[A-Z]{3}([A-Z]{3})?$")
_KINDS = frozenset({"organisation", "group"})


@dataclass(frozen=True, slots=True)
class OrganisationEntry:
    """One organisation row."""

    code: str
    name: str
    kind: str
    forms: tuple[str, ...]
    note: str = ""
    line: int = 0


# Kept as a name of its own: callers and type hints say what the table holds.
OrganisationTable = PhraseTable[OrganisationEntry]


def _entry_of(row: TsvRow) -> OrganisationEntry:
    code, kind = row["code"], row["kind"]
    if not ACTOR_CODE_RE.match(code):
        raise row.error(f"bad actor code {code!r}")
    if kind not in _KINDS:
        raise row.error(f"bad kind {kind!r} (expected one of {', '.join(sorted(_KINDS))})")
    forms = tuple(split_forms(row["ar"]))
    if not forms:
        raise row.error(f"{code} has no Arabic form")
    return OrganisationEntry(code, row["name"], kind, forms, row.get("note"), row.line)


@functools.cache
def load_organisations() -> OrganisationTable:
    """The organisation table from data/organisations.tsv (cached).

    Raises:
        LexiconError: "organisations.tsv:LINE: what is wrong", including a form
            that already names a body with another code.
    """
    rows = read_tsv(FILE)
    entries = [_entry_of(row) for row in rows]
    index: PhraseIndex[OrganisationEntry] = PhraseIndex()
    for row, entry in zip(rows, entries, strict=True):
        for form in entry.forms:
            held = index.add(form, entry)
            if held is not None and held.code != entry.code:
                raise row.error(f"{form!r} already names {held.code} (line {held.line})")
    return OrganisationTable(entries, index, version_of(FILE))
