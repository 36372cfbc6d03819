"""hadath.text: the document model's leaves. Spans, folding, sentences, tokens.

Every offset indexes the original text; matching happens on folded views
(`fold`) that map back to it.
"""

from hadath.text.fold import Folded, fold, fold_str
from hadath.text.sentences import split_sentences
from hadath.text.spans import Span, Token
from hadath.text.tokens import tokenize

__all__ = ["Folded", "Span", "Token", "fold", "fold_str", "split_sentences", "tokenize"]
