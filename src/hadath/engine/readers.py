"""Readers: turn paths into input records, or into rejections with a reason.

Inputs are JSON Lines (`.jsonl`, `.ndjson`, optionally gzipped), plain text
files (one article each), HTML pages (`.html`, `.htm`: main text extracted,
see hadath.engine.html), WARC files (`.warc`, `.warc.gz`: one record per HTML
or text response, see hadath.engine.warc), folders of all these
(recursively), and `-` for JSON Lines on standard input. Nothing here raises
for bad data: every line, file or page becomes either a `Record` or a
`Rejected` that names its origin and reason.
"""

from __future__ import annotations

import gzip
import json
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from hadath.engine.html import HTML_SUFFIXES

__all__ = [
    "DEFAULT_MAX_CHARS",
    "WARC_SUFFIXES",
    "ReadLimits",
    "Record",
    "Rejected",
    "input_files",
    "read_file",
    "read_inputs",
    "validate_record",
]

DEFAULT_MAX_CHARS = 1_000_000  # ten times the longest article in the ANT corpus
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
TEXT_SUFFIXES = (".txt",)
WARC_SUFFIXES = (".warc", ".warc.gz")

_ARABIC_LETTER = re.compile(r"[\u0621-\u064a\u0671-\u06d3\u06fa-\u06ff]")  # hamza..yeh, extended
_ANY_LETTER = re.compile(r"[^\W\d_]")
_TITLE_MAX_CHARS = 200


@dataclass(frozen=True, slots=True)
class ReadLimits:
    """What a reader accepts."""

    max_chars: int = DEFAULT_MAX_CHARS
    min_arabic_share: float = 0.3  # of all letters; below it a text is not Arabic news
    follow_symlinks: bool = False


@dataclass(frozen=True, slots=True)
class Record:
    """An input record ready to code; `origin` is "path:line" or a path."""

    origin: str
    data: dict[str, Any]


@dataclass(frozen=True, slots=True)
class Rejected:
    """An input that will not be coded, and why (one line)."""

    origin: str
    reason: str
    id: str | None = None
    unread: bool = False  # the path itself could not be read: no record came out of it


Item = Record | Rejected


def read_inputs(paths: Iterable[str], limits: ReadLimits = ReadLimits()) -> Iterator[Item]:
    """Records and rejections from every path, in order."""
    for raw in paths:
        if raw == "-":
            yield from _read_jsonl_stream(sys.stdin.buffer, "<stdin>", limits)
            continue
        for found in input_files([raw], limits):
            if isinstance(found, Rejected):
                yield found
            else:
                yield from read_file(*found, limits)


def input_files(paths: Iterable[str], limits: ReadLimits = ReadLimits()
                ) -> Iterator[tuple[Path, bool] | Rejected]:
    """The files under `paths`, in reading order, each with whether it was named itself.

    A path that cannot be read is a `Rejected` with `unread` set. Engines that read
    files elsewhere (Ray workers) list them here and read each with `read_file`.
    """
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from _folder_files(path, limits)
        elif path.is_file():
            yield path, True
        elif path.is_symlink():
            yield Rejected(raw, "broken symbolic link", unread=True)
        else:
            yield Rejected(raw, "no such file or folder", unread=True)


def _folder_files(folder: Path, limits: ReadLimits) -> Iterator[tuple[Path, bool] | Rejected]:
    root = folder.resolve()
    for path in sorted(folder.rglob("*")):
        outside = path.is_symlink() and not path.resolve().is_relative_to(root)
        if outside and not limits.follow_symlinks:
            yield Rejected(str(path), "symbolic link out of the input folder (not followed)",
                           unread=True)
            continue
        if path.is_file():
            yield path, False


def read_file(path: Path, explicit: bool, limits: ReadLimits = ReadLimits()) -> Iterator[Item]:
    """Records and rejections from one file; `explicit`: named by the user, not found in a folder.

    A file named by the user is read as JSON Lines when it ends in .json, and as text
    whatever its suffix; one found in a folder only when its suffix says so.
    """
    name = path.name.lower()
    if name.endswith(JSONL_SUFFIXES) or (explicit and name.endswith(".json")):
        yield from _read_jsonl_file(path, limits)
    elif name.endswith(HTML_SUFFIXES):
        yield _read_html_file(path, limits)
    elif name.endswith(WARC_SUFFIXES):
        from hadath.engine.warc import read_warc_file  # imports this module

        yield from read_warc_file(path, limits)
    elif name.endswith(TEXT_SUFFIXES) or explicit:
        yield _read_text_file(path, limits)
    else:
        yield Rejected(str(path), "skipped: not a .jsonl, .txt, .html or .warc file",
                       unread=True)


def _read_html_file(path: Path, limits: ReadLimits) -> Item:
    from hadath.engine.html import PageError, read_page_file

    try:
        data = read_page_file(path, 8 * limits.max_chars)
    except PageError as exc:
        return Rejected(str(path), str(exc), id=path.stem)
    except OSError as exc:
        return Rejected(str(path), f"cannot read file: {exc.strerror or exc}", id=path.stem,
                        unread=True)
    return validate_record(data, str(path), limits)


def _read_jsonl_file(path: Path, limits: ReadLimits) -> Iterator[Item]:
    try:
        opener = gzip.open if path.name.lower().endswith(".gz") else open
        with opener(path, "rb") as stream:
            yield from _read_jsonl_stream(stream, str(path), limits)
    except (OSError, EOFError) as exc:  # unreadable file, truncated gzip
        yield Rejected(str(path), f"cannot read file: {exc}", unread=True)


def _read_jsonl_stream(stream: BinaryIO, name: str, limits: ReadLimits) -> Iterator[Item]:
    # Lines are read as bytes so that one bad byte rejects one line, not the file.
    for number, raw in enumerate(stream, start=1):
        if not raw.strip():
            continue
        yield _parse_json_line(raw, f"{name}:{number}", limits)


def _parse_json_line(raw: bytes, origin: str, limits: ReadLimits) -> Item:
    # A line far over the limit cannot hold an acceptable article: refuse it unparsed.
    if len(raw) > 8 * limits.max_chars + 65_536:
        return Rejected(origin, f"line of {len(raw):,} bytes is over the size limit")
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return Rejected(origin, f"not valid UTF-8 (byte {raw[exc.start]:#04x} at {exc.start})")
    try:
        data = json.loads(line)
    except RecursionError:
        return Rejected(origin, "not JSON: nested too deeply")
    except ValueError as exc:
        return Rejected(origin, f"not JSON: {exc}")
    if not isinstance(data, dict):
        return Rejected(origin, f"not a JSON object but {type(data).__name__}")
    return validate_record(data, origin, limits)


def _read_text_file(path: Path, limits: ReadLimits) -> Item:
    origin = str(path)
    try:
        size = path.stat().st_size
        if size > 8 * limits.max_chars:
            return Rejected(origin, f"file of {size:,} bytes is over the size limit", id=path.stem)
        raw = path.read_bytes()
    except OSError as exc:
        return Rejected(origin, f"cannot read file: {exc.strerror or exc}", id=path.stem,
                        unread=True)
    if b"\x00" in raw[:8192]:
        return Rejected(origin, "binary file (NUL bytes)", id=path.stem)
    try:
        content = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return Rejected(origin, f"not valid UTF-8 (byte {raw[exc.start]:#04x} at {exc.start})",
                        id=path.stem)
    title, text = split_title(content)
    return validate_record({"id": path.stem, "title": title, "text": text}, origin, limits)


def split_title(content: str) -> tuple[str | None, str]:
    """A short first line followed by a blank line is the title; the rest is the text."""
    normalised = content.replace("\r\n", "\n").replace("\r", "\n")
    head, sep, rest = normalised.lstrip("\n").partition("\n\n")
    if sep and "\n" not in head.strip() and 0 < len(head.strip()) <= _TITLE_MAX_CHARS:
        return head.strip(), rest.strip("\n")
    return None, normalised.strip("\n")


def validate_record(data: dict[str, Any], origin: str, limits: ReadLimits) -> Item:
    """The record, or why it cannot be coded."""
    ident = data.get("id")
    ident = None if ident is None else str(ident)
    text = data.get("text")
    if text is None:
        return Rejected(origin, "missing field 'text'", id=ident)
    if not isinstance(text, str):
        return Rejected(origin, f"'text' is {type(text).__name__}, not a string", id=ident)
    if not text.strip():
        return Rejected(origin, "empty text", id=ident)
    if len(text) > limits.max_chars:
        return Rejected(origin, f"text of {len(text):,} characters is over the limit of "
                        f"{limits.max_chars:,} (--max-chars)", id=ident)
    reason = _not_arabic_reason(text, limits.min_arabic_share)
    if reason:
        return Rejected(origin, reason, id=ident)
    if "\x00" in text:
        return Rejected(origin, "text contains NUL characters", id=ident)
    return Record(origin, data)


def _not_arabic_reason(text: str, min_share: float) -> str | None:
    sample = text[:20_000]  # the head of an article tells its language
    arabic = len(_ARABIC_LETTER.findall(sample))
    if arabic == 0:
        return "no Arabic text"
    letters = len(_ANY_LETTER.findall(sample))
    if arabic < min_share * letters:
        return f"not Arabic text ({arabic} of {letters} letters are Arabic)"
    return None
