"""A corrupted corpus: good articles mixed with broken records of every kind.

Used by tests/engine/test_corrupted_corpus.py (small) and bench/bench_corrupted.py
(the ANT corpus, a 50 MB line, a gzip bomb of GBs). `write_corrupted_corpus`
writes a folder and returns how many records it holds, so that a run can be
checked to account for each: coded + rejected == records.
"""

from __future__ import annotations

import gzip
import json
import random
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["BROKEN_KINDS", "CorruptedCorpus", "broken_lines", "warc_response",
           "write_corrupted_corpus"]

_QALA = "قال الرئيس الجزائري إن بلاده ستدعم الحوار في ليبيا."


_HOSTILE_PAGE = (
    "<html><head><title>\u062e\u0628\u0631</title><script>alert(1)</script></head><body>"
    "<nav>menu</nav><article><p>" + (_QALA + " ") * 5 + "</p><img src=x onerror=alert(1)>"
    '<a href="javascript:alert(1)">x</a></article></body></html>')


def warc_response(html: bytes, lie: int = 0) -> bytes:
    """One WARC response record holding `html`; its Content-Length `lie` bytes too long."""
    payload = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + html
    head = ("WARC/1.0\r\nWARC-Type: response\r\n"
            "WARC-Record-ID: <urn:uuid:12345678-1234-1234-1234-123456789abc>\r\n"
            "WARC-Target-URI: http://example.com/a\r\nWARC-Date: 2018-06-10T00:00:00Z\r\n"
            "Content-Type: application/http; msgtype=response\r\n"
            f"Content-Length: {len(payload) + lie}\r\n\r\n")
    return head.encode() + payload + b"\r\n\r\n"


def _record(text: object, **fields: object) -> bytes:
    return json.dumps({"id": fields.pop("id", None), "text": text, **fields},
                      ensure_ascii=False).encode()


def broken_lines(big_line_bytes: int) -> dict[str, bytes]:
    """One JSON Lines line (no newline) of each broken kind, by kind."""
    good = _record(_QALA, id="good")
    inside = good.index(b'"text": "') + 9 + 6  # after three two-byte letters
    return {
        "truncated JSON": good.decode()[: len(good.decode()) // 2].encode(),
        "invalid UTF-8": good[:inside] + b"\xff\xfe\xc3\x28" + good[inside:],
        "raw NUL byte": good[:inside] + b"\x00" + good[inside:],
        "escaped NUL": _record("قال\u0000الرئيس إن", id="nul"),
        "line over the cap": b'{"id": "big", "text": "' + "ق".encode() * (big_line_bytes // 2)
                             + b'"}',
        "deeply nested array": b"[" * 100_000 + b"]" * 100_000,
        "deeply nested text": b'{"id": "deep", "text": ' + b"[" * 50_000 + b"]" * 50_000 + b"}",
        "HTML with scripts": _record(
            '<script>alert("x")</script><img src=x onerror=alert(1)> ' + _QALA
            + ' <a href="javascript:alert(1)">رابط</a><style>*{}</style>', id="html"),
        "right-to-left overrides": _record(
            "\u202e" + _QALA + "\u202d\u2066 الروسي \u2069\u202c\u200f\u061c", id="rlo"),
        "100,000 diacritics on one letter": _record(
            "ق" + "\u0651" * 100_000 + "ال الرئيس إن بلاده ستدعم الحوار.", id="marks"),
        "lone surrogate escape": b'{"id": "sur", "text": "\\u0642\\u0627\\u0644 \\ud800"}',
        "number as text": b'{"id": "num", "text": 42}',
        "list as text": b'{"id": "lst", "text": ["\\u0642\\u0627\\u0644"]}',
        "null text": b'{"id": "nul2", "text": null}',
        "not an object": b'["\\u0642\\u0627\\u0644"]',
        "empty text": b'{"id": "empty", "text": "   "}',
        "no Arabic": _record("The president said the talks went well.", id="en"),
        "numbers in other fields": b'{"id": 7, "title": 3.5, "published": 20240101, "text": "'
                                   + _QALA.encode() + b'"}',
        "byte order mark": b"\xef\xbb\xbf" + _record(_QALA, id="bom"),
        "NaN": b'{"id": "nan", "text": "\\u0642\\u0627\\u0644", "score": NaN}',
        "5,000-digit number": b'{"id": "int", "text": "x", "n": ' + b"9" * 5_000 + b"}",
        "text over --max-chars": _record("ق " * 600_000, id="long"),
        "ANSI and control escapes": _record("\x1b[31m" + _QALA + "\u0001\u0007\x7f", id="ctl"),
        "duplicate keys": b'{"id": "dup", "text": 1, "text": "' + _QALA.encode() + b'"}',
        "CRLF line end": _record(_QALA, id="crlf") + b"\r",
    }


BROKEN_KINDS: tuple[str, ...] = tuple(broken_lines(16))


@dataclass
class CorruptedCorpus:
    """What was written: every record a run must account for."""

    folder: Path
    records: int = 0  # JSON Lines lines (not blank) and .txt files
    good: int = 0
    broken: dict[str, int] = field(default_factory=dict)


def _gzip_bomb(good: list[bytes], expanded_bytes: int) -> bytes:
    # Members of 1 MB of zeros, each about 1 KB packed: a few MB of file, GBs unpacked, all
    # one line after the good ones (so that the reader meets it as one record).
    member = gzip.compress(b"0" * (1 << 20), mtime=0)
    return gzip.compress(b"\n".join(good) + b"\n", mtime=0) + member * (expanded_bytes >> 20)


def write_corrupted_corpus(folder: Path, good: list[bytes], *, share: float = 0.01,
                           big_line_bytes: int = 50 << 20, bomb_bytes: int = 2 << 30,
                           seed: int = 8) -> CorruptedCorpus:
    """Good lines with broken ones mixed in (each kind at least once), plus bad files.

    Args:
        good: JSON Lines lines of good articles (no newline).
        share: broken records per good one (at least one of each kind is written).
        big_line_bytes: the size of the over-long line.
        bomb_bytes: how much the gzip bomb expands to.
    """
    folder.mkdir(parents=True, exist_ok=True)
    corpus = CorruptedCorpus(folder)
    kinds = broken_lines(big_line_bytes)
    count = max(len(kinds), round(share * len(good)))
    chosen = [list(kinds)[i % len(kinds)] for i in range(count)]
    rng = random.Random(seed)
    lines: list[tuple[str | None, bytes]] = [(None, line) for line in good]
    for kind in chosen:
        lines.insert(rng.randrange(len(lines) + 1), (kind, kinds[kind]))
    with (folder / "corpus.jsonl").open("wb") as stream:
        for kind, line in lines:
            stream.write(line + b"\n")
            if kind is not None:
                corpus.broken[kind] = corpus.broken.get(kind, 0) + 1
    corpus.good += len(good)
    corpus.records += len(lines)
    (folder / "bomb.jsonl.gz").write_bytes(_gzip_bomb(good[:2], bomb_bytes))
    corpus.good += len(good[:2])
    corpus.records += len(good[:2]) + 1  # the bomb: one rejection where reading stops
    corpus.broken["gzip bomb"] = 1
    (folder / "page.html").write_text(_HOSTILE_PAGE, "utf-8")  # coded: scripts never read
    (folder / "lying.warc").write_bytes(warc_response(_HOSTILE_PAGE.encode(), lie=5_000))
    corpus.good += 1
    corpus.records += 2
    corpus.broken["WARC with a lying Content-Length"] = 1
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (folder / "latin1.txt").write_bytes("café ".encode("latin-1") + _QALA.encode())
    (folder / "story.txt").write_text("عنوان\n\n" + _QALA + "\n", "utf-8")
    corpus.broken["binary .txt"] = corpus.broken["Latin-1 .txt"] = 1
    corpus.good += 1
    corpus.records += 3
    return corpus
