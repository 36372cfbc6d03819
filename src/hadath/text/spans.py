"""Spans and tokens: character offsets into the original text.

`end` is one past the last character (as in spaCy's `Doc.char_span`), so
`text[span.start:span.end] == span.text` holds for every span hadath emits.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from hadath.errors import OffsetError

__all__ = ["Intervals", "Span", "Token", "check_span"]


# Spans and tokens are values: never assigned to once made, hashed and compared by their
# fields. They are not declared frozen because a frozen dataclass's __init__ costs four
# times a plain one's, and tokenizing makes several of them per word of every article.
@dataclass(slots=True, unsafe_hash=True)
class Span:
    """A stretch of the original text."""

    start: int
    end: int
    text: str
    label: str = ""

    @classmethod
    def of(cls, text: str, start: int, end: int, label: str = "") -> Span:
        """The span of `text` from `start` to `end`."""
        return cls(start, end, text[start:end], label)

    def to_list(self) -> list[int]:
        return [self.start, self.end]


@dataclass(slots=True, unsafe_hash=True)
class Token:
    """A word with its clitics split off, each piece a span of the original text.

    `prefixes` are proclitics in reading order (و ف ب ل ك س ال), `stem` the
    remaining word and `suffix` an attached pronoun, if any. `norm` is the
    folded stem used for lexicon matching and `lemma` its dictionary form.
    """

    start: int
    end: int
    text: str
    stem: Span
    prefixes: tuple[Span, ...] = ()
    suffix: Span | None = None
    norm: str = ""
    lemma: str = ""
    is_arabic: bool = True

    @property
    def span(self) -> Span:
        return Span(self.start, self.end, self.text)

    @property
    def name_start(self) -> int:
        """Where a name in this token starts: after و ف ب ل ك, at the article if it is
        written in full (والجزائر → الجزائر), after the lone lam of لل (للخارجية → خارجية)."""
        for piece in self.prefixes:
            if piece.label == "art" and len(piece.text) > 1:
                return piece.start
        return self.stem.start


def check_span(text: str, start: int, end: int, span_text: str) -> None:
    """Raise OffsetError unless `text[start:end] == span_text`."""
    if not (0 <= start <= end <= len(text)) or text[start:end] != span_text:
        raise OffsetError(f"{start}:{end} reads {text[start:end]!r}, not {span_text!r}")


class Intervals:
    """Half-open [start, end) intervals, asking whether a stretch overlaps any of them.

    Two binary searches per question: `any(s < end and start < e for s, e in spans)`
    per name or mention made long articles quadratic.
    """

    def __init__(self, intervals: list[tuple[int, int]]) -> None:
        ordered = sorted(intervals)
        self._starts = [start for start, _ in ordered]
        self._reach: list[int] = []  # the furthest end among the intervals up to each one
        for _, end in ordered:
            self._reach.append(max(end, self._reach[-1]) if self._reach else end)

    def overlaps(self, start: int, end: int) -> bool:
        """Whether some interval (s, e) has s < end and start < e."""
        before = bisect_left(self._starts, end)  # the intervals starting before `end`
        return before > 0 and self._reach[before - 1] > start
