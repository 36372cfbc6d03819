"""`hadath eval` gives the reference scorer's figures, measure for measure."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from hadath.cli import main
from hadath.eval.runner import read_jsonl
from hadath.eval.scoring import event_matches, normalise, quote_matches, score_documents
from tests.conftest import SHARED, needs_shared

GOLD = SHARED / "eval" / "dev.gold.jsonl"
SCORER = SHARED / "eval" / "score.py"


def _reference_scores(pred_path: Path) -> dict:
    done = subprocess.run([sys.executable, str(SCORER), str(GOLD), str(pred_path), "--json"],
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def _noisy_predictions(gold_docs: list[dict], seed: int) -> list[dict]:
    """Predictions built from the gold with errors of every kind the scorer must judge."""
    rng = random.Random(seed)
    preds = []
    for doc in gold_docs:
        gold = doc["gold"]
        events = []
        for g in gold["events"]:
            roll = rng.random()
            source, target = rng.choice(g["source"]), (rng.choice(g["target"])
                                                       if g["target"] else None)
            if roll < 0.15:
                source, target = target, source  # reversed: only symmetric events survive
            cameo = rng.choice(g["cameo"]) if roll < 0.8 else rng.choice(["01", "19", "112"])
            events.append({"source": source, "target": {"code": target} if target else None,
                           "cameo": cameo, "date": g.get("date") if roll < 0.5 else "1999-01-01"})
        quotes = [{"speaker": rng.choice(q["speaker"] + [None]),
                   "text": q["starts"] + " وتابع"} for q in gold["quotes"] if rng.random() < 0.8]
        quotes.append({"speaker": None, "text": "جملة لا تطابق أي اقتباس"})
        actors = [{"code": a["code"], "kind": a["kind"], "name": a["name"],
                   "text": rng.choice(a["ar"])} for a in gold["actors"] if rng.random() < 0.7]
        actors.append({"code": "XYZGOV", "kind": "person", "name": "Nobody", "text": "لا أحد"})
        preds.append({"id": doc["id"], "text": doc["text"], "events": events, "quotes": quotes,
                      "actors": actors})
    return preds


@needs_shared
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_scoring_equals_reference_scorer(tmp_path: Path, seed: int) -> None:
    gold = read_jsonl(GOLD)
    preds = _noisy_predictions(gold, seed)
    pred_path = tmp_path / "pred.jsonl"
    pred_path.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in preds))
    ours = score_documents(gold, preds).measures
    assert ours == _reference_scores(pred_path)
    assert 0 < ours["events"]["f1"] < 1 and 0 < ours["quotes"]["f1"] < 1


@needs_shared
def test_eval_cli_equals_reference_on_hadath_output(tmp_path: Path) -> None:
    out = tmp_path / "pred.jsonl"
    coded = CliRunner().invoke(main, ["code", str(GOLD), "--out", str(out)])
    assert coded.exit_code == 0, coded.output
    result = CliRunner().invoke(main, ["eval", str(GOLD), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == _reference_scores(out)


@pytest.mark.parametrize(
    ("pred", "gold", "width", "expected"),
    [
        ({"source": "RUSGOV", "target": "DZA", "cameo": "036"},
         {"source": ["RUS"], "target": ["DZA"], "cameo": ["03"], "symmetric": False}, 3, True),
        ({"source": "DZA", "target": "RUS", "cameo": "04"},
         {"source": ["RUS"], "target": ["DZA"], "cameo": ["04"], "symmetric": True}, 3, True),
        ({"source": "DZA", "target": "RUS", "cameo": "04"},
         {"source": ["RUS"], "target": ["DZA"], "cameo": ["04"], "symmetric": False}, 3, False),
        ({"source": "RUSGOV", "target": "DZA", "cameo": "04"},
         {"source": ["RUSMIL"], "target": ["DZA"], "cameo": ["04"], "symmetric": False}, 6, False),
        ({"source": "TUR", "target": None, "cameo": "14"},
         {"source": ["TUR"], "target": ["LBY"], "cameo": ["14"], "symmetric": False}, 3, False),
        ({"source": "TUR", "target": "LBY", "cameo": "14"},
         {"source": ["TUR"], "target": [], "cameo": ["14"], "symmetric": False}, 3, True),
    ],
)
def test_scoring_event_matches(pred: dict, gold: dict, width: int, expected: bool) -> None:
    assert event_matches(pred, gold, width) is expected


def test_scoring_quote_match_ignores_hamza_and_punctuation() -> None:
    gold = {"starts": "أعتقد أن هناك نظرة إيجابية", "speaker": ["DZAGOV"]}
    assert quote_matches({"text": "«اعتقد ان هناك، نظرة»", "speaker": "DZA"}, gold, True)
    assert not quote_matches({"text": "اعتقد ان هناك", "speaker": "RUS"}, gold, True)
    assert normalise("إِنَّ الأمم ـ المتحدة!") == "ان الامم المتحدة"


def test_eval_verbose_lists_missed_and_spurious_with_sentence(tmp_path: Path) -> None:
    text = "اتفقت روسيا والجزائر على آلية للتشاور. وقصفت تركيا مواقع في سوريا."
    gold = {"id": "g1", "text": text, "gold": {
        "actors": [{"name": "Russia", "ar": ["روسيا"], "kind": "country", "code": "RUS"}],
        "events": [{"source": ["RUS"], "target": ["DZA"], "cameo": ["03"], "plover": "AGREE",
                    "symmetric": True, "required": True, "date": None,
                    "evidence": "اتفقت روسيا والجزائر"}],
        "quotes": []}}
    spurious = {"source": {"code": "TUR"}, "target": {"code": "SYR"}, "cameo": "195",
                "sentence": {"start": 39, "end": len(text)}, "trigger": {"text": "قصفت"}}
    pred = {"id": "g1", "text": text, "events": [spurious], "quotes": [], "actors": []}
    (tmp_path / "gold.jsonl").write_text(json.dumps(gold, ensure_ascii=False) + "\n")
    (tmp_path / "pred.jsonl").write_text(json.dumps(pred, ensure_ascii=False) + "\n")
    result = CliRunner().invoke(main, ["eval", str(tmp_path / "gold.jsonl"), "--pred",
                                       str(tmp_path / "pred.jsonl"), "--verbose"])
    assert result.exit_code == 0, result.output
    assert "missed (1):\n  g1  event  RUS -03-> DZA: اتفقت روسيا والجزائر" in result.output
    assert "g1  event  TUR -195-> SYR [قصفت]: وقصفت تركيا مواقع في سوريا." in result.output
    assert "events: {'precision': 0.0, 'recall': 0.0, 'f1': 0.0" in result.output
