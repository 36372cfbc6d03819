"""Near-duplicate articles in the store: each article's cluster and its earliest article.

Two articles are near-duplicates when the Jaccard similarity of their word
shingles (hadath.store.fingerprint) is at least DUPLICATE_JACCARD (from two
outlets) or DUPLICATE_JACCARD_SAME_SOURCE (from one outlet); a cluster is
a connected group of near-duplicates (a story and its syndicated or lightly
edited copies). `articles.duplicate_of` holds the cluster's earliest article
(by published, undated last, then id), NULL for that article itself and for
articles with no near-duplicate. Candidates come from the LSH bands in
`article_bands`; each is confirmed on the exact Jaccard of the two texts.

The clusters are the connected components of the near-duplicate pairs, which do
not depend on the order articles arrive in: a store filled in any order (or
resumed after a crash) ends with the same `duplicate_of` values. Every function
here runs inside the caller's transaction (the article's own).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from hadath.store.fingerprint import band_keys, fingerprint_of, shingle_hashes

__all__ = [
    "DUPLICATE_JACCARD",
    "DUPLICATE_JACCARD_SAME_SOURCE",
    "add_bands",
    "backfill",
    "cluster_of",
    "duplicate_threshold",
    "link_article",
    "link_new",
    "relink",
    "remove_bands",
    "story_of",
]

# Shingle Jaccard from which two articles are copies of one story. Chosen on 5,000 ANT
# articles (bench/bench_dedup.py): from 0.6 up, pairs from two outlets are the same story
# (syndicated or rewritten from one agency wire); between 0.4 and 0.6 many are different
# events that share a background paragraph.
DUPLICATE_JACCARD = 0.6
# Two articles of one outlet need more: an outlet reuses its own background paragraphs in
# every follow-up, and on ANT half of its own pairs between 0.6 and 0.85 are new events
# (a vote extended, then counted) under a new lead, not copies.
DUPLICATE_JACCARD_SAME_SOURCE = 0.85


def duplicate_threshold(source: str | None, other_source: str | None) -> float:
    """The Jaccard similarity from which two articles of these outlets are copies."""
    same = source is not None and source == other_source
    return DUPLICATE_JACCARD_SAME_SOURCE if same else DUPLICATE_JACCARD


class _Articles:
    """Shingle sets, outlets and band keys of stored articles, read once per linking."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.shingles: dict[str, set[int]] = {}
        self.sources: dict[str, str | None] = {}
        self.keys: dict[str, list[int]] = {}

    def remember(self, article_id: str, shingles: set[int], source: str | None,
                 signature: bytes | None, keys: list[int] | None = None) -> None:
        """Hold what is known of an article; `keys`: its band keys if already computed."""
        self.shingles[article_id] = shingles
        self.sources[article_id] = source
        if keys is None:
            keys = band_keys(signature) if signature else []
        self.keys[article_id] = keys

    def _read(self, article_id: str) -> None:
        row = self.conn.execute("SELECT text, source, fingerprint FROM articles WHERE id = ?",
                                (article_id,)).fetchone()
        text, source, signature = row if row else ("", None, None)
        self.remember(article_id, shingle_hashes(text), source, signature)

    def shingles_of(self, article_id: str) -> set[int]:
        if article_id not in self.shingles:
            self._read(article_id)
        return self.shingles[article_id]

    def source_of(self, article_id: str) -> str | None:
        if article_id not in self.sources:
            self._read(article_id)
        return self.sources[article_id]

    def keys_of(self, article_id: str) -> list[int]:
        if article_id not in self.keys:
            self._read(article_id)
        return self.keys[article_id]


def _jaccard(first: set[int], second: set[int]) -> float:
    if not first or not second:
        return 0.0
    shared = len(first & second)
    return shared / (len(first) + len(second) - shared)


def add_bands(conn: sqlite3.Connection, article_id: str, signature: bytes | None) -> list[int]:
    """Index the article's signature in the LSH bands; returns its band keys."""
    if signature is None:
        return []
    keys = band_keys(signature)
    conn.executemany("INSERT OR IGNORE INTO article_bands VALUES (?, ?)",
                     [(key, article_id) for key in keys])
    return keys


def remove_bands(conn: sqlite3.Connection, article_id: str) -> None:
    """Take a stored article out of the LSH bands (before its row goes)."""
    row = conn.execute("SELECT fingerprint FROM articles WHERE id = ?", (article_id,)).fetchone()
    if row is not None and row[0] is not None:
        conn.executemany("DELETE FROM article_bands WHERE band_key = ? AND article_id = ?",
                         [(key, article_id) for key in band_keys(row[0])])


def _neighbours(conn: sqlite3.Connection, article_id: str, articles: _Articles) -> list[str]:
    keys = articles.keys_of(article_id)
    if not keys:
        return []
    candidates = conn.execute(
        f"SELECT DISTINCT article_id FROM article_bands WHERE band_key IN "
        f"({','.join('?' * len(keys))}) AND article_id != ?", (*keys, article_id)).fetchall()
    own, source = articles.shingles_of(article_id), articles.source_of(article_id)
    return [c[0] for c in candidates
            if _jaccard(own, articles.shingles_of(c[0]))
            >= duplicate_threshold(source, articles.source_of(c[0]))]


def story_of(conn: sqlite3.Connection, article_id: str) -> str | None:
    """The id of the article's cluster's earliest article (itself if none), None if absent."""
    row = conn.execute("SELECT coalesce(duplicate_of, id) FROM articles WHERE id = ?",
                       (article_id,)).fetchone()
    return row[0] if row else None


def _earliest(conn: sqlite3.Connection, ids: Iterable[str]) -> str:
    ids = list(ids)
    marks = ",".join("?" * len(ids))
    return conn.execute(
        f"SELECT id FROM articles WHERE id IN ({marks}) "
        "ORDER BY published IS NULL, published, id LIMIT 1", ids).fetchone()[0]


def link_new(conn: sqlite3.Connection, article_id: str, articles: _Articles | None = None) -> None:
    """Join a just-stored article to the clusters of its near-duplicates (merging them).

    Args:
        articles: what is known of stored articles (the new one's shingles, a backfill's
            cache); read from the store when missing.
    """
    articles = articles or _Articles(conn)
    stories = {story_of(conn, n) for n in _neighbours(conn, article_id, articles)}
    stories.discard(None)
    if not stories:
        return  # stored with duplicate_of NULL
    root = _earliest(conn, {article_id, *stories})
    marks = ",".join("?" * len(stories))
    conn.execute(
        f"UPDATE articles SET duplicate_of = nullif(?, id) "
        f"WHERE id = ? OR id IN ({marks}) OR duplicate_of IN ({marks})",
        (root, article_id, *stories, *stories))


def link_article(conn: sqlite3.Connection, article_id: str, shingles: set[int],
                 source: str | None, signature: bytes | None,
                 old_cluster: list[str] | None = None) -> None:
    """Index a just-stored article and link it; `old_cluster` when it replaced an older text.

    A replaced article may leave its old cluster, and split it: those clusters are
    found again from scratch (relink).
    """
    keys = add_bands(conn, article_id, signature)
    articles = _Articles(conn)
    articles.remember(article_id, shingles, source, signature, keys)
    if old_cluster is None:
        link_new(conn, article_id, articles)
    else:
        relink(conn, [article_id, *old_cluster], articles)


def relink(conn: sqlite3.Connection, article_ids: Iterable[str],
           articles: _Articles | None = None) -> None:
    """Recompute the clusters holding these articles, following confirmed pairs."""
    articles = articles or _Articles(conn)
    seen: set[str] = set()
    for start in article_ids:
        if start in seen or story_of(conn, start) is None:
            continue
        component, queue = {start}, [start]
        while queue:
            for neighbour in _neighbours(conn, queue.pop(), articles):
                if neighbour not in component:
                    component.add(neighbour)
                    queue.append(neighbour)
        seen |= component
        root = _earliest(conn, component)
        marks = ",".join("?" * len(component))
        conn.execute(f"UPDATE articles SET duplicate_of = nullif(?, id) WHERE id IN ({marks})",
                     (root, *component))


def cluster_of(conn: sqlite3.Connection, article_id: str) -> list[str]:
    """Every article of the article's cluster, itself included."""
    story = story_of(conn, article_id)
    if story is None:
        return []
    rows = conn.execute("SELECT id FROM articles WHERE id = ? OR duplicate_of = ?",
                        (story, story)).fetchall()
    return [r[0] for r in rows]


def backfill(conn: sqlite3.Connection) -> None:
    """Fingerprint and link every stored article that has no fingerprint (migration 3)."""
    rows = conn.execute("SELECT id, text, source FROM articles WHERE fingerprint IS NULL "
                        "ORDER BY rowid").fetchall()
    articles = _Articles(conn)
    for article_id, text, source in rows:
        shingles = shingle_hashes(text)
        signature = fingerprint_of(shingles)
        conn.execute("UPDATE articles SET fingerprint = ? WHERE id = ?", (signature, article_id))
        add_bands(conn, article_id, signature)
        articles.remember(article_id, shingles, source, signature)
        link_new(conn, article_id, articles)
