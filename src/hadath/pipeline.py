"""The pipeline: named components applied in order to a Doc.

`Pipeline.from_names` checks, when the pipeline is built, that every
component's requirements are assigned by an earlier one, so a misconfigured
pipeline fails before the first article rather than in the middle of a batch.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from hadath import components as _components
from hadath.errors import RegistryError
from hadath.registry import get_component
from hadath.text.doc import Doc
from hadath.version import __version__

__all__ = ["DEFAULT_COMPONENTS", "Pipeline", "code_text", "default_pipeline"]

DEFAULT_COMPONENTS: tuple[str, ...] = _components.DEFAULT_COMPONENTS

# What every Doc has before the first component runs.
_GIVEN = ("text", "published")


@dataclass(frozen=True)
class Pipeline:
    """An ordered list of named Doc-to-Doc components."""

    names: tuple[str, ...]
    steps: tuple[Callable[[Doc], Doc], ...]
    config: dict[str, dict[str, Any]]

    @classmethod
    def from_names(
        cls, names: Sequence[str], config: dict[str, dict[str, Any]] | None = None
    ) -> Pipeline:
        config = dict(config or {})
        assigned = set(_GIVEN)
        steps = []
        for name in names:
            info = get_component(name)
            missing = [r for r in info.requires if r not in assigned]
            if missing:
                raise RegistryError(
                    f"{name} requires {', '.join(missing)}, which no earlier component assigns"
                )
            steps.append(info.factory(**config.get(name, {})))
            assigned.update(info.assigns)
        return cls(tuple(names), tuple(steps), config)

    def __call__(self, doc: Doc) -> Doc:
        for name, step in zip(self.names, self.steps, strict=True):
            doc = step(doc)
            if not isinstance(doc, Doc):
                raise RegistryError(f"component {name} returned {type(doc).__name__}, not Doc")
        return replace(doc, meta={**doc.meta, "version": __version__,
                                  "pipeline": list(self.names)})

    def pipe(self, docs: Iterable[Doc]) -> Iterable[Doc]:
        for doc in docs:
            yield self(doc)


@functools.cache
def default_pipeline() -> Pipeline:
    """The standard pipeline, built once per process."""
    return Pipeline.from_names(DEFAULT_COMPONENTS)


def code_text(text: str, published: str | None = None, **fields: Any) -> Doc:
    """Code one article's text with the default pipeline."""
    return default_pipeline()(Doc.from_record({"text": text, "published": published, **fields}))
