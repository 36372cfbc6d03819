"""roles.tsv and its loader."""

from __future__ import annotations

import pytest

from hadath.lexicon.organisations import load_organisations
from hadath.lexicon.roles import ROLE_CODES, load_roles
from hadath.lexicon.tsv import fold_key, read_tsv, version_of


def test_roles_loads_with_version() -> None:
    table = load_roles()
    assert version_of("roles.tsv").startswith("2 ")
    assert len(table.phrases()) >= 700


def test_roles_codes_and_unique_keys() -> None:
    owner: dict[str, int] = {}
    for row in read_tsv("roles.tsv"):
        assert row["role"] in ROLE_CODES, row.where()
        for form in row["ar"].split("|"):
            assert owner.setdefault(fold_key(form), row.line) == row.line, f"{row.where()}: {form}"


@pytest.mark.parametrize(
    ("form", "role"),
    [
        ("المخابرات", "SPY"),
        ("البرلمان", "LEG"),
        ("المتظاهرين", "CVL"),
        ("المتظاهرون", "CVL"),
        ("الرئيس", "GOV"),
        ("وزير الخارجية", "GOV"),
        ("وزير الدفاع", "GOV"),
        ("الجيش", "MIL"),
        ("الجنود", "MIL"),
        ("الشرطة", "COP"),
        ("قوات الأمن", "COP"),
        ("المحكمة", "JUD"),
        ("النائب العام", "JUD"),
        ("المعارضة", "OPP"),
        ("المتمردين", "REB"),
        ("الميليشيات", "UAF"),
        ("الصحفيين", "MED"),
        ("رجال الدين", "REL"),
        ("اللاجئين", "REF"),
        ("النازحين", "REF"),
        ("الطلاب", "EDU"),
        ("النقابات", "LAB"),
        ("وزارة الصحة", "HLH"),
        ("منظمات حقوق الإنسان", "HRI"),
        ("مجلس الأمن القومي", "GOV"),
    ],
)
def test_roles_lookup(form: str, role: str) -> None:
    entry = load_roles().lookup(form)
    assert entry is not None, form
    assert entry.role == role


def test_roles_longest_phrase_beats_organisation_prefix() -> None:
    words = ["اجتماع", "مجلس", "الأمن", "القومي", "التركي"]
    role = load_roles().longest_match(words, 1)
    org = load_organisations().longest_match(words, 1)
    assert role is not None and org is not None
    assert (role[0].role, role[1]) == ("GOV", 3)
    assert (org[0].code, org[1]) == ("IGOUNO", 2)  # a matcher keeps the longer one


def test_roles_attackers_are_rebels_and_amam_is_no_imam() -> None:
    table = load_roles()
    assert table.lookup("انتحاري").role == "REB"
    assert table.lookup("المسلح").role == "REB"
    assert table.lookup("إمام") is None  # أمام "in front of" folds to the same letters
    assert table.lookup("إمام المسجد").role == "REL"
