"""HTML pages: the article's main text and metadata, extracted with trafilatura.

Boilerplate (menus, footers, related links), scripts and styles never reach
the text. The page's title, its publication date when the page states one
(meta tags, structured data, the URL) and its URL (`<link rel="canonical">`,
`og:url`) fill `title`, `published` and `url`; `source` is the site's host.
trafilatura reads the page it is given and fetches nothing. It is an optional
dependency: `pip install 'hadath[web]'`.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path
from types import ModuleType
from typing import Any
from urllib.parse import urlsplit

from hadath.errors import MissingExtraError

__all__ = ["HTML_SUFFIXES", "MIN_WORDS", "PageError", "extract_page", "page_fields",
           "read_page_file", "trafilatura_module"]

HTML_SUFFIXES = (".html", ".htm", ".xhtml")

# hamza..yeh (U+0621..U+064A) in UTF-8: D8 A1..D8 BF, D9 80..D9 8A
_ARABIC_LETTER_BYTES = re.compile(rb"\xd8[\xa1-\xbf]|\xd9[\x80-\x8a]")
_ARABIC_LETTER = re.compile("[\u0621-\u064a]")  # hamza..yeh
# Publication dates from the page's own statements only: no guessing from any date in the text.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}
# Fewer words is a menu, a caption or an error page, not an article (trafilatura's fallbacks
# return whatever text a page has).
MIN_WORDS = 5


class PageError(ValueError):
    """A page with no article in it; the message is the manifest reason."""


@functools.cache
def trafilatura_module() -> ModuleType:
    """trafilatura, or an error naming the extra that installs it."""
    try:
        import trafilatura
    except ImportError as exc:
        raise MissingExtraError("HTML and WARC input need trafilatura: "
                                "pip install 'hadath[web]'") from exc
    return trafilatura


def page_has_arabic(content: bytes | str) -> bool:
    """Whether the page has any Arabic letter at all (checked before the costly extraction).

    Pages in legacy encodings (windows-1256) are not UTF-8: they pass, and the
    extracted text is checked instead.
    """
    if isinstance(content, str):
        return _ARABIC_LETTER.search(content) is not None
    try:
        content.decode("utf-8")
    except UnicodeDecodeError:
        return True
    return _ARABIC_LETTER_BYTES.search(content) is not None


def extract_page(content: bytes | str, url: str | None = None) -> dict[str, Any]:
    """An input record's fields (text, title, published, url, source) from one HTML page.

    Args:
        content: the page, as bytes (its encoding is detected) or text.
        url: where the page came from, when known (a WARC record's target URI).
    Raises:
        PageError: the page holds no main text.
        MissingExtraError: trafilatura is not installed.
    """
    trafilatura = trafilatura_module()
    try:
        document = trafilatura.bare_extraction(
            content, url=url, with_metadata=True, include_comments=False, include_tables=True,
            include_images=False, include_links=False, date_extraction_params=_DATE_PARAMS)
    except Exception as exc:  # lxml and trafilatura errors on a broken page: one page fails
        raise PageError(f"HTML page not parsed: {type(exc).__name__}: {exc}"[:300]) from exc
    text = (getattr(document, "text", None) or "").strip() if document is not None else ""
    words = len(text.split())
    if words < MIN_WORDS:
        count = f" ({words} word{'s' if words > 1 else ''})" if words else ""
        raise PageError(f"HTML page without main text{count}")
    return page_fields(document, text, url)


def page_fields(document: Any, text: str, url: str | None) -> dict[str, Any]:
    """The record fields from trafilatura's document; the title is not repeated in the text."""
    title = (document.title or "").strip() or None
    if title:
        head, _, rest = text.partition("\n")
        if head.strip() == title and rest.strip():
            text = rest.strip()
    page_url = document.url or url
    host = urlsplit(page_url).hostname if page_url else None
    source = host.removeprefix("www.") if host else (document.sitename or None)
    return {"text": text, "title": title, "published": document.date or None,
            "url": page_url, "source": source}


def read_page_file(path: Path, max_bytes: int) -> dict[str, Any]:
    """The record fields of an HTML file; its stem is the id.

    Raises:
        PageError: over `max_bytes`, no Arabic, or no main text.
        OSError: the file cannot be read.
    """
    size = path.stat().st_size
    if size > max_bytes:
        raise PageError(f"HTML file of {size:,} bytes is over the size limit")
    content = path.read_bytes()
    if not page_has_arabic(content):
        raise PageError("no Arabic text")
    return {"id": path.stem, **extract_page(content)}
