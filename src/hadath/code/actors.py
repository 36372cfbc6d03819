"""Actor coding: lexicon matches (and recognised names) to entities and CAMEO actor codes.

How a mention gets its code, in order:
- a person in the lexicon: the office held on the article's date (Lavrov → RUSGOV);
- a role word with a country beside it: the country plus the role
  (وزير الخارجية الروسي → RUSGOV, الجيش التركي → TURMIL, وزير خارجية روسيا → RUSGOV);
  a role with an organisation after it takes the organisation's code
  (المتحدث باسم الأمم المتحدة → IGOUNO);
- a name after such a title that no lexicon knows takes the title's code
  (الرئيس الجزائري عبدالمجيد تبون → DZAGOV);
- an organisation or armed group: its own code (حزب الله → LBNUAF);
- a country's name, capital or nisba adjective: the country (موسكو → RUS);
- a role word alone: its antecedent's code, else the article's main country plus the
  role (الشرطة in a story about Egypt → EGYCOP); with no country in the article it is
  left uncoded. These passes back through the text live in coreference.py.
"""

from __future__ import annotations

import datetime
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import replace

from hadath.code.coreference import (
    fill_bare_roles,
    link_surnames,
    one_code_per_name,
    resolve_country_anaphors,
)
from hadath.code.mentions import Mention, phrase_start
from hadath.extract.gazetteer import Entry, Match, bare_keys, match_tokens
from hadath.extract.names import NameSpan
from hadath.lexicon.places import load_places
from hadath.records import Actor, Entity
from hadath.text.fold import fold_str
from hadath.text.spans import Intervals, Token
from hadath.text.translit import latin_name

__all__ = ["Mention", "code_mentions", "entities_and_actors", "parse_published"]

ROLE_NAMES = {
    "GOV": "government", "MIL": "military", "COP": "police", "SPY": "intelligence",
    "JUD": "judiciary", "LEG": "legislature", "PTY": "party", "OPP": "opposition",
    "REB": "rebels", "UAF": "armed groups", "CVL": "civilians", "BUS": "business",
    "MED": "media", "REL": "religious", "REF": "refugees", "HRI": "human rights",
    "EDU": "education", "LAB": "labour", "HLH": "health", "NGO": "NGOs",
}
# Words that may stand between a role and the body it belongs to:
# المتحدث باسم الأمم المتحدة، وزير الخارجية في حكومة الوفاق. Not before a country: in
# "الخارجية في ليبيا" the country is where, not whose.
_LINK_WORDS = frozenset(fold_str(w) for w in ("باسم", "في", "لدى", "من"))  # مسلحين من داعش
# Nouns that make a following capital or country part of a name (مؤتمر برلين، اتفاق الجزائر):
# the city is where something happened, not an actor.
_NAMING_NOUNS = frozenset(fold_str(w) for w in (
    "مؤتمر", "قمة", "اتفاق", "اتفاقية", "مسار", "محادثات", "مفاوضات", "إعلان", "منتدى", "جولة",
    "بيان", "معاهدة", "مباحثات", "اجتماع", "عملية", "مطار", "جامعة"))
# Origin words: the nisba after them is a family's origin (من أصل مغربي), not a party.
_ORIGIN_WORDS = frozenset(fold_str(w) for w in ("أصل", "أصول", "الأصل", "الأصول"))
# Nouns after which a place name is a place (مدينة سرت، محافظة إدلب).
_PLACE_CUES = frozenset(fold_str(w) for w in (
    "مدينة", "المدينة", "بلدة", "البلدة", "قرية", "القرية", "محافظة", "ولاية", "إقليم", "منطقة",
    "مخيم", "حي", "ناحية", "العاصمة", "ميناء", "مطار", "جزيرة", "مدن", "بلدات", "قرى"))
_ARTICLE = "\u0627\u0644"  # alef lam
_LAM = "\u0644"  # lam
_WAW = "\u0648"  # waw: "and"
_APPOSITION_MARKS = frozenset(("\u060c", ",", "/", "-", "\u2013"))  # Arabic comma, comma, …
# Words that cannot be part of a name between a title and a recognised surname.
_NOT_NAMES = frozenset(fold_str(w) for w in (
    "قد", "إن", "أن", "في", "على", "من", "عن", "مع", "أمس", "اليوم", "الذي", "التي", "إلى",
    "كان", "كانت", "هو", "هي", "لا", "لم", "لن", "ما", "قال", "قالت", "أكد", "أعلن"))
# A title or body named by role words is an office, not a person: its actor kind.
_ROLE_ACTOR_KIND = {"person": "organisation", "organisation": "organisation", "group": "group"}


def parse_published(published: str | None) -> datetime.date | None:
    """The article's date from its ISO 8601 `published` field, or None."""
    if not published:
        return None
    try:
        return datetime.date.fromisoformat(published[:10])
    except ValueError:
        return None


def _mention(text: str, tokens: Sequence[Token], match: Match, **fields: object) -> Mention:
    start = phrase_start(tokens[match.start], match.cut)
    end = tokens[match.end - 1].end
    return Mention(start=start, end=end, text=text[start:end], **fields)  # type: ignore[arg-type]


def _role_label(code: str, country_name: str) -> str:
    return f"{country_name} {ROLE_NAMES.get(code[3:], code[3:].lower())}".strip()


class _Coder:
    """Codes the matches of one document (a small state machine over adjacent matches)."""

    def __init__(self, text: str, tokens: Sequence[Token], day: datetime.date | None) -> None:
        self.text, self.tokens, self.day = text, tokens, day
        self.token_starts = [t.start for t in tokens]
        self.mentions: list[Mention] = []

    def country_of(self, match: Match) -> Entry | None:
        return next((e for e in match.entries if e.kind == "country"), None)

    def organisation_of(self, match: Match) -> Entry | None:
        return next((e for e in match.entries if e.kind == "organisation"), None)

    def linked(self, left: Match, right: Match) -> bool:
        """Right follows left after one link word (باسم، في، لدى)."""
        return right.start == left.end + 1 and any(
            k in _LINK_WORDS for k in bare_keys(self.tokens[left.end].text))

    def lam_only(self, match: Match) -> bool:
        """The phrase's first word carries just the preposition ل (لمنظمة، للأمم)."""
        folded = fold_str(self.tokens[match.start].text)
        return match.cut in (1, 2) and folded[:1] == _LAM

    def is_construct(self, match: Match) -> bool:
        """The phrase ends in a noun without the article, so the next noun is its genitive
        (وزيري خارجية، قائد الجيش); a definite noun ends its phrase (الشرطة المتظاهرين)."""
        return not fold_str(self.tokens[match.end - 1].text).startswith(_ARTICLE)

    def word_before_in(self, match: Match, words: frozenset[str]) -> bool:
        """The word before the match, less its clitics, is one of `words`."""
        return match.start > 0 and not words.isdisjoint(
            bare_keys(self.tokens[match.start - 1].text))

    def code(self, matches: list[Match], names: Sequence[NameSpan]) -> list[Mention]:
        self.person_spans = Intervals([(n.start, n.end) for n in names if n.type == "PER"])
        self.place_spans = Intervals([(n.start, n.end) for n in names if n.type == "LOC"])
        self.full_names = {person.id for m in matches if m.best.kind == "person"
                           and m.end - m.start > 1 for person in m.best.ref}
        i = 0
        while i < len(matches):
            i = self.code_one(matches, i)
        self.code_names(names)
        return sorted(self.mentions, key=lambda m: (m.start, m.end))

    def code_one(self, matches: list[Match], i: int) -> int:
        match = matches[i]
        best = match.best
        if best.kind == "country" and best.via in ("nisba", "plural") and \
                self.word_before_in(match, _ORIGIN_WORDS):
            return i + 1  # من أصل مغربي: a family's origin, no party and no one's country
        if best.kind == "person":
            self.add_person(matches, i)
        elif best.kind == "role":
            return self.code_role(matches, i)
        elif best.kind == "organisation":
            self.add(match, "ORG", best.via, best.code, best.name, "organisation lexicon")
        elif best.kind == "country" and best.via != "nisba" and \
                self.word_before_in(match, _NAMING_NOUNS):
            self.add(match, "LOC", "place", None, best.name, "place in a name")
        elif best.kind == "country" and (city := self.city_of_named_country(match)):
            self.add(match, "LOC", "place", None, city, "city after its country's name")
        elif best.kind == "country":
            via = best.via
            kind_type = "NORP" if via in ("nisba", "plural") else "GPE"
            self.add(match, kind_type, "country", best.code, best.name, f"country {via}")
        elif best.kind == "place":
            self.add_place(matches, i)
        return i + 1

    def city_of_named_country(self, match: Match) -> str | None:
        """A country's name that is also a city of the country named just before it
        (العاصمة الأردنية عمان is Amman, not Oman): the city's name."""
        places = [e for e in match.entries if e.kind == "place"]
        if not places or not self.mentions:
            return None
        previous = self.mentions[-1]
        if previous.end > self.tokens[match.start].start or not previous.code:
            return None
        gap = self.text[previous.end:self.tokens[match.start].start]
        if len(gap.split()) > 1:
            return None
        for entry in places:
            for place in load_places().candidates(str(entry.ref)):
                if place.country == previous.code[:3]:
                    return place.name
        return None

    def code_role(self, matches: list[Match], i: int) -> int:
        role_match = matches[i]
        role = role_match.best
        taken = 1
        # Role words in a row are one title, coded by the last (المتحدث باسم الجيش → MIL).
        while (i + taken < len(matches) and matches[i + taken].best.kind == "role"
               and ((matches[i + taken].start == role_match.end and self.is_construct(role_match))
                    or self.linked(role_match, matches[i + taken]))):
            role = matches[i + taken].best
            role_match = replace(role_match, end=matches[i + taken].end)
            taken += 1
        following = matches[i + taken] if i + taken < len(matches) else None
        entity_type, kind = "ORG", _ROLE_ACTOR_KIND.get(role.via, "organisation")
        if following is not None:
            country = self.country_of(following)
            org = self.organisation_of(following)
            merged = replace(role_match, end=following.end)
            # The country must follow bare: in "الوفد لليبيا" it is where the body goes.
            if (country is not None and following.start == role_match.end
                    and following.cut == 0 and following.best.kind in ("country", "place")):
                code = f"{country.code}{role.code}"
                self.add(merged, entity_type, kind, code, _role_label(code, country.name),
                         f"{role.via} role + country")
                return i + taken + 1
            # A title takes the body after it, bare or with the ل of possession (الرئيس
            # التنفيذي لمنظمة …), but not a news agency after ل: المجلس المحلي لفرانس برس
            # is what the council told the agency.
            glued = following.cut == 0 or (self.lam_only(following)
                                           and not (org and org.code.endswith("MED")))
            if org is not None and following.best.kind == "organisation" and (
                    (following.start == role_match.end and glued)
                    or self.linked(role_match, following)):
                self.add(merged, entity_type, kind, org.code, org.name,
                         f"{role.via} role + organisation")
                return i + taken + 1
        if not self.is_adjective(role_match):
            self.add(role_match, entity_type, kind, None, role.name,
                     f"role {role.code} ({role.via})")
        return i + taken

    def is_adjective(self, match: Match) -> bool:
        """A one-word role right after a definite noun agrees with it (المؤتمر الصحافي)."""
        if match.end - match.start != 1 or match.start == 0:
            return False
        previous = self.tokens[match.start - 1]
        return previous.is_arabic and any(p.label == "art" for p in previous.prefixes)

    def add_person(self, matches: list[Match], i: int) -> None:
        match, entry = matches[i], matches[i].best
        person = entry.ref[0]
        if match.end - match.start == 1 and not self.single_name_ok(matches, i, entry):
            return
        self.add(match, "PER", "person", person.code_on(self.day), person.name,
                 f"person lexicon ({person.id})")

    def single_name_ok(self, matches: list[Match], i: int, entry: Entry) -> bool:
        """A one-word name (ترامب، رئيسي، بري) stands for the person when the article also
        gives the full name, a title comes right before it, or the recogniser reads it as a
        name here; a form the lexicon marks ambiguous needs the full name or a title."""
        match = matches[i]
        if any(person.id in self.full_names for person in entry.ref):
            return True
        previous = matches[i - 1] if i > 0 else None
        if previous is not None and previous.best.kind == "role" and previous.end == match.start:
            return True
        if entry.via == "person?":
            return False
        start = phrase_start(self.tokens[match.start], match.cut)
        end = self.tokens[match.end - 1].end
        return self.person_spans.overlaps(start, end)

    def add_place(self, matches: list[Match], i: int) -> None:
        match = matches[i]
        places = [e for e in match.entries if e.kind == "place"]
        cue = match.start > 0 and any(
            k in _PLACE_CUES for k in bare_keys(self.tokens[match.start - 1].text))
        # A one-word place name is often also a word (بيان، وقف): it needs a cue noun
        # before it, or the recogniser reading it as a place here.
        start = phrase_start(self.tokens[match.start], match.cut)
        end = self.tokens[match.end - 1].end
        recognised = self.place_spans.overlaps(start, end)
        # A cue noun is never the place itself (بمدينة كرايستشيرش is not Medina).
        cue_word = match.end - match.start == 1 and any(
            k in _PLACE_CUES for k in bare_keys(self.tokens[match.start].text))
        if not cue_word and (cue or recognised or match.end - match.start > 1):
            self.add(match, "LOC", "place", None, places[0].name, "place")

    def add(self, match: Match, entity_type: str, kind: str, code: str | None, name: str,
            basis: str) -> None:
        self.mentions.append(_mention(self.text, self.tokens, match, type=entity_type, kind=kind,
                                      code=code, name=name, basis=basis))

    def code_names(self, names: Sequence[NameSpan]) -> None:
        """Names the lexicons lack: a person takes the code of a title just before it
        (الرئيس الجزائري عبدالمجيد تبون) or, failing that, just after it (أحمد الخطيب رئيس
        الهيئة); a bare title (وزيرة السياحة، رانيا المشاط) gives its role, the country
        coming from the story later."""
        covered = Intervals([(m.start, m.end) for m in self.mentions])
        titles = [m for m in self.mentions if " role" in m.basis or m.basis.startswith("role ")]
        named: list[tuple[int, int]] = []  # the names coded here so far
        for name in names:
            if covered.overlaps(name.start, name.end):
                continue
            if name.type == "LOC":
                # A cue noun alone is no place (وصلت إلى المطار), as in lexicon matches.
                if " " not in name.text and _is_place_cue(name.text):
                    continue
                self.mentions.append(Mention(name.start, name.end, name.text, "LOC", "place",
                                             None, name.latin, "recognised place"))
                continue
            start, title = name.start, None
            if name.type == "PER":
                start, title = self.title_before(name, titles)
                if self.text[name.start - 1 : name.start] == _WAW and start < name.start and \
                        any(a < name.start and start < b for a, b in named):
                    # "and" joins this name to the name before it, which the title's reach
                    # would swallow (الرئيس ابراهيم سعد وسعيد جعفر); without و the two
                    # are one name the recogniser cut (جان بينوا كاسترمان)
                    start, title = name.start, None
                title = title or self.title_after(name, titles)
            named.append((name.start, name.end))
            text = self.text[start:name.end]
            kind = "person" if name.type == "PER" else "organisation"
            latin = latin_name(text) if start != name.start else name.latin
            code, basis = None, "recognised name"
            if title is not None:
                code = title.code
                basis = "name with title" if code else f"name with title {title.basis.split()[1]}"
            self.mentions.append(Mention(start, name.end, text, name.type, kind, code, latin,
                                         basis))

    def _between(self, start: int, end: int) -> list[Token]:
        """The tokens inside text[start:end] (found by bisection: asked once per name)."""
        tokens, found = self.tokens, []
        i = bisect_left(self.token_starts, start)
        # tokens do not overlap: after the first that ends past `end`, none fits either
        while i < len(tokens) and tokens[i].end <= end:
            found.append(tokens[i])
            i += 1
        return found

    def title_before(self, name: NameSpan, titles: Sequence[Mention]) -> tuple[int, Mention | None]:
        """The title that ends at most two name-like words (or a comma) before `name`, and
        where the name then starts (the recogniser may have caught only the surname)."""
        title = next((t for t in reversed(titles) if t.end <= name.start), None)
        if title is None:
            return name.start, None
        between = self._between(title.end, name.start)
        if between and between[0].text in _APPOSITION_MARKS:
            between = between[1:]
        if len(between) > 2 or any(not t.is_arabic or t.prefixes or
                                   fold_str(t.text) in _NOT_NAMES for t in between):
            return name.start, None
        return (between[0].start if between else name.start), title

    def title_after(self, name: NameSpan, titles: Sequence[Mention]) -> Mention | None:
        """A title in apposition right after the name (كيفن واتكينز، الرئيس التنفيذي)."""
        title = next((t for t in titles if t.start >= name.end), None)
        if title is None:
            return None
        between = self._between(name.end, title.start)
        return title if all(t.text in _APPOSITION_MARKS for t in between) and len(between) <= 1 \
            else None


def code_mentions(text: str, tokens: Sequence[Token], published: str | None,
                  names: Sequence[NameSpan] = ()) -> list[Mention]:
    """Every actor and place mention of a document, coded where the rules allow."""
    coder = _Coder(text, tokens, parse_published(published))
    mentions = one_code_per_name(fill_bare_roles(text, coder.code(match_tokens(tokens), names)))
    return resolve_country_anaphors(text, tokens, link_surnames(text, tokens, mentions))


def _is_place_cue(word: str) -> bool:
    """مطار، المطار، بالمدينة: a noun that introduces a place name, with or without the article."""
    keys = bare_keys(word)
    return not _PLACE_CUES.isdisjoint(keys) or any(
        k.startswith(_ARTICLE) and k[len(_ARTICLE):] in _PLACE_CUES for k in keys)


def _is_guessed_title(m: Mention) -> bool:
    """A lone title coded from the story's country (الوزير → EGYGOV) is a good guess for who
    speaks or acts, but it usually stands for a person named elsewhere: no actor of its own."""
    return m.basis.startswith("role ") and "(person)" in m.basis


def _is_title_of(title: Mention, name: Mention | None) -> bool:
    """A person's title right before their name (الرئيس المصري عبدالفتاح السيسي) is no actor
    of its own: the name is."""
    return (name is not None and title.basis.startswith("person role") and name.type == "PER"
            and 0 <= name.start - title.end <= 2)


def entities_and_actors(mentions: Sequence[Mention]) -> tuple[list[Entity], list[Actor]]:
    """Output records: one entity per mention, one actor per distinct coded (code, name)."""
    entities = [Entity(m.text, m.start, m.end, m.type, m.code, m.name) for m in mentions]
    grouped: dict[tuple[str, str], list[Mention]] = {}
    for m, after in zip(mentions, [*mentions[1:], None], strict=False):
        if not m.code or m.kind == "place" or _is_title_of(m, after) or _is_guessed_title(m):
            continue
        grouped.setdefault((m.code, m.name), []).append(m)
    actors = [Actor(code, name, ms[0].kind, tuple((m.start, m.end) for m in ms))
              for (code, name), ms in grouped.items()]
    return entities, actors
