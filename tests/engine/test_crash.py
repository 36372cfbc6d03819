"""Crash safety: `hadath code --db` killed with SIGKILL at any moment, then rerun, ends with
exactly the rows of an uninterrupted run; a further rerun adds nothing.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

TABLES = ("articles", "entities", "actors", "events", "quotes", "articles_fts")
KILLS = 4  # the first during start-up, the others at random points while articles are written
# Enough articles that no run can finish between two polls of the store, even on a fast
# machine with warm caches: the kills must land mid-run for the test to mean anything.
RECORDS = 600

# Pieces of Arabic news sentences, combined at random into varied articles.
SUBJECTS = ("وزير الخارجية الروسي سيرغي لافروف", "الرئيس الجزائري", "الجيش التركي",
            "رئيس الوزراء العراقي", "الأمين العام للأمم المتحدة", "المتحدث باسم الحكومة الليبية",
            "وزير الدفاع الأمريكي", "مسلحون مجهولون", "الشرطة التونسية", "العاهل الأردني")
ACTIONS = ("زار", "التقى", "انتقد", "هاجم", "دعا", "أدان", "استقبل", "هدد")
OBJECTS = ("نظيره المصري", "الجزائر", "المعارضة السورية", "وفدا من الاتحاد الأوروبي",
           "مواقع المسلحين", "الحكومة الإسرائيلية", "السفير الفرنسي", "قادة الأحزاب")
TIMES = ("أمس", "يوم الثلاثاء", "صباح اليوم", "الأسبوع الماضي", "مساء الأحد")
PLACES = ("في القاهرة", "في طرابلس", "في موسكو", "قرب الحدود", "في بغداد", "في تونس العاصمة")
QUOTES = ("وقال إن \"الحوار هو السبيل الوحيد\".", "وأكد أن بلاده لن تقبل أي تدخل خارجي.",
          "ولم يصدر أي تعليق رسمي.", "وأضاف أن المحادثات كانت مثمرة.")
OUTLETS = ("aljazeera", "alarabiya", "hespress", "ahram")


def arabic_records(count: int, seed: int) -> list[dict[str, str]]:
    """`count` varied Arabic articles of 2 to 5 sentences."""
    rng = random.Random(seed)
    records = []
    for number in range(count):
        sentences = [f"{rng.choice(ACTIONS)} {rng.choice(SUBJECTS)} {rng.choice(OBJECTS)} "
                     f"{rng.choice(TIMES)} {rng.choice(PLACES)}." for _ in range(rng.randint(1, 4))]
        sentences.append(rng.choice(QUOTES))
        records.append({"id": f"gen-{number:04d}", "text": "\n".join(sentences),
                        "title": sentences[0][:40], "source": rng.choice(OUTLETS),
                        "published": f"2024-03-{rng.randint(1, 28):02d}T10:00:00+00:00"})
    return records


def _hadath(*args: str) -> list[str]:
    return [sys.executable, "-c", "from hadath.cli import main; main()", *args]


def _table_rows(db: Path) -> dict[str, list[tuple]]:
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        rows = {}
        for table in TABLES:
            cursor = conn.execute(f"SELECT * FROM {table}")
            names = [c[0] for c in cursor.description]
            keep = [i for i, name in enumerate(names) if name != "coded_at"]  # a clock reading
            rows[table] = sorted(tuple(row[i] for i in keep) for row in cursor)
        return rows
    finally:
        conn.close()


def _stored_articles(db: Path) -> int:
    """Articles in the store; 0 when a run was killed before it created the store."""
    if not db.exists():
        return 0
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.OperationalError:  # killed before the schema was committed
        return 0
    finally:
        conn.close()


def _wait_for_articles(db: Path, count: int, run: subprocess.Popen) -> None:
    """Until the store holds `count` articles (or the run ends): a moment mid-write."""
    while run.poll() is None and _stored_articles(db) < count:
        time.sleep(0.01)


def _live_processes_mentioning(text: str) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and entry.name != str(os.getpid()):
            try:
                if text.encode() in (entry / "cmdline").read_bytes():
                    found.append(int(entry.name))
            except OSError:
                continue  # ended meanwhile
    return found


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs /proc (Linux) to see orphans")
def test_crash_sigkill_then_rerun_equals_clean_run(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n"
                              for r in arabic_records(RECORDS, seed=6)), "utf-8")
    clean, crashed = tmp_path / "clean.sqlite", tmp_path / "crashed.sqlite"
    started = time.monotonic()
    subprocess.run(_hadath("code", str(corpus), "--db", str(clean), "--workers", "1"),
                   check=True, capture_output=True, timeout=120)
    clean_seconds = time.monotonic() - started
    expected = _table_rows(clean)
    assert len(expected["articles"]) == RECORDS and len(expected["events"]) > 100

    rng = random.Random(11)
    stored = 0
    for kill in range(KILLS):
        run = subprocess.Popen(_hadath("code", str(corpus), "--db", str(crashed),
                                       "--workers", "2"),
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if kill == 0:
            time.sleep(rng.uniform(0.1, 0.2) * clean_seconds)
        else:
            _wait_for_articles(crashed, stored + rng.randint(5, 40), run)
            time.sleep(rng.uniform(0, 0.05))
        run.send_signal(signal.SIGKILL)
        run.wait(timeout=10)
        now = _stored_articles(crashed)  # whole articles only, never fewer
        assert stored <= now
        stored = now
    assert 0 < stored < RECORDS, f"kills should land mid-run, {stored} of {RECORDS} stored"

    # Workers notice their parent is gone and exit (within about a second).
    deadline = time.monotonic() + 5
    while _live_processes_mentioning(str(crashed)) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert _live_processes_mentioning(str(crashed)) == []

    out = tmp_path / "out.jsonl"  # with --out every record is coded again, the file rewritten
    finished = subprocess.run(_hadath("code", str(corpus), "--db", str(crashed), "--out",
                                      str(out), "--workers", "2"),
                              check=True, capture_output=True, text=True, timeout=120)
    assert f"{RECORDS} coded" in finished.stderr
    assert len(out.read_text("utf-8").splitlines()) == RECORDS
    assert _table_rows(crashed) == expected

    again = subprocess.run(_hadath("code", str(corpus), "--db", str(crashed)),
                           check=True, capture_output=True, text=True, timeout=120)
    assert f"0 coded, {RECORDS} already in the store" in again.stderr
    assert _table_rows(crashed) == expected
