"""Role words: Arabic role nouns and phrases -> CAMEO role code (GOV, MIL, COP, ...).

Data: data/roles.tsv, one row per role concept with its forms. A role joins a
country found nearby (nisba adjective or construct) into an actor code:
"وزير الخارجية الروسي" = role GOV + nisba RUS -> RUSGOV. Lookup is over
folded forms, with longest-phrase matching for word sequences; clitics are not
stripped here (see `hadath.lexicon.countries`).

    >>> load_roles().lookup("المخابرات").role
    'SPY'
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from hadath.lexicon.tsv import PhraseIndex, PhraseTable, TsvRow, read_tsv, split_forms, version_of

__all__ = ["ROLE_CODES", "RoleEntry", "RoleTable", "load_roles"]

FILE = "roles.tsv"
# The guideline's role codes (CAMEO style).
ROLE_CODES = frozenset(
    {
        *("GOV", "MIL", "COP", "SPY", "JUD", "LEG", "PTY", "OPP", "REB", "UAF"),
        *("CVL", "BUS", "MED", "REL", "REF", "HRI", "EDU", "LAB", "HLH", "NGO"),
    }
)
_KINDS = frozenset({"person", "organisation", "group"})


@dataclass(frozen=True, slots=True)
class RoleEntry:
    """One role concept: its code, what kind of actor its forms name, and the forms."""

    role: str
    kind: str
    forms: tuple[str, ...]
    note: str = ""
    line: int = 0


# Kept as a name of its own: callers and type hints say what the table holds.
RoleTable = PhraseTable[RoleEntry]


def _entry_of(row: TsvRow) -> RoleEntry:
    role, kind = row["role"], row["kind"]
    if role not in ROLE_CODES:
        raise row.error(f"unknown role code {role!r}")
    if kind not in _KINDS:
        raise row.error(f"bad kind {kind!r} (expected one of {', '.join(sorted(_KINDS))})")
    forms = tuple(split_forms(row["ar"]))
    if not forms:
        raise row.error("no Arabic form")
    return RoleEntry(role, kind, forms, row.get("note"), row.line)


@functools.cache
def load_roles() -> RoleTable:
    """The role table from data/roles.tsv (cached).

    Raises:
        LexiconError: "roles.tsv:LINE: what is wrong", including a form listed
            under two different roles.
    """
    rows = read_tsv(FILE)
    entries = [_entry_of(row) for row in rows]
    index: PhraseIndex[RoleEntry] = PhraseIndex()
    for row, entry in zip(rows, entries, strict=True):
        for form in entry.forms:
            held = index.add(form, entry)
            if held is not None and held is not entry:
                raise row.error(f"{form!r} already listed on line {held.line} ({held.role})")
    return RoleTable(entries, index, version_of(FILE))
