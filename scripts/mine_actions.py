"""Mine action-lexicon candidates from the ANT corpus and check the lexicon's coverage.

Two commands:

  mine      tokenize every article (hadath.text.tokenize), split it into
            sentences, and count in "political" sentences (those naming a
            country, capital, nisba or organisation word) the folded lemmas and
            norms of Arabic tokens and the bigrams/trigrams of norms. Writes
            lemmas.tsv, norms.tsv, bigrams.tsv, trigrams.tsv (count, form) to
            OUT_DIR, plus upetrarch.tsv: the verbs of the uPETRARCH Arabic
            verb dictionary (a candidate source only: partly machine
            translated and wrong in places) with their corpus counts.
  coverage  read a list of verb patterns (one per line), catch corpus words
            that contain a verb's letters (a net independent of the matcher,
            see `verb_cores`), and write a random sample of 200 with what the
            action matcher (hadath.lexicon.actions) makes of each, for hand
            checking (sample.tsv): the matcher's recall on real inflections.

Usage:
  python scripts/mine_actions.py mine [--corpus PATH] [--out DIR]
  python scripts/mine_actions.py coverage WORDS.tsv [--corpus PATH] [--out DIR]
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from hadath.lexicon.countries import load_countries
from hadath.lexicon.organisations import load_organisations
from hadath.text import fold_str, split_sentences, tokenize

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT / ".." / "shared" / "corpora" / "ant" / "articles.jsonl"
DEFAULT_UPETRARCH = (
    ROOT / ".." / "shared" / "reference" / "upetrarch_arabic" / "CAMEO.ar.0.5.txt"
)
DEFAULT_OUT = Path("/tmp/hadath_mine_actions")
TOP = 8000  # rows kept per count file
_ARTICLE = "\u0627\u0644"  # alef lam
# uPETRARCH verb block header "--- VERB [code] ---" and synonym lines "VERB   # gloss".
_UP_HEADER_RE = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]\s+---")
_UP_SYNONYM_RE = re.compile(r"^([^\s#\-+&][^#\[]*?)\s*(?:\[([0-9]+)\])?\s*#")


def articles(corpus: Path) -> Iterator[dict]:
    with corpus.open(encoding="utf-8") as lines:
        for line in lines:
            yield json.loads(line)


def political_words() -> frozenset[str]:
    """Single-word folded forms of countries, capitals, nisbas, organisations (without ال)."""
    words: set[str] = set()
    for form, _match in load_countries().forms():
        if " " not in form:
            words.add(form[2:] if form.startswith(_ARTICLE) else form)
    for phrase, _entry in load_organisations().phrases():
        if " " not in phrase:
            words.add(phrase[2:] if phrase.startswith(_ARTICLE) else phrase)
    return frozenset(w for w in words if len(w) > 2)


def mine(corpus: Path, out: Path) -> None:
    political = political_words()
    lemmas: Counter[str] = Counter()
    norms: Counter[str] = Counter()
    bigrams: Counter[str] = Counter()
    trigrams: Counter[str] = Counter()
    sentences = kept = 0
    for record in articles(corpus):
        text = record.get("text", "")
        for sentence in split_sentences(text):
            sentences += 1
            tokens = [t for t in tokenize(text, sentence.start, sentence.end) if t.is_arabic]
            norms_here = [t.norm for t in tokens]
            if not political.intersection(norms_here):
                continue
            kept += 1
            lemmas.update(fold_str(t.lemma) for t in tokens)
            norms.update(norms_here)
            bigrams.update(" ".join(p) for p in itertools.pairwise(norms_here))
            trigrams.update(
                " ".join(p)
                for p in zip(norms_here, norms_here[1:], norms_here[2:], strict=False)
            )
    out.mkdir(parents=True, exist_ok=True)
    for name, counts in (("lemmas", lemmas), ("norms", norms), ("bigrams", bigrams),
                         ("trigrams", trigrams)):
        with (out / f"{name}.tsv").open("w", encoding="utf-8") as handle:
            for form, count in counts.most_common(TOP):
                handle.write(f"{count}\t{form}\n")
    write_upetrarch(out, lemmas, norms)
    print(f"{sentences} sentences, {kept} political; counts in {out}")


def upetrarch_verbs(path: Path = DEFAULT_UPETRARCH) -> Counter[str]:
    """Verb forms in the uPETRARCH verb-pattern section, with how many blocks name them."""
    verbs: Counter[str] = Counter()
    in_verbs = False
    for line in path.read_text(encoding="utf-8").splitlines():
        if "VERB PATTERNS" in line:
            in_verbs = True
            continue
        if not in_verbs:
            continue
        header = _UP_HEADER_RE.match(line)
        if header:
            verbs[fold_str(header.group(1)).split("+")[0]] += 1
            continue
        synonym = _UP_SYNONYM_RE.match(line)
        if synonym and not line.startswith("-"):
            verbs[fold_str(synonym.group(1).strip()).split("+")[0]] += 1
    return verbs


def write_upetrarch(out: Path, lemmas: Counter[str], norms: Counter[str]) -> None:
    if not DEFAULT_UPETRARCH.exists():
        return
    verbs = upetrarch_verbs()
    rows = sorted(verbs, key=lambda v: -(lemmas[v] + norms[v]))
    with (out / "upetrarch.tsv").open("w", encoding="utf-8") as handle:
        for verb in rows:
            handle.write(f"{lemmas[verb]}\t{norms[verb]}\t{verb}\n")


def verb_cores(pattern: str) -> set[str]:
    """Letter strings every inflection of a verb contains, found without the matcher.

    The past stem without a leading alef (اعتقل -> عتقل) and the generated 3rd person
    present without its prefix (زار -> زور, التقى -> لتقي): a loose net whose catch is
    hand-checked.
    """
    from hadath.lexicon.actions import verb_forms

    past = fold_str(pattern)
    cores = {past[1:] if past.startswith("\u0627") and len(past) > 3 else past}  # alef
    cores |= {f[1:] for f in verb_forms(pattern) if f.startswith("\u064a") and len(f) > 3}
    if past.endswith("\u064a"):  # defective (ى folded to yeh): التقت has no yeh
        cores.add(past[:-1] + "\u062a")  # + teh
    return {c for c in cores if len(c) >= 3}


def coverage(
    words_file: Path, corpus: Path, out: Path, sample_size: int = 200, max_articles: int = 4000
) -> None:
    """Sample corpus words that look like forms of the listed verbs, with the matcher's answer.

    WORDS.tsv: one verb pattern per line (first column). Writes sample.tsv
    (word, verb, matched patterns, context) for hand-checking and prints how
    many sampled words the matcher maps to that verb's entry.
    """
    from hadath.lexicon.actions import load_actions

    actions = load_actions()
    verbs = [line.split("\t")[0] for line in words_file.read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#")]
    verb_of_core = {core: verb for verb in verbs for core in verb_cores(verb)}
    # one alternation, longest cores first, so a word is scanned once
    net = re.compile("|".join(sorted(map(re.escape, verb_of_core), key=len, reverse=True)))
    hits: list[tuple[str, str, str, str]] = []
    for number, record in enumerate(articles(corpus)):
        if number >= max_articles:
            break
        text = record.get("text", "")
        tokens = tokenize(text)
        for i, token in enumerate(tokens):
            caught = net.search(fold_str(token.text)) if token.is_arabic else None
            if caught is None:
                continue
            found = [m.entry.pattern for m in actions.match(tokens, i)]
            context = text[max(0, token.start - 30) : token.end + 30].replace("\n", " ")
            hits.append((token.text, verb_of_core[caught.group()], "|".join(found), context))
    random.Random(4).shuffle(hits)
    sample = hits[:sample_size]
    out.mkdir(parents=True, exist_ok=True)
    with (out / "sample.tsv").open("w", encoding="utf-8") as handle:
        for row in sample:
            handle.write("\t".join(row) + "\n")
    mapped = sum(1 for _w, verb, found, _c in sample if verb in found.split("|"))
    print(f"{len(hits)} candidate words; sample of {len(sample)}: {mapped} mapped to their verb")
    print(f"hand-check {out / 'sample.tsv'}: mark which words really are forms of the verb")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("command", choices=("mine", "coverage"))
    parser.add_argument("words", nargs="?", type=Path)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    if args.command == "mine":
        mine(args.corpus, args.out)
    else:
        if args.words is None:
            parser.error("coverage needs a WORDS.tsv file")
        coverage(args.words, args.corpus, args.out)


if __name__ == "__main__":
    main()
