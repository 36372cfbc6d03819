"""The document: an article's text and everything hadath found in it.

Components take a Doc and return a new one (`dataclasses.replace`); nothing
mutates a Doc in place, so a pipeline step can never corrupt an earlier
step's spans. `Doc.to_dict` is the output contract (one JSON object per
article), `Doc.check_offsets` the guarantee behind it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from hadath.errors import OffsetError
from hadath.records import Actor, DateRef, Entity, Event, Place, Quote
from hadath.text.spans import Span, Token

__all__ = ["META_FIELDS", "Doc"]

# Article fields of the contract, in output order; any other input field is carried in `extra`.
META_FIELDS = ("id", "title", "published", "source", "url")


@dataclass(frozen=True, slots=True)
class Doc:
    """An article being coded."""

    text: str
    id: str | None = None
    title: str | None = None
    published: str | None = None
    source: str | None = None
    url: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    sentences: tuple[Span, ...] = ()
    tokens: tuple[Token, ...] = ()
    entities: tuple[Entity, ...] = ()
    actors: tuple[Actor, ...] = ()
    events: tuple[Event, ...] = ()
    quotes: tuple[Quote, ...] = ()
    dates: tuple[DateRef, ...] = ()
    places: tuple[Place, ...] = ()
    meta: dict[str, Any] = field(default_factory=dict)  # hadath's own: versions, timings

    def spans(self, tokens: bool = True) -> Iterator[tuple[str, int, int, str]]:
        """Every (where, start, end, text) this document claims about its text; with
        tokens=False, all but the tokens and their pieces (which no output holds)."""
        for s in self.sentences:
            yield "sentence", s.start, s.end, s.text
        for t in self.tokens if tokens else ():
            yield "token", t.start, t.end, t.text
            for piece in (*t.prefixes, t.stem, *((t.suffix,) if t.suffix else ())):
                yield "token piece", piece.start, piece.end, piece.text
        for e in self.entities:
            yield "entity", e.start, e.end, e.text
        for a in self.actors:
            for start, end in a.mentions:
                yield f"actor {a.code}", start, end, self.text[start:end]
        for ev in self.events:
            yield "trigger", ev.trigger_start, ev.trigger_end, ev.trigger_text
            for ref in (ev.source, ev.target):
                if ref is not None:
                    yield "event actor", ref.start, ref.end, ref.text
            if ev.place is not None and ev.place.start is not None:
                yield "event place", ev.place.start, ev.place.end or 0, ev.place.text or ""
        for q in self.quotes:
            yield "quote", q.start, q.end, q.text
            if q.speaker is not None:
                yield "speaker", q.speaker.start, q.speaker.end, q.speaker.text
        for d in self.dates:
            yield "date", d.start, d.end, d.text

    def check_offsets(self, tokens: bool = True) -> None:
        """Raise OffsetError if any span does not read its own text (the tokens' too,
        unless tokens=False: a batch run checks what it writes out)."""
        n = len(self.text)
        for where, start, end, text in self.spans(tokens):
            if not (0 <= start <= end <= n) or self.text[start:end] != text:
                raise OffsetError(
                    f"{self.id}: {where} {start}:{end} reads "
                    f"{self.text[start:end]!r}, not {text!r}"
                )

    def to_dict(self) -> dict[str, Any]:
        """The output contract's JSON object for this article."""
        out: dict[str, Any] = {k: getattr(self, k) for k in META_FIELDS}
        out["text"] = self.text
        for key, value in self.extra.items():
            out.setdefault(key, value)
        out["entities"] = [e.to_dict() for e in self.entities]
        out["actors"] = [a.to_dict() for a in self.actors]
        out["events"] = [e.to_dict() for e in self.events]
        out["quotes"] = [q.to_dict() for q in self.quotes]
        out["dates"] = [d.to_dict() for d in self.dates]
        out["places"] = [p.to_dict() for p in self.places]
        out["hadath"] = dict(self.meta)
        return out

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> Doc:
        """A Doc from an input record (`text` plus optional article fields)."""
        meta = {k: _as_text(record.get(k)) for k in META_FIELDS}
        reserved = {*META_FIELDS, "text", "entities", "actors", "events", "quotes", "dates",
                    "places", "hadath"}
        extra = {k: v for k, v in record.items() if k not in reserved}
        return cls(text=record["text"], extra=extra, **meta)


def _as_text(value: Any) -> str | None:
    if value is None or value == "":
        return None
    return value if isinstance(value, str) else str(value)
