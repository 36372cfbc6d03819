"""Splitting Arabic news text into sentences.

Sentences cover the text in order: every non-whitespace character lies in
exactly one sentence span, each span stripped of surrounding whitespace.

A line break always ends a sentence (so a headline or a bullet line is its
own sentence), except after a bare dateline line ("القاهرة - (رويترز) -").
Within a line, . ! ? ؟ end a sentence, but not:
- inside a quotation ("…", “…”, «…», ’’…’’), which is kept whole; a quote
  that is not closed on its line stops at the line end or QUOTE_CAP chars;
- ".." "..." "…" (a pause in Arabic news) unless the line ends there;
- a decimal (3.5), a one-letter abbreviation (د. أ.ف.ب), a dot followed by
  a non-space (URLs, e-mail), or a list number at the line start ("1.").

A sentence longer than MAX_SENTENCE_CHARS is cut at the last space before the
limit (at the limit if there is none): the longest sentence of 4,000 ANT
articles has 1,127 chars, and the components that look around a word within its
sentence would otherwise take quadratic time on text without punctuation.
"""

from __future__ import annotations

import re

from hadath.text.spans import Span

__all__ = ["MAX_SENTENCE_CHARS", "QUOTE_CAP", "split_sentences"]

QUOTE_CAP = 600  # chars after which an unclosed quotation stops hiding boundaries
MAX_SENTENCE_CHARS = 3_000

_LINE_BREAK_RE = re.compile("[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]+")
_ARABIC_QUESTION = "\u061f"  # Arabic question mark
_ELLIPSIS = "\u2026"  # horizontal ellipsis
_TERMINATOR_RE = re.compile(f"[.!?{_ARABIC_QUESTION}{_ELLIPSIS}]+")
_STRONG_TERMINATORS = frozenset(f"!?{_ARABIC_QUESTION}")

# Quotation marks by family: a mark closes the open quotation of its own family.
_QUOTE_FAMILY: dict[str, str] = {
    '"': "double",
    "\u201c": "double",  # left double quotation mark
    "\u201d": "double",  # right double quotation mark
    "\u201e": "double",  # double low-9 quotation mark
    "\u201f": "double",  # double high-reversed-9 quotation mark
    "\u05f4": "double",  # Hebrew gershayim
    "\u00ab": "guillemet",  # left guillemet
    "\u00bb": "guillemet",  # right guillemet
    "\u2039": "single guillemet",
    "\u203a": "single guillemet",
    "\u2019\u2019": "doubled single",  # ’’ used as a double quote
    "\u2018\u2018": "doubled single",  # ‘‘
}
_QUOTE_RE = re.compile(
    "\u2019\u2019|\u2018\u2018|[" + "".join(q for q in _QUOTE_FAMILY if len(q) == 1) + "]"
)
_CLOSERS = frozenset(")]}")
# A line that is only a dateline: a few words ending in a dash, maybe with an agency.
_DATELINE_RE = re.compile(r"[^\W\d_][^.!?\u061f\d]{1,45}[-\u2013\u2014]")
# A numbered list marker at the start of a line: "1." "12." "١." (Arabic-Indic digits too).
_LIST_NUMBER_RE = re.compile(r"[0-9\u0660-\u0669]+\.")


def _quote_regions(text: str, start: int, end: int) -> list[tuple[int, int, int]]:
    """(open, close_mark_start, region_end) of each quotation in text[start:end].

    close_mark_start is -1 for a quotation capped at the line end or QUOTE_CAP.
    """
    marks = [
        (m.start(), m.end(), _QUOTE_FAMILY[m.group()]) for m in _QUOTE_RE.finditer(text, start, end)
    ]
    regions: list[tuple[int, int, int]] = []
    i = 0
    while i < len(marks):
        open_at, _, family = marks[i]
        cap = min(end, open_at + QUOTE_CAP)
        j = i + 1
        while j < len(marks) and marks[j][0] < cap and marks[j][2] != family:
            j += 1
        if j < len(marks) and marks[j][0] < cap:
            regions.append((open_at, marks[j][0], marks[j][1]))
            i = j + 1
        else:
            regions.append((open_at, -1, cap))
            while i < len(marks) and marks[i][0] < cap:
                i += 1
    return regions


def _is_word_char(ch: str) -> bool:
    return ch.isalpha()


def _is_arabic_letter(ch: str) -> bool:
    return "\u0621" <= ch <= "\u064a"  # hamza .. yeh


def _dot_ends_sentence(text: str, at: int, line_start: int, line_end: int) -> bool:
    """Does the single '.' at `at` end a sentence?"""
    after = text[at + 1] if at + 1 < line_end else ""
    before = text[at - 1] if at > line_start else ""
    if after and not after.isspace() and after not in _CLOSERS:
        # glued to what follows: decimals, URLs, أ.ف.ب; a sentence end only between
        # Arabic words (a missing space after the stop), never inside Latin (URLs)
        return (
            _is_arabic_letter(before)
            and _is_arabic_letter(after)
            and _previous_word_length(text, at) > 1
        )
    if _is_word_char(before) and _previous_word_length(text, at) == 1:
        return False  # one-letter abbreviation: د. أ.
    lead = text[line_start:at + 1].lstrip()
    return _LIST_NUMBER_RE.fullmatch(lead) is None


def _previous_word_length(text: str, at: int) -> int:
    length = 0
    while at - length - 1 >= 0 and _is_word_char(text[at - length - 1]):
        length += 1
    return length


def _skip_closers(text: str, at: int, line_end: int) -> int:
    while at < line_end and text[at] in _CLOSERS:
        at += 1
    return at


def _line_cuts(text: str, start: int, end: int) -> list[int]:
    """Offsets inside text[start:end] after which a sentence ends."""
    regions = _quote_regions(text, start, end)
    cuts: list[int] = []
    region = 0
    for run in _TERMINATOR_RE.finditer(text, start, end):
        a, b = run.span()
        while region < len(regions) and regions[region][2] <= a:
            region += 1
        is_strong = any(ch in _STRONG_TERMINATORS for ch in run.group())
        if not is_strong and (b - a > 1 or _ELLIPSIS in run.group()):
            continue  # ".." "..." "…": a pause, unless the line ends here
        if region < len(regions) and regions[region][0] <= a:
            _, close_at, region_end = regions[region]
            # a terminator right before the closing mark ends the sentence after the quote
            if close_at >= 0 and not text[b:close_at].strip():
                cuts.append(_skip_closers(text, region_end, end))
            continue
        if is_strong or _dot_ends_sentence(text, a, start, end):
            cuts.append(_skip_closers(text, b, end))
    return cuts


def _stripped(text: str, start: int, end: int) -> tuple[int, int] | None:
    piece = text[start:end]
    kept = piece.strip()
    if not kept:
        return None
    lead = len(piece) - len(piece.lstrip())
    return start + lead, start + lead + len(kept)


def _lines(text: str) -> list[tuple[int, int]]:
    bounds: list[tuple[int, int]] = []
    start = 0
    for brk in _LINE_BREAK_RE.finditer(text):
        bounds.append((start, brk.start()))
        start = brk.end()
    bounds.append((start, len(text)))
    return bounds


def split_sentences(text: str) -> list[Span]:
    """Sentence spans of `text`, in order, covering every non-whitespace char once.

    Example: split_sentences('قال: "انتهى. شكرا". ثم غادر') gives two spans,
    'قال: "انتهى. شكرا".' and 'ثم غادر'.
    """
    sentences: list[Span] = []
    carry: int | None = None  # start of a dateline line waiting for its sentence
    for line_start, line_end in _lines(text):
        line = _stripped(text, line_start, line_end)
        if line is None:
            continue
        if carry is None and _DATELINE_RE.fullmatch(text, *line):
            carry = line[0]
            continue
        piece_start = line_start
        for cut in [*_line_cuts(text, line_start, line_end), line_end]:
            piece = _stripped(text, piece_start, cut)
            piece_start = cut
            if piece is None:
                continue
            start = piece[0] if carry is None else carry
            carry = None
            sentences.extend(_capped(text, start, piece[1]))
    if carry is not None:
        end = _stripped(text, carry, len(text))
        sentences.extend(_capped(text, carry, end[1] if end else len(text)))
    return sentences


def _capped(text: str, start: int, end: int) -> list[Span]:
    """The sentence [start, end), cut into pieces of at most MAX_SENTENCE_CHARS."""
    pieces = []
    while end - start > MAX_SENTENCE_CHARS:
        limit = start + MAX_SENTENCE_CHARS
        space = max(text.rfind(" ", start + 1, limit), text.rfind("\t", start + 1, limit))
        cut = space if space > start else limit
        piece = _stripped(text, start, cut)
        if piece is not None:
            pieces.append(Span.of(text, *piece))
        rest = _stripped(text, cut, end)
        if rest is None:
            return pieces
        start = rest[0]
    pieces.append(Span.of(text, start, end))
    return pieces
