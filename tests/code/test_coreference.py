"""Coreference helpers (hadath.code.coreference)."""

from __future__ import annotations

import pytest

from hadath.code.coreference import tokens_holding
from hadath.extract.gazetteer import bare_keys
from hadath.text import tokenize

TEXT = "وقال المشاط إن البلاد تمر بأزمة، وأكد للبلاد ولبلاده الدعم. وصرح المشّاط أيضاً."


@pytest.mark.parametrize(
    ("keys", "expected"),
    [
        ({"مشاط"}, ["المشاط", "المشّاط"]),  # harakat folded away
        ({"البلاد", "بلاده"}, ["البلاد", "للبلاد", "ولبلاده"]),  # لل reads as ل + ال
        ({"جرينيل"}, []),
    ],
)
def test_tokens_holding_finds_the_tokens_a_key_lookup_would(keys: set[str],
                                                             expected: list[str]) -> None:
    tokens = tokenize(TEXT)
    assert [t.text for t in tokens_holding(TEXT, tokens, keys)] == expected
    # what it stands in for: every token whose lookup keys hold a key is among them
    by_lookup = [t.text for t in tokens if not keys.isdisjoint(bare_keys(t.text))]
    assert set(by_lookup) <= set(expected)
