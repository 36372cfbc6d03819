"""Fuzz targets: each takes bytes, runs one part of hadath on them and checks its invariants.

A target raises (AssertionError for a broken invariant, anything else for a
crash) and returns None otherwise. `TARGETS` lists them; a new reader (HTML,
WARC) is one more `Target` whose function writes the bytes to a file of its
kind and calls `_run_file` (see `jsonl` and `txt`).
"""

from __future__ import annotations

import functools
import gzip
import io
import json
import os
import tempfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from fuzz.alphabet import PUBLISHED, text_from_bytes
from fuzz.checks import check_document, check_items
from hadath.engine.manifest import Manifest
from hadath.engine.readers import ReadLimits, Rejected, read_inputs
from hadath.engine.runner import code_paths

__all__ = ["LIMITS", "TARGETS", "Target", "target"]

# Small limits, so that short fuzz inputs reach the over-the-limit paths as well.
LIMITS = ReadLimits(max_chars=400, max_line_bytes=2_000)


@dataclass(frozen=True, slots=True)
class Target:
    """A named fuzz target; `run` raises on a crash or a broken invariant."""

    name: str
    run: Callable[[bytes], None]
    doc: str


@functools.cache
def _scratch() -> Path:
    """One folder per process for the files the targets write (fuzzers run millions)."""
    return Path(tempfile.mkdtemp(prefix="hadath-fuzz-"))


def _pipeline():
    from hadath.pipeline import default_pipeline

    return default_pipeline()


def fuzz_text(data: bytes) -> None:
    """fold, split_sentences and tokenize on a string made from the bytes."""
    from hadath.text import fold, split_sentences, tokenize

    text = text_from_bytes(data)
    folded = fold(text)
    assert len(folded.text) == len(folded.where)
    assert all(a < b for a, b in zip(folded.where, folded.where[1:], strict=False))
    assert all(0 <= i < len(text) for i in folded.where)
    previous = 0
    for sentence in split_sentences(text):
        assert text[sentence.start:sentence.end] == sentence.text
        assert previous <= sentence.start < sentence.end
        previous = sentence.end
        for token in tokenize(text, sentence.start, sentence.end):
            assert sentence.start <= token.start < token.end <= sentence.end
            assert text[token.start:token.end] == token.text
            pieces = [*token.prefixes, token.stem, *([token.suffix] if token.suffix else [])]
            for piece in pieces:
                assert text[piece.start:piece.end] == piece.text
                assert token.start <= piece.start <= piece.end <= token.end


def fuzz_pipeline(data: bytes) -> None:
    """The whole pipeline on a string made from the bytes (first byte: the date published)."""
    from hadath.text.doc import Doc

    published = PUBLISHED[data[0] % len(PUBLISHED)] if data else None
    text = text_from_bytes(data[1:])
    if not text.strip():
        return
    doc = _pipeline()(Doc.from_record({"id": "fuzz", "text": text, "published": published,
                                       "title": text[:30]}))
    doc.check_offsets()
    out = doc.to_dict()
    assert out["text"] == text
    check_document(out)


def _run_file(path: Path, expected_records: int | None) -> None:
    """Read and code one file end to end: every record coded or rejected, documents valid."""
    items = check_items(read_inputs([str(path)], LIMITS), LIMITS.max_chars)
    read = sum(1 for item in items if not (isinstance(item, Rejected) and item.unread))
    if expected_records is not None:
        assert read == expected_records, f"{read} items for {expected_records} records"
    accepted = len(items) - sum(isinstance(item, Rejected) for item in items)
    if accepted == 0:
        return
    out = io.StringIO()
    with Manifest(None) as manifest:
        summary = code_paths([str(path)], out, manifest, limits=LIMITS, workers=1)
    assert "internal error" not in manifest.reasons, manifest.reasons
    assert summary.coded == accepted and summary.read == read
    assert summary.coded + summary.rejected >= summary.read
    # Split on "\n" only: str.splitlines would also cut at U+2028 or U+0085 inside a string.
    for line in out.getvalue().split("\n")[:-1]:
        check_document(json.loads(line))


def _nonblank_lines(data: bytes) -> int:
    return sum(1 for line in io.BytesIO(data) if line.strip() or len(line) > 2_000)


def fuzz_jsonl(data: bytes) -> None:
    """Arbitrary bytes as a .jsonl file."""
    path = _scratch() / "input.jsonl"
    path.write_bytes(data)
    _run_file(path, _nonblank_lines(data))


def fuzz_jsonl_gz(data: bytes) -> None:
    """Bytes as a .jsonl.gz: raw (mostly not gzip), compressed, truncated or two members."""
    mode, body = (data[0] % 4, data[1:]) if data else (0, b"")
    if mode == 0:
        packed, expected = body, None
    elif mode == 1:
        packed, expected = gzip.compress(body, mtime=0), _nonblank_lines(body)
    elif mode == 2:
        whole = gzip.compress(body, mtime=0)
        packed, expected = whole[: len(body) % max(len(whole), 1)], None
    else:
        half = len(body) // 2
        packed = gzip.compress(body[:half], mtime=0) + zlib.compress(body[half:])
        expected = None
    path = _scratch() / "input.jsonl.gz"
    path.write_bytes(packed)
    _run_file(path, expected)


def fuzz_txt(data: bytes) -> None:
    """Arbitrary bytes as a .txt file: one article, or one rejection."""
    path = _scratch() / "input.txt"
    path.write_bytes(data)
    _run_file(path, 1)


_FOLDER_NAMES = ("a.jsonl", "b.txt", "sub/c.txt", "sub/d.jsonl.gz", "e.md", "f.ndjson",
                 "\udcff-latin1.txt")


def fuzz_folder(data: bytes) -> None:
    """A folder of files cut from the bytes (b"\\xff\\xfe" separates them), with links."""
    folder = Path(tempfile.mkdtemp(dir=_scratch()))
    try:
        for name, content in zip(_FOLDER_NAMES, data.split(b"\xff\xfe"), strict=False):
            path = folder / name
            path.parent.mkdir(exist_ok=True)
            path.write_bytes(gzip.compress(content, mtime=0) if name.endswith(".gz") else content)
        outside = _scratch() / "outside.txt"
        outside.write_text("\u0642\u0627\u0644", "utf-8")  # qala: would be read if followed
        (folder / "link-out.txt").symlink_to(outside)
        (folder / "loop").symlink_to(folder)
        items = check_items(read_inputs([str(folder)], LIMITS), LIMITS.max_chars)
        root = str(folder)
        for item in items:
            assert item.origin.startswith(root), item.origin
        linked = [i for i in items if i.origin.startswith(str(folder / "link-out.txt"))]
        assert len(linked) == 1 and isinstance(linked[0], Rejected), linked
    finally:
        for path in sorted(folder.rglob("*"), key=lambda p: -len(p.parts)):
            path.unlink() if path.is_symlink() or path.is_file() else path.rmdir()
        os.rmdir(folder)


def fuzz_html(data: bytes) -> None:
    """Arbitrary bytes as an .html page: one article, or one rejection."""
    path = _scratch() / "input.html"
    path.write_bytes(data)
    _run_file(path, 1)


def fuzz_warc(data: bytes) -> None:
    """Bytes as a .warc: raw, one response record around them, its Content-Length lying
    long or short, or gzipped and cut."""
    from fuzz.corrupt import warc_response

    mode, body = (data[0] % 4, data[1:]) if data else (0, b"")
    record = warc_response(body, lie=len(body) % 97 + 1 if mode == 2 else 0)
    packed = {0: body, 1: record, 2: record,
              3: gzip.compress(record, mtime=0)[: max(1, len(body) // 2)]}[mode]
    path = _scratch() / ("input.warc.gz" if mode == 3 else "input.warc")
    path.write_bytes(packed)
    _run_file(path, None)


TARGETS: tuple[Target, ...] = (
    Target("text", fuzz_text, "fold, sentences and tokens: offsets read the text"),
    Target("pipeline", fuzz_pipeline, "the whole pipeline: spans, UTF-8, the JSON Schema"),
    Target("jsonl", fuzz_jsonl, "JSON Lines reader and runner: every line accounted for"),
    Target("jsonl.gz", fuzz_jsonl_gz, "gzipped JSON Lines: corrupt, truncated, multi-member"),
    Target("txt", fuzz_txt, "plain-text reader: one record or one rejection"),
    Target("folder", fuzz_folder, "folders: no link followed out, every file accounted for"),
    Target("html", fuzz_html, "HTML pages (trafilatura): one article or one rejection"),
    Target("warc", fuzz_warc, "WARC files: raw, lying Content-Length, gzipped and cut"),
)


def target(name: str) -> Target:
    """The target called `name`; the error lists the valid names."""
    for candidate in TARGETS:
        if candidate.name == name:
            return candidate
    raise KeyError(f"no fuzz target {name!r}; known: {', '.join(t.name for t in TARGETS)}")
