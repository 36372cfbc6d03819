"""A registry of named pipeline components (a leaf: any layer may register).

A component is a factory that returns a Doc-to-Doc callable. Names carry a
version (`hadath.sentences.v1`); a change of behaviour is registered as a new
version so that an old configuration keeps meaning what it meant.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from hadath.errors import RegistryError

__all__ = ["ComponentInfo", "component", "get_component", "registered_names"]


@dataclass(frozen=True, slots=True)
class ComponentInfo:
    """What a component is called, what it needs from a Doc and what it fills."""

    name: str
    factory: Callable[..., Callable[[Any], Any]]
    requires: tuple[str, ...]
    assigns: tuple[str, ...]


_COMPONENTS: dict[str, ComponentInfo] = {}


def component(
    name: str, *, requires: tuple[str, ...] = (), assigns: tuple[str, ...] = ()
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Register `factory` under `name` (a decorator)."""

    def register(factory: Callable[..., Any]) -> Callable[..., Any]:
        if name in _COMPONENTS and _COMPONENTS[name].factory is not factory:
            raise RegistryError(f"component {name!r} is registered twice")
        _COMPONENTS[name] = ComponentInfo(name, factory, tuple(requires), tuple(assigns))
        return factory

    return register


def get_component(name: str) -> ComponentInfo:
    """The component registered as `name`; the error lists the valid names."""
    try:
        return _COMPONENTS[name]
    except KeyError:
        valid = ", ".join(sorted(_COMPONENTS)) or "(none)"
        raise RegistryError(f"unknown component {name!r}; registered: {valid}") from None


def registered_names() -> list[str]:
    return sorted(_COMPONENTS)
