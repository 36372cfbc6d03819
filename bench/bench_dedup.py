"""Near-duplicate articles on a corpus: how many pairs at each similarity, and what LSH finds.

Takes the first --limit articles in publication order (so syndicated copies, which
appear within days of each other, stay together), computes every pair's exact
Jaccard similarity of word shingles (an inverted index over the shingles: no pair
sharing one is missed), and the pairs the store's LSH bands make candidates with
their signature similarity. Prints pairs per similarity bin, the LSH recall at the
threshold, the fingerprint time per article, and --show sample pairs near a bin.
--store also fills a store with the articles (no coding) and times Store.add with
and without the near-duplicate linking.

usage: python bench/bench_dedup.py ../shared/corpora/ant/articles.jsonl [--limit 5000] [--skip 0]
       [--show 0.4] [--samples 8] [--list] [--store]
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

from hadath.store import duplicates
from hadath.store.duplicates import duplicate_threshold
from hadath.store.fingerprint import (
    band_keys,
    fingerprint,
    shingle_hashes,
    signature_similarity,
)
from hadath.store.sqlite import Store

_COMMON = 40  # shingles in more articles than this are boilerplate: no pair is found by them


def _articles(path: Path, limit: int, skip: int = 0) -> list[dict]:
    with path.open(encoding="utf-8") as stream:
        rows = [json.loads(line) for line in stream]
    rows.sort(key=lambda r: (r.get("published") or "9999", r["id"]))
    return rows[skip:skip + limit]


def _exact_pairs(shingles: list[set[int]]) -> dict[tuple[int, int], float]:
    index: dict[int, list[int]] = defaultdict(list)
    for number, hashes in enumerate(shingles):
        for h in hashes:
            index[h].append(number)
    shared: Counter[tuple[int, int]] = Counter()
    for holders in index.values():
        if 1 < len(holders) <= _COMMON:
            shared.update(itertools.combinations(holders, 2))
    pairs = {}
    for (a, b), _ in shared.items():
        inter = len(shingles[a] & shingles[b])
        pairs[(a, b)] = inter / (len(shingles[a]) + len(shingles[b]) - inter)
    return pairs


def _linked(rows: list[dict], pair: tuple[int, int], jaccard: float) -> bool:
    a, b = pair
    return jaccard >= duplicate_threshold(rows[a].get("source"), rows[b].get("source"))


def _lsh_pairs(signatures: list[bytes | None]) -> dict[tuple[int, int], float]:
    buckets: dict[int, list[int]] = defaultdict(list)
    for number, signature in enumerate(signatures):
        if signature is not None:
            for key in band_keys(signature):
                buckets[key].append(number)
    pairs = {}
    for holders in buckets.values():
        for a, b in itertools.combinations(sorted(set(holders)), 2):
            if (a, b) not in pairs:
                pairs[(a, b)] = signature_similarity(signatures[a], signatures[b])
    return pairs


def _doc(row: dict) -> dict:
    return {"id": row["id"], "title": row.get("title"), "published": row.get("published"),
            "source": row.get("source"), "url": row.get("url"), "text": row["text"],
            "entities": [], "actors": [], "events": [], "quotes": [], "hadath": {"version": "b"}}


def _time_store(rows: list[dict], linked: list[tuple[int, int]]) -> None:
    """Store.add per article with linking, then without (bands and links; still fingerprinted)."""
    for label, link in (("with linking", True), ("without linking", False)):
        with tempfile.TemporaryDirectory() as folder:
            store = Store(Path(folder) / "d.sqlite")
            linker = duplicates.link_article
            if not link:
                duplicates.link_article = lambda *args, **kwargs: None
            started = time.perf_counter()
            for row in rows:
                store.add(_doc(row))
            seconds = time.perf_counter() - started
            duplicates.link_article = linker
            copies = store.query("SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL")
            stories = store.query("SELECT count(DISTINCT coalesce(duplicate_of, id)) FROM articles")
            store.close()
        print(f"Store.add {label}: {seconds / len(rows) * 1000:.2f} ms/article; "
              f"{copies[0][0]} articles are copies, {stories[0][0]} stories")
    # The pairs above, as clusters: each cluster has one story and its other articles are copies.
    parent = list(range(len(rows)))

    def find(node: int) -> int:
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for a, b in linked:
        parent[find(a)] = find(b)
    print(f"expected from the pairs: {len(rows) - len({find(n) for n in range(len(rows))})} "
          "articles are copies")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--limit", type=int, default=5000)
    parser.add_argument("--skip", type=int, default=0, help="start after this many articles")
    parser.add_argument("--show", type=float, default=None, help="print pairs near this")
    parser.add_argument("--samples", type=int, default=8)
    parser.add_argument("--list", action="store_true", help="print every linked pair's titles")
    parser.add_argument("--store", action="store_true",
                        help="also time Store.add with and without near-duplicate linking")
    args = parser.parse_args()
    rows = _articles(args.corpus, args.limit, args.skip)
    timings = []
    for _ in range(3):
        started = time.perf_counter()
        signatures = [fingerprint(r["text"]) for r in rows]
        timings.append((time.perf_counter() - started) / len(rows) * 1000)
    shingles = [shingle_hashes(r["text"]) for r in rows]
    exact = _exact_pairs(shingles)
    lsh = _lsh_pairs(signatures)
    print(f"{len(rows)} articles, fingerprint {min(timings):.2f}-{max(timings):.2f} ms/article "
          f"(3 runs), {len(lsh)} LSH candidate pairs")
    print("jaccard  exact pairs  LSH candidates  linked  cross-outlet")
    for low in (0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9):
        inside = [p for p, j in exact.items() if low <= j < low + 0.1]
        found = sum(p in lsh for p in inside)
        linked = sum(p in lsh and _linked(rows, p, j) for p, j in exact.items()
                     if low <= j < low + 0.1)
        cross = sum(rows[a]["source"] != rows[b]["source"] for a, b in inside)
        print(f"{low:.1f}-{low + 0.1:.1f}  {len(inside):11d}  {found:14d}  {linked:6d}  "
              f"{cross:12d}")
    linked = [p for p in lsh if _linked(rows, p, exact.get(p, 0))]
    missed = [p for p, j in exact.items() if _linked(rows, p, j) and p not in lsh]
    print(f"linked: {len(linked)} pairs ({len(missed)} pairs over the threshold missed by LSH)")
    if args.list:
        for a, b in sorted(linked, key=lambda p: exact[p]):
            print(f"{exact[(a, b)]:.2f} {rows[a]['source']}/{rows[b]['source']} "
                  f"{rows[a]['published'][:10]}/{rows[b]['published'][:10]} | "
                  f"{rows[a]['title'][:60]} || {rows[b]['title'][:60]}")
    if args.store:
        _time_store(rows, linked)
    if args.show is not None:
        near = sorted(p for p, j in exact.items() if abs(j - args.show) < 0.05)
        for a, b in random.Random(0).sample(near, min(args.samples, len(near))):
            print(f"\n== J={exact[(a, b)]:.2f} sig={lsh.get((a, b), 0):.2f} "
                  f"{rows[a]['id']} ({rows[a]['source']}) / {rows[b]['id']} ({rows[b]['source']})")
            print("  A:", rows[a]["title"], "|", rows[a]["text"][:300].replace("\n", " "))
            print("  B:", rows[b]["title"], "|", rows[b]["text"][:300].replace("\n", " "))


if __name__ == "__main__":
    main()
