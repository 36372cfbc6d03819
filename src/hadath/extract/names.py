"""Names the learned recogniser finds in a document's sentences (PER, ORG, LOC spans).

The tagger reads surface words; each span maps back to character offsets,
starting after any conjunction or preposition glued to its first word
(وصبري → صبري).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from hadath.extract.ner import NerTagger
from hadath.text.spans import Span, Token
from hadath.text.translit import latin_name

__all__ = ["NameSpan", "find_names"]


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


def find_names(text: str, sentences: Sequence[Span], tokens: Sequence[Token],
               tagger: NerTagger | None = None) -> list[NameSpan]:
    """Recognised name spans, sentence by sentence."""
    tagger = tagger or NerTagger.load()
    found: list[NameSpan] = []
    index = 0
    for sentence in sentences:
        words: list[Token] = []
        while index < len(tokens) and tokens[index].start < sentence.end:
            words.append(tokens[index])
            index += 1
        if not words:
            continue
        for first, last, label in _spans(tagger.tag([t.text for t in words])):
            start, end = words[first].name_start, words[last - 1].end
            if start < end:
                name = text[start:end]
                found.append(NameSpan(start, end, name, label, latin_name(name)))
    return found
