"""Clitic segmentation of one Arabic word: proclitics, stem, attached pronoun.

Works on the word after `strip_marks` (harakat and tatweel gone, one char per
kept letter), so the positions it returns index that form; the tokenizer maps
them back to the original text.

Precision first: a letter is only cut off when what remains is a word in its
own right. Evidence comes from form counts in the ANT corpus (word_freq.tsv):
a proclitic is split when the rest (or the rest less a further clitic) is
seen at least KNOWN_MIN times and at least half as often as the whole word
(وقال -> و + قال and وسيلتقي -> و + س + يلتقي, but وزير stays whole since زير
is rare, and وجودنا is وجود + نا, not و + جود + نا). The article ال is cut whenever a stem of two
letters or more remains. unsplit.tsv lists look-alikes the counts miss.

"لل" (ل + ال with its alef dropped, للمؤتمر) is returned as two pieces: the
first ل labelled "prep" and the second ل labelled "art", so the article
piece is the span of the single letter that stands for it.
"""

from __future__ import annotations

import functools

from hadath.text.wordfreq import load_unsplit, load_word_freq

__all__ = ["Segmentation", "free_form", "segment"]

_WAW = "\u0648"  # waw: conjunction "and"
_FEH = "\u0641"  # feh: conjunction "so, then"
_BEH = "\u0628"  # beh: preposition "with, by, in"
_KAF = "\u0643"  # kaf: preposition "like"
_LAM = "\u0644"  # lam: preposition "for, to"
_SEEN = "\u0633"  # seen: future marker
_ALEF = "\u0627"  # alef
_ARTICLE = _ALEF + _LAM  # the article "al-"
_TEH = "\u062a"  # teh
_TEH_MARBUTA = "\u0629"  # teh marbuta
_YEH = "\u064a"  # yeh
_ALEF_MAKSURA = "\u0649"  # alef maksura
_NOON = "\u0646"  # noon
_ALEF_HAMZA = "\u0623"  # alef with hamza above

_CONJUNCTIONS = frozenset((_WAW, _FEH))
_PREPOSITIONS = frozenset((_BEH, _KAF, _LAM))
# Imperfect-verb prefixes that may follow the future marker: ي ت ن أ.
_IMPERFECT = frozenset((_YEH, _TEH, _NOON, _ALEF_HAMZA))

_HEH = "\u0647"  # heh
_MEEM = "\u0645"  # meem
# Attached pronouns, longest first: هما كما هم هن كم ها نا ه ك. كن is left out:
# news rarely says "your (f. pl.)", and its letters end verbs (تمكن) and plurals (أماكن).
_SUFFIXES: tuple[str, ...] = (
    _HEH + _MEEM + _ALEF,  # heh meem alef: "their (two)"
    _KAF + _MEEM + _ALEF,  # kaf meem alef: "your (two)"
    _HEH + _MEEM,  # heh meem: "their"
    _HEH + _NOON,  # heh noon: "their (f.)"
    _KAF + _MEEM,  # kaf meem: "your (pl.)"
    _HEH + _ALEF,  # heh alef: "her"
    _NOON + _ALEF,  # noon alef: "our"
    _HEH,  # heh: "his"
    _KAF,  # kaf: "your" (only on rare forms, see _suffix_start)
)
# "my" (ي) is only split after these particles: elsewhere a final ي is far more
# often the nisba adjective ending (رئيسي, عربي) than a pronoun.
_YEH_HOSTS = frozenset(
    (
        "\u0645\u0646",  # meem noon: "from" (مني)
        "\u0639\u0646",  # ain noon: "about" (عني)
        "\u0645\u0639",  # meem ain: "with" (معي)
    )
)

_HAMZA = "\u0621"  # hamza on the line
_YEH_HAMZA = "\u0626"  # yeh with hamza above
_WAW_HAMZA = "\u0624"  # waw with hamza above
# A stem's last letter before a pronoun, and the letter it is when the word stands free.
_BOUND_TO_FREE = (
    (_TEH, _TEH_MARBUTA),
    (_YEH, _ALEF_MAKSURA),
    (_YEH_HAMZA, _HAMZA),
    (_WAW_HAMZA, _HAMZA),
)

MIN_STEM = 2  # letters a stem keeps after any cut
RARE_WHOLE = 20  # forms seen fewer times may have ك cut off (see _suffix_start)
KNOWN_MIN = 10  # a rest seen fewer times is not trusted as a word
REST_RATIO = 0.5  # rest must be seen at least this share of the whole's count

# (start, end, label) of each proclitic, in reading order, and the suffix start.
Segmentation = tuple[tuple[tuple[int, int, str], ...], int | None]


def _count(form: str) -> int:
    return load_word_freq().get(form, 0)


def _evidence(form: str) -> int:
    """How often `form` is seen as a word: its own count, or its stem's before a pronoun."""
    count = _count(form)
    suffix = _suffix_start(form)
    if suffix is not None:
        count = max(count, _stem_count(form[:suffix]))
    return count


def _rest_evidence(rest: str) -> int:
    """Evidence that `rest` is a word, allowing a further clitic (بالرغم, سيلتقي, الجزائر)."""
    evidence = _evidence(rest)
    if _takes_article(rest, 0):
        evidence = max(evidence, _count(rest[len(_ARTICLE) :]))
    if len(rest) > MIN_STEM and rest[0] in _PREPOSITIONS:
        evidence = max(evidence, _rest_evidence(rest[1:]))
    if len(rest) > 3 and rest[0] == _SEEN and rest[1] in _IMPERFECT:
        evidence = max(evidence, _count(rest[1:]))
    return evidence


def _accept(whole: str, rest: str) -> bool:
    """Should a one-letter proclitic be cut from `whole`, leaving the word `rest`?"""
    if len(rest) < MIN_STEM or whole in load_unsplit():
        return False
    rest_evidence = _rest_evidence(rest)
    return rest_evidence >= KNOWN_MIN and rest_evidence >= REST_RATIO * _evidence(whole)


def _stem_count(stem: str) -> int:
    """Count of a stem cut before a pronoun, trying the spelling it has when free.

    A pronoun turns a final ة into ت (حكومته), ى into ي (عليه), and moves a final
    hamza onto a seat (لقاء -> لقائه، أبناء -> أبناؤه).
    """
    count = _count(stem)
    for bound, free in _BOUND_TO_FREE:
        if stem.endswith(bound):
            count = max(count, _count(stem[:-1] + free))
    return count


def free_form(stem: str) -> str:
    """The spelling a stem cut before a pronoun has on its own (حكومت -> حكومة, علي -> على,
    لقائ -> لقاء)."""
    for bound, free in _BOUND_TO_FREE:
        if stem.endswith(bound):
            other = stem[:-1] + free
            if _count(other) > _count(stem):
                return other
    return stem


def _suffix_start(word: str) -> int | None:
    """Where an attached pronoun starts in `word`, if one should be cut."""
    if word in load_unsplit():
        return None
    if word.endswith(_YEH) and word[:-1] in _YEH_HOSTS:
        return len(word) - 1
    for suffix in _SUFFIXES:
        if word.endswith(suffix):
            stem = word[: -len(suffix)]
            if len(stem) < MIN_STEM:
                return None
            stem_count, whole_count = _stem_count(stem), _count(word)
            if suffix == _KAF and whole_count >= RARE_WHOLE:
                return None  # a frequent form ending in ك is a word (بنك, يشارك, مايك)
            if stem_count >= KNOWN_MIN and (
                whole_count < RARE_WHOLE or stem_count >= REST_RATIO * whole_count
            ):
                return len(stem)
            return None  # a shorter suffix is never the right reading of the same ending
    return None


def _preposition_pieces(word: str, at: int) -> list[tuple[int, int, str]]:
    """Pieces for a preposition or future marker at `at` (with ل + ال as two pieces)."""
    sub = word[at:]
    if len(sub) <= MIN_STEM:
        return []
    first = sub[0]
    if first == _LAM and sub[1] == _LAM and len(sub) >= 2 + MIN_STEM:
        # لليبيا is ل + ليبيا; للمؤتمر is ل + (ا)ل + مؤتمر: let the counts choose,
        # but never read two prepositions (للمغادرة is not ل + لمغادرة).
        with_article = _ALEF + sub[1:]
        lam_word = not _accept(sub[1:], sub[2:])
        if (not lam_word or _count(with_article) > _count(sub[1:])) and _accept(
            sub, with_article
        ):
            return [(at, at + 1, "prep"), (at + 1, at + 2, "art")]
        if not lam_word:
            return []
    if first in _PREPOSITIONS and _accept(sub, sub[1:]):
        return [(at, at + 1, "prep")]
    if first == _SEEN and sub[1] in _IMPERFECT and len(sub) > 3 and _accept(sub, sub[1:]):
        return [(at, at + 1, "fut")]
    return []


@functools.lru_cache(maxsize=200_000)
def segment(word: str) -> Segmentation:
    """Segment a word (after `strip_marks`) into proclitics, stem and suffix.

    Returns:
        ((start, end, label), ...) for each proclitic in reading order, with
        labels "conj", "prep", "fut" and "art"; and the start of an attached
        pronoun, or None. The stem is what lies between.

    Example: segment("والجزائر") == (((0, 1, "conj"), (1, 3, "art")), None).
    """
    if len(word) <= MIN_STEM or word in load_unsplit():
        return (), None
    pieces: list[tuple[int, int, str]] = []
    if word[0] in _CONJUNCTIONS and _accept(word, word[1:]):
        pieces.append((0, 1, "conj"))
    at = pieces[-1][1] if pieces else 0
    pieces.extend(_preposition_pieces(word, at))
    at = pieces[-1][1] if pieces else 0
    has_article = bool(pieces) and pieces[-1][2] == "art"
    if not has_article and _takes_article(word, at):
        pieces.append((at, at + 2, "art"))
        has_article = True
    if has_article:  # the article and a pronoun never share a word
        return tuple(pieces), None
    suffix = _suffix_start(word[at:])
    return tuple(pieces), (None if suffix is None else at + suffix)


def _takes_article(word: str, at: int) -> bool:
    """Does `word[at:]` start with the article? Not if the article attaches to it whole:
    الالتزام is seen, so التزام is a word of its own (form VIII noun), not ال + تزام."""
    rest = word[at:]
    return (
        rest.startswith(_ARTICLE)
        and len(rest) >= len(_ARTICLE) + MIN_STEM
        and rest not in load_unsplit()
        and _count(_ARTICLE + rest) == 0
    )
