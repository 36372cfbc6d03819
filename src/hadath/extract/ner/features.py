"""Word features for the named-entity tagger: normalised form, clitic-stripped stems, affixes.

Features depend on the word alone, so the tagger computes them once per distinct word and
reuses them at every position (see `model.py`). Context comes from scoring the same features
at offsets -2..+2 around each token.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

__all__ = [
    "BOUNDARY_PARTS",
    "BOUNDARY_WORD",
    "PAIR_KINDS",
    "normalise_word",
    "pair_features",
    "pair_parts",
    "strip_candidates",
    "word_features",
    "word_features_and_parts",
]

# Stands for the words beyond either end of a sentence.
BOUNDARY_WORD = "<s>"
# What a pair feature knows of a word: its shortest stem and its gazetteer classes.
PairParts = tuple[str, tuple[str, ...]]
BOUNDARY_PARTS: PairParts = (BOUNDARY_WORD, ())
# Prefixes of the features of a word with the word before it (see `pair_features`).
PAIR_KINDS = ("bg=", "pc=", "cn=", "gg=")

_ALEF = "\u0627"  # ARABIC LETTER ALEF
_YEH = "\u064a"  # ARABIC LETTER YEH
_HEH = "\u0647"  # ARABIC LETTER HEH

# Harakat, superscript alef, tatweel and direction marks carry no evidence about names.
_DROPPED = (
    [chr(c) for c in range(0x064B, 0x0653)]  # FATHATAN .. MADDAH ABOVE
    + ["\u0670", "\u0640"]  # SUPERSCRIPT ALEF, TATWEEL
    + ["\u200e", "\u200f", "\u200c", "\u200d", "\ufeff"]  # LRM, RLM, ZWNJ, ZWJ, BOM
)
_FOLDED = {
    "\u0623": _ALEF,  # ALEF WITH HAMZA ABOVE
    "\u0625": _ALEF,  # ALEF WITH HAMZA BELOW
    "\u0622": _ALEF,  # ALEF WITH MADDA ABOVE
    "\u0671": _ALEF,  # ALEF WASLA
    "\u0649": _YEH,  # ALEF MAKSURA
    "\u0629": _HEH,  # TEH MARBUTA
    "\u06cc": _YEH,  # FARSI YEH, common in web text
    "\u06a9": "\u0643",  # KEHEH -> KAF
}
_NORMALISE_TABLE = str.maketrans({**dict.fromkeys(_DROPPED, None), **_FOLDED})

_WAW = "\u0648"  # ARABIC LETTER WAW
_FEH = "\u0641"  # ARABIC LETTER FEH
_BEH = "\u0628"  # ARABIC LETTER BEH
_LAM = "\u0644"  # ARABIC LETTER LAM
_KAF = "\u0643"  # ARABIC LETTER KAF
_ARTICLE = _ALEF + _LAM  # al-
_CONJUNCTIONS = ("", _WAW, _FEH)
_PREPOSITIONS = ("", _BEH, _LAM, _KAF)
_MIN_STEM = 2

_ARABIC_RE = re.compile("^[\u0621-\u064a]+$")  # HAMZA .. YEH
_DIGIT_RE = re.compile(r"^[\d\u0660-\u0669.,%/:-]+$")  # ASCII and ARABIC-INDIC DIGITS
_LATIN_RE = re.compile(r"^[A-Za-z][A-Za-z.'-]*$")
_HAS_WORD_CHAR_RE = re.compile(r"\w")


def normalise_word(word: str) -> str:
    """Drop diacritics and tatweel, fold alef forms to bare alef, alef maksura to yeh, teh
    marbuta to heh.

    Example: "\u0623\u064e\u0631\u0652\u062f\u064f\u0648\u063a\u064e\u0627\u0646" (Erdogan
    with harakat) -> "\u0627\u0631\u062f\u0648\u063a\u0627\u0646".
    """
    return word.translate(_NORMALISE_TABLE)


def strip_candidates(norm: str) -> list[tuple[str, str]]:
    """Every (proclitics, stem) reading of a normalised word, the bare word first.

    Proclitics follow Arabic order: conjunction (waw, feh), preposition (beh, lam, kaf),
    article (al-); lam + al- is spelt with a double lam. Stems keep at least two letters.
    Offering all readings lets "والجزائر" and "الجزائر" share the stem evidence even where a
    name itself starts with a proclitic letter ("فرنسا", "بغداد").
    """
    readings = [("", norm)]
    for conj in _CONJUNCTIONS:
        if not norm.startswith(conj):
            continue
        after_conj = norm[len(conj) :]
        for prep in _PREPOSITIONS:
            if not after_conj.startswith(prep):
                continue
            after_prep = after_conj[len(prep) :]
            _add_reading(readings, conj + prep, after_prep)
            if prep == _LAM and after_prep.startswith(_LAM):
                # lam + al- drops the alef: lil-.
                _add_reading(readings, conj + prep + _ARTICLE, after_prep[1:])
            elif after_prep.startswith(_ARTICLE):
                _add_reading(readings, conj + prep + _ARTICLE, after_prep[2:])
    return readings


def _add_reading(readings: list[tuple[str, str]], prefix: str, stem: str) -> None:
    if prefix and len(stem) >= _MIN_STEM and all(stem != s for _, s in readings):
        readings.append((prefix, stem))


def word_features(
    word: str,
    clusters: Mapping[str, tuple[int, ...]] | None = None,
    gazetteer: Mapping[str, str] | None = None,
) -> list[str]:
    """The features of one raw word (normalised inside).

    Returns strings prefixed by their kind: `s` each stem reading (the whole normalised word
    first), `p` the longest proclitic string, `e1..e3` endings, `b2 b3` beginnings of the
    shortest stem, `n` its length bucket, `k` the character class (`w` the word, if Latin),
    `c0 c1 ...` the word's distributional clusters, coarse to fine (from `clusters`, looked up
    by the whole word, else by its stem readings), `g` the gazetteer classes of any reading
    (from `gazetteer`: normalised word -> space-separated classes such as "LOC PER-last").
    """
    return word_features_and_parts(word, clusters, gazetteer)[0]


def word_features_and_parts(
    word: str,
    clusters: Mapping[str, tuple[int, ...]] | None = None,
    gazetteer: Mapping[str, str] | None = None,
) -> tuple[list[str], PairParts]:
    """`word_features(word, clusters, gazetteer)` and `pair_parts(word, gazetteer)` at once
    (the word is normalised and its readings found once)."""
    if word == BOUNDARY_WORD:
        return ["w=" + BOUNDARY_WORD, "k=boundary"], BOUNDARY_PARTS
    norm = normalise_word(word)
    kind = _word_kind(norm)
    if kind != "ar":
        stem = norm if kind in ("latin", "mixed") or kind.startswith("punct") else kind
        return (["k=" + kind, "w=" + norm] if kind == "latin" else ["k=" + kind]), (stem, ())
    readings = strip_candidates(norm)
    prefix, stem = max(readings, key=lambda r: len(r[0]))
    feats = ["k=ar", "p=" + prefix, "n=" + str(min(len(stem), 8))]
    feats.extend("s=" + s for _, s in readings)
    feats.extend(("e1=" + norm[-1:], "e2=" + norm[-2:], "e3=" + norm[-3:]))
    feats.extend(("b2=" + stem[:2], "b3=" + stem[:3]))
    if clusters:
        for _, reading in readings:
            found = clusters.get(reading)
            if found is not None:
                feats.extend(f"c{level}={c}" for level, c in enumerate(found))
                break
    if not gazetteer:
        return feats, (stem, ())
    classes = _classes(readings, gazetteer)
    feats.extend("g=" + c for c in classes)
    return feats, (stem, tuple(classes))


def _classes(readings: list[tuple[str, str]], gazetteer: Mapping[str, str]) -> list[str]:
    return sorted({c for _, r in readings if r in gazetteer for c in gazetteer[r].split()})


def pair_parts(word: str, gazetteer: Mapping[str, str] | None = None) -> PairParts:
    """What `pair_features` reads of a raw word: its shortest stem (clitics and article
    stripped, so "والجزيره" and "الجزيره" agree) and its gazetteer classes.
    Words that are not Arabic keep their kind (`k=` feature) as stem."""
    return word_features_and_parts(word, None, gazetteer)[1]


def pair_features(before: PairParts, word: PairParts) -> list[str]:
    """Features of a word with the word before it, scored like the word's own features.

    `bg` the two stems (a bigram: "الجزيره العربيه" is a place, "الجزيره" alone often
    the channel), `pc` the stem before and each class of the word, `cn` each class before
    and the word's stem, `gg` each pair of classes.
    """
    stem_b, classes_b = before
    stem, classes = word
    feats = ["bg=" + stem_b + " " + stem]
    if classes:
        feats.extend("pc=" + stem_b + " " + c for c in classes)
    if classes_b:
        feats.extend("cn=" + c + " " + stem for c in classes_b)
        feats.extend("gg=" + cb + " " + c for cb in classes_b for c in classes)
    return feats


def _word_kind(norm: str) -> str:
    if _ARABIC_RE.match(norm):
        return "ar"
    if _DIGIT_RE.match(norm):
        return "digit"
    if _LATIN_RE.match(norm):
        return "latin"
    if not _HAS_WORD_CHAR_RE.search(norm):
        return "punct:" + norm[:1]
    return "mixed"
