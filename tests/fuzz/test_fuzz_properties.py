"""Short runs of the fuzz targets (fuzz/targets.py) under hypothesis, as part of the tests.

The long runs are atheris's (`python -m fuzz.run --seconds N`, see fuzz/README.md);
these check the same invariants on a few hundred inputs so that a change that
breaks one fails `make test`.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fuzz.alphabet import ALPHABET, PUBLISHED, WORDS
from fuzz.checks import check_document
from fuzz.targets import TARGETS, Target
from hadath.pipeline import default_pipeline
from hadath.text.doc import Doc

# News words and hostile characters run together: long enough to hold a few sentences.
NEWS_LIKE = st.lists(
    st.one_of(st.sampled_from(WORDS), st.text(alphabet=st.sampled_from(ALPHABET), max_size=6),
              st.sampled_from([" ", " ", "\n"]), st.text(max_size=3)),
    max_size=60,
).map("".join)

_FAST = settings(max_examples=60, deadline=None,
                 suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@pytest.mark.issue(8)
@pytest.mark.parametrize("fuzz_target", TARGETS, ids=lambda t: t.name)
@_FAST
@given(data=st.binary(max_size=600))
def test_fuzz_target_holds_on_arbitrary_bytes(fuzz_target: Target, data: bytes) -> None:
    fuzz_target.run(data)


@pytest.mark.issue(8)
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=NEWS_LIKE, published=st.sampled_from(PUBLISHED))
def test_fuzz_pipeline_spans_read_the_text(text: str, published: str | None) -> None:
    if not text.strip():
        return
    doc = default_pipeline()(Doc.from_record({"id": "h", "text": text, "published": published}))
    doc.check_offsets()
    out = doc.to_dict()
    assert out["text"] == text
    check_document(out)
