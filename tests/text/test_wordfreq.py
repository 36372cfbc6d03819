"""The text layer's data files load and are well formed (hadath.text.wordfreq)."""

from __future__ import annotations

import re
from importlib.resources import files

import pytest

from hadath.text.fold import strip_marks
from hadath.text.wordfreq import load_unsplit, load_word_freq


@pytest.mark.parametrize("name", ["word_freq.tsv", "unsplit.tsv"])
def test_wordfreq_files_have_a_versioned_header(name: str) -> None:
    head = (files("hadath.text") / "data" / name).read_text(encoding="utf-8").splitlines()[:5]
    assert head[0].startswith(f"# {name}:")
    assert re.fullmatch(r"# version: \d+ \(\d{4}-\d{2}-\d{2}\)", head[1])
    assert any(line.startswith("# columns:") for line in head)
    assert any(line.startswith("# sources:") for line in head)


def test_wordfreq_counts_load_and_rank_function_words_first() -> None:
    counts = load_word_freq()
    assert len(counts) > 40_000
    assert counts["في"] > counts["الجزائر"] > counts["لليبيا"] >= 5


def test_wordfreq_forms_are_stripped_arabic() -> None:
    forms = [*load_word_freq(), *load_unsplit()]
    assert all(strip_marks(form) == form and " " not in form for form in forms)


@pytest.mark.parametrize("word", ["التي", "كان", "هناك", "وحدة", "التقى"])
def test_wordfreq_unsplit_lists_look_alikes(word: str) -> None:
    assert word in load_unsplit()
