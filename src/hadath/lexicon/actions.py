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
from hadath.lexicon.tsv import TsvRow, fold_key, read_tsv, split_forms, version_of
from hadath.text.fold import fold_str, strip_marks
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
SPEECH_FILE = "speech_verbs.tsv"
GAP = "*"
GAP_WORDS = 3  # words a `*` may skip
_EXCLUDE = "!"  # a `present` cell form starting with it is dropped from the generated forms
_MIN_FORM = 3  # shorter generated forms (jussives like تر) are too ambiguous to keep
_POS = frozenset({"verb", "noun", "mwe", "participle"})
_SPEECH_KINDS = frozenset({"say", "assert", "deny", "warn", "call"})

_ALEF = "\u0627"  # alef
_HAMZA_ALEFS = "\u0623\u0625\u0622"  # alef with hamza above, below, madda
_ALEF_MAKSURA = "\u0649"  # alef maksura (folds to yeh)
_YEH = "\u064a"  # yeh
_WAW = "\u0648"  # waw
_TEH = "\u062a"  # teh
_HEH = "\u0647"  # heh (folded teh marbuta)
_TEH_MARBUTA = "\u0629"  # teh marbuta
_NOON = "\u0646"  # noon
_FEH = "\u0641"  # feh
_SEEN = "\u0633"  # seen: future marker
_HAMZA_ON_WAW = "\u0624"  # waw with hamza above (يؤكد)
_ISTA = "\u0627\u0633\u062a"  # alef seen teh: form X prefix
_ARTICLE = "\u0627\u0644"  # alef lam
_LAM_LAM = "\u0644\u0644"  # lam lam: ل + ال with the alef dropped
_AT = "\u0627\u062a"  # alef teh: feminine plural
# Imperfect person prefixes after the future mark: he/they (yeh), she/you (teh), we (noon),
# I (alef, folded hamza).
_IMPERFECT_PREFIXES = (_YEH, _TEH, _NOON, _ALEF)
# Prefixes generated for lexicon forms: "I" (أ) is left out: news reports it only inside
# quotes, and its forms collide with common words (أجل, أوقع, اثنين).
_PERSON_PREFIXES = (_YEH, _TEH, _NOON)
# Past-tense endings: he, she, they two (m), they (m), they two (f), they (f), we,
# and waw without alef before an object pronoun (اعتقلوه).
_PAST_ENDINGS = ("", _TEH, _ALEF, _WAW + _ALEF, _TEH + _ALEF, _NOON, _NOON + _ALEF, _WAW)
# Present endings after a sound stem: he, they (m), they two, subjunctive/jussive plural,
# they (f), plural before a pronoun.
_PRESENT_ENDINGS = ("", _WAW + _NOON, _ALEF + _NOON, _WAW + _ALEF, _NOON, _WAW)
# Object pronouns the segmenter may leave on a verb (اعتقلوه, التقاه).
_LEFT_PRONOUNS = ("\u0647\u0645\u0627", "\u0647\u0645", "\u0647\u0627", _HEH)
_NOUN_DUAL_ENDINGS = (_ALEF + _NOON, _YEH + _NOON)  # ان, ين
_TEH_DUAL_ENDINGS = (_TEH + _ALEF + _NOON, _TEH + _YEH + _NOON, _TEH)  # تان, تين, ت


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


# -- forms -----------------------------------------------------------------------------


def _with_prefixes(present_3ms: str) -> list[str]:
    """ي-form -> the person prefixes (يزور تزور نزور)."""
    stem = present_3ms[1:]
    return [prefix + stem for prefix in _PERSON_PREFIXES]


def _present_stems(past: str) -> list[str]:
    """Likely 3rd person masculine present forms of a past-tense verb (marks stripped, unfolded).

    Table by shape: hamza-initial form I/II (أكد -> يأكد, يؤكد), form I assimilated
    (وقع -> يقع, يوقع), hollow form I (زار -> يزور), hollow IV (أدان -> يدين) and X
    (استقال -> يستقيل), alef-initial derived forms drop the alef (اعتقل -> يعتقل), the
    rest take the prefix (قصف -> يقصف, هاجم -> يهاجم, تظاهر -> يتظاهر, شن -> يشن).
    """
    n = len(past)
    if n == 3 and past[0] in _HAMZA_ALEFS + _ALEF:
        return [_YEH + past, _YEH + _HAMZA_ON_WAW + past[1:]]
    if n == 3 and past[0] == _WAW:
        return [_YEH + past[1:], _YEH + past]
    if n == 3 and past[1] == _ALEF:
        return [_YEH + past[0] + _WAW + past[2]]
    if n == 4 and past[0] in _HAMZA_ALEFS + _ALEF and past[2] == _ALEF:
        return [_YEH + past[1] + _YEH + past[3]]
    if n == 6 and past.startswith(_ISTA) and past[4] == _ALEF:
        return [_YEH + past[1:4] + _YEH + past[5]]
    if n >= 4 and past[0] in _HAMZA_ALEFS + _ALEF:
        return [_YEH + past[1:]]
    return [_YEH + past]


def _defective_forms(past: str, presents: Sequence[str] | None) -> set[str]:
    """Forms of a verb ending in a long vowel: التقى دعا (past) and يلتقي يدعو (present)."""
    stem = past[:-1]
    waw_verb = past[-1] == _ALEF and len(past) == 3
    forms = {past, stem + _TEH, stem + _TEH + _ALEF, stem + _WAW + _ALEF, stem + _WAW,
             stem + _ALEF}  # التقاه: ى is written ا before a pronoun
    if not waw_verb:
        forms.add(stem + _YEH + _ALEF)  # dual التقيا
    if presents is None:
        base = stem[1:] if stem[0] in _HAMZA_ALEFS + _ALEF and len(past) > 3 else stem
        presents = [_YEH + base + (_WAW if waw_verb else _YEH)]
    # Jussive short forms (لم يلتق) are left out: negated, and they collide (يجل, نجل).
    for present in presents:
        for form in _with_prefixes(present):
            short = form[:-1]
            forms.update((form, short + _WAW + _NOON, short + _WAW + _ALEF, short + _WAW))
            forms.add(short + (_WAW if form.endswith(_WAW) else _YEH) + _ALEF + _NOON)
    return forms


def _present_forms(present: str) -> set[str]:
    forms: set[str] = set()
    for form in _with_prefixes(present):
        forms.update(form + ending for ending in _PRESENT_ENDINGS)
    return forms


def verb_forms(past: str, presents: Iterable[str] = ()) -> frozenset[str]:
    """Folded conjugations of a past-tense 3rd person masculine verb.

    Args:
        past: the verb as written in the lexicon (التقى, زار, اعتقل, شن).
        presents: 3rd person masculine present forms to use instead of the
            generated ones (يوقع for وقع "sign", يرى for رأى); a form written
            with a leading `!` is removed from the result instead (!توقع: the
            present of وقّع is spelled like توقّع "expect").

    Example:
        >>> {"زارت", "زاروا", "يزور", "تزور", "يزورون"} <= verb_forms("زار")
        True
    """
    bare = strip_marks(past).strip()
    wanted = [strip_marks(p).strip() for p in presents if p.strip()]
    given = [p for p in wanted if not p.startswith(_EXCLUDE)]
    excluded = {fold_str(p[1:]) for p in wanted if p.startswith(_EXCLUDE)}
    if bare[-1] in (_ALEF_MAKSURA, _YEH) or (bare[-1] == _ALEF and len(bare) >= 3):
        forms = _defective_forms(bare, given or None)
    else:
        forms = {bare + ending for ending in _PAST_ENDINGS}
        for present in given or _present_stems(bare):
            forms |= _present_forms(present)
    folded = {fold_str(form) for form in forms if len(form) >= _MIN_FORM or form == bare}
    return frozenset(folded - excluded)


def noun_forms(noun: str) -> frozenset[str]:
    """Folded forms of a noun: itself, sound plural, duals, indefinite accusative.

    Example: زيارة -> زياره زيارات زيارتين زيارتان; اعتقال -> اعتقال اعتقالا
    اعتقالات اعتقالين; اجتماعا -> اجتماع too. The article is optional.
    """
    base = fold_key(noun)
    bases = {base}
    if base.startswith(_ARTICLE) and len(base) > 4:
        bases.add(base[2:])
    forms = set(bases)
    for word in bases:
        if word.endswith(_ALEF) and len(word) > 3:  # tanween alef: اجتماعا
            forms.add(word[:-1])
            word = word[:-1]
        if word.endswith(_HEH):
            forms.update(word[:-1] + ending for ending in (_AT, *_TEH_DUAL_ENDINGS))
        elif not word.endswith(_AT):
            forms.update(word + ending for ending in (_ALEF, _AT, *_NOUN_DUAL_ENDINGS))
    return frozenset(forms)


# -- token keys ------------------------------------------------------------------------


# The tokenizer analyses a word the same way wherever it stands, so a token's keys depend on
# its text alone: cache them by text (news vocabulary repeats heavily).
_KEYS_BY_TEXT: dict[str, tuple[str, ...]] = {}
_KEYS_CACHE_LIMIT = 300_000


def token_keys(token: Token) -> tuple[str, ...]:
    """Folded forms a token may be listed under, most specific first (cached by its text)."""
    keys = _KEYS_BY_TEXT.get(token.text)
    if keys is None:
        keys = _compute_token_keys(token)
        if len(_KEYS_BY_TEXT) < _KEYS_CACHE_LIMIT:
            _KEYS_BY_TEXT[token.text] = keys
    return keys


def _compute_token_keys(token: Token) -> tuple[str, ...]:
    """Folded forms a token may be listed under, most specific first (lemma not included).

    The stem (`norm`), the stem with its proclitics put back one by one (the
    segmenter cuts ب off بحث when counts mislead it), without a pronoun the
    segmenter left on (اعتقلوه), and without a conjunction, future mark or
    article it left on (وأضاف, سيزور, للدموع).
    """
    norm = token.norm
    keys = [norm]
    attached = norm
    for prefix in reversed(token.prefixes):
        attached = fold_str(prefix.text) + attached
        keys.append(attached)
    if token.suffix is None and not token.stem.text.endswith(_TEH_MARBUTA):  # رحلة is no رحل+ه
        keys.extend(norm[: -len(p)] for p in _LEFT_PRONOUNS if norm.endswith(p) and len(norm) > 3)
    if not token.prefixes and len(norm) > 3:
        if norm[0] in (_WAW, _FEH):
            keys.append(norm[1:])
        if norm[0] == _SEEN and norm[1] in _IMPERFECT_PREFIXES:
            keys.append(norm[1:])
        if norm.startswith(_LAM_LAM) or (norm.startswith(_ARTICLE) and len(norm) > 4):
            keys.append(norm[2:])
    return tuple(dict.fromkeys(keys))


def _lemma_key(token: Token) -> str:
    return fold_str(token.lemma) if token.lemma else ""


def _word_matches(token: Token, word: _Word) -> bool:
    if not token.is_arabic:
        return False
    return any(k in word.forms for k in token_keys(token)) or _lemma_key(token) in word.forms


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
            if len(self._candidates) < _KEYS_CACHE_LIMIT:
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
        matches = []
        for item in self.candidates(tokens[i]):
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


# -- speech verbs ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SpeechVerb:
    """A verb that introduces reported speech: its kind and note."""

    pattern: str
    kind: str
    note: str = ""
    line: int = 0


class SpeechVerbLexicon:
    """Speech verbs indexed by every generated conjugation."""

    def __init__(self, verbs: list[SpeechVerb], index: dict[str, SpeechVerb], version: str):
        self.verbs = tuple(verbs)
        self.version = version
        self._index = index

    def __len__(self) -> int:
        return len(self.verbs)

    def lookup(self, form: str) -> SpeechVerb | None:
        return self._index.get(fold_key(form))

    def is_speech_verb(self, token: Token) -> SpeechVerb | None:
        """The speech verb a token is a form of (قالت, وأضاف, سيؤكد), or None."""
        if not token.is_arabic:
            return None
        for key in token_keys(token):
            if key in self._index:
                return self._index[key]
        return None


@functools.cache
def load_speech_verbs() -> SpeechVerbLexicon:
    """The speech verbs from data/speech_verbs.tsv (cached).

    Raises:
        LexiconError: "speech_verbs.tsv:LINE: what is wrong" (bad kind, duplicate).
    """
    verbs: list[SpeechVerb] = []
    index: dict[str, SpeechVerb] = {}
    for row in read_tsv(SPEECH_FILE):
        pattern, kind = row["pattern"].strip(), row["kind"]
        if not pattern or " " in pattern:
            raise row.error(f"speech verb must be one word, not {pattern!r}")
        if kind not in _SPEECH_KINDS:
            kinds = ", ".join(sorted(_SPEECH_KINDS))
            raise row.error(f"bad kind {kind!r} (expected one of {kinds})")
        if any(v.pattern == pattern for v in verbs):
            raise row.error(f"{pattern!r} listed twice")
        verb = SpeechVerb(pattern, kind, row.get("note"), row.line)
        verbs.append(verb)
        for form in verb_forms(pattern, split_forms(row.get("present"))):
            index.setdefault(form, verb)
    return SpeechVerbLexicon(verbs, index, version_of(SPEECH_FILE))
