"""The tagger's document-level pass: names found once are found where they recur."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hadath.extract.ner import NerTagger, bio_entities
from hadath.extract.ner.consistency import SURNAME_WINDOW, propagate_names


def names(words: list[str], tags: list[str]) -> list[tuple[str, str]]:
    return [(" ".join(words[s:e]), kind) for s, e, kind in bio_entities(tags)]


def test_ner_consistency_tags_repeats_of_a_multiword_name_with_clitics() -> None:
    first = ["أعلن", "الاتحاد", "الأوروبي", "فرض", "عقوبات"]
    second = ["ورحبت", "واشنطن", "بقرار", "والاتحاد", "الأوروبي"]
    tags = [["O", "B-ORG", "I-ORG", "O", "O"], ["O", "B-LOC", "O", "O", "O"]]
    out = propagate_names([first, second], tags)
    assert out[0] == tags[0]
    assert names(second, out[1]) == [("واشنطن", "LOC"), ("والاتحاد الأوروبي", "ORG")]


def test_ner_consistency_takes_the_type_most_often_tagged() -> None:
    sentences = [["مجلس", "الأمن"], ["مجلس", "الأمن"], ["مجلس", "الأمن"], ["قال", "مجلس", "الأمن"]]
    tags = [["B-ORG", "I-ORG"], ["B-ORG", "I-ORG"], ["B-LOC", "I-LOC"], ["O", "O", "O"]]
    assert propagate_names(sentences, tags)[3] == ["O", "B-ORG", "I-ORG"]


def test_ner_consistency_retypes_a_name_to_its_most_frequent_type_and_keeps_ties() -> None:
    sentences = [["زار", "لبنان"], ["في", "لبنان"], ["من", "لبنان"], ["نحو", "سوريا"]]
    tags = [["O", "B-LOC"], ["O", "B-ORG"], ["O", "B-LOC"], ["O", "B-PER"]]
    out = propagate_names(sentences, tags)
    assert [t[1] for t in out] == ["B-LOC", "B-LOC", "B-LOC", "B-PER"]
    tie = propagate_names(sentences[:2], tags[:2])
    assert [t[1] for t in tie] == ["B-LOC", "B-ORG"]


def test_ner_consistency_tags_a_surname_in_nearby_sentences_only() -> None:
    named = ["وقال", "رئيس", "الاتحاد", "برند", "جوتشولك", "إن", "السوق", "ضعيفة"]
    named_tags = ["O", "O", "O", "B-PER", "I-PER", "O", "O", "O"]
    repeat = ["وأضاف", "لجوتشولك", "أن", "الصادرات", "سترتفع"]
    filler = ["وارتفعت", "الأسعار"]
    document = [named, repeat] + [filler] * SURNAME_WINDOW + [repeat]
    tags = [named_tags] + [["O"] * len(s) for s in document[1:]]
    out = propagate_names(document, tags)
    assert out[1][1] == "B-PER"  # next sentence, with a clitic: li-
    assert out[-1][1] == "O"  # beyond the window
    assert out[0] == named_tags


def test_ner_consistency_leaves_words_with_the_article_alone() -> None:
    # Annotators and the tagger put words like الإسلام inside names; alone they are nouns.
    sentences = [["سيف", "الإسلام"], ["ونشر", "الإسلام"]]
    tags = [["B-PER", "I-PER"], ["O", "O"]]
    assert propagate_names(sentences, tags)[1] == ["O", "O"]


@pytest.mark.parametrize("tags", [[], [["O", "O"]]])
def test_ner_consistency_without_names_changes_nothing(tags: list[list[str]]) -> None:
    sentences = [["وصل", "الوفد"]] * len(tags)
    assert propagate_names(sentences, tags) == tags


def test_ner_tag_document_tags_sentences_like_tag_then_adds_repeats() -> None:
    tagger = NerTagger.load()
    document = [
        ["قال", "السفير", "البريطاني", "جون", "ليتون", "إن", "المحادثات", "كانت", "مفيدة"],
        ["وكان", "ليتون", "قد", "سافر", "إلى", "الرياض"],
    ]
    alone = [tagger.tag(words) for words in document]
    tagged = tagger.tag_document(document)
    assert tagged == propagate_names(document, alone)
    assert tagged[0] == alone[0]
    assert ("جون ليتون", "PER") in names(document[0], alone[0])
    # Found by the sentence tagger or, failing it, by the pass (the surname of a nearby name).
    assert ("ليتون", "PER") in names(document[1], tagged[1])
    assert ("الرياض", "LOC") in names(document[1], tagged[1])


def test_ner_consistency_keeps_a_surname_off_the_same_word_with_the_article() -> None:
    # عروس (a bride) mis-tagged as a name once: العروس next sentence stays a noun, while
    # the same word behind a preposition (لعروس) is still the name.
    sentences = [["طلب", "من", "عروس", "دفع", "مبلغ"], ["ونشرت", "العروس", "تعليقات"],
                 ["وقال", "محامي", "لعروس"]]
    tags = [["O", "O", "B-PER", "O", "O"], ["O", "O", "O"], ["O", "O", "O"]]
    out = propagate_names(sentences, tags)
    assert out[1] == ["O", "O", "O"]
    assert out[2] == ["O", "O", "B-PER"]


def test_ner_consistency_keeps_the_surname_ali_off_the_preposition_ala() -> None:
    # Normalising reads على (on) as علي (Ali): only a surname written with alef maksura
    # (موسى) is tagged on a word that ends with one.
    sentences = [["قال", "أحمد", "علي"], ["وافق", "على", "الخطة"], ["ورد", "علي", "عليه"]]
    tags = [["O", "B-PER", "I-PER"], ["O", "O", "O"], ["O", "O", "O"]]
    out = propagate_names(sentences, tags)
    assert out[1] == ["O", "O", "O"]
    assert out[2] == ["O", "B-PER", "O"]
    moussa = [["قال", "عمرو", "موسى"], ["وأضاف", "موسى", "أن"]]
    out = propagate_names(moussa, [["O", "B-PER", "I-PER"], ["O", "O", "O"]])
    assert out[1] == ["O", "B-PER", "O"]


@given(st.lists(st.sampled_from(["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC"]),
                max_size=15))
def test_ner_bio_entities_finds_the_spans_of_a_tag_by_tag_reading(tags: list[str]) -> None:
    assert bio_entities(tags) == _tag_by_tag_entities(tags)


def _tag_by_tag_entities(tags: list[str]) -> list[tuple[int, int, str]]:
    """The plain reading: every tag in turn; an I- that does not continue starts a name."""
    entities: list[tuple[int, int, str]] = []
    start, kind = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        if tag.startswith("I-") and tag[2:] == kind:
            continue
        if kind:
            entities.append((start, i, kind))
        start, kind = (i, tag[2:]) if tag != "O" else (-1, "")
    return entities


def test_ner_consistency_tags_a_one_word_name_found_twice_where_it_recurs() -> None:
    sentences = [["قصفت", "الطائرات", "منبج"], ["ودخلت", "القوات", "منبج"],
                 ["وعاد", "الهدوء", "إلى", "منبج"]]
    twice = [["O", "O", "B-LOC"], ["O", "O", "B-LOC"], ["O", "O", "O", "O"]]
    assert propagate_names(sentences, twice)[2] == ["O", "O", "O", "B-LOC"]
    once = [["O", "O", "B-LOC"], ["O", "O", "O"], ["O", "O", "O", "O"]]
    assert propagate_names(sentences, once)[1:] == once[1:]  # one tag may be a mistake
