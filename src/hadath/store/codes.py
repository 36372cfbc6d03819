"""Actor codes split into the parts exports name: country, known group, roles.

hadath codes an actor as a country (ISO alpha-3, RUS), a country with a role
(RUSGOV), or an organisation class with its own code (IGOUNO, IMGISI). GDELT
and PLOVER put the parts in separate fields.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from hadath.lexicon.countries import load_countries
from hadath.lexicon.roles import ROLE_CODES

__all__ = ["ActorParts", "split_actor_code"]

# CAMEO's organisation classes: the code after them names one organisation (IGO UNO).
_ORGANISATION_CLASSES = frozenset({"IGO", "NGO", "IMG", "MNC", "NGM"})
_PART = 3


@dataclass(frozen=True, slots=True)
class ActorParts:
    """The parts of one actor code; empty strings where the code has none."""

    country: str = ""
    known_group: str = ""
    types: tuple[str, ...] = ()


@functools.cache
def _country_codes() -> frozenset[str]:
    return frozenset(load_countries().by_code)


def split_actor_code(code: str | None) -> ActorParts:
    """RUSGOV -> country RUS, types (GOV,); IGOUNO -> known group UNO, types (IGO,).

    Example: split_actor_code("LBYREB") == ActorParts("LBY", "", ("REB",)).
    """
    if not code:
        return ActorParts()
    parts = [code[i:i + _PART] for i in range(0, len(code), _PART)]
    head, rest = parts[0], parts[1:]
    if head in _ORGANISATION_CLASSES:
        return ActorParts(known_group="".join(rest), types=(head,))
    if head in _country_codes():
        return ActorParts(country=head, types=tuple(rest))
    return ActorParts(types=tuple(p for p in parts if p in ROLE_CODES))  # a code of no country
