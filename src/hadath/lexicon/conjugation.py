"""Conjugations of Arabic verbs, inflections of verbal nouns, and the keys tokens match on.

`verb_forms` turns a past-tense 3rd person masculine verb (اعتقل) into its folded forms
in the past and present, with the future prefix (اعتقلت اعتقلوا يعتقل تعتقل يعتقلون
سيعتقل ...), handling hollow, doubled, defective, hamza-initial and waw-initial verbs;
`noun_forms` gives a verbal noun's plural, dual and tanween forms (اعتقالات).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from hadath.lexicon.tsv import fold_key
from hadath.text.fold import fold_str, strip_marks
from hadath.text.spans import Token

__all__ = ["EXCLUDE_MARK", "MIN_FORM", "noun_forms", "token_keys", "verb_forms"]

EXCLUDE_MARK = "!"  # a `present` cell form starting with it is dropped from the generated forms
MIN_FORM = 3  # shorter generated forms (jussives like تر) are too ambiguous to keep

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
    given = [p for p in wanted if not p.startswith(EXCLUDE_MARK)]
    excluded = {fold_str(p[1:]) for p in wanted if p.startswith(EXCLUDE_MARK)}
    if bare[-1] in (_ALEF_MAKSURA, _YEH) or (bare[-1] == _ALEF and len(bare) >= 3):
        forms = _defective_forms(bare, given or None)
    else:
        forms = {bare + ending for ending in _PAST_ENDINGS}
        for present in given or _present_stems(bare):
            forms |= _present_forms(present)
    folded = {fold_str(form) for form in forms if len(form) >= MIN_FORM or form == bare}
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
    if not token.has_suffix and not token.stem_text.endswith(_TEH_MARBUTA):  # رحلة is no رحل+ه
        keys.extend(norm[: -len(p)] for p in _LEFT_PRONOUNS if norm.endswith(p) and len(norm) > 3)
    if not token.prefixes and len(norm) > 3:
        if norm[0] in (_WAW, _FEH):
            keys.append(norm[1:])
        if norm[0] == _SEEN and norm[1] in _IMPERFECT_PREFIXES:
            keys.append(norm[1:])
        if norm.startswith(_LAM_LAM) or (norm.startswith(_ARTICLE) and len(norm) > 4):
            keys.append(norm[2:])
    return tuple(dict.fromkeys(keys))
