"""Event coding: an action word, its source and target actors, mode, date and place.

Per sentence, the action lexicon finds triggers (verbs in any conjugation,
verbal nouns, phrases). Each trigger's clause is the stretch of the sentence
between the nearest boundaries (punctuation, إن / أن, relative pronouns, the
next trigger), and its arguments come from the coded entities of that clause:
- the source is the first actor after the trigger (verb-subject order, the
  usual one: قصف الجيش التركي …), else the last one before it in the clause
  (subject-verb order: روسيا اتفقت …);
- the target is the actor after one of the entry's prepositions (التقى مع،
  اعتدى على) or, for a direct object, the next actor after the source; for a
  joint action (التقى، اتفق، اشتبك) a coordinated actor (روسيا والجزائر) is the
  other party;
- an event needs a target, except a protest or an assault (roots 14 and 18);
- negation (لم، لن، لا، ليس، عدم، نفى) drops the event: a denied action did not happen;
- future and intent (سـ، سوف، يعتزم، من المقرر) and conditions (إذا، لو) set
  the mode and lower the confidence; triggers inside direct quotations are the
  speaker's words, not reported events, and are left out.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from hadath.code import event_words as words
from hadath.code.dates import sentence_date
from hadath.lexicon.actions import ActionLexicon, ActionMatch, load_actions
from hadath.lexicon.cameo import CameoCode
from hadath.lexicon.roles import load_roles
from hadath.records import ActorRef, DateRef, Entity, Event, Place, Quote
from hadath.text.fold import fold_str
from hadath.text.spans import Span, Token

__all__ = ["EventCoder", "code_events"]

_BRACKETED = re.compile(r"\([^()\n]{1,80}\)")


@dataclass(frozen=True, slots=True)
class _Clause:
    lo: int  # token index where the trigger's clause starts
    hi: int  # token index one past its end


class EventCoder:
    """Finds and codes the events of one document."""

    def __init__(self, text: str, tokens: Sequence[Token], sentences: Sequence[Span],
                 entities: Sequence[Entity], quotes: Sequence[Quote], dates: Sequence[DateRef],
                 places: Sequence[Place], published: str | None,
                 actions: ActionLexicon) -> None:
        self.text, self.tokens, self.sentences = text, tokens, sentences
        self.token_starts = [t.start for t in tokens]
        self.actions = actions
        # Places are targets too (قصف الجيش … مواقع في غزة): coded by their country.
        located = [Entity(p.text or p.name, p.start, p.end or p.start, "LOC", p.country, p.name)
                   for p in places if p.start is not None and p.country]
        roles = _roles_by_place(entities, places, sentences)
        coded = _named_over_titles([e for e in [*entities, *roles] if e.code and e.type != "LOC"
                                    and not self.is_sports_side(e)], text)
        self.entities = sorted([*coded, *located], key=lambda e: e.start)
        self.entity_starts = [e.start for e in self.entities]
        self.quoted = [(q.start, q.end) for q in quotes if q.kind == "direct"]
        self.quotes = quotes
        self.last_actor: Entity | None = None
        self.dates, self.places, self.published = dates, places, published
        # Which characters lie in an actor or a date: a comma-enclosed run of them is an aside.
        self.covered = bytearray(len(text) + 1)
        for span in [*entities, *dates]:
            self.covered[span.start:span.end] = b"\x01" * (span.end - span.start)
        # Characters inside brackets: a gloss (وسط اليمن، #حماس) names no party to the event.
        self.bracketed = bytearray(len(text) + 1)
        for gloss in _BRACKETED.finditer(text):
            self.bracketed[gloss.start():gloss.end()] = b"\x01" * (gloss.end() - gloss.start())
        self.sentence_lo, self.sentence_sources = 0, []
        self.token_range_hi = len(tokens)
        self.agent_found = False
        self.instrument_code: CameoCode | None = None  # the attack that a killing came from
        # Why each trigger gave no event (trigger start char → reason), for `hadath explain`.
        self.dropped: dict[int, str] = {}

    def is_sports_side(self, entity: Entity) -> bool:
        """A nisba after a team word (المنتخب التونسي، نادي الأهلي المصري) names a side in a
        match, not a state."""
        j = self.token_at(entity.start)
        heads = [fold_str(t.stem.text) for t in self.tokens[max(0, j - 2):j] if t.is_arabic]
        return any(h in words.TEAM_WORDS for h in heads)

    # -- structure -------------------------------------------------------------------------
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

    def clause(self, match: ActionMatch, lo: int, hi: int, triggers: Sequence[int]) -> _Clause:
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
        return _Clause(start, end)

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

    def clause_text(self, clause: _Clause) -> str:
        return self.text[self.char(clause.lo):self.tokens[clause.hi - 1].end]

    def in_quote(self, at: int) -> bool:
        return any(s <= at < e for s, e in self.quoted)

    # -- modifiers -------------------------------------------------------------------------
    def words_before(self, i: int, lo: int) -> list[str]:
        return [fold_str(t.text) for t in self.tokens[max(lo, i - words.MODIFIER_WINDOW):i]
                if t.is_arabic]

    def is_negated(self, match: ActionMatch, lo: int, clause_lo: int) -> bool:
        # A particle negates its own clause only: ولكن العملية لم تكن بلا خسائر إذ قتل …
        if _any_in(self.words_before(match.start, clause_lo), words.NEGATIONS):
            return True
        # A denial governs its whole clause: ونفت السعودية التعرض له أو قتله.
        return any(fold_str(t.stem.text) in words.DENIALS for t in self.tokens[lo:match.start])

    def protest_sides(self, match: ActionMatch, clause: _Clause, sentence: Span,
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
        return match.entry.root in words.COOPERATIVE_ROOTS and _any_in(before, words.REFUSALS)

    def is_background(self, match: ActionMatch, clause: _Clause) -> bool:
        """A trigger right after a relative pronoun describes (التحالف الذي تتزعمه السعودية),
        unless its clause dates it to the news (ساترفيلد الذي اجتمع اليوم مع الحريري); after
        كان it tells what had happened before (العمليات التي شنت … وكانت استهدفت …)."""
        previous = [fold_str(t.text) for t in self.tokens[max(0, match.start - 2):match.start]]
        opening = next((t for t in self.tokens[self.sentence_lo:match.start] if t.is_arabic), None)
        # وكانت القوات التركية قد قصفت …: a sentence that opens with كان tells the past.
        if _any_in(previous, words.PLUPERFECT) or (
                opening is not None and _any_in([fold_str(opening.text)], words.PLUPERFECT)):
            return True
        if self.dated_long_before(match):
            return True
        return bool(previous) and previous[-1] in words.RELATIVES and not self.dated_now(clause)

    def dated_long_before(self, match: ActionMatch) -> bool:
        """Does a date long before publication open the sentence before the trigger (وفي 26
        يوليو 2013، اغتال مسلحون …)? Then it is history, not news."""
        if not self.published or len(self.published) < 10:
            return False
        lo, at = self.char(self.sentence_lo), self.tokens[match.start].start
        return any(lo <= d.start < at and d.value and d.value[:10] < self.published[:10]
                   and _days_apart(d.value, self.published) > words.HISTORY_DAYS
                   for d in self.dates)

    def dated_now(self, clause: _Clause) -> bool:
        """Does a date within a few days of publication stand in the clause (اليوم، أمس)?"""
        if not self.published or len(self.published) < 10:
            return False
        lo, hi = self.char(clause.lo), self.char(clause.hi)
        news_day = self.published[:10]
        return any(lo <= d.start < hi and d.precision == "day" and d.value
                   and _days_apart(d.value, news_day) <= words.NEWS_DAYS for d in self.dates)

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

    def mode(self, match: ActionMatch, lo: int) -> str | None:
        trigger = self.tokens[match.start]
        if any(p.label == "fut" for p in trigger.prefixes):
            return "future"
        before = self.words_before(match.start, lo)
        if _any_in(before, words.FUTURE):
            return "future"
        if _any_in([w for w in before if w not in words.PARTICLES], words.CONDITION):
            return "hypothetical"
        # قد before a present verb is "may" (قد تفرض), before a past one "has" (قد فرضت).
        if any(w in words.PARTICLES for w in before) and fold_str(trigger.stem.text)[:1] in "يتن":
            return "hypothetical"
        return None

    # -- arguments -------------------------------------------------------------------------
    def entities_between(self, start: int, end: int) -> list[Entity]:
        """Coded entities inside [start, end) (characters), in text order, glosses left out."""
        i = bisect.bisect_left(self.entity_starts, start)
        found = []
        while i < len(self.entities) and self.entities[i].start < end:
            if self.entities[i].end <= end and not self.in_brackets(self.entities[i]):
                found.append(self.entities[i])
            i += 1
        return _outermost(found)

    def char(self, i: int) -> int:
        return self.tokens[i].start if i < len(self.tokens) else len(self.text)

    def arguments(self, match: ActionMatch, clause: _Clause
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
        near = [e for e in after if self.word_gap(match.end, e.start) <= words.SOURCE_WINDOW
                and e.type != "LOC" and not self.in_prepositional_phrase(e)]
        before = [e for e in before if e.type != "LOC"]
        inside = [e for e in self.entities_between(self.tokens[match.start].end,
                                                   self.tokens[last].start)
                  if e.type != "LOC"] if match.gaps else []
        adjacent = bool(before) and self.only_particles_between(before[-1], match.start)
        agent = self.passive_agent(after)
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
        elif inside:  # أطلق مسلحون فلسطينيون عشرات الصواريخ: the subject sits in the phrase's gap
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
        elif (near and self.disagrees(match, near[0])
              and (carried := self.carried_subject(match)) is not None):
            # كما طالب منظمات حقوق الإنسان …: a masculine verb before a feminine noun has
            # another subject, the one carried over; the noun is its object.
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
        return source, self.target(source, rest, entry.target_preps, entry.joint, entry.root)

    def disagrees(self, match: ActionMatch, entity: Entity) -> bool:
        """A past verb in the masculine (طالب، أعلن) cannot have this feminine institution,
        plural or state (منظمات، الحكومة، لندن) as its subject: it would be طالبت، أعلنت."""
        if not self.is_verb(match) or entity.type == "PER":
            return False
        verb = fold_str(self.tokens[match.start].stem.text)
        if verb[:1] in words.PRESENT_PREFIXES or verb[-1:] in words.VERB_ENDINGS:
            return False
        if entity.type == "GPE" and entity.code[:3] not in words.MASCULINE_STATES:
            return True  # اتهم لندن: a state or its capital would take اتهمت
        head = fold_str(self.tokens[self.token_at(entity.start)].stem.text)
        return head.endswith(words.FEMININE_ENDINGS)

    def only_particles_between(self, entity: Entity, i: int) -> bool:
        """Nothing but particles (قد، لقد) between an actor and token i: subject-verb order."""
        first = self.token_at(entity.end - 1) + 1
        return all(fold_str(t.text) in words.PARTICLES for t in self.tokens[first:i])

    def after_between(self, entity: Entity) -> bool:
        """بين a few words before the actor (بين الملك السعودي سلمان …)."""
        j = self.token_at(entity.start)
        return any(fold_str(t.text) in words.BETWEEN for t in self.tokens[max(0, j - 3):j])

    def in_prepositional_phrase(self, entity: Entity) -> bool:
        """After a preposition, directly or through one noun (على رجل بلغاري)."""
        return self.governing_preposition(entity) in words.PREPOSITIONS_ALL

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

    def choose_code(self, match: ActionMatch, source: Entity, refusal: bool
                    ) -> tuple[CameoCode, str]:
        """The event's code and, when it is not the entry's, why."""
        if refusal:
            return words.REJECT, f"refused after لن: coded {words.REJECT.code}"
        if self.instrument_code is not None:
            return self.instrument_code, f"coded as the attack: {self.instrument_code.code}"
        code = self.sense(match, source)
        return code, "" if code is match.entry.code else f"read for its source: {code.code}"

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

    def after_instrument_preposition(self, k: int) -> bool:
        token = self.tokens[k]
        if any(p.label == "prep" and fold_str(p.text) == words.BI for p in token.prefixes):
            return True
        return k > 0 and fold_str(self.tokens[k - 1].text) in words.INSTRUMENT_PREPOSITIONS

    def token_at(self, char: int) -> int:
        """The index of the token that contains (or starts at) character `char`."""
        return bisect.bisect_right(self.token_starts, char) - 1

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

    def token_gap(self, i: int, char: int) -> int:
        """Tokens between token i and the token at character `char`."""
        return bisect.bisect_left(self.token_starts, char) - i

    def word_gap(self, i: int, char: int) -> int:
        """Words from token i to the token at character `char`, bracketed glosses and
        punctuation not counted (وكيل محافظة إب (وسط اليمن)، محمد الدعام)."""
        j = bisect.bisect_left(self.token_starts, char)
        return sum(1 for t in self.tokens[i:j] if t.is_arabic and not self.bracketed[t.start])

    def passive_agent(self, after: Sequence[Entity]) -> Entity | None:
        """من قبل X، على يد X: the actor after these words acts."""
        for entity in after:
            j = self.token_at(entity.start) - 1
            if j >= 0 and fold_str(self.tokens[j].text) in words.AGENT_WORDS:
                return entity
        return None

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

    def after_preposition(self, entity: Entity, preps: Sequence[str]) -> bool:
        prep = self.governing_preposition(entity)
        return prep is not None and prep in {fold_str(p) for p in preps}

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

    def target(self, source: Entity, rest: Sequence[Entity], preps: Sequence[str],
               joint: bool, root: str = "") -> Entity | None:
        others = [e for e in rest if e.code != source.code]
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
            partners = [e for e in others if e.type != "LOC"]
            for entity in partners:
                if self.is_coordinated(entity) or self.after_preposition(entity, ("مع",)):
                    return entity
            if partners:  # وقع طرفا النزاع الرئيس سالفا كير وخصمه رياك مشار
                return partners[0]
        actors = [e for e in others if e.type != "LOC"]
        # An actor of another country outranks one of the source's own (حشدت تركيا قوات على
        # الحدود مع سوريا: the forces are Turkey's, Syria is the one faced).
        foreign = [e for e in actors if e.code[:3] != source.code[:3]]
        if foreign and actors[0] not in foreign:
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

    # -- events ----------------------------------------------------------------------------
    def sentence_events(self, sentence: Span) -> list[Event]:
        lo, hi = self.token_range(sentence)
        self.sentence_lo, self.sentence_sources = lo, []
        self.token_range_hi = hi
        matches = self.triggers(lo, hi)
        # A verbal noun does not end the clause of the verb before it (أدانت قطر الهجوم
        # الإسرائيلي: the attack's author is what Qatar condemns).
        starts = [m.start for m in matches if self.is_verb(m)]
        events, seen = [], set()
        for match in matches:
            refusal = self.is_refusal(match, lo)
            at = self.tokens[match.start].start
            clause = self.clause(match, lo, hi, [s for s in starts if s != match.start])
            skip = ("inside a direct quotation" if self.in_quote(at) else
                    "background (relative clause or pluperfect)"
                    if self.is_background(match, clause) else
                    "negated" if self.is_negated(match, lo, clause.lo) and not refusal else None)
            if skip:
                self.dropped[at] = skip
                continue
            self.agent_found, self.instrument_code = False, None
            source, target = self.arguments(match, clause)
            if match.entry.root == words.PROTEST_ROOT:
                source, target = self.protest_sides(match, clause, sentence, source, target)
            if source is None or (target is None and not self.may_lack_target(match)):
                self.dropped[at] = (f"no source in «{self.clause_text(clause)}»" if source is None
                                    else f"source {source.code}, no target in "
                                    f"«{self.clause_text(clause)}»")
                continue
            code, why = self.choose_code(match, source, refusal)
            key = (source.code, target.code if target else None, code.root)
            if key in seen:
                self.dropped[at] = "same source, target and root as an event before"
                continue
            seen.add(key)
            self.sentence_sources.append(source)
            events.append(self.event(match, sentence, source, target,
                                     None if refusal else self.mode(match, lo), code, why))
        return events

    def triggers(self, lo: int, hi: int) -> list[ActionMatch]:
        """Non-overlapping trigger matches of a sentence, longest first at each token."""
        found, i = [], lo
        while i < hi:
            after_topic = i > 0 and fold_str(self.tokens[i - 1].text) in words.TOPIC_PREPOSITIONS
            matches = [] if after_topic else [
                m for m in self.actions.match(self.tokens, i)
                if m.end <= hi and (self.is_verb(m) or self.noun_reports(m))]
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
        if not any(p.label in ("art", "prep") for p in token.prefixes):
            return True
        # The segmenter may take a verb's first letters for clitics (التقي → ال + تقي):
        # the whole word, less a conjunction, is still a form of the verb.
        word = fold_str(token.text)
        word = word[1:] if word[:1] in words.CONJUNCTIONS and len(word) > 3 else word
        return any(e.pos != "noun" for e in self.actions.lookup(word))

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
            if token.is_arabic and fold_str(token.stem.text) in words.LIGHT_VERBS:
                return j
            if j < i - 1 and token.is_arabic and self.actions.candidates(token):
                return None  # شن هجمات تحت ستار الاحتجاجات: the verb carries هجمات only
        return None

    def inside_entity(self, i: int) -> bool:
        """A trigger word that is part of a name (حركة التحرير، وكالة الأنباء) is no action."""
        token = self.tokens[i]
        j = bisect.bisect_right(self.entity_starts, token.start) - 1
        return j >= 0 and self.entities[j].start <= token.start < self.entities[j].end

    def event(self, match: ActionMatch, sentence: Span, source: Entity, target: Entity | None,
              mode: str | None, code: CameoCode, why: str = "") -> Event:
        entry = match.entry
        first, last = self.tokens[match.start], self.tokens[match.end - 1]
        trigger_start, trigger_end = first.start, last.end
        spans = [trigger_start, trigger_end, source.start, source.end]
        if target is not None:
            spans += [target.start, target.end]
        date = sentence_date([d for d in self.dates if not self.after_since(d)], sentence)
        date_value, precision = (date.value, date.precision) if date else self.default_date()
        return Event(
            source=_ref(source), target=_ref(target) if target else None,
            cameo=code.code, cameo_label=code.label, plover_type=code.plover_type,
            plover_mode=mode or (entry.plover_mode if code is entry.code else None)
            or code.plover_mode,
            goldstein=code.goldstein, quad_class=code.quad_class,
            trigger_text=self.text[trigger_start:trigger_end], trigger_start=trigger_start,
            trigger_end=trigger_end, evidence_start=min(spans), evidence_end=max(spans),
            sentence_start=sentence.start, sentence_end=sentence.end,
            date=date_value, date_precision=precision, place=self.place_in(sentence),
            negated=False, confidence=0.4 if mode else 0.7,
            rule=f"actions.tsv:{entry.line} {entry.pattern}"
            + (f", {why}" if why else ""),
        )

    def after_since(self, date: DateRef) -> bool:
        """منذ 2011, منذ سقوط النظام في 2011: a date that starts a period is not the day of the
        news the sentence reports."""
        before = self.text[max(0, date.start - words.SINCE_CHARS):date.start].split()
        return any(fold_str(w) in words.SINCE for w in before[-words.SINCE_WORDS:])

    def default_date(self) -> tuple[str | None, str | None]:
        """With no date in the sentence, the event is reported as of publication."""
        if self.published and len(self.published) >= 10:
            return self.published[:10], "day"
        return None, None

    def speaker_in(self, sentence: Span) -> Entity | None:
        """The coded speaker of the sentence's last quote, as an entity."""
        for quote in reversed(self.quotes):
            speaker = quote.speaker
            if (speaker is not None and speaker.code and sentence.start <= speaker.start
                    < sentence.end):
                return Entity(speaker.text, speaker.start, speaker.end, "PER", speaker.code,
                              speaker.name)
        return None

    def place_in(self, sentence: Span) -> Place | None:
        for place in self.places:
            if place.start is not None and sentence.start <= place.start < sentence.end:
                return place
        return None

    def code(self) -> list[Event]:
        events = []
        for sentence in self.sentences:
            found = self.sentence_events(sentence)
            events.extend(found)
            self.last_actor = self.sentence_sources[-1] if self.sentence_sources else (
                self.speaker_in(sentence))
        return events


def _days_apart(first: str, second: str) -> int:
    """Days between two ISO dates; a month (2018-06) or a year (2017) counts as its last day,
    so that a period is never taken for older than it is."""
    return abs((_last_day(first) - _last_day(second)).days)


def _last_day(value: str) -> date:
    parts = value[:10].split("-")
    if len(parts) == 3:
        return date.fromisoformat(value[:10])
    year = int(parts[0])
    month = int(parts[1]) if len(parts) == 2 else 12
    following = date(year + (month == 12), month % 12 + 1, 1)
    return following - timedelta(days=1)


def _any_in(folded_words: Sequence[str], wanted: frozenset[str]) -> bool:
    """Is one of the words, or one less its conjunction (ولم، فلن), in `wanted`? Only و and ف
    come off: كما is not ما."""
    return any(w in wanted or (w[:1] in words.CONJUNCTIONS and w[1:] in wanted)
               for w in folded_words)


def _roles_by_place(entities: Sequence[Entity], places: Sequence[Place],
                    sentences: Sequence[Span]) -> list[Entity]:
    """Group role words left without a country (مسلحون، انتحاري، المتظاهرون in a story that
    names no state) take the country of a place in their sentence (… في كابل → AFGREB)."""
    table, found = load_roles(), []
    for entity in entities:
        if entity.code or entity.type == "LOC":
            continue
        entry = table.lookup(entity.text)
        if entry is None or entry.kind != "group":
            continue
        sentence = next((s for s in sentences if s.start <= entity.start < s.end), None)
        country = sentence and next((p.country for p in places if p.country and p.start is not None
                                     and sentence.start <= p.start < sentence.end), None)
        if country:
            found.append(replace(entity, code=f"{country}{entry.role}"))
    return found


def _named_over_titles(entities: Sequence[Entity], text: str) -> list[Entity]:
    """A title followed by a name (وزيري خارجية البلدين سيرجي لافروف) is the named person's:
    the name stands for the actor, whose code is the better one."""
    ordered = sorted(entities, key=lambda e: e.start)
    kept = []
    for entity, following in zip(ordered, [*ordered[1:], None], strict=False):
        if (following is not None and entity.type == "ORG" and following.type == "PER"
                and len(text[entity.end:following.start].split()) <= 2
                and not any(ch in text[entity.end:following.start] for ch in ".،,؛")):
            continue
        kept.append(entity)
    return kept


def _outermost(entities: Sequence[Entity]) -> list[Entity]:
    """Drop entities nested in another (a name inside a longer organisation name)."""
    kept: list[Entity] = []
    for entity in entities:
        if kept and entity.start < kept[-1].end:
            if entity.end - entity.start > kept[-1].end - kept[-1].start:
                kept[-1] = entity
            continue
        kept.append(entity)
    return kept


def _ref(entity: Entity) -> ActorRef:
    return ActorRef(entity.code, entity.name, entity.text, entity.start, entity.end)


def code_events(text: str, tokens: Sequence[Token], sentences: Sequence[Span],
                entities: Sequence[Entity], quotes: Sequence[Quote] = (),
                dates: Sequence[DateRef] = (), places: Sequence[Place] = (),
                published: str | None = None) -> list[Event]:
    """The events of one document."""
    coder = EventCoder(text, tokens, sentences, entities, quotes, dates, places, published,
                       load_actions())
    return coder.code()
