"""Readers on hostile input: each case was a crash, a hang or unbounded memory before issue 8."""

from __future__ import annotations

import gzip
import json
import os
import zlib
from pathlib import Path

import pytest

from hadath.engine.readers import ReadLimits, Record, Rejected, read_inputs

ARABIC = "قال وزير الخارجية إن المحادثات مع الجانب الروسي كانت مثمرة."
GOOD = json.dumps({"id": "ok", "text": ARABIC}, ensure_ascii=False).encode() + b"\n"


def _items(*paths: Path | str, limits: ReadLimits = ReadLimits()) -> list:
    return list(read_inputs([str(p) for p in paths], limits))


@pytest.mark.issue(8)
@pytest.mark.parametrize(
    ("line", "where"),
    [
        (b'{"id": "s", "text": "\\u0642\\u0627\\u0644 \\ud800 x"}', "field 'text'"),
        (b'{"id": "s", "title": "\\udc00", "text": "\\u0642\\u0627\\u0644"}', "field 'title'"),
        (b'{"id": "s", "text": "\\u0642", "tags": [{"\\udfff": 1}]}', "field 'tags'"),
    ],
)
def test_readers_reject_lone_surrogate_escapes(tmp_path: Path, line: bytes, where: str) -> None:
    # Found by fuzzing: the record was coded, then writing it as UTF-8 ended the run.
    path = tmp_path / "s.jsonl"
    path.write_bytes(line + b"\n" + GOOD)
    first, second = _items(path)
    assert isinstance(first, Rejected) and first.id == "s"
    assert first.reason == f"lone surrogate (an invalid \\u escape) in {where}"
    assert isinstance(second, Record)


@pytest.mark.issue(8)
def test_readers_keep_surrogate_pairs(tmp_path: Path) -> None:
    path = tmp_path / "pair.jsonl"
    path.write_bytes(b'{"id": "p", "text": "\\u0642\\u0627\\u0644 \\ud83d\\ude00"}\n')
    (item,) = _items(path)
    assert isinstance(item, Record) and item.data["text"].endswith("\U0001f600")


@pytest.mark.issue(8)
def test_readers_corrupt_gzip_is_one_rejection(tmp_path: Path) -> None:
    # zlib.error (not an OSError) used to escape the reader and end the run.
    whole = gzip.compress(GOOD * 2_000, mtime=0)
    path = tmp_path / "corrupt.jsonl.gz"
    path.write_bytes(whole[:40] + bytes([whole[40] ^ 0xFF]) + whole[41:])
    items = _items(path)
    assert isinstance(items[-1], Rejected) and items[-1].unread
    assert items[-1].reason.startswith("cannot read file: Error -3")
    assert all(isinstance(i, Record) for i in items[:-1])


@pytest.mark.issue(8)
def test_readers_long_line_skipped_not_held(tmp_path: Path) -> None:
    path = tmp_path / "long.jsonl"
    limits = ReadLimits(max_chars=1_000, max_line_bytes=10_000)
    long_line = b'{"id": "long", "text": "' + "ق".encode() * 3_000_000 + b'"}\n'
    path.write_bytes(GOOD + long_line + GOOD)
    first, second, third = _items(path, limits=limits)
    assert isinstance(first, Record) and isinstance(third, Record)
    assert isinstance(second, Rejected) and second.origin.endswith("long.jsonl:2")
    assert second.reason == (f"line of {len(long_line):,} bytes is over the size limit of "
                             "10,000 bytes (--max-chars)")


@pytest.mark.issue(8)
def test_readers_line_exactly_at_the_limit(tmp_path: Path) -> None:
    # The cap counts the newline; the line after an over-long one is still read.
    path = tmp_path / "edge.jsonl"
    short = b'{"text": "\\u0642\\u0627\\u0644 \\u0641\\u064a"}\n'  # qala fi
    at_cap = short[:-3] + b" " * 100 + b'"}\n'
    over = at_cap[:-3] + b' "}\n'
    path.write_bytes(over + short + at_cap)
    first, second, third = _items(path, limits=ReadLimits(max_line_bytes=len(at_cap)))
    assert isinstance(first, Rejected) and "over the size limit" in first.reason
    assert isinstance(second, Record) and isinstance(third, Record)


@pytest.mark.issue(8)
def test_readers_gzip_bomb_stops_reading(tmp_path: Path) -> None:
    path = tmp_path / "bomb.jsonl.gz"
    compressor = zlib.compressobj(9, zlib.DEFLATED, 31)  # gzip container
    with path.open("wb") as stream:
        stream.write(compressor.compress(GOOD * 2))
        line = b"0" * (1 << 20) + b"\n"
        for _ in range(48):  # 48 MB of lines of zeros in about 50 KB
            stream.write(compressor.compress(line))
        stream.write(compressor.flush())
    assert path.stat().st_size < 200_000
    items = _items(path)
    assert [type(i) for i in items[:2]] == [Record, Record]
    assert isinstance(items[-1], Rejected)
    assert "gzip bomb?" in items[-1].reason and len(items) < 25


@pytest.mark.issue(8)
def test_readers_non_utf8_file_name(tmp_path: Path) -> None:
    # A Latin-1 file name came out of os.listdir with a lone surrogate and broke the output.
    folder = tmp_path / "in"
    folder.mkdir()
    (Path(os.fsdecode(bytes(folder))) / os.fsdecode(b"caf\xe9.txt")).write_text(ARABIC, "utf-8")
    (item,) = _items(folder)
    assert isinstance(item, Record)
    assert item.data["id"] == "caf\ufffd" and item.origin.endswith("caf\ufffd.txt")
    item.origin.encode("utf-8")


@pytest.mark.issue(8)
def test_readers_symlinked_folder_out_of_input(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text(ARABIC, "utf-8")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(ARABIC, "utf-8")
    (folder / "linked").symlink_to(outside, target_is_directory=True)
    (folder / "loop").symlink_to(folder, target_is_directory=True)  # back inside: never walked
    items = _items(folder)
    assert [(Path(i.origin).name, type(i).__name__) for i in items] == [
        ("a.txt", "Record"), ("linked", "Rejected")]
    assert "symbolic link out of the input folder" in items[1].reason
    followed = _items(folder, limits=ReadLimits(follow_symlinks=True))
    assert [Path(i.origin).name for i in followed] == ["a.txt", "secret.txt"]
    assert all(isinstance(i, Record) for i in followed)


@pytest.mark.issue(8)
def test_readers_symlink_loop_with_follow_ends(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "to-b").symlink_to(tmp_path / "b", target_is_directory=True)
    (tmp_path / "b" / "to-a").symlink_to(tmp_path / "a", target_is_directory=True)
    (tmp_path / "b" / "x.txt").write_text(ARABIC, "utf-8")
    items = _items(tmp_path / "a", limits=ReadLimits(follow_symlinks=True))
    assert [Path(i.origin).name for i in items] == ["x.txt"]


@pytest.mark.issue(8)
def test_readers_gzip_bomb_of_one_endless_line(tmp_path: Path) -> None:
    # Skipping an over-long line used to decompress all of it, however big.
    member = gzip.compress(b"\0" * (1 << 20), mtime=0)  # 1 MB of NUL bytes in 1 KB
    path = tmp_path / "bomb.jsonl.gz"
    path.write_bytes(gzip.compress(GOOD, mtime=0) + member * 4_096)  # 4 GB, one line
    items = _items(path)
    assert isinstance(items[0], Record)
    (bomb,) = items[1:]
    assert isinstance(bomb, Rejected) and "gzip bomb?" in bomb.reason
    assert bomb.origin.endswith("bomb.jsonl.gz:2")


@pytest.mark.issue(8)
@pytest.mark.parametrize(
    ("line", "reason"),
    [
        (b'{"text": "\\u0642\\u0627\\u0644", "score": NaN}', "not JSON: NaN is not a JSON value"),
        (b'{"text": "\\u0642\\u0627\\u0644", "n": -Infinity}', "not JSON: -Infinity is not"),
        (b'{"text": "\\u0642\\u0627\\u0644", "n": 1e999}', "not JSON: number 1e999 is too large"),
        (b'{"text": "\\u0642\\u0627\\u0644", "n": ' + b"9" * 5_000 + b"}", "not JSON: Exceeds"),
    ],
)
def test_readers_reject_numbers_json_cannot_hold(tmp_path: Path, line: bytes, reason: str) -> None:
    path = tmp_path / "n.jsonl"
    path.write_bytes(line + b"\n")
    (item,) = _items(path)
    assert isinstance(item, Rejected) and item.reason.startswith(reason), item.reason


@pytest.mark.issue(8)
def test_readers_byte_order_mark_before_a_line(tmp_path: Path) -> None:
    path = tmp_path / "bom.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + GOOD + GOOD)
    assert [type(i) for i in _items(path)] == [Record, Record]
