"""hadath: Arabic news to political event data (CAMEO, PLOVER), with evidence for every record.

The Python API, loaded on first use so that `import hadath` stays cheap:

    >>> import hadath
    >>> doc = hadath.code("التقى لافروف نظيره الجزائري أمس في موسكو", published="2020-07-09")
    >>> [e.cameo for e in doc.events]
    >>> store = hadath.open("events.sqlite")
    >>> store.events(source="RUS", root="04", since="2020-01-01")

`hadath.code` is also the package of the coding layer (hadath.code.events, ...):
the package is made callable here rather than renamed, so both keep working.
"""

from __future__ import annotations

import types
from typing import TYPE_CHECKING, Any

import hadath.code as _code_package  # an empty package: cheap
from hadath.version import __version__

if TYPE_CHECKING:
    from hadath.store.sqlite import Store
    from hadath.text.doc import Doc

__all__ = ["__version__", "code", "code_text", "open"]


class _CallableCodePackage(types.ModuleType):
    """The hadath.code package, which codes a text when called."""

    def __call__(self, text: str, published: str | None = None, **fields: Any) -> Doc:
        """Code one article's text with the default pipeline; returns the Doc.

        Args:
            text: the article text (Arabic).
            published: its publication date (ISO 8601), for relative dates and dated roles.
            fields: other record fields (id, title, source, url, ...).
        """
        from hadath.pipeline import code_text

        return code_text(text, published=published, **fields)


_code_package.__class__ = _CallableCodePackage
code = _code_package


def __getattr__(name: str) -> Any:
    # PEP 562: the store and the pipeline are imported only when asked for.
    if name == "open":
        from hadath.store.sqlite import open_store

        return open_store
    if name == "code_text":
        from hadath.pipeline import code_text

        return code_text
    raise AttributeError(f"module 'hadath' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


if TYPE_CHECKING:  # what hadath.open is, for type checkers (the builtin is not shadowed)
    def open(path: str) -> Store: ...
