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
from collections.abc import Sequence
from dataclasses import dataclass

from hadath.code import event_words as words
from hadath.code.dates import parse_published, sentence_date
from hadath.lexicon.actions import ActionLexicon, ActionMatch, load_actions
from hadath.lexicon.cameo import CameoCode
from hadath.records import ActorRef, DateRef, Entity, Event, Place, Quote
from hadath.text.fold import fold_str
from hadath.text.spans import Span, Token

__all__ = ["EventCoder", "code_events"]


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
        self.actions = actions
        # Places are targets too (قصف الجيش … مواقع في غزة): coded by their country.
        located = [Entity(p.text or p.name, p.start, p.end or p.start, "LOC", p.country, p.name)
                   for p in places if p.start is not None and p.country]
        coded = _named_over_titles([e for e in entities if e.code and e.type != "LOC"], text)
        self.entities = sorted([*coded, *located], key=lambda e: e.start)
        self.entity_starts = [e.start for e in self.entities]
        self.quoted = [(q.start, q.end) for q in quotes if q.kind == "direct"]
        self.quotes = quotes
        self.last_actor: Entity | None = None
        self.dates, self.places, self.published = dates, places, published
        self.token_starts = [t.start for t in tokens]
        # Which characters lie in an actor or a date: a comma-enclosed run of them is an aside.
        self.covered = bytearray(len(text) + 1)
        for span in [*entities, *dates]:
            self.covered[span.start:span.end] = b"\x01" * (span.end - span.start)
        self.sentence_lo, self.sentence_sources = 0, []
        self.agent_found = False

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
        while start > lo and not self.is_boundary(start - 1) and (start - 1) not in triggers:
            start -= 1
        end = match.end
        while end < hi and end not in triggers:
            if self.is_boundary(end):
                skip = self.aside_end(end, hi)
                if skip is None:
                    break
                end = skip
            end += 1
        return _Clause(start, end)

    def aside_end(self, comma: int, hi: int) -> int | None:
        """A name or a date between commas is an aside, not a new clause (لقاء وزير خارجيتها،
        الشيخ خالد بن أحمد، بنظيره السوري، السبت، …): the index of its closing comma."""
        if self.tokens[comma].text not in words.SOFT_PUNCT:
            return None
        for close in range(comma + 1, min(hi, comma + words.ASIDE_WORDS + 2)):
            if self.tokens[close].text in words.SOFT_PUNCT:
                inside = self.tokens[comma + 1:close]
                covered = all(self.covered[t.start] for t in inside if t.is_arabic)
                return close if inside and covered else None
        return None

    def in_quote(self, at: int) -> bool:
        return any(s <= at < e for s, e in self.quoted)

    # -- modifiers -------------------------------------------------------------------------
    def words_before(self, i: int, lo: int) -> list[str]:
        return [fold_str(t.text) for t in self.tokens[max(lo, i - words.MODIFIER_WINDOW):i]
                if t.is_arabic]

    def is_negated(self, match: ActionMatch, lo: int) -> bool:
        before = self.words_before(match.start, lo)
        if any(w in words.NEGATIONS or w[1:] in words.NEGATIONS for w in before):
            return True
        # A denial governs its whole clause: ونفت السعودية التعرض له أو قتله.
        return any(fold_str(t.stem.text) in words.DENIALS for t in self.tokens[lo:match.start])

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
        return match.entry.root in words.COOPERATIVE_ROOTS and any(
            w in words.REFUSALS or w[1:] in words.REFUSALS for w in before)

    def is_background(self, match: ActionMatch) -> bool:
        """A trigger right after a relative pronoun describes (اتفاق سلام أبرم في 2015، التحالف
        الذي تتزعمه السعودية): background, not the news."""
        return match.start > 0 and fold_str(self.tokens[match.start - 1].text) in words.RELATIVES

    def mode(self, match: ActionMatch, lo: int) -> str | None:
        trigger = self.tokens[match.start]
        if any(p.label == "fut" for p in trigger.prefixes):
            return "future"
        before = self.words_before(match.start, lo)
        if any(w in words.FUTURE or w[1:] in words.FUTURE for w in before):
            return "future"
        if any((w in words.CONDITION or w[1:] in words.CONDITION) and w not in words.PARTICLES
               for w in before):
            return "hypothetical"
        # قد before a present verb is "may" (قد تفرض), before a past one "has" (قد فرضت).
        if any(w in words.PARTICLES for w in before) and fold_str(trigger.stem.text)[:1] in "يتن":
            return "hypothetical"
        return None

    # -- arguments -------------------------------------------------------------------------
    def entities_between(self, start: int, end: int) -> list[Entity]:
        """Coded entities inside [start, end) (characters), in text order."""
        i = bisect.bisect_left(self.entity_starts, start)
        found = []
        while i < len(self.entities) and self.entities[i].start < end:
            if self.entities[i].end <= end:
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
        near = [e for e in after if self.token_gap(match.end, e.start) <= words.SOURCE_WINDOW
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
            return None, None
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
                if word in words.PREPOSITIONS_ALL and not head.prefixes:
                    return word
        return prep

    def patient_first(self, match: ActionMatch) -> bool:
        """Is the noun after this trigger the one acted upon? Verbal nouns of violence and
        arrest (مقتل ضابط، اعتقال الصحفي), and قتل/أصيب, which news uses in the passive."""
        word = fold_str(match.entry.pattern.split()[0])
        if word not in words.PATIENT_FIRST:
            return False
        return match.entry.pos != "verb" or word in words.PASSIVE_VERBS

    def token_at(self, char: int) -> int:
        """The index of the token that contains (or starts at) character `char`."""
        return bisect.bisect_right(self.token_starts, char) - 1

    def carried_subject(self, match: ActionMatch) -> Entity | None:
        """A verb without a subject at the start of its sentence continues the last actor of
        the previous sentence: its last event's source or its last quote's speaker."""
        if match.start - self.sentence_lo > 1:
            return None
        return self.last_actor

    def sentence_subject(self, match: ActionMatch) -> Entity | None:
        """The source of the sentence's previous event, else its first actor before `match`."""
        if self.sentence_sources:
            return self.sentence_sources[-1]
        before = self.entities_between(self.char(self.sentence_lo), self.tokens[match.start].start)
        return next((e for e in before if e.type != "LOC"), None)

    def token_gap(self, i: int, char: int) -> int:
        """Tokens between token i and the token at character `char`."""
        return bisect.bisect_left(self.token_starts, char) - i

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

    def target(self, source: Entity, rest: Sequence[Entity], preps: Sequence[str],
               joint: bool, root: str = "") -> Entity | None:
        others = [e for e in rest if e.code != source.code]
        if self.after_between(source):  # بين X و Y: the two parties
            partner = next((e for e in others if self.is_coordinated(e)), None)
            if partner is not None:
                return partner
        if preps:
            for entity in others:
                if self.after_preposition(entity, preps):
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
        if not preps and actors:
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
        matches = self.triggers(lo, hi)
        # A verbal noun does not end the clause of the verb before it (أدانت قطر الهجوم
        # الإسرائيلي: the attack's author is what Qatar condemns).
        starts = [m.start for m in matches if self.is_verb(m)]
        events, seen = [], set()
        for match in matches:
            refusal = self.is_refusal(match, lo)
            if (self.in_quote(self.tokens[match.start].start) or self.is_background(match)
                    or (self.is_negated(match, lo) and not refusal)):
                continue
            clause = self.clause(match, lo, hi, [s for s in starts if s != match.start])
            self.agent_found = False
            source, target = self.arguments(match, clause)
            if source is None or (target is None and not self.may_lack_target(match)):
                continue
            code = words.REJECT if refusal else match.entry.code
            key = (source.code, target.code if target else None, code.root)
            if key in seen:
                continue
            seen.add(key)
            self.sentence_sources.append(source)
            events.append(self.event(match, sentence, source, target,
                                     None if refusal else self.mode(match, lo), code))
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
        if match.entry.joint and match.end < len(self.tokens) and fold_str(
                self.tokens[match.end].text) in words.BETWEEN:
            return True  # اتصال هاتفي بين الملك السعودي والرئيس التركي
        # An actor begins in the very next word (it may run on: لقاء وزير خارجيتها).
        i = bisect.bisect_left(self.entity_starts, self.tokens[match.end - 1].end)
        return i < len(self.entities) and self.entities[i].start < self.char(match.end + 1)

    def after_light_verb(self, i: int) -> bool:
        """بدأ بوقادوم زيارة، أجرى الوزير محادثات، أعلنت أستراليا، الاثنين، وقف مساعداتها: the
        noun carries the event of a verb that says little by itself."""
        return self.light_verb_index(i) is not None

    def light_verb_index(self, i: int) -> int | None:
        """The light or intent verb a few words before token i, its subject in between."""
        seen = 0
        for j in range(i - 1, -1, -1):
            token = self.tokens[j]
            if not token.is_arabic and token.text not in words.SOFT_PUNCT:
                return None
            seen += token.is_arabic
            if seen > words.LIGHT_VERB_WINDOW:
                return None
            if token.is_arabic and fold_str(token.text) in words.COMPLEMENTIZERS:
                return None  # أعلن … أن السلطات ألقت: a clause of its own begins
            if token.is_arabic and fold_str(token.stem.text) in words.LIGHT_VERBS:
                return j
        return None

    def inside_entity(self, i: int) -> bool:
        """A trigger word that is part of a name (حركة التحرير، وكالة الأنباء) is no action."""
        token = self.tokens[i]
        j = bisect.bisect_right(self.entity_starts, token.start) - 1
        return j >= 0 and self.entities[j].start <= token.start < self.entities[j].end

    def event(self, match: ActionMatch, sentence: Span, source: Entity, target: Entity | None,
              mode: str | None, code: CameoCode) -> Event:
        entry = match.entry
        first, last = self.tokens[match.start], self.tokens[match.end - 1]
        trigger_start, trigger_end = first.start, last.end
        spans = [trigger_start, trigger_end, source.start, source.end]
        if target is not None:
            spans += [target.start, target.end]
        date = sentence_date(self.dates, sentence)
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
            + ("" if code is entry.code else f", refused: coded {code.code}"),
        )

    def default_date(self) -> tuple[str | None, str | None]:
        """With no date in the sentence, the event is reported as of publication."""
        day = parse_published(self.published)  # any text may come in as `published`
        return (day.isoformat(), "day") if day is not None else (None, None)

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
