"""HTML and WARC input: pages per second for main-text extraction, on pages built from a corpus.

Each article becomes a news page (head with title, canonical URL, date, a style and
scripts; a menu, the article, related links and a footer), as a real page would wrap
it. Times hadath.engine.html.extract_page on every page (three runs), then reading the
same pages from a gzipped WARC (hadath.engine.readers.read_inputs), and checks that the
extracted text is the article's.

usage: python bench/bench_web.py ../shared/corpora/ant/articles.jsonl [--limit 500]
"""

from __future__ import annotations

import argparse
import html
import json
import tempfile
import time
from io import BytesIO
from pathlib import Path

from hadath.engine.html import extract_page
from hadath.engine.readers import Record, read_inputs


def _page(row: dict) -> str:
    paragraphs = "\n".join(f"<p>{html.escape(p)}</p>" for p in row["text"].split("\n"))
    related = "".join(f'<li><a href="/n/{i}">خبر ذو صلة رقم {i}</a></li>' for i in range(8))
    return f"""<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8">
<title>{html.escape(row.get("title") or "")} | الموقع</title>
<link rel="canonical" href="https://news.example/{row["id"]}">
<meta property="article:published_time" content="{row.get("published") or ""}">
<style>body {{ font-family: serif; }} .menu li {{ display: inline; }}</style>
<script>window.dataLayer = []; function track() {{ return "تتبع"; }}</script></head><body>
<ul class="menu"><li><a href="/">الرئيسية</a></li><li><a href="/w">العالم</a></li>
<li><a href="/e">اقتصاد</a></li><li><a href="/s">رياضة</a></li></ul>
<article><h1>{html.escape(row.get("title") or "")}</h1>
{paragraphs}</article>
<aside><h3>اقرأ أيضا</h3><ul>{related}</ul></aside>
<footer>جميع الحقوق محفوظة</footer><script>track();</script></body></html>"""


def _write_warc(path: Path, pages: list[tuple[str, bytes]]) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        for url, payload in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                       protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                url, "response", payload=BytesIO(payload), http_headers=headers))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--limit", type=int, default=500)
    args = parser.parse_args()
    with args.corpus.open(encoding="utf-8") as stream:
        rows = [json.loads(line) for line, _ in zip(stream, range(args.limit), strict=False)]
    pages = [_page(row).encode("utf-8") for row in rows]
    extract_page(pages[0])  # trafilatura's first call loads its settings
    rates, same, spaced = [], 0, 0
    for _ in range(3):
        started = time.perf_counter()
        texts = [extract_page(page)["text"] for page in pages]
        rates.append(len(pages) / (time.perf_counter() - started))
        same = sum(text == row["text"] for text, row in zip(texts, rows, strict=True))
        spaced = sum(text.split() == row["text"].split()
                     for text, row in zip(texts, rows, strict=True))
    size = sum(map(len, pages)) / len(pages) / 1024
    print(f"{len(pages)} pages ({size:.1f} KiB each): extract_page "
          f"{min(rates):.0f}-{max(rates):.0f} pages/s (3 runs); "
          f"text identical to the article in {same} of {len(pages)}, "
          f"identical but for white space (HTML collapses it) in {spaced}")
    with tempfile.TemporaryDirectory() as folder:
        warc = Path(folder) / "pages.warc.gz"
        _write_warc(warc, [(f"https://news.example/{r['id']}", p)
                           for r, p in zip(rows, pages, strict=True)])
        started = time.perf_counter()
        records = sum(isinstance(item, Record) for item in read_inputs([str(warc)]))
        seconds = time.perf_counter() - started
    print(f"WARC ({warc.name}): {records} records in {seconds:.1f} s, "
          f"{len(pages) / seconds:.0f} pages/s")


if __name__ == "__main__":
    main()
