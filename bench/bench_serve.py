"""GET /v1/events latency on a ~100,000-event store, and the dashboard pages' server time.

Builds the store (kept with --keep): codes the first --limit articles of the corpus (the
coded store is kept beside --db for the next run), copies the articles --article-copies
times (new ids, dates shifted by weeks, their full-text rows too) and multiplies the events
within them until the events table holds --events rows. Then starts `hadath serve`'s app under
uvicorn on a free loopback port and sends each typical query --repeat times over HTTP
(httpx), reporting p50 / p95 / max per query; the same for the HTML pages.

usage: python bench/bench_serve.py ../shared/corpora/ant/articles.jsonl [--limit 1500]
       [--events 100000] [--repeat 40] [--db /tmp/bench-serve.sqlite] [--keep]
"""

from __future__ import annotations

import argparse
import socket
import sqlite3
import statistics
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import quote

import httpx
import uvicorn

from hadath.engine.manifest import Manifest
from hadath.engine.runner import code_paths, default_workers
from hadath.serve.app import create_app
from hadath.store.migrate import register_functions
from hadath.store.sqlite import Store

_COPIED = {  # table: the column holding the article id
    "entities": "article_id", "actors": "article_id", "events": "article_id",
    "quotes": "article_id",
}

QUERIES = [
    ("newest page", "/v1/events"),
    ("actor USA", "/v1/events?actor=USA"),
    ("source USA, root 04", "/v1/events?source=USA&root=04"),
    ("target YEM, CAMEO 19", "/v1/events?target=YEM&cameo=19"),
    ("PLOVER CONSULT", "/v1/events?plover=CONSULT"),
    ("QuadClass 4, one year", "/v1/events?quad_class=4&since=2018-01-01&until=2018-12-31"),
    ("outlet", "/v1/events?outlet={outlet}"),
    ("text al-Yaman", "/v1/events?q=%D8%A7%D9%84%D9%8A%D9%85%D9%86"),
    ("text al-Yaman + actor YEM", "/v1/events?q=%D8%A7%D9%84%D9%8A%D9%85%D9%86&actor=YEM"),
    ("verdict none", "/v1/events?verdict=none"),
    ("deep page (offset 50000)", "/v1/events?offset=50000"),
    ("500 rows", "/v1/events?limit=500"),
    ("dyads USA-ISR per week", "/v1/dyads?source=USA&target=ISR&symmetric=true&period=week"),
]
PAGES = [
    ("events page", "/"),
    ("events page, filtered", "/?actor=USA&quad_class=1"),
    ("article page", "/articles/{article}"),
    ("actor page", "/actors/USA"),
    ("network JSON", "/v1/network?level=country"),
    ("places JSON", "/v1/places?limit=2000"),
    ("dyad page", "/dyads?a=USA&b=ISR"),
]


def code_sample(corpus: Path, db: Path, limit: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        sample = Path(tmp) / "sample.jsonl"
        with corpus.open("rb") as source, sample.open("wb") as out:
            for n, line in enumerate(source):
                if n >= limit:
                    break
                out.write(line)
        with Store(db) as store, Manifest(None) as manifest:
            summary = code_paths([str(sample)], None, manifest, sink=store,
                                 workers=default_workers(), skip_stored=True)
    print(f"coded {summary.coded} articles in {summary.seconds:.0f} s")


def _copy_select(conn: sqlite3.Connection, table: str, changes: dict[str, str]) -> str:
    cols = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
    return ", ".join(changes.get(c, f'"{c}"') for c in cols)


def replicate(db: Path, article_copies: int, events: int) -> None:
    """Copies of the coded articles (new ids, dates + 7 days each, full-text rows too), then
    copies of every event inside its article (new idx, dates + 1 day each) up to `events`.

    Copying whole articles only would need ~100,000 articles (hadath finds about one event
    per ANT article): gigabytes of text for a benchmark. So the articles are copied
    `article_copies` times and the events multiplied within them.
    """
    conn = sqlite3.connect(db)
    register_functions(conn)
    base = conn.execute("SELECT count(*) FROM events").fetchone()[0]
    for n in range(1, article_copies + 1):
        tag, shift = f"~r{n}", f"+{7 * n} days"
        with conn:
            conn.execute(
                "INSERT INTO articles SELECT " + _copy_select(conn, "articles", {
                    "id": "id || :tag",
                    "published": "strftime('%Y-%m-%dT%H:%M:%S', published, :shift)"})
                + " FROM articles WHERE id NOT LIKE '%~r%'", {"tag": tag, "shift": shift})
            for table in _COPIED:
                changes = {"article_id": "article_id || :tag"}
                if table == "events":
                    changes["date"] = "date(date, :shift)"
                conn.execute(f"INSERT INTO {table} SELECT {_copy_select(conn, table, changes)} "
                             f"FROM {table} WHERE article_id NOT LIKE '%~r%'",
                             {"tag": tag, "shift": shift})
            conn.execute(
                "INSERT INTO articles_fts (rowid, article_id, title, text) "
                "SELECT hadath_fts_rowid(article_id || :tag), article_id || :tag, title, text "
                "FROM articles_fts WHERE article_id NOT LIKE '%~r%'", {"tag": tag})
    per_copy = conn.execute("SELECT count(*) FROM events").fetchone()[0]
    multiplier = max(1, -(-events // per_copy))
    for m in range(1, multiplier):
        with conn:
            conn.execute(
                "INSERT INTO events SELECT " + _copy_select(conn, "events", {
                    "idx": "idx + 10000 * :m", "date": "date(date, '+' || :m || ' days')"})
                + " FROM events WHERE idx < 10000", {"m": m})
    conn.execute("ANALYZE")
    total = conn.execute("SELECT count(*) FROM events").fetchone()[0]
    articles = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    conn.close()
    print(f"{base} coded events; articles copied {article_copies} times, events "
          f"{multiplier} times: {total} events in {articles} articles")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _measure(client: httpx.Client, name: str, url: str, repeat: int) -> None:
    times = []
    response = None
    for _ in range(repeat):
        started = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - started) * 1000)
        response.raise_for_status()
    times.sort()
    p95 = times[min(len(times) - 1, round(0.95 * len(times)) - 1)]
    total = ""
    if response is not None and url.startswith("/v1/events"):
        total = f"  total={response.json()['total']}"
    print(f"{name:28} p50 {statistics.median(times):7.1f} ms  p95 {p95:7.1f} ms  "
          f"max {times[-1]:7.1f} ms{total}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--limit", type=int, default=1500, help="articles to code")
    parser.add_argument("--events", type=int, default=100_000, help="events to reach")
    parser.add_argument("--repeat", type=int, default=40)
    parser.add_argument("--db", type=Path,
                        default=Path(tempfile.gettempdir()) / "bench-serve.sqlite")
    parser.add_argument("--article-copies", type=int, default=10)
    parser.add_argument("--keep", action="store_true", help="reuse --db if it exists")
    args = parser.parse_args()
    if not (args.keep and args.db.exists()):
        coded = args.db.with_name(args.db.stem + f"-coded-{args.limit}.sqlite")
        if not coded.exists():  # coding is the slow part: kept between runs
            code_sample(args.corpus, coded, args.limit)
        for suffix in ("", "-wal", "-shm"):
            Path(str(args.db) + suffix).unlink(missing_ok=True)
        with sqlite3.connect(coded) as source, sqlite3.connect(args.db) as target:
            source.backup(target)
        replicate(args.db, args.article_copies, args.events)
    with sqlite3.connect(args.db) as conn:
        outlet = conn.execute("SELECT source FROM articles WHERE source IS NOT NULL "
                              "GROUP BY source ORDER BY count(*) DESC LIMIT 1").fetchone()[0]
        article = conn.execute("SELECT article_id FROM events GROUP BY article_id "
                               "ORDER BY count(*) DESC LIMIT 1").fetchone()[0]
        count = conn.execute("SELECT count(*) FROM events").fetchone()[0]
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(args.db), host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    print(f"\n{count} events; {args.repeat} requests each, sequential, over loopback HTTP")
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=30) as client:
            for name, url in QUERIES:
                _measure(client, name, url.format(outlet=outlet), args.repeat)
            print()
            for name, url in PAGES:
                _measure(client, name, url.format(article=quote(article, safe="")),
                         max(5, args.repeat // 4))
    finally:
        server.should_exit = True
        thread.join(timeout=10)


if __name__ == "__main__":
    main()
