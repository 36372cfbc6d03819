"""organisations.tsv and its loader."""

from __future__ import annotations

import pytest

from hadath.lexicon.countries import load_countries
from hadath.lexicon.organisations import ACTOR_CODE_RE, load_organisations
from hadath.lexicon.roles import ROLE_CODES
from hadath.lexicon.tsv import fold_key, read_tsv, version_of

TRANSNATIONAL = ("IGO", "NGO", "IMG")


def test_organisations_loads_with_version() -> None:
    table = load_organisations()
    assert version_of("organisations.tsv").startswith("1 ")
    assert len(table) >= 200


def test_organisations_codes_are_valid() -> None:
    countries = load_countries().by_code
    for row in read_tsv("organisations.tsv"):
        code = row["code"]
        assert ACTOR_CODE_RE.match(code), row.where()
        head, role = code[:3], code[3:]
        if head not in TRANSNATIONAL:
            assert head in countries, f"{row.where()}: unknown country {head}"
            assert role in ROLE_CODES, f"{row.where()}: unknown role {role}"


def test_organisations_keys_unique_across_codes() -> None:
    owner: dict[str, str] = {}
    for row in read_tsv("organisations.tsv"):
        for form in row["ar"].split("|"):
            key = fold_key(form)
            assert owner.setdefault(key, row["code"]) == row["code"], f"{row.where()}: {form}"


def test_organisations_keys_do_not_clash_with_countries() -> None:
    countries = load_countries()
    clashes = [p for p, _ in load_organisations().phrases() if countries.lookup(p)]
    assert clashes == []


@pytest.mark.parametrize(
    ("form", "code"),
    [
        ("حزب الله", "LBNUAF"),
        ("الحوثيين", "YEMREB"),
        ("جماعة الحوثي", "YEMREB"),
        ("أنصار الله", "YEMREB"),
        ("داعش", "IMGISI"),
        ("تنظيم الدولة الإسلامية", "IMGISI"),
        ("مجلس الأمن", "IGOUNO"),
        ("مجلس الأمن الدولي", "IGOUNO"),
        ("الأونروا", "IGOUNO"),
        ("الاتحاد الأوروبي", "IGOEUR"),
        ("حلف شمال الأطلسي", "IGONAT"),
        ("حماس", "PSEUAF"),
        ("السلطة الفلسطينية", "PSEGOV"),
        ("طالبان", "AFGREB"),
        ("قوات سوريا الديمقراطية", "SYRREB"),
        ("حزب العمال الكردستاني", "TURREB"),
        ("الجيش الوطني الليبي", "LBYMIL"),
        ("حكومة الوفاق", "LBYGOV"),
        ("التحالف العربي", "SAUMIL"),
        ("الحرس الثوري", "IRNMIL"),
        ("الموساد", "ISRSPY"),
        ("منظمة العفو الدولية", "NGOAMN"),
        ("الصليب الأحمر", "NGOICR"),
        ("بوكو حرام", "IMGBKH"),
        ("تنظيم القاعدة", "IMGAQA"),
    ],
)
def test_organisations_lookup(form: str, code: str) -> None:
    entry = load_organisations().lookup(form)
    assert entry is not None, form
    assert entry.code == code


def test_organisations_longest_match_in_sentence() -> None:
    words = ["وقالت", "المفوضية", "السامية", "للأمم", "المتحدة", "لشؤون", "اللاجئين", "إن"]
    found = load_organisations().longest_match(words, 1)
    assert found is not None
    assert (found[0].name, found[1]) == ("UNHCR", 6)


@pytest.mark.parametrize("form", ["فتح", "العربية", "الجزيرة", "الشباب"])
def test_organisations_ambiguous_bare_forms_left_out(form: str) -> None:
    assert load_organisations().lookup(form) is None
