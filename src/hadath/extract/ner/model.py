"""The named-entity tagger: a linear model over word features at offsets -2..+2, decoded
with BIO-constrained Viterbi.

Scores factor per word: a word's features contribute a fixed block of weights for each
offset, so the tagger sums a word's weights once and caches them as a row of a matrix. A
document's rows are gathered and their blocks added in a few array operations; each word
then costs one Viterbi step, whatever the number of features.
"""

from __future__ import annotations

import functools
import gzip
import hashlib
import json
import operator
import struct
import threading
from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from importlib.resources import files
from typing import Any

import numpy as np

from hadath.errors import HadathError
from hadath.extract.ner.consistency import propagate_names
from hadath.extract.ner.coordination import split_coordinated
from hadath.extract.ner.features import (
    BOUNDARY_PARTS,
    BOUNDARY_WORD,
    PAIR_KINDS,
    PairParts,
    word_features_and_parts,
)

__all__ = [
    "LABELS",
    "MODEL_FILE",
    "OFFSETS",
    "ModelFormatError",
    "NerModel",
    "NerTagger",
    "allowed_transition",
    "packaged_model_id",
    "packaged_models",
    "repair_bio",
]

LABELS = ("O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC")
OFFSETS = (-2, -1, 0, 1, 2)
MODEL_FILE = "ner.model"

_N_LABELS = len(LABELS)
_SLOTS = len(OFFSETS) * _N_LABELS  # weights per feature: one per (offset, label)
_MAGIC = b"HADNER1\n"
_FORBIDDEN = -1e9
# Words seen while tagging keep their summed weights (one row of 35 floats, 280 bytes) in
# two generations of this many: news vocabulary repeats heavily (the ANT corpus has 159,000
# distinct words), and a larger corpus keeps its recent words instead of losing all at a cap.
_WORD_CACHE_LIMIT = 100_000
# Summed pair weights cached per (parts before, parts), in two generations of this many
# (~280 bytes a row; a second pass over 6,000 ANT articles tags 0.95 ms per article at
# 50,000, 0.79 at 200,000: a corpus has more distinct pairs than words).
_DELTA_CACHE_LIMIT = 100_000
# Bits of a word's entry (see `NerTagger._word_entry`).
_PC_STEM = 1
_CLASSED = 2
_NO_BIGRAMS: dict[str, int] = {}
# A word's cache entry: its row in the cache's matrix, its pair parts and their signature,
# the bits it gives and needs, the stems before it that make a bigram feature with it (stem
# before -> the bigram feature's index).
_WordEntry = tuple[int, PairParts, str, int, int, dict[str, int]]
_NO_DELTA = -1
_add_rows = np.add.reduce  # without the Python layers of ndarray.sum


class _RowCache:
    """Rows of summed weights in a float matrix, found by key, kept in two generations.

    `current` maps a key to its value (whatever the caller keeps, holding the row's index in
    `rows`). When a document starts (`rotate`) and `current` holds more than `limit` keys, it
    becomes `older`, with its matrix, and the generation before is dropped: what the last
    stretch of text used stays at hand, and at most about 2 x `limit` rows are kept. Rows are
    only added between rotations, so indices stay valid for a whole document.
    """

    __slots__ = ("current", "limit", "older", "older_rows", "rows", "used")

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.current: dict = {}
        self.older: dict = {}
        self.rows = np.empty((256, _SLOTS))
        self.older_rows = self.rows[:0]
        self.used = 0

    def rotate(self) -> None:
        """Called before a document: start a new generation if `current` is full."""
        if len(self.current) > self.limit:
            self.older, self.current = self.current, {}
            self.older_rows, self.rows = self.rows, np.empty((256, _SLOTS))
            self.used = 0

    def add(self, values: Any) -> int:
        """Store one row of `_SLOTS` floats (an array or a sequence); returns its index."""
        at = self.used
        if at == len(self.rows):
            self.rows = np.concatenate((self.rows, np.empty_like(self.rows)))
        self.rows[at] = values
        self.used = at + 1
        return at


class ModelFormatError(HadathError):
    """A tagger model file that cannot be read."""


@dataclass(frozen=True, slots=True)
class NerModel:
    """Weights of a trained tagger.

    `weights[i * 35 + o * 7 + y]` scores label `y` when feature `features[i]` fires on the
    word at offset `OFFSETS[o]`; `transitions[(p + 1) * 7 + y]` scores label `y` after label
    `p` (row 0 is the sentence start). `clusters` maps normalised words to their
    distributional cluster ids, coarse to fine; `gazetteer` maps them to a name class.
    """

    features: tuple[str, ...]
    weights: array
    transitions: array
    clusters: dict[str, tuple[int, ...]]
    gazetteer: dict[str, str]
    meta: dict

    def to_bytes(self) -> bytes:
        """Serialise deterministically (gzip without a timestamp)."""
        header = json.dumps(
            {"labels": LABELS, "offsets": OFFSETS, **self.meta}, ensure_ascii=False, sort_keys=True
        ).encode("utf-8")
        names = "\n".join(self.features).encode("utf-8")
        clusters = "\n".join(
            word + "\t" + " ".join(map(str, ids)) for word, ids in self.clusters.items()
        ).encode("utf-8")
        gazetteer = "\n".join(w + "\t" + c for w, c in self.gazetteer.items()).encode("utf-8")
        body = b"".join(
            (
                _MAGIC,
                struct.pack(
                    "<IIIII",
                    len(header),
                    len(names),
                    len(self.features),
                    len(clusters),
                    len(gazetteer),
                ),
                header,
                names,
                clusters,
                gazetteer,
                _little_endian_floats(self.weights),
                _little_endian_floats(self.transitions),
            )
        )
        return gzip.compress(body, compresslevel=9, mtime=0)

    @classmethod
    def from_bytes(cls, data: bytes, name: str = MODEL_FILE) -> NerModel:
        """Read a model written by `to_bytes`.

        Raises:
            ModelFormatError: the data is not a model of this format and label set.
        """
        body, at, sizes, meta = _read_header(data, name)
        names_len, n_features, clusters_len, gazetteer_len = sizes
        if tuple(meta.pop("labels")) != LABELS or tuple(meta.pop("offsets")) != OFFSETS:
            raise ModelFormatError(f"{name}: labels or offsets differ from this tagger's")
        features = tuple(body[at : at + names_len].decode("utf-8").split("\n")) if names_len else ()
        at += names_len
        clusters = _parse_clusters(body[at : at + clusters_len].decode("utf-8"), name)
        at += clusters_len
        gazetteer_text = body[at : at + gazetteer_len].decode("utf-8")
        gazetteer = dict(line.split("\t", 1) for line in gazetteer_text.split("\n") if line)
        at += gazetteer_len
        weights = _read_floats(body, at, n_features * _SLOTS, name)
        at += 4 * n_features * _SLOTS
        transitions = _read_floats(body, at, (_N_LABELS + 1) * _N_LABELS, name)
        if len(features) != n_features or at + 4 * len(transitions) != len(body):
            raise ModelFormatError(f"{name}: sizes in the header do not match the data")
        return cls(features, weights, transitions, clusters, gazetteer, meta)


def _read_header(data: bytes, name: str) -> tuple[bytes, int, tuple[int, ...], dict]:
    """The model's unpacked body, where its sections start, their sizes (feature names
    length, feature count, clusters length, gazetteer length) and its JSON header."""
    try:
        body = gzip.decompress(data)
    except (OSError, EOFError) as e:
        raise ModelFormatError(f"{name}: not gzip data ({e})") from e
    if not body.startswith(_MAGIC):
        raise ModelFormatError(f"{name}: bad magic, not a hadath NER model")
    at = len(_MAGIC)
    header_len, *sizes = struct.unpack_from("<IIIII", body, at)
    at += 20
    meta = json.loads(body[at : at + header_len])
    return body, at + header_len, tuple(sizes), meta


def _parse_clusters(text: str, name: str) -> dict[str, tuple[int, ...]]:
    clusters = {}
    for line in text.split("\n") if text else ():
        word, _, ids = line.partition("\t")
        try:
            clusters[word] = tuple(int(i) for i in ids.split())
        except ValueError as e:
            raise ModelFormatError(f"{name}: bad cluster line {line!r}") from e
    return clusters


def _little_endian_floats(values: array) -> bytes:
    out = array("f", values)
    if struct.pack("=H", 1) != struct.pack("<H", 1):
        out.byteswap()
    return out.tobytes()


def _read_floats(body: bytes, at: int, count: int, name: str) -> array:
    chunk = body[at : at + 4 * count]
    if len(chunk) != 4 * count:
        raise ModelFormatError(f"{name}: truncated weights")
    out = array("f")
    out.frombytes(chunk)
    if struct.pack("=H", 1) != struct.pack("<H", 1):
        out.byteswap()
    return out


def allowed_transition(prev: str, label: str) -> bool:
    """Whether BIO allows `label` after `prev` ("O" also stands for the sentence start)."""
    return not label.startswith("I-") or prev[2:] == label[2:]


def repair_bio(tags: Sequence[str]) -> list[str]:
    """Turn every I-X that does not continue an X entity into B-X."""
    out: list[str] = []
    prev = "O"
    for tag in tags:
        fixed = "B-" + tag[2:] if tag.startswith("I-") and prev[2:] != tag[2:] else tag
        out.append(fixed)
        prev = fixed
    return out


class NerTagger:
    """Tags words with BIO labels over PER, ORG and LOC.

    Example: for the words of "زار بوتين بغداد" (Putin visited Baghdad),
    `NerTagger.load().tag(words)` gives `["O", "B-PER", "B-LOC"]`.
    """

    def __init__(self, model: NerModel) -> None:
        self.model = model
        self._index = {name: i for i, name in enumerate(model.features)}
        # One row of weights per feature, as float64 so that numpy sums the same floats
        # Python would, row after row.
        self._weights = np.array(model.weights, dtype=np.float64).reshape(-1, _SLOTS)
        self._start = [
            model.transitions[y] if allowed_transition("O", label) else _FORBIDDEN
            for y, label in enumerate(LABELS)
        ]
        # The transition scores into each label that may follow any label (O, B-X), and
        # (from B-X, from I-X) into each I-X: the only labels BIO lets precede it.
        def into(y: int, p: int) -> float:
            return model.transitions[(p + 1) * _N_LABELS + y]

        self._to_any = tuple(tuple(into(y, p) for p in range(_N_LABELS)) for y in (0, 1, 3, 5))
        self._to_inside = tuple((into(y, y - 1), into(y, y)) for y in (2, 4, 6))
        # How far any label may trail O at one word and still be the better predecessor of
        # an O or B-X at the next: when O leads every other label by more, O is the best
        # predecessor of all four (the decoder's shortcut). The margin covers rounding.
        self._o_lead = max(
            into(y, p) - into(y, 0) for y in (0, 1, 3, 5) for p in range(1, _N_LABELS)
        ) + 1e-6
        self._init_pairs()
        self._words = _RowCache(_WORD_CACHE_LIMIT)  # word -> _WordEntry
        # The summed pair weights of (parts before, parts) with a class bit set, keyed by the
        # parts' signatures: a row index, or _NO_DELTA if the pair fires no feature.
        self._deltas = _RowCache(_DELTA_CACHE_LIMIT)
        # Row indices are only valid until the caches rotate or grow: one document at a time
        # (threads of one process share the packaged tagger).
        self._caches_lock = threading.Lock()

    def _init_pairs(self) -> None:
        """Features of a word with the word before it, if the model has any, as four tables
        keyed by what they read (see `features.pair_features`): `bg` (stem before, stem),
        `pc` (stem before, class), `cn` (class before, stem), `gg` (class before, class),
        each giving the feature's index. Lookups by key tuple build no feature name. A name
        is split at every space, so a key matches exactly when the name built from the two
        words is in the model."""
        tables: dict[str, dict[tuple[str, str], int]] = {kind: {} for kind in PAIR_KINDS}
        for i, name in enumerate(self.model.features):
            table = tables.get(name[:3])
            if table is None:
                continue
            rest = name[3:]
            for at in (at for at, char in enumerate(rest) if char == " "):
                table[rest[:at], rest[at + 1 :]] = i
        self._pair_tables = tuple(tables[kind] for kind in PAIR_KINDS)
        # Each word's entry says what pairs it can take part in, so that the common pair
        # that fires nothing costs one bit test and one lookup (see `_rows`): the
        # stems before it that make a bigram with it, and two bits on either side.
        self._bigrams_into: dict[str, dict[str, int]] = {}
        for (first, second), i in tables["bg="].items():
            self._bigrams_into.setdefault(second, {})[first] = i
        self._pc_before = {first for first, _ in tables["pc="]}
        self._pc_after = {second for _, second in tables["pc="]}
        self._cn_before = {first for first, _ in tables["cn="]}
        self._cn_after = {second for _, second in tables["cn="]}
        self._gg_before = {first for first, _ in tables["gg="]}
        self._gg_after = {second for _, second in tables["gg="]}
        # The sentence start has no classes, but a `pc` feature may start with it.
        self._start_gives = _PC_STEM if BOUNDARY_PARTS[0] in self._pc_before else 0

    @classmethod
    def load(cls) -> NerTagger:
        """The tagger with the model committed in hadath.models (loaded once)."""
        return _packaged()

    def tag(self, words: Sequence[str]) -> list[str]:
        """BIO tags for `words`, one per word, as raw words of one sentence; names joined by
        wa- ("and") come out as two names (see `coordination.split_coordinated`)."""
        return self.tag_sentences([words])[0]

    def tag_sentences(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """`tag(words)` for each sentence, in one pass: the words' scores of a whole document
        are gathered and added in a few array operations, then each sentence is decoded."""
        with self._caches_lock:
            rows, spans = self._rows(sentences)  # a copy: the caches may change after
        count = len(rows) - 4
        # A word's label scores: its window's five blocks (the word at offset -2 gives its
        # block 0, ..., at +2 its block 4), added in that order.
        scores = rows[:count, :_N_LABELS] + rows[1 : count + 1, _N_LABELS : 2 * _N_LABELS]
        for o in range(2, len(OFFSETS)):
            scores += rows[o : count + o, o * _N_LABELS : (o + 1) * _N_LABELS]
        label_scores = scores.tolist()
        gazetteer, clusters = self.model.gazetteer, self.model.clusters
        tagged = []
        for (first, last), words in zip(spans, sentences, strict=True):
            path = self._viterbi(label_scores[first:last]) if first < last else []
            tags = repair_bio([LABELS[y] for y in path])
            tagged.append(split_coordinated(words, tags, gazetteer, clusters))
        return tagged

    def tag_document(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """BIO tags for each sentence of one document, with names kept consistent across it.

        Each sentence is tagged alone, then repeats of the names found are tagged where the
        sentence tagger missed them (see `consistency.propagate_names`).
        """
        return propagate_names(sentences, self.tag_sentences(sentences))

    def _rows(self, sentences: Sequence[Sequence[str]]) -> tuple[np.ndarray, list[tuple[int, int]]]:
        """Each word's summed weights, with those of its pair features (with the word before)
        added, as rows of a matrix: every sentence between two boundary rows on each side.
        Also where each sentence's words are, as (first, last) window indices.

        Most pairs fire no pair feature: the bits and bigram stems of the two words' entries
        (see `_word_entry`) tell so. A bigram alone adds the feature's weights; when a class
        bit is set, the summed weights of all the pair's features are cached per (parts
        before, parts), which many word pairs share.
        """
        words_cache, deltas = self._words, self._deltas
        words_cache.rotate()
        deltas.rotate()
        entries = words_cache.current
        known_deltas = deltas.current
        edge = self._word_entry(BOUNDARY_WORD)[0]
        start_gives = self._start_gives
        row_of: list[int] = []
        spans = []
        bigram_at: list[int] = []
        bigram_feature: list[int] = []
        delta_at: list[int] = []
        delta_row: list[int] = []
        for words in sentences:
            row_of += (edge, edge)
            first = len(row_of) - 2  # the window of the sentence's first word starts here
            before, before_signature, before_gives = BOUNDARY_PARTS, BOUNDARY_WORD, start_gives
            for word in words:
                entry = entries.get(word) or self._word_entry(word)
                row, parts, signature, gives, needs, bigrams = entry
                if before_gives & needs:
                    key = (before_signature, signature)
                    delta = known_deltas.get(key)
                    if delta is None:
                        delta = self._pair_delta(key, before, parts)
                    if delta != _NO_DELTA:
                        delta_at.append(len(row_of))
                        delta_row.append(delta)
                else:
                    feature = bigrams.get(before[0])
                    if feature is not None:
                        bigram_at.append(len(row_of))
                        bigram_feature.append(feature)
                row_of.append(row)
                before, before_signature, before_gives = parts, signature, gives
            spans.append((first, len(row_of) - 2))
            row_of += (edge, edge)
        # Each position has one word, so the fancy-indexed additions below add once each.
        rows = words_cache.rows[row_of]
        if bigram_at:
            rows[bigram_at] += self._weights[bigram_feature]
        if delta_at:
            rows[delta_at] += deltas.rows[delta_row]
        return rows, spans

    def _word_entry(self, word: str) -> _WordEntry:
        """The word's cache entry (made if new): its row of summed weights, its parts, the
        bits it gives the word after it (`_PC_STEM`: its stem starts a `pc` feature;
        `_CLASSED`: its classes start a `cn` or `gg` one), the bits it needs from the word
        before (`_PC_STEM` if some class of it ends a `pc` feature, `_CLASSED` if its stem
        or a class ends a `cn` or `gg` one), and the stems before it that make a bigram
        feature with it."""
        cache = self._words
        entry = cache.current.get(word)
        if entry is not None:
            return entry
        entry = cache.older.get(word)
        if entry is not None:
            entry = (cache.add(cache.older_rows[entry[0]]), *entry[1:])
        else:
            feats, parts = word_features_and_parts(
                word, self.model.clusters, self.model.gazetteer
            )
            stem, classes = parts
            gives = (_PC_STEM if stem in self._pc_before else 0) | (
                _CLASSED
                if any(c in self._cn_before or c in self._gg_before for c in classes)
                else 0
            )
            needs = (_PC_STEM if any(c in self._pc_after for c in classes) else 0) | (
                _CLASSED
                if stem in self._cn_after or any(c in self._gg_after for c in classes)
                else 0
            )
            bigrams = self._bigrams_into.get(stem, _NO_BIGRAMS)
            # The parts as one string, whose hash Python keeps: the key of the pair sums.
            signature = " ".join((stem, *classes))
            index = self._index
            found = [i for f in feats if (i := index.get(f)) is not None]
            row = cache.add(self._summed(found))
            entry = (row, parts, signature, gives, needs, bigrams)
        cache.current[word] = entry
        return entry

    def _summed(self, features: list[int]) -> np.ndarray:
        """The weights of `features` (indices into the model), added in order."""
        # Along the first axis numpy adds row after row: the floats of a loop from 0.0.
        return _add_rows(self._weights[features], axis=0)

    def _pair_delta(self, key: tuple[str, str], before: PairParts, parts: PairParts) -> int:
        """The cached row of the pair features (`before`, word) that the model has, summed
        in the order of `features.pair_features` (made if new; _NO_DELTA if none)."""
        cache = self._deltas
        delta = cache.older.get(key)
        if delta is None:
            found = self._pair_features(before, parts)
            delta = cache.add(self._summed(found)) if found else _NO_DELTA
        elif delta != _NO_DELTA:
            delta = cache.add(cache.older_rows[delta])
        cache.current[key] = delta
        return delta

    def _pair_features(self, before: PairParts, parts: PairParts) -> list[int]:
        """The indices of the pair features (`before`, word) in the model, in the order of
        `features.pair_features`."""
        bigrams, stem_class, class_stem, class_class = self._pair_tables
        stem_before, classes_before = before
        stem, classes = parts
        found = [bigrams.get((stem_before, stem))]
        found.extend(stem_class.get((stem_before, c)) for c in classes)
        found.extend(class_stem.get((cb, stem)) for cb in classes_before)
        found.extend(class_class.get((cb, c)) for cb in classes_before for c in classes)
        return [i for i in found if i is not None]

    def _viterbi(self, label_scores: list[list[float]]) -> list[int]:
        """The best label path given each word's seven label scores.

        Written out for the seven BIO labels: O and B-X may follow any label, I-X only B-X
        or I-X; ties keep the lower label index, as a left-to-right scan with a strict
        comparison does. Tagging is most of the recogniser's time, and this loop most of
        tagging.
        """
        to_o, to_bper, to_borg, to_bloc = self._to_any
        (b_iper, i_iper), (b_iorg, i_iorg), (b_iloc, i_iloc) = self._to_inside
        o_o, o_bper, o_borg, o_bloc = to_o[0], to_bper[0], to_borg[0], to_bloc[0]
        o_lead = self._o_lead
        words = iter(label_scores)
        # The scores of the path so far ending in each label, kept in names across words.
        s0, s1, s2, s3, s4, s5, s6 = map(operator.add, self._start, next(words))
        back: list[tuple[int, ...]] = []
        for e0, e1, e2, e3, e4, e5, e6 in words:
            # I-X follows only B-X or I-X: two candidates each, whichever branch below.
            n2, p2 = (s2 + i_iper, 2) if s2 + i_iper > s1 + b_iper else (s1 + b_iper, 1)
            n4, p4 = (s4 + i_iorg, 4) if s4 + i_iorg > s3 + b_iorg else (s3 + b_iorg, 3)
            n6, p6 = (s6 + i_iloc, 6) if s6 + i_iloc > s5 + b_iloc else (s5 + b_iloc, 5)
            lead = s0 - o_lead
            if lead >= s1 and lead >= s2 and lead >= s3 and lead >= s4 and lead >= s5 and (
                lead >= s6
            ):
                # O leads: it is the best predecessor of O and every B-X, ties included
                # (O is the lowest label index).
                s0, s1, s2, s3, s4, s5, s6 = (
                    s0 + o_o + e0, s0 + o_bper + e1, n2 + e2, s0 + o_borg + e3, n4 + e4,
                    s0 + o_bloc + e5, n6 + e6,
                )
                back.append((0, 0, p2, 0, p4, 0, p6))
                continue
            c = [s0 + to_o[0], s1 + to_o[1], s2 + to_o[2], s3 + to_o[3], s4 + to_o[4],
                 s5 + to_o[5], s6 + to_o[6]]
            n0 = max(c)
            p0 = c.index(n0)
            c = [s0 + to_bper[0], s1 + to_bper[1], s2 + to_bper[2], s3 + to_bper[3],
                 s4 + to_bper[4], s5 + to_bper[5], s6 + to_bper[6]]
            n1 = max(c)
            p1 = c.index(n1)
            c = [s0 + to_borg[0], s1 + to_borg[1], s2 + to_borg[2], s3 + to_borg[3],
                 s4 + to_borg[4], s5 + to_borg[5], s6 + to_borg[6]]
            n3 = max(c)
            p3 = c.index(n3)
            c = [s0 + to_bloc[0], s1 + to_bloc[1], s2 + to_bloc[2], s3 + to_bloc[3],
                 s4 + to_bloc[4], s5 + to_bloc[5], s6 + to_bloc[6]]
            n5 = max(c)
            p5 = c.index(n5)
            s0, s1, s2, s3, s4, s5, s6 = (
                n0 + e0, n1 + e1, n2 + e2, n3 + e3, n4 + e4, n5 + e5, n6 + e6
            )
            back.append((p0, p1, p2, p3, p4, p5, p6))
        score = [s0, s1, s2, s3, s4, s5, s6]
        y = score.index(max(score))
        path = [y]
        for pointers in reversed(back):
            y = pointers[y]
            path.append(y)
        path.reverse()
        return path


@functools.cache
def packaged_model_id() -> str:
    """Which recogniser the packaged tagger runs, for the provenance of coded documents: its
    learner and the sha256 of the committed model file (prefix). Builds no tagger."""
    data = _packaged_bytes()
    learner = _read_header(data, MODEL_FILE)[3].get("learner", "perceptron")
    return f"{learner} sha256:{hashlib.sha256(data).hexdigest()[:16]}"


def packaged_models() -> dict[str, str]:
    """The models the default pipeline runs, as coded documents record them in
    `hadath.models` (the store compares them to tell its coder)."""
    return {"ner": packaged_model_id()}


def _packaged_bytes() -> bytes:
    return (files("hadath") / "models" / MODEL_FILE).read_bytes()


@functools.cache
def _packaged() -> NerTagger:
    return NerTagger(NerModel.from_bytes(_packaged_bytes(), MODEL_FILE))

