"""Clause structure for event coding: where a trigger's clause starts and ends.

A clause runs from the trigger to the nearest boundary (punctuation, إن / أن, a relative
pronoun, the next verb trigger); asides do not end it: names and dates between commas,
short glosses in brackets (وسط اليمن), names in quote marks. Offsets are token indexes
into the document; `char` turns them into character offsets.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from hadath.code import event_words as words
from hadath.lexicon.actions import ActionLexicon, ActionMatch
from hadath.lexicon.cameo import CameoCode
from hadath.records import DateRef, Entity, Place, Quote
from hadath.text.fold import fold_str
from hadath.text.spans import Span, Token

__all__ = ["BRACKETED", "Clause", "ClauseReading", "outermost"]

BRACKETED = re.compile(r"\([^()\n]{1,80}\)")


@dataclass(frozen=True, slots=True)
class Clause:
    lo: int  # token index where the trigger's clause starts
    hi: int  # token index one past its end


class ClauseReading:
    """The document state the event readings share, and the clause structure.

    EventCoder (events.py) sets these attributes and joins this class with the modifier,
    target, argument and trigger readings, which call one another through `self`.
    """

    text: str
    tokens: Sequence[Token]
    sentences: Sequence[Span]
    actions: ActionLexicon
    entities: list[Entity]
    entity_starts: list[int]
    token_starts: list[int]
    covered: bytearray  # characters inside an actor or a date
    bracketed: bytearray  # characters inside (…)
    quoted: list[tuple[int, int]]  # direct quotations
    quotes: Sequence[Quote]
    dates: Sequence[DateRef]
    places: Sequence[Place]
    published: str | None
    sentence_lo: int
    token_range_hi: int
    sentence_sources: list[Entity]
    last_actor: Entity | None
    last_subject: Entity | None
    agent_found: bool
    instrument_code: CameoCode | None
    dropped: dict[int, str]

    def token_range(self, sentence: Span) -> tuple[int, int]:
        lo = bisect.bisect_left(self.token_starts, sentence.start)
        hi = bisect.bisect_left(self.token_starts, sentence.end)
        return lo, hi

    def is_boundary(self, i: int) -> bool:
        token = self.tokens[i]
        if not token.is_arabic:
            return token.text in words.CLAUSE_PUNCT
        word = fold_str(token.text)
        if word == words.QABL and i > 0 and fold_str(self.tokens[i - 1].text) == words.MIN:
            return False  # من قبل introduces an agent, not a clause
        return word in words.CLAUSE_WORDS

    def clause(self, match: ActionMatch, lo: int, hi: int, triggers: Sequence[int]) -> Clause:
        start = match.start
        while start > lo and (start - 1) not in triggers:
            if self.is_boundary(start - 1):
                opening = self.quoted_name_start(start - 1, lo)
                if opening is None:
                    break
                start = opening
            start -= 1
        end = match.end
        while end < hi and end not in triggers:
            if self.is_boundary(end):
                skip = self.aside_end(end, hi)
                if skip is None:
                    break
                # The comma that closes one aside may open the next (، محمد الدعام، الأحد،).
                while (following := self.aside_end(skip, hi)) is not None:
                    skip = following
                end = skip
            end += 1
        return Clause(start, end)

    def aside_end(self, opening: int, hi: int) -> int | None:
        """A name or a date between commas is an aside, not a new clause (لقاء وزير خارجيتها،
        الشيخ خالد بن أحمد، بنظيره السوري، السبت، …), and so is a short gloss in brackets
        (وكيل محافظة إب (وسط اليمن)): the index of the aside's last token."""
        mark = self.tokens[opening].text
        if mark == "(":
            return self.bracket_end(opening, hi)
        if mark in words.QUOTE_MARKS:
            return self.quoted_name_end(opening, hi)
        if mark not in words.COMMAS:
            return None
        for close in range(opening + 1, min(hi, opening + words.ASIDE_WORDS + 2)):
            if self.tokens[close].text == "(":
                close = self.bracket_end(close, hi)
                if close is None:
                    return None
                continue
            if self.tokens[close].text in words.COMMAS:
                inside = [t for t in self.tokens[opening + 1:close] if t.is_arabic]
                return close if inside and self.is_aside(inside) else None
        return None

    def is_aside(self, inside: Sequence[Token]) -> bool:
        """Names and dates set off by commas are asides; so is a short phrase that neither
        opens with a conjunction nor holds an action word (، علي الكبسي، / ، في بيان،)."""
        if all(self.covered[t.start] for t in inside):
            return True
        if len(inside) > words.SHORT_ASIDE_WORDS or any(
                p.label == "conj" for p in inside[0].prefixes):
            return False
        first = fold_str(inside[0].text)
        return first not in words.CLAUSE_WORDS and not any(
            self.actions.candidates(t) for t in inside)

    def quoted_name_end(self, opening: int, hi: int) -> int | None:
        """A few words in quote marks (تحالف "قوات سوريا الديمقراطية") are a name, not a
        clause of their own: the index of the closing mark."""
        for close in range(opening + 1, min(hi, opening + words.QUOTED_NAME_WORDS + 2)):
            text = self.tokens[close].text
            if text in words.QUOTE_MARKS:
                return close if self.names_an_actor(opening, close) else None
            if text in words.HARD_PUNCT or text in words.COMMAS:
                return None
        return None

    def names_an_actor(self, opening: int, closing: int) -> bool:
        """Do the words between two quote marks hold a coded actor (a scare quote does not)?"""
        if closing <= opening + 1:
            return False
        return bool(self.entities_between(self.tokens[opening].end, self.tokens[closing].start))

    def quoted_name_start(self, closing: int, lo: int) -> int | None:
        """The opening mark of a quoted name that ends at token `closing`, if it is one."""
        if self.tokens[closing].text not in words.QUOTE_MARKS:
            return None
        for opening in range(closing - 1, max(lo, closing - words.QUOTED_NAME_WORDS - 2) - 1, -1):
            text = self.tokens[opening].text
            if text in words.QUOTE_MARKS:
                return opening if self.names_an_actor(opening, closing) else None
            if text in words.HARD_PUNCT or text in words.COMMAS:
                return None
        return None

    def bracket_end(self, opening: int, hi: int) -> int | None:
        """The index of the ")" closing a short bracketed gloss that opens at `opening`."""
        for close in range(opening + 1, min(hi, opening + words.ASIDE_WORDS + 2)):
            if self.tokens[close].text == ")":
                return close
            if self.tokens[close].text in words.HARD_PUNCT:
                return None
        return None

    def in_brackets(self, entity: Entity) -> bool:
        return bool(self.bracketed[entity.start])

    def clause_text(self, clause: Clause) -> str:
        return self.text[self.char(clause.lo):self.tokens[clause.hi - 1].end]

    def in_quote(self, at: int) -> bool:
        return any(s <= at < e for s, e in self.quoted)

    def entities_between(self, start: int, end: int) -> list[Entity]:
        """Coded entities inside [start, end) (characters), in text order, glosses left out."""
        i = bisect.bisect_left(self.entity_starts, start)
        found = []
        while i < len(self.entities) and self.entities[i].start < end:
            if self.entities[i].end <= end and not self.in_brackets(self.entities[i]):
                found.append(self.entities[i])
            i += 1
        return outermost(found)

    def char(self, i: int) -> int:
        return self.tokens[i].start if i < len(self.tokens) else len(self.text)

    def token_at(self, char: int) -> int:
        """The index of the token that contains (or starts at) character `char`."""
        return bisect.bisect_right(self.token_starts, char) - 1

    def token_gap(self, i: int, char: int) -> int:
        """Tokens between token i and the token at character `char`."""
        return bisect.bisect_left(self.token_starts, char) - i

    def word_gap(self, i: int, char: int) -> int:
        """Words from token i to the token at character `char`, bracketed glosses and
        punctuation not counted (وكيل محافظة إب (وسط اليمن)، محمد الدعام)."""
        j = bisect.bisect_left(self.token_starts, char)
        return sum(1 for t in self.tokens[i:j] if t.is_arabic and not self.bracketed[t.start])

    def inside_entity(self, i: int) -> bool:
        """A trigger word that is part of a name (حركة التحرير، وكالة الأنباء) is no action."""
        token = self.tokens[i]
        j = bisect.bisect_right(self.entity_starts, token.start) - 1
        return j >= 0 and self.entities[j].start <= token.start < self.entities[j].end

    def words_before(self, i: int, lo: int) -> list[str]:
        return [fold_str(t.text) for t in self.tokens[max(lo, i - words.MODIFIER_WINDOW):i]
                if t.is_arabic]


def outermost(entities: Sequence[Entity]) -> list[Entity]:
    """Drop entities nested in another (a name inside a longer organisation name)."""
    kept: list[Entity] = []
    for entity in entities:
        if kept and entity.start < kept[-1].end:
            if entity.end - entity.start > kept[-1].end - kept[-1].start:
                kept[-1] = entity
            continue
        kept.append(entity)
    return kept
