"""Calendar arithmetic for `hadath.code.dates`: publication dates, shifts, nearest days.

Holds the pure date functions the reader resolves expressions with (no
regexes, no lexicon), so that they can be read and tested on their own:
the publication date of an article, the output values of a day or a month,
and the weekday, day of a month, or month nearest a publication date.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

__all__ = [
    "day_month_date",
    "day_value",
    "month_value",
    "month_year",
    "parse_published",
    "shift_month",
    "weekday_date",
]

_PUBLISHED_RE = re.compile(r"\s*(\d{4})[-/](\d{1,2})[-/](\d{1,2})")
_FIRST_YEAR, _LAST_YEAR = 2, 9998  # a year of room on each side for relative dates


def parse_published(published: str | None) -> date | None:
    """The date part of a `published` field ("2018-02-19T00:16:11+04:00"), or None."""
    match = _PUBLISHED_RE.match(published or "")
    if match is None:
        return None
    try:
        day = date(*(int(g) for g in match.groups()))
    except ValueError:
        return None
    # Relative dates (أمس، الثلاثاء، الأسبوع الماضي) add days to it: at the calendar's
    # ends that overflows, and no news is published in the year 1 or 9999.
    return day if _FIRST_YEAR <= day.year <= _LAST_YEAR else None


def day_value(d: date) -> tuple[str, str]:
    """(value, precision) of a day: ("2020-07-15", "day")."""
    return d.isoformat(), "day"


def month_value(year: int, month: int) -> tuple[str, str]:
    """(value, precision) of a month: ("2020-07", "month")."""
    return f"{year:04d}-{month:02d}", "month"


def shift_month(year: int, month: int, by: int) -> tuple[int, int]:
    """(year, month) `by` months after (before, if negative) `year`-`month`."""
    index = year * 12 + month - 1 + by
    return index // 12, index % 12 + 1


def weekday_date(pub: date, weekday: int, direction: int, strict: bool) -> date:
    """The `weekday` nearest `pub` looking back (direction -1) or forward (+1)."""
    if direction < 0:
        back = (pub.weekday() - weekday) % 7 or (7 if strict else 0)
        return pub - timedelta(days=back)
    ahead = (weekday - pub.weekday()) % 7 or (7 if strict else 0)
    return pub + timedelta(days=ahead)


def day_month_date(pub: date, month: int, day: int, direction: int, strict: bool) -> date | None:
    """The (day, month) nearest `pub` looking back or forward; None if it never exists."""
    for step in range(9):  # 29 February needs up to 8 years in the worst case
        try:
            found = date(pub.year + direction * step, month, day)
        except ValueError:
            continue
        if (found < pub if direction < 0 else found > pub) or (found == pub and not strict):
            return found
    return None


def month_year(pub: date, month: int, direction: int, strict: bool) -> int:
    """The year of the `month` nearest the publication month, back or forward."""
    if direction < 0:
        return pub.year if month < pub.month or (month == pub.month and not strict) \
            else pub.year - 1
    return pub.year if month > pub.month or (month == pub.month and not strict) else pub.year + 1
