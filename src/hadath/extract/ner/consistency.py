"""Document-level consistency: a name the tagger found once is a name where it recurs.

News names a person or body in full once and then repeats it, or only the surname, in later
sentences where the context is weaker ("\u0648\u0642\u0627\u0644 X", and X said). The
sentence tagger misses many of those repeats; this pass, run after it over one document,
tags them:

- a name tagged with different types in the document takes the type it got most often
  (ties keep each tag as it is);
- a name of two or more words tagged anywhere in the document is tagged wherever the same
  words recur untagged (the first word may carry other clitics: wa-l-ittihad al-urubbi
  after al-ittihad al-urubbi), with the type it was tagged with most often; so is a
  one-word name the tagger found at least twice in the document;
- the last word of a person's name tagged in a nearby sentence (`window` sentences before
  or after) is tagged B-PER where it stands alone untagged. Words with the article al- are
  left out: beside a few surnames (al-Aqqad) they are mostly nisbas and common nouns the
  tagger put inside a name (al-islam in "Saif al-Islam").

Measured on NewsFANE slices with the sentences around each one as its document (see
notes/ner.md): +0.015 and +0.008 entity F1 (overlap) on two development slices, mostly
PER recall.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Sequence

from hadath.extract.ner.features import normalise_word, strip_candidates
from hadath.extract.ner.scoring import bio_entities

__all__ = ["SURNAME_WINDOW", "propagate_names"]

# Sentences before and after a sentence in which a tagged surname counts. Wider windows
# lowered precision on the development slice (0.830 at 3, 0.815 at 15, 0.799 at 40): the
# corpora mark no article boundaries, and even within one article a surname drifts.
SURNAME_WINDOW = 3
_MIN_SURNAME_LETTERS = 3
_ARTICLE = "\u0627\u0644"  # ALEF LAM
_PERSON = "PER"
_ALEF_MAKSURA = "\u0649"
# A one-word name is tagged where it recurs only if the tagger found it this many times in
# the document: once let single mistakes spread (70-85% slice: -0.004 with LOC and ORG),
# twice gained +0.005 on both development slices, three times +0.000 / +0.004.
_MIN_ONE_WORD_TAGS = 2

Key = tuple[str, ...]  # normalised words of a name


@functools.lru_cache(maxsize=65536)
def _word_readings(word: str) -> tuple[frozenset[str], frozenset[str]]:
    """The word and its clitic-stripped stems, normalised: all of them, and those with only
    a conjunction or preposition stripped. A surname does not recur with the article (a
    bride, \u0639\u0631\u0648\u0633, tagged as a name once does not make the bride,
    \u0627\u0644\u0639\u0631\u0648\u0633, a person), so surnames match the second set."""
    readings = strip_candidates(normalise_word(word))
    every = frozenset(stem for _, stem in readings)
    bare = frozenset(stem for prefix, stem in readings if not prefix.endswith(_ARTICLE))
    return every, bare


def _readings(word: str) -> frozenset[str]:
    return _word_readings(word)[0]


def _majority(counts: Counter[str]) -> str:
    return max(sorted(counts), key=counts.__getitem__)


def _vote_types(
    sentences: Sequence[Sequence[str]], tags: Sequence[Sequence[str]],
    spans: Sequence[Sequence[tuple[int, int, str]]],
) -> tuple[list[list[str]], list[list[tuple[int, int, str]]]]:
    """Each tagged name retyped to the type its words got most often in the document;
    the tags and the spans, retyped."""
    found = [
        [(start, end, kind, tuple(map(normalise_word, words[start:end])))
         for start, end, kind in sentence_spans]
        for words, sentence_spans in zip(sentences, spans, strict=True)
    ]
    votes: dict[Key, Counter[str]] = {}
    for entities in found:
        for _, _, kind, key in entities:
            votes.setdefault(key, Counter())[kind] += 1
    out, retyped = [], []
    for sentence_tags, entities in zip(tags, found, strict=True):
        fixed = list(sentence_tags)
        kinds = []
        for start, end, kind, key in entities:
            best = _majority(votes[key])
            if votes[key][best] > votes[key][kind]:
                fixed[start:end] = ["B-" + best] + ["I-" + best] * (end - start - 1)
                kind = best
            kinds.append((start, end, kind))
        out.append(fixed)
        retyped.append(kinds)
    return out, retyped


def _collect(
    sentences: Sequence[Sequence[str]], spans: Sequence[Sequence[tuple[int, int, str]]]
) -> tuple[dict[str, dict[Key, Counter[str]]], list[set[str]], set[str]]:
    """Multi-word names by each reading of their first word; per sentence, its surnames;
    the surnames written with a final alef maksura somewhere in the document."""
    by_first: dict[str, dict[Key, Counter[str]]] = {}
    surnames: list[set[str]] = []
    maksura: set[str] = set()
    for words, sentence_spans in zip(sentences, spans, strict=True):
        found: set[str] = set()
        for start, end, kind in sentence_spans:
            if end - start > 1 or len(normalise_word(words[start])) >= _MIN_SURNAME_LETTERS:
                rest = tuple(normalise_word(w) for w in words[start + 1 : end])
                for first in _readings(words[start]):
                    by_first.setdefault(first, {}).setdefault(rest, Counter())[kind] += 1
            if kind == _PERSON:
                last = normalise_word(words[end - 1])
                if len(last) >= _MIN_SURNAME_LETTERS and not last.startswith(_ARTICLE):
                    found.add(last)
                    if words[end - 1].endswith(_ALEF_MAKSURA):
                        maksura.add(last)
        surnames.append(found)
    return by_first, surnames, maksura


def _candidates(
    sentences: Sequence[Sequence[str]], firsts: set[str], surnames: set[str]
) -> set[str]:
    """The document's words that could start a repeat or be a surname anywhere in it: the
    only words `_fix_sentence` needs to look at."""
    keys = tuple(firsts | surnames)
    if not keys:
        return set()
    vocabulary = list(set().union(*sentences))
    # Every reading is the normalised word less its proclitics, so a word can match only
    # if its normalised form ends with a key: one C-level test per word, on one
    # normalisation of the whole vocabulary (normalising never makes or drops a newline).
    normalised = normalise_word("\n".join(vocabulary)).split("\n")
    maybe = [word for word, norm in zip(vocabulary, normalised, strict=True)
             if norm.endswith(keys)]
    return {word for word, (every, bare) in zip(maybe, map(_word_readings, maybe), strict=True)
            if not (every.isdisjoint(firsts) and bare.isdisjoint(surnames))}


def _longest_repeat(
    words: Sequence[str], tags: list[str], i: int, names: dict[Key, Counter[str]]
) -> tuple[int, str] | None:
    """(length, type) of the longest untagged name starting at `i` whose first word fits."""
    best: tuple[int, str] | None = None
    for rest, counts in names.items():
        if not rest and sum(counts.values()) < _MIN_ONE_WORD_TAGS:
            continue
        end = i + 1 + len(rest)
        if end > len(words) or (best is not None and len(rest) + 1 <= best[0]):
            continue
        fits = all(t == "O" for t in tags[i + 1 : end]) and all(
            normalise_word(w) == r for w, r in zip(words[i + 1 : end], rest, strict=True)
        )
        if fits:
            best = (len(rest) + 1, _majority(counts))
    return best


def _fix_sentence(
    words: Sequence[str],
    tags: list[str],
    by_first: dict[str, dict[Key, Counter[str]]],
    surnames: set[str],
    candidates: set[str],
    maksura: set[str],
) -> None:
    """Repeats of the document's names and surnames of nearby persons tagged in place.

    Normalising folds alef maksura into yeh, so the preposition على reads as the name
    علي; a word written with a final alef maksura takes only a surname written so too
    (موسى)."""
    firsts = by_first.keys()
    resume = 0  # words before this were just tagged as a repeat
    for i in [i for i, word in enumerate(words) if word in candidates]:
        if i < resume or tags[i] != "O":
            continue
        best = None
        readings, bare = _word_readings(words[i])
        for first in readings & firsts:
            found = _longest_repeat(words, tags, i, by_first[first])
            if found is not None and (best is None or found[0] > best[0]):
                best = found
        if best is not None:
            length, kind = best
            tags[i : i + length] = ["B-" + kind] + ["I-" + kind] * (length - 1)
            resume = i + length
        elif not surnames.isdisjoint(bare) and not (
                words[i].endswith(_ALEF_MAKSURA) and maksura.isdisjoint(bare & surnames)):
            tags[i] = "B-" + _PERSON


def propagate_names(
    sentences: Sequence[Sequence[str]],
    tags: Sequence[Sequence[str]],
    window: int = SURNAME_WINDOW,
) -> list[list[str]]:
    """`tags` of one document's sentences, names retyped by majority and untagged repeats
    of them tagged.

    Args:
        sentences: the raw words of each sentence, in document order.
        tags: the tagger's BIO tags for them.
        window: how many sentences before and after a sentence lend it their surnames.
    """
    tags, spans = _vote_types(sentences, tags, [bio_entities(t) for t in tags])
    by_first, surnames, maksura = _collect(sentences, spans)
    candidates = _candidates(sentences, set(by_first), set().union(*surnames))
    out = []
    for n, (words, sentence_tags) in enumerate(zip(sentences, tags, strict=True)):
        fixed = list(sentence_tags)
        if not candidates.isdisjoint(words):
            nearby = set().union(*surnames[max(0, n - window) : n + window + 1])
            _fix_sentence(words, fixed, by_first, nearby, candidates, maksura)
        out.append(fixed)
    return out
