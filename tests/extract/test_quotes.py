"""The quote finder: quotation marks, speech verbs, speakers, scare quotes, GKG export."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hadath.extract import speech, speech_words
from hadath.extract.gkg import gkg_quotations
from hadath.extract.quotemarks import find_quoted_regions
from hadath.extract.quotes import find_quotes
from hadath.extract.speech import find_cues, word_in, words_in
from hadath.records import Entity, Quote
from hadath.registry import get_component
from hadath.text import split_sentences, tokenize
from hadath.text.doc import Doc

ISSUE = pytest.mark.issue(5)


def make_doc(text: str, entities: tuple[tuple[str, str | None], ...] = ()) -> Doc:
    """A Doc through the text layer, with hand-made entities at every match of each surface."""
    sentences = tuple(split_sentences(text))
    tokens = tuple(t for s in sentences for t in tokenize(text, s.start, s.end))
    found: list[Entity] = []
    for surface, code in sorted(entities, key=lambda e: -len(e[0])):
        at = text.find(surface)
        while at >= 0:
            end = at + len(surface)
            if not any(e.start < end and at < e.end for e in found):
                found.append(Entity(surface, at, end, "PER", code, surface))
            at = text.find(surface, end)
    found.sort(key=lambda e: e.start)
    return Doc(text=text, sentences=sentences, tokens=tokens, entities=tuple(found))


def quotes_of(text: str, *entities: tuple[str, str | None], appeals: bool = False) -> list[Quote]:
    doc = make_doc(text, entities)
    quotes = find_quotes(doc, appeals=appeals)
    replace(doc, quotes=tuple(quotes)).check_offsets()
    return quotes


def summary(quotes: list[Quote]) -> list[tuple[str, str, str | None]]:
    return [(q.kind, q.text, q.speaker.code if q.speaker else None) for q in quotes]


LAVROV = ("سيرغي لافروف", "RUSGOV")
LAVROV_TITLE = ("وزير الخارجية الروسي", "RUSGOV")
RUS_MFA = ("وزارة الخارجية الروسية", "RUSGOV")
QATAR_FM = ("وزير الخارجية القطري", "QATGOV")
QATAR_NAME = ("محمد بن عبدالرحمن آل ثاني", "QATGOV")
MACRON = ("إيمانويل ماكرون", "FRAGOV")
REUTERS = ("رويترز", "GBRMED")
HRW = ("هيومن رايتس ووتش", "NGOHRW")


# -- quotation marks ---------------------------------------------------------------------------


@ISSUE
@pytest.mark.parametrize(
    ("opening", "closing"),
    [('"', '"'), ("“", "”"), ("”", "”"), ("«", "»"), ("’’", "’’"), ("‘‘", "‘‘"), ("„", "“")],
)
def test_quotes_every_mark_style_gives_a_direct_quote(opening: str, closing: str) -> None:
    text = f"وقال {LAVROV[0]} {opening}لا يمكن تسوية النزاعات إلا بالحوار{closing}."
    assert summary(quotes_of(text, LAVROV)) == [
        ("direct", "لا يمكن تسوية النزاعات إلا بالحوار", "RUSGOV")
    ]


@ISSUE
def test_quotemarks_inner_quote_is_its_own_region() -> None:
    text = 'قال: «لن نقبل "الحلول المفروضة من الخارج" أبدا».'
    regions = [(r.depth, text[r.start : r.end]) for r in find_quoted_regions(text)]
    assert regions == [
        (0, 'لن نقبل "الحلول المفروضة من الخارج" أبدا'),
        (1, "الحلول المفروضة من الخارج"),
    ]


@ISSUE
def test_quotemarks_same_family_nesting_read_from_spacing() -> None:
    text = 'وكتب "لم أقل أبدا "أعطوا كل الأساتذة أسلحة" بل قلت غير ذلك".'
    regions = [(r.depth, text[r.start : r.end]) for r in find_quoted_regions(text)]
    assert regions == [
        (0, 'لم أقل أبدا "أعطوا كل الأساتذة أسلحة" بل قلت غير ذلك'),
        (1, "أعطوا كل الأساتذة أسلحة"),
    ]


@ISSUE
def test_quotes_nested_quote_is_found_without_a_guessed_speaker() -> None:
    text = f'وقال {LAVROV[0]}: «قال لنا الوسطاء "إن الاتفاق بات قريبا جدا" ثم غادروا القاعة».'
    found = summary(quotes_of(text, LAVROV))
    assert found[0] == (
        "direct", 'قال لنا الوسطاء "إن الاتفاق بات قريبا جدا" ثم غادروا القاعة', "RUSGOV"
    )
    assert ("direct", "إن الاتفاق بات قريبا جدا", None) in found


@ISSUE
def test_quotes_unbalanced_mark_runs_to_paragraph_end() -> None:
    text = f'وقال {LAVROV[0]} "لن نتراجع عن موقفنا مهما كانت الضغوط.\nوفي سياق آخر، ارتفعت الأسعار.'
    assert summary(quotes_of(text, LAVROV)) == [
        ("direct", "لن نتراجع عن موقفنا مهما كانت الضغوط.", "RUSGOV")
    ]


@ISSUE
def test_quotes_quote_over_several_sentences_and_paragraphs() -> None:
    text = (
        f"وقال {MACRON[0]}: \"لن نسمح بذلك. سنرد بحزم على كل تهديد.\n"
        '"وسنعمل مع شركائنا الأوروبيين على حل دائم".'
    )
    [quote] = quotes_of(text, MACRON)
    assert quote.text.startswith("لن نسمح بذلك. سنرد بحزم")
    assert quote.text.endswith("على حل دائم")
    assert quote.speaker is not None and quote.speaker.code == "FRAGOV"


# -- scare quotes and titles -----------------------------------------------------------------


@ISSUE
@pytest.mark.parametrize(
    "text",
    [
        'ووصف الوزير الاتفاق بأنه "تاريخي" أمام الصحفيين.',  # one word
        'وأطلقت تركيا عملية "غصن الزيتون" في عفرين.',  # an operation
        'ونشرت صحيفة "نيويورك تايمز" تقريرا مطولا.',  # a name
        'وانطلقت عملية "درع الفرات الثانية في الشمال" أمس.',  # an operation of 5 words
        'وصدر كتاب بعنوان "أيام في قصر الرئاسة السوري" هذا الشهر.',  # a title
    ],
)
def test_quotes_scare_quotes_and_titles_are_not_quotes(text: str) -> None:
    assert quotes_of(text) == []


# -- indirect quotations ----------------------------------------------------------------------


@ISSUE
@pytest.mark.parametrize(
    "intro",
    [
        "وقال {s} إن", "وأكد {s} أن", "وأوضح {s} أن", "وأشار {s} إلى أن", "واعتبر {s} أن",
        "وحذر {s} من أن", "وأعلن {s} أن", "ونفى {s} أن", "وشدد {s} على أن", "وأفاد {s} بأن",
    ],
)
def test_quotes_indirect_speech_verbs(intro: str) -> None:
    text = intro.format(s=LAVROV[0]) + " موسكو لن تقبل أي تدخل عسكري في ليبيا. ثم غادر."
    assert summary(quotes_of(text, LAVROV)) == [
        ("indirect", "موسكو لن تقبل أي تدخل عسكري في ليبيا", "RUSGOV")
    ]


@ISSUE
def test_quotes_indirect_strips_attached_pronoun_of_inna() -> None:
    text = f"وقال {LAVROV[0]} إنه لا حل عسكريا للأزمة في ليبيا."
    assert summary(quotes_of(text, LAVROV)) == [
        ("indirect", "لا حل عسكريا للأزمة في ليبيا", "RUSGOV")
    ]


@ISSUE
def test_quotes_indirect_ends_where_participle_opens_a_new_one() -> None:
    text = (f"وقال {LAVROV[0]} إن الحل في ليبيا سياسي، مضيفا أن موسكو مستعدة للوساطة"
            " بين الأطراف.")
    assert summary(quotes_of(text, LAVROV)) == [
        ("indirect", "الحل في ليبيا سياسي", "RUSGOV"),
        ("indirect", "موسكو مستعدة للوساطة بين الأطراف", "RUSGOV"),
    ]


@ISSUE
def test_quotes_speech_reported_inside_a_quote_is_not_split_off() -> None:
    text = f"وقال {LAVROV[0]} إن ترامب لا يدعو إلى الحرب بل إلى الحوار."
    assert summary(quotes_of(text, LAVROV)) == [
        ("indirect", "ترامب لا يدعو إلى الحرب بل إلى الحوار", "RUSGOV")
    ]


@ISSUE
@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("ودعت هيومن رايتس ووتش إلى وقف فوري لإطلاق النار في اليمن.",
         "وقف فوري لإطلاق النار في اليمن"),
        ("وطالبت هيومن رايتس ووتش بالإفراج عن المعتقلين السياسيين فورا.",
         "بالإفراج عن المعتقلين السياسيين فورا"),
    ],
)
def test_quotes_appeals_are_quotes_only_when_asked(text: str, content: str) -> None:
    assert quotes_of(text, HRW) == []
    assert summary(quotes_of(text, HRW, appeals=True)) == [("indirect", content, "NGOHRW")]


@ISSUE
def test_quotes_appeal_with_an_is_always_a_quote() -> None:
    text = "ودعت هيومن رايتس ووتش إلى أن تتوقف الغارات على الأحياء السكنية فورا."
    assert summary(quotes_of(text, HRW)) == [
        ("indirect", "تتوقف الغارات على الأحياء السكنية فورا", "NGOHRW")
    ]


@ISSUE
@pytest.mark.parametrize(
    "text",
    [
        "وبعد أن وصل الوفد إلى القاهرة بدأت المحادثات الرسمية.",  # أن after بعد
        "وأفاد بيان الخارجية بأن الوزير بدأ زيارة عمل إلى روسيا.",  # preposition of a later phrase
    ],
)
def test_quotes_not_reported_speech(text: str) -> None:
    found = summary(quotes_of(text))
    assert all(not content.startswith("روسيا") for _, content, _ in found)
    if text.startswith("وبعد"):
        assert found == []


# -- speakers -----------------------------------------------------------------------------------


@ISSUE
def test_quotes_speaker_with_title_and_name() -> None:
    text = (f"وقال {QATAR_FM[0]} {QATAR_NAME[0]} إن الأزمة الخليجية لن تحل إلا بالحوار.")
    [quote] = quotes_of(text, QATAR_FM, QATAR_NAME)
    assert quote.speaker is not None
    assert (quote.speaker.code, quote.speaker.text) == ("QATGOV", QATAR_FM[0])
    assert quote.verb == "وقال"


@ISSUE
def test_quotes_speaker_institution_in_statement() -> None:
    text = (f"وقالت {RUS_MFA[0]} في بيان إن موسكو وأنقرة اتفقتا على مواصلة الجهود"
            " لوقف إطلاق النار.")
    assert summary(quotes_of(text, RUS_MFA)) == [
        ("indirect", "موسكو وأنقرة اتفقتا على مواصلة الجهود لوقف إطلاق النار", "RUSGOV")
    ]


@ISSUE
def test_quotes_split_by_wa_adaf_gives_two_quotes_one_speaker() -> None:
    text = (f'"لن نسمح بتكرار هذه الاعتداءات"، قال الرئيس الفرنسي {MACRON[0]}،'
            ' وأضاف "سنرد بحزم على كل من يهدد أمننا".')
    assert summary(quotes_of(text, MACRON)) == [
        ("direct", "لن نسمح بتكرار هذه الاعتداءات", "FRAGOV"),
        ("direct", "سنرد بحزم على كل من يهدد أمننا", "FRAGOV"),
    ]


@ISSUE
@pytest.mark.parametrize("carry", ["وأضاف", "وتابع", "ومضى قائلا", "وقال"])
def test_quotes_carried_over_speaker(carry: str) -> None:
    text = (f"وقال {LAVROV[0]} إن الوضع في سوريا يتحسن تدريجيا.\n"
            f"{carry} إن روسيا ستواصل دعم الحل السياسي هناك.")
    assert summary(quotes_of(text, LAVROV))[1] == (
        "indirect", "روسيا ستواصل دعم الحل السياسي هناك", "RUSGOV"
    )


@ISSUE
def test_quotes_subject_before_the_verb() -> None:
    text = f"وكان {LAVROV[0]} قد قال إن موسكو لن تقبل بأي تدخل أجنبي."
    assert summary(quotes_of(text, LAVROV)) == [
        ("indirect", "موسكو لن تقبل بأي تدخل أجنبي", "RUSGOV")
    ]


@ISSUE
def test_quotes_participle_takes_the_clause_subject() -> None:
    text = ("ووصفت الولايات المتحدة الانتخابات بالمزيفة، مؤكدة أنها لن تعترف بالنتائج"
            " على الإطلاق.")
    assert summary(quotes_of(text, ("الولايات المتحدة", "USA"))) == [
        ("indirect", "لن تعترف بالنتائج على الإطلاق", "USA")
    ]


@ISSUE
def test_quotes_addressee_is_not_the_speaker() -> None:
    text = f"وقال مسؤول في {RUS_MFA[0]} لوكالة {REUTERS[0]} إن المحادثات ستستأنف قريبا جدا."
    [quote] = quotes_of(text, RUS_MFA, REUTERS)
    assert quote.speaker is not None and quote.speaker.code == "RUSGOV"


@ISSUE
@pytest.mark.parametrize(
    "text",
    [
        "وقالت مصادر مطلعة إن الاجتماع سيعقد الأسبوع المقبل في القاهرة.",
        "وقال شهود عيان إن الاجتماع سيعقد الأسبوع المقبل في القاهرة.",
        "وقال مسؤول في وزارة الخارجية الروسية طلب عدم الكشف عن هويته إن الاجتماع سيعقد"
        " الأسبوع المقبل في القاهرة.",
    ],
)
def test_quotes_anonymous_speaker_has_no_code(text: str) -> None:
    [quote] = quotes_of(text, RUS_MFA)
    assert quote.text == "الاجتماع سيعقد الأسبوع المقبل في القاهرة"
    assert quote.speaker is not None and quote.speaker.code is None


@ISSUE
def test_quotes_anonymous_speaker_carries_over_as_anonymous() -> None:
    text = (f"وقالت مصادر مطلعة إن {LAVROV[0]} سيزور القاهرة قريبا.\n"
            "وأضافت أن الزيارة ستتناول الملف الليبي بالتفصيل.")
    assert [s for _, _, s in summary(quotes_of(text, LAVROV))] == [None, None]


@ISSUE
@pytest.mark.parametrize(
    "text",
    [
        '"لا يمكن تسوية النزاعات إلا بالحوار"، بحسب بيان لوزارة الخارجية الروسية.',
        '"لا يمكن تسوية النزاعات إلا بالحوار"، وفقا لوزارة الخارجية الروسية.',
    ],
)
def test_quotes_attribution_after_the_quote(text: str) -> None:
    assert summary(quotes_of(text, ("وزارة الخارجية الروسية", "RUSGOV"))) == [
        ("direct", "لا يمكن تسوية النزاعات إلا بالحوار", "RUSGOV")
    ]


@ISSUE
def test_quotes_attribution_inside_the_subject_is_a_source_not_the_speaker() -> None:
    text = (f"وتقول {HRW[0]} - بحسب ما أوردته {REUTERS[0]} - إن الحوثيين يحتجزون رهائن"
            " في سجون سرية.")
    [quote] = quotes_of(text, HRW, REUTERS)
    assert quote.speaker is not None and quote.speaker.code == "NGOHRW"


@ISSUE
def test_quotes_relayed_speaker_follows_an() -> None:
    text = f'ونقلت {REUTERS[0]} عن {LAVROV[0]} قوله: "لن نسمح بتقسيم سوريا تحت أي ظرف".'
    assert summary(quotes_of(text, REUTERS, LAVROV)) == [
        ("direct", "لن نسمح بتقسيم سوريا تحت أي ظرف", "RUSGOV")
    ]


@ISSUE
def test_quotes_unknown_subject_keeps_its_phrase_without_code() -> None:
    [quote] = quotes_of("وقال رئيس البلدية إن المياه ستعود إلى الأحياء خلال يومين.")
    assert quote.speaker is not None
    assert (quote.speaker.code, quote.speaker.text) == (None, "رئيس البلدية")


# -- speaker rules: clause structure -------------------------------------------------------------


def speakers_of(text: str, *entities: tuple[str, str | None]) -> list[str | None]:
    return [code for _, _, code in summary(quotes_of(text, *entities))]


@ISSUE
def test_quotes_relay_verb_needs_its_an() -> None:
    relayed = make_doc(f"ونقلت {REUTERS[0]} عن {LAVROV[0]} قوله إن الحل سياسي.")
    moved = make_doc("وتم نقل الجرحى إلى المستشفى القريب من الحدود.")
    assert [c.kind for c in find_cues(relayed.tokens)] == ["relay", "noun"]
    assert find_cues(moved.tokens) == []


@ISSUE
def test_quotes_participle_after_fiima_takes_the_subject_of_its_clause() -> None:
    text = ("ولقي القرار ترحيبا من رئيس الوزراء الإسرائيلي، فيما ندد المتحدث باسم الرئاسة"
            " الفلسطينية بالقرار، قائلا إنه لن يجلب السلام إلى المنطقة.")
    assert speakers_of(text, ("رئيس الوزراء الإسرائيلي", "ISRGOV"),
                       ("الرئاسة الفلسطينية", "PSEGOV")) == ["PSEGOV"]


@ISSUE
def test_quotes_dateline_is_not_the_subject() -> None:
    text = ("دمشق، سوريا (CNN) — رد الرئيس السوري على الانتقادات الغربية، مؤكدا أن بلاده لن"
            " تتراجع عن موقفها.")
    assert speakers_of(text, ("سوريا", "SYR"), ("الرئيس السوري", "SYRGOV")) == ["SYRGOV"]


@ISSUE
def test_quotes_subject_before_the_verb_is_not_in_a_prepositional_phrase() -> None:
    text = ("ويدافع فريدمان عن الاستيطان في الأراضي الفلسطينية، ويعتبر أن المستوطنات"
            " شرعية تماما.")
    assert speakers_of(text, ("فريدمان", "USAGOV"), ("الأراضي الفلسطينية", "PSE")) == ["USAGOV"]


@ISSUE
def test_quotes_kana_qad_takes_the_name_after_the_title() -> None:
    text = ("وكان العقيد تركي المالكي، المتحدث باسم التحالف في اليمن، قد قال إن القوات"
            " تقدمت نحو المدينة.")
    entities = (("العقيد", "YEMMIL"), ("تركي المالكي", "SAUMIL"), ("اليمن", "YEM"))
    assert speakers_of(text, *entities) == ["SAUMIL"]


@ISSUE
def test_quotes_verb_followed_by_a_pronoun_preposition_has_no_subject_after_it() -> None:
    text = f"ونشر {LAVROV[0]} تغريدة قال فيها إن الحوار هو الحل الوحيد للأزمة."
    assert speakers_of(text, LAVROV) == ["RUSGOV"]


@ISSUE
def test_quotes_what_follows_a_participle_is_its_object() -> None:
    text = (f"وقال {LAVROV[0]} إن الوضع صعب جدا في المنطقة.\n"
            f"وأضاف في رسالة، مؤكدا موقف {HRW[0]}، أن الحل سياسي بالكامل.")
    assert speakers_of(text, LAVROV, HRW) == ["RUSGOV", "RUSGOV"]


@ISSUE
def test_quotes_but_with_a_pronoun_keeps_the_subject_before_it() -> None:
    text = ("وشعر السكان بالزلزال بحسب ما أعلنه التلفزيون العراقي لكنه أوضح أنه لم تسجل أي"
            " إصابات.")
    assert speakers_of(text, ("السكان", "IRQCVL"), ("التلفزيون العراقي", "IRQMED")) == [
        "IRQMED"
    ]


@ISSUE
def test_quotes_dropped_subject_refers_to_the_subject_of_the_sentence_before() -> None:
    text = (f"وقال {LAVROV[0]} إن الوضع صعب جدا في المنطقة.\n"
            f"ودعت {HRW[0]} مجلس الأمن إلى التحقيق في الانتهاكات.\n"
            'وقالت: "إن القوات تمارس الاعتقال العشوائي بحق المدنيين".')
    assert speakers_of(text, LAVROV, HRW) == ["RUSGOV", "NGOHRW"]


# -- speaker rules: referring back ---------------------------------------------------------------


@ISSUE
def test_quotes_generic_head_refers_back_to_the_subject_it_repeats() -> None:
    text = ("قال مسؤول في وزارة الخارجية الأمريكية إن واشنطن قررت وقف الدعم.\n"
            "وقال المسؤول لشبكتنا إن الميزانية تخضع الآن للمراجعة.")
    entities = (("وزارة الخارجية الأمريكية", "USAGOV"), ("المسؤول", "SYRGOV"))
    assert speakers_of(text, *entities) == ["USAGOV", "USAGOV"]


@ISSUE
def test_quotes_lone_generic_head_takes_the_previous_speaker_when_it_fits() -> None:
    text = (f"وتقول {HRW[0]} إن الحوثيين يحتجزون رهائن في سجون سرية.\n"
            "وتقول المنظمة إن المعتقلين تعرضوا للتعذيب.\n"
            f"وقال {LAVROV[0]} إن الحل سياسي.\nوقالت الوزارة إن الوفد سيصل غدا.")
    entities = (HRW, LAVROV, ("المنظمة", "YEMNGO"), ("الوزارة", "YEMGOV"))
    # the NGO fits المنظمة; Lavrov is a person, الوزارة keeps its own code
    assert speakers_of(text, *entities) == ["NGOHRW", "NGOHRW", "RUSGOV", "RUSGOV"]
    # Asking again keeps no new word table (one per question made a batch run grow).
    tables = len(speech._FOLDED_SETS)
    speakers_of(text, *entities)
    assert len(speech._FOLDED_SETS) == tables


@ISSUE
def test_quotes_definite_repetition_of_an_anonymous_subject_stays_anonymous() -> None:
    text = ("وقال مسؤول فلسطيني طلب عدم الكشف عن هويته إن الهدوء عاد إلى القطاع.\n"
            'وقال المسؤول الفلسطيني لرويترز "الفصائل ستلتزم بالتهدئة طالما التزمت بها إسرائيل".')
    assert speakers_of(text, ("المسؤول الفلسطيني", "PSEGOV")) == [None, None]


@ISSUE
def test_quotes_title_or_generic_noun_before_a_name_gives_the_name() -> None:
    text = 'وقالت منظمة "أنقذوا الأطفال" إن عدد الأطفال في مناطق النزاع ارتفع كثيرا.'
    assert speakers_of(text, ("منظمة", "SYRNGO"), ("أنقذوا الأطفال", "NGOSVC")) == ["NGOSVC"]


@ISSUE
def test_quotes_document_noun_with_lam_names_its_author() -> None:
    text = f"وقال بيان ل{RUS_MFA[0]} إن الوزير سيزور القاهرة الأسبوع المقبل."
    assert speakers_of(text, RUS_MFA) == ["RUSGOV"]


@ISSUE
def test_quotes_unnamed_spokesperson_is_not_anonymous() -> None:
    text = 'وقال متحدث عسكري، لم يذكر اسمه، الجمعة: "تقدمت الكتائب بسرعة نحو الميناء".'
    assert summary(quotes_of(text, ("متحدث عسكري", "AREMIL"))) == [
        ("direct", "تقدمت الكتائب بسرعة نحو الميناء", "AREMIL")
    ]


# -- cues ---------------------------------------------------------------------------------------


@ISSUE
@pytest.mark.parametrize(
    "text",
    [
        "يذكر أن الإدارة لديها مهلة حتى نهاية الشهر لإعلان موقفها.",  # the journalist's aside
        "ولم يوضح الوزير أن الاتفاق سيوقع قريبا في العاصمة.",  # negated
        "ادعت النيابة العامة على ثلاثة موقوفين بتهمة التجسس لصالح دولة أجنبية.",  # a charge
        "وكان الطرفان قد أشارا في وقت سابق إلى إمكانية سحب الاعتراف بالحكومة.",  # far إلى
        "ونادرا ما تقر إسرائيل بالتوصل إلى أي اتفاق مع الحركة التي تصنفها على أنها إرهابية.",
    ],
)
def test_quotes_not_reported_speech_cues(text: str) -> None:
    assert quotes_of(text) == []


@ISSUE
def test_quotes_verb_with_its_own_preposition_takes_a_noun_object() -> None:
    text = f"وأشار {LAVROV[0]} إلى ضرورة الحوار بين جميع الأطراف الليبية."
    assert summary(quotes_of(text, LAVROV)) == [
        ("indirect", "ضرورة الحوار بين جميع الأطراف الليبية", "RUSGOV")
    ]


@ISSUE
@pytest.mark.parametrize(
    "text",
    [
        "وتوجه قرقاش إلى المنتقدين بالقول إن موقع الإمارات في المعركة ثابت.",
        "وأثار قرقاش الجدل بقوله إن موقع الإمارات في المعركة ثابت.",
        "ووعد قرقاش البرلمان بأن موقع الإمارات في المعركة ثابت.",
    ],
)
def test_quotes_verbal_nouns_and_promises_report_speech(text: str) -> None:
    assert summary(quotes_of(text, ("قرقاش", "AREGOV"))) == [
        ("indirect", "موقع الإمارات في المعركة ثابت", "AREGOV")
    ]


@ISSUE
def test_quotes_repeated_speech_verb_is_one_cue() -> None:
    text = (f"وقال {LAVROV[0]} إن الوضع صعب.\n"
            'وتابع قائلا: "سنواصل العمل مع جميع الشركاء الدوليين".')
    assert speakers_of(text, LAVROV) == ["RUSGOV", "RUSGOV"]


@ISSUE
def test_quotes_cited_phrase_after_a_preposition_has_no_speaker() -> None:
    text = (f"وقال {LAVROV[0]} إن الوضع صعب.\n"
            'وانتهت المهلة دون التوصل إلى "اتفاق سياسي قابل للاستمرار" بين الأطراف.')
    assert speakers_of(text, LAVROV) == ["RUSGOV", None]


@ISSUE
@pytest.mark.parametrize(
    ("text", "content"),
    [
        ('موضحا: ""أنا لا أثق بكل شخص في البيت الأبيض".', "أنا لا أثق بكل شخص في البيت الأبيض"),
        ('مؤسس شركة "تيسلا ،"الثلاثاء عن نيته سحب شركته من البورصة.', "تيسلا ،"),
    ],
)
def test_quotemarks_doubled_and_glued_marks(text: str, content: str) -> None:
    regions = [text[r.start : r.end] for r in find_quoted_regions(text)]
    assert regions[0] == content


# -- offsets, component, export ------------------------------------------------------------------


_PIECES = [
    "قال", "إن", "أن", "وأضاف", "الوزير", "لافروف", "الحل", "سياسي", "مصادر", "عملية", "بحسب",
    "،", ".", ":", "\n", " ", " ", " ", '"', "“", "”", "«", "»", "’’", "„",
]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=80))
def test_quotes_offsets_read_the_text(pieces: list[str]) -> None:
    text = "".join(pieces)
    doc = make_doc(text, (("لافروف", "RUSGOV"),))
    for quote in find_quotes(doc):
        assert text[quote.start : quote.end] == quote.text
        assert quote.kind in ("direct", "indirect")
        if quote.speaker is not None:
            assert text[quote.speaker.start : quote.speaker.end] == quote.speaker.text


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200))
def test_quotes_any_text_never_raises(text: str) -> None:
    for quote in find_quotes(make_doc(text)):
        assert text[quote.start : quote.end] == quote.text


def test_quotes_component_is_registered() -> None:
    info = get_component("hadath.quotes.v1")
    assert info.requires == ("sentences", "tokens", "entities")
    assert info.assigns == ("quotes",)
    doc = make_doc(f"وقال {LAVROV[0]} إن الحل في ليبيا سياسي بالكامل.", (LAVROV,))
    coded = info.factory()(doc)
    assert [q.text for q in coded.quotes] == ["الحل في ليبيا سياسي بالكامل"]


@ISSUE
def test_gkg_quotations_field_with_speaker() -> None:
    text = f'وقال {LAVROV[0]} إن الحل سياسي تماما. وأضاف "سنعمل|مع الجميع #دون استثناء".'
    doc = make_doc(text, (LAVROV,))
    doc = replace(doc, quotes=tuple(find_quotes(doc)))
    field = gkg_quotations(doc.to_dict())
    first, second = field.split("#")
    start = text.index("الحل")
    assert first == f"{start}|{len('الحل سياسي تماما')}|وقال|الحل سياسي تماما|RUSGOV"
    assert second.split("|")[2:] == ["وأضاف", "سنعمل مع الجميع دون استثناء", "RUSGOV"]
    assert gkg_quotations({"quotes": []}) == ""


def test_words_in_answers_word_in_for_every_token() -> None:
    tokens = tokenize("وقال الوزير، الذي زار موسكو، إن بلاده حين تدعم الحل فإنها لن تتراجع")
    for table in (speech_words.CLAUSE_OPENERS, speech_words.NEGATIONS):
        flags = words_in(tokens, table)
        assert flags == [word_in(t, table) for t in tokens]
        assert any(flags) and not all(flags)
