"""Names the learned recogniser finds in a document's sentences (PER, ORG, LOC spans).

The tagger reads surface words; each span maps back to character offsets,
starting after any conjunction or preposition glued to its first word
(وصبري → صبري), also where the tokenizer left it on a word it does not know but the
document names without it (لليتون after ليتون → ليتون).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from hadath.extract.ner import NerTagger
from hadath.extract.ner.consistency import propagate_names
from hadath.text.fold import fold, fold_str
from hadath.text.spans import Span, Token
from hadath.text.translit import latin_name

__all__ = ["NameSpan", "find_names"]

# Proclitic letters (WAW, FEH, BEH, LAM, KAF) glued to a name: و ف ب ل ك
_CLITIC_LETTERS = frozenset("\u0648\u0641\u0628\u0644\u0643")
_MIN_NAME_LETTERS = 3


@dataclass(frozen=True, slots=True)
class NameSpan:
    start: int
    end: int
    text: str
    type: str  # PER ORG LOC
    latin: str


def _spans(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    spans, start, label = [], -1, ""
    for i, tag in enumerate([*tags, "O"]):
        if start >= 0 and not tag.startswith("I-"):
            spans.append((start, i, label))
            start = -1
        if tag.startswith("B-"):
            start, label = i, tag[2:]
    return spans


def _trimmed(span: list[Token]) -> list[Token]:
    """The span without punctuation at its ends: the tagger sometimes runs a name into the
    comma of an apposition or a closing mark (أحمد عبد الجواد، مدير ...)."""
    first, last = 0, len(span)
    while first < last and not _is_wordlike(span[first]):
        first += 1
    while last > first and not _is_wordlike(span[last - 1]):
        last -= 1
    return span[first:last]


def _is_wordlike(token: Token) -> bool:
    return token.is_arabic or any(c.isalnum() for c in token.text)


def _glued_start(token: Token, name_words: set[str]) -> int:
    """Where a name starts in the first word of its span: `Token.name_start`, or after one
    or two clitic letters the tokenizer left on a word it does not know, if the rest is a
    name word elsewhere in the document (the document pass tags لليتون because ليتون is a
    name there)."""
    start = token.name_start
    if start != token.start or not token.is_arabic:
        return start
    folded = fold(token.text)
    for n in (1, 2):
        rest = folded.text[n:]
        if (len(rest) >= _MIN_NAME_LETTERS and rest in name_words
                and all(c in _CLITIC_LETTERS for c in folded.text[:n])):
            return token.start + folded.where[n]
    return start


def find_names(text: str, sentences: Sequence[Span], tokens: Sequence[Token],
               tagger: NerTagger | None = None) -> list[NameSpan]:
    """Recognised name spans: each sentence tagged alone, then the document pass
    (`consistency.propagate_names`, as `NerTagger.tag_document`) tags the repeats of the
    names found and the surnames of nearby persons (+0.013 held-out F1, ~0.3 ms an
    article; notes/ner.md)."""
    tagger = tagger or NerTagger.load()
    grouped: list[list[Token]] = []
    index = 0
    for sentence in sentences:
        words: list[Token] = []
        while index < len(tokens) and tokens[index].start < sentence.end:
            words.append(tokens[index])
            index += 1
        if words:
            grouped.append(words)
    sentence_words = [[t.text for t in words] for words in grouped]
    tags = propagate_names(sentence_words, tagger.tag_sentences(sentence_words))
    spans = [(span, label) for words, sentence_tags in zip(grouped, tags, strict=True)
             for first, last, label in _spans(sentence_tags)
             if (span := _trimmed(words[first:last]))]
    name_words = {fold_str(text[t.name_start:t.end]) for span, _ in spans for t in span}
    found: list[NameSpan] = []
    for span, label in spans:
        start, end = _glued_start(span[0], name_words), span[-1].end
        if start < end:
            name = text[start:end]
            found.append(NameSpan(start, end, name, label, latin_name(name)))
    return found
