"""Speech cues in tokens: speech verbs, complementizers, attributions, anonymous subjects.

Words are matched on their folded form (`fold_str`) with proclitics peeled
off one by one, so وقالت, فقال and وبحسب meet the table entries قالت, قال
and بحسب. Verb tables hold the base forms; `speech_verb_forms` adds the
inflections news uses (past: -ت -وا -ا -تا; imperfect: ت- -ون -ان).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from hadath.extract import speech_words as words
from hadath.text.fold import fold_str
from hadath.text.spans import Token

__all__ = [
    "Cue",
    "cue_kind",
    "find_cues",
    "is_complementizer",
    "is_pronoun_pp",
    "speech_verb_forms",
    "takes_prepositional_object",
    "word_in",
    "word_keys",
]

_WAW, _FEH = "\u0648", "\u0641"  # waw, feh: conjunctions
_BEH, _LAM, _KAF = "\u0628", "\u0644", "\u0643"  # beh, lam, kaf: prepositions
_ARTICLE = "\u0627\u0644"  # alef lam: the article
_TEH = "\u062a"  # teh: 3rd person feminine
_PAST_ENDINGS = ("", _TEH, "\u0648\u0627", "\u0627", _TEH + "\u0627")  # '' ت وا ا تا
_IMPERFECT_ENDINGS = ("", "\u0648\u0646", "\u0627\u0646")  # '' ون ان
# Pronouns attached to a complementizer: إنه، أنها، أنهم، أننا ...
_PRONOUNS = frozenset(
    fold_str(p)
    for p in (
        "",
        "\u0647",  # heh: him
        "\u0647\u0627",  # heh alef: her
        "\u0647\u0645",  # heh meem: them
        "\u0647\u0645\u0627",  # heh meem alef: them two
        "\u0647\u0646",  # heh noon: them (f.)
        "\u0646\u0627",  # noon alef: us
        "\u0646\u064a",  # noon yeh: me
        "\u064a",  # yeh: me
        "\u0643\u0645",  # kaf meem: you
    )
)
_COMPLEMENTIZERS = frozenset(fold_str(w) for w in words.COMPLEMENTIZERS)
_SENTENCE_END = frozenset(".!?\u061f")  # . ! ? ؟
RELAY_WINDOW = 10  # tokens searched after نقل for its عن


@dataclass(frozen=True, slots=True)
class Cue:
    """A word that introduces reported speech."""

    index: int  # position in the token list
    kind: str  # say | add | call | relay | noun (see speech_words)
    text: str  # the word as written
    start: int
    end: int
    participle: bool = False  # مؤكدا، قائلا: shares its clause's subject, never has its own


# Asked of every word of every article: sized above a year of news's vocabulary (ANT has
# 149,000 distinct words; a cache of 65,536 kept missing).
@functools.lru_cache(maxsize=1 << 18)
def word_keys(text: str, *, nominal: bool = True) -> tuple[str, ...]:
    """The folded word and what remains after peeling proclitics (و ف, then ب ل ك, then ال).

    With nominal=False only the conjunctions and ل are peeled (verbs take no ب or ال;
    ليقول، لتضيف take ل).
    """
    keys = [fold_str(text)]
    for peel in ((_WAW, _FEH), (_BEH, _LAM, _KAF) if nominal else (_LAM,)):
        keys += [k[1:] for k in keys if len(k) > 3 and k[0] in peel]
    if nominal:
        keys += [k[2:] for k in keys if k.startswith(_ARTICLE) and len(k) > 4]
        # لل: ل + ال with the alef dropped (للمنظمة)
        keys += [k[2:] for k in keys if k.startswith(_LAM + _LAM) and len(k) > 4]
    return tuple(dict.fromkeys(keys))


# Folded word sets of the tables `word_in` is asked about, by the table's identity: hashing
# a whole tuple per question (functools.cache) cost more than the question.
_FOLDED_SETS: dict[int, tuple[tuple[str, ...], frozenset[str]]] = {}


# words_in's answers, by table identity (tables in _FOLDED_SETS, kept alive there) and word.
_WORDS_IN: dict[int, dict[str, bool]] = {}
_WORDS_IN_LIMIT = 1 << 17


def _folded_set(table: tuple[str, ...]) -> frozenset[str]:
    held = _FOLDED_SETS.get(id(table))
    if held is None or held[0] is not table:  # the table is kept, so its id is not reused
        held = _FOLDED_SETS[id(table)] = (table, frozenset(fold_str(w) for w in table))
    return held[1]


def word_in(token: Token, table: tuple[str, ...]) -> bool:
    """Is the token, with or without its proclitics, one of the table's words?"""
    return not _folded_set(table).isdisjoint(word_keys(token.text))


def words_in(tokens: Sequence[Token], table: tuple[str, ...]) -> list[bool]:
    """`word_in` for each token: one pass, for the scans over a whole article (the answers
    kept per surface word and table: a look-up per token)."""
    wanted = _folded_set(table)
    known = _WORDS_IN.setdefault(id(table), {})
    if len(known) > _WORDS_IN_LIMIT:
        known.clear()
    found: list = [known.get(t.text) for t in tokens]  # None where not known yet
    if None in found:
        for i, answer in enumerate(found):
            if answer is None:
                text = tokens[i].text
                found[i] = known[text] = not wanted.isdisjoint(word_keys(text))
    return found


def _inflect(base: str, endings: Iterable[str]) -> list[str]:
    return [base + e for e in endings]


@functools.cache
def _participle_forms() -> frozenset[str]:
    return frozenset(fold_str(p) for _, _, _, participles, _ in words.VERBS for p in participles)


def _is_participle(token: Token) -> bool:
    return any(k in _participle_forms() for k in word_keys(token.text, nominal=False))


@functools.cache
def _verb_forms() -> dict[str, tuple[str, str]]:
    """Folded form -> (cue kind, folded past base), for every speech verb form."""
    forms: dict[str, tuple[str, str]] = {}
    for kind, past, imperfect, participles, extra in words.VERBS:
        found = list(participles) + list(extra)
        if past:
            found += _inflect(past, _PAST_ENDINGS)
        if imperfect:
            found += _inflect(imperfect, _IMPERFECT_ENDINGS)
            found += _inflect(_TEH + imperfect[1:], _IMPERFECT_ENDINGS[:1])
        for form in found:
            forms.setdefault(fold_str(form), (kind, fold_str(past)))
    return forms


@functools.cache
def speech_verb_forms() -> dict[str, str]:
    """Folded form -> cue kind, for every speech verb form in the tables."""
    return {form: kind for form, (kind, _) in _verb_forms().items()}


@functools.cache
def _object_preps() -> frozenset[tuple[str, str]]:
    return frozenset((fold_str(verb), fold_str(prep)) for verb, prep in words.OBJECT_PREPS)


def takes_prepositional_object(cue_text: str, prep: Token) -> bool:
    """Does the speech verb `cue_text` report its content as the object of `prep`
    (أشار إلى ضرورة الحوار، شدد على أهمية), rather than only as إلى أن / على أن?"""
    forms = _verb_forms()
    bases = {forms[k][1] for k in word_keys(cue_text, nominal=False) if k in forms}
    preps = set(word_keys(prep.text))
    return any((base, p) in _object_preps() for base in bases for p in preps)


def cue_kind(token: Token) -> str | None:
    """The cue kind of a speech verb token (وقال -> say), else None."""
    return _cue_kind_of(token.text) if token.is_arabic else None


@functools.lru_cache(maxsize=1 << 18)  # asked of every token of every article
def _cue_kind_of(text: str) -> str | None:
    forms = speech_verb_forms()
    for key in word_keys(text, nominal=False):
        if key in forms:
            return forms[key]
    return None


def _relays(tokens: list[Token] | tuple[Token, ...], at: int) -> bool:
    """Is the relay verb at tokens[at] followed by its عن in the same sentence (نقلت الوكالة
    عن)? Without it نقل is "to move" (نقل الجرحى إلى المستشفى)."""
    for token in tokens[at + 1 : at + 1 + RELAY_WINDOW]:
        if token.text in _SENTENCE_END:
            return False
        if word_in(token, words.FROM_WORDS):
            return True
    return False


def find_cues(tokens: list[Token] | tuple[Token, ...]) -> list[Cue]:
    """Every speech cue among `tokens`, in order."""
    cues: list[Cue] = []
    for i, token in enumerate(tokens):
        kind = _cue_kind_of(token.text) if token.is_arabic else None  # cue_kind, inlined
        if kind is None or (kind == "relay" and not _relays(tokens, i)):
            continue
        if i > 0 and word_in(tokens[i - 1], words.NEGATIONS):
            continue  # لم يذكر اسمه، لم يوضح: no speech is reported
        if word_in(token, words.NARRATOR_ASIDES) and i + 1 < len(tokens) and (
            is_complementizer(tokens[i + 1])
        ):
            continue  # يذكر أن: "it is worth noting", the journalist's own aside
        if cues and cues[-1].index == i - 1:
            continue  # وتابع قائلا، وأضاف بالقول: one speech act, its verb comes first
        cues.append(Cue(i, kind, token.text, token.start, token.end, _is_participle(token)))
    return cues


def is_complementizer(token: Token) -> bool:
    """إن / أن / بأن, alone or with an attached pronoun (إنه، بأنها), but not لأن."""
    return token.is_arabic and _is_complementizer(token.text)


@functools.lru_cache(maxsize=1 << 18)  # asked of every token of every article
def _is_complementizer(text: str) -> bool:
    key = fold_str(text)
    if key.startswith(_BEH):
        key = key[1:]
    return key[:2] in _COMPLEMENTIZERS and key[2:] in _PRONOUNS


@functools.cache
def _pronoun_pps() -> frozenset[str]:
    return frozenset(fold_str(p) + pronoun for p in words.PRONOUN_PREPS
                     for pronoun in _PRONOUNS if pronoun)


def is_pronoun_pp(token: Token) -> bool:
    """A preposition with an attached pronoun (فيها، عنه، عليها، له، وبه)."""
    return any(k in _pronoun_pps() for k in word_keys(token.text, nominal=False))
