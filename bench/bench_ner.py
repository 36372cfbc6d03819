"""Tagging speed of the NER tagger on raw words of ANT news articles.

    python bench/bench_ner.py [--articles 500] [--model PATH] [--profile]

Reads ../shared/corpora/ant/articles.jsonl (never committed); words are split on whitespace
and punctuation, one sentence per line of text. Reports tokens per second on one core,
feature extraction included, from a cold word cache and from a warm one: sentence by
sentence (`NerTagger.tag`), then article by article (`NerTagger.tag_document`, with the
document-level consistency pass) from a fresh tagger.
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

from hadath.extract.ner import NerModel, NerTagger
from hadath.extract.ner.clusters import split_words

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
ARTICLES = SHARED / "corpora" / "ant" / "articles.jsonl"


def load_documents(n_articles: int) -> list[list[list[str]]]:
    """Raw-word sentences (one per text line) of each of the first `n_articles` articles."""
    with ARTICLES.open(encoding="utf-8") as lines:
        texts = [json.loads(line)["text"] for line in itertools.islice(lines, n_articles)]
    return [
        [words for line in text.split("\n") if (words := split_words(line))] for text in texts
    ]


def tag_all(tagger: NerTagger, sentences: list[list[str]]) -> float:
    started = time.perf_counter()
    for words in sentences:
        tagger.tag(words)
    return time.perf_counter() - started


def tag_documents(tagger: NerTagger, documents: list[list[list[str]]]) -> float:
    started = time.perf_counter()
    for sentences in documents:
        tagger.tag_document(sentences)
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--model", type=Path, help="a model file (default: the packaged one)")
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    if not ARTICLES.exists():
        print(f"skipped: {ARTICLES} not present", file=sys.stderr)
        return 0
    documents = load_documents(args.articles)
    sentences = [words for sentences in documents for words in sentences]
    tokens = sum(map(len, sentences))
    started = time.perf_counter()
    if args.model:
        tagger = NerTagger(NerModel.from_bytes(args.model.read_bytes()))
    else:
        tagger = NerTagger.load()
    print(f"model loaded in {time.perf_counter() - started:.2f} s")
    if args.profile:
        cProfile.runctx("tag_all(tagger, sentences)", globals(), locals(), "/tmp/bench_ner.prof")
        pstats.Stats("/tmp/bench_ner.prof").sort_stats("cumulative").print_stats(12)
        return 0
    cold = tag_all(tagger, sentences)
    warm = tag_all(tagger, sentences)
    print(f"{args.articles} articles, {len(sentences)} sentences, {tokens} tokens")
    print(f"sentences, cold cache: {tokens / cold:,.0f} tokens/s ({cold:.2f} s)")
    print(f"sentences, warm cache: {tokens / warm:,.0f} tokens/s ({warm:.2f} s)")
    fresh = NerTagger(tagger.model)
    cold = tag_documents(fresh, documents)
    warm = tag_documents(fresh, documents)
    print(f"documents, cold cache: {tokens / cold:,.0f} tokens/s ({cold:.2f} s)")
    print(f"documents, warm cache: {tokens / warm:,.0f} tokens/s ({warm:.2f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
