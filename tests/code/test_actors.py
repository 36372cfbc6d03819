"""Actor coding: countries in every form, roles, dated persons, names from titles, places."""

from __future__ import annotations

import pytest

from hadath.code.actors import code_mentions
from hadath.extract.names import NameSpan
from hadath.pipeline import code_text
from hadath.text import tokenize
from tests.conftest import EXAMPLES


def _coded(text: str, published: str | None = "2020-07-09") -> list[tuple[str, str | None]]:
    return [(e.text, e.code) for e in code_text(text, published=published).entities]


def test_actors_seed_article_codes() -> None:
    doc = code_text((EXAMPLES / "seed.txt").read_text("utf-8"), published="2020-07-09")
    codes = {a.code for a in doc.actors}
    assert {"RUS", "DZA", "LBY", "TUR", "FRA", "TUN", "USA", "IGOUNO", "RUSGOV", "DZAGOV",
            "LBYMIL", "LBYGOV", "EGYGOV"} <= codes
    people = {a.name: a.code for a in doc.actors if a.kind == "person"}
    assert people["Sergey Lavrov"] == "RUSGOV"
    assert people["Khalifa Haftar"] == "LBYMIL"
    assert people["Abdelmadjid Tebboune"] == "DZAGOV"
    assert "DEU" not in codes  # مؤتمر برلين names a conference, Germany does nothing
    doc.check_offsets()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("اتفقت روسيا والجزائر على آلية للتشاور.", [("روسيا", "RUS"), ("الجزائر", "DZA")]),
        ("وصلت المساعدات لليبيا أمس.", [("ليبيا", "LBY")]),
        ("هبطت الطائرة بموسكو.", [("موسكو", "RUS")]),
        ("أعلنت واشنطن أنها تدعم الحوار.", [("واشنطن", "USA")]),
        ("رحبت الولايات المتحدة بالاتفاق.", [("الولايات المتحدة", "USA")]),
        ("وصلت الطائرتان الروسيتين إلى المطار.", [("الروسيتين", "RUS")]),
        ("اعتقل الأتراك عشرة أشخاص.", [("الأتراك", "TUR")]),
        ("وصل الإيرانيون للسعودية.", [("الإيرانيون", "IRN"), ("سعودية", "SAU")]),
    ],
)
def test_actors_countries_with_clitics_and_nisba(text: str, expected: list) -> None:
    assert _coded(text) == expected


@pytest.mark.parametrize(
    ("text", "phrase", "code"),
    [
        ("قال وزير الخارجية الروسي إن بلاده مستعدة.", "وزير الخارجية الروسي", "RUSGOV"),
        ("قصف الجيش التركي مواقع في الشمال.", "الجيش التركي", "TURMIL"),
        ("رفضت المعارضة السورية المبادرة.", "المعارضة السورية", "SYROPP"),
        ("صوت البرلمان العراقي على القانون.", "البرلمان العراقي", "IRQLEG"),
        ("التقى وزير خارجية روسيا نظيره.", "وزير خارجية روسيا", "RUSGOV"),
        ("قال المتحدث باسم الأمم المتحدة إن المساعدات وصلت.", "المتحدث باسم الأمم المتحدة",
         "IGOUNO"),
        ("هاجم الحوثيون مواقع للتحالف.", "الحوثيون", "YEMREB"),
        ("أعلن حزب الله مسؤوليته.", "حزب الله", "LBNUAF"),
        ("تبنى تنظيم داعش الهجوم.", "تنظيم داعش", "IMGISI"),
    ],
)
def test_actors_roles_and_organisations(text: str, phrase: str, code: str) -> None:
    assert (phrase, code) in _coded(text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("فرقت الشرطة المتظاهرين في القاهرة. وقالت مصر إن الوضع هادئ.", "EGYCOP"),
        ("تظاهر المحتجون في بغداد ضد الحكومة العراقية.", "IRQCVL"),
    ],
)
def test_actors_collective_role_takes_story_country(text: str, code: str) -> None:
    assert code in {a.code for a in code_text(text).actors}


@pytest.mark.parametrize(
    ("published", "code"),
    [("2013-07-03", "EGYMIL"), ("2018-05-01", "EGYGOV"), (None, "EGYGOV")],
)
def test_actors_person_coded_by_office_on_the_date(published: str | None, code: str) -> None:
    doc = code_text("وقال عبد الفتاح السيسي إن الجيش سيحمي البلاد.", published=published)
    (sisi,) = [a for a in doc.actors if a.kind == "person"]
    assert (sisi.name, sisi.code) == ("Abdel Fattah el-Sisi", code)


def test_actors_pompeo_before_and_after_change_of_office() -> None:
    text = "التقى مايك بومبيو نظيره السعودي في الرياض."
    before = code_text(text, published="2017-06-01").actors
    after = code_text(text, published="2019-03-01").actors
    assert [a.code for a in before if a.kind == "person"] == ["USASPY"]
    assert [a.code for a in after if a.kind == "person"] == ["USAGOV"]


def test_actors_unknown_name_coded_from_its_title() -> None:
    doc = code_text("وقال وزير الداخلية البلغاري ملادين مارينوف إن التحقيق مستمر.")
    person = next(a for a in doc.actors if a.kind == "person")
    assert person.code == "BGRGOV"
    assert person.name and person.name.isascii()
    assert doc.text[person.mentions[0][0]:person.mentions[0][1]] == "ملادين مارينوف"


def test_actors_a_title_does_not_reach_over_another_name() -> None:
    # The second name's title is two name words back, but those are the first name.
    coded = _coded("قال الرئيس ابراهيم سعد وسعيد جعفر في بيروت إن الوضع صعب.")
    names = [text for text, _ in coded]
    assert "ابراهيم سعد" in names and "سعيد جعفر" in names
    assert not any("وسعيد" in text for text in names)


@pytest.mark.parametrize(
    "text",
    [
        "وعقد المؤتمر الصحافي في القاعة الرئيسية.",  # an adjective, not journalists
        "وأكد أن الهدف الرئيسي هو الاستقرار.",  # رئيسي: main, not Ebrahim Raisi
        "وأقيمت قاعدة عسكرية جديدة.",  # a base, not al-Qaeda
    ],
)
def test_actors_common_words_are_not_actors(text: str) -> None:
    assert code_text(text).actors == ()


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("اشتباكات في طرابلس بين ميليشيات ليبية. وقال الجيش الليبي إن الوضع تحت السيطرة.", "LBY"),
        ("اشتباكات في مدينة طرابلس شمال لبنان. وقال الجيش اللبناني إن الوضع هادئ.", "LBN"),
    ],
)
def test_actors_ambiguous_place_resolved_in_context(text: str, country: str) -> None:
    (place,) = [p for p in code_text(text).places if p.text == "طرابلس"]
    assert (place.name, place.country) == ("Tripoli", country)
    assert place.lat is not None and place.lon is not None


def test_actors_lookup_command_explains_resolution() -> None:
    from click.testing import CliRunner

    from hadath.cli import main

    result = CliRunner().invoke(main, ["actors", "lookup", "السيسي", "--date", "2013-07-03"])
    assert result.exit_code == 0, result.output
    assert "EGYMIL 2010-01-01..2014-03-26" in result.output
    assert "=> «السيسي» PER EGYMIL Abdel Fattah el-Sisi — person lexicon" in result.output


def test_actors_former_office_holder_is_not_the_current_government() -> None:
    doc = code_text("وقال الوزير السابق إن الحكومة المصرية أخطأت.")
    title = next(e for e in doc.entities if e.text == "الوزير")
    assert title.code is None
    assert any(e.code == "EGYGOV" for e in doc.entities)


def test_actors_the_country_refers_back_to_the_last_country_named() -> None:
    doc = code_text("أكدت وزارة خارجية باراغواي أن البلاد ستنقل سفارتها إلى القدس.")
    assert ("البلاد", "PRY", "Paraguay") in [(e.text, e.code, e.name) for e in doc.entities]


@pytest.mark.parametrize(
    ("text", "phrase", "code"),
    [
        ("وقال كيفن واتكينز، الرئيس التنفيذي لمنظمة أنقذوا الأطفال، إن الوضع خطير.",
         "كيفن واتكينز", "NGOSVC"),
        ("التقى وزير الخارجية الروسي سيرغي لافروف نظيره الجزائري صبري بوقادوم. "
         "وقال الوزيران إنه لا حل عسكريا.", "الوزيران", "DZAGOV"),
    ],
)
def test_actors_apposition_and_antecedents(text: str, phrase: str, code: str) -> None:
    assert (phrase, code) in _coded(text)


def test_actors_unknown_person_takes_the_country_of_their_sentence() -> None:
    text = ("قالت إسرائيل إنها ترحب بالقرار. وقال ريتشارد جرينيل، الذي أدى اليمين سفيرا "
            "للولايات المتحدة، إن الاتفاق مهم. ورحبت إسرائيل مجددا.")
    assert ("ريتشارد جرينيل", "USA") in _coded(text)


@pytest.mark.parametrize(
    ("text", "expected", "absent"),
    [
        # "of Moroccan origin": the activist in Paris is not Moroccan, nor are the police
        ("وقال الناشط أحمد حسن وهو من أصل مغربي إن الشرطة اعتقلت المتظاهرين في باريس.",
         [("أحمد حسن", "FRAOPP"), ("الشرطة", "FRACOP")], "MAR"),
        ("وقال جون سميث، وهو بريطاني من أصل عراقي، إن الحكومة أخطأت.",
         [("جون سميث", "GBR"), ("الحكومة", "GBRGOV")], "IRQ"),
        ("قالت النائبة الأمريكية إلهان عمر ذات الأصول الصومالية إن القرار خاطئ.",
         [("النائبة الأمريكية", "USALEG")], "SOM"),
    ],
)
def test_actors_a_nisba_of_origin_gives_no_country(text: str, expected: list, absent: str) -> None:
    coded = _coded(text)
    for pair in expected:
        assert pair in coded
    assert not any(code and code.startswith(absent) for _, code in coded)


def test_actors_a_recognised_place_that_is_a_cue_noun_alone_is_no_place() -> None:
    text = "وصلت الطائرة إلى المطار ثم إلى مطار القاهرة."
    tokens = tokenize(text)

    def name(words: str) -> NameSpan:
        start = text.index(words)
        return NameSpan(start, start + len(words), words, "LOC", words)

    places = [m.text for m in code_mentions(text, tokens, None, [name("المطار"),
                                                                  name("مطار القاهرة")])
              if m.kind == "place"]
    assert "المطار" not in places
    assert any("القاهرة" in p for p in places)
