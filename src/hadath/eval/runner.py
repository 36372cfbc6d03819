"""`hadath eval`: code gold articles (or read given predictions) and score them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from hadath.eval.scoring import Scores, score_documents

__all__ = ["evaluate", "read_jsonl"]


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as stream:
        return [json.loads(line) for line in stream if line.strip()]


def evaluate(gold_path: Path, pred_path: Path | None = None, verbose: bool = False) -> Scores:
    """Scores of hadath's coding (or of `pred_path`) on the gold file."""
    from hadath.engine.runner import code_record

    gold = read_jsonl(gold_path)
    if pred_path is not None:
        predicted = read_jsonl(pred_path)
    else:
        predicted = []
        for record in gold:
            article = {k: v for k, v in record.items() if k != "gold"}
            status, payload = code_record(article)
            if status == "coded":
                predicted.append(payload)
    return score_documents(gold, predicted, verbose=verbose)
