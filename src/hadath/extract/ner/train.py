"""Training: an averaged structured perceptron over the tagger's features.

Deterministic: sentence order is shuffled with a seeded generator and all arithmetic is in
a fixed order, so the same corpora and settings give the same model bytes.
"""

from __future__ import annotations

import logging
import random
from array import array
from collections import Counter
from collections.abc import Callable, Mapping, Sequence

from hadath.extract.ner.features import (
    BOUNDARY_PARTS,
    BOUNDARY_WORD,
    PAIR_KINDS,
    pair_features,
    pair_parts,
    word_features,
)
from hadath.extract.ner.model import LABELS, OFFSETS, NerModel, allowed_transition

__all__ = ["average_models", "keep_pair_offsets", "prune_small_weights", "train_tagger"]

log = logging.getLogger(__name__)

_N = len(LABELS)
_WIDTH = len(OFFSETS)
_SLOTS = _WIDTH * _N
_PAD = (len(OFFSETS) - 1) // 2
_FORBIDDEN = -1e9
# Averaged weights smaller than this change no decision worth keeping and bloat the file.
_PRUNE_BELOW = 1e-3

Encoded = tuple[list[list[int]], list[int]]  # feature ids per padded position, gold label ids


class _Perceptron:
    def __init__(self, n_features: int) -> None:
        self.weights = array("d", bytes(8 * n_features * _SLOTS))
        self.weight_sums = array("d", bytes(8 * n_features * _SLOTS))  # step-stamped updates
        self.trans = array("d", bytes(8 * (_N + 1) * _N))
        self.trans_sums = array("d", bytes(8 * (_N + 1) * _N))
        self.step = 1

    def emissions(self, feats: list[list[int]], n: int) -> list[list[float]]:
        w = self.weights
        out = []
        for t in range(n):
            e = [0.0] * _N
            for o in range(_WIDTH):
                for fid in feats[t + o]:
                    base = fid * _SLOTS + o * _N
                    e = [x + y for x, y in zip(e, w[base : base + _N], strict=True)]
            out.append(e)
        return out

    def decode(self, emissions: list[list[float]]) -> list[int]:
        tr = self.trans
        score = [
            (tr[y] if allowed_transition("O", LABELS[y]) else _FORBIDDEN) + emissions[0][y]
            for y in range(_N)
        ]
        back = []
        for e in emissions[1:]:
            pointers, new = [], []
            for y in range(_N):
                best_p, best = 0, -1e18
                for p in range(_N):
                    if not allowed_transition(LABELS[p], LABELS[y]):
                        continue
                    s = score[p] + tr[(p + 1) * _N + y]
                    if s > best:
                        best_p, best = p, s
                pointers.append(best_p)
                new.append(best + e[y])
            back.append(pointers)
            score = new
        y = max(range(_N), key=score.__getitem__)
        path = [y]
        for pointers in reversed(back):
            y = pointers[y]
            path.append(y)
        return path[::-1]

    def update(self, feats: list[list[int]], gold: list[int], pred: list[int]) -> None:
        for t, (g, p) in enumerate(zip(gold, pred, strict=True)):
            if g != p:
                for o in range(_WIDTH):
                    for fid in feats[t + o]:
                        self._bump(self.weights, self.weight_sums, fid * _SLOTS + o * _N + g, 1)
                        self._bump(self.weights, self.weight_sums, fid * _SLOTS + o * _N + p, -1)
            gp = gold[t - 1] + 1 if t else 0
            pp = pred[t - 1] + 1 if t else 0
            if (gp, g) != (pp, p):
                self._bump(self.trans, self.trans_sums, gp * _N + g, 1)
                self._bump(self.trans, self.trans_sums, pp * _N + p, -1)

    def _bump(self, values: array, sums: array, i: int, delta: float) -> None:
        values[i] += delta
        sums[i] += self.step * delta

    def averaged(self, values: array, sums: array) -> array:
        return array("d", (v - s / self.step for v, s in zip(values, sums, strict=True)))


def _augment_with_cost(
    emissions: list[list[float]], gold: list[int], margin: float, recall_weight: float
) -> None:
    for e, g in zip(emissions, gold, strict=True):
        for y in range(_N):
            if y != g:
                e[y] += margin * recall_weight if y == 0 and g != 0 else margin


def _encode(
    sentences: Sequence[tuple[Sequence[str], Sequence[str]]],
    clusters: Mapping[str, tuple[int, ...]],
    gazetteer: Mapping[str, str],
    pair_min_count: int = 0,
    pair_kinds: Sequence[str] = PAIR_KINDS,
) -> tuple[list[Encoded], list[str]]:
    index: dict[str, int] = {}
    by_word: dict[str, list[int]] = {}

    def ids(word: str) -> list[int]:
        if word not in by_word:
            feats = word_features(word, clusters, gazetteer)
            by_word[word] = [index.setdefault(f, len(index)) for f in feats]
        return by_word[word]

    pairs = _pair_feature_lists(sentences, gazetteer) if pair_min_count else None
    kept_pairs: set[str] = set()
    if pairs is not None:
        counts = Counter(f for sentence in pairs for position in sentence for f in position)
        kinds = tuple(pair_kinds)
        kept_pairs = {
            f for f, n in counts.items() if n >= pair_min_count and f[:3] in kinds
        }
    label_id = {label: i for i, label in enumerate(LABELS)}
    encoded = []
    for k, (words, tags) in enumerate(sentences):
        padded = [BOUNDARY_WORD] * _PAD + list(words) + [BOUNDARY_WORD] * _PAD
        feats = [list(ids(w)) for w in padded]
        if pairs is not None:
            for t, position in enumerate(pairs[k]):
                kept = [f for f in position if f in kept_pairs]
                feats[_PAD + t] += [index.setdefault(f, len(index)) for f in kept]
        encoded.append((feats, [label_id[t] for t in tags]))
    return encoded, list(index)


def _pair_feature_lists(
    sentences: Sequence[tuple[Sequence[str], Sequence[str]]], gazetteer: Mapping[str, str]
) -> list[list[list[str]]]:
    """Per sentence, per word, its pair features with the word before (as the tagger has them)."""
    parts: dict[str, tuple[str, tuple[str, ...]]] = {}
    out = []
    for words, _ in sentences:
        before = BOUNDARY_PARTS
        sentence = []
        for word in words:
            if word not in parts:
                parts[word] = pair_parts(word, gazetteer)
            sentence.append(pair_features(before, parts[word]))
            before = parts[word]
        out.append(sentence)
    return out


def train_tagger(
    sentences: Sequence[tuple[Sequence[str], Sequence[str]]],
    *,
    epochs: int = 8,
    seed: int = 13,
    clusters: Mapping[str, tuple[int, ...]] | None = None,
    gazetteer: Mapping[str, str] | None = None,
    meta: dict | None = None,
    on_epoch: Callable[[int, NerModel], None] | None = None,
    margin: float = 0.0,
    recall_weight: float = 1.0,
    pair_min_count: int = 0,
    pair_kinds: Sequence[str] = PAIR_KINDS,
) -> NerModel:
    """Train a tagger on (words, BIO tags) sentences; tags must be drawn from LABELS.

    Args:
        sentences: raw-like words and their tags.
        epochs: passes over the data.
        seed: seed of the per-epoch shuffle.
        clusters: word -> distributional cluster ids (see clusters.py), stored in the model.
        gazetteer: normalised word -> name class ("LOC", "LOC-part"), stored in the model.
        meta: facts to store in the model header (corpora, settings).
        on_epoch: called after each epoch with the averaged model so far (for dev curves).
        margin: cost-augmented decoding while training: every wrong label of a token scores
            `margin` more, so updates continue until gold wins by that much.
        recall_weight: the cost of O on a gold name token is `margin * recall_weight`; above
            1 it trades precision for recall (Mohit et al. 2012, recall-oriented perceptron).
        pair_min_count: above 0, each word also gets features with the word before it
            (`features.pair_features`), those seen at least this often in `sentences`.
        pair_kinds: the kinds of pair features kept (prefixes of `features.PAIR_KINDS`).
    """
    clusters = dict(clusters or {})
    gazetteer = dict(gazetteer or {})
    encoded, features = _encode(
        [s for s in sentences if s[0]], clusters, gazetteer, pair_min_count, pair_kinds
    )
    model = _Perceptron(len(features))
    rng = random.Random(seed)
    order = list(range(len(encoded)))
    for epoch in range(1, epochs + 1):
        rng.shuffle(order)
        mistakes = 0
        for k in order:
            feats, gold = encoded[k]
            emissions = model.emissions(feats, len(gold))
            if margin:
                _augment_with_cost(emissions, gold, margin, recall_weight)
            pred = model.decode(emissions)
            if pred != gold:
                mistakes += 1
                model.update(feats, gold, pred)
            model.step += 1
        log.info("epoch %d: %d of %d sentences wrong", epoch, mistakes, len(encoded))
        if on_epoch is not None:
            on_epoch(epoch, _finish(model, features, clusters, gazetteer, meta))
    meta = {**(meta or {}), "epochs": epochs, "seed": seed}
    if margin:
        meta.update(margin=margin, recall_weight=recall_weight)
    if pair_min_count:
        meta.update(pair_min_count=pair_min_count)
        if tuple(pair_kinds) != PAIR_KINDS:
            meta.update(pair_kinds=list(pair_kinds))
    return _finish(model, features, clusters, gazetteer, meta)


def _finish(
    model: _Perceptron,
    features: list[str],
    clusters: dict[str, tuple[int, ...]],
    gazetteer: dict[str, str],
    meta: dict | None,
) -> NerModel:
    weights = model.averaged(model.weights, model.weight_sums)
    kept_names: list[str] = []
    kept = array("f")
    for i, name in enumerate(features):
        row = weights[i * _SLOTS : (i + 1) * _SLOTS]
        if max(abs(x) for x in row) >= _PRUNE_BELOW:
            kept_names.append(name)
            kept.fromlist(row.tolist())
    transitions = array("f", model.averaged(model.trans, model.trans_sums))
    return NerModel(tuple(kept_names), kept, transitions, clusters, gazetteer, dict(meta or {}))


def average_models(models: Sequence[NerModel]) -> NerModel:
    """One model whose weights are the mean of `models`' (a feature a run pruned counts 0).

    Runs with different shuffling seeds make different mistakes; their mean is steadier
    than any one of them. Features come out sorted by name, so the result does not depend
    on each run's feature order; the models must share clusters and gazetteer.

    Raises:
        ValueError: no models, or models built on different clusters or gazetteers.
    """
    if not models:
        raise ValueError("no models to average")
    first = models[0]
    if any(m.clusters != first.clusters or m.gazetteer != first.gazetteer for m in models):
        raise ValueError("models to average must share clusters and gazetteer")
    totals: dict[str, list[float]] = {}
    for m in models:
        for i, name in enumerate(m.features):
            row = m.weights[i * _SLOTS : (i + 1) * _SLOTS].tolist()
            held = totals.get(name)
            totals[name] = row if held is None else [a + b for a, b in zip(held, row, strict=True)]
    n = len(models)
    names = sorted(totals)
    weights = array("f", (x / n for name in names for x in totals[name]))
    transitions = array(
        "f", (sum(column) / n for column in zip(*(m.transitions for m in models), strict=True))
    )
    meta = {**first.meta, "seed": [m.meta.get("seed") for m in models]}
    return NerModel(tuple(names), weights, transitions, first.clusters, first.gazetteer, meta)


def prune_small_weights(
    model: NerModel, threshold: float, kinds: Sequence[str] | None = None
) -> NerModel:
    """`model` without the features whose weights are all smaller than `threshold` in size;
    with `kinds` (prefixes such as `features.PAIR_KINDS`), only among features of those kinds.

    A CRF with L2 regularisation keeps a small weight on every feature it saw; most change
    no decision. Dropping them shrinks the model and the words' summed blocks, which the
    tagger computes for every new word, at nearly no cost in tags (threshold chosen on the
    development slices, notes/ner.md). Fewer pair features also fire less often, and the
    tagger adds a pair's weights at every word where it fires.
    """
    prefixes = tuple(kinds) if kinds is not None else None
    kept = [
        i
        for i, name in enumerate(model.features)
        if (prefixes is not None and not name.startswith(prefixes))
        or max(map(abs, model.weights[i * _SLOTS : (i + 1) * _SLOTS])) >= threshold
    ]
    weights = array("f", (x for i in kept for x in model.weights[i * _SLOTS : (i + 1) * _SLOTS]))
    key = "pruned_below" if prefixes is None else "pairs_pruned_below"
    meta = {**model.meta, key: threshold}
    return NerModel(
        tuple(model.features[i] for i in kept),
        weights,
        model.transitions,
        model.clusters,
        model.gazetteer,
        meta,
    )


def keep_pair_offsets(model: NerModel, offsets: Sequence[int]) -> NerModel:
    """`model` with the weights of its pair features zeroed outside `offsets` (and a pair
    feature left with no weight dropped); the other features unchanged.

    A pair feature of a word with the word before it is trained at every offset -2..+2,
    like a word feature. At offset 0 alone it weighs the word's own label only, and the
    tagger adds one block of seven weights where the pair fires instead of five: on the
    development slices zeroing the rest cost 0.001-0.002 F1, while training the pairs at
    offset 0 alone cost 0.005 (notes/ner.md, round 9).
    """
    dropped = sorted(set(range(_WIDTH)) - {OFFSETS.index(offset) for offset in offsets})
    zeros = array("f", [0.0] * _N)
    weights = array("f", model.weights)
    kept = []
    for i, name in enumerate(model.features):
        if name.startswith(PAIR_KINDS):
            for o in dropped:
                start = i * _SLOTS + o * _N
                weights[start : start + _N] = zeros
            if not any(weights[i * _SLOTS : (i + 1) * _SLOTS]):
                continue
        kept.append(i)
    meta = {**model.meta, "pair_offsets": sorted(offsets)}
    return NerModel(
        tuple(model.features[i] for i in kept),
        array("f", (x for i in kept for x in weights[i * _SLOTS : (i + 1) * _SLOTS])),
        model.transitions,
        model.clusters,
        model.gazetteer,
        meta,
    )
