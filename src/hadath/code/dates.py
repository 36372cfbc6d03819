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

Speed: folding a whole article (`hadath.text.fold`) costs more than the date
search itself, so matching runs on the text with only harakat, tatweel and
invisible controls removed (one C-level `re.sub`), with the patterns spelling
letter variants as classes (أ/إ/آ/ا, ة/ه, ى/ي) and `\d` covering Arabic-Indic
digits. One pass of a trie regex finds anchor words (month and weekday names,
day and period words, numbers) after a non-word character; the full grammar
is then matched only at those anchors. Matched words are folded one by one
(`fold_str`) for lexicon lookup.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from hadath.lexicon.months import load_calendar
from hadath.records import DateRef
from hadath.registry import component
from hadath.text.doc import Doc
from hadath.text.fold import fold_str
from hadath.text.spans import Span

__all__ = ["find_dates", "make_date_finder", "parse_published", "sentence_date"]

# Folded Arabic words the pattern needs beside the lexicon.
_MIN = "\u0645\u0646"  # meem noon: "of" (15 من يوليو)
_FI = "\u0641\u064a"  # feh yeh: "in"
_SHAHR = "\u0634\u0647\u0631"  # sheen heh reh: "month" (شهر يوليو)
_HADHA = "\u0647\u0630\u0627"  # heh thal alef: "this" (masculine)
_HADHIHI = "\u0647\u0630\u0647"  # heh thal heh: "this" (feminine)
_HEH = "\u0647"  # heh: هـ after a Hijri year (its tatweel is folded away)
_MEEM = "\u0645"  # meem: م after a Gregorian year
_WAW = "\u0648"  # waw: "and", a proclitic
_FEH = "\u0641"  # feh: "so", a proclitic
_BEH = "\u0628"  # beh: "in", a proclitic (بالأمس)
_AL = "\u0627\u0644"  # alef lam: the article
_ASHR = "\u0639\u0634\u0631"  # ain sheen reh: "-teen" (الأحد عشر = eleven, not Sunday)
_KAN = "\u0643\u0627\u0646"  # kaf alef noon: "was" (كان من المقرر = had been planned)
_GHAD = "\u063a\u062f"  # ghain dal: "tomorrow", only after a time word (يوم غد)
_AAM = "\u0627\u0644\u0639\u0627\u0645"  # alef lam ain alef meem: "the year", also "general"
_ILA = "\u0627\u0644\u064a"  # alef lam yeh: "to" (إلى, folded)
_HATTA = "\u062d\u062a\u064a"  # hah teh yeh: "until" (حتى, folded)
_AW = "\u0627\u0648"  # alef waw: "or"

# How a folded letter may be spelled in the text (see hadath.text.fold).
_VARIANTS = {
    "\u0627": "[\u0627\u0622\u0623\u0625\u0671]",  # alef: plain, madda, hamza above/below, wasla
    "\u064a": "[\u064a\u0649\u06cc]",  # yeh: yeh, alef maksura, Farsi yeh
    "\u0647": "[\u0647\u0629]",  # heh: heh, ta marbuta
    "\u0643": "[\u0643\u06a9]",  # kaf: kaf, keheh
}
# What hadath.text.fold drops: harakat, superscript alef, Quranic marks, tatweel, invisible
# controls. Removed before matching, so a word with harakat matches its bare form.
_DROPPED_RE = re.compile(
    "[\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]"
)
_LETTER = r"[^\W\d_]"
_NOT_AFTER_LETTER = rf"(?<!{_LETTER})"
_NOT_BEFORE_LETTER = rf"(?!{_LETTER})"
# Proclitics before a date word: و ف, and ب only before the article (بالأمس).
_CLITIC = rf"(?:[{_WAW}{_FEH}]?(?:{_BEH}(?=[\u0627\u0623\u0625]\u0644))?)"  # alef forms, lam
# What may come before a word that starts an expression: literal characters only, so
# that a search can skip through the text in C (`re` uses a leading class as a filter).
_WORD_START = (
    "[ \\n\\t\\r\\f\\v\\xa0\\u2028\\u2029"  # whitespace
    "(\\[{\"'\u00ab\u00bb\u201c\u201d"  # brackets, quotes, guillemets
    "\u060c,.:;\u061b\\-\u2013\u2014/*\u2026]"  # Arabic comma and semicolon, punctuation
)
_NEXT_WORD_RE = re.compile(rf"\s+({_LETTER}+)")
# Between a weekday and the explicit date that pins it: "الأربعاء، 15 يوليو".
_WEEKDAY_GAP_RE = re.compile(r"[\s,\u060c(\-\u2013]*")  # \u060c: Arabic comma
_YEARS_WITH_CUE = range(1800, 2100)
_YEARS_WITHOUT_CUE = range(1900, 2100)
# Harakat, superscript alef and tatweel: folded away, but part of the word they end.
_TRAILING_MARKS = frozenset(
    [chr(c) for c in range(0x064B, 0x0660)] + ["\u0670", "\u0640"]
)
_FIRST_YEAR, _LAST_YEAR = 2, 9998  # a year of room on each side for relative dates
_PUBLISHED_RE = re.compile(r"\s*(\d{4})[-/](\d{1,2})[-/](\d{1,2})")


@dataclass(frozen=True, slots=True)
class _Found:
    """A resolved expression on stripped-text offsets, before mapping to the original text."""

    start: int
    end: int
    value: str | None
    precision: str | None
    kind: str  # "weekday", "explicit_day" or "other": what the merge pass needs


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


def _v(word: str) -> str:
    """A regex for a folded word matching every unfolded spelling of it."""
    return "".join(_VARIANTS.get(ch, r"\s+" if ch == " " else re.escape(ch)) for ch in word)


def _trie(forms: Iterable[str]) -> str:
    """A regex matching any of the folded `forms` in any spelling, factored on shared
    prefixes; a longer form wins over its prefix (امس الاول over امس), as in a
    longest-first alternation.

    A flat alternation of a hundred words is tried word by word at every
    position; the trie tries one branch per letter.
    """
    root: dict[str, dict] = {}
    for form in forms:
        node = root
        for ch in " ".join(form.split()):
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        branches = [_v(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(root)


# Between two years of one range: "عامي 2011 و2012", "2011-2013", "2011 أو 2012".
_YEAR_GAP_RE = re.compile(rf"\s*(?:{_WAW}|-|\u2013|/|{_v(_ILA)}|{_v(_HATTA)}|{_v(_AW)})?\s*")


@functools.cache
def _pattern() -> re.Pattern[str]:
    """The date grammar, built from months.tsv (compiled once); matched at anchors."""
    cal = load_calendar()
    nb, na, cl = _NOT_AFTER_LETTER, _NOT_BEFORE_LETTER, _CLITIC
    of, month_word, this = _v(_MIN), _v(_SHAHR), f"(?:{_v(_HADHA)}|{_v(_HADHIHI)})"
    month = _trie(cal.months)
    mod = _trie(cal.modifiers)
    year_words = _trie(f for f, p in cal.periods.items() if p == "year")
    strong = _trie(cal.strong_year_cues)
    numeric = (
        r"(?<![\d/.\-])(?P<num>(?P<n1>\d{1,4})(?P<ns>[/.\-])(?P<n2>\d{1,2})(?P=ns)"
        r"(?P<n3>\d{1,4}))(?!\d|[/.\-]\d)"
    )
    explicit = (
        rf"{nb}{cl}(?P<exp>"
        rf"(?:(?<![\d.,])(?P<day>\d{{1,2}})(?!\d)\s*(?:{of}\s+)?(?:{month_word}\s+)?"
        rf"|(?P<ord>{_trie(cal.ordinals)})\s+{of}\s+(?:{month_word}\s+)?)?"
        rf"(?P<mon>{month}){na}"
        rf"(?:\s*[/(]\s*(?P<mon2>{month}){na}(?:\s*\))?|\s+(?P<mon3>{month}){na})?"
        rf"(?:\s+(?:{of}\s+)?(?:{cl}(?:{strong})\s+)?(?P<year>\d{{4}})(?!\d)"
        rf"(?:(?P<mhij>\s*{_HEH}){na}|{_MEEM}{na})?"
        rf"|\s+(?P<mmod>{mod}){na}"
        rf"|\s+(?:{of}|{_v(_FI)})\s+(?:(?P<ycur>{this}\s+(?:{year_words}))"
        rf"|(?:{year_words})\s+(?P<ymod>{mod})){na})?)"
    )
    weekday = _trie(cal.weekdays)
    relative = (
        rf"{nb}{cl}(?P<rel>(?:(?P<tod>{_trie(cal.times)})\s+)?"
        rf"(?:(?P<dw>{_trie(cal.days)}){na}(?:\s+(?P<dwd>{weekday}){na})?"
        rf"|(?P<wd>{weekday}){na}(?:\s+(?P<wmod>{mod}){na})?))"
    )
    period = _trie(cal.periods)
    periods = (
        rf"{nb}{cl}(?P<per>(?:{this}\s+(?P<pw1>{period})"
        rf"|(?P<pw2>{period})\s+(?P<pmod>{mod})){na})"
    )
    year = (
        rf"{nb}{cl}(?P<yr>(?:(?P<ycue>{strong})\s+|(?<![\d.,/:\-]))(?P<yv>\d{{4}})(?!\d)"
        rf"(?:(?P<hij>\s*{_HEH}){na}|(?P<ad>{_MEEM}){na})?)"
    )
    return re.compile("|".join((numeric, explicit, relative, periods, year)))


@functools.cache
def _anchor_pattern() -> re.Pattern[str]:
    """Where a date expression may be: after a space or punctuation, a word every
    expression contains (with its proclitics) or a number that can be part of one.

    The pattern opens with a class of literal characters so that `re` skips to
    word starts in C; proclitic forms are spelled out in the trie for the same reason.
    """
    cal = load_calendar()
    forms = []
    for form in (*cal.months, *cal.weekdays, *cal.days, *cal.periods):
        forms += [form, _WAW + form, _FEH + form]
        if form.startswith(_AL):
            forms += [_BEH + form, _WAW + _BEH + form, _FEH + _BEH + form]
    of, month_word = _v(_MIN), _v(_SHAHR)
    # a number only where the grammar can use it: a year, a numeric date, a day before a month
    number = (
        rf"[{_WAW}{_FEH}]?(?:\d{{4}}(?!\d)|\d{{1,4}}(?P<sep>[/.\-])\d{{1,2}}(?P=sep)\d"
        rf"|\d{{1,2}}(?=\s*(?:{of}\s+)?(?:{month_word}\s+)?(?:{_trie(cal.months)})))"
    )
    return re.compile(
        rf"{_WORD_START}(?P<anchor>(?:{_trie(forms)}){_NOT_BEFORE_LETTER}"
        rf"|(?=[{_WAW}{_FEH}]?\d){number})"  # the guard keeps `number` off non-digits: 20% faster
    )


@functools.cache
def _prefix_pattern() -> re.Pattern[str]:
    """A word that may open an expression before its anchor, ending where the anchor starts."""
    cal = load_calendar()
    of, month_word = _v(_MIN), _v(_SHAHR)
    return re.compile(
        rf"{_WORD_START}(?P<opening>{_CLITIC}(?:\d{{1,2}}\s*(?:{of}\s+)?(?:{month_word}\s+)?"
        rf"|(?:{_trie(cal.ordinals)})\s+{of}\s+(?:{month_word}\s+)?"
        rf"|(?:{_trie([*cal.times, *cal.strong_year_cues])})\s+"
        rf"|(?:{_v(_HADHA)}|{_v(_HADHIHI)})\s+))$"
    )


@functools.cache
def _cue_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(weak year cue ending at a position, future cue anywhere), from months.tsv."""
    cal = load_calendar()
    weak = re.compile(
        rf"{_NOT_AFTER_LETTER}[{_WAW}{_FEH}]?(?:{_trie(cal.weak_year_cues)}"
        rf"|{_v(_SHAHR)})\s+$"
    )
    future = re.compile(
        rf"{_WORD_START}[{_WAW}{_FEH}]?(?:{_trie(cal.future_cues)})"
        rf"{_NOT_BEFORE_LETTER}"
    )
    return weak, future


class _Stripped:
    """The text with harakat, tatweel and invisible controls removed, after one space.

    The leading space lets the anchor scan require a non-word character before
    every anchor, the first word included.
    """

    def __init__(self, original: str) -> None:
        self.original = original
        dropped = [m.start() for m in _DROPPED_RE.finditer(original)]
        self.dropped = dropped
        # where each dropped char would sit in the stripped text (non-decreasing)
        self.dropped_at = [d - j for j, d in enumerate(dropped)]
        self.text = " " + (_DROPPED_RE.sub("", original) if dropped else original)

    def original_index(self, at: int) -> int:
        """The original index of the stripped text's char `at` (at >= 1)."""
        kept = at - 1
        return kept + bisect.bisect_right(self.dropped_at, kept) if self.dropped else kept

    def stripped_index(self, original: int) -> int:
        """The stripped-text index of the first kept char at or after `original`."""
        return original - bisect.bisect_left(self.dropped, original) + 1

    def to_original(self, a: int, b: int) -> tuple[int, int]:
        """Original `[start, end)` of the stripped hit `[a, b)`, with the end's trailing marks."""
        start, end = self.original_index(a), self.original_index(b - 1) + 1
        text = self.original
        while end < len(text) and text[end] in _TRAILING_MARKS:
            end += 1  # keep the tanween of غداً and the tatweel of هـ inside the span
        return start, end


# --- date arithmetic -------------------------------------------------------


def _day(d: date) -> tuple[str, str]:
    return d.isoformat(), "day"


def _month(year: int, month: int) -> tuple[str, str]:
    return f"{year:04d}-{month:02d}", "month"


def _shift_month(year: int, month: int, by: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + by
    return index // 12, index % 12 + 1


def _weekday_date(pub: date, weekday: int, direction: int, strict: bool) -> date:
    """The `weekday` nearest `pub` looking back (direction -1) or forward (+1)."""
    if direction < 0:
        back = (pub.weekday() - weekday) % 7 or (7 if strict else 0)
        return pub - timedelta(days=back)
    ahead = (weekday - pub.weekday()) % 7 or (7 if strict else 0)
    return pub + timedelta(days=ahead)


def _day_month_date(pub: date, month: int, day: int, direction: int, strict: bool) -> date | None:
    """The (day, month) nearest `pub` looking back or forward; None if it never exists."""
    for step in range(9):  # 29 February needs up to 8 years in the worst case
        try:
            found = date(pub.year + direction * step, month, day)
        except ValueError:
            continue
        if (found < pub if direction < 0 else found > pub) or (found == pub and not strict):
            return found
    return None


def _month_year(pub: date, month: int, direction: int, strict: bool) -> int:
    """The year of the `month` nearest the publication month, back or forward."""
    if direction < 0:
        return pub.year if month < pub.month or (month == pub.month and not strict) \
            else pub.year - 1
    return pub.year if month > pub.month or (month == pub.month and not strict) else pub.year + 1


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

    def __init__(self, stripped: _Stripped, sentences: Sequence[Span], pub: date | None) -> None:
        self.stripped = stripped
        self.text = stripped.text
        self.pub = pub
        self.cal = load_calendar()
        self.sentence_starts = [s.start for s in sentences]
        self.weak_cue_re, self.future_re = _cue_patterns()

    def next_word(self, at: int) -> str:
        match = _NEXT_WORD_RE.match(self.text, at)
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
            _KAN not in _fold(text[max(begin, cue.start() - 12) : cue.start()])
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
                    return _day(date(year, month, day))
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
                    return _day(date(year, month, day)), start
                except ValueError:
                    return _month(year, month), m.start("mon")
            return _month(year, month), start
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
            found = _day_month_date(pub, month, day, direction, strict)
            if found is not None:
                return _day(found)
        return _month(_month_year(pub, month, direction, strict), month)

    @staticmethod
    def day_or_month(year: int, month: int, day: int) -> tuple[str, str]:
        if day:
            try:
                return _day(date(year, month, day))
            except ValueError:
                pass
        return _month(year, month)

    def relative(self, m: re.Match[str]) -> tuple[tuple[str, str] | None, str] | None:
        """(value, kind) of a day word or weekday; None if it is not a date."""
        word = _key(m, "dw")
        if word:
            if word == _GHAD and not m.group("tod"):
                return None
            if self.is_not_today(m, word):
                return None
            return (None if self.pub is None else _day(self.pub + timedelta(
                days=self.cal.days[word]))), "other"
        if self.next_word(m.end("wd")) == _ASHR:
            return None
        if self.pub is None:
            return None, "weekday"
        shift = self.cal.modifiers.get(_key(m, "wmod"))
        weekday = self.cal.weekdays[_key(m, "wd")]
        if shift is None:
            direction = 1 if self.looks_ahead(m.start("rel")) else -1
            return _day(_weekday_date(self.pub, weekday, direction, strict=False)), "weekday"
        if shift == 0:
            return _day(_weekday_date(self.pub, weekday, -1, strict=False)), "weekday"
        return _day(_weekday_date(self.pub, weekday, shift, strict=True)), "weekday"

    def is_not_today(self, m: re.Match[str], word: str) -> bool:
        """True for اليوم meaning "the day": اليوم التالي، ذلك اليوم, اليوم العالمي."""
        if self.cal.days[word] != 0 or m.group("tod") or m.group("dwd"):
            return False
        return (self.next_word(m.end("dw")) in self.cal.not_today
                or self.previous_word(m.start("rel")) in self.cal.not_today)

    def period(self, m: re.Match[str]) -> tuple[str, str] | bool | None:
        """The value of a period phrase; False if it is not a date."""
        word = _key(m, "pw1") or _key(m, "pw2")
        if word == _AAM and m.group("pw2") and self.previous_word(m.start("per")).startswith(_AL):
            return False  # الأمين العام السابق: "general", not "year"
        if self.pub is None:
            return None
        shift = self.cal.modifiers[_key(m, "pmod")] if m.group("pmod") else 0
        kind = self.cal.periods[word]
        if kind == "year":
            return str(self.pub.year + shift), "year"
        if kind == "month":
            return _month(*_shift_month(self.pub.year, self.pub.month, shift))
        thursday = self.pub - timedelta(days=self.pub.weekday()) + timedelta(days=7 * shift + 3)
        return _month(thursday.year, thursday.month)

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
            len(word) > 2 and word.endswith("\u0627") and not word.startswith(_AL)  # alef
        )


def _scan(reader: _Reader) -> list[_Found]:
    """Match the grammar at each anchor not inside an earlier expression."""
    text, grammar, prefix = reader.text, _pattern(), _prefix_pattern()
    found: list[_Found] = []
    covered = last_year_end = 0
    for hit in _anchor_pattern().finditer(text):
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
    after_year = last_year_end > 0 and _YEAR_GAP_RE.fullmatch(
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
    stripped = _Stripped(text)
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

