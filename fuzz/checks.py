"""The invariants every fuzz target checks; each raises AssertionError when one breaks.

They are written against the output contract (plain dicts and JSON), not
against hadath's own `Doc.check_offsets`, so that a bug in that check cannot
hide a bug in the spans it checks.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable, Iterator
from importlib.resources import files
from typing import Any

from hadath.engine.readers import Record, Rejected

__all__ = ["check_document", "check_items", "check_spans", "document_validator"]


@functools.cache
def document_validator() -> Any:
    """The JSON Schema validator of `hadath schema` (jsonschema: the test extra)."""
    import jsonschema

    schema = json.loads(files("hadath.schema").joinpath("document.schema.json").read_text())
    return jsonschema.Draft202012Validator(schema)


def _spans(node: Any, where: str) -> Iterator[tuple[str, dict[str, Any]]]:
    if isinstance(node, dict):
        if "start" in node or "end" in node:
            yield where, node
        for key, value in node.items():
            yield from _spans(value, f"{where}.{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _spans(value, f"{where}[{index}]")


def check_spans(doc: dict[str, Any]) -> int:
    """Every start/end in `doc` lies in its text, and reads the span's own text; returns spans."""
    text = doc["text"]
    checked = 0
    for where, span in _spans({k: v for k, v in doc.items() if k != "text"}, "doc"):
        start, end = span.get("start"), span.get("end")
        if start is None and end is None:  # a place known by name only
            continue
        assert isinstance(start, int) and isinstance(end, int), f"{where}: {start!r}:{end!r}"
        assert 0 <= start <= end <= len(text), f"{where}: {start}:{end} out of 0:{len(text)}"
        if "text" in span:
            assert text[start:end] == span["text"], (
                f"{where}: {start}:{end} reads {text[start:end]!r}, not {span['text']!r}")
        checked += 1
    for actor in doc.get("actors", []):
        for start, end in actor["mentions"]:
            assert 0 <= start < end <= len(text), f"actor {actor['code']}: {start}:{end}"
            checked += 1
    return checked


def check_document(doc: dict[str, Any], validate: bool = True) -> None:
    """Spans read the text, the document is JSON in UTF-8 and follows the schema."""
    check_spans(doc)
    json.dumps(doc, ensure_ascii=False).encode("utf-8")  # no lone surrogate anywhere
    if validate:
        errors = sorted(document_validator().iter_errors(doc), key=str)
        assert not errors, f"schema: {errors[0].message} at {list(errors[0].absolute_path)}"


def check_items(items: Iterable[Record | Rejected], max_chars: int) -> list[Record | Rejected]:
    """Readers' output: records with acceptable text, rejections with a one-line reason."""
    seen = []
    for item in items:
        assert isinstance(item, Record | Rejected), type(item)
        if isinstance(item, Rejected):
            assert item.reason and "\n" not in item.reason, repr(item.reason)
            assert len(item.reason) <= 1_000, len(item.reason)
        else:
            text = item.data["text"]
            assert isinstance(text, str) and text.strip() and len(text) <= max_chars
            assert "\x00" not in text
            json.dumps(item.data, ensure_ascii=False).encode("utf-8")  # writable as UTF-8
        seen.append(item)
    return seen
