"""Pipeline components of the coding layer: actors and places, events."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from hadath.code.actors import code_mentions, entities_and_actors
from hadath.code.events import code_events
from hadath.code.places import resolve_places
from hadath.extract.names import find_names
from hadath.extract.ner.model import packaged_models
from hadath.registry import component
from hadath.text.doc import Doc

__all__ = ["make_actor_coder", "make_event_coder"]


@component("hadath.actors.v1", requires=("sentences", "tokens"),
           assigns=("entities", "actors", "places"))
def make_actor_coder(use_recogniser: bool = True) -> Callable[[Doc], Doc]:
    """Find actor mentions (lexicons, then the name recogniser) and code them."""

    def code_actors(doc: Doc) -> Doc:
        names = find_names(doc.text, doc.sentences, doc.tokens) if use_recogniser else ()
        mentions = code_mentions(doc.text, doc.tokens, doc.published, names)
        entities, actors = entities_and_actors(mentions)
        meta = doc.meta
        if use_recogniser:  # which recogniser found the names: models change within a version
            meta = {**meta, "models": {**meta.get("models", {}), **packaged_models()}}
        return replace(doc, entities=tuple(entities), actors=tuple(actors),
                       places=tuple(resolve_places(mentions)), meta=meta)

    return code_actors


@component("hadath.events.v1", requires=("sentences", "tokens", "entities", "quotes", "dates",
                                         "places"), assigns=("events",))
def make_event_coder() -> Callable[[Doc], Doc]:
    """Code events: triggers from the action lexicon, with source, target, mode, date, place."""

    def code_doc_events(doc: Doc) -> Doc:
        events = code_events(doc.text, doc.tokens, doc.sentences, doc.entities, doc.quotes,
                             doc.dates, doc.places, doc.published)
        return replace(doc, events=tuple(events))

    return code_doc_events
