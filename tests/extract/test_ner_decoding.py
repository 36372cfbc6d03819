"""The tagger's decoder against a plain textbook Viterbi over the same scores.

`NerTagger` writes its Viterbi out for the seven BIO labels (speed); this checks it
finds the same path as a generic left-to-right Viterbi with BIO constraints, ties
included: small integer weights make many paths score the same.
"""

from __future__ import annotations

import random
from array import array

import pytest

from hadath.extract.ner.features import BOUNDARY_WORD, word_features
from hadath.extract.ner.model import (
    LABELS,
    OFFSETS,
    NerModel,
    NerTagger,
    allowed_transition,
    repair_bio,
)

VOCABULARY = ["قال", "وزير", "الخارجية", "الروسي", "سيرغي", "لافروف", "في", "موسكو", "إن",
              "بلاده", "تدعم", "الجزائر", "وحكومة", "الوفاق", "الليبية", "،", ".", "2020"]
N_LABELS = len(LABELS)
SLOTS = len(OFFSETS) * N_LABELS


def _model(seed: int, from_o_bonus: int = 0) -> NerModel:
    """Random small-integer weights; `from_o_bonus` raises every transition out of O, as
    trained models do, so that the decoder's shortcut (O leads) is taken most of the time."""
    rng = random.Random(seed)
    features = sorted({f for w in [*VOCABULARY, BOUNDARY_WORD] for f in word_features(w)})
    weights = array("f", [rng.choice((-2, -1, 0, 0, 1, 2)) for _ in range(len(features) * SLOTS)])
    transitions = array("f", [rng.choice((-1, 0, 0, 1)) for _ in range((N_LABELS + 1) * N_LABELS)])
    for y in range(N_LABELS):  # row 1: transitions out of O (row 0 is the sentence start)
        transitions[N_LABELS + y] += from_o_bonus
    return NerModel(tuple(features), weights, transitions, {}, {}, {})


def _reference_tags(model: NerModel, words: list[str]) -> list[str]:
    index = {f: i for i, f in enumerate(model.features)}
    padded = [BOUNDARY_WORD] * 2 + words + [BOUNDARY_WORD] * 2
    emissions = []
    for t in range(len(words)):
        scores = [0.0] * N_LABELS
        for o, offset in enumerate(OFFSETS):
            for feature in word_features(padded[t + 2 + offset]):
                if feature in index:
                    base = index[feature] * SLOTS + o * N_LABELS
                    for y in range(N_LABELS):
                        scores[y] += model.weights[base + y]
        emissions.append(scores)

    def transition(p: int | None, y: int) -> float:
        return model.transitions[(0 if p is None else p + 1) * N_LABELS + y]

    score = [transition(None, y) + emissions[0][y] if allowed_transition("O", LABELS[y])
             else float("-inf") for y in range(N_LABELS)]
    back = []
    for emission in emissions[1:]:
        new, pointers = [], []
        for y in range(N_LABELS):
            best, best_p = float("-inf"), -1
            for p in range(N_LABELS):
                if allowed_transition(LABELS[p], LABELS[y]) and score[p] + transition(p, y) > best:
                    best, best_p = score[p] + transition(p, y), p
            new.append(best + emission[y])
            pointers.append(best_p)
        score, back = new, [*back, pointers]
    y = max(range(N_LABELS), key=score.__getitem__)
    path = [y]
    for pointers in reversed(back):
        y = pointers[y]
        path.append(y)
    return repair_bio([LABELS[y] for y in reversed(path)])


@pytest.mark.parametrize("from_o_bonus", [0, 3])
@pytest.mark.parametrize("seed", range(8))
def test_ner_decoder_matches_a_textbook_viterbi_ties_included(seed: int, from_o_bonus: int) -> None:
    model = _model(seed, from_o_bonus)
    tagger = NerTagger(model)
    rng = random.Random(100 + seed)
    named = 0
    for length in [1, 2, 3, 5, 8, 13, 21] * 6:
        words = [rng.choice(VOCABULARY) for _ in range(length)]
        expected = _reference_tags(model, words)
        assert tagger.tag(words) == expected, words
        named += sum(tag != "O" for tag in expected)
    assert named > 0  # the random models do put names on some words


def test_row_cache_keeps_recent_rows_within_twice_its_limit() -> None:
    from hadath.extract.ner.model import _RowCache

    cache = _RowCache(limit=3)
    for i in range(20):
        cache.rotate()
        cache.current[i] = cache.add([float(i)] * SLOTS)
        assert len(cache.current) + len(cache.older) <= 2 * (cache.limit + 1)
    cache.rotate()
    if 19 in cache.current:  # the latest stays at hand, its row with it
        assert cache.rows[cache.current[19]][0] == 19.0
    else:
        assert cache.older_rows[cache.older[19]][0] == 19.0
    assert 0 not in cache.current and 0 not in cache.older  # the first are dropped


def test_row_cache_grows_within_a_document() -> None:
    from hadath.extract.ner.model import _RowCache

    cache = _RowCache(limit=2)
    at = [cache.add([float(i)] * SLOTS) for i in range(1000)]  # no rotation in between
    assert [cache.rows[i][34] for i in at] == [float(i) for i in range(1000)]


def test_ner_tags_the_same_with_small_word_caches(monkeypatch) -> None:
    import hadath.extract.ner.model as model_module

    model = _model(seed=3, from_o_bonus=3)
    rng = random.Random(7)
    sentences = [[rng.choice(VOCABULARY) for _ in range(rng.randint(1, 12))] for _ in range(60)]
    expected = [NerTagger(model).tag(words) for words in sentences]
    monkeypatch.setattr(model_module, "_WORD_CACHE_LIMIT", 2)
    small = NerTagger(model)
    assert [small.tag(words) for words in sentences] == expected
    assert len(small._words.current) + len(small._words.older) <= 2 * (2 + 1 + 12)
    assert small.tag_sentences(sentences) == expected


def test_ner_tags_the_same_from_threads_sharing_a_tagger(monkeypatch) -> None:
    """Row indices held while a document is tagged must not meet another thread's cache
    rotation or growth: caches of two words rotate at nearly every document here, and a
    tiny switch interval makes threads interleave inside a document."""
    import sys
    import threading

    import hadath.extract.ner.model as model_module

    model = _model(seed=5, from_o_bonus=3)
    rng = random.Random(11)
    documents = [[[rng.choice(VOCABULARY) for _ in range(rng.randint(1, 12))]
                  for _ in range(rng.randint(1, 4))] for _ in range(200)]
    expected = [NerTagger(model).tag_sentences(d) for d in documents]
    monkeypatch.setattr(model_module, "_WORD_CACHE_LIMIT", 2)
    shared = NerTagger(model)
    results: dict[int, list] = {}

    def work(k: int) -> None:
        results[k] = [shared.tag_sentences(d) for d in documents]

    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    try:
        threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        sys.setswitchinterval(interval)
    assert all(results[k] == expected for k in range(4))


def test_ner_tags_empty_documents_and_sentences() -> None:
    tagger = NerTagger(_model(seed=1, from_o_bonus=3))
    words = ["قال", "لافروف", "في", "موسكو"]
    assert tagger.tag([]) == [] and tagger.tag_sentences([]) == []
    assert tagger.tag_sentences([[], words, []]) == [[], tagger.tag(words), []]
    assert tagger.tag_document([]) == []
