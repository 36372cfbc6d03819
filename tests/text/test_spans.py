"""Intervals: overlap questions answered by bisection agree with a plain scan."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hadath.text.spans import Intervals

_SPANS = st.lists(st.tuples(st.integers(0, 60), st.integers(0, 20)).map(
    lambda p: (p[0], p[0] + p[1])), max_size=12)


@pytest.mark.issue(8)
@settings(max_examples=300, deadline=None)
@given(spans=_SPANS, start=st.integers(0, 80), length=st.integers(0, 20))
def test_spans_intervals_overlap_like_a_scan(spans: list[tuple[int, int]], start: int,
                                             length: int) -> None:
    end = start + length
    expected = any(s < end and start < e for s, e in spans)
    assert Intervals(spans).overlaps(start, end) == expected
