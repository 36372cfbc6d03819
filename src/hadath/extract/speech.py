"""Speech cues in tokens: speech verbs, complementizers, attributions, anonymous subjects.

Words are matched on their folded form (`fold_str`) with proclitics peeled
off one by one, so وقالت, فقال and وبحسب meet the table entries قالت, قال
and بحسب. Verb tables hold the base forms; `speech_verb_forms` adds the
inflections news uses (past: -ت -وا -ا -تا; imperfect: ت- -ون -ان).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass

from hadath.extract import speech_words as words
from hadath.text.fold import fold_str
from hadath.text.spans import Token

__all__ = [
    "Cue",
    "cue_kind",
    "find_cues",
    "is_complementizer",
    "speech_verb_forms",
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


@dataclass(frozen=True, slots=True)
class Cue:
    """A word that introduces reported speech."""

    index: int  # position in the token list
    kind: str  # say | add | call | relay | noun (see speech_words)
    text: str  # the word as written
    start: int
    end: int


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


@functools.cache
def _folded_set(table: tuple[str, ...]) -> frozenset[str]:
    return frozenset(fold_str(w) for w in table)


def word_in(token: Token, table: tuple[str, ...]) -> bool:
    """Is the token, with or without its proclitics, one of the table's words?"""
    wanted = _folded_set(table)
    return any(k in wanted for k in word_keys(token.text))


def _inflect(base: str, endings: Iterable[str]) -> list[str]:
    return [base + e for e in endings]


@functools.cache
def speech_verb_forms() -> dict[str, str]:
    """Folded form -> cue kind, for every speech verb form in the tables."""
    forms: dict[str, str] = {}
    for kind, past, imperfect, participles, extra in words.VERBS:
        found = list(participles) + list(extra)
        if past:
            found += _inflect(past, _PAST_ENDINGS)
        if imperfect:
            found += _inflect(imperfect, _IMPERFECT_ENDINGS)
            found += _inflect(_TEH + imperfect[1:], _IMPERFECT_ENDINGS[:1])
        for form in found:
            forms.setdefault(fold_str(form), kind)
    return forms


def cue_kind(token: Token) -> str | None:
    """The cue kind of a speech verb token (وقال -> say), else None."""
    if not token.is_arabic:
        return None
    forms = speech_verb_forms()
    for key in word_keys(token.text, nominal=False):
        if key in forms:
            return forms[key]
    return None


def find_cues(tokens: list[Token] | tuple[Token, ...]) -> list[Cue]:
    """Every speech cue among `tokens`, in order."""
    cues = []
    for i, token in enumerate(tokens):
        kind = cue_kind(token)
        if kind is not None:
            cues.append(Cue(i, kind, token.text, token.start, token.end))
    return cues


def is_complementizer(token: Token) -> bool:
    """إن / أن / بأن, alone or with an attached pronoun (إنه، بأنها), but not لأن."""
    if not token.is_arabic:
        return False
    key = fold_str(token.text)
    if key.startswith(_BEH):
        key = key[1:]
    return key[:2] in _COMPLEMENTIZERS and key[2:] in _PRONOUNS
