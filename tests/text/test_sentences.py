"""Sentence splitting on Arabic news (hadath.text.sentences)."""

from __future__ import annotations

import pytest

from hadath.text import split_sentences
from hadath.text.sentences import QUOTE_CAP

from ..conftest import SHARED

SEED = SHARED / "seed" / "seed.txt"


def texts(text: str) -> list[str]:
    return [s.text for s in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "وقال بوقادوم ”اتفقنا على وقف إطلاق النار. وتخفيف حدة التوتر”. وأضاف أن الحل سياسي.",
            [
                "وقال بوقادوم ”اتفقنا على وقف إطلاق النار. وتخفيف حدة التوتر”.",
                "وأضاف أن الحل سياسي.",
            ],
        ),
        (
            "وشدد لافروف على أنه ’’لا يمكن تسوية النزاعات. إلا من خلال المفاوضات’’. وانتهى اللقاء.",
            [
                "وشدد لافروف على أنه ’’لا يمكن تسوية النزاعات. إلا من خلال المفاوضات’’.",
                "وانتهى اللقاء.",
            ],
        ),
        ('قال: «انتهى الأمر. شكرا». ثم غادر', ["قال: «انتهى الأمر. شكرا».", "ثم غادر"]),
        ('قال: "انتهى الأمر." ثم غادر', ['قال: "انتهى الأمر."', "ثم غادر"]),
    ],
)
def test_sentences_keep_quotations_whole(text: str, expected: list[str]) -> None:
    assert texts(text) == expected


def test_sentences_headline_is_its_own_sentence() -> None:
    text = "تقارب روسي جزائري حيال الأزمة الليبية\n\nاتفقت روسيا والجزائر على آلية للتشاور."
    assert texts(text) == [
        "تقارب روسي جزائري حيال الأزمة الليبية",
        "اتفقت روسيا والجزائر على آلية للتشاور.",
    ]


def test_sentences_bullet_lines_are_sentences() -> None:
    text = (
        "أبرز النقاط:\n• وقف إطلاق النار\n- سحب المرتزقة\n* حظر الأسلحة\n"
        "1. الحوار السياسي.\n١- الانتخابات"
    )
    assert texts(text) == [
        "أبرز النقاط:",
        "• وقف إطلاق النار",
        "- سحب المرتزقة",
        "* حظر الأسلحة",
        "1. الحوار السياسي.",
        "١- الانتخابات",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "موسكو – اتفقت روسيا والجزائر على آلية. وقال لافروف إنها مهمة.",
            ["موسكو – اتفقت روسيا والجزائر على آلية.", "وقال لافروف إنها مهمة."],
        ),
        (
            "القاهرة - (رويترز) -\nقال مسؤول إن المحادثات انتهت.",
            ["القاهرة - (رويترز) -\nقال مسؤول إن المحادثات انتهت."],
        ),
        (
            "واشنطن (أ.ف.ب) - قال مسؤول أمريكي إن الاتفاق قريب.",
            ["واشنطن (أ.ف.ب) - قال مسؤول أمريكي إن الاتفاق قريب."],
        ),
    ],
)
def test_sentences_dateline_stays_with_its_sentence(text: str, expected: list[str]) -> None:
    assert texts(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("بلغ النمو 3.5 في المئة. وارتفع التضخم.", ["بلغ النمو 3.5 في المئة.", "وارتفع التضخم."]),
        ("التقى د. أحمد زويل بالوزير.", ["التقى د. أحمد زويل بالوزير."]),
        ("انظر www.alarabiya.net للتفاصيل.", ["انظر www.alarabiya.net للتفاصيل."]),
        ("انفجار قرب #قطاع_غزة دون إصابات.", ["انفجار قرب #قطاع_غزة دون إصابات."]),
        (
            "بالتنسيق مع الأمم المتحدة.. وأنا متفائل... حقا… جدا",
            ["بالتنسيق مع الأمم المتحدة.. وأنا متفائل... حقا… جدا"],
        ),
        ("هل انتهت الحرب؟ لا! بل بدأت.", ["هل انتهت الحرب؟", "لا!", "بل بدأت."]),
        ("انتهى الاجتماع.وقال الوزير", ["انتهى الاجتماع.", "وقال الوزير"]),
        ("انتهى الاجتماع..\nوقال الوزير", ["انتهى الاجتماع..", "وقال الوزير"]),
    ],
)
def test_sentences_boundaries(text: str, expected: list[str]) -> None:
    assert texts(text) == expected


def test_sentences_unbalanced_quote_stops_at_line_end() -> None:
    text = 'قال الوزير "لن نتراجع. أبدا.\nوأضاف أن الحوار مستمر. وانتهى.'
    assert texts(text) == [
        'قال الوزير "لن نتراجع. أبدا.',
        "وأضاف أن الحوار مستمر.",
        "وانتهى.",
    ]


def test_sentences_unbalanced_quote_is_capped() -> None:
    filler = "كلام. " * (QUOTE_CAP // 6 + 20)
    text = f'قال "لن نتراجع. {filler}'
    found = texts(text)
    assert len(found) > 10  # boundaries come back after the cap
    assert found[0].startswith('قال "لن نتراجع. كلام.')
    assert len(found[0]) <= QUOTE_CAP + 10


def test_sentences_offsets_read_the_text() -> None:
    text = "  العنوان  \n\n  قال: نعم.   وانتهى!  "
    spans = split_sentences(text)
    assert [(s.start, s.end) for s in spans] == [(2, 9), (15, 24), (27, 34)]
    assert all(text[s.start : s.end] == s.text for s in spans)


@pytest.mark.skipif(not SEED.exists(), reason="../shared not present")
def test_sentences_seed_article_splits_into_its_lines() -> None:
    seed = SEED.read_text(encoding="utf-8")
    found = split_sentences(seed)
    lines = [line.strip() for line in seed.splitlines() if line.strip()]
    # each line of the seed is one sentence, except the last, which holds two
    assert len(found) == len(lines) + 1
    assert found[0].text == "تقارب روسي جزائري حيال الأزمة الليبية"
    assert found[1].text.startswith("موسكو – اتفقت روسيا والجزائر")
    assert found[-2].text.endswith("وأنا متفائل بذلك”.")


@pytest.mark.issue(8)
@pytest.mark.parametrize("piece", ["قال الرئيس إن ", "ق" * 50 + " ", "ق" * 4_000])
def test_sentences_cut_past_the_cap(piece: str) -> None:
    # Text without punctuation was one sentence, and per-sentence work grew quadratically.
    from hadath.text.sentences import MAX_SENTENCE_CHARS

    text = piece * (3 * MAX_SENTENCE_CHARS // len(piece) + 1)
    sentences = split_sentences(text)
    assert len(sentences) >= 3
    assert all(len(s.text) <= MAX_SENTENCE_CHARS for s in sentences)
    assert all(text[s.start:s.end] == s.text for s in sentences)
    assert "".join(s.text for s in sentences).replace(" ", "") == text.replace(" ", "")
    if " " in piece:  # cut at a space, never inside a word
        assert all(text[s.end] == " " for s in sentences[:-1])
