"""The tagger trained as a CRF (python-crfsuite) and exported into hadath's model format."""

from __future__ import annotations

from pathlib import Path

import pytest

from hadath.extract.ner import NerModel, NerTagger
from hadath.extract.ner.crf import crf_items, export_crf, train_crf, with_o_bias
from hadath.extract.ner.model import LABELS

CORPUS = [
    (["زار", "بوتين", "موسكو"], ["O", "B-PER", "B-LOC"]),
    (["وصل", "ماكرون", "إلى", "بغداد"], ["O", "B-PER", "O", "B-LOC"]),
    (
        ["قالت", "وزارة", "الخارجية", "إن", "ترامب", "وصل"],
        ["O", "B-ORG", "I-ORG", "O", "B-PER", "O"],
    ),
    (
        ["تقع", "مكة", "في", "شبه", "الجزيرة", "العربية"],
        ["O", "B-LOC", "O", "B-LOC", "I-LOC", "I-LOC"],
    ),
    (["بثت", "قناة", "الجزيرة", "الخبر"], ["O", "B-ORG", "I-ORG", "O"]),
    (["التقى", "ترامب", "ماكرون", "في", "موسكو"], ["O", "B-PER", "B-PER", "O", "B-LOC"]),
]


def test_ner_crf_items_are_each_feature_at_each_offset() -> None:
    [(items, tags)] = crf_items([(["زار", "موسكو"], ["O", "B-LOC"])], {}, {"موسكو": "LOC"})
    assert tags == ["O", "B-LOC"]
    assert len(items) == 2
    first, second = (set(item) for item in items)
    assert {"0|s=زار", "1|s=موسكو", "1|g=LOC", "-1|w=<s>", "-2|w=<s>", "2|w=<s>"} <= first
    assert {"-1|s=زار", "0|s=موسكو", "0|g=LOC", "1|w=<s>", "2|k=boundary"} <= second
    assert not any(a.startswith("-2|s=") for a in second)  # the word two back is a boundary


def test_ner_export_crf_lays_weights_out_like_the_perceptron() -> None:
    state = {
        ("0|s=موسكو", "B-LOC"): 2.0,
        ("-1|s=زار", "B-LOC"): 0.5,  # "زار" one word before a place
        ("1|s=زار", "O"): 0.25,
        ("0|s=في", "O"): 0.0,  # dropped by L1: left out of the model
    }
    transitions = {("B-LOC", "I-LOC"): 1.5, ("O", "I-LOC"): -4.0}
    model = export_crf(state, transitions, {}, {}, {"learner": "crf-lbfgs"})
    assert model.features == ("s=زار", "s=موسكو")  # sorted, zero rows dropped
    place, zaar = LABELS.index("B-LOC"), model.features.index("s=زار")
    assert model.weights[model.features.index("s=موسكو") * 35 + 2 * 7 + place] == 2.0
    assert model.weights[zaar * 35 + 1 * 7 + place] == 0.5  # offset -1 is block 1
    assert model.weights[zaar * 35 + 3 * 7 + 0] == 0.25
    assert model.transitions[(place + 1) * 7 + LABELS.index("I-LOC")] == 1.5
    assert model.transitions[1 * 7 + LABELS.index("I-LOC")] == -4.0  # row 1: after O
    assert list(model.transitions[:7]) == [0.0] * 7  # no start transitions in CRFsuite
    tagger = NerTagger(NerModel.from_bytes(model.to_bytes()))
    assert tagger.tag(["زار", "موسكو"]) == ["O", "B-LOC"]
    with pytest.raises(ValueError, match="not a tagger attribute"):
        export_crf({("s=موسكو", "B-LOC"): 1.0}, {}, {}, {}, {})
    with pytest.raises(ValueError, match="not a tagger attribute"):
        export_crf({("3|s=موسكو", "B-LOC"): 1.0}, {}, {}, {}, {})


def test_ner_o_bias_moves_every_transition_into_o() -> None:
    model = export_crf({("0|s=موسكو", "B-LOC"): 1.0}, {("O", "O"): 0.5}, {}, {}, {})
    biased = with_o_bias(model, -0.75)
    assert [biased.transitions[row * 7] for row in range(8)] == [-0.75, -0.25, *[-0.75] * 6]
    assert list(biased.transitions[1:7]) == list(model.transitions[1:7])
    assert biased.meta["o_bias"] == -0.75
    # Above the place weight, the bias makes "موسكو" a place; below, O wins.
    assert NerTagger(with_o_bias(model, 0.9)).tag(["موسكو"]) == ["B-LOC"]
    assert NerTagger(with_o_bias(model, 1.1)).tag(["موسكو"]) == ["O"]


def test_ner_crf_training_exports_what_crfsuite_tags(tmp_path: Path) -> None:
    pycrfsuite = pytest.importorskip("pycrfsuite", reason="python-crfsuite (extra 'train') absent")
    settings = {"c1": 0.01, "c2": 0.01, "max_iterations": 50, "keep_model": tmp_path / "m.crf"}
    model = train_crf(CORPUS, meta={"note": "test"}, **settings)
    again = train_crf(CORPUS, meta={"note": "test"}, **settings)
    assert model.to_bytes() == again.to_bytes()  # deterministic
    assert model.meta["learner"] == "crf-lbfgs"
    assert (model.meta["c1"], model.meta["note"]) == (0.01, "test")
    tagger = NerTagger(NerModel.from_bytes(model.to_bytes()))
    reference = pycrfsuite.Tagger()
    reference.open(str(tmp_path / "m.crf"))
    unseen = (["زار", "ماكرون", "بغداد"], ["O"] * 3)
    for (words, tags), (items, _) in zip(
        [*CORPUS, unseen], crf_items([*CORPUS, unseen], {}, {}), strict=True
    ):
        assert tagger.tag(words) == reference.tag(items)
        if words is not unseen[0]:
            assert tagger.tag(words) == tags
    assert tagger.tag(unseen[0]) == ["O", "B-PER", "B-LOC"]
