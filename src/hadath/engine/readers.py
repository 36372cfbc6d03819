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
import math
import re
import sys
import zlib
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
    "shown_path",
    "validate_record",
]

DEFAULT_MAX_CHARS = 1_000_000  # ten times the longest article in the ANT corpus
# A gzip stream that keeps expanding more than this (after _BOMB_GRACE_BYTES) is a bomb, not
# news: JSON Lines of Arabic articles compress about 4 to 10 times.
DEFAULT_MAX_GZIP_RATIO = 100
_BOMB_GRACE_BYTES = 16 << 20
_SKIP_CHUNK = 1 << 20  # how much of an over-long line is held at once while skipping it
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
TEXT_SUFFIXES = (".txt",)
WARC_SUFFIXES = (".warc", ".warc.gz")

# Runs, not single letters: the counts sum their lengths (a list of every letter cost more).
_ARABIC_LETTERS = re.compile(r"[\u0621-\u064a\u0671-\u06d3\u06fa-\u06ff]+")  # hamza..yeh, ext.
_ANY_LETTERS = re.compile(r"[^\W\d_]+")
_TITLE_MAX_CHARS = 200
_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F]")  # \ud800..\udfff, paired or not


@dataclass(frozen=True, slots=True)
class ReadLimits:
    """What a reader accepts."""

    max_chars: int = DEFAULT_MAX_CHARS
    min_arabic_share: float = 0.3  # of all letters; below it a text is not Arabic news
    follow_symlinks: bool = False
    max_line_bytes: int | None = None  # default: room for max_chars in UTF-8 and JSON escapes
    max_gzip_ratio: float = DEFAULT_MAX_GZIP_RATIO

    @property
    def line_bytes(self) -> int:
        """The longest JSON Lines line read; a longer one is skipped, never held in memory."""
        if self.max_line_bytes is not None:
            return self.max_line_bytes
        return 8 * self.max_chars + 65_536


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
            yield Rejected(shown_path(path), "broken symbolic link", unread=True)
        else:
            yield Rejected(shown_path(path), "no such file or folder", unread=True)


def _folder_files(folder: Path, limits: ReadLimits) -> Iterator[tuple[Path, bool] | Rejected]:
    root = folder.resolve()
    for path in _walk(folder, root, limits.follow_symlinks, {root}):
        if path.is_symlink() and not path.resolve().is_relative_to(root) \
                and not limits.follow_symlinks:
            yield Rejected(shown_path(path), "symbolic link out of the input folder (not followed)",
                           unread=True)
            continue
        if path.is_file():
            yield path, False


def _walk(folder: Path, root: Path, follow: bool, seen: set[Path]) -> Iterator[Path]:
    """Every path under `folder`, depth first in name order.

    A linked folder is entered only with `follow` (and once: links that loop back are
    not walked again); without it, a link out of `root` is yielded for the caller to
    refuse, and a link inside `root` is left alone, its target being walked anyway.
    """
    try:
        entries = sorted(folder.iterdir())
    except OSError:
        return  # unreadable subfolder: nothing in it can be listed
    for path in entries:
        if not path.is_symlink():
            yield path
            if path.is_dir():
                yield from _walk(path, root, follow, seen)
            continue
        target = path.resolve()
        if not path.is_dir():
            yield path
        elif follow and target not in seen and not target.is_relative_to(root):
            seen.add(target)
            yield from _walk(path, root, follow, seen)
        elif not follow and not target.is_relative_to(root):
            yield path


def shown_path(path: Path) -> str:
    """The path as text that UTF-8 can hold (a name in another encoding gets U+FFFD)."""
    return str(path).encode("utf-8", "surrogateescape").decode("utf-8", "replace")


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
        yield Rejected(shown_path(path), "skipped: not a .jsonl, .txt, .html or .warc file",
                       unread=True)


def _read_html_file(path: Path, limits: ReadLimits) -> Item:
    from hadath.engine.html import PageError, read_page_file

    try:
        data = read_page_file(path, 8 * limits.max_chars)
    except PageError as exc:
        return Rejected(shown_path(path), str(exc), id=path.stem)
    except OSError as exc:
        return Rejected(shown_path(path), f"cannot read file: {exc.strerror or exc}", id=path.stem,
                        unread=True)
    return validate_record(data, shown_path(path), limits)


def _read_jsonl_file(path: Path, limits: ReadLimits) -> Iterator[Item]:
    try:
        with path.open("rb") as raw:
            if path.name.lower().endswith(".gz"):
                with gzip.GzipFile(fileobj=raw, mode="rb") as unzipped:
                    stream = _BombCheck(unzipped, raw, limits.max_gzip_ratio)
                    yield from _read_jsonl_stream(stream, shown_path(path), limits)
            else:
                yield from _read_jsonl_stream(raw, shown_path(path), limits)
    except (OSError, EOFError, zlib.error) as exc:  # unreadable file, corrupt or truncated gzip
        yield Rejected(shown_path(path), _one_line(f"cannot read file: {exc}"), unread=True)


class _GzipBomb(Exception):
    """A gzip stream expanding far beyond what text compresses to."""


class _BombCheck:
    """A gzip stream's lines, refused once it has expanded more than `ratio` times."""

    def __init__(self, unzipped: BinaryIO, raw: BinaryIO, ratio: float) -> None:
        self._unzipped, self._raw, self._ratio = unzipped, raw, ratio
        self.expanded = 0

    def readline(self, size: int = -1) -> bytes:
        line = self._unzipped.readline(size)
        self.expanded += len(line)
        if self.expanded > _BOMB_GRACE_BYTES and \
                self.expanded > self._ratio * max(self._raw.tell(), 1):
            raise _GzipBomb(f"gzip data expands over {self._ratio:g} times ({self.expanded:,} "
                            "bytes so far): a gzip bomb? the rest of the file is not read")
        return line


def _read_jsonl_stream(stream: BinaryIO | _BombCheck, name: str,
                       limits: ReadLimits) -> Iterator[Item]:
    # Lines are read as bytes so that one bad byte rejects one line, not the file, and
    # at most `limits.line_bytes` at a time, so that one huge line cannot exhaust memory.
    cap = limits.line_bytes
    number = 0
    try:
        for number, raw, size in _bounded_lines(stream, cap):
            if raw is None:
                yield Rejected(f"{name}:{number}", f"line of {size:,} bytes is over the size "
                               f"limit of {cap:,} bytes (--max-chars)")
            elif raw.strip():
                yield _parse_json_line(raw, f"{name}:{number}", limits)
    except _GzipBomb as bomb:
        yield Rejected(f"{name}:{number + 1}", str(bomb))


def _bounded_lines(stream: BinaryIO | _BombCheck,
                   cap: int) -> Iterator[tuple[int, bytes | None, int]]:
    """(line number, line or None when over `cap` bytes, its size) for each line."""
    number = 0
    while True:
        line = stream.readline(cap + 1)
        if not line:
            return
        number += 1
        if len(line) <= cap:
            yield number, line, len(line)
            continue
        size, ended = len(line), line.endswith(b"\n")
        del line  # held no longer than it takes to see that it is too long
        while not ended:
            rest = stream.readline(_SKIP_CHUNK)
            size += len(rest)
            ended = not rest or rest.endswith(b"\n")
        yield number, None, size


def _one_line(message: str, limit: int = 300) -> str:
    return " ".join(message.split())[:limit]


def _parse_json_line(raw: bytes, origin: str, limits: ReadLimits) -> Item:
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return Rejected(origin, f"not valid UTF-8 (byte {raw[exc.start]:#04x} at {exc.start})")
    try:
        # A byte order mark opens many a file written on Windows; NaN and Infinity are
        # Python's, not JSON's, and would make the output unreadable to other tools.
        data = json.loads(line.removeprefix("\ufeff"), parse_constant=_not_json_constant,
                          parse_float=_finite_float)
    except RecursionError:
        return Rejected(origin, "not JSON: nested too deeply")
    except ValueError as exc:
        return Rejected(origin, _one_line(f"not JSON: {exc}"))
    if not isinstance(data, dict):
        return Rejected(origin, f"not a JSON object but {type(data).__name__}")
    if _SURROGATE_ESCAPE.search(raw):
        where = _lone_surrogate(data)
        if where is not None:  # UTF-8 cannot hold it: the output and the store would fail
            return Rejected(origin, f"lone surrogate (an invalid \\u escape) in {where}",
                            id=_ident(data))
    return validate_record(data, origin, limits)


def _not_json_constant(name: str) -> float:
    raise ValueError(f"{name} is not a JSON value")


def _finite_float(literal: str) -> float:
    value = float(literal)
    if math.isinf(value):
        raise ValueError(f"number {literal[:20]} is too large for a float")
    return value


def _lone_surrogate(node: Any, where: str = "the record") -> str | None:
    """Where a string of the parsed JSON holds a lone surrogate, or None."""
    if isinstance(node, str):
        try:
            node.encode("utf-8")
        except UnicodeEncodeError:
            return where
        return None
    if isinstance(node, dict):
        children: Iterable[tuple[Any, Any]] = node.items()
    elif isinstance(node, list):
        children = enumerate(node)
    else:
        return None
    for key, value in children:
        label = f"field {key!r}" if where == "the record" else where
        found = _lone_surrogate(key, label) or _lone_surrogate(value, label)
        if found:
            return found
    return None


def _ident(data: dict[str, Any]) -> str | None:
    ident = data.get("id")
    if ident is None:
        return None
    text = ident if isinstance(ident, str) else str(ident)
    return text.encode("utf-8", "replace").decode("utf-8")


def _read_text_file(path: Path, limits: ReadLimits) -> Item:
    origin, stem = shown_path(path), shown_path(Path(path.stem))
    try:
        size = path.stat().st_size
        if size > 8 * limits.max_chars:
            return Rejected(origin, f"file of {size:,} bytes is over the size limit", id=stem)
        raw = path.read_bytes()
    except OSError as exc:
        return Rejected(origin, f"cannot read file: {exc.strerror or exc}", id=stem,
                        unread=True)
    if b"\x00" in raw[:8192]:
        return Rejected(origin, "binary file (NUL bytes)", id=stem)
    try:
        content = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return Rejected(origin, f"not valid UTF-8 (byte {raw[exc.start]:#04x} at {exc.start})",
                        id=stem)
    title, text = split_title(content)
    return validate_record({"id": stem, "title": title, "text": text}, origin, limits)


def split_title(content: str) -> tuple[str | None, str]:
    """A short first line followed by a blank line is the title; the rest is the text."""
    normalised = content.replace("\r\n", "\n").replace("\r", "\n")
    head, sep, rest = normalised.lstrip("\n").partition("\n\n")
    if sep and "\n" not in head.strip() and 0 < len(head.strip()) <= _TITLE_MAX_CHARS:
        return head.strip(), rest.strip("\n")
    return None, normalised.strip("\n")


def validate_record(data: dict[str, Any], origin: str, limits: ReadLimits) -> Item:
    """The record, or why it cannot be coded."""
    ident = _ident(data)
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
    arabic = sum(map(len, _ARABIC_LETTERS.findall(sample)))
    if arabic == 0:
        return "no Arabic text"
    letters = sum(map(len, _ANY_LETTERS.findall(sample)))
    if arabic < min_share * letters:
        return f"not Arabic text ({arabic} of {letters} letters are Arabic)"
    return None
