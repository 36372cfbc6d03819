"""`hadath code`: every input record ends coded or in the manifest; outputs follow the schema."""

from __future__ import annotations

import json
from importlib.resources import files
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from hadath.cli import main
from tests.conftest import EXAMPLES

ARABIC = "قال وزير الخارجية الروسي إن المحادثات مع الجانب الجزائري كانت مثمرة."


@pytest.fixture(scope="module")
def validator() -> jsonschema.protocols.Validator:
    schema = json.loads(files("hadath.schema").joinpath("document.schema.json").read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def _write_mixed_batch(folder: Path) -> int:
    """A file of good and bad lines; returns how many records it holds."""
    lines = [
        json.dumps({"id": "a1", "text": ARABIC, "published": "2024-03-06T10:00:00+00:00",
                    "source": "test", "feed": "world"}, ensure_ascii=False).encode(),
        b"{broken json",
        json.dumps({"id": "a2", "text": ""}).encode(),
        b"\xff\xfe not utf-8",
        json.dumps({"id": "a3", "text": "English only, no Arabic at all."}).encode(),
        json.dumps({"text": ARABIC, "published": "last tuesday"}, ensure_ascii=False).encode(),
    ]
    (folder / "batch.jsonl").write_bytes(b"\n".join(lines) + b"\n")
    (folder / "story.txt").write_text("عنوان الخبر\n\n" + ARABIC, "utf-8")
    (folder / "image.txt").write_bytes(b"\x00\x01\x02binary")
    return len(lines) + 2


def test_code_cli_accounts_for_every_record(tmp_path: Path, validator) -> None:
    total = _write_mixed_batch(tmp_path)
    out, manifest = tmp_path / "out.jsonl", tmp_path / "run.manifest.jsonl"
    result = CliRunner().invoke(
        main, ["code", str(tmp_path / "batch.jsonl"), str(tmp_path / "story.txt"),
               str(tmp_path / "image.txt"), "--out", str(out), "--manifest", str(manifest)])
    assert result.exit_code == 0, result.output
    docs = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    entries = [json.loads(line) for line in manifest.read_text("utf-8").splitlines()]
    rejected = [e for e in entries if e["kind"] == "rejected"]
    assert len(docs) + len(rejected) == total
    assert [d["id"] for d in docs] == ["a1", "batch:6", "story"]
    assert {r["reason"].split(":")[0].split(" (")[0] for r in rejected} == {
        "not JSON", "empty text", "not valid UTF-8", "no Arabic text", "binary file"}
    summary = entries[-1]
    assert summary["kind"] == "summary" and summary["coded"] == 3 and summary["rejected"] == 5
    assert any(e["kind"] == "warning" and "ISO 8601" in e["message"] for e in entries)
    assert docs[0]["feed"] == "world" and docs[0]["source"] == "test"
    assert docs[2]["title"] == "عنوان الخبر"
    for doc in docs:
        validator.validate(doc)


def test_code_cli_exit_nonzero_when_nothing_read(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["code", str(tmp_path / "missing.jsonl"),
                                       "--out", str(tmp_path / "o.jsonl")])
    assert result.exit_code != 0
    assert "nothing could be read" in result.output


def test_code_cli_stdin_to_stdout(tmp_path: Path) -> None:
    record = json.dumps({"id": "s1", "text": ARABIC}, ensure_ascii=False)
    result = CliRunner().invoke(main, ["code", "-", "--manifest", str(tmp_path / "m.jsonl")],
                                input=record + "\n")
    assert result.exit_code == 0
    doc = json.loads(result.stdout.splitlines()[0])
    assert doc["id"] == "s1" and doc["text"] == ARABIC


def test_code_cli_workers_keep_input_order(tmp_path: Path) -> None:
    path = tmp_path / "many.jsonl"
    path.write_text("".join(
        json.dumps({"id": f"n{i}", "text": f"{ARABIC} رقم {i}"}, ensure_ascii=False) + "\n"
        for i in range(40)), "utf-8")
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(main, ["code", str(path), "--out", str(out), "--workers", "2"])
    assert result.exit_code == 0, result.output
    ids = [json.loads(line)["id"] for line in out.read_text("utf-8").splitlines()]
    assert ids == [f"n{i}" for i in range(40)]


def test_code_cli_seed_offsets_and_schema(tmp_path: Path, validator) -> None:
    out = tmp_path / "seed.jsonl"
    result = CliRunner().invoke(main, ["code", str(EXAMPLES / "seed.txt"), "--out", str(out)])
    assert result.exit_code == 0, result.output
    (doc,) = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    validator.validate(doc)
    assert doc["id"] == "seed" and doc["title"] == "تقارب روسي جزائري حيال الأزمة الليبية"
    assert doc["text"].startswith("موسكو – اتفقت روسيا والجزائر")
    text = doc["text"]
    for entity in doc["entities"]:
        assert text[entity["start"]:entity["end"]] == entity["text"]
    for event in doc["events"]:
        trigger = event["trigger"]
        assert text[trigger["start"]:trigger["end"]] == trigger["text"]
    for quote in doc["quotes"]:
        assert text[quote["start"]:quote["end"]] == quote["text"]


def test_schema_command_prints_the_schema() -> None:
    result = CliRunner().invoke(main, ["schema"])
    assert result.exit_code == 0
    schema = json.loads(result.output)
    assert schema["title"] == "hadath coded document"
    assert set(schema["required"]) >= {"id", "text", "entities", "actors", "events", "quotes"}
