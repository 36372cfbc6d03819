"""A coded mention: a stretch of text, what it names, its actor code and the rule behind it."""

from __future__ import annotations

from dataclasses import dataclass

from hadath.text.fold import fold
from hadath.text.spans import Token

__all__ = ["Mention", "phrase_start"]


@dataclass(frozen=True, slots=True)
class Mention:
    """A coded stretch of text: what it is, its code and why."""

    start: int
    end: int
    text: str
    type: str  # PER ORG LOC GPE NORP
    kind: str  # person country organisation group, or "place"
    code: str | None
    name: str
    basis: str  # the rule that gave the code, for `hadath actors lookup` and debugging


def phrase_start(token: Token, cut: int) -> int:
    """Where a phrase starts in its first token, after `cut` folded letters of clitics."""
    if cut == 0:
        return token.start
    return token.start + fold(token.text).where[cut]
