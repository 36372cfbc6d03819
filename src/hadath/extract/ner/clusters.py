"""Distributional word clusters for the tagger, learned from unlabelled news text.

Names unseen in the small annotated corpora still share contexts with seen ones ("قال X",
"الرئيس X", "في X"), so a word's cluster is strong evidence. Clusters come from k-means over
SVD-reduced left/right neighbour counts, built with numpy at training time; the tagger
reads the finished word -> cluster table from its model file.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence

from hadath.extract.ner.features import normalise_word

__all__ = ["build_clusters", "split_words"]

log = logging.getLogger(__name__)

# A word: letters and digits with any harakat/tatweel inside; or one punctuation mark.
_WORD_RE = re.compile(r"(?:[^\W_]|[\u064b-\u0652\u0670\u0640])+|[^\w\s]")  # FATHATAN..SUKUN,
# SUPERSCRIPT ALEF, TATWEEL


def split_words(text: str) -> list[str]:
    """Raw words and punctuation marks of `text`, as the bench and cluster builder see them."""
    return _WORD_RE.findall(text)


def build_clusters(
    texts: Iterable[str],
    sizes: Sequence[int] = (64, 256, 1024),
    *,
    min_count: int = 10,
    contexts: int = 1000,
    dims: int = 100,
    seed: int = 7,
) -> dict[str, tuple[int, ...]]:
    """Cluster ids (one per size in `sizes`) for every normalised word seen `min_count` times.

    Args:
        texts: unlabelled documents.
        sizes: numbers of clusters, coarse to fine.
        min_count: rarer words get no cluster.
        contexts: how many of the most frequent words serve as context features.
        dims: SVD dimensions kept before clustering.
        seed: seed of the random projection and k-means initialisation.
    """
    import numpy as np  # imported here: only training builds clusters

    ids = list(_normalised_stream(texts))
    counts = Counter(ids)
    vocab = [w for w, c in sorted(counts.items(), key=lambda x: (-x[1], x[0])) if c >= min_count]
    index = {w: i for i, w in enumerate(vocab)}
    seq = np.array([index.get(w, -1) for w in ids], dtype=np.int64)
    log.info(
        "clusters: %d tokens, %d words with >= %d occurrences", len(seq), len(vocab), min_count
    )
    matrix = np.hstack(
        [
            _cooccurrence(np, seq[:-1], seq[1:], len(vocab), contexts),
            _cooccurrence(np, seq[1:], seq[:-1], len(vocab), contexts),
        ]
    )
    vectors = _reduce(np, matrix, dims, seed)
    assignments = [_kmeans(np, vectors, k, seed) for k in sizes]
    return {w: tuple(int(a[i]) for a in assignments) for i, w in enumerate(vocab)}


def _normalised_stream(texts: Iterable[str]) -> Iterator[str]:
    for text in texts:
        yield "<s>"
        for word in split_words(text):
            yield normalise_word(word)


def _cooccurrence(np, words, neighbours, n_words: int, n_contexts: int):
    keep = (words >= 0) & (neighbours >= 0) & (neighbours < n_contexts)
    flat = words[keep] * n_contexts + neighbours[keep]
    counts = np.bincount(flat, minlength=n_words * n_contexts).astype(np.float32)
    return counts.reshape(n_words, n_contexts)


def _reduce(np, matrix, dims: int, seed: int):
    # Positive PMI tames the frequent contexts; a randomised SVD keeps the strongest directions.
    total = matrix.sum()
    row = matrix.sum(axis=1, keepdims=True) + 1e-9
    col = matrix.sum(axis=0, keepdims=True) + 1e-9
    with np.errstate(divide="ignore"):
        pmi = np.log(matrix * total / (row * col))
    ppmi = np.maximum(pmi, 0).astype(np.float32)
    rng = np.random.RandomState(seed)
    sketch = ppmi @ rng.standard_normal((ppmi.shape[1], dims + 20)).astype(np.float32)
    basis, _ = np.linalg.qr(sketch)
    small = basis.T @ ppmi
    u, s, _ = np.linalg.svd(small, full_matrices=False)
    vectors = (basis @ u[:, :dims]) * np.sqrt(s[:dims])
    norms = np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-9
    return (vectors / norms).astype(np.float64)


def _kmeans(np, vectors, k: int, seed: int, rounds: int = 15):
    rng = np.random.RandomState(seed + k)
    centres = vectors[rng.choice(len(vectors), size=k, replace=False)]
    for _ in range(rounds):
        assign = np.argmax(vectors @ centres.T, axis=1)  # cosine: vectors are unit length
        for c in range(k):
            members = vectors[assign == c]
            if len(members):
                mean = members.sum(axis=0)
                centres[c] = mean / (np.linalg.norm(mean) + 1e-9)
    return np.argmax(vectors @ centres.T, axis=1)
