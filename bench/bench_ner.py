"""Tagging speed of the NER tagger on raw words of ANT news articles.

    python bench/bench_ner.py [--articles 500] [--profile]

Reads ../shared/corpora/ant/articles.jsonl (never committed); words are split on whitespace
and punctuation, one sentence per line of text. Reports tokens per second on one core,
feature extraction included, from a cold word cache and from a warm one.
"""

from __future__ import annotations

import argparse
import cProfile
import itertools
import json
import pstats
import sys
import time
from pathlib import Path

from hadath.extract.ner import NerTagger
from hadath.extract.ner.clusters import split_words

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
ARTICLES = SHARED / "corpora" / "ant" / "articles.jsonl"


def load_sentences(n_articles: int) -> list[list[str]]:
    """Raw-word sentences (one per text line) of the first `n_articles` articles."""
    with ARTICLES.open(encoding="utf-8") as lines:
        texts = [json.loads(line)["text"] for line in itertools.islice(lines, n_articles)]
    return [words for text in texts for line in text.split("\n") if (words := split_words(line))]


def tag_all(tagger: NerTagger, sentences: list[list[str]]) -> float:
    started = time.perf_counter()
    for words in sentences:
        tagger.tag(words)
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    if not ARTICLES.exists():
        print(f"skipped: {ARTICLES} not present", file=sys.stderr)
        return 0
    sentences = load_sentences(args.articles)
    tokens = sum(map(len, sentences))
    started = time.perf_counter()
    tagger = NerTagger.load()
    print(f"model loaded in {time.perf_counter() - started:.2f} s")
    if args.profile:
        cProfile.runctx("tag_all(tagger, sentences)", globals(), locals(), "/tmp/bench_ner.prof")
        pstats.Stats("/tmp/bench_ner.prof").sort_stats("cumulative").print_stats(12)
        return 0
    cold = tag_all(tagger, sentences)
    warm = tag_all(tagger, sentences)
    print(f"{args.articles} articles, {len(sentences)} sentences, {tokens} tokens")
    print(f"cold cache: {tokens / cold:,.0f} tokens/s ({cold:.2f} s)")
    print(f"warm cache: {tokens / warm:,.0f} tokens/s ({warm:.2f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
