r"""The date grammar of `hadath.code.dates`: Arabic words, letter variants, regexes.

Holds the folded Arabic words the grammar needs beside months.tsv, the
spelling variants of folded letters, the pattern builders (`pattern`,
`anchor_pattern`, `prefix_pattern`, `cue_patterns`, each compiled once from
months.tsv) and `Stripped`, the text they run on. Kept apart from the reader
so that the grammar can be read, and changed, in one place.

Speed: folding a whole article (`hadath.text.fold`) costs more than the date
search itself, so matching runs on the text with only harakat, tatweel and
invisible controls removed (one C-level `re.sub`), with the patterns spelling
letter variants as classes (أ/إ/آ/ا, ة/ه, ى/ي) and `\d` covering Arabic-Indic
digits. One pass of a trie regex finds anchor words (month and weekday names,
day and period words, numbers) after a non-word character; the full grammar
is then matched only at those anchors. The reader (`hadath.code.dates`) folds
matched words one by one (`fold_str`) for lexicon lookup.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable

from hadath.lexicon.months import load_calendar

__all__ = [
    "AAM",
    "AL",
    "ASHR",
    "GHAD",
    "KAN",
    "NEXT_WORD_RE",
    "YEAR_GAP_RE",
    "Stripped",
    "anchor_pattern",
    "cue_patterns",
    "pattern",
    "prefix_pattern",
]

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
AL = "\u0627\u0644"  # alef lam: the article
ASHR = "\u0639\u0634\u0631"  # ain sheen reh: "-teen" (الأحد عشر = eleven, not Sunday)
KAN = "\u0643\u0627\u0646"  # kaf alef noon: "was" (كان من المقرر = had been planned)
GHAD = "\u063a\u062f"  # ghain dal: "tomorrow", only after a time word (يوم غد)
AAM = "\u0627\u0644\u0639\u0627\u0645"  # alef lam ain alef meem: "the year", also "general"
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
NEXT_WORD_RE = re.compile(rf"\s+({_LETTER}+)")
# Harakat, superscript alef and tatweel: folded away, but part of the word they end.
_TRAILING_MARKS = frozenset(
    [chr(c) for c in range(0x064B, 0x0660)] + ["\u0670", "\u0640"]
)


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
YEAR_GAP_RE = re.compile(rf"\s*(?:{_WAW}|-|\u2013|/|{_v(_ILA)}|{_v(_HATTA)}|{_v(_AW)})?\s*")


@functools.cache
def pattern() -> re.Pattern[str]:
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
def anchor_pattern() -> re.Pattern[str]:
    """Where a date expression may be: after a space or punctuation, a word every
    expression contains (with its proclitics) or a number that can be part of one.

    The pattern opens with a class of literal characters so that `re` skips to
    word starts in C; proclitic forms are spelled out in the trie for the same reason.
    """
    cal = load_calendar()
    forms = []
    for form in (*cal.months, *cal.weekdays, *cal.days, *cal.periods):
        forms += [form, _WAW + form, _FEH + form]
        if form.startswith(AL):
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
def prefix_pattern() -> re.Pattern[str]:
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
def cue_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
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


class Stripped:
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
