"""The shared lexicon TSV reader: headers, rows, folding keys and error messages."""

from __future__ import annotations

from pathlib import Path

import pytest

from hadath.errors import LexiconError
from hadath.lexicon.tsv import PhraseIndex, fold_key, parse_tsv, read_path

GOOD = [
    "# demo.tsv: test file\n",
    "# version: 3 (2025-01-01)\n",
    "# columns: code\tar\tnote\n",
    "\n",
    "RUS\tروسيا|روسية\n",
    "# a comment between rows\n",
    "TUR\tتركيا\tshort row is padded\n",
]


def test_tsv_parses_header_and_rows() -> None:
    parsed = parse_tsv("demo.tsv", GOOD)
    assert parsed.version == "3 (2025-01-01)"
    assert parsed.columns == ("code", "ar", "note")
    assert [(r.line, r["code"], r["note"]) for r in parsed.rows] == [
        (5, "RUS", ""),
        (7, "TUR", "short row is padded"),
    ]


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        (["# columns: a\tb\n", "x\ty\n"], "bad.tsv:2: data before the '# version:' header line"),
        (["# version: 1\n", "x\ty\n"], "bad.tsv:2: data before the '# columns:' header line"),
        (["# version: 1\n", "# columns: a\tb\n", "x\ty\tz\n"], "bad.tsv:3: 3 fields, expected 2"),
        (["# columns: a\n"], "bad.tsv:1: no '# version:' header line"),
    ],
)
def test_tsv_errors_name_file_and_line(lines: list[str], message: str) -> None:
    with pytest.raises(LexiconError, match=message.replace("(", r"\(")):
        parse_tsv("bad.tsv", lines)


def test_tsv_malformed_file_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "broken.tsv"
    path.write_text("# version: 1\n# columns: code\tar\nUSA\tأمريكا\nRUS\tروسيا\textra\n", "utf-8")
    with pytest.raises(LexiconError, match=r"^broken\.tsv:4: 3 fields, expected 2"):
        read_path(path)


def test_tsv_missing_required_column() -> None:
    with pytest.raises(LexiconError, match=r"demo\.tsv:1: missing column.*capital"):
        parse_tsv("demo.tsv", GOOD, required=("code", "capital"))


@pytest.mark.parametrize(
    ("raw", "key"),
    [
        ("الإماراتيّة", "الاماراتيه"),
        ("أميركـا", "اميركا"),
        ("مستشفى", "مستشفي"),
        ("  آسيان   الدولية ", "اسيان الدوليه"),
    ],
)
def test_tsv_fold_key(raw: str, key: str) -> None:
    assert fold_key(raw) == key


def test_tsv_phrase_index_prefers_longest() -> None:
    index: PhraseIndex[str] = PhraseIndex()
    index.add("مجلس الأمن", "IGOUNO")
    index.add("مجلس الأمن القومي", "GOV")
    assert index.longest_match(["قال", "مجلس", "الأمن", "القومي"], 1) == ("GOV", 3)
    assert index.longest_match(["قال", "مجلس", "الأمن", "الدولي"], 1) == ("IGOUNO", 2)
    assert index.longest_match(["قال"], 0) is None
    assert index.phrases()[0] == ("مجلس الامن القومي", "GOV")
    assert index.add("مجلس الامن", "other") == "IGOUNO"  # same folded key: first value kept
