"""Name spans from the recogniser over a document (extract/names.py)."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from hadath.extract.names import find_names
from hadath.extract.ner import repair_bio
from hadath.text.sentences import split_sentences
from hadath.text.tokens import tokenize


class FixedTagger:
    """Stands for NerTagger: gives each sentence the tags listed for its words."""

    def __init__(self, tags_by_word: dict[str, str]) -> None:
        self.tags_by_word = tags_by_word
        self.calls: list[int] = []

    def tag_sentences(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        self.calls.extend(len(words) for words in sentences)
        return [repair_bio([self.tags_by_word.get(w, "O") for w in words]) for words in sentences]


def names(text: str, tagger: object) -> list[tuple[str, str]]:
    found = find_names(text, split_sentences(text), tokenize(text), tagger)  # type: ignore[arg-type]
    for name in found:
        assert text[name.start : name.end] == name.text
    return [(n.text, n.type) for n in found]


def test_names_tags_sentence_by_sentence() -> None:
    text = "قال جون ليتون إن المحادثات مفيدة. وكان ليتون قد سافر إلى الرياض."
    tagger = FixedTagger({"جون": "B-PER", "ليتون": "I-PER", "الرياض": "B-LOC"})
    assert names(text, tagger) == [("جون ليتون", "PER"), ("ليتون", "PER"), ("الرياض", "LOC")]
    assert tagger.calls == [7, 7]  # each sentence alone, with its words and full stop


@pytest.mark.parametrize(
    ("word", "name"),
    [
        ("لليتون", "ليتون"),  # lam of "for" on a name starting with lam, read as lil- before
        ("وساترفيلد", "ساترفيلد"),
        ("ولساترفيلد", "ساترفيلد"),
    ],
)
def test_names_start_after_a_clitic_when_the_document_names_the_rest(word: str, name: str) -> None:
    text = f"قال السفير ديفيد {name} إن المحادثات مفيدة. وفقا {word}."
    tagger = FixedTagger({"ديفيد": "B-PER", name: "I-PER", word: "B-PER"})
    assert names(text, tagger) == [(f"ديفيد {name}", "PER"), (name, "PER")]


def test_names_keep_a_clitic_letter_that_no_other_name_explains() -> None:
    # فولكر and بيرني start with clitic letters, but no name ولكر or يرني is in the text.
    text = "وقال فولكر تورك إن المحادثات مفيدة. ورد بيرني."
    tagger = FixedTagger({"فولكر": "B-PER", "تورك": "I-PER", "بيرني": "B-PER"})
    assert names(text, tagger) == [("فولكر تورك", "PER"), ("بيرني", "PER")]


def test_names_do_not_end_or_start_with_punctuation() -> None:
    # The tagger runs names into an apposition's comma or a closing quotation mark.
    text = 'ويقول أحمد عبد الجواد، مدير التحرير، إن النظام "عادل" الآن.'
    tagger = FixedTagger({"أحمد": "B-PER", "عبد": "I-PER", "الجواد": "I-PER", "،": "I-PER",
                          '"': "B-PER", "عادل": "I-PER"})
    assert names(text, tagger) == [("أحمد عبد الجواد", "PER"), ("عادل", "PER")]


class OnceTagger(FixedTagger):
    """Tags a listed word only the first time it sees it, as the sentence tagger misses a
    surname standing alone."""

    def __init__(self, tags_by_word: dict[str, str]) -> None:
        super().__init__(tags_by_word)
        self.seen: set[str] = set()

    def tag(self, words: Sequence[str]) -> list[str]:
        tags = [self.tags_by_word.get(w, "O") if w not in self.seen else "O" for w in words]
        self.seen.update(words)
        return repair_bio(tags)


def test_names_find_a_surname_the_sentence_tagger_missed_through_the_document() -> None:
    text = "قال جون ليتون إن المحادثات مفيدة. وأكد ليتون أن الحل قريب."
    tagger = OnceTagger({"جون": "B-PER", "ليتون": "I-PER"})
    assert names(text, tagger) == [("جون ليتون", "PER"), ("ليتون", "PER")]
