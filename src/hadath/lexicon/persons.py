"""Person dictionary (data/persons.tsv): political figures, their Arabic name forms, dated roles.

Each row is one person: a stable id, the canonical English name, Arabic forms separated by `|`
and roles separated by `; `. A role is `CODE FROM..TO` (dates YYYY, YYYY-MM or YYYY-MM-DD;
either end may be open; a bare `CODE` holds at all times).

Coding rule (GUIDELINE.md, actor codes): a person is coded by the role held on the article's date.
- The first role, in file order, whose interval holds the date wins (so a specific office listed
  first beats a broader one that overlaps it).
- A person with no role on the date (before the first office, in a gap, after leaving office)
  falls back to the bare country (or IGO/NGO/IMG prefix) of the nearest role in time:
  Mike Pompeo in 2022 is "USA", not "USAGOV".
- With no date, the latest role (the open-ended one, else the one that ended last) is used.

Forms listed after `ambiguous:` in the note (`ambiguous: الأسد|عباس`) may name someone else or be
an ordinary word; a resolver should accept them only next to a first name or title. Any form
shared by two persons must be listed so on both.

Example:
    >>> table = load_persons()
    >>> [p.id for p in table.lookup("لافروف")]
    ['sergey-lavrov']
    >>> table.lookup("السيسي")[0].code_on(datetime.date(2013, 7, 3))
    'EGYMIL'
"""

from __future__ import annotations

import calendar
import datetime
import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from hadath.errors import LexiconError
from hadath.lexicon.tsv import (
    TsvFile,
    TsvRow,
    fold_key,
    read_path,
    read_tsv,
    split_forms,
    version_of,
)

__all__ = [
    "FILE_NAME",
    "Person",
    "PersonTable",
    "Phrase",
    "Role",
    "build_person_table",
    "load_persons",
    "load_persons_from",
]

FILE_NAME = "persons.tsv"
_COLUMNS = ("id", "name", "ar", "roles", "note")

_ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_CODE_RE = re.compile(r"^[A-Z]{3}(?:[A-Z]{3})?$")
_ROLE_RE = re.compile(r"^(?P<code>\S+)(?:\s+(?P<start>[\d-]*)\.\.(?P<end>[\d-]*))?$")
_DATE_RE = re.compile(r"^(?P<y>\d{4})(?:-(?P<m>\d{2})(?:-(?P<d>\d{2}))?)?$")
_AMBIGUOUS_RE = re.compile(r"ambiguous:\s*([^;]+)")
_ARABIC_LETTER_RE = re.compile("[\u0621-\u064a]")  # hamza .. yeh
_MIN_FORM_LETTERS = 3


@dataclass(frozen=True, slots=True)
class Role:
    """One office held over an interval; `None` ends are open."""

    code: str
    start: datetime.date | None = None
    end: datetime.date | None = None

    def holds(self, day: datetime.date) -> bool:
        """True when `day` falls within the role's interval (ends included)."""
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)

    def days_from(self, day: datetime.date) -> int:
        """Days between `day` and the nearest end of the interval (0 when it holds `day`)."""
        if self.start is not None and day < self.start:
            return (self.start - day).days
        if self.end is not None and day > self.end:
            return (day - self.end).days
        return 0

    @property
    def country(self) -> str:
        """The first three letters: the country, IGO, NGO or IMG prefix."""
        return self.code[:3]

    def __str__(self) -> str:
        if self.start is None and self.end is None:
            return self.code
        start = self.start.isoformat() if self.start else ""
        end = self.end.isoformat() if self.end else ""
        return f"{self.code} {start}..{end}"


@dataclass(frozen=True, slots=True)
class Person:
    """A political figure with Arabic name forms and dated roles."""

    id: str
    name: str
    forms: tuple[str, ...]
    roles: tuple[Role, ...]
    note: str = ""
    ambiguous: frozenset[str] = field(default_factory=frozenset)  # folded forms

    def role_on(self, day: datetime.date | None) -> Role:
        """The role that codes this person on `day` (see the module docstring)."""
        if day is None:
            return max(self.roles, key=_recency)
        for role in self.roles:
            if role.holds(day):
                return role
        return min(self.roles, key=lambda role: role.days_from(day))

    def code_on(self, day: datetime.date | None) -> str:
        """The actor code for this person on `day`; the bare country when no role holds it."""
        role = self.role_on(day)
        if day is None or role.holds(day):
            return role.code
        return role.country

    def is_ambiguous(self, form: str) -> bool:
        """True when `form` is marked as needing a first name or title to resolve."""
        return fold_key(form) in self.ambiguous


@dataclass(frozen=True, slots=True)
class Phrase:
    """A folded name form for a matcher, with the persons it may name."""

    text: str
    person_ids: tuple[str, ...]
    ambiguous: bool


def _recency(role: Role) -> tuple[datetime.date, datetime.date]:
    # Open-ended roles are current; among closed ones the latest end, then latest start, wins.
    return (role.end or datetime.date.max, role.start or datetime.date.min)


class PersonTable:
    """All persons, indexed by folded Arabic form."""

    def __init__(self, version: str, persons: Iterable[Person]) -> None:
        self.version = version
        self.persons: tuple[Person, ...] = tuple(persons)
        self._by_id = {person.id: person for person in self.persons}
        by_form: dict[str, list[Person]] = {}
        for person in self.persons:
            for key in dict.fromkeys(fold_key(form) for form in person.forms):
                by_form.setdefault(key, []).append(person)
        self._by_form = {key: tuple(people) for key, people in by_form.items()}

    def __len__(self) -> int:
        return len(self.persons)

    def __iter__(self) -> Iterator[Person]:
        return iter(self.persons)

    def get(self, person_id: str) -> Person | None:
        """The person with this id, or None."""
        return self._by_id.get(person_id)

    def lookup(self, form: str) -> list[Person]:
        """Persons one of whose Arabic forms folds to the same key as `form`."""
        return list(self._by_form.get(fold_key(form), ()))

    def phrases(self) -> list[Phrase]:
        """Every folded form with its persons, longest first (for a longest-match matcher)."""
        phrases = [
            Phrase(key, tuple(p.id for p in people), any(key in p.ambiguous for p in people))
            for key, people in self._by_form.items()
        ]
        return sorted(phrases, key=lambda phrase: (-len(phrase.text), phrase.text))


def _parse_date(row: TsvRow, text: str, *, end: bool) -> datetime.date | None:
    if not text:
        return None
    match = _DATE_RE.match(text)
    if not match:
        raise row.error(f"bad date {text!r} (use YYYY, YYYY-MM or YYYY-MM-DD)")
    year = int(match["y"])
    month = int(match["m"] or (12 if end else 1))
    try:
        if match["d"]:
            return datetime.date(year, month, int(match["d"]))
        day = calendar.monthrange(year, month)[1] if end else 1
        return datetime.date(year, month, day)
    except ValueError as exc:
        raise row.error(f"bad date {text!r}: {exc}") from None


def _parse_role(row: TsvRow, text: str) -> Role:
    match = _ROLE_RE.match(text.strip())
    if not match:
        raise row.error(f"bad role {text!r} (use CODE FROM..TO)")
    code = match["code"]
    if not _CODE_RE.match(code):
        raise row.error(f"bad code {code!r} in role {text!r}")
    start = _parse_date(row, match["start"] or "", end=False)
    end = _parse_date(row, match["end"] or "", end=True)
    if start and end and start > end:
        raise row.error(f"role {text!r} ends before it starts")
    return Role(code, start, end)


def _parse_person(row: TsvRow) -> Person:
    person_id = row["id"]
    if not _ID_RE.match(person_id):
        raise row.error(f"bad id {person_id!r} (lowercase slug expected)")
    if not row["name"]:
        raise row.error(f"{person_id}: no English name")
    forms = tuple(split_forms(row["ar"]))
    if not forms:
        raise row.error(f"{person_id}: no Arabic form")
    for form in forms:
        if len(_ARABIC_LETTER_RE.findall(fold_key(form))) < _MIN_FORM_LETTERS:
            raise row.error(f"{person_id}: form {form!r} is shorter than 3 Arabic letters")
    roles = tuple(_parse_role(row, part) for part in row["roles"].split(";") if part.strip())
    if not roles:
        raise row.error(f"{person_id}: no role")
    note = row.get("note")
    ambiguous = frozenset(
        fold_key(form) for match in _AMBIGUOUS_RE.finditer(note) for form in split_forms(match[1])
    )
    return Person(person_id, row["name"], forms, roles, note, ambiguous)


def build_person_table(tsv: TsvFile) -> PersonTable:
    """Check and index a parsed persons file.

    Raises:
        LexiconError: "persons.tsv:LINE: what is wrong" for a malformed row or a duplicate id.
    """
    missing = [column for column in _COLUMNS[:4] if column not in tsv.columns]
    if missing:
        raise LexiconError(f"{tsv.name}:1: missing column(s) {', '.join(missing)}")
    persons: list[Person] = []
    seen: dict[str, int] = {}
    for row in tsv.rows:
        person = _parse_person(row)
        if person.id in seen:
            raise row.error(f"duplicate id {person.id!r} (first on line {seen[person.id]})")
        seen[person.id] = row.line
        persons.append(person)
    return PersonTable(tsv.version, persons)


@functools.cache
def load_persons() -> PersonTable:
    """The packaged person dictionary, checked and indexed (cached).

    Raises:
        LexiconError: "persons.tsv:LINE: what is wrong".
    """
    rows = tuple(read_tsv(FILE_NAME))
    columns = tuple(rows[0].fields) if rows else _COLUMNS
    return build_person_table(TsvFile(FILE_NAME, version_of(FILE_NAME), columns, "", rows))


def load_persons_from(path: Path | str) -> PersonTable:
    """A person dictionary from any path (tests, drafts); not cached."""
    return build_person_table(read_path(path))
