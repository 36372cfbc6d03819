"""Pairing quotation marks: which stretches of the text stand inside quotes.

Arabic news uses every style (" “ ” „ « » ’’ ‘‘) and often the "wrong" glyph
for a side (”…” opening with a right mark), so a mark's side is read from its
surroundings first: space before and a letter after opens, a letter before and
a space or punctuation after closes; the glyph only breaks ties. Marks pair
within a family (guillemets, everything else), innermost first, so a quote
inside a quote is found as its own region. A quotation left open at the end of
a paragraph stops there, unless the next paragraph opens with a mark of the same
family (the convention for a quote running over several paragraphs).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["QuotedRegion", "find_quoted_regions"]

_MARK_RE = re.compile(
    "\u2019\u2019"  # two right single marks used as one double mark
    "|\u2018\u2018"  # two left single marks
    "|''"  # two apostrophes
    '|""'  # a doubled straight mark, typed twice for one
    '|["\u201c\u201d\u201e\u201f\u00ab\u00bb\u2039\u203a]'  # " “ ” „ ‟ « » ‹ ›
)
_GUILLEMETS = frozenset("\u00ab\u00bb\u2039\u203a")  # « » ‹ ›
_OPENING_GLYPHS = frozenset("\u201c\u201e\u201f\u00ab\u2039")  # “ „ ‟ « ‹
_CLOSING_GLYPHS = frozenset("\u201d\u00bb\u203a")  # ” » ›
_LINE_BREAK_RE = re.compile("[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]")
# Punctuation that may stand right before an opening mark.
_BEFORE_OPENING = frozenset("([{:\u060c,\u061b;-\u2013\u2014/")  # ( [ { : ، , ؛ ; - – — /
# Punctuation that may stand right after a closing mark.
_AFTER_CLOSING = frozenset(".,\u060c\u061b;:!?\u061f)]}\u2026-\u2013\u2014")  # . , ، ؛ : ! ? ؟ ) …


@dataclass(frozen=True, slots=True)
class QuotedRegion:
    """A quotation: its content (marks excluded) and where its marks are."""

    start: int  # first content character
    end: int  # one past the last content character
    open_start: int  # first character of the opening mark
    close_end: int | None  # one past the closing mark; None when the quote is left open
    depth: int  # 0 for an outer quotation, 1 for a quote inside it, ...


@dataclass(slots=True)
class _Open:
    family: str
    open_start: int
    content_start: int
    depth: int


def _family(mark: str) -> str:
    return "guillemet" if mark in _GUILLEMETS else "double"


def _side(text: str, start: int, end: int) -> str:
    """'open', 'close' or 'either' for the mark text[start:end], from its neighbours."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    quote_like = _MARK_RE.fullmatch
    opens = (before.isspace() or before in _BEFORE_OPENING or bool(quote_like(before))) and not (
        after.isspace() or after in _AFTER_CLOSING
    )
    closes = not before.isspace() and before not in "([{" and (
        after.isspace() or after in _AFTER_CLOSING or bool(quote_like(after))
    )
    glued = before in _BEFORE_OPENING and after.isalnum()  # تيسلا ،"الثلاثاء or قال:"لا
    if opens and not closes and not glued:
        return "open"
    if closes and not opens:
        return "close"
    mark = text[start:end]
    if mark in _OPENING_GLYPHS:
        return "open"
    return "close" if mark in _CLOSING_GLYPHS else "either"


def _line_end(text: str, at: int) -> int:
    found = _LINE_BREAK_RE.search(text, at)
    return found.start() if found else len(text)


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _continues(text: str, line_end: int, family: str) -> re.Match[str] | None:
    """The mark opening the next paragraph, if it continues a quote of `family`."""
    at = line_end
    while at < len(text) and text[at].isspace():
        at += 1
    found = _MARK_RE.match(text, at)
    if found and _family(found.group()) == family and _side(text, *found.span()) != "close":
        return found
    return None


def find_quoted_regions(text: str) -> list[QuotedRegion]:
    """Every quotation of `text`, outer and inner, ordered by opening mark.

    Example: find_quoted_regions('قال: «لن نقبل "الحلول" المفروضة».') gives the
    outer region 'لن نقبل "الحلول" المفروضة' and the inner one 'الحلول'.
    """
    regions: list[QuotedRegion] = []
    stack: list[_Open] = []
    skip_until = -1  # a continuation mark already consumed

    def close(opened: _Open, end: int, close_end: int | None) -> None:
        start, stop = _strip(text, opened.content_start, end)
        if stop > start:
            regions.append(QuotedRegion(start, stop, opened.open_start, close_end, opened.depth))

    def end_paragraph(line_end: int) -> int:
        """Close what is open at a paragraph end, unless the next paragraph continues it.

        Returns where the continuation mark ends, or -1 when everything was closed.
        """
        cont = _continues(text, line_end, stack[0].family)
        if cont is not None:
            return cont.end()
        while stack:
            close(stack.pop(), line_end, None)
        return -1

    line_end = _line_end(text, 0)
    for mark in _MARK_RE.finditer(text):
        while stack and mark.start() >= line_end:
            resume = end_paragraph(line_end)
            skip_until = max(skip_until, resume)
            line_end = _line_end(text, resume if resume >= 0 else line_end + 1)
        if mark.start() >= line_end:
            line_end = _line_end(text, mark.start())
        if mark.start() < skip_until:
            continue
        family, side = _family(mark.group()), _side(text, *mark.span())
        at = next((i for i in range(len(stack) - 1, -1, -1) if stack[i].family == family), -1)
        if at >= 0 and side != "open":
            while len(stack) > at + 1:  # quotes opened inside and never closed end here
                close(stack.pop(), mark.start(), None)
            close(stack.pop(), mark.start(), mark.end())
        elif side != "close":  # a closing mark with nothing open is a stray: ignored
            stack.append(_Open(family, mark.start(), mark.end(), len(stack)))
    while stack:
        resume = end_paragraph(line_end)
        if resume < 0:
            break
        line_end = _line_end(text, resume)
    regions.sort(key=lambda r: (r.open_start, r.depth))
    return regions
