"""Run the fuzz targets under atheris (libFuzzer) for a set time.

    python -m fuzz.run --seconds 1800                 # every target, the time shared out
    python -m fuzz.run --seconds 600 --target pipeline --target jsonl

Each target runs in a child process of its own (libFuzzer exits the process
when its time is up or when it finds a crash), one after the other: one core.
The corpus each target grows is kept in `--workdir` (default .fuzz/, ignored
by git) so that a later run starts where the last one stopped; a crashing
input is saved there as `crashes/<target>-crash-<sha1>` and the run exits 1.
Reproduce one with `python -m fuzz.run --replay TARGET FILE`.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import time
from pathlib import Path

__all__ = ["main"]

_HERE = Path(__file__).resolve().parent
_REPO = _HERE.parent
_DONE = re.compile(r"Done (\d+) runs in (\d+) second")
_UNITS = re.compile(r"stat::number_of_executed_units:\s*(\d+)")
_MAX_LEN = 4096


def _seeds(name: str) -> list[bytes]:
    """Starting inputs: short real articles from examples/ in the target's format."""
    examples = _REPO / "examples"
    records = []
    for line in (examples / "articles.jsonl").read_text("utf-8").splitlines()[:4]:
        record = json.loads(line)
        record["text"] = record["text"][:250]
        records.append(json.dumps(record, ensure_ascii=False))
    jsonl = ("\n".join(records) + "\n").encode()[:_MAX_LEN]
    seed_txt = (examples / "seed.txt").read_text("utf-8")[:600].encode()
    return {
        "jsonl": [jsonl, b'{"id": 1, "text": "\\ud800 \\u0642"}\n[1]\n'],
        "jsonl.gz": [b"\x01" + jsonl, b"\x02" + jsonl, b"\x03" + jsonl],
        "txt": [seed_txt],
        "folder": [jsonl + b"\xff\xfe" + seed_txt + b"\xff\xfe" + seed_txt],
    }.get(name, [bytes(range(0, 256, 7)), bytes(range(200, 248)) * 3])


def _child(name: str, seconds: int, workdir: Path) -> None:
    import atheris

    with atheris.instrument_imports(include=["hadath", "fuzz"]):
        from fuzz.targets import target
        from hadath.pipeline import code_text

    code_text("\u0642\u0627\u0644 \u0627\u0644\u0631\u0626\u064a\u0633")  # qala al-ra'is: warm up
    chosen = target(name)
    corpus = workdir / "corpus" / name
    if not corpus.exists():
        corpus.mkdir(parents=True)
        for number, seed in enumerate(_seeds(name)):
            (corpus / f"seed-{number}").write_bytes(seed)
    crashes = workdir / "crashes"
    crashes.mkdir(parents=True, exist_ok=True)
    args = [sys.argv[0], str(corpus), f"-max_total_time={seconds}", f"-max_len={_MAX_LEN}",
            f"-artifact_prefix={crashes}/{name}-", "-timeout=30", "-rss_limit_mb=2048",
            "-print_final_stats=1", f"-dict={_HERE / 'json.dict'}"]
    atheris.Setup(args, chosen.run)
    atheris.Fuzz()


def _run_target(name: str, seconds: int, workdir: Path) -> dict[str, object]:
    started = time.monotonic()
    child = subprocess.run(
        [sys.executable, "-m", "fuzz.run", "--child", name, "--seconds", str(seconds),
         "--workdir", str(workdir)],
        cwd=_REPO, capture_output=True, text=True, errors="replace", check=False)
    log = workdir / "logs" / f"{name}-{int(time.time())}.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    log.write_text(child.stdout + child.stderr, "utf-8")
    units = _UNITS.search(child.stderr) or _DONE.search(child.stderr)
    return {"target": name, "seconds": round(time.monotonic() - started, 1),
            "inputs": int(units.group(1)) if units else None,
            "crashed": child.returncode != 0, "exit": child.returncode, "log": str(log)}


def replay(name: str, path: Path) -> None:
    """Run one saved input through a target, with the traceback if it fails."""
    from fuzz.targets import target

    target(name).run(path.read_bytes())
    print(f"{name}: {path} passes")


def main(argv: list[str] | None = None) -> int:
    from fuzz.targets import TARGETS

    parser = argparse.ArgumentParser(prog="python -m fuzz.run", description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=int, default=60, help="total fuzzing time")
    parser.add_argument("--target", action="append", choices=[t.name for t in TARGETS],
                        help="a target to run (repeatable; default: all)")
    parser.add_argument("--workdir", type=Path, default=_REPO / ".fuzz")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--replay", nargs=2, metavar=("TARGET", "FILE"))
    args = parser.parse_args(argv)
    if args.child:
        _child(args.child, args.seconds, args.workdir.resolve())
        return 0
    if args.replay:
        replay(args.replay[0], Path(args.replay[1]))
        return 0
    names = args.target or [t.name for t in TARGETS]
    share = max(1, args.seconds // len(names))
    results = []
    for name in names:
        result = _run_target(name, share, args.workdir.resolve())
        results.append(result)
        print(json.dumps(result), flush=True)
    with (args.workdir / "summary.jsonl").open("a", encoding="utf-8") as summary:
        for result in results:
            summary.write(json.dumps({"at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
                                      **result}) + "\n")
    total = sum(r["inputs"] or 0 for r in results)
    print(f"{sum(r['seconds'] for r in results):.0f} s, {total:,} inputs, "
          f"{sum(r['crashed'] for r in results)} target(s) crashed", flush=True)
    return 1 if any(r["crashed"] for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
