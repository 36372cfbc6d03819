"""Folding Arabic text for matching, with a map back to original offsets.

Folding drops what varies between spellings of one word (harakat, tatweel,
invisible controls) and merges letters news sites write interchangeably
(alef forms, alef maksura / ya, ta marbuta / ha, Persian kaf and ya, digit
scripts, quotation-mark styles). Every kept character maps to exactly one
folded character, so a hit `[a, b)` in the folded text is
`[where[a], where[b - 1] + 1)` in the original: never take offsets from a
folded string itself.

Hamza on waw and ya (U+0624, U+0626) is kept: unlike hamza on alef, news
spelling does not drop it, and it separates words (مسؤول / مسول, رئيس / ريس);
folding it would merge distinct lexicon keys.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Folded", "fold", "fold_str", "strip_marks"]


def _code_range(first: int, last: int) -> list[str]:
    return [chr(c) for c in range(first, last + 1)]


# Characters dropped from the folded text: they never change which word is meant.
_DROP_CHARS: tuple[str, ...] = (
    *_code_range(0x064B, 0x065F),  # harakat: fathatan .. wavy hamza below
    "\u0670",  # superscript alef
    *_code_range(0x06D6, 0x06ED),  # Quranic annotation marks
    "\u0640",  # tatweel
    *_code_range(0x200B, 0x200F),  # zero-width space/joiners, LRM, RLM
    *_code_range(0x202A, 0x202E),  # bidi embeddings and overrides
    *_code_range(0x2066, 0x2069),  # bidi isolates
    "\ufeff",  # zero-width no-break space (BOM)
)

# Letters folded one to one into the spelling used for lexicon keys.
_LETTER_FOLDS: dict[str, str] = {
    "\u0622": "\u0627",  # alef with madda above -> alef
    "\u0623": "\u0627",  # alef with hamza above -> alef
    "\u0625": "\u0627",  # alef with hamza below -> alef
    "\u0671": "\u0627",  # alef wasla -> alef
    "\u0672": "\u0627",  # alef with wavy hamza above -> alef
    "\u0673": "\u0627",  # alef with wavy hamza below -> alef
    "\u0649": "\u064a",  # alef maksura -> ya
    "\u0629": "\u0647",  # ta marbuta -> ha
    "\u06a9": "\u0643",  # Persian keheh -> kaf
    "\u06cc": "\u064a",  # Farsi yeh -> ya
}

# Letters that `strip_marks` also folds: forms that are pure encoding variants.
_VARIANT_FOLDS: dict[str, str] = {
    "\u0671": "\u0627",  # alef wasla -> alef
    "\u06a9": "\u0643",  # Persian keheh -> kaf
    "\u06cc": "\u064a",  # Farsi yeh -> ya
}

_DIGIT_FOLDS: dict[str, str] = {
    **{chr(0x0660 + d): str(d) for d in range(10)},  # Arabic-Indic digits
    **{chr(0x06F0 + d): str(d) for d in range(10)},  # Extended (Persian) digits
}

# Every quotation-mark style becomes ASCII '"' (one char per char, so ’’ -> "").
_QUOTE_CHARS = (
    '"'
    "\u201c\u201d\u201e\u201f"  # left/right double, double low-9, double reversed-9
    "\u00ab\u00bb"  # guillemets
    "\u2018\u2019\u201a\u201b"  # left/right single, single low-9, single reversed-9
    "\u2039\u203a"  # single guillemets
    "\u05f4"  # Hebrew gershayim (used as a quote by some keyboards)
)
_QUOTE_FOLDS: dict[str, str] = {q: '"' for q in _QUOTE_CHARS}

_FOLD_TABLE = str.maketrans(
    {**_LETTER_FOLDS, **_DIGIT_FOLDS, **_QUOTE_FOLDS, **dict.fromkeys(_DROP_CHARS)}
)
_STRIP_TABLE = str.maketrans({**_VARIANT_FOLDS, **dict.fromkeys(_DROP_CHARS)})
_DROP_CLASS = "".join(_DROP_CHARS)
_DROP_RE = re.compile(f"[{_DROP_CLASS}]")
_REPLACEMENTS = tuple({**_LETTER_FOLDS, **_DIGIT_FOLDS, **_QUOTE_FOLDS}.items())
_FOLDS_ANY_RE = re.compile(
    "[" + re.escape("".join(source for source, _ in _REPLACEMENTS)) + _DROP_CLASS + "]"
)
# Shorter strings (words, names) fold faster with str.translate than with the scans.
_LONG_TEXT = 200
_WORD_LENGTH = 24  # shorter texts are words or short phrases: their folds are cached
_FOLDED_WORDS: dict[str, str] = {}
_FOLDED_WORDS_LIMIT = 100_000
_KEPT_RUN_RE = re.compile(f"[^{_DROP_CLASS}]+")


@dataclass(frozen=True, slots=True)
class Folded:
    """Folded text and, for each folded char, its index in the original."""

    text: str
    where: list[int]

    def to_original(self, a: int, b: int) -> tuple[int, int]:
        """Original `[start, end)` of the folded hit `[a, b)`.

        Raises:
            ValueError: if the hit is empty or outside the folded text.
        """
        if not 0 <= a < b <= len(self.where):
            raise ValueError(f"folded hit {a}:{b} is empty or outside 0:{len(self.where)}")
        return self.where[a], self.where[b - 1] + 1


def fold(text: str) -> Folded:
    """Fold `text` for matching, keeping each kept char's original index.

    Example: fold("وَالْجَزَائِرُ").text == "والجزائر", where == [0, 2, 3, 5, 7, 9, 10, 11].
    """
    folded = fold_str(text)
    if len(folded) == len(text):  # nothing dropped: the common case in news text
        return Folded(folded, list(range(len(text))))
    where: list[int] = []
    for run in _KEPT_RUN_RE.finditer(text):
        where.extend(range(run.start(), run.end()))
    return Folded(folded, where)


def fold_str(text: str) -> str:
    """The folded text alone (for lexicon keys): same folding as `fold`."""
    if len(text) < _WORD_LENGTH:
        # Words are folded again and again (~500 times per article, by every lexicon and
        # reading): a dict lookup costs a tenth of translating.
        folded = _FOLDED_WORDS.get(text)
        if folded is None:
            if len(_FOLDED_WORDS) >= _FOLDED_WORDS_LIMIT:
                _FOLDED_WORDS.clear()
            folded = _FOLDED_WORDS[text] = text.translate(_FOLD_TABLE)
        return folded
    if len(text) < _LONG_TEXT:
        return text.translate(_FOLD_TABLE)
    # str.translate looks every character up in a dict: ~0.1 ms for an article. One
    # regex pass tells whether anything folds; deletions and letter-by-letter
    # replacements are then C scans (7x faster on news articles). Every mapping is one
    # character to one character that no other mapping touches, so the order is free.
    if _FOLDS_ANY_RE.search(text) is None:
        return text
    text = _DROP_RE.sub("", text)
    for source, target in _REPLACEMENTS:
        if source in text:
            text = text.replace(source, target)
    return text


def strip_marks(text: str) -> str:
    """Drop harakat, tatweel and invisible controls; keep hamza, ta marbuta, alef maksura.

    A lighter fold for decisions where those letters tell words apart
    (clitic segmentation: إلى is not و + الي).
    """
    return text.translate(_STRIP_TABLE)


def has_dropped(text: str) -> bool:
    """True if folding `text` would drop any character."""
    return _DROP_RE.search(text) is not None
