"""`hadath code --engine ray` on a local Ray instance, then `hadath load`: the same store rows
as the local engine, every bad record in the manifest, and a second load adds nothing.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from hadath.cli import main
from tests.conftest import EXAMPLES

ray = pytest.importorskip("ray", reason="ray is not installed (pip install 'hadath[ray]')")
pq = pytest.importorskip("pyarrow.parquet", reason="pyarrow is not installed")

ARABIC = "قال وزير الخارجية الروسي إن المحادثات مع الجانب الجزائري كانت مثمرة."
# Every column but the time a row was written.
TABLE_QUERIES = {
    "articles": "SELECT id, text_hash, title, published, source, url, text, extra, hadath "
                "FROM articles",
    "entities": "SELECT * FROM entities",
    "actors": "SELECT * FROM actors",
    "events": "SELECT * FROM events",
    "quotes": "SELECT * FROM quotes",
    "articles_fts": "SELECT rowid, article_id, title, text FROM articles_fts",
}


@pytest.fixture(scope="module")
def local_ray() -> Iterator[None]:
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield
    ray.shutdown()


def _inputs(folder: Path) -> Path:
    """A folder of shards: the sample corpus in two files, the seed article, and bad records."""
    folder.mkdir()
    lines = (EXAMPLES / "articles.jsonl").read_text("utf-8").splitlines(keepends=True)
    (folder / "shard-1.jsonl").write_text("".join(lines[:20]), "utf-8")
    (folder / "shard-2.jsonl").write_text("".join(lines[20:]), "utf-8")
    shutil.copy(EXAMPLES / "seed.txt", folder / "seed.txt")
    bad = [b"{broken json", json.dumps({"id": "empty", "text": ""}).encode(), b"\xff\xfe x",
           json.dumps({"id": "en", "text": "English only."}).encode(),
           json.dumps({"text": ARABIC, "published": "last tuesday"}, ensure_ascii=False).encode()]
    (folder / "shard-3.jsonl").write_bytes(b"\n".join(bad) + b"\n")
    (folder / "notes.md").write_text("not an input", "utf-8")
    return folder


def _rows(db: Path) -> dict[str, list[tuple]]:
    conn = sqlite3.connect(db)
    try:
        return {table: sorted(conn.execute(sql).fetchall(), key=repr)
                for table, sql in TABLE_QUERIES.items()}
    finally:
        conn.close()


def _manifest(path: Path) -> tuple[list[tuple], dict]:
    entries = [json.loads(line) for line in path.read_text("utf-8").splitlines()]
    listed = sorted((e["kind"], e["origin"], e["id"], e.get("reason") or e.get("message"))
                    for e in entries[:-1])
    return listed, entries[-1]


def _invoke(*args: str) -> str:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def test_cluster_ray_run_loads_the_rows_of_a_local_run(tmp_path: Path, local_ray) -> None:
    inputs = _inputs(tmp_path / "in")
    out_dir, ray_db, local_db = tmp_path / "parts", tmp_path / "ray.sqlite", tmp_path / "l.sqlite"
    _invoke("code", str(inputs), "--engine", "ray", "--out-dir", str(out_dir), "--workers", "2")
    _invoke("code", str(inputs), "--db", str(local_db), "--workers", "1",
            "--manifest", str(tmp_path / "local.manifest.jsonl"))
    loaded = _invoke("load", str(out_dir), "--db", str(ray_db))
    assert "42 documents" in loaded and "42 added" in loaded

    ray_rows, local_rows = _rows(ray_db), _rows(local_db)
    assert len(ray_rows["articles"]) == 42 and len(ray_rows["events"]) > 40
    assert ray_rows == local_rows

    ray_listed, ray_summary = _manifest(out_dir / "manifest.jsonl")
    local_listed, local_summary = _manifest(tmp_path / "local.manifest.jsonl")
    assert ray_listed == local_listed
    assert {r[3].split(":")[0].split(" (")[0] for r in ray_listed if r[0] == "rejected"} == {
        "not JSON", "empty text", "not valid UTF-8", "no Arabic text", "skipped"}
    assert (ray_summary["read"], ray_summary["coded"], ray_summary["rejected"]) == (
        local_summary["read"], local_summary["coded"], local_summary["rejected"]) == (46, 42, 5)

    events = pq.read_table(out_dir / "events").num_rows
    assert events == len(local_rows["events"])
    ids = pq.read_table(out_dir / "documents").column("id").to_pylist()
    assert sorted(ids) == sorted(row[0] for row in local_rows["articles"])

    again = _invoke("load", str(out_dir), "--db", str(ray_db))
    assert "0 added" in again and "42 already stored" in again
    assert _rows(ray_db) == local_rows


def test_cluster_refuses_an_out_dir_holding_a_run(tmp_path: Path, local_ray) -> None:
    (tmp_path / "parts" / "documents").mkdir(parents=True)
    result = CliRunner().invoke(main, ["code", str(EXAMPLES / "seed.txt"), "--engine", "ray",
                                       "--out-dir", str(tmp_path / "parts")])
    assert result.exit_code != 0
    assert "already holds a run" in result.output


@pytest.mark.parametrize("args, message", [
    (["--engine", "ray"], "give --out-dir DIR"),
    (["--engine", "ray", "--out-dir", "d", "--db", "x.sqlite"], "hadath load d --db STORE"),
    (["--out-dir", "d"], "go with --engine ray"),
])
def test_cluster_cli_options_checked_before_running(args: list[str], message: str) -> None:
    result = CliRunner().invoke(main, ["code", str(EXAMPLES / "seed.txt"), *args])
    assert result.exit_code != 0
    assert message in result.output


def test_cluster_load_refuses_a_folder_without_a_run(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["load", str(tmp_path), "--db", str(tmp_path / "s.sqlite")])
    assert result.exit_code != 0
    assert "holds no hadath run" in result.output
