"""Tokenizing and clitic segmentation (hadath.text.tokens, hadath.text.clitics)."""

from __future__ import annotations

import pytest

from hadath.text import Token, tokenize


def pieces(token: Token) -> list[tuple[str, str]]:
    """(text, label) of each piece of a token, in reading order."""
    found = [(p.text, p.label) for p in token.prefixes] + [(token.stem.text, "stem")]
    if token.suffix is not None:
        found.append((token.suffix.text, token.suffix.label))
    return found


def one(word: str) -> Token:
    (token,) = tokenize(word)
    return token


@pytest.mark.parametrize(
    ("word", "expected", "norm"),
    [
        ("والجزائر", [("و", "conj"), ("ال", "art"), ("جزائر", "stem")], "جزائر"),
        ("الجزائر", [("ال", "art"), ("جزائر", "stem")], "جزائر"),
        ("لليبيا", [("ل", "prep"), ("ليبيا", "stem")], "ليبيا"),
        ("للمؤتمر", [("ل", "prep"), ("ل", "art"), ("مؤتمر", "stem")], "مؤتمر"),
        ("للمغادرة", [("ل", "prep"), ("ل", "art"), ("مغادرة", "stem")], "مغادره"),
        ("بموسكو", [("ب", "prep"), ("موسكو", "stem")], "موسكو"),
        ("وسيلتقي", [("و", "conj"), ("س", "fut"), ("يلتقي", "stem")], "يلتقي"),
        ("فقال", [("ف", "conj"), ("قال", "stem")], "قال"),
        ("وبالرغم", [("و", "conj"), ("ب", "prep"), ("ال", "art"), ("رغم", "stem")], "رغم"),
        ("كتابهم", [("كتاب", "stem"), ("هم", "pron")], "كتاب"),
        ("حكومته", [("حكومت", "stem"), ("ه", "pron")], "حكومه"),
        ("وجودنا", [("وجود", "stem"), ("نا", "pron")], "وجود"),
        ("ومنها", [("و", "conj"), ("من", "stem"), ("ها", "pron")], "من"),
        ("بينهما", [("بين", "stem"), ("هما", "pron")], "بين"),
    ],
)
def test_tokens_split_clitics(word: str, expected: list[tuple[str, str]], norm: str) -> None:
    token = one(word)
    assert pieces(token) == expected
    assert token.norm == norm


@pytest.mark.parametrize(
    "word",
    [
        "بلد", "كتب", "والد", "سلام", "لبنان", "فرنسا", "بوتين", "وزير", "فلسطين", "وحدة",
        "بنك", "يشارك", "يتمكن", "أماكن", "لجنة", "هناك", "رئيسي", "بشأن", "التي", "الذي",
        "لافروف", "بريطانيا", "كان", "لكن", "والدتي", "ولي", "فكرة",
    ],
)
def test_tokens_do_not_oversegment(word: str) -> None:
    assert pieces(one(word)) == [(word, "stem")]


@pytest.mark.parametrize(
    ("word", "stem"),
    [("والتقى", "التقى"), ("والتزامات", "التزامات"), ("للبنان", "لبنان"), ("للجنة", "لجنة")],
)
def test_tokens_strip_only_the_real_proclitic(word: str, stem: str) -> None:
    token = one(word)
    assert token.stem.text == stem
    assert "".join(p.text for p in token.prefixes) + token.stem.text == word


def test_tokens_pieces_keep_their_harakat() -> None:
    token = one("وَالْجَزَائِرُ")
    assert pieces(token) == [("وَ", "conj"), ("الْ", "art"), ("جَزَائِرُ", "stem")]
    assert token.norm == "جزائر"


def test_tokens_offsets_index_the_original_text() -> None:
    text = "وقال بوقادوم ”اتفقنا على وقف إطلاق النار”."
    tokens = tokenize(text)
    assert [t.text for t in tokens] == [
        "وقال", "بوقادوم", "”", "اتفقنا", "على", "وقف", "إطلاق", "النار", "”", ".",
    ]
    for token in tokens:
        assert text[token.start : token.end] == token.text
        for piece in (*token.prefixes, token.stem, token.suffix):
            if piece is not None:
                assert text[piece.start : piece.end] == piece.text


def test_tokens_make_their_piece_spans_when_asked_and_shift_with_the_token() -> None:
    from dataclasses import replace

    text = "وحكومته لبيروت 2020 بالجزائر"
    for token in tokenize(text):
        assert token.stem_text == token.stem.text
        assert token.has_suffix == (token.suffix is not None)
        assert token.stem is token.stem  # made once
        moved = replace(token, start=token.start + 3, end=token.end + 3)
        padded = "   " + text
        for piece in (*moved.prefixes, moved.stem, moved.suffix):
            if piece is not None:  # the moved token's spans are its own, not the cached ones
                assert padded[piece.start : piece.end] == piece.text
        assert moved == replace(token, start=token.start + 3, end=token.end + 3)
        assert token == tokenize(text, token.start, token.end)[0]
    first = tokenize(text)[0]
    assert [(p.text, p.label) for p in first.prefixes] == [("و", "conj")]
    assert (first.suffix.text, first.stem.text) == ("ه", "حكومت")


def test_tokens_window_uses_offsets_of_the_whole_text() -> None:
    text = "تقارب روسي. اتفقت روسيا والجزائر."
    tokens = tokenize(text, 12, 32)
    assert [t.text for t in tokens] == ["اتفقت", "روسيا", "والجزائر"]
    assert tokens[2].start == 24
    assert tokens[2].stem.start == 27


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("نما 3.5 في ٢٠٢٠", [("نما", True), ("3.5", False), ("في", True), ("٢٠٢٠", False)]),
        ("COVID-19", [("COVID", False), ("-", False), ("19", False)]),
        ("#قطاع_غزة", [("#", False), ("قطاع", True), ("_", False), ("غزة", True)]),
        ("قال\u200f: لا", [("قال", True), (":", False), ("لا", True)]),
        ("هل؟ نعم،", [("هل", True), ("؟", False), ("نعم", True), ("،", False)]),
    ],
)
def test_tokens_kinds(text: str, expected: list[tuple[str, bool]]) -> None:
    assert [(t.text, t.is_arabic) for t in tokenize(text)] == expected


def test_tokens_norm_folds_digits_and_lemma_is_set() -> None:
    number, word = tokenize("٢٠٢٠ الوزيران")
    assert number.norm == "2020"
    assert word.norm == "وزيران"
    assert word.lemma == "وزير"


def test_tokens_lone_tatweel_does_not_fail() -> None:
    (token,) = tokenize("ـ")
    assert (token.stem.text, token.norm, token.lemma) == ("ـ", "", "")
