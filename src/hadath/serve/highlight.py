"""An article's text cut into segments at every span boundary, for highlighting.

Spans overlap (a quote holds entities, an actor mention is an entity), so the text is
cut at every start and end, and each segment carries the set of spans over it. The
template writes one <span> per segment with autoescaping on: the text is never marked
safe, and no HTML is assembled here.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import Any

__all__ = ["Mark", "Segment", "marks_of", "segments"]


@dataclass(frozen=True)
class Mark:
    """One highlighted span: its layer (entity, trigger, actor, quote) and a label."""

    start: int
    end: int
    layer: str       # css class: ent, trig, actor, quote
    label: str       # shown as the segment's title
    kind: str = ""   # entity type (PER, GPE, ...), for a second class
    ref: str = ""    # an anchor the segment links to (event-3, quote-1)


@dataclass
class Segment:
    text: str
    start: int
    marks: list[Mark] = field(default_factory=list)

    @property
    def classes(self) -> str:
        names = sorted({f"hl-{m.layer}" for m in self.marks}
                       | {f"ent-{m.kind}" for m in self.marks if m.kind})
        return " ".join(["hl", *names]) if names else ""

    @property
    def title(self) -> str:
        return "; ".join(dict.fromkeys(m.label for m in self.marks))

    @property
    def layers(self) -> str:
        return " ".join(sorted({m.layer for m in self.marks}))

    @property
    def ref(self) -> str:
        return next((m.ref for m in self.marks if m.ref), "")


def marks_of(article: dict[str, Any]) -> list[Mark]:
    """The spans of an article (queries.article's dict) as marks."""
    found: list[Mark] = []
    for e in article["entities"]:
        found.append(Mark(e["start"], e["end"], "ent", f"{e['type']} {e.get('code') or ''}"
                          .strip(), kind=e["type"]))
    for a in article["actors"]:
        for start, end in a["mentions"]:
            found.append(Mark(start, end, "actor", f"actor {a['code']} {a.get('name') or ''}"
                              .strip()))
    for ev in article["events"]:
        trig = ev["trigger"]
        if trig["start"] is not None:
            found.append(Mark(trig["start"], trig["end"], "trig",
                              f"event {ev['cameo']} {ev.get('cameo_label') or ''}".strip(),
                              ref=f"event-{ev['idx']}"))
    for q in article["quotes"]:
        speaker = (q.get("speaker") or {}).get("code") or "?"
        found.append(Mark(q["start"], q["end"], "quote", f"quote ({q['kind']}) by {speaker}",
                          ref=f"quote-{q['idx']}"))
    return found


def segments(text: str, marks: list[Mark]) -> list[Segment]:
    """`text` cut at every mark boundary; each piece with the marks that cover it.

    The pieces join back into `text` exactly. Marks outside the text are ignored.
    """
    n = len(text)
    valid = [m for m in marks if 0 <= m.start < m.end <= n]
    cuts = sorted({0, n, *(m.start for m in valid), *(m.end for m in valid)})
    pieces = []
    for start, end in itertools.pairwise(cuts):
        covering = [m for m in valid if m.start <= start and end <= m.end]
        pieces.append(Segment(text[start:end], start, covering))
    return pieces
