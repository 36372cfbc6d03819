"""Readers turn every input into a record or a rejection with a one-line reason."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from hadath.engine.readers import ReadLimits, Record, Rejected, read_inputs, split_title

ARABIC = "قال وزير الخارجية إن المحادثات مع الجانب الروسي كانت مثمرة."


def _items(*paths: Path | str, limits: ReadLimits = ReadLimits()) -> list:
    return list(read_inputs([str(p) for p in paths], limits))


def test_readers_jsonl_keeps_fields_and_order(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    rows = [{"id": "x1", "text": ARABIC, "lang": "ar"}, {"id": "x2", "text": ARABIC + " ثانية"}]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", "utf-8")
    items = _items(path)
    assert [type(i) for i in items] == [Record, Record]
    assert [i.data["id"] for i in items] == ["x1", "x2"]
    assert items[0].data["lang"] == "ar"
    assert items[0].origin.endswith("a.jsonl:1")


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        (b"{not json", "not JSON"),
        (b'["a list"]', "not a JSON object but list"),
        (b'{"id": "1"}', "missing field 'text'"),
        (b'{"id": "1", "text": "   "}', "empty text"),
        (b'{"id": "1", "text": 42}', "'text' is int, not a string"),
        (b'{"id": "1", "text": "The talks went well in Moscow."}', "no Arabic text"),
        ('{"id": "1", "text": "قال"}'.encode()[:-4] + b"\xff\xfe\"}", "not valid UTF-8"),
        (b"[" * 100_000 + b"]" * 100_000, "not JSON"),
    ],
)
def test_readers_reject_bad_lines_with_reason(tmp_path: Path, line: bytes, reason: str) -> None:
    path = tmp_path / "bad.jsonl"
    good = json.dumps({"id": "ok", "text": ARABIC}, ensure_ascii=False).encode()
    path.write_bytes(line + b"\n" + good + b"\n")
    first, second = _items(path)
    assert isinstance(first, Rejected)
    assert first.reason.startswith(reason), first.reason
    assert "\n" not in first.reason
    assert isinstance(second, Record)  # the batch goes on


def test_readers_reject_oversized_article(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    path.write_text(json.dumps({"id": "big", "text": "ا" * 10_500_000}) + "\n", "utf-8")
    (item,) = _items(path)
    assert isinstance(item, Rejected)
    assert "over the" in item.reason


def test_readers_text_file_title_and_id(tmp_path: Path) -> None:
    path = tmp_path / "story-7.txt"
    path.write_text("عنوان قصير\n\n" + ARABIC + "\n", "utf-8")
    (item,) = _items(path)
    assert isinstance(item, Record)
    assert item.data == {"id": "story-7", "title": "عنوان قصير", "text": ARABIC}


def test_readers_binary_and_non_utf8_files(tmp_path: Path) -> None:
    (tmp_path / "bin.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    (tmp_path / "latin1.txt").write_bytes("caf\xe9 ".encode("latin-1") + ARABIC.encode())
    items = _items(tmp_path / "bin.txt", tmp_path / "latin1.txt")
    assert [i.reason.split(" (")[0] for i in items] == ["binary file", "not valid UTF-8"]


def test_readers_folder_recursive_with_skips(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text(ARABIC, "utf-8")
    with gzip.open(tmp_path / "a.jsonl.gz", "wt", encoding="utf-8") as stream:
        stream.write(json.dumps({"id": "g", "text": ARABIC}, ensure_ascii=False) + "\n")
    (tmp_path / "notes.md").write_text("# notes", "utf-8")
    items = _items(tmp_path)
    kinds = {Path(i.origin.split(":")[0]).name: type(i).__name__ for i in items}
    assert kinds == {"a.jsonl.gz": "Record", "notes.md": "Rejected", "b.txt": "Record"}


def test_readers_symlink_out_of_folder_not_followed(tmp_path: Path) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_text(ARABIC, "utf-8")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "link.txt").symlink_to(outside)
    (item,) = _items(folder)
    assert isinstance(item, Rejected) and "symbolic link" in item.reason
    (followed,) = _items(folder, limits=ReadLimits(follow_symlinks=True))
    assert isinstance(followed, Record)


def test_readers_missing_path() -> None:
    (item,) = _items("/nonexistent/file.jsonl")
    assert isinstance(item, Rejected) and item.reason == "no such file or folder"


@pytest.mark.parametrize(
    ("content", "title", "text"),
    [
        ("عنوان\n\nالنص هنا", "عنوان", "النص هنا"),
        ("سطر أول\nسطر ثان\n\nفقرة", None, "سطر أول\nسطر ثان\n\nفقرة"),
        ("نص بلا عنوان", None, "نص بلا عنوان"),
        ("عنوان\r\n\r\nالنص", "عنوان", "النص"),
    ],
)
def test_readers_split_title(content: str, title: str | None, text: str) -> None:
    assert split_title(content) == (title, text)
