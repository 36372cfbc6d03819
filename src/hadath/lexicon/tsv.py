"""Shared reader for hadath's lexicon TSV files (src/hadath/lexicon/data/*.tsv).

Every lexicon file starts with `#` header lines (STYLE.md §4):

    # countries.tsv: countries with Arabic names, capitals and nisba adjectives
    # version: 1 (2026-11-29)
    # columns: code	name	ar	capital	nisba	plural	note
    # sources: ...

`# version:` and `# columns:` are required; column names are separated by tabs
or runs of spaces. After the header, lines starting with `#` and blank lines
are skipped; every other line is split on TAB into exactly as many fields as
there are columns (trailing empty fields may be left off). Any problem raises
`LexiconError("file.tsv:LINE: what is wrong")`.

Example:
    >>> rows = read_tsv("countries.tsv")
    >>> rows[0].line, rows[0]["code"]
    (6, 'AFG')
    >>> version_of("countries.tsv")
    '1 (2026-11-29)'
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import Generic, TypeVar

from hadath.errors import LexiconError
from hadath.text.fold import fold_str

__all__ = [
    "PhraseIndex",
    "PhraseTable",
    "TsvFile",
    "TsvRow",
    "fold_key",
    "parse_tsv",
    "read_path",
    "read_tsv",
    "split_forms",
    "version_of",
]

T = TypeVar("T")

_SPACE_RE = re.compile(r"\s+")
_HEADER_RE = re.compile(r"^#\s*(version|columns|sources)\s*:\s*(.*)$")
_COLUMN_SEP_RE = re.compile(r"\t+|\s{2,}|\s+")


@dataclass(frozen=True, slots=True)
class TsvRow:
    """One data line: its 1-based line number in the file and its fields by column name."""

    file: str
    line: int
    fields: dict[str, str]

    def __getitem__(self, column: str) -> str:
        return self.fields[column]

    def get(self, column: str, default: str = "") -> str:
        return self.fields.get(column, default) or default

    def where(self) -> str:
        """`file.tsv:LINE`, the prefix for error messages about this row."""
        return f"{self.file}:{self.line}"

    def error(self, message: str) -> LexiconError:
        """A LexiconError naming this row's file and line."""
        return LexiconError(f"{self.where()}: {message}")


@dataclass(frozen=True, slots=True)
class TsvFile:
    """A parsed lexicon file: header facts plus rows."""

    name: str
    version: str
    columns: tuple[str, ...]
    sources: str
    rows: tuple[TsvRow, ...]


def fold_key(text: str) -> str:
    """The lookup key of an Arabic form: folded (see module constants), spaces collapsed.

    Example:
        >>> fold_key("الإماراتيّة")
        'الاماراتيه'
    """
    return _SPACE_RE.sub(" ", fold_str(text)).strip()


def split_forms(value: str) -> list[str]:
    """Split a `|`-separated cell into its non-empty, stripped forms."""
    return [form.strip() for form in value.split("|") if form.strip()]


def parse_tsv(name: str, lines: Iterable[str], required: Iterable[str] = ()) -> TsvFile:
    """Parse lexicon lines (without reading any file).

    Args:
        name: file name used in error messages (`countries.tsv`).
        lines: the file's lines.
        required: column names the caller needs; a missing one is an error.

    Returns:
        The parsed file.

    Raises:
        LexiconError: missing version/columns header, wrong field count, missing column.
    """
    header: dict[str, str] = {}
    rows: list[TsvRow] = []
    columns: tuple[str, ...] = ()
    for number, raw in enumerate(lines, start=1):
        line = raw.rstrip("\r\n")
        if line.startswith("#"):
            match = _HEADER_RE.match(line)
            if match and not rows:
                header[match.group(1)] = match.group(2).strip()
                if match.group(1) == "columns":
                    columns = tuple(c for c in _COLUMN_SEP_RE.split(match.group(2).strip()) if c)
            continue
        if not line.strip():
            continue
        if "version" not in header:
            raise LexiconError(f"{name}:{number}: data before the '# version:' header line")
        if not columns:
            raise LexiconError(f"{name}:{number}: data before the '# columns:' header line")
        rows.append(_split_row(name, number, line, columns))
    if "version" not in header:
        raise LexiconError(f"{name}:1: no '# version:' header line")
    if not columns:
        raise LexiconError(f"{name}:1: no '# columns:' header line")
    missing = [c for c in required if c not in columns]
    if missing:
        raise LexiconError(f"{name}:1: missing column(s) {', '.join(missing)}")
    return TsvFile(name, header["version"], columns, header.get("sources", ""), tuple(rows))


def _split_row(name: str, number: int, line: str, columns: tuple[str, ...]) -> TsvRow:
    values = line.split("\t")
    if len(values) > len(columns):
        raise LexiconError(
            f"{name}:{number}: {len(values)} fields, expected {len(columns)} ({' '.join(columns)})"
        )
    values += [""] * (len(columns) - len(values))
    return TsvRow(name, number, {c: v.strip() for c, v in zip(columns, values, strict=True)})


def read_path(path: Path | str, required: Iterable[str] = ()) -> TsvFile:
    """Parse a lexicon file from any path (tests, scripts); errors name the file's base name."""
    path = Path(path)
    with path.open(encoding="utf-8") as handle:
        return parse_tsv(path.name, handle, required)


@functools.cache
def _load(name: str) -> TsvFile:
    resource = files("hadath.lexicon") / "data" / name
    if not resource.is_file():
        raise LexiconError(f"{name}:0: no such lexicon file in hadath/lexicon/data")
    with resource.open(encoding="utf-8") as handle:
        return parse_tsv(name, handle)


def read_tsv(name: str) -> list[TsvRow]:
    """Rows of the packaged lexicon file `name` (e.g. "countries.tsv"), cached.

    Each row carries its line number and a dict of its columns (`row["code"]`).

    Raises:
        LexiconError: "file.tsv:LINE: what is wrong".
    """
    return list(_load(name).rows)


def version_of(name: str) -> str:
    """The `# version:` header value of the packaged lexicon file `name`."""
    return _load(name).version


class PhraseIndex(Generic[T]):
    """Folded multi-word phrases -> values, for longest-match lookup over word sequences.

    Keys are `fold_key` forms split on spaces. `lookup` takes one form (any
    spelling); `longest_match` scans words from a position and prefers the
    phrase with the most words (so "مجلس الأمن الدولي" beats "مجلس الأمن").
    """

    def __init__(self) -> None:
        self._values: dict[tuple[str, ...], T] = {}
        self._max_words = 0

    def add(self, form: str, value: T) -> T | None:
        """Index `form`; returns the value already held by the same key, if any (not replaced)."""
        words = tuple(fold_key(form).split())
        if not words:
            return None
        if words in self._values:
            return self._values[words]
        self._values[words] = value
        self._max_words = max(self._max_words, len(words))
        return None

    def lookup(self, form: str) -> T | None:
        """The value of `form` after folding, or None."""
        return self._values.get(tuple(fold_key(form).split()))

    def longest_match(self, words: list[str], start: int = 0) -> tuple[T, int] | None:
        """The longest phrase starting at `words[start]`: (value, number of words), or None.

        `words` are raw or folded tokens with clitics already split off.
        """
        folded = [fold_key(w) for w in words[start : start + self._max_words]]
        for size in range(len(folded), 0, -1):
            value = self._values.get(tuple(folded[:size]))
            if value is not None:
                return value, size
        return None

    def phrases(self) -> list[tuple[str, T]]:
        """(folded phrase, value) pairs, longest first (words, then characters)."""
        keys = sorted(self._values, key=lambda k: (-len(k), -len(" ".join(k)), k))
        return [(" ".join(k), self._values[k]) for k in keys]

    def __len__(self) -> int:
        return len(self._values)

    def __contains__(self, form: str) -> bool:
        return self.lookup(form) is not None


class PhraseTable(Generic[T]):
    """A lexicon's entries with a phrase index over their folded forms."""

    def __init__(self, entries: list[T], index: PhraseIndex[T], version: str) -> None:
        self.entries = tuple(entries)
        self.version = version
        self._index = index

    def lookup(self, form: str) -> T | None:
        """The entry a whole form names (after folding), or None."""
        return self._index.lookup(form)

    def longest_match(self, words: list[str], start: int = 0) -> tuple[T, int] | None:
        """The longest phrase starting at `words[start]`: (entry, word count)."""
        return self._index.longest_match(words, start)

    def phrases(self) -> list[tuple[str, T]]:
        """(folded phrase, entry) pairs, longest first."""
        return self._index.phrases()

    def __len__(self) -> int:
        return len(self.entries)
