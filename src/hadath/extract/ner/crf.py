"""Training as a linear-chain CRF (python-crfsuite, L-BFGS), exported into the tagger's format.

The tagger is already a first-order linear-chain model: a weight per (feature, offset, label)
and per (label before, label). A CRF whose attributes are "offset|feature" (each word
feature at offsets -2..+2 around the token, the boundary words included) has exactly those
parameters, so its weights are written into an `NerModel` and tagged by the unchanged pure
Python tagger. Only training needs crfsuite (`pip install 'hadath[train]'`).

CRFsuite has no start-of-sentence transition: row 0 of the exported transitions is 0 (plus
the O bias), and the tagger's BIO constraint forbids I-X on the first word.
"""

from __future__ import annotations

import logging
import tempfile
from array import array
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from hadath.extract.ner.features import PAIR_KINDS
from hadath.extract.ner.model import LABELS, OFFSETS, NerModel
from hadath.extract.ner.train import _encode

__all__ = ["crf_items", "export_crf", "train_crf", "with_o_bias"]

log = logging.getLogger(__name__)

_N = len(LABELS)
_SLOTS = len(OFFSETS) * _N
_LABEL_ID = {label: y for y, label in enumerate(LABELS)}


def _require_crfsuite() -> Any:
    try:
        import pycrfsuite
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise ImportError(
            "training the tagger as a CRF needs python-crfsuite: pip install 'hadath[train]'"
        ) from e
    return pycrfsuite


def crf_items(
    sentences: Sequence[tuple[Sequence[str], Sequence[str]]],
    clusters: Mapping[str, tuple[int, ...]],
    gazetteer: Mapping[str, str],
    pair_min_count: int = 0,
    pair_kinds: Sequence[str] = PAIR_KINDS,
) -> Iterator[tuple[list[list[str]], list[str]]]:
    """Per sentence, the CRF attributes of each token and its gold tags.

    A token's attributes are f"{offset}|{feature}" for every feature of the word at each
    offset -2..+2 (sentence boundaries as `features.BOUNDARY_WORD`), the same features the
    perceptron scores (`train._encode`, with pair features of `pair_kinds` kept at
    `pair_min_count`).
    """
    encoded, names = _encode(
        [s for s in sentences if s[0]], clusters, gazetteer, pair_min_count, pair_kinds
    )
    by_offset = [[f"{offset}|{name}" for name in names] for offset in OFFSETS]
    for feats, gold in encoded:
        items = []
        for t in range(len(gold)):
            items.append(
                [by_offset[o][fid] for o in range(len(OFFSETS)) for fid in feats[t + o]]
            )
        yield items, [LABELS[y] for y in gold]


def train_crf(
    sentences: Sequence[tuple[Sequence[str], Sequence[str]]],
    *,
    clusters: Mapping[str, tuple[int, ...]] | None = None,
    gazetteer: Mapping[str, str] | None = None,
    meta: dict | None = None,
    c1: float = 0.0,
    c2: float = 1.0,
    max_iterations: int = 150,
    min_freq: float = 0.0,
    o_bias: float = 0.0,
    pair_min_count: int = 0,
    pair_kinds: Sequence[str] = PAIR_KINDS,
    possible_states: bool = False,
    keep_model: Path | None = None,
) -> NerModel:
    """Train a CRF with L-BFGS on (words, BIO tags) sentences and export it as an NerModel.

    Args:
        sentences: raw-like words and their tags (drawn from LABELS).
        clusters, gazetteer: as for `train.train_tagger`; stored in the model.
        meta: facts to store in the model header; the CRF settings are added.
        c1, c2: L1 and L2 regularisation (crfsuite's `c1`, `c2`).
        max_iterations: cap on L-BFGS iterations.
        min_freq: crfsuite's `feature.minfreq`: (attribute, label) pairs seen fewer times
            in training get no weight.
        o_bias: added to every transition into O (see `with_o_bias`).
        pair_min_count: above 0, word-pair features seen this often (as the perceptron).
        pair_kinds: the kinds of pair features kept (prefixes of `features.PAIR_KINDS`).
        possible_states: crfsuite's `feature.possible_states`: every attribute gets a weight
            for every label, not only for the labels it was seen with.
        keep_model: where to leave crfsuite's own model file (for checks); else a temp file.
    """
    pycrfsuite = _require_crfsuite()
    clusters = dict(clusters or {})
    gazetteer = dict(gazetteer or {})
    trainer = pycrfsuite.Trainer(algorithm="lbfgs", verbose=False)
    for items, tags in crf_items(sentences, clusters, gazetteer, pair_min_count, pair_kinds):
        trainer.append(items, tags)
    trainer.set_params(
        {
            "c1": c1,
            "c2": c2,
            "max_iterations": max_iterations,
            "feature.minfreq": min_freq,
            # Weights for label pairs never seen in training (O -> I-PER): learned negative
            # instead of 0, so crfsuite's own unconstrained decoding respects BIO too.
            "feature.possible_transitions": True,
            "feature.possible_states": possible_states,
        }
    )
    settings = {
        "learner": "crf-lbfgs",
        "c1": c1,
        "c2": c2,
        "max_iterations": max_iterations,
        "min_freq": min_freq,
    }
    if pair_min_count:
        settings["pair_min_count"] = pair_min_count
        if tuple(pair_kinds) != PAIR_KINDS:
            settings["pair_kinds"] = list(pair_kinds)
    if possible_states:
        settings["possible_states"] = True
    with tempfile.TemporaryDirectory() as tmp:
        path = keep_model or Path(tmp) / "ner.crfsuite"
        trainer.train(str(path))
        log.info("crfsuite: %d iterations", len(trainer.logparser.iterations))
        tagger = pycrfsuite.Tagger()
        tagger.open(str(path))
        info = tagger.info()
        tagger.close()
    model = export_crf(
        info.state_features, info.transitions, clusters, gazetteer, {**(meta or {}), **settings}
    )
    return with_o_bias(model, o_bias) if o_bias else model


def export_crf(
    state_features: Mapping[tuple[str, str], float],
    transitions: Mapping[tuple[str, str], float],
    clusters: dict[str, tuple[int, ...]],
    gazetteer: dict[str, str],
    meta: dict,
) -> NerModel:
    """An NerModel holding a crfsuite model's weights (as `Tagger.info()` gives them).

    `state_features` maps (f"{offset}|{feature}", label) to a weight, `transitions`
    (label before, label) to a weight. Features whose weights are all 0 (L1 drops many)
    are left out; features come out sorted by name, so the bytes depend only on the weights.

    Raises:
        ValueError: an attribute without an offset this tagger has, or an unknown label.
    """
    offset_index = {str(offset): o for o, offset in enumerate(OFFSETS)}
    rows: dict[str, list[float]] = {}
    for (attribute, label), weight in state_features.items():
        offset, sep, name = attribute.partition("|")
        if not sep or offset not in offset_index or label not in _LABEL_ID:
            raise ValueError(f"not a tagger attribute/label: {attribute!r} {label!r}")
        if weight:
            row = rows.setdefault(name, [0.0] * _SLOTS)
            row[offset_index[offset] * _N + _LABEL_ID[label]] = weight
    names = sorted(rows)
    weights = array("f", (x for name in names for x in rows[name]))
    table = [0.0] * ((_N + 1) * _N)  # row 0, the sentence start, stays 0
    for (before, label), weight in transitions.items():
        if before not in _LABEL_ID or label not in _LABEL_ID:
            raise ValueError(f"unknown label in transition {before!r} -> {label!r}")
        table[(_LABEL_ID[before] + 1) * _N + _LABEL_ID[label]] = weight
    return NerModel(tuple(names), weights, array("f", table), clusters, gazetteer, dict(meta))


def with_o_bias(model: NerModel, bias: float) -> NerModel:
    """`model` with `bias` added to the score of O on every token.

    Every token has exactly one transition into its label (row 0 for the first word), so
    adding `bias` to each transition into O is a per-token O bias: negative values trade
    precision for recall, as the perceptron's recall weight did.
    """
    transitions = array("f", model.transitions)
    for before in range(_N + 1):
        transitions[before * _N + _LABEL_ID["O"]] += bias
    meta = {**model.meta, "o_bias": bias}
    return NerModel(
        model.features, model.weights, transitions, model.clusters, model.gazetteer, meta
    )
