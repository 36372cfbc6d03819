"""Near-duplicate fingerprints: MinHash over word shingles of the folded text, and LSH bands.

An article's fingerprint is a MinHash signature of the set of its word
shingles (runs of SHINGLE_WORDS words of the folded text: harakat, tatweel,
alef forms and digits do not tell copies apart). The share of equal positions in
two signatures estimates the Jaccard similarity of the two shingle sets. The
signature is cut into BANDS bands; articles that agree on a whole band are
candidates (locality-sensitive hashing), so finding an article's
near-duplicates is an index look-up, not a comparison with every article.

The signature is one-permutation MinHash (Li, Owen and Zhang 2012): one hash
per shingle, split into SIGNATURE_SIZE bins by its top bits, the minimum kept
in each bin; an empty bin borrows from the next full one, with the distance
mixed in (rotation densification, Shrivastava and Li 2014). One pass over the
shingles, instead of one per permutation.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from array import array

from hadath.text.fold import fold_str

__all__ = [
    "BANDS",
    "ROWS",
    "SHINGLE_WORDS",
    "SIGNATURE_SIZE",
    "band_keys",
    "fingerprint",
    "fingerprint_of",
    "shingle_hashes",
    "signature_similarity",
]

SHINGLE_WORDS = 3
SIGNATURE_SIZE = 64
# 21 bands of 3 values (the last value is in none): pairs of Jaccard 0.6 become candidates
# 99.4% of the time, 0.5: 94%, 0.3: 44%. Every band is a row in the store's index, written
# at a random place in it: fewer, wider bands would write less but miss more pairs.
BANDS = 21
ROWS = 3

_WORD = re.compile(r"\w+")
_SLOT_SHIFT = 64 - (SIGNATURE_SIZE.bit_length() - 1)
_EMPTY = 1 << 32
_MASK64 = (1 << 64) - 1
_MIX = 0x9E3779B97F4A7C15  # odd, 2^64 / golden ratio: spreads its product's bits
# Word hashes kept across articles (news vocabulary repeats): a look-up, not an encode
# and a CRC per word. Cleared past 200,000 words (ANT uses 149,000; ~25 MB when full).
_WORD_HASHES: dict[str, int] = {}
_WORD_HASHES_LIMIT = 200_000


def shingle_hashes(text: str) -> set[int]:
    """64-bit hashes of the text's word shingles, after folding.

    Each distinct word is hashed once (CRC-32, fast and the same in every process,
    unlike hash()); a shingle's hash multiplies its first two words' hashes by an odd
    constant and adds the third, so it depends on their order.
    """
    words = _WORD.findall(fold_str(text))
    if not words:
        return set()
    known = _WORD_HASHES
    if len(known) > _WORD_HASHES_LIMIT:
        known.clear()
    for word in set(words).difference(known):
        known[word] = zlib.crc32(word.encode("utf-8"))
    ids = list(map(known.__getitem__, words))
    if len(ids) < SHINGLE_WORDS:
        return {(ids[0] * _MIX) & _MASK64}
    return {(((a << 32 | b) * _MIX) ^ c) & _MASK64
            for a, b, c in zip(ids, ids[1:], ids[2:], strict=False)}


def fingerprint(text: str) -> bytes | None:
    """The MinHash signature of a text, packed (SIGNATURE_SIZE 32-bit values), or None if empty."""
    return fingerprint_of(shingle_hashes(text))


def fingerprint_of(hashes: set[int]) -> bytes | None:
    """The MinHash signature of a set of shingle hashes, or None if it is empty."""
    if not hashes:
        return None
    bins = [_EMPTY] * SIGNATURE_SIZE
    for value in hashes:
        slot = value >> _SLOT_SHIFT  # the top bits, which the multiplication mixes best
        rest = (value >> 25) & 0xFFFFFFFF
        if rest < bins[slot]:
            bins[slot] = rest
    return array("I", _densified(bins)).tobytes()


def _densified(bins: list[int]) -> list[int]:
    values = [0] * SIGNATURE_SIZE
    for slot in range(SIGNATURE_SIZE):
        distance = 0
        while bins[(slot + distance) % SIGNATURE_SIZE] == _EMPTY:
            distance += 1  # a non-empty text fills at least one bin
        value = bins[(slot + distance) % SIGNATURE_SIZE]
        values[slot] = (value ^ (distance * 0x9E3779B1)) & 0xFFFFFFFF
    return values


def signature_similarity(first: bytes, second: bytes) -> float:
    """The share of equal positions: an estimate of the shingle sets' Jaccard similarity."""
    a, b = array("I"), array("I")
    a.frombytes(first)
    b.frombytes(second)
    return sum(x == y for x, y in zip(a, b, strict=True)) / SIGNATURE_SIZE


def band_keys(signature: bytes) -> list[int]:
    """One signed 64-bit key per band (band number and its values): the LSH index keys."""
    width = 4 * ROWS
    keys = []
    for band in range(BANDS):
        chunk = band.to_bytes(2, "little") + signature[band * width:(band + 1) * width]
        keys.append(int.from_bytes(hashlib.blake2b(chunk, digest_size=8).digest(), "little",
                                   signed=True))
    return keys
