"""One phrase matcher over every actor lexicon: countries, organisations, roles, persons, places.

Lexicon phrases and text tokens meet on folded words (`fold_str`). A token
offers several keys: itself, then without a conjunction (و ف), then without a
preposition (ب ل ك; "لل" = ل + ال, so للجزائر offers الجزائر). They come least
stripped first, because a clitic and a stem-initial letter look alike (لبنان is
not ل + بنان, لليبيا is ل + ليبيا, بموسكو is ب + موسكو); the matcher takes the
first key that starts a known phrase, and the longest phrase there. The
article is kept: lexicons list definite and indefinite forms where both are
names, so القاعدة (al-Qaeda) is not قاعدة (a base).

    >>> [m.entries[0].kind for m in match_tokens(tokenize("زار والجزائر"))]
    ['country']
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from hadath.lexicon.countries import load_countries
from hadath.lexicon.organisations import load_organisations
from hadath.lexicon.persons import load_persons
from hadath.lexicon.places import load_places
from hadath.lexicon.roles import load_roles
from hadath.text.fold import fold_str
from hadath.text.spans import Token

__all__ = ["Entry", "Gazetteer", "Match", "bare_keys", "load_gazetteer", "match_tokens"]

_WAW, _FEH = "\u0648", "\u0641"  # waw, feh: conjunctions
_BEH, _LAM, _KAF = "\u0628", "\u0644", "\u0643"  # beh, lam, kaf: prepositions
_ARTICLE = "\u0627\u0644"  # alef lam
_ALEF = "\u0627"  # alef
_YEH = "\u064a"  # yeh
_ABD = "\u0639\u0628\u062f"  # abd ("servant of"), written apart or joined: عبد المجيد / عبدالمجيد
_ABU = "\u0627\u0628\u0648"  # abu (folded), same habit: ابو بكر / ابوبكر
_JOINING_PARTS = (_ABD, _ABU)
_MIN_KEY = 2

# Which lexicon wins when one phrase is in several (a person's name over a city of that name).
KIND_PRIORITY = {"person": 0, "organisation": 1, "country": 2, "role": 3, "place": 4}


@dataclass(frozen=True, slots=True)
class Entry:
    """What a lexicon phrase names.

    kind: person | organisation | country | role | place
    code: actor code (country ISO3, organisation code) or role code (GOV, MIL…); None for places
    via: how it names it: name, capital, nisba, plural (countries); organisation or group;
         person, person? (a form the lexicon marks ambiguous); the role's kind; place
    """

    kind: str
    code: str | None
    name: str
    via: str
    ref: Any = None


@dataclass(frozen=True, slots=True)
class Match:
    """A phrase found over tokens[start:end] (token indexes), with every entry it names."""

    start: int
    end: int
    entries: tuple[Entry, ...]
    cut: int = 0  # folded letters of clitics before the phrase in its first token

    @property
    def best(self) -> Entry:
        return self.entries[0]


@functools.lru_cache(maxsize=300_000)
def token_keys(word: str) -> tuple[tuple[str, int], ...]:
    """Lookup keys of a surface word with the number of folded letters cut off its front,
    least stripped first (see the module docstring)."""
    folded = fold_str(word)
    keys = [(folded, 0)]
    rest, cut = folded, 0
    if rest[:1] in (_WAW, _FEH) and len(rest) > _MIN_KEY + 1:
        rest, cut = rest[1:], 1
        keys.append((rest, cut))
    if rest[:1] in (_BEH, _LAM, _KAF) and len(rest) > _MIN_KEY + 1:
        keys.append((rest[1:], cut + 1))
        if rest.startswith(_LAM + _LAM):  # لل: ل + ال with the alef dropped; text starts after
            keys.append((_ARTICLE + rest[2:], cut + 2))
    # The accusative ending of an indefinite nisba or -i noun (نمساويا، صحفيا) is no part of
    # the word; other words ending in alef are left alone (مشيرا is no مشير "field marshal").
    if folded.endswith(_YEH + _ALEF) and not folded.startswith(_ARTICLE) and len(folded) > 4:
        keys.extend((key[:-1], cut) for key, cut in list(keys))
    return tuple(keys)


@functools.lru_cache(maxsize=300_000)
def bare_keys(word: str) -> tuple[str, ...]:
    """The lookup keys of a surface word, least stripped first."""
    return tuple(key for key, _ in token_keys(word))



def phrase_keys(phrase: str) -> list[tuple[str, ...]]:
    """The key sequences a lexicon phrase is indexed under (with عبد/أبو joined or apart)."""
    words = fold_str(phrase).split()
    variants = {tuple(words)}
    joined: list[str] = []
    for word in words:
        if joined and joined[-1] in _JOINING_PARTS:
            joined[-1] += word
        else:
            joined.append(word)
    variants.add(tuple(joined))
    apart: list[str] = []
    for word in words:
        part = next((p for p in _JOINING_PARTS if word.startswith(p) and len(word) > len(p) + 2),
                    None)
        apart.extend((part, word[len(part):]) if part else (word,))
    variants.add(tuple(apart))
    return [v for v in variants if v and all(len(w) >= _MIN_KEY for w in v)]


_STARTS_CACHE_LIMIT = 300_000  # words; about twice the ANT corpus's vocabulary


class _Node:
    """A trie node: the entries of the phrase that ends here, and the words that go on."""

    __slots__ = ("children", "entries")

    def __init__(self) -> None:
        self.children: dict[str, _Node] = {}
        self.entries: list[Entry] = []


class Gazetteer:
    """Phrases in a word trie over folded keys; a match is the longest phrase at a token."""

    def __init__(self) -> None:
        self._root = _Node()
        self._size = 0
        # Per surface word, the trie nodes its keys start (with the letters each key cuts):
        # most words start no phrase, and then one look-up says so.
        self._starts: dict[str, tuple[tuple[_Node, int], ...]] = {}

    def add(self, phrase: str, entry: Entry) -> None:
        self._starts.clear()
        for keys in phrase_keys(phrase):
            node = self._root
            for key in keys:
                node = node.children.setdefault(key, _Node())
            if entry not in node.entries:
                node.entries.append(entry)
                node.entries.sort(key=lambda e: KIND_PRIORITY[e.kind])
                self._size += 1

    def freeze(self) -> None:
        """Nothing left to order: the trie finds the longest phrase as it walks."""

    def match_at(self, tokens: Sequence[Token], i: int) -> Match | None:
        """The longest phrase starting at tokens[i], or None."""
        for node, cut in self._starts_of(tokens[i].text):
            best = (i + 1, node.entries) if node.entries else None
            j = i + 1
            while node.children and j < len(tokens):
                node = next((node.children[k] for k in bare_keys(tokens[j].text)
                             if k in node.children), None)
                if node is None:
                    break
                j += 1
                if node.entries:
                    best = (j, node.entries)
            if best is not None:
                return Match(i, best[0], tuple(best[1]), cut)
        return None

    def _starts_of(self, word: str) -> tuple[tuple[_Node, int], ...]:
        starts = self._starts.get(word)
        if starts is None:
            children = self._root.children
            starts = tuple((children[key], cut) for key, cut in token_keys(word)
                           if key in children)
            if len(self._starts) < _STARTS_CACHE_LIMIT:
                self._starts[word] = starts
        return starts

    def __len__(self) -> int:
        return self._size


def _country_entries() -> Iterable[tuple[str, Entry]]:
    for form, found in load_countries().forms():
        country = found.entry
        yield form, Entry("country", country.code, country.name, found.via, country)


def _organisation_entries() -> Iterable[tuple[str, Entry]]:
    for org in load_organisations().entries:
        for form in org.forms:
            yield form, Entry("organisation", org.code, org.name, org.kind, org)


def _construct_form(form: str) -> str | None:
    """وزير الخارجية → وزير خارجية, as in وزير خارجية روسيا (the genitive noun drops ال)."""
    words = form.split()
    if len(words) == 2 and words[1].startswith(_ARTICLE) and not words[0].startswith(_ARTICLE):
        return f"{words[0]} {words[1][2:]}"
    return None


def _role_entries() -> Iterable[tuple[str, Entry]]:
    for role in load_roles().entries:
        for form in role.forms:
            entry = Entry("role", role.role, form, role.kind, role)
            yield form, entry
            construct = _construct_form(fold_str(form))
            if construct:
                yield construct, entry


def _person_entries() -> Iterable[tuple[str, Entry]]:
    table = load_persons()
    for phrase in table.phrases():
        people = tuple(p for p in (table.get(i) for i in phrase.person_ids) if p is not None)
        via = "person?" if phrase.ambiguous else "person"
        yield phrase.text, Entry("person", None, people[0].name, via, people)


def _place_entries() -> Iterable[tuple[str, Entry]]:
    table = load_places()
    for place in table.places:
        for form in place.forms:
            yield form, Entry("place", None, place.name, "place", form)


@functools.cache
def load_gazetteer() -> Gazetteer:
    """The matcher over all actor lexicons, built once per process."""
    gazetteer = Gazetteer()
    for source in (_person_entries, _organisation_entries, _country_entries, _role_entries,
                   _place_entries):
        for phrase, entry in source():
            gazetteer.add(phrase, entry)
    gazetteer.freeze()
    return gazetteer


# Hashtags join a name's words with underscores (#تحالف_دعم_الشرعية) and news sets names in
# quotation marks (منظمة "أنقذوا الأطفال"): matching skips these marks inside a phrase.
_HASHTAG_MARKS = frozenset('#_"«»“”')


def match_tokens(tokens: Sequence[Token], gazetteer: Gazetteer | None = None) -> list[Match]:
    """Greedy longest matches, left to right, that do not overlap (token indexes into
    `tokens`; the # and _ of hashtags are skipped inside a phrase)."""
    gazetteer = gazetteer or load_gazetteer()
    kept = [i for i, t in enumerate(tokens) if t.text not in _HASHTAG_MARKS]
    words = [tokens[i] for i in kept] if len(kept) < len(tokens) else tokens
    found, i = [], 0
    while i < len(words):
        hit = gazetteer.match_at(words, i) if words[i].is_arabic else None
        if hit is None:
            i += 1
        else:
            found.append(hit if words is tokens else
                         Match(kept[hit.start], kept[hit.end - 1] + 1, hit.entries, hit.cut))
            i = hit.end
    return found
