"""Names joined by the conjunction wa- are two names, not one.

The tagger often runs two coordinated names into one span ("ابراهيم سعد وسعيد جعفر",
Ibrahim Saad and Said Jaafar; "سوريا ولبنان"): a word inside a person or place name that starts
with waw is far more often a new name after "and" than part of the name (in NewsFANE's
training part, after a person's word: 162 times B-PER, 22 times I-PER). The rest of the word
after waw must be a word the model knows (gazetteer or clusters: سعيد, لبنان), so foreign
names that start with W keep their tag (واتكينز, Watkins: no word اتكينز); so do words the
gazetteer knows as person-name words themselves (وليد, Walid). Organisation names keep
theirs: they coordinate inside the name ("المجلس الاقتصادي والاجتماعي").

Measured on two NewsFANE development slices (notes/ner.md, round 5): exact-match F1 +0.005
and +0.005, overlap F1 unchanged (+0.000, +0.000).
"""

from __future__ import annotations

from collections.abc import Container, Mapping, Sequence

from hadath.extract.ner.features import normalise_word, strip_candidates

__all__ = ["split_coordinated"]

_WAW = "\u0648"  # ARABIC LETTER WAW
_SPLIT_TYPES = ("PER", "LOC")
_MIN_LETTERS = 4  # waw + a name of three letters or more
_PERSON_CLASS = "PER"


def split_coordinated(
    words: Sequence[str],
    tags: Sequence[str],
    gazetteer: Mapping[str, str],
    known: Container[str] = (),
) -> list[str]:
    """`tags` with each I-PER or I-LOC on a waw-initial word turned into B- (a new name).

    Args:
        words: the raw words of one sentence.
        tags: their BIO tags (repaired: every I- continues its type).
        gazetteer: normalised word -> space-separated classes; a word with a person class
            (PER-first, PER-last, ...) keeps its I- tag.
        known: other normalised words the model knows (its clustered words); the word
            after waw must be one of them or be in the gazetteer (after any other clitic).
    """
    out = list(tags)
    for i, tag in enumerate(tags):
        if not tag.startswith("I-") or tag[2:] not in _SPLIT_TYPES:
            continue
        norm = normalise_word(words[i])
        if not norm.startswith(_WAW) or len(norm) < _MIN_LETTERS:
            continue
        if any(c.startswith(_PERSON_CLASS) for c in gazetteer.get(norm, "").split()):
            continue
        rest = norm[len(_WAW) :]
        if tag[2:] == _PERSON_CLASS and not _starts_a_person(rest, tags, i, gazetteer):
            continue
        if rest in known or any(stem in gazetteer for _, stem in strip_candidates(rest)):
            out[i] = "B-" + tag[2:]
    return out


def _starts_a_person(rest: str, tags: Sequence[str], i: int, gazetteer: Mapping[str, str]) -> bool:
    """Can the word after waw begin a second person's name: a person-name word
    (وسعيد جعفر), or a word the name goes on after? A lone common word stays in the first
    name ("محمد بن سلمان وليا للعهد", crown prince: no person وليا)."""
    if i + 1 < len(tags) and tags[i + 1] == "I-" + _PERSON_CLASS:
        return True
    return any(c.startswith(_PERSON_CLASS) for c in gazetteer.get(rest, "").split())
