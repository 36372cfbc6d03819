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
    "backfill",
    "cluster_of",
    "duplicate_threshold",
    "index_article",
    "link_new",
    "relink",
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


class _Shingles:
    """Shingle sets and outlets of stored articles, read once per linking."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.known: dict[str, set[int]] = {}
        self.sources: dict[str, str | None] = {}

    def get(self, article_id: str) -> set[int]:
        if article_id not in self.known:
            row = self.conn.execute("SELECT text, source FROM articles WHERE id = ?",
                                    (article_id,)).fetchone()
            self.known[article_id] = shingle_hashes(row[0]) if row else set()
            self.sources[article_id] = row[1] if row else None
        return self.known[article_id]

    def source(self, article_id: str) -> str | None:
        if article_id not in self.sources:
            row = self.conn.execute("SELECT source FROM articles WHERE id = ?",
                                    (article_id,)).fetchone()
            self.sources[article_id] = row[0] if row else None
        return self.sources[article_id]


def _jaccard(first: set[int], second: set[int]) -> float:
    if not first or not second:
        return 0.0
    shared = len(first & second)
    return shared / (len(first) + len(second) - shared)


def index_article(conn: sqlite3.Connection, article_id: str, signature: bytes | None) -> None:
    """Write the article's fingerprint and its LSH band keys."""
    conn.execute("UPDATE articles SET fingerprint = ? WHERE id = ?", (signature, article_id))
    conn.execute("DELETE FROM article_bands WHERE article_id = ?", (article_id,))
    if signature is not None:
        conn.executemany("INSERT OR IGNORE INTO article_bands VALUES (?, ?)",
                         [(key, article_id) for key in band_keys(signature)])


def _neighbours(conn: sqlite3.Connection, article_id: str, shingles: _Shingles) -> list[str]:
    candidates = conn.execute(
        "SELECT DISTINCT b.article_id FROM article_bands AS b "
        "JOIN article_bands AS mine ON mine.band_key = b.band_key "
        "WHERE mine.article_id = ? AND b.article_id != ?", (article_id, article_id)).fetchall()
    own, source = shingles.get(article_id), shingles.source(article_id)
    return [c[0] for c in candidates
            if _jaccard(own, shingles.get(c[0]))
            >= duplicate_threshold(source, shingles.source(c[0]))]


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


def link_new(conn: sqlite3.Connection, article_id: str, own: set[int] | None = None,
             shingles: _Shingles | None = None) -> None:
    """Join a just-indexed article to the clusters of its near-duplicates (merging them).

    Args:
        own: the article's shingle hashes, when the caller has them.
        shingles: shingle sets already read (a backfill reuses them).
    """
    shingles = shingles or _Shingles(conn)
    if own is not None:
        shingles.known[article_id] = own
    stories = {story_of(conn, n) for n in _neighbours(conn, article_id, shingles)}
    stories.discard(None)
    if not stories:
        conn.execute("UPDATE articles SET duplicate_of = NULL WHERE id = ?", (article_id,))
        return
    root = _earliest(conn, {article_id, *stories})
    marks = ",".join("?" * len(stories))
    conn.execute(
        f"UPDATE articles SET duplicate_of = nullif(?, id) "
        f"WHERE id = ? OR id IN ({marks}) OR duplicate_of IN ({marks})",
        (root, article_id, *stories, *stories))


def relink(conn: sqlite3.Connection, article_ids: Iterable[str]) -> None:
    """Recompute the clusters holding these articles from scratch (after one changed).

    A changed article may leave its cluster, and split it: each connected component
    is found again by following confirmed near-duplicate pairs.
    """
    shingles = _Shingles(conn)
    seen: set[str] = set()
    for start in article_ids:
        if start in seen or story_of(conn, start) is None:
            continue
        component, queue = {start}, [start]
        while queue:
            for neighbour in _neighbours(conn, queue.pop(), shingles):
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
    rows = conn.execute("SELECT id, text FROM articles WHERE fingerprint IS NULL "
                        "ORDER BY rowid").fetchall()
    shingles = _Shingles(conn)
    for article_id, text in rows:
        hashes = shingle_hashes(text)
        index_article(conn, article_id, fingerprint_of(hashes))
        link_new(conn, article_id, hashes, shingles)
