"""What coded mentions refer back to: the story's country, antecedents, surnames, anaphors.

These passes run after the lexicon and recogniser matches are coded (see actors.py):
a bare role or an unknown name takes its antecedent's code, its sentence's country or
the story's; a surname alone is the person named in full before it; البلاد and بلاده
are the last country named.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace

from hadath.code.mentions import Mention, phrase_start
from hadath.extract.gazetteer import bare_keys, token_keys
from hadath.lexicon.countries import load_countries
from hadath.text.fold import fold, fold_str
from hadath.text.spans import Token

__all__ = ["country_of", "fill_bare_roles", "link_surnames", "main_country", "one_code_per_name",
           "resolve_country_anaphors"]

_TRANSNATIONAL = frozenset(("IGO", "NGO", "IMG"))
_COUNTRY_ANAPHORS = frozenset(fold_str(w) for w in (
    "البلاد", "بلاده", "بلادها", "بلادهم", "بلادنا", "البلد"))
_ANTECEDENT_CHARS = 600  # about three sentences of news
_FORMER = frozenset(fold_str(w) for w in ("السابق", "السابقة", "الأسبق", "الأسبقة", "سابق"))
_ARTICLE = "ال"


def tokens_holding(text: str, tokens: Sequence[Token], keys: Iterable[str]) -> list[Token]:
    """The tokens whose folded text contains one of the folded `keys`, in text order.

    A few substring searches over the folded article stand in for a key lookup per token:
    the callers look for a handful of words among hundreds. Every token whose lookup keys
    (`token_keys`) hold a key contains it, or, for a key with the article read into لل
    (للبلاد → البلاد), contains it without the article; so the callers' own test on these
    tokens finds what it would find on all of them.
    """
    folded = fold(text)
    hits: list[int] = []
    for key in set(keys):
        needle = key[len(_ARTICLE):] if key.startswith(_ARTICLE) and len(key) > 3 else key
        at = folded.text.find(needle)
        while at >= 0:
            hits.append(folded.where[at])
            at = folded.text.find(needle, at + 1)
    starts = [t.start for t in tokens]
    found: list[Token] = []
    last = -1
    for at in sorted(hits):
        i = bisect_right(starts, at) - 1
        if i > last and tokens[i].end > at:
            found.append(tokens[i])
            last = i
    return found


def country_of(m: Mention) -> str | None:
    """The country a coded mention belongs to: a country, or a role of one (SYRMIL → SYR)."""
    if not m.code or m.code[:3] in _TRANSNATIONAL or m.kind == "place":
        return None
    return m.code[:3] if m.kind == "country" or " role + country" in m.basis else None


def main_country(mentions: Sequence[Mention]) -> str | None:
    """The country the story is about: the one named most, by name, nisba or title."""
    countries = [c for c in map(country_of, mentions) if c]
    if not countries:
        return None
    counts = Counter(countries)
    top = max(counts.values())
    return next(c for c in countries if counts[c] == top)


def fill_bare_roles(text: str, mentions: list[Mention]) -> list[Mention]:
    """Role words and recognised names with no country of their own take the article's
    main country: a collective (الشرطة، المتظاهرون) or a lone title (النائب العام) most often
    belongs to the story's country (see _is_guessed_title for what follows). A former
    office holder (الوزير السابق) does not: the current government is not theirs."""
    main = main_country(mentions)
    if main is None:
        return mentions
    filled = []
    for m in mentions:
        role = None
        if m.code is None and m.type == "PER" and m.basis.startswith("name with title"):
            role = m.basis.split()[-1]
        elif m.code is None and m.type == "PER" and m.basis == "recognised name":
            near = _sentence_country(text, m, mentions)
            if near is not None:
                filled.append(replace(m, code=near, basis=f"{m.basis} + country in its sentence"))
                continue
            role = ""
        elif m.code is None and m.basis.startswith("role ") and not _is_former(text, m.end):
            antecedent = _antecedent(m, filled)
            if antecedent is not None:
                filled.append(replace(m, code=antecedent.code,
                                      basis=f"{m.basis} + antecedent «{antecedent.text}»"))
                continue
            role = m.basis.split()[1]
        if role is not None:
            m = replace(m, code=f"{main}{role}", basis=f"{m.basis} + main country {main}")
        filled.append(m)
    return filled


def _antecedent(m: Mention, earlier: Sequence[Mention]) -> Mention | None:
    """The last coded mention before a bare role word that holds the same role, not far
    back: الوزيران after two foreign ministers, المنظمة after a named NGO, المتحدث after
    a named spokesman's body."""
    role = m.basis.split()[1]
    for prior in reversed(earlier):
        if m.start - prior.end > _ANTECEDENT_CHARS:
            return None
        code = prior.code or ""
        if code and (code[3:] == role or (role == "NGO" and code.startswith("NGO"))):
            return prior
    return None


def one_code_per_name(mentions: list[Mention]) -> list[Mention]:
    """A recognised person keeps one code through the article: the first mention's."""
    first: dict[str, Mention] = {}
    unified = []
    for m in mentions:
        if m.type == "PER" and m.basis.startswith("recognised name") and m.code:
            key = fold_str(m.text)
            held = first.setdefault(key, m)
            if held is not m:
                m = replace(m, code=held.code, basis=held.basis)
        unified.append(m)
    return unified


def _sentence_country(text: str, m: Mention, mentions: Sequence[Mention]) -> str | None:
    """The country named nearest after an unknown person in the same sentence (ريتشارد
    جرينيل، الذي أدى اليمين سفيرا للولايات المتحدة), else nearest before it."""
    left = max(text.rfind(".", 0, m.start), text.rfind("\n", 0, m.start)) + 1
    right = min((i for i in (text.find(".", m.end), text.find("\n", m.end)) if i >= 0),
                default=len(text))
    after = [c for x in mentions if m.end <= x.start < right and (c := country_of(x))]
    before = [c for x in mentions if left <= x.start < m.start and (c := country_of(x))]
    return after[0] if after else (before[-1] if before else None)


def _is_former(text: str, end: int) -> bool:
    following = text[end:end + 12].split()
    return bool(following) and fold_str(following[0]) in _FORMER


def _surnames(mentions: Sequence[Mention]) -> dict[str, Mention]:
    """The last word of each person's full name, when no two persons share it."""
    found: dict[str, Mention] = {}
    clashes: set[str] = set()
    for m in mentions:
        words = fold_str(m.text).split()
        if m.type != "PER" or not m.code or len(words) < 2 or len(words[-1]) < 3:
            continue
        held = found.get(words[-1])
        if held is not None and held.name != m.name:
            clashes.add(words[-1])
        found.setdefault(words[-1], m)
    return {k: v for k, v in found.items() if k not in clashes}


def link_surnames(text: str, tokens: Sequence[Token], mentions: list[Mention]) -> list[Mention]:
    """A surname alone (المشاط، جرينيل) after the full name is the same person."""
    surnames = _surnames(mentions)
    if not surnames:
        return mentions
    linked = []
    for m in mentions:
        person = surnames.get(fold_str(m.text))
        if person is not None and m.type == "PER" and m.basis.startswith("recognised"):
            m = replace(m, code=person.code, name=person.name, basis=f"surname of {person.name}")
        linked.append(m)
    covered = bytearray(len(text))
    for m in linked:
        covered[m.start:m.end] = b"\x01" * (m.end - m.start)
    for token in tokens_holding(text, tokens, surnames):
        if not token.is_arabic or covered.find(1, token.start, token.end) >= 0:
            continue
        for key, cut in token_keys(token.text):
            person = surnames.get(key)
            if person is not None:
                start = phrase_start(token, cut)
                linked.append(Mention(start, token.end, text[start:token.end], "PER", "person",
                                      person.code, person.name, f"surname of {person.name}"))
                break
    return sorted(linked, key=lambda m: (m.start, m.end))


def resolve_country_anaphors(text: str, tokens: Sequence[Token],
                              mentions: list[Mention]) -> list[Mention]:
    """البلاد (the country) and بلاده (his country) stand for the last country named before
    them, by name or through a title (وزارة خارجية باراغواي … البلاد ستنقل سفارتها)."""
    resolved = list(mentions)
    for token in tokens_holding(text, tokens, _COUNTRY_ANAPHORS):
        if _COUNTRY_ANAPHORS.isdisjoint(bare_keys(token.text)):  # bare_keys: cached per word
            continue
        earlier = [m for m in mentions if m.end <= token.start and country_of(m)]
        if not earlier or any(m.start < token.end and token.start < m.end for m in mentions):
            continue
        country = country_of(earlier[-1]) or ""
        entry = load_countries().by_code.get(country)
        start = token.name_start
        resolved.append(Mention(start, token.end, text[start:token.end], "GPE", "country",
                                country, entry.name if entry else country, "country anaphor"))
    return sorted(resolved, key=lambda m: (m.start, m.end))
