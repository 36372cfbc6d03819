"""The built-in components: importing this module registers them all.

Each layer registers its own components in its `components` module; this
list says which run by default and in what order.
"""

from hadath.code import components as _code_components  # noqa: F401
from hadath.extract import quotes as _quotes  # noqa: F401
from hadath.text import components as _text_components  # noqa: F401

__all__ = ["DEFAULT_COMPONENTS"]

DEFAULT_COMPONENTS: tuple[str, ...] = (
    "hadath.sentences.v1",
    "hadath.tokens.v1",
    "hadath.actors.v1",
    "hadath.quotes.v1",
    "hadath.dates.v1",
    "hadath.events.v1",
)
