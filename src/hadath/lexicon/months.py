"""Calendar words: month names, weekdays, day ordinals and relative date words.

Data: data/months.tsv, one row per concept with its `|`-separated forms. Keys
are folded forms (`fold_key`), so one spelling covers أبريل / ابريل and
الماضية / الماضيه. Month names come in three families (Gregorian loans,
Levantine/Iraqi, Maghrebi/Moroccan); a few are also ordinary words (مارس the
verb, ماي the prime minister), so each month form carries the context it
needs before it counts as a date (`MonthName.context`).

    >>> load_calendar().months["تموز"].number
    7
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from hadath.lexicon.tsv import TsvRow, fold_key, read_tsv, split_forms, version_of

__all__ = ["MONTH_FAMILIES", "Calendar", "MonthName", "load_calendar"]

FILE = "months.tsv"
MONTH_FAMILIES = ("gregorian", "levantine", "maghrebi")
_CONTEXTS = ("any", "cue", "strong")
_PERIODS = ("week", "month", "year")
_KINDS = frozenset(
    {*MONTH_FAMILIES, "weekday", "ordinal", "day", "period", "modifier", "time", "year_cue",
     "count", "not_today", "future_cue"}
)


@dataclass(frozen=True, slots=True)
class MonthName:
    """A month form: its number (1-12), family and the context it needs to be read as a month."""

    number: int
    family: str
    context: str  # "any" | "cue" | "strong" (see months.tsv)


@dataclass(frozen=True, slots=True)
class Calendar:
    """Every calendar word of months.tsv, keyed by folded form."""

    version: str
    months: dict[str, MonthName] = field(default_factory=dict)
    weekdays: dict[str, int] = field(default_factory=dict)  # Monday = 0
    ordinals: dict[str, int] = field(default_factory=dict)
    days: dict[str, int] = field(default_factory=dict)  # offset from publication
    periods: dict[str, str] = field(default_factory=dict)  # week | month | year
    modifiers: dict[str, int] = field(default_factory=dict)  # -1 past, 0 current, +1 next
    times: frozenset[str] = frozenset()
    strong_year_cues: frozenset[str] = frozenset()
    weak_year_cues: frozenset[str] = frozenset()
    count_nouns: frozenset[str] = frozenset()
    not_today: frozenset[str] = frozenset()
    future_cues: frozenset[str] = frozenset()


def _int_value(row: TsvRow, low: int, high: int) -> int:
    try:
        value = int(row["value"])
    except ValueError:
        raise row.error(f"value {row['value']!r} is not a number") from None
    if not low <= value <= high:
        raise row.error(f"value {value} is outside {low}..{high}")
    return value


def _row_value(row: TsvRow) -> object:
    """The parsed `value` cell of a row, by kind."""
    kind = row["kind"]
    if kind in MONTH_FAMILIES:
        context = row.get("context", "any")
        if context not in _CONTEXTS:
            raise row.error(f"bad context {context!r} (expected one of {', '.join(_CONTEXTS)})")
        return MonthName(_int_value(row, 1, 12), kind, context)
    bounds = {"weekday": (0, 6), "ordinal": (1, 31), "day": (-7, 7), "modifier": (-1, 1)}
    if kind in bounds:
        return _int_value(row, *bounds[kind])
    if kind == "period" and row["value"] not in _PERIODS:
        raise row.error(f"bad period {row['value']!r} (expected one of {', '.join(_PERIODS)})")
    if kind == "year_cue" and row["value"] not in ("strong", "weak"):
        raise row.error(f"bad year cue strength {row['value']!r} (expected strong or weak)")
    return row["value"]


@functools.cache
def load_calendar() -> Calendar:
    """The calendar words from data/months.tsv (cached).

    Raises:
        LexiconError: "months.tsv:LINE: what is wrong", including a form listed twice
            within one kind.
    """
    tables: dict[str, dict[str, object]] = {kind: {} for kind in _KINDS}
    cues: dict[str, set[str]] = {"strong": set(), "weak": set()}
    for row in read_tsv(FILE):
        kind = row["kind"]
        if kind not in _KINDS:
            raise row.error(f"unknown kind {kind!r}")
        value = _row_value(row)
        forms = split_forms(row["forms"])
        if not forms:
            raise row.error("no Arabic form")
        table = tables.setdefault("month" if kind in MONTH_FAMILIES else kind, {})
        for form in forms:
            key = fold_key(form)
            if key in table and table[key] != value:
                raise row.error(f"{form!r} is listed twice as {kind} with different values")
            table[key] = value
            if kind == "year_cue":
                cues[str(value)].add(key)
    return Calendar(
        version=version_of(FILE),
        months=dict(tables["month"]),  # type: ignore[arg-type]
        weekdays=dict(tables["weekday"]),  # type: ignore[arg-type]
        ordinals=dict(tables["ordinal"]),  # type: ignore[arg-type]
        days=dict(tables["day"]),  # type: ignore[arg-type]
        periods=dict(tables["period"]),  # type: ignore[arg-type]
        modifiers=dict(tables["modifier"]),  # type: ignore[arg-type]
        times=frozenset(tables["time"]),
        strong_year_cues=frozenset(cues["strong"]),
        weak_year_cues=frozenset(cues["weak"]),
        count_nouns=frozenset(tables["count"]),
        not_today=frozenset(tables["not_today"]),
        future_cues=frozenset(tables["future_cue"]),
    )
