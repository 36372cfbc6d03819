"""WARC files (`.warc`, `.warc.gz`, e.g. Common Crawl News): one input record per page.

Each `response` (or `resource`) record with an HTML or plain-text payload is a
candidate article: its id is the WARC-Record-ID (else the URL), its url the
WARC-Target-URI, its date the page's own publication date, else the WARC-Date
(when it was fetched). A response that is not HTML or text, not a success, not
Arabic, has no main text or cannot be read becomes a rejection naming the
record, so every page of the file is either coded or in the manifest.
`request`, `metadata`, `warcinfo` and `revisit` records hold no page and are
passed over. A truncated or corrupt file ends with one rejection saying where
reading stopped (a record shorter than its Content-Length, a file that stops
inside a record's headers, or an error from warcio or zlib); the records before
it are kept. Needs `pip install 'hadath[web]'`.
"""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from hadath.engine.html import PageError, extract_page, page_has_arabic
from hadath.engine.readers import (
    Item,
    ReadLimits,
    Rejected,
    shown_path,
    split_title,
    validate_record,
)
from hadath.errors import MissingExtraError

__all__ = ["read_warc_file"]

_PAGE_RECORDS = ("response", "resource")
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_TEXT_TYPES = ("text/plain",)
_GZIP_MAGIC = b"\x1f\x8b"
_MAX_TAIL = 64 << 20  # a gzip member this large is a whole file compressed at once


def _archive_iterator() -> Any:
    try:
        from warcio.archiveiterator import ArchiveIterator
    except ImportError as exc:
        raise MissingExtraError("WARC input needs warcio: pip install 'hadath[web]'") from exc
    return ArchiveIterator


def read_warc_file(path: Path, limits: ReadLimits) -> Iterator[Item]:
    """A record or a rejection per page of a WARC file, in file order."""
    archive_iterator = _archive_iterator()
    pages, cut = 0, False
    try:
        if not _starts_as_warc(path):
            yield Rejected(shown_path(path), "not a WARC file (no WARC/1.x header at its start)",
                           unread=True)
            return
        with path.open("rb") as stream:
            records = archive_iterator(stream, arc2warc=True)
            for record in records:
                if record.rec_type not in _PAGE_RECORDS:
                    cut = _missing_bytes(record) > 0  # a file cut in a request or metadata record
                    if cut:
                        yield Rejected(shown_path(path),
                                       f"WARC file truncated (in a {record.rec_type} "
                                       f"record, after {pages} page records)")
                    continue
                pages += 1
                item = _read_page(record, shown_path(path), limits)
                missing = _missing_bytes(record)  # also of pages refused before their payload
                cut = missing > 0
                if cut:
                    ident = item.id if isinstance(item, Rejected) else item.data["id"]
                    item = Rejected(shown_path(path), f"WARC record truncated ({missing:,} bytes "
                                    "missing)", id=ident)
                # The offset is known once the record is read (get_record_offset reads to its end).
                yield replace(item, origin=f"{path}@{records.get_record_offset()}")
            if not cut and _ends_short(path, getattr(records, "member_info", None)):
                # warcio ends quietly when a file stops inside a record's headers
                yield Rejected(shown_path(path),
                               f"WARC file truncated (after {pages} page records)",
                               unread=pages == 0)
    except Exception as exc:  # warcio, gzip and zlib errors on a corrupt or truncated file
        if isinstance(exc, MissingExtraError):
            raise
        where = f"after {pages} page records" if pages else "at its start"
        # The reason's kind (before the colon) stays the same whatever the place and error.
        yield Rejected(shown_path(path), f"WARC file unreadable: {type(exc).__name__}: {exc}"[:280]
                       + f" ({where})", unread=pages == 0)


def _missing_bytes(record: Any) -> int:
    """Bytes the record's Content-Length promised that the file does not hold (read to its end)."""
    while record.raw_stream.read(1 << 20):  # raw: a new content_stream() would re-decode
        pass
    return getattr(record.raw_stream, "limit", 0)


def _ends_short(path: Path, last_member: tuple[int, int] | None) -> bool:
    """Whether the file stops before the end of its last record (every record ends in CRLF CRLF).

    A gzipped WARC has one gzip member per record: the last one must inflate to its end.
    """
    with path.open("rb") as stream:
        head = stream.read(2)
        if head != _GZIP_MAGIC:
            stream.seek(0, 2)
            stream.seek(max(0, stream.tell() - 4))
            return stream.read() != b"\r\n\r\n"
        stream.seek(last_member[0] if last_member else 0)
        tail = stream.read(_MAX_TAIL + 1)
    if len(tail) > _MAX_TAIL:
        return False  # one member for the whole file: not checked (it would mean inflating all)
    data, rest = b"", tail
    while rest:  # the last member warcio read, then any it stopped in
        inflater = zlib.decompressobj(wbits=31)
        try:
            data = inflater.decompress(rest)
        except zlib.error:
            return True
        if not inflater.eof:
            return True
        rest = inflater.unused_data
    return not data.endswith(b"\r\n\r\n")


def _starts_as_warc(path: Path) -> bool:
    with path.open("rb") as stream:
        head = stream.read(2)
    opener = gzip.open if head == _GZIP_MAGIC else open
    with opener(path, "rb") as stream:
        return stream.read(6).startswith(b"WARC/")


def _read_page(record: Any, origin: str, limits: ReadLimits) -> Item:
    headers = record.rec_headers
    url = headers.get_header("WARC-Target-URI") or None
    ident = _record_id(headers.get_header("WARC-Record-ID")) or url
    status, content_type = _http_status_and_type(record)
    if status is not None and not status.startswith("2"):
        return Rejected(origin, f"WARC response with HTTP status {status}" if status else
                        "WARC response without an HTTP status line", id=ident)
    kind = content_type.split(";", 1)[0].strip().lower()
    if kind not in (*_HTML_TYPES, *_TEXT_TYPES):
        return Rejected(origin, f"WARC response not HTML or text ({kind or 'no type'})", id=ident)
    max_bytes = 8 * limits.max_chars
    payload = record.content_stream().read(max_bytes + 1)
    if len(payload) > max_bytes:
        return Rejected(origin, "WARC record over the size limit", id=ident)
    if _missing_bytes(record) > 0:
        return Rejected(origin, "WARC record truncated", id=ident)  # not worth extracting
    if not page_has_arabic(payload):
        return Rejected(origin, "no Arabic text", id=ident)
    try:
        if kind in _TEXT_TYPES:
            fields = _text_fields(payload, _charset(content_type))
        else:
            fields = extract_page(payload, url=url)
    except PageError as exc:
        return Rejected(origin, str(exc), id=ident)
    data = {"id": ident, **fields}
    data["url"] = url or fields.get("url")
    data["published"] = fields.get("published") or headers.get_header("WARC-Date") or None
    if not data.get("source") and url:
        data["source"] = (urlsplit(url).hostname or "").removeprefix("www.") or None
    return validate_record(data, origin, limits)


def _record_id(raw: str | None) -> str | None:
    return raw.strip().strip("<>") or None if raw else None


def _http_status_and_type(record: Any) -> tuple[str | None, str]:
    if record.http_headers is not None:
        return (record.http_headers.get_statuscode(),
                record.http_headers.get_header("Content-Type") or "")
    return None, record.rec_headers.get_header("Content-Type") or ""


def _charset(content_type: str) -> str:
    for part in content_type.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip('"')
    return "utf-8"


def _text_fields(payload: bytes, charset: str) -> dict[str, Any]:
    try:
        content = payload.decode(charset)
    except (UnicodeDecodeError, LookupError) as exc:
        raise PageError(f"WARC text payload not readable as {charset}") from exc
    title, text = split_title(content)
    return {"text": text, "title": title}
