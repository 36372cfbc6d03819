"""A bounded load test of `hadath serve` on loopback: GET /v1/events with a mix of filters.

Builds (or reuses, with --keep) the ~100,000-event store of bench_serve.py, starts
`hadath serve` in its own process on a free loopback port, then drives it for --seconds
(at most 120) with wrk (`apt-get install wrk`) and a Lua script that cycles through
FILTERS; without wrk, with a small asyncio + httpx client. Prints requests/s, errors
(non-2xx and socket errors) and the p50 / p95 / p99 latency. Targets: 0 errors,
p99 < 500 ms (see notes/security.md for the measured figures).

usage: python bench/bench_load.py ../shared/corpora/ant/articles.jsonl [--limit 400]
       [--db /tmp/bench-serve.sqlite] [--keep] [--seconds 60] [--connections 8]
       [--threads 2] [--client wrk|python] [--uncached]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_serve import code_sample, replicate  # bench/ is no package: from its folder

MAX_SECONDS = 120
# The mix of GET /v1/events an analyst's dashboard sends; {outlet} is filled in.
FILTERS = [
    "/v1/events",
    "/v1/events?actor=USA",
    "/v1/events?source=USA&root=04",
    "/v1/events?target=YEM&cameo=19",
    "/v1/events?plover=CONSULT",
    "/v1/events?quad_class=4&since=2018-01-01&until=2018-12-31",
    "/v1/events?outlet={outlet}",
    "/v1/events?q=" + quote("\u0627\u0644\u064a\u0645\u0646"),  # al-Yaman
    "/v1/events?q=" + quote("\u0627\u0644\u064a\u0645\u0646") + "&actor=YEM",
    "/v1/events?verdict=none",
    "/v1/events?offset=5000",
    "/v1/events?limit=200&root=19",
    "/v1/events?actor=ISR&since=2019",
    "/v1/events?root=01&limit=100&offset=100",
]

_WRK_SCRIPT = """
local paths = {%s}
local n = 0
request = function()
  n = n + 1
  return wrk.format("GET", paths[(n %% #paths) + 1])
end
done = function(summary, latency, requests)
  io.write(string.format("RESULT requests=%%d seconds=%%.3f non2xx=%%d connect=%%d read=%%d "
    .. "write=%%d timeout=%%d p50=%%.3f p95=%%.3f p99=%%.3f max=%%.3f\\n",
    summary.requests, summary.duration / 1e6, summary.errors.status, summary.errors.connect,
    summary.errors.read, summary.errors.write, summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000))
end
"""


def build_store(corpus: Path, db: Path, limit: int, keep: bool) -> None:
    """bench_serve.py's store: `limit` coded articles, copied and multiplied to ~100,000 events."""
    if keep and db.exists():
        return
    coded = db.with_name(db.stem + f"-coded-{limit}.sqlite")
    if not coded.exists():  # coding is the slow part: kept between runs
        code_sample(corpus, coded, limit)
    for suffix in ("", "-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    with sqlite3.connect(coded) as source, sqlite3.connect(db) as target:
        source.backup(target)
    replicate(db, 10, 100_000)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


_SERVE = ("import sys, uvicorn; from hadath.serve.app import create_app; "
          "uvicorn.run(create_app(sys.argv[1], max_cached_totals=int(sys.argv[3])), "
          "host='127.0.0.1', port=int(sys.argv[2]), log_level='warning')")


def start_server(db: Path, port: int, cached_totals: int) -> subprocess.Popen[bytes]:
    """`hadath serve`'s app under uvicorn in its own process (so the load client does not
    share its GIL), with `cached_totals` remembered match counts (0: count every time)."""
    server = subprocess.Popen([sys.executable, "-c", _SERVE, str(db), str(port),
                               str(cached_totals)], stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/v1/events?limit=1", timeout=5).is_success:
                return server
        except httpx.HTTPError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit("hadath serve did not start within 60 s")


def run_wrk(base: str, paths: list[str], seconds: int, connections: int,
            threads: int) -> dict[str, float]:
    lua = _WRK_SCRIPT % ", ".join(f'"{p}"' for p in paths)
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(lua)
    try:
        done = subprocess.run(["wrk", "-t", str(threads), "-c", str(connections),
                               "-d", f"{seconds}s", "--timeout", "10s", "-s", script.name, base],
                              capture_output=True, text=True, check=True)
    finally:
        os.unlink(script.name)
    line = next(x for x in done.stdout.splitlines() if x.startswith("RESULT "))
    got = {k: float(v) for k, v in (item.split("=") for item in line.split()[1:])}
    got["errors"] = sum(got[k] for k in ("non2xx", "connect", "read", "write", "timeout"))
    got["rps"] = got["requests"] / got["seconds"]
    return got


async def _python_load(base: str, paths: list[str], seconds: int,
                       connections: int) -> dict[str, float]:
    latencies: list[float] = []
    errors = 0
    stop = time.monotonic() + seconds

    async def worker(client: httpx.AsyncClient, start: int) -> None:
        nonlocal errors
        n = start
        while time.monotonic() < stop:
            began = time.perf_counter()
            try:
                response = await client.get(paths[n % len(paths)])
                errors += not response.is_success
            except httpx.HTTPError:
                errors += 1
            latencies.append((time.perf_counter() - began) * 1000)
            n += 1

    limits = httpx.Limits(max_connections=connections)
    began = time.monotonic()
    async with httpx.AsyncClient(base_url=base, timeout=10, limits=limits) as client:
        await asyncio.gather(*(worker(client, i) for i in range(connections)))
    elapsed = time.monotonic() - began
    latencies.sort()

    def pct(p: float) -> float:
        return latencies[min(len(latencies) - 1, int(p / 100 * len(latencies)))]

    return {"requests": len(latencies), "seconds": elapsed, "errors": errors,
            "rps": len(latencies) / elapsed, "p50": statistics.median(latencies),
            "p95": pct(95), "p99": pct(99), "max": latencies[-1]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--limit", type=int, default=400, help="articles to code")
    parser.add_argument("--db", type=Path,
                        default=Path(tempfile.gettempdir()) / "bench-serve.sqlite")
    parser.add_argument("--keep", action="store_true", help="reuse --db if it exists")
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--threads", type=int, default=2, help="wrk threads")
    parser.add_argument("--uncached", action="store_true",
                        help="count every filter's matches each time (max_cached_totals=0)")
    parser.add_argument("--client", choices=("wrk", "python"),
                        default="wrk" if shutil.which("wrk") else "python")
    args = parser.parse_args()
    seconds = min(args.seconds, MAX_SECONDS)  # bounded: never more than 2 minutes
    build_store(args.corpus, args.db, args.limit, args.keep)
    with sqlite3.connect(args.db) as conn:
        events = conn.execute("SELECT count(*) FROM events").fetchone()[0]
        outlet = conn.execute("SELECT source FROM articles WHERE source IS NOT NULL "
                              "GROUP BY source ORDER BY count(*) DESC LIMIT 1").fetchone()[0]
    paths = [p.format(outlet=quote(outlet, safe="")) for p in FILTERS]
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    server = start_server(args.db, port, 0 if args.uncached else 256)
    try:
        if args.client == "wrk":
            got = run_wrk(base, paths, seconds, args.connections, args.threads)
        else:
            got = asyncio.run(_python_load(base, paths, seconds, args.connections))
    finally:
        server.terminate()
        server.wait(timeout=30)
    print(f"{events} events; {len(paths)} filter mixes; {args.client}, {args.connections} "
          f"connections, {got['seconds']:.0f} s on loopback; totals "
          f"{'counted each time' if args.uncached else 'remembered'}")
    print(f"requests {got['requests']:.0f}  requests/s {got['rps']:.1f}  errors "
          f"{got['errors']:.0f}  p50 {got['p50']:.1f} ms  p95 {got['p95']:.1f} ms  "
          f"p99 {got['p99']:.1f} ms  max {got['max']:.1f} ms")
    if got["errors"] or got["p99"] >= 500:
        print("target missed: 0 errors and p99 < 500 ms")


if __name__ == "__main__":
    main()
