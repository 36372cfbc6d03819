"""Tests for the person dictionary (data/persons.tsv) and its loader."""

from __future__ import annotations

import datetime
import re
from collections import defaultdict
from pathlib import Path

import pytest

from hadath.errors import LexiconError
from hadath.lexicon.persons import Person, Role, load_persons, load_persons_from
from hadath.lexicon.roles import ROLE_CODES
from hadath.lexicon.tsv import fold_key, read_tsv

D = datetime.date
_CODE_RE = re.compile(r"^[A-Z]{3}([A-Z]{3})?$")
_HEADER = (
    "# persons.tsv: test dictionary\n"
    "# version: 9 (2026-01-01)\n"
    "# columns: id\tname\tar\troles\tnote\n"
)
_GOOD_ROW = "sergey-lavrov\tSergey Lavrov\tسيرغي لافروف|لافروف\tRUSGOV 2004-03-09..\tRussian FM\n"


@pytest.fixture(scope="module")
def persons():
    return load_persons()


def write_persons(tmp_path: Path, *rows: str) -> Path:
    path = tmp_path / "persons.tsv"
    path.write_text(_HEADER + "".join(rows), encoding="utf-8")
    return path


def test_persons_file_loads_with_version(persons):
    assert persons.version.startswith("1 ")
    assert load_persons() is persons  # cached


def test_persons_has_at_least_1500_people(persons):
    assert len(persons) >= 1500


def test_persons_ids_are_unique(persons):
    ids = [person.id for person in persons]
    assert len(ids) == len(set(ids))


def test_persons_codes_are_well_formed(persons):
    bad = [(p.id, r.code) for p in persons for r in p.roles if not _CODE_RE.match(r.code)]
    assert bad == []


def test_persons_role_intervals_are_ordered(persons):
    bad = [
        (p.id, str(r)) for p in persons for r in p.roles if r.start and r.end and r.start > r.end
    ]
    assert bad == []


def test_persons_every_role_has_a_start_date(persons):
    undated = [(p.id, str(r)) for p in persons for r in p.roles if r.start is None]
    assert sorted(undated) == [("alwaleed-bin-talal", "SAUBUS"), ("elon-musk", "USABUS")]


def test_persons_forms_have_at_least_three_letters(persons):
    short = [(p.id, f) for p in persons for f in p.forms if len(fold_key(f).replace(" ", "")) < 3]
    assert short == []


def test_persons_shared_forms_are_marked_ambiguous(persons):
    owners: dict[str, set[str]] = defaultdict(set)
    for person in persons:
        for form in person.forms:
            owners[fold_key(form)].add(person.id)
    unmarked = sorted(
        (key, sorted(ids))
        for key, ids in owners.items()
        if len(ids) > 1 and not all(persons.get(i).is_ambiguous(key) for i in ids)
    )
    assert unmarked == []


def test_persons_ambiguous_notes_name_real_forms(persons):
    stray = [
        (p.id, key)
        for p in persons
        for key in p.ambiguous
        if key not in {fold_key(f) for f in p.forms}
    ]
    assert stray == []


@pytest.mark.parametrize(
    ("form", "day", "person_id", "code"),
    [
        ("لافروف", D(2018, 5, 21), "sergey-lavrov", "RUSGOV"),
        ("سيرجي لافروف", None, "sergey-lavrov", "RUSGOV"),
        ("بوتين", D(2018, 3, 18), "vladimir-putin", "RUSGOV"),
        ("فلاديمير بوتن", D(2018, 3, 18), "vladimir-putin", "RUSGOV"),
        ("السيسي", D(2013, 7, 3), "abdel-fattah-el-sisi", "EGYMIL"),
        ("عبد الفتاح السيسي", D(2018, 5, 1), "abdel-fattah-el-sisi", "EGYGOV"),
        ("بومبيو", D(2017, 6, 15), "mike-pompeo", "USASPY"),
        ("بومبيو", D(2019, 2, 1), "mike-pompeo", "USAGOV"),
        ("ترامب", D(2018, 6, 12), "donald-trump", "USAGOV"),
        ("ترمب", D(2018, 6, 12), "donald-trump", "USAGOV"),
        ("حفتر", D(2018, 4, 1), "khalifa-haftar", "LBYMIL"),
        ("حسن نصرالله", D(2018, 5, 7), "hassan-nasrallah", "LBNUAF"),
        ("غوتيريش", D(2018, 9, 25), "antonio-guterres", "IGOUNO"),
        ("غوتيريس", D(2000, 1, 1), "antonio-guterres", "PRTGOV"),
        ("محمد بن سلمان", D(2018, 10, 20), "mohammed-bin-salman", "SAUGOV"),
        ("أردوغان", D(2018, 6, 24), "recep-tayyip-erdogan", "TURGOV"),
        ("نتنياهو", D(2018, 1, 1), "benjamin-netanyahu", "ISRGOV"),
        ("نتنياهو", D(2022, 1, 1), "benjamin-netanyahu", "ISROPP"),
        ("جوزيف عون", D(2018, 1, 1), "joseph-aoun", "LBNMIL"),
        ("جوزيف عون", D(2025, 6, 1), "joseph-aoun", "LBNGOV"),
        ("أحمد الشرع", D(2025, 6, 1), "ahmed-al-sharaa", "SYRGOV"),
        ("أبو محمد الجولاني", D(2014, 1, 1), "ahmed-al-sharaa", "IMGAQA"),
    ],
)
def test_persons_lookup_codes_on_date(persons, form, day, person_id, code):
    found = persons.lookup(form)
    assert [p.id for p in found] == [person_id]
    assert found[0].code_on(day) == code


def test_persons_trump_spellings_name_one_person(persons):
    assert persons.lookup("ترامب") == persons.lookup("ترمب") == persons.lookup("دونالد ترمب")


@pytest.mark.parametrize(
    ("form", "person_id"),
    [("اردوغان", "recep-tayyip-erdogan"), ("تُرامب", "donald-trump"), ("بوتيـن", "vladimir-putin")],
)
def test_persons_lookup_folds_spelling(persons, form, person_id):
    assert [p.id for p in persons.lookup(form)] == [person_id]


def test_persons_lookup_unknown_is_empty(persons):
    assert persons.lookup("شخص غير معروف") == []


@pytest.mark.parametrize(
    ("person_id", "day", "code"),
    [
        ("mike-pompeo", D(2022, 1, 1), "USA"),  # after leaving office: the country
        ("hassan-nasrallah", D(2025, 1, 1), "LBN"),
        ("barack-obama", D(2018, 5, 1), "USA"),
        ("antonio-guterres", D(2016, 6, 1), "IGO"),  # gap between UNHCR and secretary-general
    ],
)
def test_persons_without_role_fall_back_to_nearest_country(persons, person_id, day, code):
    assert persons.get(person_id).code_on(day) == code


@pytest.mark.parametrize(
    ("person_id", "code"),
    [("mike-pompeo", "USAGOV"), ("abdel-fattah-el-sisi", "EGYGOV"), ("antonio-guterres", "IGOUNO")],
)
def test_persons_without_date_use_latest_role(persons, person_id, code):
    assert persons.get(person_id).code_on(None) == code


def test_persons_first_holding_role_wins():
    roles = (Role("EGYMIL", D(2012, 1, 1), D(2014, 1, 1)), Role("EGYGOV", D(2013, 1, 1)))
    person = Person("x", "X", ("اكس",), roles)
    assert person.code_on(D(2013, 6, 1)) == "EGYMIL"
    assert person.code_on(D(2015, 6, 1)) == "EGYGOV"


def test_persons_phrases_are_longest_first_and_flag_ambiguity(persons):
    phrases = persons.phrases()
    lengths = [len(phrase.text) for phrase in phrases]
    assert lengths == sorted(lengths, reverse=True)
    by_text = {phrase.text: phrase for phrase in phrases}
    assert by_text[fold_key("الأسد")].ambiguous
    assert by_text[fold_key("الأسد")].person_ids == ("bashar-al-assad",)
    assert not by_text[fold_key("لافروف")].ambiguous
    assert set(by_text[fold_key("الحريري")].person_ids) >= {"rafik-hariri", "saad-hariri"}


def test_persons_risky_surnames_are_not_bare_forms(persons):
    # Ordinary words and very common names must not resolve to a person without a marker.
    for word in ("سلمان", "علي", "صالح", "السوداني"):
        assert persons.lookup(word) == []
    assert all(p.is_ambiguous("عباس") for p in persons.lookup("عباس"))


def test_persons_loads_a_good_file(tmp_path):
    table = load_persons_from(write_persons(tmp_path, _GOOD_ROW))
    assert table.version == "9 (2026-01-01)"
    assert table.lookup("لافروف")[0].roles == (Role("RUSGOV", D(2004, 3, 9), None),)


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("x-y\tX\tلافروف\tRUSGOVV 2004..\t\n", "persons.tsv:4: bad code 'RUSGOVV'"),
        ("x-y\tX\tلافروف\tRUSGOV 2004-13..\t\n", "persons.tsv:4: bad date '2004-13'"),
        ("x-y\tX\tلافروف\tRUSGOV 2010..2004\t\n", "persons.tsv:4: role 'RUSGOV 2010..2004' ends"),
        ("x-y\tX\tلافروف\tRUSGOV from 2004\t\n", "persons.tsv:4: bad role"),
        ("X Y\tX\tلافروف\tRUSGOV 2004..\t\n", "persons.tsv:4: bad id 'X Y'"),
        ("x-y\tX\tلا\tRUSGOV 2004..\t\n", "persons.tsv:4: x-y: form 'لا' is shorter"),
        ("x-y\tX\t\tRUSGOV 2004..\t\n", "persons.tsv:4: x-y: no Arabic form"),
        ("x-y\tX\tلافروف\t\t\n", "persons.tsv:4: x-y: no role"),
        ("x-y\tX\tلافروف\tRUSGOV 2004..\tnote\textra\n", "persons.tsv:4: 6 fields"),
    ],
)
def test_persons_malformed_row_raises_with_file_and_line(tmp_path, row, message):
    with pytest.raises(LexiconError, match=re.escape(message)):
        load_persons_from(write_persons(tmp_path, row))


def test_persons_duplicate_id_raises(tmp_path):
    with pytest.raises(LexiconError, match=r"persons\.tsv:5: duplicate id 'sergey-lavrov'"):
        load_persons_from(write_persons(tmp_path, _GOOD_ROW, _GOOD_ROW))


def test_persons_codes_use_known_countries_and_roles(persons):
    countries = {row["code"] for row in read_tsv("countries.tsv")}
    unknown = sorted(
        {
            r.code
            for p in persons
            for r in p.roles
            if r.code[:3] not in {"IGO", "NGO", "IMG"}
            and (r.code[:3] not in countries or (r.code[3:] and r.code[3:] not in ROLE_CODES))
        }
    )
    assert unknown == []
