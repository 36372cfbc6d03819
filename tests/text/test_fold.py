"""Folding keeps a map back to original offsets (hadath.text.fold)."""

from __future__ import annotations

import importlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hadath.text import Folded, fold, fold_str
from hadath.text.fold import strip_marks

# The module itself (hadath.text re-exports a function under the same name).
fold_module = importlib.import_module("hadath.text.fold")


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("وَالْجَزَائِرُ", "والجزائر"),  # harakat dropped
        ("أعلن إسرائيل آلية ٱلله", "اعلن اسرائيل اليه الله"),  # alef forms
        ("مستشفى الحديدة", "مستشفي الحديده"),  # alef maksura, ta marbuta
        ("عام ٢٠٢٠ و۱۹", "عام 2020 و19"),  # Arabic-Indic and Persian digits
        ("کابل ایران", "كابل ايران"),  # Persian kaf and yeh
        ("الـــرئيس", "الرئيس"),  # tatweel
        ("\u200fقال\u200c\u202bلا\u202c\ufeff", "قاللا"),  # bidi and zero-width controls
        ("مسؤول رئيس", "مسؤول رئيس"),  # hamza on waw and ya kept
        ("هل؟ نعم، لا؛", "هل؟ نعم، لا؛"),  # Arabic punctuation kept
    ],
)
def test_fold_folds_arabic_spelling_variants(text: str, folded: str) -> None:
    assert fold(text).text == folded
    assert fold_str(text) == folded


@pytest.mark.parametrize(
    "quoted",
    ['"x"', "“x”", "„x“", "«x»", "‘x’", "‚x‘", "‹x›", "״x״"],
)
def test_fold_turns_every_quote_style_into_ascii(quoted: str) -> None:
    assert fold_str(quoted) == '"x"'


def test_fold_doubled_single_quotes_become_two_ascii_quotes() -> None:
    assert fold_str("’’لا يمكن’’") == '""لا يمكن""'


def test_fold_where_indexes_the_original() -> None:
    folded = fold("وَالْجَزَائِرُ")
    assert folded.where == [0, 2, 3, 5, 7, 9, 10, 12]


def test_fold_to_original_maps_a_hit_back() -> None:
    text = "قال الرَّئِيسُ الجَزَائِرِيُّ"
    folded = fold(text)
    a = folded.text.index("الجزائري")
    start, end = folded.to_original(a, a + len("الجزائري"))
    # marks after the last kept letter are outside the hit: it ends at the ي
    assert (start, end) == (15, 27)
    assert text[start:end] == "الجَزَائِرِي"


@pytest.mark.parametrize(("a", "b"), [(2, 2), (3, 1), (-1, 2), (0, 99)])
def test_fold_to_original_rejects_empty_or_outside_hits(a: int, b: int) -> None:
    with pytest.raises(ValueError, match="empty or outside"):
        fold("الرئيس").to_original(a, b)


def test_fold_without_drops_has_identity_map() -> None:
    assert fold("أنقرة") == Folded("انقره", [0, 1, 2, 3, 4])


def test_strip_marks_keeps_hamza_and_ta_marbuta() -> None:
    assert strip_marks("إِلَى الحُكُومَةِ") == "إلى الحكومة"



_FOLDING_CHARS = "".join(src for src, _ in fold_module._REPLACEMENTS) + fold_module._DROP_CLASS


@settings(max_examples=300)
@given(st.text(alphabet=st.sampled_from("ابي قال " + _FOLDING_CHARS), min_size=150,
               max_size=600))
def test_fold_str_of_long_texts_folds_as_the_table_does(text: str) -> None:
    # Long texts fold by regex and replace scans (speed); they must give what the
    # character table gives.
    expected = text.translate(fold_module._FOLD_TABLE)
    assert fold_str(text) == expected
    assert fold(text).text == expected


def test_fold_str_of_a_long_text_with_nothing_to_fold_is_the_text() -> None:
    text = "قال الرئيس في بيان " * 20
    assert len(text) > fold_module._LONG_TEXT
    assert fold_str(text) == text


@given(st.lists(st.text(alphabet="اأإآىيةهـَُِّْ\u200fوال ", max_size=30), max_size=20))
def test_fold_str_of_words_folds_as_the_table_does_cached_or_not(words: list[str]) -> None:
    for word in words * 2:  # the second time from the cache
        assert fold_str(word) == word.translate(fold_module._FOLD_TABLE)


def test_fold_str_word_cache_stays_within_its_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fold_module, "_FOLDED_WORDS", {})
    monkeypatch.setattr(fold_module, "_FOLDED_WORDS_LIMIT", 5)
    for n in range(12):
        assert fold_str(f"أحمد{n}") == f"احمد{n}"
        assert len(fold_module._FOLDED_WORDS) <= 5
