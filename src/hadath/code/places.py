"""Places of a document: its city mentions resolved in the gazetteer, in the story's context.

An ambiguous name takes the candidate in the article's main country, else one in
any country the article names, else the capital, else the most populous
(طرابلس is Tripoli, Libya in a Libya story and Tripoli, Lebanon in a Lebanon one).
Capitals named as actors (أعلنت موسكو) are places too: that is where they act from.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from hadath.code.mentions import Mention
from hadath.lexicon.places import load_places
from hadath.records import Place

__all__ = ["resolve_places"]


def _context(mentions: Sequence[Mention]) -> list[str]:
    counts = Counter(m.code[:3] for m in mentions if m.code and m.kind == "country")
    return [code for code, _ in counts.most_common()]


def resolve_places(mentions: Sequence[Mention]) -> list[Place]:
    """A Place record for each place or capital mention the gazetteer resolves."""
    table = load_places()
    context = _context(mentions)
    places = []
    for m in mentions:
        if m.kind != "place" and not m.basis.endswith("capital"):
            continue
        found = None
        for countries in ([context[0]] if context else [], context):
            found = table.resolve(m.text, countries) if countries else None
            if found is not None and found.country in countries:
                break
        found = found or table.resolve(m.text)
        if found is not None:
            places.append(Place(found.name, found.country, found.lat, found.lon,
                                m.text, m.start, m.end))
    return places
