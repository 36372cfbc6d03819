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
    word_features,
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
# The blocks of words seen while tagging (~1.6 KB a word) are cached in two generations of
# this many: news vocabulary repeats heavily (the ANT corpus has 159,000 distinct words), and
# a larger corpus keeps its recent words instead of losing all at a cap. A miss costs 10-30 us:
# two generations of 50,000 tag ANT 0.15-0.3 ms per article slower for 144 MB less.
_WORD_CACHE_LIMIT = 100_000
# Bits of a word's pair entry (see `NerTagger._pair_entry`).
_PC_STEM = 1
_CLASSED = 2
# A pair feature's weights: (offset index, block) for each block that is not all zero.
_SparseRow = tuple[tuple[int, tuple[float, ...]], ...]
_NO_BIGRAMS: dict[str, _SparseRow] = {}
_CENTRE = OFFSETS.index(0)  # the block scoring the word's own label
# Summed pair weights cached per (parts before, parts), in two generations of this many.
_DELTA_CACHE_LIMIT = 50_000
# A word's blocks, its pair parts and their signature, the bits it gives and needs, the
# stems before it that make a bigram feature with it (stem before -> weights).
_PairEntry = tuple[Row, PairParts, str, int, int, dict[str, _SparseRow]]


def _sparse_blocks(flat: Sequence[float]) -> _SparseRow:
    blocks = (tuple(flat[o * _N_LABELS : (o + 1) * _N_LABELS]) for o in range(len(OFFSETS)))
    return tuple((o, block) for o, block in enumerate(blocks) if any(block))


def _plus(row: Row, weights: _SparseRow) -> Row:
    """`row` with `weights` added block by block (a block left out adds nothing)."""
    if len(weights) == 1 and weights[0][0] == _CENTRE:
        # Pair features kept at offset 0 only (`train.keep_pair_offsets`): one block, unrolled.
        r0, r1, (a0, a1, a2, a3, a4, a5, a6), r3, r4 = row
        b0, b1, b2, b3, b4, b5, b6 = weights[0][1]
        return r0, r1, (a0 + b0, a1 + b1, a2 + b2, a3 + b3, a4 + b4, a5 + b5, a6 + b6), r3, r4
    if len(weights) == len(OFFSETS):  # every block: no list to patch
        return tuple(map(_add_block, row, (block for _, block in weights)))
    out = list(row)
    for o, block in weights:
        out[o] = tuple(map(operator.add, out[o], block))
    return tuple(out)


def _add_block(block: tuple[float, ...], weights: tuple[float, ...]) -> tuple[float, ...]:
    return tuple(map(operator.add, block, weights))


class _TwoGenerations:
    """A bounded cache as two dicts: look in `current`, then in `older`. When `current`
    holds more than `limit` entries it becomes `older` and the older one is dropped, so
    what the last stretch of text used stays at hand and at most 2 x `limit` are kept."""

    __slots__ = ("current", "limit", "older")

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.current: dict = {}
        self.older: dict = {}

    def rotated(self) -> tuple[dict, dict]:
        """(current, older), after moving a full `current` to `older`."""
        if len(self.current) > self.limit:
            self.older, self.current = self.current, {}
        return self.current, self.older


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
        self._word_rows = _TwoGenerations(_WORD_CACHE_LIMIT)  # word -> Row
        self._boundary = self._word_blocks(BOUNDARY_WORD)
        # Features of a word with the word before it, if the model has any, as four tables
        # keyed by what they read (see `features.pair_features`): `bg` (stem before, stem),
        # `pc` (stem before, class), `cn` (class before, stem), `gg` (class before, class).
        # Lookups by key tuple build no feature name. A name is split at every space, so a
        # key matches exactly when the name built from the two words is in the model. The
        # weights are kept as the blocks that are not all zero, with their offset index.
        self._pair_tables: dict[str, dict[tuple[str, str], _SparseRow]] = {
            kind: {} for kind in PAIR_KINDS
        }
        for i, name in enumerate(model.features):
            table = self._pair_tables.get(name[:3])
            if table is None:
                continue
            weights = _sparse_blocks(model.weights[i * _SLOTS : (i + 1) * _SLOTS])
            rest = name[3:]
            for at in (at for at, char in enumerate(rest) if char == " "):
                table[rest[:at], rest[at + 1 :]] = weights
        self._has_pairs = any(self._pair_tables.values())
        self._pair_kind_tables = tuple(self._pair_tables[kind] for kind in PAIR_KINDS)
        # Each word's cached entry says what pairs it can take part in, so that the common
        # pair that fires nothing costs one bit test and one lookup (see `_pair_rows`):
        # the stems before it that make a bigram with it, and two bits on either side.
        self._bigrams_into: dict[str, dict[str, _SparseRow]] = {}
        for (first, second), weights in self._pair_tables["bg="].items():
            self._bigrams_into.setdefault(second, {})[first] = weights
        self._pc_before = {first for first, _ in self._pair_tables["pc="]}
        self._pc_after = {second for _, second in self._pair_tables["pc="]}
        self._cn_before = {first for first, _ in self._pair_tables["cn="]}
        self._cn_after = {second for _, second in self._pair_tables["cn="]}
        self._gg_before = {first for first, _ in self._pair_tables["gg="]}
        self._gg_after = {second for _, second in self._pair_tables["gg="]}
        # The sentence start has no classes, but a `pc` feature may start with it.
        self._start_gives = _PC_STEM if BOUNDARY_PARTS[0] in self._pc_before else 0
        self._entries = _TwoGenerations(_WORD_CACHE_LIMIT)  # word -> _PairEntry
        # The summed pair weights of (parts before, parts) with a class bit set, keyed by the
        # parts' signatures.
        self._deltas = _TwoGenerations(_DELTA_CACHE_LIMIT)

    @classmethod
    def load(cls) -> NerTagger:
        """The tagger with the model committed in hadath.models (loaded once)."""
        return _load_packaged()

    def tag(self, words: Sequence[str]) -> list[str]:
        """BIO tags for `words`, one per word, as raw words of one sentence; names joined by
        wa- ("and") come out as two names (see `coordination.split_coordinated`)."""
        if not words:
            return []
        edge = self._boundary
        rows = [edge, edge]
        if self._has_pairs:
            rows += self._pair_rows(words)
        else:
            current, older = self._word_rows.rotated()
            for word in words:
                row = current.get(word)
                if row is None:
                    row = current[word] = older.get(word) or self._word_blocks(word)
                rows.append(row)
        rows += (edge, edge)
        tags = repair_bio([LABELS[y] for y in self._viterbi(rows)])
        return split_coordinated(words, tags, self.model.gazetteer, self.model.clusters)

    def _pair_entry(self, word: str) -> _PairEntry:
        """The word's blocks and parts, the bits it gives the word after it (`_PC_STEM`: its
        stem starts a `pc` feature; `_CLASSED`: its classes start a `cn` or `gg` one), the
        bits it needs from the word before (`_PC_STEM` if some class of it ends a `pc`
        feature, `_CLASSED` if its stem or a class ends a `cn` or `gg` one), and the stems
        before it that make a bigram feature with it."""
        feats, parts = word_features_and_parts(word, self.model.clusters, self.model.gazetteer)
        stem, classes = parts
        gives = (_PC_STEM if stem in self._pc_before else 0) | (
            _CLASSED if any(c in self._cn_before or c in self._gg_before for c in classes) else 0
        )
        needs = (_PC_STEM if any(c in self._pc_after for c in classes) else 0) | (
            _CLASSED
            if stem in self._cn_after or any(c in self._gg_after for c in classes)
            else 0
        )
        bigrams = self._bigrams_into.get(stem, _NO_BIGRAMS)
        # The parts as one string, whose hash Python keeps: the key of the pair sums.
        signature = " ".join((stem, *classes))
        return self._blocks_of(feats), parts, signature, gives, needs, bigrams

    def _pair_rows(self, words: Sequence[str]) -> list[Row]:
        """Each word's blocks with those of its pair features (with the word before) added.

        Most pairs fire no pair feature: the bits and bigram stems of the two words' entries
        (see `_pair_entry`) let those keep the word's own blocks. A bigram alone adds its
        weights directly; when a class bit is set, the summed weights of all the pair's
        features are cached per (parts before, parts), which many word pairs share.
        """
        entries, older_entries = self._entries.rotated()
        deltas, older_deltas = self._deltas.rotated()
        rows = []
        before, before_signature, before_gives = BOUNDARY_PARTS, BOUNDARY_WORD, self._start_gives
        for word in words:
            entry = entries.get(word)
            if entry is None:
                entry = older_entries.get(word) or self._pair_entry(word)
                entries[word] = entry
            row, parts, signature, gives, needs, bigrams = entry
            if before_gives & needs:
                key = (before_signature, signature)
                delta = deltas.get(key)
                if delta is None:
                    delta = older_deltas.get(key)
                    if delta is None:
                        delta = self._pair_delta(before, parts)
                    deltas[key] = delta
            else:
                delta = bigrams.get(before[0])
            if delta:
                row = _plus(row, delta)
            rows.append(row)
            before, before_signature, before_gives = parts, signature, gives
        return rows

    def _pair_delta(self, before: PairParts, parts: PairParts) -> _SparseRow:
        """The weights of the pair features (`before`, word) that the model has, summed in
        the order of `features.pair_features` (empty if none)."""
        bigrams, stem_class, class_stem, class_class = self._pair_kind_tables
        stem_before, classes_before = before
        stem, classes = parts
        found = [bigrams.get((stem_before, stem))]
        for c in classes:
            found.append(stem_class.get((stem_before, c)))
        for cb in classes_before:
            found.append(class_stem.get((cb, stem)))
        for cb in classes_before:
            for c in classes:
                found.append(class_class.get((cb, c)))
        found = [weights for weights in found if weights is not None]
        if len(found) < 2:
            return found[0] if found else ()
        summed: dict[int, tuple[float, ...]] = {}
        for weights in found:
            for o, block in weights:
                have = summed.get(o)
                summed[o] = block if have is None else tuple(map(operator.add, have, block))
        return tuple(sorted(summed.items()))

    def tag_document(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """BIO tags for each sentence of one document, with names kept consistent across it.

        Each sentence is tagged alone, then repeats of the names found are tagged where the
        sentence tagger missed them (see `consistency.propagate_names`).
        """
        return propagate_names(sentences, [self.tag(words) for words in sentences])

    def _word_blocks(self, word: str) -> Row:
        """The word's summed weights, one block of label scores per offset (offset -2 first)."""
        return self._blocks_of(word_features(word, self.model.clusters, self.model.gazetteer))

    def _blocks_of(self, features: list[str]) -> Row:
        """The summed weights of a word's `features`, one block per offset (-2 first)."""
        weights, index = self.model.weights, self._index
        found = [index.get(feat) for feat in features]
        rows = [weights[i * _SLOTS : (i + 1) * _SLOTS] for i in found if i is not None]
        # Column sums in feature order, each from 0.0: the same floats as adding row by row.
        total = list(map(sum, zip(*rows, strict=True))) if rows else [0.0] * _SLOTS
        # In `tag`, the window row r_o holds the word at offset OFFSETS[o] and reads block o.
        return tuple(tuple(total[o * _N_LABELS : (o + 1) * _N_LABELS]) for o in range(len(OFFSETS)))

    def _viterbi(self, rows: list[tuple[tuple[float, ...], ...]]) -> list[int]:
        """The best label path over the words of `rows` (two boundary rows on each side).

        A word's label scores are the five blocks of the window around it (word at offset
        -2 reads its block 0, ..., at +2 block 4). Written out for the seven BIO labels:
        O and B-X may follow any label, I-X only B-X or I-X; ties keep the lower label
        index, as a left-to-right scan with a strict comparison does. Tagging is most of
        the recogniser's time, and this loop most of tagging.
        """
        to_o, to_bper, to_borg, to_bloc = self._to_any
        (b_iper, i_iper), (b_iorg, i_iorg), (b_iloc, i_iloc) = self._to_inside
        o_o, o_bper, o_borg, o_bloc = to_o[0], to_bper[0], to_borg[0], to_bloc[0]
        o_lead = self._o_lead
        windows = zip(rows, rows[1:], rows[2:], rows[3:], rows[4:], strict=False)
        r0, r1, r2, r3, r4 = next(windows)
        score = [s + (a + b + c + d + e) for s, a, b, c, d, e in
                 zip(self._start, r0[0], r1[1], r2[2], r3[3], r4[4], strict=True)]
        back: list[tuple[int, ...]] = []
        # The scores of the path so far ending in each label, kept in names across words.
        s0, s1, s2, s3, s4, s5, s6 = score
        for r0, r1, r2, r3, r4 in windows:
            # The word's label scores, its window's five blocks added label by label. Unpacked
            # into names: half the time of a comprehension over a zip, the same sums.
            a0, a1, a2, a3, a4, a5, a6 = r0[0]
            b0, b1, b2, b3, b4, b5, b6 = r1[1]
            c0, c1, c2, c3, c4, c5, c6 = r2[2]
            d0, d1, d2, d3, d4, d5, d6 = r3[3]
            f0, f1, f2, f3, f4, f5, f6 = r4[4]
            e0, e1, e2 = a0 + b0 + c0 + d0 + f0, a1 + b1 + c1 + d1 + f1, a2 + b2 + c2 + d2 + f2
            e3, e4 = a3 + b3 + c3 + d3 + f3, a4 + b4 + c4 + d4 + f4
            e5, e6 = a5 + b5 + c5 + d5 + f5, a6 + b6 + c6 + d6 + f6
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
def _load_packaged() -> NerTagger:
    resource = files("hadath") / "models" / MODEL_FILE
    return NerTagger(NerModel.from_bytes(resource.read_bytes(), MODEL_FILE))
