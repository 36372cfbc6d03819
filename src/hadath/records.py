"""The records a coded document holds: entities, actors, events, quotes, dates, places.

A leaf module (any layer may import it). Each record turns into the JSON of the
output contract with `to_dict`; the contract's JSON Schema is
`hadath/schema/document.schema.json`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "Actor",
    "ActorRef",
    "DateRef",
    "Entity",
    "Event",
    "Place",
    "Quote",
]

ENTITY_TYPES = ("PER", "ORG", "LOC", "GPE", "NORP")
ACTOR_KINDS = ("person", "country", "organisation", "group")


def _drop_none(data: dict[str, Any], keep: tuple[str, ...] = ()) -> dict[str, Any]:
    return {k: v for k, v in data.items() if v is not None or k in keep}


@dataclass(frozen=True, slots=True)
class Entity:
    """A named mention: a span of text with its type and, once resolved, an actor code."""

    text: str
    start: int
    end: int
    type: str
    code: str | None = None
    name: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return _drop_none(
            {"text": self.text, "start": self.start, "end": self.end, "type": self.type,
             "code": self.code, "name": self.name}
        )


@dataclass(frozen=True, slots=True)
class Actor:
    """A distinct actor of the article with every place it is mentioned."""

    code: str
    name: str
    kind: str
    mentions: tuple[tuple[int, int], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "name": self.name, "kind": self.kind,
                "mentions": [list(m) for m in self.mentions]}


@dataclass(frozen=True, slots=True)
class ActorRef:
    """One side of an event or a quote's speaker: a code and the mention it comes from."""

    code: str | None
    name: str | None
    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "name": self.name, "text": self.text,
                "start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class Place:
    """A resolved place: name, ISO3 country, coordinates; offsets when it is a mention."""

    name: str
    country: str | None
    lat: float | None
    lon: float | None
    text: str | None = None
    start: int | None = None
    end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return _drop_none(
            {"name": self.name, "country": self.country, "lat": self.lat, "lon": self.lon,
             "text": self.text, "start": self.start, "end": self.end},
            keep=("country", "lat", "lon"),
        )


@dataclass(frozen=True, slots=True)
class DateRef:
    """A date expression of the text resolved against the publication date."""

    text: str
    start: int
    end: int
    value: str | None  # ISO date, or None when the expression cannot be resolved
    precision: str | None  # "day" | "month" | "year"

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end,
                "value": self.value, "precision": self.precision}


@dataclass(frozen=True, slots=True)
class Event:
    """A coded event with its evidence."""

    source: ActorRef | None
    target: ActorRef | None
    cameo: str
    cameo_label: str
    plover_type: str | None
    plover_mode: str | None
    goldstein: float | None
    quad_class: int | None
    trigger_text: str
    trigger_start: int
    trigger_end: int
    evidence_start: int
    evidence_end: int
    sentence_start: int
    sentence_end: int
    date: str | None = None
    date_precision: str | None = None
    place: Place | None = None
    negated: bool = False
    confidence: float = 0.5
    rule: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source.to_dict() if self.source else None,
            "target": self.target.to_dict() if self.target else None,
            "cameo": self.cameo,
            "cameo_label": self.cameo_label,
            "plover": {"type": self.plover_type, "mode": self.plover_mode},
            "goldstein": self.goldstein,
            "quad_class": self.quad_class,
            "date": self.date,
            "date_precision": self.date_precision,
            "place": self.place.to_dict() if self.place else None,
            "negated": self.negated,
            "sentence": {"start": self.sentence_start, "end": self.sentence_end},
            "trigger": {"text": self.trigger_text, "start": self.trigger_start,
                        "end": self.trigger_end},
            "evidence": {"start": self.evidence_start, "end": self.evidence_end},
            "confidence": self.confidence,
            "rule": self.rule,
        }


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct or indirect quotation and who said it."""

    speaker: ActorRef | None
    text: str
    start: int
    end: int
    kind: str  # "direct" | "indirect"
    verb: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"speaker": self.speaker.to_dict() if self.speaker else None,
                "text": self.text, "start": self.start, "end": self.end,
                "kind": self.kind, "verb": self.verb}
