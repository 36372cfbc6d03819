"""Modifiers of an event: negation, refusal, background, mode (future, hypothetical),
and the dates that place a clause in the news or in history.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from hadath.code import event_words as words
from hadath.code.date_arithmetic import parse_published
from hadath.code.event_clauses import Clause, ClauseReading
from hadath.lexicon.actions import ActionMatch
from hadath.records import DateRef
from hadath.text.fold import fold_str

__all__ = ["ModifierReading", "any_in", "days_apart"]


class ModifierReading(ClauseReading):
    """Negation, refusal, background and mode of a trigger in its clause."""

    def is_negated(self, match: ActionMatch, lo: int, clause_lo: int) -> bool:
        # A particle negates its own clause only: ولكن العملية لم تكن بلا خسائر إذ قتل …
        if any_in(self.words_before(match.start, clause_lo), words.NEGATIONS):
            return True
        # A denial governs its whole clause: ونفت السعودية التعرض له أو قتله.
        return any(fold_str(t.stem_text) in words.DENIALS for t in self.tokens[lo:match.start])

    def may_lack_target(self, match: ActionMatch) -> bool:
        """A protest or a bombing may name no addressee; so may an arrest whose agent the
        passive names (اعتُقل الصحفي على يد الشرطة). A killing with no victim named is no
        event we can code."""
        root = match.entry.root
        if root == "17" and self.agent_found:
            return True
        return root in words.UNDIRECTED_ROOTS and not self.patient_first(match)

    def is_refusal(self, match: ActionMatch, lo: int) -> bool:
        """لن + a cooperative act (لن تعترف بالنتائج، لن نتفاوض مع …) announces a refusal:
        coded as a rejection (12), not dropped like a plain negation."""
        before = self.words_before(match.start, lo)
        return match.entry.root in words.COOPERATIVE_ROOTS and any_in(before, words.REFUSALS)

    def is_background(self, match: ActionMatch, clause: Clause) -> bool:
        """A trigger right after a relative pronoun describes (التحالف الذي تتزعمه السعودية),
        unless its clause dates it to the news (ساترفيلد الذي اجتمع اليوم مع الحريري); after
        كان it tells what had happened before (العمليات التي شنت … وكانت استهدفت …)."""
        previous = [fold_str(t.text) for t in self.tokens[max(0, match.start - 2):match.start]]
        opening = next((t for t in self.tokens[self.sentence_lo:match.start] if t.is_arabic), None)
        # وكانت القوات التركية قد قصفت …: a sentence that opens with كان tells the past.
        if any_in(previous, words.PLUPERFECT) or (
                opening is not None and any_in([fold_str(opening.text)], words.PLUPERFECT)):
            return True
        if self.dated_long_before(match):
            return True
        return bool(previous) and previous[-1] in words.RELATIVES and not self.dated_now(clause)

    def dated_long_before(self, match: ActionMatch) -> bool:
        """Does a date long before publication open the sentence before the trigger (وفي 26
        يوليو 2013، اغتال مسلحون …)? Then it is history, not news."""
        news_day = self.news_day()
        if news_day is None:
            return False
        lo, at = self.char(self.sentence_lo), self.tokens[match.start].start
        return any(lo <= d.start < at and d.value and d.value[:10] < news_day
                   and days_apart(d.value, news_day) > words.HISTORY_DAYS
                   for d in self.dates)

    def news_day(self) -> str | None:
        """The publication day (ISO), or None when `published` is missing or no date."""
        day = parse_published(self.published)
        return day.isoformat() if day is not None else None

    def dated_now(self, clause: Clause) -> bool:
        """Does a date within a few days of publication stand in the clause (اليوم، أمس)?"""
        news_day = self.news_day()
        if news_day is None:
            return False
        lo, hi = self.char(clause.lo), self.char(clause.hi)
        return any(lo <= d.start < hi and d.precision == "day" and d.value
                   and days_apart(d.value, news_day) <= words.NEWS_DAYS for d in self.dates)

    def mode(self, match: ActionMatch, lo: int) -> str | None:
        trigger = self.tokens[match.start]
        if any(p.label == "fut" for p in trigger.prefixes):
            return "future"
        before = self.words_before(match.start, lo)
        if any_in(before, words.FUTURE):
            return "future"
        if any_in([w for w in before if w not in words.PARTICLES], words.CONDITION):
            return "hypothetical"
        # قد before a present verb is "may" (قد تفرض), before a past one "has" (قد فرضت).
        if any(w in words.PARTICLES for w in before) and fold_str(trigger.stem.text)[:1] in "يتن":
            return "hypothetical"
        return None

    def after_since(self, date: DateRef) -> bool:
        """منذ 2011, منذ سقوط النظام في 2011: a date that starts a period is not the day of the
        news the sentence reports."""
        before = self.text[max(0, date.start - words.SINCE_CHARS):date.start].split()
        return any(fold_str(w) in words.SINCE for w in before[-words.SINCE_WORDS:])


def days_apart(first: str, second: str) -> int:
    """Days between two ISO dates; a month (2018-06) or a year (2017) counts as its last day,
    so that a period is never taken for older than it is."""
    return abs((last_day(first) - last_day(second)).days)


def last_day(value: str) -> date:
    parts = value[:10].split("-")
    if len(parts) == 3:
        return date.fromisoformat(value[:10])
    year = int(parts[0])
    month = int(parts[1]) if len(parts) == 2 else 12
    following = date(year + (month == 12), month % 12 + 1, 1)
    return following - timedelta(days=1)


def any_in(folded_words: Sequence[str], wanted: frozenset[str]) -> bool:
    """Is one of the words, or one less its conjunction (ولم، فلن), in `wanted`? Only و and ف
    come off: كما is not ما."""
    return any(w in wanted or (w[:1] in words.CONJUNCTIONS and w[1:] in wanted)
               for w in folded_words)
