"""Fingerprints: MinHash signatures of folded word shingles, stable across processes."""

from __future__ import annotations

import subprocess
import sys

import pytest

from hadath.store.fingerprint import (
    BANDS,
    SIGNATURE_SIZE,
    band_keys,
    fingerprint,
    shingle_hashes,
    signature_similarity,
)

TEXT = "قال وزير الخارجية الجزائري إن المحادثات مع الجانب الروسي في موسكو كانت مثمرة وبناءة"
VOWELLED = "قالَ وزيرُ الخارجيةِ الجزائريُّ إنّ المحادثاتِ مع الجانبِ الروسيِّ في موسكو كانت مثمرةً وبناءة"


def test_fingerprint_ignores_harakat_and_tatweel() -> None:
    assert fingerprint(VOWELLED.replace("ال", "الـ", 1)) == fingerprint(TEXT)


@pytest.mark.parametrize("text", ["", "   ", "!!! ..."])
def test_fingerprint_of_no_words_is_none(text: str) -> None:
    assert fingerprint(text) is None and shingle_hashes(text) == set()


def test_fingerprint_size_and_bands() -> None:
    signature = fingerprint(TEXT)
    assert len(signature) == 4 * SIGNATURE_SIZE
    assert len(set(band_keys(signature))) == BANDS


@pytest.mark.parametrize(("edit", "low", "high"), [
    (lambda t: t, 1.0, 1.0),
    (lambda t: t + " وأضاف أن الجانبين اتفقا على مواصلة التشاور", 0.4, 0.95),
    (lambda t: "أعلنت الحكومة الفرنسية اليوم خطة جديدة لدعم المزارعين في الأرياف", 0.0, 0.1),
])
def test_fingerprint_similarity_follows_jaccard(edit, low: float, high: float) -> None:
    assert low <= signature_similarity(fingerprint(TEXT), fingerprint(edit(TEXT))) <= high


def test_fingerprint_same_in_another_process() -> None:
    # Stored fingerprints and band keys must not depend on PYTHONHASHSEED or the process.
    code = ("from hadath.store.fingerprint import fingerprint; import sys; "
            f"sys.stdout.write(fingerprint({TEXT!r}).hex())")
    other = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                           check=True, env={"PYTHONHASHSEED": "12345"}).stdout
    assert other == fingerprint(TEXT).hex()
