"""Who said it: a quotation's speaker from the entities around its speech verb.

Entity codes are used as the actors component gave them; nothing is resolved
here. The rules, in order:
- the subject of a verb-subject clause (قال وزير الخارجية الروسي سيرغي لافروف
  إن): the first coded entity between the verb and إن / the quotation, skipping
  addressees (لوكالة، أمام الصحفيين) and sources after an attribution (بحسب);
  the subject stops at the next speech verb (وأضاف في رسالة، مؤكدا بيانا لمنظمة);
- an anonymous subject (مصادر، شهود، مسؤول طلب عدم الكشف عن هويته): a speaker
  with no code, never a guess;
- no subject after the verb (وقال إنه، وأضاف، وقالت في بيان، قال فيها): the
  entity just before the verb (subject-verb order: لافروف قال، وكان لافروف، وزير
  الخارجية، قد قال), else the subject of the clause the verb stands in, else the
  previous speaker; a participle (مؤكدا، قائلا) has no subject of its own and
  takes the subject of an earlier speech verb of its sentence or of its clause;
  subjects before the verb are never inside quotation marks nor after a
  preposition (ويجاهر فريدمان بدعم الاستيطان في الأراضي الفلسطينية، ويعتبر);
- a definite generic head (الوزارة، المسؤول، المنظمة), as a lone entity or
  without one: the last subject or entity with the same head it refers back to
  (مسؤول في الخارجية الأمريكية ... وقال المسؤول), else the previous speaker;
- any other subject phrase without an entity: a speaker with no code.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from hadath.extract import speech_words as words
from hadath.extract.speech import Cue, cue_kind, is_pronoun_pp, word_in, word_keys, words_in
from hadath.records import ActorRef, Entity
from hadath.text.fold import fold_str
from hadath.text.spans import Span, Token

__all__ = ["Discourse", "SpeakerFinder"]

_ARTICLE = "\u0627\u0644"  # alef lam: the article
_LAM = "\u0644"  # lam: preposition "to, for"
SUBJECT_PHRASE_MAX = 6  # tokens kept as the text of a speaker with no entity
SV_GAP_MAX = 2  # words allowed between a preposed subject and its verb (قد، كان)
FROM_WINDOW = 8  # tokens searched back from قوله for عن
NAME_GAP_MAX = 2  # words between a title and the name it introduces (العقيد الطيار الركن)
FRONTED_MAX = 5  # words of an adverbial fronted before a sentence's verb (في السياق نفسه،)
_COMMAS = frozenset(",\u060c")  # , ،
_MARK_RE = re.compile('["\u201c\u201d\u201e\u00ab\u00bb]')  # " “ ” „ « »
_DASHES = frozenset("-\u2013\u2014")  # - – —
# Each generic head as a one-word table: word_in keys its folded sets by the table kept here
# (a tuple made per call would be a new key every time).
_HEAD_ROLES = tuple(((word,), roles) for word, roles in words.HEAD_ROLES)
_EXPLICIT = frozenset(("subject", "anonymous", "unresolved", "anaphora"))  # a subject is written


def _is_punct(token: Token) -> bool:
    return not token.text[0].isalnum()


def _has_article(token: Token) -> bool:
    key = fold_str(token.text)
    return any(key[i:].startswith(_ARTICLE) for i in range(3))


def head_keys(token: Token) -> frozenset[str]:
    """The word with and without its proclitics and article: المسؤول، والمسؤول and مسؤول
    share a key. Two words are the same word when their keys meet."""
    return frozenset(word_keys(token.text))


@dataclass(slots=True)
class Discourse:
    """What the quotations before have said about speakers, for those that refer back."""

    previous: ActorRef | None = None  # the last quotation's speaker
    previous_at: int = -1  # where the last quotation's speech verb stands
    # every explicit subject so far: (its head's keys, its words' keys, start, speaker)
    subjects: list[tuple[frozenset[str], frozenset[str], int, ActorRef | None]] = field(
        default_factory=list
    )


@dataclass(frozen=True, slots=True)
class SpeakerFinder:
    """Speaker resolution over one document's tokens, sentences and coded entities."""

    text: str
    tokens: tuple[Token, ...]
    sentences: tuple[Span, ...]
    entities: tuple[Entity, ...]  # coded entities, by start
    token_starts: tuple[int, ...]
    sentence_starts: tuple[int, ...]
    quoted: tuple[tuple[int, int], ...] = ()  # (open mark, close mark end) of every quote
    cue_at: frozenset[int] = frozenset()  # token indices of the speech cues
    # per token: the index of the last dash or clause opener at or before it, or -1
    clause_breaks: tuple[int, ...] = ()

    @classmethod
    def of(
        cls, text: str, tokens: tuple[Token, ...], sentences: tuple[Span, ...],
        entities: tuple[Entity, ...], quoted: tuple[tuple[int, int], ...] = (),
        cue_at: frozenset[int] = frozenset(),
    ) -> SpeakerFinder:
        coded = tuple(sorted((e for e in entities if e.code), key=lambda e: (e.start, -e.end)))
        breaks, last = [], -1
        opens = words_in(tokens, words.CLAUSE_OPENERS)
        for i, token in enumerate(tokens):  # once here, not a walk back per speech verb
            if opens[i] or token.text in _DASHES:
                last = i
            breaks.append(last)
        return cls(
            text, tokens, sentences, coded,
            tuple(t.start for t in tokens), tuple(s.start for s in sentences), quoted, cue_at,
            tuple(breaks),
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
        """An entity after ل or إلى / أمام / لدى is spoken to, not speaking (قال لوكالة);
        but after a document noun ل names the author (بيان لوزارة الخارجية، تقرير للأمم
        المتحدة)."""
        i = self._token_of(entity.start)
        if i is None:
            return False
        if any(p.text == _LAM and p.label == "prep" for p in self.tokens[i].prefixes):
            return not (i > 0 and word_in(self.tokens[i - 1], words.DOCUMENTS))
        return i > 0 and word_in(self.tokens[i - 1], words.ADDRESSEE_PREPS)

    def _after_preposition(self, entity: Entity) -> bool:
        """An entity governed by a preposition (في الأراضي، بالألمانية، من الولايات المتحدة)."""
        i = self._token_of(entity.start)
        if i is None:
            return False
        if any(p.label == "prep" for p in self.tokens[i].prefixes):
            return True
        return i > 0 and word_in(self.tokens[i - 1], words.PREPOSITIONS)

    def _is_quoted(self, entity: Entity) -> bool:
        return any(a <= entity.start < b for a, b in self.quoted)

    def _can_precede_as_subject(self, entity: Entity) -> bool:
        """Can an entity before the verb be its subject? Not inside quotation marks, not
        governed by a preposition, not spoken to."""
        return not (self._is_quoted(entity) or self._after_preposition(entity)
                    or self._is_addressee(entity))

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
        before = [e for e in self.entities if sentence.start <= e.start and e.end <= cue.start
                  and self._can_precede_as_subject(e)]
        if not before:
            return None
        entity = max(before, key=lambda e: e.end)
        gap = self.tokens[self.token_index(entity.end) : cue.index]
        gap_words = [t for t in gap if not _is_punct(t)]
        if len(gap_words) <= SV_GAP_MAX and all(
            word_in(t, words.AUXILIARIES) for t in gap_words
        ):
            return self._ref(entity)
        return self._kana_subject(cue, before)

    def _kana_subject(self, cue: Cue, before: list[Entity]) -> ActorRef | None:
        """وكان العقيد تركي المالكي، المتحدث باسم التحالف، قد قال: the subject is the first
        entity after كان when قد stands right before the verb."""
        if cue.index == 0 or not word_in(self.tokens[cue.index - 1], words.QAD):
            return None
        sentence_start = self.token_index(self.sentence_of(cue.start).start)
        kana = next((i for i in range(cue.index - 2, sentence_start - 1, -1)
                     if word_in(self.tokens[i], words.KANA)), None)
        if kana is None:
            return None
        after = [e for e in before if e.start >= self.tokens[kana].end]
        return self._ref(self._named_first(after)[0]) if after else None

    def _clause_start(self, cue: Cue) -> int:
        """Char offset where the clause holding `cue` starts: its sentence start, or after a
        dash (a dateline: دبي (CNN)—) or a conjunction opening a new clause (فيما، بينما)."""
        sentence_start = self.token_index(self.sentence_of(cue.start).start)
        last = self.clause_breaks[cue.index - 1] if cue.index > 0 else -1
        if last >= sentence_start:
            return self.tokens[last].end
        return self.tokens[sentence_start].start if sentence_start < len(self.tokens) else 0

    def _clause_subject(self, cue: Cue) -> ActorRef | None:
        """The first coded entity of the clause before the verb: the main clause's subject
        that a participle (مؤكدا، مضيفا) or a subjectless verb shares."""
        start = self._clause_start(cue)
        for entity in self.entities:
            if entity.start >= cue.start:
                break
            if entity.start >= start and self._can_precede_as_subject(entity):
                return self._ref(entity)
        return None

    # -- referring back ----------------------------------------------------------------------

    def _is_generic_head(self, entity: Entity) -> bool:
        """A lone definite generic noun (المنظمة، المسؤول، الوزارة) that refers back."""
        i = self._token_of(entity.start)
        if i is None or self.tokens[i].end < entity.end:
            return False
        token = self.tokens[i]
        return _has_article(token) and word_in(token, words.ANAPHORIC_HEADS)

    def _antecedent(
        self, head: Token, phrase: list[frozenset[str]], discourse: Discourse
    ) -> ActorRef | None:
        """The latest subject before `head` that a definite phrase repeats (مسؤول فلسطيني ...
        وقال المسؤول الفلسطيني), or, for a lone head, the latest multi-word entity with the
        same head word (منظمة هيومن رايتس ووتش ... وتقول المنظمة). `phrase` holds the keys of
        each word of the definite phrase."""
        key = head_keys(head)
        best: tuple[int, ActorRef | None] | None = None
        for word, said, start, ref in discourse.subjects:
            if key & word and all(w & said for w in phrase) and start < head.start and (
                best is None or start > best[0]
            ):
                best = (start, ref)
        if len(phrase) > 1:
            return best[1] if best is not None else None
        for entity in self.entities:
            if entity.start >= head.start:
                break
            i = self._token_of(entity.start)
            if i is None:
                continue
            multiword = self.tokens[i].end < entity.end
            if multiword and head_keys(self.tokens[i]) & key and (
                best is None or entity.start > best[0]
            ):
                best = (entity.start, self._ref(entity))
        return best[1] if best is not None else None

    def _phrase_words(self, lo: int, hi: int) -> list[frozenset[str]]:
        return [head_keys(t) for t in self.tokens[lo:hi][:SUBJECT_PHRASE_MAX] if not _is_punct(t)]

    def _entity_words(self, entity: Entity) -> list[frozenset[str]]:
        lo = self.token_index(entity.start)
        hi = self.token_index(entity.end)
        return self._phrase_words(lo, hi)

    @staticmethod
    def _fits(head: Token, ref: ActorRef | None) -> bool:
        """Can `ref` be what the generic head names (المنظمة: an NGO or IGO, الوزارة: GOV)?"""
        if ref is None or ref.code is None:
            return False
        for word, roles in _HEAD_ROLES:
            if word_in(head, word):
                return any(role in ref.code for role in roles)
        return True

    def _named_first(self, found: list[Entity]) -> list[Entity]:
        """A one-word title or generic noun right before a name stands in apposition to it
        (منظمة "أنقذوا الأطفال"، العقيد الطيار الركن تركي المالكي): the name is the speaker."""
        if len(found) < 2:
            return found
        i = self._token_of(found[0].start)
        if i is None or self.tokens[i].end < found[0].end or not (
            word_in(self.tokens[i], words.ANAPHORIC_HEADS)
            or word_in(self.tokens[i], words.TITLE_CUES) or word_in(self.tokens[i], words.RANKS)
        ):
            return found
        j = self._token_of(found[1].start)
        if j is None or j - i > NAME_GAP_MAX + 1:
            return found
        between = self.tokens[i + 1 : j]
        if any(self._breaks_apposition(t) for t in between):
            return found
        return found[1:]

    @staticmethod
    def _breaks_apposition(token: Token) -> bool:
        """Punctuation other than a quotation mark, or a prepositional phrase."""
        if _is_punct(token):
            return not _MARK_RE.fullmatch(token.text)
        return word_in(token, words.PREPOSITIONS) or any(
            p.label == "prep" for p in token.prefixes
        )

    def _generic_subject(
        self, entity: Entity, discourse: Discourse
    ) -> tuple[ActorRef | None, str] | None:
        """A subject entity that is a definite generic description (المنظمة، المسؤول
        الفلسطيني، مديرة القسم في المنظمة) refers back to the speaker it repeats or, alone,
        to the previous speaker when that fits it; its own code is only the story's default."""
        i = self._token_of(entity.start)
        if i is None:
            return None
        head = self.tokens[i]
        if not (_has_article(head) and word_in(head, words.ANAPHORIC_HEADS)):
            return None
        earlier = self._antecedent(head, self._entity_words(entity), discourse)
        if earlier is not None:
            return earlier, "anaphora"
        if self._is_generic_head(entity) and self._fits(head, discourse.previous):
            return discourse.previous, "anaphora"
        return None

    def _subject_region(self, cue: Cue, hi: int) -> tuple[int, int]:
        """Token range holding the verb's subject: after the verb, before an attribution."""
        lo = cue.index + 1
        while lo < hi and cue_kind(self.tokens[lo]) is not None:
            lo += 1  # وتابع قائلا: the participle repeats the verb
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
        # the subject stops at an attribution (بحسب) or at the next speech verb (، مؤكدا)
        cut = next((i for i in range(lo, hi) if word_in(self.tokens[i], words.ATTRIBUTIONS)
                    or (i > lo and i in self.cue_at)), hi)
        if cut < hi and word_in(self.tokens[cut], words.RELAYING):
            return cut + 1, hi  # قالت الصحيفة نقلا عن مسؤول: the official is the speaker
        return lo, cut

    def _is_anonymous(self, lo: int, hi: int) -> bool:
        """مصادر، شهود، مسؤول طلب عدم الكشف عن هويته; but an unnamed spokesperson speaks for
        an institution (متحدث عسكري، لم يذكر اسمه)."""
        region = self.tokens[lo:hi]
        heads = [t for t in region[:3] if not _is_punct(t)][:2]
        if heads and word_in(heads[0], words.SPOKESPERSONS):
            return False
        return any(word_in(t, words.ANONYMOUS_HEADS) for t in heads) or any(
            word_in(t, words.ANONYMITY_MARKS) for t in region
        )

    def _has_no_subject(self, lo: int, hi: int) -> bool:
        words_in = [t for t in self.tokens[lo:hi] if not _is_punct(t)]
        if not words_in:
            return True
        first = words_in[0]
        return (word_in(first, words.NON_SUBJECT_STARTERS) or is_pronoun_pp(first)
                or any(p.label == "prep" for p in first.prefixes))

    def speaker(
        self, cue: Cue | None, hi: int, discourse: Discourse
    ) -> tuple[ActorRef | None, str]:
        """(speaker, rule) of a quotation introduced by `cue`; its subject ends before tokens[hi].

        `discourse` holds the speakers before, for subjects that refer back; an explicit
        subject is added to it.
        """
        if cue is None:
            return discourse.previous, "carry"
        lo, cut = self._subject_region(cue, max(hi, cue.index + 1))
        head = next((t for t in self.tokens[lo:cut] if not _is_punct(t)), None)
        found, rule = self._resolve(cue, lo, cut, head, discourse)
        if head is not None and rule in _EXPLICIT:
            said = frozenset().union(*self._phrase_words(lo, cut))
            discourse.subjects.append((head_keys(head), said, head.start, found))
        return found, rule

    def _resolve(
        self, cue: Cue, lo: int, cut: int, head: Token | None, discourse: Discourse
    ) -> tuple[ActorRef | None, str]:
        if cue.participle:  # مؤكدا موقف المنظمة: what follows a participle is its object
            return self._shared_subject(cue, discourse)
        if self._is_anonymous(lo, cut):
            return self._phrase(lo, cut), "anonymous"
        if lo < cut:
            found = self._entities_in(self.tokens[lo].start, self.tokens[cut - 1].end)
            found = self._named_first(found)
            generic = self._generic_subject(found[0], discourse) if found else None
            if generic is not None:
                return generic
            if found:
                return self._ref(found[0]), "subject"
        if cue.kind != "noun" and (cue.participle or self._has_no_subject(lo, cut)):
            return self._shared_subject(cue, discourse)
        if cue.kind == "noun" and lo >= cut:
            return discourse.previous, "carry"
        if head is not None and _has_article(head) and word_in(head, words.ANAPHORIC_HEADS):
            earlier = self._antecedent(head, [head_keys(head)], discourse) or (
                discourse.previous)
            return (earlier, "anaphora") if earlier is not None else (self._phrase(lo, cut),
                                                                       "unresolved")
        return self._phrase(lo, cut), "unresolved"

    def _shared_subject(self, cue: Cue, discourse: Discourse) -> tuple[ActorRef | None, str]:
        """The subject of a verb with none after it: before it, or its clause's, or carried."""
        if not cue.participle:
            preposed = self._preposed_subject(cue)
            if preposed is not None:
                return preposed, "preposed"
        elif discourse.previous_at >= 0 and (
            self.sentence_of(discourse.previous_at).start == self.sentence_of(cue.start).start
        ):  # قال لافروف إن ...، مضيفا أن: the participle shares the speech verb's subject
            return discourse.previous, "carry"
        main = self._clause_subject(cue)
        if main is not None:  # وصفت واشنطن الانتخابات بالمزيفة، مؤكدة أنها
            return main, "clause"
        topic = self._previous_sentence_subject(cue, discourse.previous_at)
        if topic is not None:
            return topic, "topic"  # ودعت المنظمة المجلس إلى ... . وقالت: "…"
        return discourse.previous, "carry"

    def _previous_sentence_subject(self, cue: Cue, quoted_at: int) -> ActorRef | None:
        """The subject of the sentence before, when it opens with verb and subject (ودعت
        هيومن رايتس ووتش، في السياق نفسه، وجه وزير الإعلام) and reports no quotation
        (from `quoted_at` on): a dropped subject refers to it."""
        sentence = self.sentence_of(cue.start)
        if sentence.start == 0:
            return None
        before = self.sentence_of(sentence.start - 1)
        if quoted_at >= before.start:
            return None
        lo = self.token_index(before.start)
        hi = self.token_index(before.end)
        opening = lo
        for i in range(lo, min(hi, lo + FRONTED_MAX)):  # a fronted adverbial ends at a comma
            if self.tokens[i].text in _COMMAS:
                opening = i + 1
                break
        if opening + 1 >= hi:
            return None
        subject_at = self.tokens[opening + 1].start  # right after the opening verb
        for entity in self.entities:
            if entity.start > subject_at:
                break
            if entity.start == subject_at and self._can_precede_as_subject(entity):
                return self._ref(entity)
        return None

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
