"""Date expressions: finding them, resolving them against `published`, the component."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hadath.code.dates import find_dates, make_date_finder, parse_published, sentence_date
from hadath.lexicon.months import MONTH_FAMILIES, load_calendar
from hadath.records import DateRef
from hadath.registry import get_component
from hadath.text import split_sentences
from hadath.text.doc import Doc
from hadath.text.spans import Span

_VALUE_RE = re.compile(r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$")  # the output schema's date pattern


def dates_of(text: str, published: str | None) -> list[tuple[str, str | None, str | None]]:
    return [(d.text, d.value, d.precision)
            for d in find_dates(text, split_sentences(text), published)]


def only_date(text: str, published: str | None) -> tuple[str, str | None, str | None]:
    found = dates_of(text, published)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.issue(4)
@pytest.mark.parametrize(
    ("text", "published", "value"),
    [
        # published 2020-01-02 is a Thursday: weekdays reach back across the year boundary
        ("وصل الوفد الأربعاء إلى الجزائر", "2020-01-02", "2020-01-01"),
        ("وصل الوفد الثلاثاء إلى الجزائر", "2020-01-02", "2019-12-31"),
        ("وصل الوفد الجمعة إلى الجزائر", "2020-01-02", "2019-12-27"),
        ("وصل الوفد الخميس", "2020-01-02", "2020-01-02"),  # the publication day itself
        ("وصل الوفد يوم الاثنين", "2020-01-02", "2019-12-30"),
        ("التقى الوزير أمس نظيره", "2018-03-01", "2018-02-28"),  # across a month boundary
        ("التقى الوزير أمس نظيره", "2016-03-01", "2016-02-29"),  # leap year
        ("التقى الوزير أمس نظيره", "2020-01-01", "2019-12-31"),
        ("وصل الوفد الأحد", "2019-03-01", "2019-02-24"),
    ],
)
def test_dates_weekdays_and_yesterday_across_boundaries(
    text: str, published: str, value: str
) -> None:
    _, found, precision = only_date(text, published)
    assert (found, precision) == (value, "day")


@pytest.mark.issue(4)
@pytest.mark.parametrize(
    ("text", "value"),
    [
        # published 2020-01-01 is a Wednesday
        ("الأربعاء", "2020-01-01"),
        ("الأربعاء الماضي", "2019-12-25"),  # the one before publication
        ("الأربعاء المقبل", "2020-01-08"),  # the next one after publication
        ("الأربعاء القادم", "2020-01-08"),
        ("الجمعة الماضية", "2019-12-27"),
        ("الجمعة المقبلة", "2020-01-03"),
        ("يوم الاثنين الفائت", "2019-12-30"),
    ],
)
def test_dates_weekday_modifiers(text: str, value: str) -> None:
    assert only_date(text, "2020-01-01") == (text, value, "day")


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("قال أمس", "أمس", "2020-01-01"),
        ("قال بالأمس", "الأمس", "2020-01-01"),
        ("قال البارحة", "البارحة", "2020-01-01"),
        ("وقع أمس الأول", "أمس الأول", "2019-12-31"),
        ("وقع أول أمس", "أول أمس", "2019-12-31"),
        ("وقع أول من أمس", "أول من أمس", "2019-12-31"),
        ("أعلن اليوم أن", "اليوم", "2020-01-02"),
        ("أعلن صباح اليوم أن", "صباح اليوم", "2020-01-02"),
        ("أعلن اليوم الخميس أن", "اليوم الخميس", "2020-01-02"),
        ("أعلن مساء أمس أن", "مساء أمس", "2020-01-01"),
        ("أعلن أمس الأربعاء أن", "أمس الأربعاء", "2020-01-01"),
        ("قصفت الليلة الماضية", "الليلة الماضية", "2020-01-01"),
        ("يصل غدا إلى", "غدا", "2020-01-03"),
        ("يصل غداً إلى", "غداً", "2020-01-03"),
        ("يصل يوم غد إلى", "يوم غد", "2020-01-03"),
        ("يصل بعد غد إلى", "بعد غد", "2020-01-04"),
    ],
)
def test_dates_relative_days(text: str, expression: str, value: str) -> None:
    assert only_date(text, "2020-01-02") == (expression, value, "day")


@pytest.mark.parametrize(
    ("text", "published", "value", "precision"),
    [
        # last week = Mon 2019-12-23 .. Sun 2019-12-29: its Thursday is in December
        ("الأسبوع الماضي", "2020-01-02", "2019-12", "month"),
        ("الأسبوع المقبل", "2019-12-30", "2020-01", "month"),  # Thursday 2020-01-09
        ("هذا الأسبوع", "2019-12-30", "2020-01", "month"),  # Thursday 2020-01-02
        ("الشهر الماضي", "2020-01-02", "2019-12", "month"),
        ("الشهر المقبل", "2019-12-15", "2020-01", "month"),
        ("الشهر الجاري", "2019-12-15", "2019-12", "month"),
        ("العام الماضي", "2020-01-02", "2019", "year"),
        ("السنة الماضية", "2020-01-02", "2019", "year"),
        ("العام المقبل", "2020-01-02", "2021", "year"),
        ("هذا العام", "2020-01-02", "2020", "year"),
    ],
)
def test_dates_periods(text: str, published: str, value: str, precision: str) -> None:
    assert only_date(text, published) == (text, value, precision)


@pytest.mark.issue(4)
@pytest.mark.parametrize(
    ("text", "expression", "value", "precision"),
    [
        # Gregorian, Levantine and Maghrebi month names
        ("وقع في 15 يوليو 2020 هجوم", "15 يوليو 2020", "2020-07-15", "day"),
        ("وقع في 15 تموز 2020 هجوم", "15 تموز 2020", "2020-07-15", "day"),
        ("وقع في 15 جويلية 2020 هجوم", "15 جويلية 2020", "2020-07-15", "day"),
        ("وقع في 15 تموز/يوليو 2020 هجوم", "15 تموز/يوليو 2020", "2020-07-15", "day"),
        ("في 3 أكتوبر/ تشرين الأول 2019", "3 أكتوبر/ تشرين الأول 2019", "2019-10-03", "day"),
        ("في 3 تشرين أول 2019", "3 تشرين أول 2019", "2019-10-03", "day"),
        ("في كانون الثاني/يناير 2020", "كانون الثاني/يناير 2020", "2020-01", "month"),
        ("في 20 كانون الأول 2019", "20 كانون الأول 2019", "2019-12-20", "day"),
        ("في 12 ماي 2019", "12 ماي 2019", "2019-05-12", "day"),
        ("في 5 أوت 2019", "5 أوت 2019", "2019-08-05", "day"),
        ("في 5 فيفري 2019", "5 فيفري 2019", "2019-02-05", "day"),
        ("في 5 آب 2019", "5 آب 2019", "2019-08-05", "day"),
        ("في يونيو (حزيران) 2018", "يونيو (حزيران) 2018", "2018-06", "month"),
        ("منذ يوليو 2020", "يوليو 2020", "2020-07", "month"),
        ("في يوليو عام 2016", "يوليو عام 2016", "2016-07", "month"),
        ("في 6 أكتوبر عام 1973", "6 أكتوبر عام 1973", "1973-10-06", "day"),
        ("في نوفمبر من عام 2015", "نوفمبر من عام 2015", "2015-11", "month"),
        ("في الأول من مارس 2011", "الأول من مارس 2011", "2011-03-01", "day"),
        ("في الخامس عشر من شهر يوليو 2020", "الخامس عشر من شهر يوليو 2020", "2020-07-15",
         "day"),
        # numbers
        ("بتاريخ 2020/07/15 صدر", "2020/07/15", "2020-07-15", "day"),
        ("بتاريخ 15-7-2020 صدر", "15-7-2020", "2020-07-15", "day"),
        ("بتاريخ 15.07.2020 صدر", "15.07.2020", "2020-07-15", "day"),
        ("بتاريخ 12/31/2019 صدر", "12/31/2019", "2019-12-31", "day"),  # day-first impossible
        # Arabic-Indic and Persian digits
        ("في ١٥ يوليو ٢٠٢٠", "١٥ يوليو ٢٠٢٠", "2020-07-15", "day"),
        ("بتاريخ ٢٠٢٠/٠٧/١٥", "٢٠٢٠/٠٧/١٥", "2020-07-15", "day"),
        ("في عام ۲۰۱۱", "عام ۲۰۱۱", "2011", "year"),
        # a weekday pinned by the explicit date after it
        ("الأربعاء 15 يوليو 2020", "الأربعاء 15 يوليو 2020", "2020-07-15", "day"),
        ("يوم الأربعاء، 15 يوليو 2020", "يوم الأربعاء، 15 يوليو 2020", "2020-07-15", "day"),
        # harakat and tatweel inside the expression
        ("وَصَلَ أَمْسِ الأَرْبِعَاءَ", "أَمْسِ الأَرْبِعَاءَ", "2020-01-08", "day"),
        ("في 15 يولـيو 2020", "15 يولـيو 2020", "2020-07-15", "day"),
    ],
)
def test_dates_explicit(text: str, expression: str, value: str, precision: str) -> None:
    assert only_date(text, "2020-01-09") == (expression, value, precision)


@pytest.mark.parametrize(
    ("text", "published", "value", "precision"),
    [
        # without a year: the latest on or before publication ...
        ("15 يوليو", "2020-03-01", "2019-07-15", "day"),
        ("15 يوليو", "2020-08-01", "2020-07-15", "day"),
        ("30 ديسمبر", "2020-01-02", "2019-12-30", "day"),
        ("الخامس عشر من يوليو", "2020-08-01", "2020-07-15", "day"),
        ("29 فبراير", "2019-06-01", "2016-02-29", "day"),
        ("في ديسمبر", "2020-01-02", "2019-12", "month"),
        ("في يناير", "2020-01-02", "2020-01", "month"),
        # ... the next one with المقبل or after a future cue
        ("15 يوليو المقبل", "2020-03-01", "2020-07-15", "day"),
        ("في يناير المقبل", "2020-01-02", "2021-01", "month"),
        ("من المقرر أن تجرى الانتخابات في 15 يوليو", "2020-08-01", "2021-07-15", "day"),
        # الماضي: strictly before the publication month
        ("في يناير الماضي", "2020-01-20", "2019-01", "month"),
        ("أيار/مايو الماضي", "2020-03-10", "2019-05", "month"),
        ("في 30 مارس الماضي", "2018-04-10", "2018-03-30", "day"),
        # the year given by a relative phrase
        ("مارس من العام الماضي", "2020-01-02", "2019-03", "month"),
        ("3 يونيو/حزيران من العام الحالي", "2018-06-04", "2018-06-03", "day"),
        ("في 2 أكتوبر الجاري", "2018-10-19", "2018-10-02", "day"),
    ],
)
def test_dates_without_year_resolve_near_publication(
    text: str, published: str, value: str, precision: str
) -> None:
    _, found, found_precision = only_date(text, published)
    assert (found, found_precision) == (value, precision)


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("اندلعت الثورة في 2011 في", "2011", "2011"),
        ("اندلعت الثورة عام 2011", "عام 2011", "2011"),
        ("اندلعت الثورة في العام 2011", "العام 2011", "2011"),
        ("اندلعت الثورة سنة 2011", "سنة 2011", "2011"),
        ("منذ عام 1948", "عام 1948", "1948"),
        ("اندلعت الثورة 2011م", "2011م", "2011"),
        ("اندلعت الثورة خلال 2011، ثم", "2011", "2011"),
    ],
)
def test_dates_years(text: str, expression: str, value: str) -> None:
    assert only_date(text, "2020-01-02") == (expression, value, "year")


def test_dates_year_ranges_give_both_years() -> None:
    assert dates_of("بين عامي 2011 و2012", "2020-01-02") == [
        ("عامي 2011", "2011", "year"), ("2012", "2012", "year")]
    assert dates_of("منذ عام 2011 وحتى 2015", "2020-01-02") == [
        ("عام 2011", "2011", "year"), ("2015", "2015", "year")]


@pytest.mark.parametrize(
    "text",
    [
        "قتل 2011 شخصا",  # a count, no cue
        "في 2011 شخصا",  # a count after a weak cue
        "في 2000 جندي",
        "نحو 2000 مقاتل",
        "تبنى القرار 2254",  # a resolution number
        "ارتفع بنسبة 2015%",
        "قالت تيريزا ماي إن",  # ماي the prime minister, not May
        "مارس الضغط على الحكومة",  # مارس the verb
        "شركة نيسان للسيارات",
        "في اليوم التالي",  # the day after (the events), not today
        "احتفل باليوم العالمي للمرأة",
        "في ذلك اليوم",
        "قال الأمين العام السابق",  # العام = general
        "المدعي العام الحالي",
        "الأحد عشر لاعبا",  # eleven
        "رقم 3.5 مليون",
    ],
)
def test_dates_not_dates(text: str) -> None:
    assert dates_of(text, "2020-01-02") == []


def test_dates_hijri_year_is_found_without_value() -> None:
    assert dates_of("في 1441 هـ", "2020-01-02") == [("1441 هـ", None, None)]


def test_dates_published_none_keeps_relative_offsets_and_resolves_explicit() -> None:
    text = "قال أمس الأربعاء إن اتفاق 15 يوليو 2020 الذي وقع في مارس الماضي صامد منذ عام 2011"
    assert dates_of(text, None) == [
        ("أمس الأربعاء", None, None),
        ("15 يوليو 2020", "2020-07-15", "day"),
        ("مارس الماضي", None, None),
        ("عام 2011", "2011", "year"),
    ]


@pytest.mark.parametrize(
    ("published", "expected"),
    [
        ("2018-02-19T00:16:11+04:00", "2018-02-19"),
        ("2020-01-02", "2020-01-02"),
        ("2020/1/2", "2020-01-02"),
        ("2020-02-30", None),
        ("yesterday", None),
        ("", None),
        (None, None),
    ],
)
def test_dates_parse_published(published: str | None, expected: str | None) -> None:
    found = parse_published(published)
    assert (found.isoformat() if found else None) == expected


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("من المقرر أن يزور الرئيس الجزائر الأربعاء", "2020-01-08"),  # a plan: the next one
        ("وكان من المقرر أن يزور الرئيس الجزائر الأربعاء", "2020-01-01"),  # had been planned
        ("سوف يزور الرئيس الجزائر الخميس", "2020-01-02"),  # on or after: today counts
    ],
)
def test_dates_future_cue_points_bare_weekday_forward(text: str, value: str) -> None:
    assert only_date(text, "2020-01-02")[1] == value


def test_dates_offsets_read_the_original_text() -> None:
    text = "«أعلنت الحكومة،\u200f صباحَ اليوم، أنّ الاجتماع عُقد أمسِ و الثلاثاء الماضي»"
    refs = find_dates(text, split_sentences(text), "2020-01-02")
    assert [r.text for r in refs] == ["صباحَ اليوم", "أمسِ", "الثلاثاء الماضي"]
    for ref in refs:
        assert text[ref.start : ref.end] == ref.text


def test_dates_sentence_date_prefers_a_day() -> None:
    text = "انهار اتفاق عام 2015 الثلاثاء. وفي مارس الماضي وقعت اشتباكات. لا شيء."
    sentences = split_sentences(text)
    refs = find_dates(text, sentences, "2020-01-02")
    first, second, third = sentences
    assert sentence_date(refs, first) == DateRef("الثلاثاء", 21, 29, "2019-12-31", "day")
    governing = sentence_date(refs, second)
    assert governing is not None and governing.value == "2019-03"
    assert sentence_date(refs, third) is None


def test_dates_sentence_date_skips_unresolved() -> None:
    text = "قال أمس إن اتفاق عام 2015 صامد."
    sentence = Span.of(text, 0, len(text))
    refs = find_dates(text, [sentence], None)
    governing = sentence_date(refs, sentence)
    assert governing is not None and (governing.value, governing.precision) == ("2015", "year")


def test_dates_component_fills_doc_dates() -> None:
    info = get_component("hadath.dates.v1")
    assert info.factory is make_date_finder
    assert info.requires == ("sentences",) and info.assigns == ("dates",)
    text = "التقى وزير الخارجية أمس نظيره الروسي في موسكو."
    doc = Doc(text=text, published="2018-03-01T10:00:00+03:00",
              sentences=tuple(split_sentences(text)))
    coded = info.factory()(doc)
    assert [d.to_dict() for d in coded.dates] == [
        {"text": "أمس", "start": 20, "end": 23, "value": "2018-02-28", "precision": "day"}]
    coded.check_offsets()


def test_dates_calendar_covers_every_month() -> None:
    calendar = load_calendar()
    assert calendar.version.startswith("1 ")
    for family in ("gregorian", "levantine"):
        numbers = {m.number for m in calendar.months.values() if m.family == family}
        assert numbers == set(range(1, 13)), family
    assert {m.family for m in calendar.months.values()} == set(MONTH_FAMILIES)
    assert sorted(calendar.weekdays.values()) == list(range(7))
    assert sorted(set(calendar.ordinals.values())) == list(range(1, 32))


_DATE_WORDS = [
    "أمس", "اليوم", "الأربعاء", "الماضي", "المقبل", "يوليو", "تموز", "جويلية", "كانون الثاني",
    "من", "عام", "العام", "في", "2020", "15", "١٥", "٢٠٢٠", "/", "-", "هـ", "م", "شخصا",
    "الأسبوع", "صباح", "و", "ب", "الخامس عشر", "ماي", "مارس", "غد", "هذا",
]
_NOISE = list("\u064e\u0651\u0640\u200f \n،.«»()0123456789ابةتىي")
_TEXTS = st.lists(st.sampled_from(_DATE_WORDS + _NOISE), max_size=40).map("".join)
_PUBLISHED = st.one_of(st.none(), st.dates().map(lambda d: d.isoformat()), st.text(max_size=12))


@settings(max_examples=300, deadline=None)
@given(st.one_of(_TEXTS, st.text(max_size=200)), _PUBLISHED)
def test_dates_property_offsets_and_values(text: str, published: str | None) -> None:
    refs = find_dates(text, split_sentences(text), published)
    previous_end = 0
    for ref in refs:
        assert text[ref.start : ref.end] == ref.text
        assert previous_end <= ref.start < ref.end
        previous_end = ref.end
        assert (ref.value is None) == (ref.precision is None)
        if ref.value is not None:
            assert _VALUE_RE.match(ref.value)
            assert ref.precision == {4: "year", 7: "month", 10: "day"}[len(ref.value)]


@pytest.mark.issue(8)
@pytest.mark.parametrize("published", ["0001-01-01", "9999-12-31T23:59:59"])
@pytest.mark.parametrize("text", ["وصل الوفد أمس", "وصل الوفد الثلاثاء", "وصل الأسبوع المقبل"])
def test_dates_published_at_the_calendar_ends(text: str, published: str) -> None:
    # Found by the hypothesis fuzz test: OverflowError, and the article was lost.
    from hadath.pipeline import code_text

    doc = code_text(text, published=published)
    assert all(d.value is None for d in doc.dates)
