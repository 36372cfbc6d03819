"""Who said it: a quotation's speaker from the entities around its speech verb.

Entity codes are used as the actors component gave them; nothing is resolved
here. The rules, in order:
- the subject of a verb-subject clause (قال وزير الخارجية الروسي سيرغي لافروف
  إن): the first coded entity between the verb and إن / the quotation, skipping
  addressees (لوكالة، أمام الصحفيين) and sources after an attribution (بحسب);
- an anonymous subject (مصادر، شهود، مسؤول طلب عدم الكشف عن هويته): a speaker
  with no code, never a guess;
- no subject after the verb (وقال إنه، وأضاف، وقالت في بيان): the entity just
  before the verb (subject-verb order), else the previous quotation's speaker;
- a definite generic head (الوزارة، المسؤول، المنظمة) with no entity: the
  previous speaker, whom it refers back to;
- any other subject phrase without an entity: a speaker with no code.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from hadath.extract import speech_words as words
from hadath.extract.speech import Cue, word_in
from hadath.records import ActorRef, Entity
from hadath.text.fold import fold_str
from hadath.text.spans import Span, Token

__all__ = ["SpeakerFinder"]

_ARTICLE = "\u0627\u0644"  # alef lam: the article
_LAM = "\u0644"  # lam: preposition "to, for"
SUBJECT_PHRASE_MAX = 6  # tokens kept as the text of a speaker with no entity
SV_GAP_MAX = 2  # words allowed between a preposed subject and its verb (قد، كان)
FROM_WINDOW = 8  # tokens searched back from قوله for عن


def _is_punct(token: Token) -> bool:
    return not token.text[0].isalnum()


def _has_article(token: Token) -> bool:
    key = fold_str(token.text)
    return any(key[i:].startswith(_ARTICLE) for i in range(3))


@dataclass(frozen=True, slots=True)
class SpeakerFinder:
    """Speaker resolution over one document's tokens, sentences and coded entities."""

    text: str
    tokens: tuple[Token, ...]
    sentences: tuple[Span, ...]
    entities: tuple[Entity, ...]  # coded entities, by start
    token_starts: tuple[int, ...]
    sentence_starts: tuple[int, ...]

    @classmethod
    def of(
        cls, text: str, tokens: tuple[Token, ...], sentences: tuple[Span, ...],
        entities: tuple[Entity, ...],
    ) -> SpeakerFinder:
        coded = tuple(sorted((e for e in entities if e.code), key=lambda e: (e.start, -e.end)))
        return cls(
            text, tokens, sentences, coded,
            tuple(t.start for t in tokens), tuple(s.start for s in sentences),
        )

    # -- positions -------------------------------------------------------------------------

    def token_index(self, at: int) -> int:
        """Index of the first token starting at or after char `at`."""
        return bisect.bisect_left(self.token_starts, at)

    def sentence_of(self, at: int) -> Span:
        i = max(0, bisect.bisect_right(self.sentence_starts, at) - 1)
        return self.sentences[i] if self.sentences else Span(0, len(self.text), self.text)

    def _token_of(self, at: int) -> int | None:
        """Index of the token holding char `at`."""
        i = bisect.bisect_right(self.token_starts, at) - 1
        return i if i >= 0 and self.tokens[i].end > at else None

    # -- entities ----------------------------------------------------------------------------

    def _is_addressee(self, entity: Entity) -> bool:
        """An entity after ل or إلى / أمام / لدى is spoken to, not speaking (قال لوكالة)."""
        i = self._token_of(entity.start)
        if i is None:
            return False
        if any(p.text == _LAM and p.label == "prep" for p in self.tokens[i].prefixes):
            return True
        return i > 0 and word_in(self.tokens[i - 1], words.ADDRESSEE_PREPS)

    def _entities_in(self, start: int, end: int) -> list[Entity]:
        return [
            e for e in self.entities
            if start <= e.start and e.end <= end and not self._is_addressee(e)
        ]

    @staticmethod
    def _ref(entity: Entity) -> ActorRef:
        return ActorRef(entity.code, entity.name, entity.text, entity.start, entity.end)

    # -- the rules ---------------------------------------------------------------------------

    def _phrase(self, lo: int, hi: int) -> ActorRef | None:
        """The subject phrase of tokens[lo:hi] as a speaker with no code."""
        stop = lo
        while stop < min(hi, lo + SUBJECT_PHRASE_MAX) and not _is_punct(self.tokens[stop]):
            stop += 1
        if stop == lo:
            return None
        start, end = self.tokens[lo].start, self.tokens[stop - 1].end
        return ActorRef(None, None, self.text[start:end], start, end)

    def _preposed_subject(self, cue: Cue) -> ActorRef | None:
        """A coded entity just before the verb in its sentence (لافروف قال، وكان X قد قال)."""
        sentence = self.sentence_of(cue.start)
        before = [e for e in self.entities if sentence.start <= e.start and e.end <= cue.start]
        if not before:
            return None
        entity = max(before, key=lambda e: e.end)
        if self._is_addressee(entity):
            return None
        gap = self.tokens[self.token_index(entity.end) : cue.index]
        gap_words = [t for t in gap if not _is_punct(t)]
        if len(gap_words) > SV_GAP_MAX or not all(
            word_in(t, words.AUXILIARIES) for t in gap_words
        ):
            return None
        return self._ref(entity)

    def _clause_subject(self, cue: Cue) -> ActorRef | None:
        """The first coded entity of the sentence before the verb: the main clause's subject
        that a participle (مؤكدا، مضيفا) or a subjectless verb shares."""
        sentence = self.sentence_of(cue.start)
        for entity in self.entities:
            if entity.start >= cue.start:
                break
            if entity.start >= sentence.start and not self._is_addressee(entity):
                return self._ref(entity)
        return None

    def _subject_region(self, cue: Cue, hi: int) -> tuple[int, int]:
        """Token range holding the verb's subject: after the verb, before an attribution."""
        lo = cue.index + 1
        if cue.kind == "noun":  # عن فلان قوله: the subject sits between عن and the noun
            back = range(cue.index - 1, max(-1, cue.index - FROM_WINDOW), -1)
            found = next((i for i in back if word_in(self.tokens[i], words.FROM_WORDS)), None)
            return (found + 1, cue.index) if found is not None else (cue.index, cue.index)
        if cue.kind == "relay":  # نقلت الوكالة عن الوزير: the speaker follows عن
            found = next(
                (i for i in range(lo, hi) if word_in(self.tokens[i], words.FROM_WORDS)), None
            )
            if found is not None:
                lo = found + 1
        cut = next((i for i in range(lo, hi) if word_in(self.tokens[i], words.ATTRIBUTIONS)), hi)
        if cut < hi and word_in(self.tokens[cut], words.RELAYING):
            return cut + 1, hi  # قالت الصحيفة نقلا عن مسؤول: the official is the speaker
        return lo, cut

    def _is_anonymous(self, lo: int, hi: int) -> bool:
        region = self.tokens[lo:hi]
        heads = [t for t in region[:3] if not _is_punct(t)][:2]
        return any(word_in(t, words.ANONYMOUS_HEADS) for t in heads) or any(
            word_in(t, words.ANONYMITY_MARKS) for t in region
        )

    def _has_no_subject(self, lo: int, hi: int) -> bool:
        words_in = [t for t in self.tokens[lo:hi] if not _is_punct(t)]
        return not words_in or word_in(words_in[0], words.NON_SUBJECT_STARTERS) or any(
            p.label == "prep" for p in words_in[0].prefixes
        )

    def speaker(
        self, cue: Cue | None, hi: int, previous: ActorRef | None
    ) -> tuple[ActorRef | None, str]:
        """(speaker, rule) of a quotation introduced by `cue`; its subject ends before tokens[hi].

        `previous` is the speaker of the quotation before, for carried-over subjects.
        """
        if cue is None:
            return previous, "carry"
        lo, cut = self._subject_region(cue, max(hi, cue.index + 1))
        if self._is_anonymous(lo, cut):
            return self._phrase(lo, cut), "anonymous"
        if lo < cut:
            found = self._entities_in(self.tokens[lo].start, self.tokens[cut - 1].end)
            if found:
                return self._ref(found[0]), "subject"
        if cue.kind != "noun" and self._has_no_subject(lo, cut):
            preposed = self._preposed_subject(cue)
            if preposed is not None:
                return preposed, "preposed"
            main = self._clause_subject(cue)
            if main is not None:  # وصفت واشنطن الانتخابات بالمزيفة، مؤكدة أنها
                return main, "clause"
            return previous, "carry"
        if cue.kind == "noun" and lo >= cut:
            return previous, "carry"
        head = next((t for t in self.tokens[lo:cut] if not _is_punct(t)), None)
        if head is not None and _has_article(head) and word_in(head, words.ANAPHORIC_HEADS):
            return (previous, "anaphora") if previous is not None else (self._phrase(lo, cut),
                                                                         "unresolved")
        return self._phrase(lo, cut), "unresolved"

    def attributed(self, lo: int, hi: int) -> ActorRef | None:
        """The coded entity after an attribution (بحسب، وفقا لـ، نقلا عن) in tokens[lo:hi]."""
        for i in range(lo, min(hi, len(self.tokens))):
            if word_in(self.tokens[i], words.ATTRIBUTIONS):
                end = self.tokens[min(hi, len(self.tokens)) - 1].end
                if self._is_anonymous(i + 1, hi):
                    return self._phrase(i + 1, hi)
                found = [
                    e for e in self.entities if self.tokens[i].end <= e.start and e.end <= end
                ]
                return self._ref(found[0]) if found else None
        return None
