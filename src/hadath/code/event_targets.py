"""The target of an event: the actor after the entry's prepositions, the direct object, the
other party of a joint action; places as a last resort; protesters and whom they face.
"""

from __future__ import annotations

from collections.abc import Sequence

from hadath.code import event_words as words
from hadath.code.event_clauses import Clause, ClauseReading
from hadath.lexicon.actions import ActionMatch
from hadath.records import Entity
from hadath.text.fold import fold_str
from hadath.text.spans import Span

__all__ = ["TargetReading"]


class TargetReading(ClauseReading):
    """Whom an action is done to, and the prepositions that say so."""

    def target(self, source: Entity, rest: Sequence[Entity], preps: Sequence[str],
               joint: bool, root: str = "") -> Entity | None:
        others = [e for e in rest if e.code != source.code and not self.in_apposition(source, e)]
        if self.after_between(source):  # بين X و Y: the two parties
            partner = next((e for e in others if self.is_coordinated(e)), None)
            if partner is not None:
                return partner
        if not joint and others and self.co_subject(source, others[0]):
            others = others[1:]  # تتهمها الولايات المتحدة وإسرائيل: both accuse
        if preps:
            # A party outranks a place (يلتقي بومبيو نظيره التركي … بسنغافورة), and a place
            # after من or بـ is where, not whom.
            parties = [e for e in others if not self.place_like(e)]
            for entity in parties or others:
                if self.after_preposition(entity, preps) and not (
                        entity.type == "LOC" and self.governing_preposition(entity)
                        in words.PLACE_PREPOSITIONS):
                    return entity
        if joint:
            # يلتقي ترامب الجمعة في واشنطن نظيره: Washington is where they meet.
            partners = [e for e in others if not self.place_like(e)]
            for entity in partners:
                if self.is_coordinated(entity) or self.after_preposition(entity, ("مع",)):
                    return entity
            if partners:  # وقع طرفا النزاع الرئيس سالفا كير وخصمه رياك مشار
                return partners[0]
        actors = [e for e in others if e.type != "LOC"]
        # Another country outranks the source's own state apparatus (حشدت تركيا قوات على
        # الحدود مع سوريا: the forces are Turkey's, Syria is the one faced); the source's own
        # rebels or civilians stay targets (استنكرت الحكومة اليمنية إقدام الحوثيين …).
        foreign = [e for e in actors if e.code[:3] != source.code[:3]]
        if foreign and actors[0] not in foreign and actors[0].code[3:6] in words.STATE_ROLES:
            actors = foreign
        if actors:
            candidate = actors[0]
            if self.preposition_before(candidate) not in words.folded("في", "ب", "من", "عن", "ل"):
                return candidate
        places = [e for e in others if e.type == "LOC"]
        if places:
            return places[0]
        # Force lands somewhere: غارات … في اليمن strikes Yemen when no one else is named.
        if root in words.FORCE_ROOTS:
            on = words.folded("في", "على")
            return next((e for e in others if self.preposition_before(e) in on),
                        None)
        return None

    def in_apposition(self, source: Entity, entity: Entity) -> bool:
        """Is `entity` a person's name between commas right after a subject that is a role or
        a body (اتهم محافظ الحديدة، علي الكبسي، الحوثيين)? It names the subject, so it is
        not the one acted on. A comma aside before the name (التقى الرئيس، الخميس، علي …)
        makes it the object again, and so does a country or place as subject (قتلت غارة في
        الحديدة غربي اليمن، محمد …: the place is no subject a name could stand beside)."""
        if (entity.type != "PER" or source.type in ("PER", "GPE", "LOC")
                or entity.start < source.end):
            return False
        first, last = self.token_at(entity.start), self.token_at(entity.end - 1)
        between = self.tokens[self.token_at(source.end - 1) + 1:first]
        commas = [t for t in between if t.text in words.COMMAS]
        return (len(commas) == 1 and between[-1] is commas[0]
                and last + 1 < len(self.tokens) and self.tokens[last + 1].text in words.COMMAS)

    def place_like(self, entity: Entity) -> bool:
        """A place, or a country after في or بـ (بسنغافورة): where rather than whom."""
        return entity.type == "LOC" or (
            entity.type == "GPE"
            and self.governing_preposition(entity) in words.PLACE_PREPOSITIONS)

    def co_subject(self, source: Entity, entity: Entity) -> bool:
        """Is `entity` joined to the source by و, nothing else between (روسيا وتركيا)?"""
        first = self.token_at(entity.start)
        between = [t for t in self.tokens[self.token_at(source.end - 1) + 1:first] if t.is_arabic]
        if between:
            return [fold_str(t.text) for t in between] == [words.WA]
        return any(p.label == "conj" for p in self.tokens[first].prefixes)

    def is_coordinated(self, entity: Entity) -> bool:
        j = self.token_at(entity.start)
        if self.tokens[j].start < entity.start:
            return any(p.label == "conj" for p in self.tokens[j].prefixes)
        if j > 0 and fold_str(self.tokens[j - 1].text) in words.folded("و", "مع"):
            return True
        # The و may open the title before the name: والرئيس التركي رجب طيب أردوغان.
        for token in reversed(self.tokens[max(0, j - 3):j + 1]):
            if not token.is_arabic:
                return False
            if any(p.label == "conj" for p in token.prefixes):
                return True
        return False

    def after_preposition(self, entity: Entity, preps: Sequence[str]) -> bool:
        prep = self.governing_preposition(entity)
        return prep is not None and prep in {fold_str(p) for p in preps}

    def preposition_before(self, entity: Entity) -> str | None:
        """The preposition right before an entity: a clitic (بـ، لـ) or a word (مع، على)."""
        j = self.token_at(entity.start)
        token = self.tokens[j]
        if token.start < entity.start:  # a clitic before the name in its token: بموسكو
            clitics = [p.text for p in token.prefixes
                       if p.label == "prep" and p.start < entity.start]
            if clitics:
                return fold_str(clitics[-1])
        if j > 0 and self.tokens[j - 1].is_arabic:
            return fold_str(self.tokens[j - 1].text)
        return None

    def governing_preposition(self, entity: Entity) -> str | None:
        """The preposition before an actor, or before the one bare noun it qualifies
        (اعتقلت الشرطة على رجل بلغاري: بلغاري is reached through على)."""
        prep = self.preposition_before(entity)
        if prep in words.PREPOSITIONS_ALL:
            return prep
        j = self.token_at(entity.start)
        if j >= 2 and self.tokens[j].start == entity.start:
            head = self.tokens[j - 1]
            if head.is_arabic and not head.suffix and not self.inside_entity(j - 1):
                clitic = [p.text for p in head.prefixes if p.label == "prep"]
                if clitic:
                    return fold_str(clitic[-1])
                word = fold_str(self.tokens[j - 2].text)
                bare = all(p.label == "art" for p in head.prefixes)  # على الجهادية الفرنسية
                if word in words.PREPOSITIONS_ALL and bare:
                    return word
        return prep

    def in_prepositional_phrase(self, entity: Entity) -> bool:
        """After a preposition, directly or through one noun (على رجل بلغاري)."""
        return self.governing_preposition(entity) in words.PREPOSITIONS_ALL

    def after_between(self, entity: Entity) -> bool:
        """بين a few words before the actor (بين الملك السعودي سلمان …)."""
        j = self.token_at(entity.start)
        return any(fold_str(t.text) in words.BETWEEN for t in self.tokens[max(0, j - 3):j])

    def protest_sides(self, match: ActionMatch, clause: Clause, sentence: Span,
                      source: Entity | None, target: Entity | None
                      ) -> tuple[Entity | None, Entity | None]:
        """Protesters are civilians: an unnamed crowd (تظاهر المئات أمام السفارة الأمريكية في
        بيروت) is coded as the civilians of the place, and an authority found as the source of
        a protest noun (فرقت الشرطة مظاهرة) is the one protested against, not the protester."""
        authority = source is not None and source.code[3:6] in words.AUTHORITY_ROLES
        if source is not None and not (authority and not self.is_verb(match)):
            return source, target
        lo, hi = self.char(clause.lo), self.char(clause.hi)
        place = next((p for p in self.places if p.country and p.start is not None
                      and lo <= p.start < hi), None)
        if place is None or place.start is None:
            return (None, None) if authority else (source, target)
        crowd = Entity(place.text or place.name, place.start, place.end or place.start, "GPE",
                       f"{place.country}CVL", f"civilians of {place.name}")
        if authority:
            return crowd, source
        addressed = [e for e in self.entities_between(self.char(clause.lo), self.char(clause.hi))
                     if e.type != "LOC" and e.code[:3] != place.country]
        return crowd, target or (addressed[0] if addressed else None)

    def passive_agent(self, after: Sequence[Entity]) -> Entity | None:
        """من قبل X، على يد X: the actor after these words acts."""
        for entity in after:
            j = self.token_at(entity.start) - 1
            if j >= 0 and fold_str(self.tokens[j].text) in words.AGENT_WORDS:
                return entity
        return None
