"""Store fixtures: coded-document dicts built by hand, so store tests need no pipeline."""

from __future__ import annotations

from typing import Any

from hadath.extract.ner.model import packaged_models
from hadath.version import __version__

# What this installation's pipeline writes in a document's `hadath` block.
CURRENT_HADATH = {"version": __version__, "models": packaged_models()}


def make_event(text: str, source: str | None, target: str | None, cameo: str,
               date: str | None = "2024-03-06", negated: bool = False,
               place: dict[str, Any] | None = None) -> dict[str, Any]:
    def ref(code: str | None) -> dict[str, Any] | None:
        return None if code is None else {"code": code, "name": code, "text": text[:3],
                                          "start": 0, "end": 3}

    return {"source": ref(source), "target": ref(target), "cameo": cameo,
            "cameo_label": "", "plover": {"type": "CONSULT", "mode": "visit"},
            "goldstein": 1.9, "quad_class": 1, "date": date, "date_precision": "day",
            "place": place, "negated": negated, "sentence": {"start": 0, "end": len(text)},
            "trigger": {"text": text[4:8], "start": 4, "end": 8},
            "evidence": {"start": 0, "end": len(text)}, "confidence": 0.8}


def make_doc(ident: str, text: str, events: list[dict[str, Any]] | None = None,
             source: str = "t", published: str | None = "2024-03-06",
             title: str | None = None) -> dict[str, Any]:
    return {
        "id": ident, "title": title, "published": published, "source": source, "url": None,
        "text": text, "entities": [{"text": text[:3], "start": 0, "end": 3, "type": "GPE"}],
        "actors": [{"code": "DZA", "name": "Algeria", "kind": "country", "mentions": [[0, 3]]}],
        "events": events if events is not None else [make_event(text, "DZAGOV", "RUS", "042")],
        "quotes": [], "dates": [], "places": [], "hadath": dict(CURRENT_HADATH), "feed": "x",
    }
