"""Triggers: which action words of a sentence report events (verbs, and verbal nouns that
head their phrase or follow a light verb), and the code each is given.
"""

from __future__ import annotations

import bisect

from hadath.code import event_words as words
from hadath.code.event_clauses import ClauseReading
from hadath.lexicon.actions import ActionMatch
from hadath.lexicon.cameo import CameoCode
from hadath.records import Entity
from hadath.text.fold import fold_str

__all__ = ["TriggerReading"]


class TriggerReading(ClauseReading):
    """Action words that report events here, and the code each event gets."""

    def triggers(self, lo: int, hi: int) -> list[ActionMatch]:
        """Non-overlapping trigger matches of a sentence, longest first at each token."""
        found, i = [], lo
        while i < hi:
            matches = self.actions.match(self.tokens, i)  # mostly none: asked first
            if matches and not (
                    i > 0 and fold_str(self.tokens[i - 1].text) in words.TOPIC_PREPOSITIONS):
                matches = [m for m in matches
                           if m.end <= hi and (self.is_verb(m) or self.noun_reports(m))]
            else:
                matches = []
            if matches and not self.inside_entity(i):
                found.append(matches[0])
                i = matches[0].end
            else:
                i += 1
        return found

    def is_verb(self, match: ActionMatch) -> bool:
        """A verb entry read as a verb: with the article or a preposition glued on, the word is
        its verbal noun or a purpose clause (التشاور، للتباحث، لدعم), not a finite verb."""
        if match.entry.pos == "noun":
            return False
        token = self.tokens[match.start]
        if self.after_noun_or_preposition(match.start, glued_only=match.entry.pos != "verb"):
            return False  # في قصف إسرائيلي، بإعادة فرض عقوبات: a verbal noun, not a verb
        if not any(p.label in ("art", "prep") for p in token.prefixes):
            return True
        # The segmenter may take a verb's first letters for clitics (التقي → ال + تقي):
        # the whole word, less a conjunction, is still a form of the verb.
        word = fold_str(token.text)
        word = word[1:] if word[:1] in words.CONJUNCTIONS and len(word) > 3 else word
        return any(e.pos != "noun" for e in self.actions.lookup(word))

    def after_noun_or_preposition(self, i: int, glued_only: bool = False) -> bool:
        """Is token i governed by the word before it: a preposition (في، على) or a noun
        with one glued on (بإعادة، لوقف)? Then a verb-looking word is its verbal noun. A
        phrase (في لقاء جمع …، عقب اتصال هاتفي بين …) is judged by the glued kind only."""
        if i == 0 or i == self.sentence_lo:
            return False
        previous = self.tokens[i - 1]
        if not previous.is_arabic:
            return False
        if not glued_only and fold_str(previous.text) in words.GOVERNING_PREPOSITIONS:
            return True
        return any(p.label == "prep" for p in previous.prefixes) and previous.suffix is None

    def noun_reports(self, match: ActionMatch) -> bool:
        """A verbal noun reports an event when its actor follows as a genitive (زيارة بوقادوم،
        اعتقال الشرطة) and it heads its phrase: not after a preposition or with one glued to
        it (للتشاور، في إطار التعاون), where it names a purpose or a topic."""
        token = self.tokens[match.start]
        if any(p.label == "prep" for p in token.prefixes):
            return False
        before = fold_str(self.tokens[match.start - 1].text) if match.start > 0 else ""
        if before in words.TOPIC_PREPOSITIONS:
            return False
        if self.after_light_verb(match.start):
            return True
        if match.entry.joint and self.between_follows(match.end):
            return True  # اتصال هاتفي بين الملك السعودي والرئيس التركي، معارك عنيفة بين …
        if self.possessed_with_partner(match):
            return True  # خلال لقائه مع نظيره الروسي، زيارته إلى موسكو
        # An actor begins in the very next word (it may run on: لقاء وزير خارجيتها).
        i = bisect.bisect_left(self.entity_starts, self.tokens[match.end - 1].end)
        return i < len(self.entities) and self.entities[i].start < self.char(match.end + 1)

    def possessed_with_partner(self, match: ActionMatch) -> bool:
        """A verbal noun with a pronoun (لقائه، زيارتها) whose partner follows after one of
        its prepositions (مع نظيره، إلى موسكو، لموسكو): the pronoun is its actor."""
        token = self.tokens[match.end - 1]
        if token.suffix is None or match.end >= len(self.tokens):
            return False
        preps = {fold_str(p) for p in match.entry.target_preps} | (
            {words.MAA} if match.entry.joint else set())
        following = self.tokens[match.end]
        glued = [fold_str(p.text) for p in following.prefixes if p.label == "prep"]
        if glued and glued[-1] in preps:
            return bool(self.entities_between(following.start, following.end))
        if fold_str(following.text) not in preps or match.end + 1 >= len(self.tokens):
            return False
        partner = self.tokens[match.end + 1]
        i = bisect.bisect_left(self.entity_starts, partner.start)
        return i < len(self.entities) and self.entities[i].start < partner.end

    def between_follows(self, i: int) -> bool:
        """Does بين come within two words from token i (an adjective may come first)?"""
        seen = 0
        for token in self.tokens[i:i + 6]:
            if not token.is_arabic:
                if token.text in words.SOFT_PUNCT:
                    continue
                return False
            if fold_str(token.text) in words.BETWEEN:
                return True
            seen += 1
            if seen >= 2:
                return False
        return False

    def after_light_verb(self, i: int) -> bool:
        """بدأ بوقادوم زيارة، أجرى الوزير محادثات، أعلنت أستراليا، الاثنين، وقف مساعداتها: the
        noun carries the event of a verb that says little by itself."""
        return self.light_verb_index(i) is not None

    def light_verb_index(self, i: int) -> int | None:
        """The light or intent verb a few words before token i, its subject in between."""
        seen = 0
        for j in range(i - 1, -1, -1):
            token = self.tokens[j]
            if not token.is_arabic and token.text not in words.ASIDE_PUNCT:
                return None
            seen += token.is_arabic
            if seen > words.LIGHT_VERB_WINDOW:
                return None
            if token.is_arabic and fold_str(token.text) in words.COMPLEMENTIZERS:
                return None  # أعلن … أن السلطات ألقت: a clause of its own begins
            if token.is_arabic and fold_str(token.stem_text) in words.LIGHT_VERBS:
                return j
            if j < i - 1 and token.is_arabic and self.actions.candidates(token):
                return None  # شن هجمات تحت ستار الاحتجاجات: the verb carries هجمات only
        return None

    def choose_code(self, match: ActionMatch, source: Entity, refusal: bool
                    ) -> tuple[CameoCode, str]:
        """The event's code and, when it is not the entry's, why."""
        if refusal:
            return words.REJECT, f"refused after لن: coded {words.REJECT.code}"
        if self.instrument_code is not None:
            return self.instrument_code, f"coded as the attack: {self.instrument_code.code}"
        if self.declines_to_speak(match):
            return words.NO_COMMENT, f"declined to speak: {words.NO_COMMENT.code}"
        code = self.sense(match, source)
        return code, "" if code is match.entry.code else f"read for its source: {code.code}"

    def declines_to_speak(self, match: ActionMatch) -> bool:
        """رفض (the ambassador …) التعليق: a speech noun a few words after رفض."""
        if fold_str(match.entry.pattern.split()[0]) not in words.DECLINE_VERBS:
            return False
        following = self.tokens[match.end:match.end + words.DECLINE_WINDOW]
        return any(fold_str(t.text) in words.SPEECH_NOUNS for t in following if t.is_arabic)

    def is_state(self, match: ActionMatch) -> bool:
        """A present-tense state verb (تسيطر الفصائل على إدلب) describes, it does not report."""
        if match.entry.pos != "verb":
            return False
        verb = fold_str(self.tokens[match.start].stem.text)
        return (fold_str(match.entry.pattern) in words.STATE_VERBS
                and verb[:1] in words.PRESENT_PREFIXES)

    @staticmethod
    def sense(match: ActionMatch, source: Entity) -> CameoCode:
        """The entry's code, or the reading its source calls for: هاجم when no armed actor
        attacks (هاجمت وزارة الخارجية الإسرائيلية نادي ريال مدريد) is a criticism (111), احتج
        said by a state or its government an official complaint (114)."""
        code, verb = match.entry.code, fold_str(match.entry.pattern.split()[0])
        if verb in words.OFFICIAL_PROTEST_VERBS and match.entry.pos == "verb" and (
                len(source.code) == 3 or source.code[3:6] == "GOV"):
            return words.COMPLAIN  # احتجت الولايات المتحدة على …: a state complains officially
        if verb not in words.VERBAL_ATTACK_VERBS:
            return code
        armed = len(source.code) == 3 or source.code[3:6] in words.ARMED_ROLES or (
            source.code.startswith("IMG"))
        return code if armed and source.type != "PER" else words.CRITICIZE
