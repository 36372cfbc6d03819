r"""Date expressions of an article, resolved against its publication date.

Five kinds of expression are found (offsets index the original text):

- numeric dates: 2020/07/15, 15-7-2020, 15.07.2020 (day first; month first
  only when the day-first reading is impossible);
- month dates: "15 يوليو 2020", "15 تموز/يوليو", "الخامس عشر من جويلية",
  "يوليو 2020", "أيار/مايو الماضي", "مارس من العام الماضي", "في يناير";
- day words and weekdays: أمس، أول أمس، اليوم، صباح اليوم، مساء أمس،
  الليلة الماضية، غدا، يوم الأربعاء، الأربعاء الماضي / المقبل، اليوم الخميس;
- periods: الأسبوع الماضي، الشهر المقبل، العام الماضي، هذا العام;
- years: عام 2011، العام 2011، في 2011، 2011م, and Hijri years (1441 هـ).

Resolution (`published` is the article's date):

- a bare weekday is the latest such day on or before publication; with
  الماضي the latest strictly before; with المقبل the first strictly after;
  after a future cue in its sentence (من المقرر، سوف) the first on or after;
- a day and month without a year: the latest such date on or before
  publication (first on or after with المقبل or a future cue); a month without
  a year likewise by month, with الماضي strictly before the publication month;
- الأسبوع الماضي / المقبل / هذا الأسبوع: the schema has no week precision and
  a day would claim too much, so the value is the month of that week's
  Thursday (the ISO rule for which month a week belongs to), precision "month";
  الشهر الماضي is the previous month, العام الماضي the previous year;
- a weekday directly followed by an explicit date ("الأربعاء 15 يوليو") is
  one expression with the explicit date's value;
- Hijri years and every relative expression when `published` is None keep
  their offsets with value and precision None (value None <=> precision None).

Values follow the output schema: "YYYY-MM-DD", "YYYY-MM" or "YYYY".

The grammar and the stripped text it runs on are in `hadath.code.date_patterns`
(see its docstring for why matching does not fold the whole text); calendar
arithmetic is in `hadath.code.date_arithmetic`.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from hadath.code.date_arithmetic import (
    day_month_date,
    day_value,
    month_value,
    month_year,
    parse_published,
    shift_month,
    weekday_date,
)
from hadath.code.date_patterns import (
    AAM,
    AL,
    ASHR,
    GHAD,
    KAN,
    NEXT_WORD_RE,
    YEAR_GAP_RE,
    Stripped,
    anchor_pattern,
    cue_patterns,
    pattern,
    prefix_pattern,
)
from hadath.lexicon.months import load_calendar
from hadath.records import DateRef
from hadath.registry import component
from hadath.text.doc import Doc
from hadath.text.fold import fold_str
from hadath.text.spans import Span

__all__ = ["find_dates", "make_date_finder", "parse_published", "sentence_date"]

# Between a weekday and the explicit date that pins it: "الأربعاء، 15 يوليو".
_WEEKDAY_GAP_RE = re.compile(r"[\s,\u060c(\-\u2013]*")  # \u060c: Arabic comma
_YEARS_WITH_CUE = range(1800, 2100)
_YEARS_WITHOUT_CUE = range(1900, 2100)


@dataclass(frozen=True, slots=True)
class _Found:
    """A resolved expression on stripped-text offsets, before mapping to the original text."""

    start: int
    end: int
    value: str | None
    precision: str | None
    kind: str  # "weekday", "explicit_day" or "other": what the merge pass needs


# --- one match -> one value --------------------------------------------------


def _key(m: re.Match[str], group: str) -> str:
    """The folded lexicon key of a matched group ("" if it did not take part)."""
    value = m.group(group)
    return _fold(value) if value else ""


def _fold(words: str) -> str:
    """A lexicon key: folded, one space between words (months.tsv keys are `fold_key`s)."""
    folded = fold_str(words)
    return " ".join(folded.split()) if " " in folded or "\n" in folded else folded


class _Reader:
    """Resolves the matches of one text (holds the stripped text, sentences and date)."""

    def __init__(self, stripped: Stripped, sentences: Sequence[Span], pub: date | None) -> None:
        self.stripped = stripped
        self.text = stripped.text
        self.pub = pub
        self.cal = load_calendar()
        self.sentence_starts = [s.start for s in sentences]
        self.weak_cue_re, self.future_re = cue_patterns()

    def next_word(self, at: int) -> str:
        match = NEXT_WORD_RE.match(self.text, at)
        return _fold(match.group(1)) if match else ""

    def previous_word(self, at: int) -> str:
        text, end = self.text, at
        while end > 0 and text[end - 1].isspace():
            end -= 1
        start = end
        while start > 0 and text[start - 1].isalpha():
            start -= 1
        return _fold(text[start:end])

    def has_weak_cue(self, at: int) -> bool:
        return self.weak_cue_re.search(self.text, max(0, at - 20), at) is not None

    def looks_ahead(self, at: int) -> bool:
        """True if a future cue (not after كان) precedes `at` in its sentence."""
        original = self.stripped.original_index(at)
        index = bisect.bisect_right(self.sentence_starts, original) - 1
        sentence_start = self.sentence_starts[index] if index >= 0 else max(0, original - 300)
        begin = self.stripped.stripped_index(sentence_start) - 1  # the char before it
        text = self.text
        return any(
            KAN not in _fold(text[max(begin, cue.start() - 12) : cue.start()])
            for cue in self.future_re.finditer(text, max(0, begin), at)
        )

    def numeric(self, m: re.Match[str]) -> tuple[str, str] | None:
        n1, n2, n3 = m.group("n1", "n2", "n3")
        if len(n1) == 4 and len(n3) <= 2:
            readings = [(int(n1), int(n2), int(n3))]
        elif len(n3) == 4 and len(n1) <= 2:
            readings = [(int(n3), int(n2), int(n1)), (int(n3), int(n1), int(n2))]
        else:
            return None
        for year, month, day in readings:
            if year in _YEARS_WITHOUT_CUE:
                try:
                    return day_value(date(year, month, day))
                except ValueError:
                    continue
        return None

    def month_context_ok(self, m: re.Match[str]) -> bool:
        context = self.cal.months[_key(m, "mon")].context
        if context == "any" or m.group("mon2") or m.group("mon3"):
            return True
        if any(m.group(g) for g in ("day", "ord", "year", "mmod", "ycur", "ymod")):
            return True
        return context == "cue" and self.has_weak_cue(m.start("exp"))

    def explicit(self, m: re.Match[str]) -> tuple[tuple[str, str] | None, int] | None:
        """(value, folded start) of a month expression; None if it is not a date."""
        if not self.month_context_ok(m):
            return None
        month = self.cal.months[_key(m, "mon")].number
        day_text = m.group("day")
        day = int(day_text) if day_text else self.cal.ordinals.get(_key(m, "ord"), 0)
        start = m.start("exp")
        if m.group("year"):
            year = int(m.group("year"))
            if m.group("mhij") or year not in _YEARS_WITH_CUE:
                return None, start
            if day:
                try:
                    return day_value(date(year, month, day)), start
                except ValueError:
                    return month_value(year, month), m.start("mon")
            return month_value(year, month), start
        if self.pub is None:
            return None, start
        return self.month_relative(m, month, day), start

    def month_relative(self, m: re.Match[str], month: int, day: int) -> tuple[str, str] | None:
        pub = self.pub
        assert pub is not None
        ymod = _key(m, "ymod")
        if m.group("ycur") or ymod:
            year = pub.year + (self.cal.modifiers[ymod] if ymod else 0)
            return self.day_or_month(year, month, day)
        shift = self.cal.modifiers.get(_key(m, "mmod"))
        if shift == 0:
            return self.day_or_month(pub.year, month, day)
        direction = 1 if shift == 1 or (shift is None and self.looks_ahead(m.start("exp"))) else -1
        strict = shift is not None
        if day:
            found = day_month_date(pub, month, day, direction, strict)
            if found is not None:
                return day_value(found)
        return month_value(month_year(pub, month, direction, strict), month)

    @staticmethod
    def day_or_month(year: int, month: int, day: int) -> tuple[str, str]:
        if day:
            try:
                return day_value(date(year, month, day))
            except ValueError:
                pass
        return month_value(year, month)

    def relative(self, m: re.Match[str]) -> tuple[tuple[str, str] | None, str] | None:
        """(value, kind) of a day word or weekday; None if it is not a date."""
        word = _key(m, "dw")
        if word:
            if word == GHAD and not m.group("tod"):
                return None
            if self.is_not_today(m, word):
                return None
            return (None if self.pub is None else day_value(self.pub + timedelta(
                days=self.cal.days[word]))), "other"
        if self.next_word(m.end("wd")) == ASHR:
            return None
        if self.pub is None:
            return None, "weekday"
        shift = self.cal.modifiers.get(_key(m, "wmod"))
        weekday = self.cal.weekdays[_key(m, "wd")]
        if shift is None:
            direction = 1 if self.looks_ahead(m.start("rel")) else -1
            return day_value(weekday_date(self.pub, weekday, direction, strict=False)), "weekday"
        if shift == 0:
            return day_value(weekday_date(self.pub, weekday, -1, strict=False)), "weekday"
        return day_value(weekday_date(self.pub, weekday, shift, strict=True)), "weekday"

    def is_not_today(self, m: re.Match[str], word: str) -> bool:
        """True for اليوم meaning "the day": اليوم التالي، ذلك اليوم, اليوم العالمي."""
        if self.cal.days[word] != 0 or m.group("tod") or m.group("dwd"):
            return False
        return (self.next_word(m.end("dw")) in self.cal.not_today
                or self.previous_word(m.start("rel")) in self.cal.not_today)

    def period(self, m: re.Match[str]) -> tuple[str, str] | bool | None:
        """The value of a period phrase; False if it is not a date."""
        word = _key(m, "pw1") or _key(m, "pw2")
        if word == AAM and m.group("pw2") and self.previous_word(m.start("per")).startswith(AL):
            return False  # الأمين العام السابق: "general", not "year"
        if self.pub is None:
            return None
        shift = self.cal.modifiers[_key(m, "pmod")] if m.group("pmod") else 0
        kind = self.cal.periods[word]
        if kind == "year":
            return str(self.pub.year + shift), "year"
        if kind == "month":
            return month_value(*shift_month(self.pub.year, self.pub.month, shift))
        thursday = self.pub - timedelta(days=self.pub.weekday()) + timedelta(days=7 * shift + 3)
        return month_value(thursday.year, thursday.month)

    def year(self, m: re.Match[str], after_year: bool) -> tuple[str, str] | bool | None:
        """The value of a year; False if the number is not a year."""
        value = int(m.group("yv"))
        if m.group("hij"):
            return None
        cued = m.group("ycue") is not None or after_year
        if cued and value in _YEARS_WITH_CUE:
            return str(value), "year"
        if value not in _YEARS_WITHOUT_CUE:
            return False
        if m.group("ad") or (self.has_weak_cue(m.start("yr")) and not self.is_count(m.end("yr"))):
            return str(value), "year"
        return False

    def is_count(self, at: int) -> bool:
        """True if the word after a number makes it a count (2011 شخصا، 2000 جندي)."""
        if self.text[at : at + 1] in ("%", "\u066a"):  # percent, Arabic percent
            return True
        word = self.next_word(at)
        return word in self.cal.count_nouns or (
            len(word) > 2 and word.endswith("\u0627") and not word.startswith(AL)  # alef
        )


def _scan(reader: _Reader) -> list[_Found]:
    """Match the grammar at each anchor not inside an earlier expression."""
    text, grammar, prefix = reader.text, pattern(), prefix_pattern()
    found: list[_Found] = []
    covered = last_year_end = 0
    for hit in anchor_pattern().finditer(text):
        anchor = hit.start("anchor")
        if anchor < covered:
            continue
        m = None
        opening = prefix.search(text, max(covered - 1, anchor - 40), anchor)
        if opening is not None:
            m = grammar.match(text, opening.start("opening"))
        if m is None or m.end() <= anchor:
            m = grammar.match(text, anchor)
        if m is None:
            continue
        item = _read_match(reader, m, last_year_end)
        if item is not None:
            found.append(item)
            covered = m.end()
            if m.group("yr") is not None:
                last_year_end = m.end("yr")
    return _merge_weekday_dates(text, found)


def _read_match(reader: _Reader, m: re.Match[str], last_year_end: int) -> _Found | None:
    """The expression one grammar match stands for, or None if it is not a date."""
    if m.group("num") is not None:
        value = reader.numeric(m)
        return None if value is None else _Found(*m.span("num"), *value, "explicit_day")
    if m.group("exp") is not None:
        result = reader.explicit(m)
        if result is None:
            return None
        value, start = result
        kind = "explicit_day" if value and value[1] == "day" else "other"
        return _Found(start, m.end("exp"), *(value or (None, None)), kind)
    if m.group("rel") is not None:
        rel = reader.relative(m)
        return None if rel is None else _Found(*m.span("rel"), *(rel[0] or (None, None)), rel[1])
    if m.group("per") is not None:
        found = reader.period(m)
        return None if found is False else _Found(*m.span("per"), *(found or (None, None)), "other")
    after_year = last_year_end > 0 and YEAR_GAP_RE.fullmatch(
        reader.text, last_year_end, m.start("yr")) is not None
    found = reader.year(m, after_year)
    return None if found is False else _Found(*m.span("yr"), *(found or (None, None)), "other")


def _merge_weekday_dates(text: str, found: list[_Found]) -> list[_Found]:
    """Join a weekday and the explicit date right after it into one expression."""
    merged: list[_Found] = []
    for item in found:
        previous = merged[-1] if merged else None
        if (previous is not None and previous.kind == "weekday" and item.kind == "explicit_day"
                and _WEEKDAY_GAP_RE.fullmatch(text, previous.end, item.start)):
            merged[-1] = replace(item, start=previous.start)
        else:
            merged.append(item)
    return merged


def find_dates(text: str, sentences: Sequence[Span], published: str | None) -> list[DateRef]:
    """Every date expression of `text`, resolved against the `published` date.

    Args:
        text: the article text.
        sentences: its sentences (a future cue is looked for within one sentence).
        published: the publication date or timestamp ("2020-07-15", "2020-07-15T10:00:00Z").

    Returns:
        DateRefs in text order; `text[ref.start:ref.end] == ref.text` for each.

    Example: with published "2020-01-02" (a Thursday), "وصل الثلاثاء" gives
    DateRef("الثلاثاء", 4, 12, "2019-12-31", "day").
    """
    stripped = Stripped(text)
    reader = _Reader(stripped, sentences, parse_published(published))
    refs = []
    for item in _scan(reader):
        start, end = stripped.to_original(item.start, item.end)
        refs.append(DateRef(text[start:end], start, end, item.value, item.precision))
    return refs


def sentence_date(dates: Sequence[DateRef], sentence: Span) -> DateRef | None:
    """The resolved date expression governing `sentence`: its first day-precision one,
    else its first month- or year-precision one; None if it has no resolved date."""
    inside = [d for d in dates
              if sentence.start <= d.start and d.end <= sentence.end and d.value is not None]
    for ref in inside:
        if ref.precision == "day":
            return ref
    return inside[0] if inside else None


@component("hadath.dates.v1", requires=("sentences",), assigns=("dates",))
def make_date_finder() -> Callable[[Doc], Doc]:
    """Find and resolve the date expressions of each article."""

    def find_doc_dates(doc: Doc) -> Doc:
        return replace(doc, dates=tuple(find_dates(doc.text, doc.sentences, doc.published)))

    return find_doc_dates
