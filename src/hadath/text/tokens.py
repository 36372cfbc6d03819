"""Tokenizing Arabic news text into words with clitics split off.

A token is a run of Arabic letters (with any harakat or tatweel inside), a
number ("3.5", "2020/07/15", Arabic-Indic digits too), a run of other letters
or digits (Latin names, URLs pieces), or a single punctuation character.
Invisible controls (zero-width, bidi) are skipped. Arabic words are segmented
by `hadath.text.clitics.segment`; every piece is a Span of the original text.
"""

from __future__ import annotations

import functools
import re

import simplemma

from hadath.text.clitics import free_form, segment
from hadath.text.fold import fold, fold_str, strip_marks
from hadath.text.spans import Pieces, Token

__all__ = ["tokenize"]

# Arabic letters, harakat, tatweel and Quranic marks (not Arabic punctuation or digits).
_ARABIC_CLASS = (
    "\u0621-\u063a"  # hamza .. ghain
    "\u0640-\u065f"  # tatweel, feh .. yeh, harakat
    "\u066e-\u06d3"  # dotless beh .. yeh barree with hamza (incl. superscript alef)
    "\u06d5-\u06ef"  # ae, Quranic marks, dal/reh with inverted v
    "\u06fa-\u06fc\u06ff"  # sheen/dad/ghain with dot below, heh with inverted v
    "\u0750-\u077f"  # Arabic Supplement letters
    "\u08a0-\u08ff"  # Arabic Extended-A
    "\ufb50-\ufd3d\ufd50-\ufdff"  # presentation forms A (ligatures)
    "\ufe70-\ufefc"  # presentation forms B
)
# Every Arabic block, excluded from "other word" runs.
_ARABIC_BLOCKS = "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff"
_DIGIT_CLASS = "0-9\u0660-\u0669\u06f0-\u06f9"  # ASCII, Arabic-Indic, Persian digits
# Separators inside one number: . , : / and the Arabic decimal and thousands signs.
_NUMBER_SEPARATORS = ".,:/\u066b\u066c"
_INVISIBLE = "\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff"

_TOKEN_RE = re.compile(
    f"([{_ARABIC_CLASS}]+)"
    f"|([{_DIGIT_CLASS}]+(?:[{_NUMBER_SEPARATORS}][{_DIGIT_CLASS}]+)*)"
    f"|([^\\W_{_ARABIC_BLOCKS}]+)"
    f"|[^\\s{_INVISIBLE}]"
)
_ARABIC_GROUP = 1


@functools.lru_cache(maxsize=200_000)
def _lemma(stem: str) -> str:
    return simplemma.lemmatize(stem, lang="ar") if stem else ""  # a lone tatweel has no stem


@functools.lru_cache(maxsize=200_000)
def _analyse_arabic(word: str) -> tuple[Pieces, str, str]:
    """The pieces (prefixes, stem, suffix; offsets relative to `word`), norm and lemma of an
    Arabic word."""
    bare = strip_marks(word)
    # where each bare letter starts in the word (harakat and tatweel go with the letter before)
    cut_at = list(range(len(word))) if len(bare) == len(word) else fold(word).where
    if cut_at:
        cut_at[0] = 0  # leading marks go with the first piece
    cut_at.append(len(word))

    prefix_cuts, suffix_start = segment(bare)
    prefixes = tuple(
        (cut_at[a], cut_at[b], word[cut_at[a] : cut_at[b]], label) for a, b, label in prefix_cuts
    )
    stem_start = prefixes[-1][1] if prefixes else 0
    stem_end = len(word) if suffix_start is None else cut_at[suffix_start]
    stem_text = word[stem_start:stem_end]
    stem = (stem_start, stem_end, stem_text, "stem")
    suffix = (
        None
        if suffix_start is None
        else (stem_end, len(word), word[stem_end:], "pron")
    )
    bare_stem = strip_marks(stem_text)
    if suffix is not None:  # key the stem as spelled alone: حكومته -> حكومة
        bare_stem = free_form(bare_stem)
    return (prefixes, stem, suffix), fold_str(bare_stem), _lemma(bare_stem)


def _arabic_token(word: str, start: int) -> Token:
    pieces, norm, lemma = _analyse_arabic(word)
    return Token(start, start + len(word), word, pieces, norm, lemma, True)


def _other_token(word: str, start: int) -> Token:
    norm = fold_str(word)
    pieces = ((), (0, len(word), word, "stem"), None)
    return Token(start, start + len(word), word, pieces, norm, norm.lower(), False)


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of `text[start:end]`, with offsets into `text`.

    Example: tokenize("والجزائر") gives one token whose prefixes read و and ال
    (labels "conj", "art"), whose stem reads جزائر and whose norm is "جزائر".
    """
    stop = len(text) if end is None else end
    return [
        _arabic_token(match.group(), match.start())
        if match.lastindex == _ARABIC_GROUP
        else _other_token(match.group(), match.start())
        for match in _TOKEN_RE.finditer(text, start, stop)
    ]
