"""Spans and tokens: character offsets into the original text.

`end` is one past the last character (as in spaCy's `Doc.char_span`), so
`text[span.start:span.end] == span.text` holds for every span hadath emits.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

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


# A token's pieces with offsets relative to its start: (start, end, text, label) of each
# prefix, of the stem, and of the suffix (or None).
Pieces = tuple[tuple[tuple[int, int, str, str], ...], tuple[int, int, str, str],
               tuple[int, int, str, str] | None]


@dataclass(slots=True, unsafe_hash=True)
class Token:
    """A word with its clitics split off, each piece a span of the original text.

    `prefixes` are proclitics in reading order (و ف ب ل ك س ال), `stem` the
    remaining word and `suffix` an attached pronoun, if any. `norm` is the
    folded stem used for lexicon matching and `lemma` its dictionary form.
    The pieces are kept relative to the token (one tuple, shared by every token of
    the same word) and made into spans when asked: most tokens are never asked.
    """

    start: int
    end: int
    text: str
    pieces: Pieces
    norm: str = ""
    lemma: str = ""
    is_arabic: bool = True
    # The pieces as spans (prefixes, stem, suffix), made at the first question.
    _spans: tuple[tuple[Span, ...], Span, Span | None] | None = field(
        default=None, init=False, compare=False, hash=False, repr=False
    )

    def _made(self) -> tuple[tuple[Span, ...], Span, Span | None]:
        start = self.start
        prefixes, (a, b, text, label), suffix = self.pieces
        made = (
            tuple([Span(start + pa, start + pb, t, lab) for pa, pb, t, lab in prefixes])
            if prefixes
            else (),
            Span(start + a, start + b, text, label),
            None if suffix is None else Span(start + suffix[0], start + suffix[1], *suffix[2:]),
        )
        self._spans = made
        return made

    @property
    def prefixes(self) -> tuple[Span, ...]:
        return (self._spans or self._made())[0]

    @property
    def stem(self) -> Span:
        return (self._spans or self._made())[1]

    @property
    def suffix(self) -> Span | None:
        return (self._spans or self._made())[2]

    @property
    def stem_text(self) -> str:
        """`stem.text`, without making the spans."""
        return self.pieces[1][2]

    @property
    def has_suffix(self) -> bool:
        """`suffix is not None`, without making the spans."""
        return self.pieces[2] is not None

    @property
    def span(self) -> Span:
        return Span(self.start, self.end, self.text)

    @property
    def name_start(self) -> int:
        """Where a name in this token starts: after و ف ب ل ك, at the article if it is
        written in full (والجزائر → الجزائر), after the lone lam of لل (للخارجية → خارجية)."""
        for a, _, text, label in self.pieces[0]:
            if label == "art" and len(text) > 1:
                return self.start + a
        return self.start + self.pieces[1][0]


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
