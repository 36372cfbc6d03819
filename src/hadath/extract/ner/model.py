"""The named-entity tagger: a linear model over word features at offsets -2..+2, decoded
with BIO-constrained Viterbi.

Scores factor per word: a word's features contribute a fixed block of weights for each
offset, so the tagger sums a word's blocks once and caches them. Tagging a token then costs
five small vector additions and one Viterbi step, whatever the number of features.
"""

from __future__ import annotations

import functools
import gzip
import json
import operator
import struct
from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from importlib.resources import files

from hadath.errors import HadathError
from hadath.extract.ner.consistency import propagate_names
from hadath.extract.ner.coordination import split_coordinated
from hadath.extract.ner.features import (
    BOUNDARY_PARTS,
    BOUNDARY_WORD,
    PAIR_KINDS,
    PairParts,
    pair_features,
    pair_parts,
    word_features,
)

__all__ = [
    "LABELS",
    "MODEL_FILE",
    "OFFSETS",
    "ModelFormatError",
    "NerModel",
    "NerTagger",
    "allowed_transition",
    "repair_bio",
]

LABELS = ("O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC")
OFFSETS = (-2, -1, 0, 1, 2)
MODEL_FILE = "ner.model"

_N_LABELS = len(LABELS)
_SLOTS = len(OFFSETS) * _N_LABELS  # weights per feature: one per (offset, label)
Row = tuple[tuple[float, ...], ...]  # a word's label scores, one block per offset
_MAGIC = b"HADNER1\n"
_FORBIDDEN = -1e9
# Words seen while tagging are cached up to this many; news vocabulary repeats heavily.
_CACHE_LIMIT = 200_000


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
        try:
            body = gzip.decompress(data)
        except (OSError, EOFError) as e:
            raise ModelFormatError(f"{name}: not gzip data ({e})") from e
        if not body.startswith(_MAGIC):
            raise ModelFormatError(f"{name}: bad magic, not a hadath NER model")
        at = len(_MAGIC)
        header_len, names_len, n_features, clusters_len, gazetteer_len = struct.unpack_from(
            "<IIIII", body, at
        )
        at += 20
        meta = json.loads(body[at : at + header_len])
        at += header_len
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
        self._start = [
            model.transitions[y] if allowed_transition("O", label) else _FORBIDDEN
            for y, label in enumerate(LABELS)
        ]
        # For each label, the labels that may precede it, with the transition score.
        self._incoming = [
            [
                (p, model.transitions[(p + 1) * _N_LABELS + y])
                for p, prev in enumerate(LABELS)
                if allowed_transition(prev, label)
            ]
            for y, label in enumerate(LABELS)
        ]
        self._blocks: dict[str, Row] = {}
        self._boundary = self._word_blocks(BOUNDARY_WORD)
        # Features of a word with the word before it, if the model has any: their weights
        # by name, per word what the pair features read, per pair the summed blocks.
        self._pair_weights = {
            name: model.weights[i * _SLOTS : (i + 1) * _SLOTS]
            for i, name in enumerate(model.features)
            if name[:3] in PAIR_KINDS
        }
        self._parts: dict[str, PairParts] = {}
        self._pair_blocks: dict[tuple[str, str], Row] = {}

    @classmethod
    def load(cls) -> NerTagger:
        """The tagger with the model committed in hadath.models (loaded once)."""
        return _load_packaged()

    def tag(self, words: Sequence[str]) -> list[str]:
        """BIO tags for `words`, one per word, as raw words of one sentence; names joined by
        wa- ("and") come out as two names (see `coordination.split_coordinated`)."""
        if not words:
            return []
        blocks = self._blocks
        if len(blocks) > _CACHE_LIMIT:
            blocks.clear()
        edge = self._boundary
        rows = [edge, edge]
        if self._pair_weights:
            rows += self._pair_rows(words)
        else:
            for word in words:
                row = blocks.get(word)
                if row is None:
                    row = blocks[word] = self._word_blocks(word)
                rows.append(row)
        rows += (edge, edge)
        emissions = [
            [
                a + b + c + d + e
                for a, b, c, d, e in zip(r0[0], r1[1], r2[2], r3[3], r4[4], strict=True)
            ]
            # Sliding window of five rows; the shorter slices end it.
            for r0, r1, r2, r3, r4 in zip(
                rows, rows[1:], rows[2:], rows[3:], rows[4:], strict=False
            )
        ]
        tags = repair_bio([LABELS[y] for y in self._viterbi(emissions)])
        return split_coordinated(words, tags, self.model.gazetteer, self.model.clusters)

    def _pair_rows(self, words: Sequence[str]) -> list[Row]:
        """Each word's blocks with those of its pair features (with the word before) added.

        Most pairs fire no pair feature: a bigram check (one string, one lookup) lets them
        share the word's own blocks. Pairs that fire, or where either word has gazetteer
        classes (pc, cn, gg features), are summed once and cached per (word before, word).
        """
        blocks, parts_of, combined = self._blocks, self._parts, self._pair_blocks
        if len(combined) > _CACHE_LIMIT:
            combined.clear()
            parts_of.clear()
        pair_weights = self._pair_weights
        gazetteer = self.model.gazetteer
        rows = []
        before_word, before = BOUNDARY_WORD, BOUNDARY_PARTS
        for word in words:
            row = blocks.get(word)
            if row is None:
                row = blocks[word] = self._word_blocks(word)
            parts = parts_of.get(word)
            if parts is None:
                parts = parts_of[word] = pair_parts(word, gazetteer)
            if parts[1] or before[1] or "bg=" + before[0] + " " + parts[0] in pair_weights:
                key = (before_word, word)
                summed = combined.get(key)
                if summed is None:
                    summed = combined[key] = self._add_pairs(row, before, parts)
                row = summed
            rows.append(row)
            before_word, before = word, parts
        return rows

    def _add_pairs(self, row: Row, before: PairParts, parts: PairParts) -> Row:
        """`row` plus the weights of the pair features (`before`, word) that the model has."""
        pair_weights = self._pair_weights
        flat: list[float] | None = None
        for feat in pair_features(before, parts):
            found = pair_weights.get(feat)
            if found is not None:
                if flat is None:
                    flat = [x for block in row for x in block]
                flat = list(map(operator.add, flat, found))
        if flat is None:
            return row
        return tuple(tuple(flat[o * _N_LABELS : (o + 1) * _N_LABELS]) for o in range(len(OFFSETS)))

    def tag_document(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """BIO tags for each sentence of one document, with names kept consistent across it.

        Each sentence is tagged alone, then repeats of the names found are tagged where the
        sentence tagger missed them (see `consistency.propagate_names`).
        """
        return propagate_names(sentences, [self.tag(words) for words in sentences])

    def _word_blocks(self, word: str) -> Row:
        """The word's summed weights, one block of label scores per offset (offset -2 first)."""
        weights = self.model.weights
        total = [0.0] * _SLOTS
        for feat in word_features(word, self.model.clusters, self.model.gazetteer):
            i = self._index.get(feat)
            if i is not None:
                total = list(map(operator.add, total, weights[i * _SLOTS : (i + 1) * _SLOTS]))
        # In `tag`, the window row r_o holds the word at offset OFFSETS[o] and reads block o.
        return tuple(tuple(total[o * _N_LABELS : (o + 1) * _N_LABELS]) for o in range(len(OFFSETS)))

    def _viterbi(self, emissions: list[list[float]]) -> list[int]:
        score = [s + e for s, e in zip(self._start, emissions[0], strict=True)]
        back: list[list[int]] = []
        incoming = self._incoming
        for emission in emissions[1:]:
            new_score = []
            pointers = []
            for y, sources in enumerate(incoming):
                best_p, best = -1, -2e9
                for p, t in sources:
                    s = score[p] + t
                    if s > best:
                        best_p, best = p, s
                new_score.append(best + emission[y])
                pointers.append(best_p)
            score = new_score
            back.append(pointers)
        y = max(range(_N_LABELS), key=score.__getitem__)
        path = [y]
        for pointers in reversed(back):
            y = pointers[y]
            path.append(y)
        path.reverse()
        return path


@functools.cache
def _load_packaged() -> NerTagger:
    resource = files("hadath") / "models" / MODEL_FILE
    return NerTagger(NerModel.from_bytes(resource.read_bytes(), MODEL_FILE))
