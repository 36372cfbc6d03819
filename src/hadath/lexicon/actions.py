"""The action lexicon: Arabic verbs, verbal nouns and phrases -> CAMEO code, and the speech verbs.

Data: data/actions.tsv (one row per trigger) and data/speech_verbs.tsv (say,
assert, deny, warn and call verbs, which introduce quotes, not events). A
verb row gives the past-tense 3rd person masculine form (اعتقل); the loader
generates its conjugations (`verb_forms`: اعتقلت اعتقلوا يعتقل تعتقل
يعتقلون ...). A noun row gives the verbal noun (اعتقال), inflected by
`noun_forms` (اعتقالات). A phrase gives every word (فرض عقوبات); `*` stands
for a gap of up to GAP_WORDS words (استدعى * سفير matches "استدعت الخارجية
السفير"). The first word of a phrase is matched as verb or noun, later words
as nouns.

Tokens (hadath.text.tokenize) are matched on their folded stem (`norm`),
on the stem with proclitics re-attached (the segmenter sometimes cuts a
verb's own first letter) and, when that finds nothing, on simplemma's lemma.

    >>> from hadath.text import tokenize
    >>> tokens = tokenize("واعتقلت الشرطة عشرة متظاهرين")
    >>> load_actions().match(tokens, 0)[0].entry.cameo
    '173'
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from hadath.lexicon.cameo import CameoCode, load_cameo
from hadath.lexicon.conjugation import noun_forms, token_keys, verb_forms
from hadath.lexicon.speech_verbs import SpeechVerb, SpeechVerbLexicon, load_speech_verbs
from hadath.lexicon.tsv import TsvRow, fold_key, read_tsv, split_forms, version_of
from hadath.text.fold import fold_str
from hadath.text.spans import Token
from hadath.text.tokens import tokenize

__all__ = [
    "GAP_WORDS",
    "ActionEntry",
    "ActionLexicon",
    "ActionMatch",
    "SpeechVerb",
    "SpeechVerbLexicon",
    "build_actions",
    "load_actions",
    "load_speech_verbs",
    "noun_forms",
    "token_keys",
    "verb_forms",
]

FILE = "actions.tsv"
GAP = "*"
GAP_WORDS = 3  # words a `*` may skip
_CANDIDATES_CACHE_LIMIT = 300_000  # words whose trigger candidates are kept
_POS = frozenset({"verb", "noun", "mwe", "participle"})

@dataclass(frozen=True, slots=True)
class ActionEntry:
    """One row of actions.tsv, with its CAMEO code resolved."""

    pattern: str
    pos: str
    cameo: str
    code: CameoCode
    plover_mode: str | None
    target_preps: tuple[str, ...]
    joint: bool
    note: str = ""
    line: int = 0

    @property
    def root(self) -> str:
        return self.cameo[:2]

    @property
    def plover_type(self) -> str | None:
        return self.code.plover_type

    @property
    def goldstein(self) -> float | None:
        return self.code.goldstein

    @property
    def quad_class(self) -> int:
        return self.code.quad_class


@dataclass(frozen=True, slots=True)
class ActionMatch:
    """An entry matched at tokens[start:end]; `gaps` are the indices a `*` skipped."""

    entry: ActionEntry
    start: int
    end: int
    gaps: tuple[int, ...] = ()

    @property
    def span(self) -> tuple[int, int]:
        return self.start, self.end


@dataclass(frozen=True, slots=True)
class _Word:
    forms: frozenset[str]
    gap_before: bool


@dataclass(frozen=True, slots=True)
class _Compiled:
    entry: ActionEntry
    words: tuple[_Word, ...]
    by_lemma: bool = True  # False when the row lists its forms by hand (a `present` cell)


def _lemma_key(token: Token) -> str:
    return _folded_lemma(token.lemma) if token.lemma else ""


@functools.lru_cache(maxsize=1 << 16)  # asked of the words after every pattern's first word
def _folded_lemma(lemma: str) -> str:
    return fold_str(lemma)


def _word_matches(token: Token, word: _Word) -> bool:
    if not token.is_arabic:
        return False
    return not word.forms.isdisjoint(token_keys(token)) or _lemma_key(token) in word.forms


# -- the lexicon -----------------------------------------------------------------------


class ActionLexicon:
    """Action entries indexed by the folded forms of their first word."""

    def __init__(self, compiled: list[_Compiled], version: str) -> None:
        self._compiled = tuple(compiled)
        self.entries = tuple(c.entry for c in compiled)
        self.version = version
        self._by_form: dict[str, list[_Compiled]] = {}
        self._candidates: dict[str, list[_Compiled]] = {}
        # A form listed as a row of its own (غارات, احتجاجات) belongs to that row only,
        # not also to the row whose generated plural it is (غارة, احتجاج).
        listed = {fold_key(c.entry.pattern): c for c in compiled if c.entry.pos != "mwe"}
        for item in compiled:
            own = fold_key(item.entry.pattern)
            for form in item.words[0].forms:
                owner = listed.get(form)
                if item.entry.pos != "mwe" and owner is not None and form != own:
                    continue
                self._by_form.setdefault(form, []).append(item)

    def __len__(self) -> int:
        return len(self.entries)

    def candidates(self, token: Token) -> list[_Compiled]:
        """Entries whose first word the token can be: by stem keys, else by lemma (cached
        by the token's text, which alone decides them)."""
        if not token.is_arabic:
            return []
        cached = self._candidates.get(token.text)
        if cached is None:
            cached = self._find_candidates(token)
            if len(self._candidates) < _CANDIDATES_CACHE_LIMIT:
                self._candidates[token.text] = cached
        return cached

    def _find_candidates(self, token: Token) -> list[_Compiled]:
        found: dict[int, _Compiled] = {}
        for key in token_keys(token):
            for item in self._by_form.get(key, ()):
                found.setdefault(id(item), item)
        if not found:  # simplemma's lemma: يقعان -> وقع must not reach وقّع "sign"
            for item in self._by_form.get(_lemma_key(token), ()):
                if item.by_lemma:
                    found.setdefault(id(item), item)
        return list(found.values())

    def match(self, tokens: Sequence[Token], i: int) -> list[ActionMatch]:
        """Entries whose pattern matches starting at tokens[i], longest span first.

        Example: in "فرضت واشنطن عقوبات على طهران", match(tokens, 0) holds
        `فرض * عقوبات` (163) over tokens 0..3 with gap (1,) and the verb فرض.
        """
        if not 0 <= i < len(tokens):
            return []
        candidates = self.candidates(tokens[i])
        if not candidates:
            return []
        matches = []
        for item in candidates:
            found = _match_rest(item, tokens, i)
            if found is not None:
                matches.append(found)
        matches.sort(key=lambda m: (-(m.end - m.start - len(m.gaps)), -(m.end - m.start),
                                    m.entry.line))
        return matches

    def lookup(self, form: str) -> list[ActionEntry]:
        """Entries whose first word has this (folded) form: a helper for tests and tools."""
        return [item.entry for item in self._by_form.get(fold_key(form), ())]


def _match_rest(item: _Compiled, tokens: Sequence[Token], i: int) -> ActionMatch | None:
    at = i + 1
    gaps: list[int] = []
    for word in item.words[1:]:
        if word.gap_before:
            for k in range(at, min(at + GAP_WORDS + 1, len(tokens))):
                if _word_matches(tokens[k], word):
                    gaps.extend(range(at, k))
                    at = k + 1
                    break
                if not _is_word(tokens[k]):
                    return None
            else:
                return None
        else:
            if at >= len(tokens) or not _word_matches(tokens[at], word):
                return None
            at += 1
    return ActionMatch(item.entry, i, at, tuple(gaps))


def _is_word(token: Token) -> bool:
    return token.is_arabic or token.text[:1].isalnum()


def _stem_of(word: str) -> str:
    """A pattern word as the tokenizer reads it in text (للدموع -> دموع, بالسجن -> سجن)."""
    tokens = tokenize(word)
    return tokens[0].norm if len(tokens) == 1 and tokens[0].norm else word


def _compile(entry: ActionEntry, presents: tuple[str, ...], row: TsvRow) -> _Compiled:
    parts = entry.pattern.split()
    if parts[0] == GAP or parts[-1] == GAP or f"{GAP} {GAP}" in entry.pattern:
        raise row.error(f"misplaced gap marker in {entry.pattern!r}")
    words: list[_Word] = []
    gap_before = False
    for position, part in enumerate(parts):
        if part == GAP:
            gap_before = True
            continue
        if position == 0 and entry.pos == "verb":
            forms = verb_forms(part, presents)
        elif position == 0 and entry.pos == "mwe":
            forms = verb_forms(part, presents) | noun_forms(part)
        elif position == 0 and entry.pos == "participle":
            # The accusative participle as written (داعيا) and the listed other forms (داعية):
            # generated endings would reach look-alike nouns (مطالب "demands").
            forms = frozenset({fold_key(part), *(fold_key(f) for f in presents)})
        elif position == 0:
            forms = noun_forms(part)
        else:
            forms = noun_forms(part) | noun_forms(_stem_of(part))
        words.append(_Word(forms, gap_before))
        gap_before = False
    if entry.pos != "mwe" and len(words) > 1:
        raise row.error(f"pos {entry.pos!r} with several words; use mwe")
    if entry.pos == "mwe" and len(words) < 2:
        raise row.error("mwe with one word; use verb or noun")
    return _Compiled(entry, tuple(words), by_lemma=not presents)


def _entry_of(row: TsvRow) -> tuple[ActionEntry, tuple[str, ...]]:
    cameo_table = load_cameo()
    pattern = " ".join(row["pattern"].split())
    if not pattern:
        raise row.error("empty pattern")
    pos = row["pos"]
    if pos not in _POS:
        raise row.error(f"bad pos {pos!r} (expected one of {', '.join(sorted(_POS))})")
    cameo = row["cameo"]
    code = cameo_table.get(cameo)
    if code is None:
        raise row.error(f"unknown CAMEO code {cameo!r}")
    joint = row.get("joint")
    if joint not in ("", "0", "1"):
        raise row.error(f"joint must be 1, 0 or empty, not {joint!r}")
    entry = ActionEntry(
        pattern, pos, cameo, code, row.get("plover_mode") or code.plover_mode,
        tuple(split_forms(row.get("target_prep"))), joint == "1", row.get("note"), row.line,
    )
    return entry, tuple(split_forms(row.get("present")))


@functools.cache
def load_actions() -> ActionLexicon:
    """The action lexicon from data/actions.tsv (cached).

    Raises:
        LexiconError: "actions.tsv:LINE: what is wrong" (unknown CAMEO code, bad
            pos, duplicate (pattern, pos), misplaced gap marker).
    """
    return build_actions(read_tsv(FILE), version_of(FILE))


def build_actions(rows: Iterable[TsvRow], version: str) -> ActionLexicon:
    """An ActionLexicon from parsed actions.tsv rows (tests build small ones from text).

    Raises:
        LexiconError: as `load_actions`.
    """
    seen: dict[tuple[str, str], int] = {}
    compiled = []
    for row in rows:
        entry, presents = _entry_of(row)
        key = (fold_key(entry.pattern), entry.pos)
        if key in seen:
            raise row.error(f"{entry.pattern!r} ({entry.pos}) already on line {seen[key]}")
        seen[key] = row.line
        compiled.append(_compile(entry, presents, row))
    return ActionLexicon(compiled, version)
