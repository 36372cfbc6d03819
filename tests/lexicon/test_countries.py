"""countries.tsv and its loader: names, capitals, generated nisba forms."""

from __future__ import annotations

import re

import pytest

from hadath.lexicon.countries import load_countries, nisba_forms
from hadath.lexicon.tsv import read_tsv, version_of

UN_MEMBER_SAMPLE = ("USA", "RUS", "CHN", "SAU", "ARE", "YEM", "SSD", "TUV", "MHL", "BHS")


def test_countries_loads_with_version() -> None:
    table = load_countries()
    assert re.match(r"^\d+ \(\d{4}-\d\d-\d\d\)$", version_of("countries.tsv"))
    assert table.version == version_of("countries.tsv")
    assert len(table) >= 200
    assert set(UN_MEMBER_SAMPLE) | {"PSE", "XKX", "TWN", "ESH", "HKG", "VAT"} <= set(table.by_code)


def test_countries_codes_are_iso_alpha3_and_unique() -> None:
    codes = [row["code"] for row in read_tsv("countries.tsv")]
    assert all(re.fullmatch(r"[A-Z]{3}", c) for c in codes)
    assert len(codes) == len(set(codes))


@pytest.mark.parametrize(
    ("form", "code", "via"),
    [
        ("أميركا", "USA", "name"),
        ("أمريكا", "USA", "name"),
        ("الولايات المتحدة الأمريكية", "USA", "name"),
        ("واشنطن", "USA", "capital"),
        ("الأميركيين", "USA", "nisba"),
        ("الروسيتين", "RUS", "nisba"),
        ("روسيات", "RUS", "nisba"),
        ("الروس", "RUS", "plural"),
        ("الأتراك", "TUR", "plural"),
        ("أنقرة", "TUR", "capital"),
        ("الإيرانية", "IRN", "nisba"),
        ("طهران", "IRN", "capital"),
        ("السعودية", "SAU", "name"),
        ("المملكة العربية السعودية", "SAU", "name"),
        ("الإمارات العربية المتحدة", "ARE", "name"),
        ("الإماراتي", "ARE", "nisba"),
        ("الكورية الشمالية", "PRK", "nisba"),
        ("بيونغ يانغ", "PRK", "capital"),
        ("الجنوب أفريقية", "ZAF", "nisba"),
        ("فلسطين", "PSE", "name"),
        ("رام الله", "PSE", "capital"),
        ("الجزائر", "DZA", "name"),
        ("عُمان", "OMN", "name"),
    ],
)
def test_countries_lookup(form: str, code: str, via: str) -> None:
    found = load_countries().match(form)
    assert found is not None, form
    assert (found.entry.code, found.via) == (code, via)


@pytest.mark.parametrize("form", ["المالي", "كيف", "القمري", "بروكسل", "طرابلس", "للسعودية"])
def test_countries_ambiguous_or_clitic_forms_are_not_keys(form: str) -> None:
    assert load_countries().lookup(form) is None


def test_countries_nisba_generation() -> None:
    assert nisba_forms("روسي") == [
        "روسي", "الروسي", "روسية", "الروسية", "روسيان", "الروسيان", "روسيتان", "الروسيتان",
        "روسيين", "الروسيين", "روسيتين", "الروسيتين", "روسيون", "الروسيون", "روسيات", "الروسيات",
    ]  # fmt: skip
    assert "الكوريتين الشماليتين" in nisba_forms("كوري شمالي")
    assert "الجنوب سودانية" in nisba_forms("جنوب سوداني")
