"""Speed of the text layer (fold, sentences, tokens) on ANT articles.

Usage: python bench/bench_text.py [N_ARTICLES] [path/to/articles.jsonl]
Prints chars/s, tokens/s and articles/s for each stage and for all three together.
The first pass warms the caches (word analyses, lemmas) and is timed apart.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from itertools import islice
from pathlib import Path

from hadath.text import fold, split_sentences, tokenize

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT / ".." / "shared" / "corpora" / "ant" / "articles.jsonl"


def load_texts(corpus: Path, count: int) -> list[str]:
    with corpus.open(encoding="utf-8") as lines:
        return [json.loads(line)["text"] for line in islice(lines, count)]


def timed(label: str, texts: list[str], run: Callable[[str], object], tokens: int) -> None:
    started = time.perf_counter()
    for text in texts:
        run(text)
    seconds = time.perf_counter() - started
    per_article_ms = 1000 * seconds / len(texts)
    print(
        f"{label:<28} {len(texts) / seconds:9.0f} articles/s  {per_article_ms:7.3f} ms/article"
        f"  {tokens / seconds:11.0f} tokens/s"
    )


def all_stages(text: str) -> None:
    fold(text)
    for sentence in split_sentences(text):
        tokenize(text, sentence.start, sentence.end)


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 500
    corpus = Path(sys.argv[2]) if len(sys.argv) > 2 else DEFAULT_CORPUS
    texts = load_texts(corpus, count)
    chars = sum(len(t) for t in texts)
    print(f"{len(texts)} articles, mean {chars / len(texts):.0f} chars")

    started = time.perf_counter()
    tokens = sum(len(tokenize(t)) for t in texts)
    cold = time.perf_counter() - started
    print(f"{tokens} tokens; cold-cache tokenize pass {1000 * cold / len(texts):.3f} ms/article")

    timed("fold", texts, fold, tokens)
    timed("split_sentences", texts, split_sentences, tokens)
    timed("tokenize (warm cache)", texts, tokenize, tokens)
    timed("fold + sentences + tokens", texts, all_stages, tokens)

    long_texts = [t for t in texts if len(t) >= 2500]
    if long_texts:
        sample = [t[:3000] for t in long_texts]
        timed(f"3,000-char fold ({len(sample)})", sample, fold, tokens=0)
        timed(f"3,000-char tokenize ({len(sample)})", sample, tokenize, tokens=0)


if __name__ == "__main__":
    main()
