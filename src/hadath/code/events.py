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
from dataclasses import replace

from hadath.code import event_words as words
from hadath.code.dates import sentence_date
from hadath.code.event_arguments import ArgumentReading
from hadath.code.event_clauses import BRACKETED, Clause
from hadath.code.event_modifiers import ModifierReading, days_apart
from hadath.code.event_triggers import TriggerReading
from hadath.lexicon.actions import ActionLexicon, ActionMatch, load_actions
from hadath.lexicon.cameo import CameoCode
from hadath.lexicon.roles import load_roles
from hadath.records import ActorRef, DateRef, Entity, Event, Place, Quote
from hadath.text.fold import fold_str
from hadath.text.spans import Span, Token

__all__ = ["EventCoder", "code_events"]


class EventCoder(ArgumentReading, ModifierReading, TriggerReading):
    """Finds and codes the events of one document (the readings it joins are in
    event_clauses, event_modifiers, event_targets, event_arguments and event_triggers)."""

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
        # The dateline (دبي، الإمارات العربية المتحدة (CNN)--) says where the story was filed:
        # its place is no party to any event.
        dateline = words.DATELINE.match(text)
        opening = dateline.end() if dateline else 0
        self.entities = sorted([e for e in [*coded, *located] if e.start >= opening],
                               key=lambda e: e.start)
        self.entity_starts = [e.start for e in self.entities]
        self.quoted = [(q.start, q.end) for q in quotes if q.kind == "direct"]
        self.quotes = quotes
        self.last_actor: Entity | None = None
        # The previous sentence's first actor when it gave no event: its subject, as a rule.
        self.last_subject: Entity | None = None
        self.dates, self.places, self.published = dates, places, published
        # Which characters lie in an actor or a date: a comma-enclosed run of them is an aside.
        self.covered = bytearray(len(text) + 1)
        for span in [*entities, *dates]:
            self.covered[span.start:span.end] = b"\x01" * (span.end - span.start)
        # Characters inside brackets: a gloss (وسط اليمن، #حماس) names no party to the event.
        self.bracketed = bytearray(len(text) + 1)
        for gloss in BRACKETED.finditer(text):
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
        heads = [fold_str(t.stem_text) for t in self.tokens[max(0, j - 2):j] if t.is_arabic]
        return any(h in words.TEAM_WORDS for h in heads)

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
                    "a lasting state (present tense)" if self.is_state(match) else
                    "halted something, not someone" if self.halts_a_thing(match) else
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
            mode = None if refusal else self.mode(match, lo)
            # اتهمت سوريا وروسيا القوات الإسرائيلية، طالب منظمات حقوق الإنسان والأمم المتحدة:
            # one event for each coordinated source and each coordinated target.
            sources = [source] if match.entry.joint else [
                source, *self.co_sources(source, target, clause)]
            for actor, each in [(a, t) for a in sources
                                for t in [target, *self.co_targets(target, clause)]]:
                key = (actor.code, each.code if each else None, code.root)
                if key in seen or (each is not None and each.code == actor.code):
                    self.dropped[at] = "same source, target and root as an event before"
                    continue
                seen.add(key)
                event = self.event(match, sentence, actor, each, mode,
                                   *self.against_people(code, why, each))
                if self.is_history(event):
                    self.dropped[at] = f"history: dated {event.date}, long before publication"
                    continue
                events.append(event)
            self.sentence_sources.append(source)
        return events

    @staticmethod
    def against_people(code: CameoCode, why: str, target: Entity | None
                       ) -> tuple[CameoCode, str]:
        """Gunfire at civilians or at a person is an assault (18), not a battle (193)."""
        if code.code == words.SMALL_ARMS and target is not None and (
                target.type == "PER" or target.code.endswith("CVL")):
            return words.ASSAULT, f"fire at people: {words.ASSAULT.code}"
        return code, why

    def halts_a_thing(self, match: ActionMatch) -> bool:
        """أوقف whose object is no actor (أوقفوا حركة الملاحة، أوقفت الشرطة المرور) halted
        something: not an arrest. The object follows the verb, or the verb and its subject."""
        k = match.end
        if match.entry.pos != "verb" or fold_str(match.entry.pattern) not in words.HALT_VERBS:
            return False
        for turn in range(2):
            if turn and (k >= len(self.tokens) or not self.tokens[k].is_arabic
                         or fold_str(self.tokens[k].text) in words.PREPOSITIONS_ALL):
                return False  # أوقف صحفيا في …: the one actor was the object
            if k >= len(self.tokens) or not self.inside_entity(k):
                return True  # a word that names no actor: the thing halted
            entity = self.entities[bisect.bisect_right(self.entity_starts,
                                                       self.tokens[k].start) - 1]
            if entity.type == "LOC":
                return True
            k = self.token_at(entity.end - 1) + 1
        return False

    def is_history(self, event: Event) -> bool:
        """Is the event dated long before publication (في مارس الماضي، عام 2013)?"""
        news_day = self.news_day()
        return (news_day is not None and event.date is not None and event.date < news_day
                and days_apart(event.date, news_day) > words.HISTORY_DAYS)

    def co_sources(self, source: Entity, target: Entity | None, clause: Clause) -> list[Entity]:
        """Actors joined to the source by و right after it, before the target (سوريا وروسيا)."""
        limit = target.start if target is not None and target.start > source.end else (
            self.char(clause.hi))
        return self.joined_to(source, limit)

    def co_targets(self, target: Entity | None, clause: Clause) -> list[Entity]:
        """Actors joined to the target by و right after it (والأمم المتحدة)."""
        if target is None or target.type == "LOC":
            return []
        return self.joined_to(target, self.char(clause.hi))

    def joined_to(self, first: Entity, limit: int) -> list[Entity]:
        """The actors that follow `first`, each joined to the one before by و alone."""
        joined: list[Entity] = []
        for entity in self.entities_between(first.end, limit):
            if entity.type == "LOC" or not self.co_subject(joined[-1] if joined else first,
                                                            entity):
                break
            joined.append(entity)
        return joined[:words.MAX_CO_TARGETS]

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

    def default_date(self) -> tuple[str | None, str | None]:
        """With no date in the sentence, the event is reported as of publication."""
        day = self.news_day()  # any text may come in as `published`
        return (day, "day") if day is not None else (None, None)

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
            self.last_subject = self.last_actor or next(
                (e for e in self.entities_between(sentence.start, sentence.end)
                 if e.type != "LOC"), None)
        return events


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
