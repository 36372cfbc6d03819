"""Property tests: the text layer never raises and every span reads the original text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from hadath.text import fold, split_sentences, tokenize

_ARABIC_LETTERS = [chr(c) for c in range(0x0621, 0x063B)] + [chr(c) for c in range(0x0641, 0x064B)]
_MARKS = [chr(c) for c in range(0x064B, 0x0660)] + ["\u0670", "\u06d6", "\u06ed", "\u0640"]
_EXTRA = list(
    "\u0671\u06a9\u06cc٠١٢٣٤٥٦٧٨٩۰۱0123456789"  # alef wasla, Persian letters, digits
    ' "“”„«»‘’‚‹›״'  # quotes
    ".!?؟…،؛:-–—•*·()#_/\n\r\t  "  # punctuation, bullets, whitespace
    "\u200b\u200c\u200f\u202b\u202c\u2066\u2069\ufeffabcXYZ"  # controls, Latin
)
ARABIC_HEAVY = st.text(alphabet=st.sampled_from(_ARABIC_LETTERS + _MARKS + _EXTRA), max_size=300)
ANY_TEXT = st.one_of(st.text(max_size=300), ARABIC_HEAVY)


@settings(max_examples=300, deadline=None)
@given(ANY_TEXT)
def test_fold_where_is_increasing_and_in_range(text: str) -> None:
    folded = fold(text)
    assert len(folded.text) == len(folded.where)
    assert all(a < b for a, b in zip(folded.where, folded.where[1:], strict=False))
    assert all(0 <= i < len(text) for i in folded.where)
    if folded.text:
        start, end = folded.to_original(0, len(folded.text))
        assert 0 <= start < end <= len(text)


@settings(max_examples=300, deadline=None)
@given(ANY_TEXT)
def test_sentences_cover_the_text_in_order(text: str) -> None:
    sentences = split_sentences(text)
    previous_end = 0
    covered = [False] * len(text)
    for sentence in sentences:
        assert text[sentence.start : sentence.end] == sentence.text
        assert sentence.text and sentence.text == sentence.text.strip()
        assert previous_end <= sentence.start < sentence.end
        previous_end = sentence.end
        for i in range(sentence.start, sentence.end):
            covered[i] = True
    assert all(covered[i] for i, ch in enumerate(text) if not ch.isspace())


@settings(max_examples=300, deadline=None)
@given(ANY_TEXT)
def test_tokens_and_pieces_read_the_text(text: str) -> None:
    previous_end = 0
    for token in tokenize(text):
        assert text[token.start : token.end] == token.text
        assert previous_end <= token.start < token.end
        previous_end = token.end
        pieces = [*token.prefixes, token.stem] + ([token.suffix] if token.suffix else [])
        for piece in pieces:
            assert text[piece.start : piece.end] == piece.text
            assert token.start <= piece.start <= piece.end <= token.end
        if token.is_arabic:  # the pieces tile the token
            assert "".join(p.text for p in pieces) == token.text


@settings(max_examples=300, deadline=None)
@given(ANY_TEXT)
def test_tokens_inside_sentences_read_the_text(text: str) -> None:
    for sentence in split_sentences(text):
        for token in tokenize(text, sentence.start, sentence.end):
            assert sentence.start <= token.start < token.end <= sentence.end
            assert text[token.start : token.end] == token.text
