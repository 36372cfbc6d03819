"""Readers for the tagger's training corpora (CoNLL-style "word tag" lines).

Only `scripts/train_ner.py` and tests call these; the package never reads corpora at run
time. NewsFANE gold splits clitics off as separate tokens ("و الصادرات", "ان ه"); training
must see words as they appear in raw text, so the reader glues the pieces back together.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

from hadath.extract.ner.model import repair_bio

__all__ = [
    "Sentence",
    "map_types",
    "read_aqmar",
    "read_conll_lines",
    "read_newsfane",
    "reattach_clitics",
]

Sentence = tuple[list[str], list[str]]  # words, BIO tags

_ALEF = "\u0627"  # ARABIC LETTER ALEF
_LAM = "\u0644"  # ARABIC LETTER LAM
_MEEM_ALEF = "\u0645\u0627"  # ma (as in ka-ma "as")
# Single-letter tokens that are proclitics in NewsFANE: waw, feh, beh, lam, and alef (a
# hamza-alef split off: "ا متداد").
_PROCLITICS = frozenset("\u0648\u0641\u0628\u0644\u0627")
_KAF = "\u0643"  # ARABIC LETTER KAF: a proclitic (ka-) or a pronoun (-ka), see _kaf_goes_forward
# Pronoun and verb-ending tokens split off the end of a word: -h, -ha, -hum, -huma, -hunna,
# -kum, -kuma, -kunna, -na, -i, -n (of -ni), -t.
_ENCLITICS = frozenset(
    (
        "\u0647",  # HEH
        "\u0647\u0627",  # HEH ALEF
        "\u0647\u0645",  # HEH MEEM
        "\u0647\u0645\u0627",  # HEH MEEM ALEF
        "\u0647\u0646",  # HEH NOON
        "\u0643\u0645",  # KAF MEEM
        "\u0643\u0645\u0627",  # KAF MEEM ALEF
        "\u0643\u0646",  # KAF NOON
        "\u0646\u0627",  # NOON ALEF
        "\u064a",  # YEH
        "\u0646",  # NOON
        "\u062a",  # TEH
    )
)
_DIRECTION_MARKS = str.maketrans("", "", "\u200e\u200f\ufeff")  # LRM, RLM, BOM
# NewsFANE writes quotation marks as a lone hamza.
_QUOTE_STANDINS = {"\u0621": '"'}  # HAMZA


def read_conll_lines(lines: Iterable[str]) -> Iterator[list[tuple[str, str]]]:
    """Sentences of (word, tag) pairs from "word<TAB or space>tag" lines; blank lines end one."""
    sentence: list[tuple[str, str]] = []
    for raw in lines:
        line = raw.rstrip("\r\n").translate(_DIRECTION_MARKS)
        parts = line.split("\t") if "\t" in line else line.rsplit(" ", 1)
        if len(parts) != 2 or not parts[0].strip():
            if sentence:
                yield sentence
            sentence = []
            continue
        sentence.append((parts[0].strip(), parts[1].strip() or "O"))
    if sentence:
        yield sentence


def map_types(tags: Iterable[str], type_map: Mapping[str, str | None]) -> list[str]:
    """Map fine entity types onto coarse ones; types mapped to None (or unknown) become O.

    Raises:
        KeyError: a tag whose type is not in `type_map`, so that no type is dropped silently.
    """
    out = []
    for tag in tags:
        if tag == "O":
            out.append("O")
            continue
        bio, _, fine = tag.partition("-")
        coarse = type_map[fine]
        out.append(f"{bio}-{coarse}" if coarse else "O")
    return out


def _is_word(token: str) -> bool:
    return token.isalpha()


def _kaf_goes_forward(prev: str | None, nxt: str | None) -> bool:
    # ka- before "ma" or a definite noun ("ك ما", "ك الاسد"); after a word it is the pronoun.
    if nxt is None or not _is_word(nxt):
        return False
    return nxt == _MEEM_ALEF or nxt.startswith(_ALEF + _LAM) or prev is None or not _is_word(prev)


def reattach_clitics(tokens: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Glue NewsFANE's split clitics back onto their words.

    A merged word takes its host's tag, except that a B- on a leading clitic survives
    (B-X + I-X gives B-X). Lam + al- is respelt as in raw text ("ل الاتحاد" -> "للاتحاد").
    """
    out: list[tuple[str, str]] = []
    pending: list[tuple[str, str]] = []  # proclitics waiting for their host
    for i, (word, tag) in enumerate(tokens):
        prev = tokens[i - 1][0] if i else None
        nxt = tokens[i + 1][0] if i + 1 < len(tokens) else None
        next_is_host = nxt is not None and _is_word(nxt) and len(nxt) > 1
        is_proclitic = word in _PROCLITICS or (word == _KAF and _kaf_goes_forward(prev, nxt))
        if is_proclitic and next_is_host:
            pending.append((word, tag))
            continue
        if not pending and out and word in _ENCLITICS | {_KAF} and _is_word(out[-1][0]):
            host, host_tag = out[-1]
            out[-1] = (host + word, host_tag)
            continue
        out.append(_merge_proclitics(pending, word, tag))
        pending = []
    out.extend(pending)
    return out


def _merge_proclitics(pending: list[tuple[str, str]], word: str, tag: str) -> tuple[str, str]:
    if not pending:
        return word, tag
    prefix = "".join(p for p, _ in pending)
    if prefix.endswith(_LAM) and word.startswith(_ALEF + _LAM):
        word = word[1:]  # lam + al- is written lil-
    first_tag = pending[0][1]
    if first_tag.startswith("B-") and tag[2:] == first_tag[2:]:
        tag = first_tag
    return prefix + word, tag


def read_newsfane(path: Path, type_map: Mapping[str, str | None]) -> list[Sentence]:
    """NewsFANE gold sentences as raw-like words with coarse BIO tags."""
    with path.open(encoding="utf-8-sig") as lines:
        sentences = []
        for tokens in read_conll_lines(lines):
            tokens = [(_QUOTE_STANDINS.get(w, w), t) for w, t in tokens]
            merged = reattach_clitics(tokens)
            tags = repair_bio(map_types((t for _, t in merged), type_map))
            sentences.append(([w for w, _ in merged], tags))
    return sentences


def read_aqmar(path: Path, type_map: Mapping[str, str | None]) -> list[Sentence]:
    """AQMAR sentences ("word TAG" per line) with coarse BIO tags."""
    with path.open(encoding="utf-8") as lines:
        return [
            ([w for w, _ in tokens], repair_bio(map_types((t for _, t in tokens), type_map)))
            for tokens in read_conll_lines(lines)
        ]
