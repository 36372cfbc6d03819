"""The source of an event, and the pairing of source and target: verb-subject and
subject-verb orders, passives with an agent, victims of killing verbs, the subject carried
from the previous sentence, relative clauses, verbal nouns with their owner.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from hadath.code import event_words as words
from hadath.code.event_clauses import Clause
from hadath.code.event_targets import TargetReading
from hadath.lexicon.actions import ActionMatch
from hadath.records import Entity
from hadath.text.fold import fold_str

__all__ = ["ArgumentReading"]


class ArgumentReading(TargetReading):
    """Who acts, on whom: the arguments of a trigger in its clause."""

    def arguments(self, match: ActionMatch, clause: Clause
                  ) -> tuple[Entity | None, Entity | None]:
        entry = match.entry
        # A phrase may end on its target's head (استدعى * سفير: السفير الفرنسي), so what
        # follows starts at its last word.
        last = match.end - 1
        after_from = self.tokens[last].start if match.gaps else self.tokens[last].end
        after = self.entities_between(after_from, self.char(clause.hi))
        before = self.entities_between(self.char(clause.lo), self.tokens[match.start].start)
        # A subject after its verb comes close and bare: not after a preposition
        # (أطلقت … على جنوب إسرائيل: Israel is where, not who).
        # The word right after the trigger is its own genitive or adjective (في قصف إسرائيلي:
        # Israel bombs), whatever preposition governs the trigger.
        near = [e for e in after if self.word_gap(match.end, e.start) <= words.SOURCE_WINDOW
                and e.type != "LOC" and (self.word_gap(match.end, e.start) == 0
                                         or not self.in_prepositional_phrase(e))]
        before = [e for e in before if e.type != "LOC"]
        # An actor in the phrase's gap may be its subject, not one after a preposition
        # (قدمت لليمن مساعدات: Yemen receives).
        inside = [e for e in self.entities_between(self.tokens[match.start].end,
                                                   self.tokens[last].start)
                  if e.type != "LOC" and not self.in_prepositional_phrase(e)] if match.gaps else []
        adjacent = bool(before) and self.only_particles_between(before[-1], match.start)
        agent = self.passive_agent(after)
        if self.marked_passive(match):
            # طُلِب من …، اعتُقل …: the vowels say passive, so only على يد / من قبل names who.
            if agent is None:
                return None, None
            self.agent_found = True
            others = [e for e in after if e is not agent and e.type != "LOC"]
            return agent, others[0] if others else None
        if entry.pos == "participle":
            # وقال الوزير …، داعيا الأطراف إلى …: the participle's subject is its sentence's.
            subject = self.sentence_subject(match)
            if subject is None:
                return None, None
            source, rest = subject, after
        elif (antecedent := self.antecedent(match)) is not None:
            source, rest = antecedent, after
        elif not self.is_verb(match) and self.possessed_with_partner(match) and (
                owner := (before[-1] if before else None) or self.sentence_subject(match)
                or self.last_actor) is not None:
            source, rest = owner, after  # وأكد الوزير خلال لقائه مع نظيره: the minister's
        elif self.is_victim_verb(match):
            return self.victim_verb_arguments(match, before, after, near, agent)
        elif inside and not (adjacent and self.is_verb(match)):
            # أطلق مسلحون فلسطينيون عشرات الصواريخ: the subject sits in the phrase's gap
            source, rest = inside[0], [*inside[1:], *after]
        elif agent is not None:
            source = agent
            rest = [e for e in after if e is not agent]
            self.agent_found = True
        elif self.patient_first(match) and before:
            # قتل 53 عنصرا، مقتل ضابط، اعتقال الصحفي: who follows is the victim.
            source, rest = before[-1], after
        elif self.patient_first(match):
            # مقتل مدنيين في قصف إسرائيلي: the attack's author killed the victim.
            return self.instrument_agent(match, [e for e in after if e.type != "LOC"])
        elif (light := self.light_verb_index(match.start)) is not None and (
                subjects := [e for e in self.entities_between(self.tokens[light].end,
                                                              self.tokens[match.start].start)
                             if e.type != "LOC"]):
            source, rest = subjects[0], after  # أعلنت أستراليا، الاثنين، وقف مساعداتها
            # The verbal noun's genitive is then its object: يعتزم الرئيس زيارة لبنان.
            if after and self.token_gap(match.end, after[0].start) <= 0 and (
                    after[0].code[:3] != source.code[:3]):
                return source, after[0]
        elif adjacent and not entry.joint and self.is_verb(match):
            # Subject right before its verb (أن الشرطة الإيرانية اعتقلت صحفيا): what follows
            # is the object; so too the subject of يعتزم before زيارة لبنان.
            source, rest = before[-1], after
        elif entry.pos == "noun" and before and self.after_light_verb(match.start):
            source, rest = before[-1], after
        elif self.pronoun_subject(match) and (
                subject := self.speaker_of(match)) is not None:
            source, rest = subject, after  # أكدت روسيا أنها ستدعم …: ها is Russia, the speaker
        elif near and self.disagrees(match, near[0]):
            # كما طالب منظمات حقوق الإنسان …: a masculine verb before a feminine noun has
            # another subject, the one carried over (or none we know); the noun is its object.
            carried = self.carried_subject(match)
            if carried is None and match.start - self.sentence_lo <= 1:
                carried = self.last_subject
            if carried is None:
                return None, None
            source, rest = carried, after
        elif near and not self.after_preposition(near[0], entry.target_preps):
            source, rest = near[0], after[after.index(near[0]) + 1:]
        elif entry.joint and len(before) >= 2 and before[-1].code != before[-2].code:
            return before[-2], before[-1]  # موسكو وأنقرة اتفقتا
        elif before:
            source, rest = before[-1], after
        elif self.is_verb(match) and (carried := self.carried_subject(match)) is not None:
            # كما دعا المفوضية إلى …: the subject left out is the previous sentence's actor.
            source, rest = carried, after
        else:
            return None, None
        if match.gaps:  # قدمت لليمن مساعدات: an actor in the gap may be the target
            gap = self.entities_between(self.tokens[match.start].end, self.tokens[last].start)
            rest = [*(e for e in gap if e is not source and e not in rest), *rest]
        return source, self.target(source, rest, entry.target_preps, entry.joint, entry.root)

    def marked_passive(self, match: ActionMatch) -> bool:
        """A past verb written with its passive vowels: a damma on its first or second
        letter (طُلِب، اعتُقِل). Present forms are left alone: يُقاتل is active."""
        if not self.is_verb(match):
            return False
        token = self.tokens[match.start]
        stem = token.stem.text
        letters = [i for i, ch in enumerate(stem) if ch not in words.MARKS]
        if not letters or stem[letters[0]] in words.PRESENT_LETTERS:
            return False
        return any(stem[i + 1:i + 2] == words.DAMMA for i in letters[:2])

    def pronoun_subject(self, match: ActionMatch) -> bool:
        """Does the trigger's clause open with أنه، أنها، إنهم … and no actor before it?"""
        for token in reversed(self.tokens[max(self.sentence_lo, match.start - 2):match.start]):
            if token.is_arabic and fold_str(token.text) in words.PRONOUN_COMPLEMENTIZERS:
                return True
        return False

    def speaker_of(self, match: ActionMatch) -> Entity | None:
        """The coded speaker of the reported speech the trigger stands in."""
        at = self.tokens[match.start].start
        for quote in self.quotes:
            speaker = quote.speaker
            if quote.start <= at < quote.end and speaker is not None and speaker.code:
                return Entity(speaker.text, speaker.start, speaker.end, "PER", speaker.code,
                              speaker.name)
        return None

    def disagrees(self, match: ActionMatch, entity: Entity) -> bool:
        """A past verb in the masculine (طالب، أعلن) cannot have this feminine institution,
        plural or state (منظمات، الحكومة، لندن) as its subject: it would be طالبت، أعلنت."""
        if not self.is_verb(match) or entity.type == "PER":
            return False
        verb = fold_str(self.tokens[match.start].stem.text)
        if verb[:1] in words.PRESENT_PREFIXES:
            return False
        head = fold_str(self.tokens[self.token_at(entity.start)].stem.text)
        if verb == fold_str(match.entry.pattern.split()[0]) + words.FEMININE_PAST:
            # استنكرت إقدام الحوثيين: a feminine verb never has a masculine plural subject.
            return head.endswith(words.MASCULINE_PLURAL_ENDINGS)
        if verb[-1:] in words.VERB_ENDINGS:
            return False
        if entity.type == "GPE" and entity.code[:3] not in words.MASCULINE_STATES:
            return True  # اتهم لندن: a state or its capital would take اتهمت
        return head.endswith(words.FEMININE_ENDINGS)

    def only_particles_between(self, entity: Entity, i: int) -> bool:
        """Nothing but particles (قد، لقد) between an actor and token i: subject-verb order."""
        first = self.token_at(entity.end - 1) + 1
        return all(fold_str(t.text) in words.PARTICLES for t in self.tokens[first:i])

    def patient_first(self, match: ActionMatch) -> bool:
        """Is the noun after this trigger the one acted upon? Verbal nouns of violence and
        arrest (مقتل ضابط، اعتقال الصحفي), and قتل/أصيب, which news uses in the passive."""
        word = fold_str(match.entry.pattern.split()[0])
        if word not in words.PATIENT_FIRST:
            return False
        return match.entry.pos != "verb" or word in words.PASSIVE_VERBS

    def is_victim_verb(self, match: ActionMatch) -> bool:
        """قتل، أصيب read as verbs: news mostly writes them in the passive (قُتل)."""
        return (self.is_verb(match) and match.entry.pos != "noun"
                and fold_str(match.entry.pattern.split()[0]) in words.PASSIVE_VERBS)

    def victim_verb_arguments(self, match: ActionMatch, before: Sequence[Entity],
                              after: Sequence[Entity], near: Sequence[Entity],
                              agent: Entity | None) -> tuple[Entity | None, Entity | None]:
        """Active when an actor follows the verb at once and its object after it (قتل الجيش
        العراقي 20 مسلحا); else passive: the actor before (الصحفي قتل) or after (قتل 53
        عنصرا من الحوثيين) is the victim, and the killer comes from على يد X or from the
        attack that caused the death (في غارة إسرائيلية), or the event is not coded."""
        if near and self.word_gap(match.end, near[0].start) == 0 and self.object_follows(near[0]):
            objects = [e for e in after[after.index(near[0]) + 1:] if e.type != "LOC"]
            return near[0], objects[0] if objects else None
        victims = [*before[-1:], *(e for e in after if e is not agent and e.type != "LOC")]
        if agent is not None:
            self.agent_found = True
            victim = next((e for e in victims if e.code[:3] != agent.code[:3]), None)
            return agent, victim
        return self.instrument_agent(match, victims)

    def object_follows(self, entity: Entity) -> bool:
        """Does a number or another actor come right after `entity` (its verb's object)?"""
        k = self.token_at(entity.end - 1) + 1
        # One adjective may come between (قتل مسلحون مجهولون ثلاثة جنود).
        for j in range(k, min(k + 2, len(self.tokens))):
            if self.tokens[j].text[:1].isdigit() or fold_str(self.tokens[j].text) in words.NUMBERS:
                return True
        if k >= len(self.tokens):
            return False
        following = bisect.bisect_left(self.entity_starts, self.tokens[k].start)
        if following >= len(self.entities):
            return False
        obj = self.entities[following]
        # An object is bare: not على يد X (the agent) nor في X.
        return (self.word_gap(k, obj.start) <= 2 and obj.type != "LOC"
                and not self.in_prepositional_phrase(obj) and self.passive_agent([obj]) is None)

    def instrument_agent(self, match: ActionMatch, victims: Sequence[Entity]
                         ) -> tuple[Entity | None, Entity | None]:
        """For a victim verb (قتل، أصيب) with no subject: an attack noun after في، جراء، إثر or
        بـ (في غارات شنتها مقاتلات التحالف، في قصف إسرائيلي) names who struck; the victim is
        the actor before it."""
        limit = self.char(self.token_range_hi)
        for k in range(match.end, self.token_at(limit - 1) + 1):
            if not self.after_instrument_preposition(k) or not any(
                    m.entry.root in words.FORCE_NOUN_ROOTS for m in self.actions.match(
                        self.tokens, k)[:1]):
                continue
            struck_by = [e for e in self.entities_between(self.tokens[k].end, limit)
                         if e.type != "LOC" and self.word_gap(k + 1, e.start) <= 3]
            victims = [e for e in victims if e.end <= self.tokens[k].start]
            if struck_by and victims and struck_by[0].code[:3] != victims[0].code[:3]:
                # Killed in an air strike is coded as the strike (195), as annotators do.
                self.instrument_code = self.actions.match(self.tokens, k)[0].entry.code
                return struck_by[0], victims[0]
            return None, None
        return None, None

    def after_instrument_preposition(self, k: int) -> bool:
        token = self.tokens[k]
        if any(p.label == "prep" and fold_str(p.text) == words.BI for p in token.prefixes):
            return True
        return k > 0 and fold_str(self.tokens[k - 1].text) in words.INSTRUMENT_PREPOSITIONS

    def carried_subject(self, match: ActionMatch) -> Entity | None:
        """A verb without a subject at the start of its sentence continues the last actor of
        the previous sentence: its last event's source or its last quote's speaker."""
        if match.start - self.sentence_lo > 1 and not self.opening_adverbial(match.start):
            return None
        return self.last_actor

    def opening_adverbial(self, i: int) -> bool:
        """Is all that precedes token i in its sentence a short phrase set off by a comma, with
        no actor in it (وفي تغريدة، الاثنين، انتقد …؛ من جهته، دعا …)?"""
        opening = self.tokens[self.sentence_lo:i]
        words_before = [t for t in opening if t.is_arabic]
        if not opening or opening[-1].text not in words.COMMAS:
            return False
        if len(words_before) > words.ADVERBIAL_WORDS:
            return False
        return not self.entities_between(self.char(self.sentence_lo), self.tokens[i].start)

    def sentence_subject(self, match: ActionMatch) -> Entity | None:
        """The source of the sentence's previous event, else its first actor before `match`."""
        if self.sentence_sources:
            return self.sentence_sources[-1]
        before = self.entities_between(self.char(self.sentence_lo), self.tokens[match.start].start)
        return next((e for e in before if e.type != "LOC"), None)

    def antecedent(self, match: ActionMatch) -> Entity | None:
        """The actor a relative pronoun before `match` refers to (ساترفيلد الذي اجتمع …)."""
        j = match.start - 1
        if j < 1 or fold_str(self.tokens[j].text) not in words.RELATIVES:
            return None
        before = self.entities_between(self.char(max(0, j - words.ASIDE_WORDS)),
                                       self.tokens[j].start)
        if before and self.token_at(before[-1].end - 1) == j - 1 and before[-1].type != "LOC":
            return before[-1]
        return None
