"""Pipeline components of the text layer: sentences and tokens."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from hadath.registry import component
from hadath.text.doc import Doc
from hadath.text.sentences import split_sentences
from hadath.text.tokens import tokenize

__all__ = ["make_sentencizer", "make_tokenizer"]


@component("hadath.sentences.v1", requires=("text",), assigns=("sentences",))
def make_sentencizer() -> Callable[[Doc], Doc]:
    """Split the text into sentences that keep quotations whole."""

    def sentencize(doc: Doc) -> Doc:
        return replace(doc, sentences=tuple(split_sentences(doc.text)))

    return sentencize


@component("hadath.tokens.v1", requires=("sentences",), assigns=("tokens",))
def make_tokenizer() -> Callable[[Doc], Doc]:
    """Tokenize each sentence, clitics split off, with lemmas."""

    def tokenize_doc(doc: Doc) -> Doc:
        tokens = []
        for sentence in doc.sentences:
            tokens.extend(tokenize(doc.text, sentence.start, sentence.end))
        return replace(doc, tokens=tuple(tokens))

    return tokenize_doc
