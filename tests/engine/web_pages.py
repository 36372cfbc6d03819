"""HTML pages and WARC files built from the sample articles, so web-input tests need no network."""

from __future__ import annotations

import html
import json
from io import BytesIO
from pathlib import Path
from typing import Any

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "articles.jsonl"
ENGLISH_PAGE = ("<html lang='en'><head><title>Markets today</title></head><body><article>"
                + "<p>Stocks rose on Tuesday as investors weighed the central bank's remarks "
                  "on inflation and the labour market.</p>" * 4 + "</article></body></html>")


def sample_articles(count: int = 3) -> list[dict[str, Any]]:
    with EXAMPLES.open(encoding="utf-8") as stream:
        return [json.loads(line) for line, _ in zip(stream, range(count), strict=False)]


def article_page(article: dict[str, Any], url: str | None = None, dated: bool = True) -> str:
    """A news page around an article: menu, script, style, footer and related links."""
    url = url or f"https://www.example-news.net/ar/{article['id']}.html"
    paragraphs = "\n".join(f"<p>{html.escape(p)}</p>" for p in article["text"].split("\n"))
    date = (f'<meta property="article:published_time" content="{article["published"]}">'
            if dated else "")
    return f"""<!DOCTYPE html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8">
<title>{html.escape(article["title"])} | أخبار المثال</title>
<link rel="canonical" href="{url}">{date}
<style>.menu {{ content: "نمط لا يظهر"; }}</style>
<script>var trap = "سكربت لا يظهر في النص";</script>
</head><body>
<nav class="menu"><a href="/">الرئيسية</a> <a href="/sport">رياضة</a>
<a href="/eco">اقتصاد</a></nav>
<article><h1>{html.escape(article["title"])}</h1>
{paragraphs}
</article>
<aside><h3>اقرأ أيضا</h3><ul><li><a href="/a">خبر آخر</a></li>
<li><a href="/b">خبر ثالث</a></li></ul></aside>
<footer>جميع الحقوق محفوظة © أخبار المثال</footer>
<script>document.write("سكربت آخر");</script>
</body></html>"""


def write_warc(path: Path, pages: list[tuple[str, str, bytes]], gzipped: bool = True) -> None:
    """A WARC of (url, content type, payload) responses, each after its request record."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=gzipped)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "tests"}))
        for url, content_type, payload in pages:
            request = writer.create_warc_record(
                url, "request", payload=BytesIO(b"GET / HTTP/1.1\r\n\r\n"),
                http_headers=StatusAndHeaders("GET / HTTP/1.1", [], is_http_request=True))
            writer.write_record(request)
            status = "404 Not Found" if url.endswith("/missing") else "200 OK"
            headers = StatusAndHeaders(status, [("Content-Type", content_type)],
                                       protocol="HTTP/1.1")
            response = writer.create_warc_record(url, "response", payload=BytesIO(payload),
                                                 http_headers=headers)
            response.rec_headers.replace_header("WARC-Date", "2024-03-10T12:00:00Z")
            writer.write_record(response)
