"""Word lists for the tagger's gazetteer features, built at training time.

The tagger scores every feature of a word at offsets -2..+2, so one list serves twice: "is a
known first name" votes for B-PER on the word itself, and "is a role word" at offset -1
votes for a name on the word after it ("\u0627\u0644\u0631\u0626\u064a\u0633 X", the president X).
Classes come from hadath's own lexicons, pruned against the annotated training text; the finished
word -> classes table is stored in the model file, so tagging never reads the lexicons.

Classes (a word may hold several, space-separated in the table):
    PER-first PER-mid PER-last  a word of a person's name form (persons.tsv), by position;
                                a one-word form counts as PER-last
    ORG ORG-head ORG-part       a one-word organisation form; the first word of a longer one;
                                a later word (organisations.tsv)
    ROLE-per ROLE-org           the first word of a role phrase naming persons / bodies
                                (roles.tsv)
    NISBA                       a country adjective, any inflection, with or without al-
    COUNTRY CAPITAL             a word of a country's name / capital (countries.tsv)
    CITY                        a one-word city name (places.tsv)
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

from hadath.extract.ner.features import normalise_word
from hadath.lexicon import load_countries, load_organisations, load_places, load_roles
from hadath.lexicon.countries import nisba_forms
from hadath.lexicon.persons import load_persons

__all__ = ["NAME_CLASSES", "build_lexicon_gazetteer", "merge_gazetteers", "prune_by_labels"]

# Classes that claim "this word is (part of) a name", as opposed to context words.
NAME_CLASSES = frozenset(
    {"LOC", "CITY", "CAPITAL", "COUNTRY", "ORG", "PER-first", "PER-mid", "PER-last"}
)

_DEFINITE = "\u0627\u0644"  # ALEF LAM: the article al-
_MIN_LETTERS = 3  # two-letter "names" are mostly particles and clitic-stripping leftovers


def _words(form: str) -> list[str]:
    return [w for w in (normalise_word(x) for x in form.split()) if len(w) >= _MIN_LETTERS]


def _add(table: dict[str, set[str]], word: str, kind: str) -> None:
    table.setdefault(word, set()).add(kind)


def _add_positional(table: dict[str, set[str]], forms: Iterable[str], prefix: str) -> None:
    """Mark each word of each form as first, middle or last (a one-word form is "last")."""
    for form in forms:
        words = _words(form)
        for i, word in enumerate(words):
            if len(words) == 1 or i == len(words) - 1:
                _add(table, word, prefix + "-last")
            elif i == 0:
                _add(table, word, prefix + "-first")
            else:
                _add(table, word, prefix + "-mid")


def _add_organisations(table: dict[str, set[str]]) -> None:
    for entry in load_organisations().entries:
        for form in entry.forms:
            words = _words(form)
            if len(words) == 1:
                _add(table, words[0], "ORG")
                continue
            for i, word in enumerate(words):
                _add(table, word, "ORG-head" if i == 0 else "ORG-part")


def _add_roles(table: dict[str, set[str]]) -> None:
    for entry in load_roles().entries:
        kind = "ROLE-per" if entry.kind == "person" else "ROLE-org"
        for form in entry.forms:
            for word in _words(form)[:1]:  # later words ("الخارجية") are not role words alone
                _add(table, word, kind)


def _add_countries(table: dict[str, set[str]]) -> None:
    for entry in load_countries().entries:
        for form in entry.names:
            for word in _words(form):
                _add(table, word, "COUNTRY")
        for form in entry.capitals:
            for word in _words(form):
                _add(table, word, "CAPITAL")
        for base in entry.nisbas:
            for form in nisba_forms(base):
                for word in _words(form):
                    _add(table, word, "NISBA")
                    _add(table, normalise_word(_DEFINITE) + word, "NISBA")
        for form in entry.plurals:
            for word in _words(form):
                _add(table, word, "NISBA")


def _add_places(table: dict[str, set[str]]) -> None:
    for place in load_places().places:
        for form in place.forms:
            words = _words(form)
            if len(words) == 1:
                _add(table, words[0], "CITY")


def build_lexicon_gazetteer() -> dict[str, set[str]]:
    """Normalised word -> gazetteer classes, from hadath's lexicon tables."""
    table: dict[str, set[str]] = {}
    _add_positional(table, (f for person in load_persons() for f in person.forms), "PER")
    _add_organisations(table)
    _add_roles(table)
    _add_countries(table)
    _add_places(table)
    return table


def merge_gazetteers(*tables: Mapping[str, Iterable[str]]) -> dict[str, str]:
    """One word -> "CLASS CLASS ..." table (sorted, deterministic) from several."""
    merged: dict[str, set[str]] = {}
    for table in tables:
        for word, kinds in table.items():
            merged.setdefault(word, set()).update(kinds)
    return {word: " ".join(sorted(merged[word])) for word in sorted(merged)}


def prune_by_labels(
    table: Mapping[str, Iterable[str]],
    sentences: Iterable[tuple[Sequence[str], Sequence[str]]],
    *,
    min_count: int = 2,
    max_name_share: float = 0.25,
) -> dict[str, set[str]]:
    """Mark name classes ambiguous on words that annotated text seldom tags as names.

    Place lists hold words that are mostly ordinary ("\u0643\u0627\u0646", was / Cannes;
    "\u062f\u0648\u0645\u0627", always / Douma); a feature firing on them teaches the
    tagger to distrust the whole class. A word that occurs at least `min_count` times in
    `sentences` (matched on its normalised whole form), at most `max_name_share` of them
    inside an entity, has each of its NAME_CLASSES renamed CLASS-amb: a separate feature, so
    context ("\u0641\u064a X", in X) can still make it a name. Context classes (role
    words, adjectives) are kept as they are: they are meant to fire outside names.
    """
    seen: Counter[str] = Counter()
    named: Counter[str] = Counter()
    for words, tags in sentences:
        for word, tag in zip(words, tags, strict=True):
            norm = normalise_word(word)
            seen[norm] += 1
            named[norm] += tag != "O"
    pruned: dict[str, set[str]] = {}
    for word, kinds in table.items():
        kept = set(kinds)
        if seen[word] >= min_count and named[word] <= max_name_share * seen[word]:
            kept = {k + "-amb" if k in NAME_CLASSES else k for k in kept}
        pruned[word] = kept
    return pruned
