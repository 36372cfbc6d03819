"""Loaders for the text layer's data files (word counts, never-split words)."""

from __future__ import annotations

import functools
from importlib.resources import files

from hadath.errors import LexiconError

__all__ = ["load_unsplit", "load_word_freq"]


def _data_lines(name: str) -> list[tuple[int, str]]:
    """(line number, line) for each non-comment, non-blank line of data/`name`."""
    text = (files("hadath.text") / "data" / name).read_text(encoding="utf-8")
    return [
        (number, line)
        for number, line in enumerate(text.splitlines(), start=1)
        if line.strip() and not line.startswith("#")
    ]


@functools.cache
def load_word_freq() -> dict[str, int]:
    """Word form (after `strip_marks`) -> count in the ANT corpus, from word_freq.tsv.

    Raises:
        LexiconError: on a line without two columns or with a bad count.
    """
    counts: dict[str, int] = {}
    for number, line in _data_lines("word_freq.tsv"):
        form, sep, count = line.partition("\t")
        if not sep or not form or not count.isdigit():
            raise LexiconError(f"word_freq.tsv:{number}: expected 'form<TAB>count', got {line!r}")
        if form in counts:
            raise LexiconError(f"word_freq.tsv:{number}: duplicate form {form!r}")
        counts[form] = int(count)
    return counts


@functools.cache
def load_unsplit() -> frozenset[str]:
    """Words the tokenizer never segments (function words, clitic look-alikes), unsplit.tsv.

    Raises:
        LexiconError: on an empty form or one with spaces.
    """
    forms: set[str] = set()
    for number, line in _data_lines("unsplit.tsv"):
        form = line.split("\t", 1)[0]
        if not form or " " in form:
            raise LexiconError(f"unsplit.tsv:{number}: bad form {form!r}")
        forms.add(form)
    return frozenset(forms)
