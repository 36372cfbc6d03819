"""Coordinated names split at wa- (extract/ner/coordination.py)."""

from __future__ import annotations

import pytest

from hadath.extract.ner import NerTagger, bio_entities
from hadath.extract.ner.coordination import split_coordinated


def names(words: list[str], tags: list[str]) -> list[tuple[str, str]]:
    return [(" ".join(words[s:e]), kind) for s, e, kind in bio_entities(tags)]


@pytest.mark.parametrize(
    ("words", "tags", "expected"),
    [
        (
            ["التقى", "ابراهيم", "سعد", "وسعيد", "جعفر"],
            ["O", "B-PER", "I-PER", "I-PER", "I-PER"],
            [("ابراهيم سعد", "PER"), ("وسعيد جعفر", "PER")],
        ),
        (
            ["زار", "سوريا", "ولبنان"],
            ["O", "B-LOC", "I-LOC"],
            [("سوريا", "LOC"), ("ولبنان", "LOC")],
        ),
        (  # an organisation's name coordinates inside itself
            ["المجلس", "الاقتصادي", "والاجتماعي"],
            ["B-ORG", "I-ORG", "I-ORG"],
            [("المجلس الاقتصادي والاجتماعي", "ORG")],
        ),
        (  # a person-name word of the gazetteer that starts with waw
            ["قال", "محمد", "وليد"],
            ["O", "B-PER", "I-PER"],
            [("محمد وليد", "PER")],
        ),
        (["قال", "أبو", "وو"], ["O", "B-PER", "I-PER"], [("أبو وو", "PER")]),  # too short
        (  # after waw a known word that is no person's name, and the name stops there
            ["محمد", "بن", "سلمان", "وليا", "للعهد"],
            ["B-PER", "I-PER", "I-PER", "I-PER", "O"],
            [("محمد بن سلمان وليا", "PER")],
        ),
        (  # the same word, but the name goes on after it
            ["محمد", "وليا", "جعفر"],
            ["B-PER", "I-PER", "I-PER"],
            [("محمد", "PER"), ("وليا جعفر", "PER")],
        ),
        (  # a foreign name that starts with W: no known word after the waw
            ["قال", "كيفن", "واتكينز"],
            ["O", "B-PER", "I-PER"],
            [("كيفن واتكينز", "PER")],
        ),
    ],
)
def test_ner_coordination_splits_names_joined_by_wa(
    words: list[str], tags: list[str], expected: list
) -> None:
    gazetteer = {"وليد": "PER-first", "سعيد": "PER-first"}
    known = {"لبنان", "جعفر", "ليا"}
    assert names(words, split_coordinated(words, tags, gazetteer, known)) == expected


def test_ner_tagger_gives_coordinated_people_as_two_names() -> None:
    words = ["واستقبل", "الرئيس", "ميشال", "عون", "ونبيه", "بري", "الوفد"]
    found = names(words, NerTagger.load().tag(words))
    assert ("ميشال عون", "PER") in found
    assert not any(" ونبيه" in name for name, _ in found)
