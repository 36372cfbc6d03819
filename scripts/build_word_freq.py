"""Build src/hadath/text/data/word_freq.tsv: Arabic word-form counts from the ANT corpus.

The tokenizer uses these counts to tell a clitic from a stem's first letter
(و + الجزائر, but وزير whole). Forms are counted after `strip_marks` (harakat
and tatweel dropped, hamza and ta marbuta kept), titles and texts together;
forms seen fewer than MIN_COUNT times are left out to keep the file small.

Usage: python scripts/build_word_freq.py [../shared/corpora/ant/articles.jsonl]
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from datetime import date
from pathlib import Path

from hadath.text.fold import strip_marks

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT / ".." / "shared" / "corpora" / "ant" / "articles.jsonl"
OUT = ROOT / "src" / "hadath" / "text" / "data" / "word_freq.tsv"
MIN_COUNT = 5
VERSION = 1
# Runs of Arabic letters (hamza .. ghain, feh .. yeh, alef wasla .. yeh barree).
_WORD_RE = re.compile("[\u0621-\u063a\u0641-\u064a\u0671-\u06d3]+")


def count_forms(corpus: Path) -> tuple[Counter[str], int]:
    """Count stripped Arabic word forms in every article's title and text."""
    counts: Counter[str] = Counter()
    articles = 0
    with corpus.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            body = strip_marks(f"{record.get('title', '')}\n{record.get('text', '')}")
            counts.update(_WORD_RE.findall(body))
            articles += 1
    return counts, articles


def write_table(counts: Counter[str], articles: int, out: Path) -> int:
    """Write forms seen at least MIN_COUNT times, most frequent first; return rows written."""
    rows = [(form, n) for form, n in counts.most_common() if n >= MIN_COUNT and len(form) > 1]
    header = [
        "# word_freq.tsv: Arabic word-form counts for clitic segmentation (hadath.text.tokens)",
        f"# version: {VERSION} ({date.today().isoformat()})",
        "# columns: form  count",
        f"# sources: ANT corpus, {articles} articles (titles and texts), forms after strip_marks,"
        f" count >= {MIN_COUNT}; built by scripts/build_word_freq.py",
    ]
    body = [f"{form}\t{n}" for form, n in rows]
    out.write_text("\n".join([*header, *body]) + "\n", encoding="utf-8")
    return len(rows)


def main() -> None:
    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_CORPUS
    counts, articles = count_forms(corpus)
    written = write_table(counts, articles, OUT)
    print(f"{written} forms from {articles} articles -> {OUT}")


if __name__ == "__main__":
    main()
