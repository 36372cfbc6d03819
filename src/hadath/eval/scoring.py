"""Scoring coded documents against gold annotations (the scheme of the eval GUIDELINE).

The matching rules are those of the project's reference scorer, so that
`hadath eval` and the scorer agree figure for figure:
- events match on CAMEO root, and source and target agree on the first three
  letters of a code (country level) or on the whole code (role level), either
  way round for symmetric gold events; a gold event with no target accepts any
  target; predictions matching only optional gold events are neutral; unmatched
  root-01 predictions are ignored; date accuracy is taken over the first match
  of each required gold event that has a date;
- quotes match when the first three normalised words of the gold quote occur
  in the predicted quote (and, with speakers, the speaker agrees at country
  level); unmatched quotes with no speaker code are neutral;
- actors are compared as sets of codes per article; persons by Arabic surface
  forms, one containing the other, at least three characters.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

__all__ = ["Item", "Scores", "score_documents"]

_DIACRITICS = re.compile("[\u064b-\u0652\u0670\u0640]")  # harakat, superscript alef, tatweel
_ALEF_FORMS = re.compile("[\u0623\u0625\u0622\u0671]")  # أ إ آ ٱ
_NOT_WORD = re.compile(r"[^\w\s]|_")


def normalise(text: str | None) -> str:
    """Text as the scorer compares it: no diacritics, plain alef and ya, words only."""
    text = _ALEF_FORMS.sub("\u0627", _DIACRITICS.sub("", text or "")).replace("\u0649", "\u064a")
    return " ".join(_NOT_WORD.sub(" ", text).split())


def _code(value: Any) -> str:
    if isinstance(value, dict):
        value = value.get("code")
    return str(value or "").upper()


def _codes(value: Any) -> list[str]:
    items = value if isinstance(value, list) else [value]
    return [c for c in map(_code, items) if c]


def _agree(predicted: list[str], gold: list[str], width: int) -> bool:
    if not gold:
        return True
    wanted = {g[:width] for g in gold}
    return any(p[:width] in wanted for p in predicted)


@dataclass
class Item:
    """A missed or spurious item for the verbose report."""

    article: str
    what: str
    detail: str


@dataclass
class Scores:
    """Precision, recall and F1 per measure, plus what was missed and spurious."""

    measures: dict[str, dict[str, Any]] = field(default_factory=dict)
    missed: list[Item] = field(default_factory=list)
    spurious: list[Item] = field(default_factory=list)


def _prf(tp_pred: int, n_pred: int, tp_gold: int, n_gold: int) -> tuple[float, float, float]:
    precision = tp_pred / n_pred if n_pred else 0.0
    recall = tp_gold / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return round(precision, 3), round(recall, 3), round(f1, 3)


def event_matches(pred: dict[str, Any], gold: dict[str, Any], width: int) -> bool:
    """Does a predicted event match a gold event at this code width (3 or 6)?"""
    if str(pred.get("cameo") or "")[:2] not in {str(c)[:2] for c in gold["cameo"]}:
        return False
    source, target = _codes(pred.get("source")), _codes(pred.get("target"))
    if not source or (gold["target"] and not target):
        return False
    if _agree(source, gold["source"], width) and _agree(target, gold["target"], width):
        return True
    return bool(gold.get("symmetric") and target and _agree(target, gold["source"], width)
                and _agree(source, gold["target"], width))


def _score_events(pairs: Sequence[tuple[dict, dict | None]], width: int,
                  report: Scores | None) -> dict[str, Any]:
    n_pred = tp_pred = n_required = tp_required = dated = dated_ok = 0
    for gold_doc, pred_doc in pairs:
        gold = gold_doc["gold"].get("events", [])
        found: set[int] = set()
        for pred in (pred_doc or {}).get("events", []):
            hits = [i for i, g in enumerate(gold) if event_matches(pred, g, width)]
            required = [i for i in hits if gold[i]["required"]]
            if required:
                n_pred += 1
                tp_pred += 1
                for i in required:
                    if i not in found and gold[i].get("date"):
                        dated += 1
                        dated_ok += (pred.get("date") or "")[:10] == gold[i]["date"]
                    found.add(i)
            elif hits or str(pred.get("cameo") or "")[:2] == "01":
                continue  # neutral: an optional gold event, or an unmatched plain statement
            else:
                n_pred += 1
                if report is not None:
                    report.spurious.append(
                        Item(gold_doc["id"], "event", _describe_pred(pred, pred_doc)))
        for i, g in enumerate(gold):
            if g["required"]:
                n_required += 1
                if i in found:
                    tp_required += 1
                elif report is not None:
                    report.missed.append(Item(gold_doc["id"], "event", _describe_gold(g)))
    p, r, f = _prf(tp_pred, n_pred, tp_required, n_required)
    out: dict[str, Any] = {"precision": p, "recall": r, "f1": f, "predicted": n_pred,
                           "gold_required": n_required}
    if width == 3:
        out["date_accuracy"] = round(dated_ok / dated, 3) if dated else None
    return out


def quote_matches(pred: dict[str, Any], gold: dict[str, Any], with_speaker: bool) -> bool:
    head = normalise(gold["starts"]).split()[:3]
    if not head or " ".join(head) not in normalise(pred.get("text", "")):
        return False
    if not with_speaker or not gold["speaker"]:
        return True
    return _agree(_codes(pred.get("speaker")), gold["speaker"], 3)


def _score_quotes(pairs: Sequence[tuple[dict, dict | None]], with_speaker: bool,
                  report: Scores | None) -> dict[str, Any]:
    n_pred = tp_pred = n_gold = tp_gold = neutral = 0
    for gold_doc, pred_doc in pairs:
        gold = gold_doc["gold"].get("quotes", [])
        preds = (pred_doc or {}).get("quotes", [])
        for pred in preds:
            if any(quote_matches(pred, g, with_speaker) for g in gold):
                n_pred += 1
                tp_pred += 1
            elif not _codes(pred.get("speaker")) and not any(
                quote_matches(pred, g, False) for g in gold
            ):
                neutral += 1
            else:
                n_pred += 1
                if report is not None:
                    report.spurious.append(Item(gold_doc["id"], "quote", _describe_quote(pred)))
        n_gold += len(gold)
        for g in gold:
            if any(quote_matches(pred, g, with_speaker) for pred in preds):
                tp_gold += 1
            elif report is not None:
                report.missed.append(
                    Item(gold_doc["id"], "quote", f"{'/'.join(g['speaker'])}: {g['starts']}"))
    p, r, f = _prf(tp_pred, n_pred, tp_gold, n_gold)
    return {"precision": p, "recall": r, "f1": f, "predicted": n_pred, "gold": n_gold,
            "neutral": neutral}


def _score_actors(pairs: Sequence[tuple[dict, dict | None]], width: int) -> dict[str, Any]:
    n_pred = n_gold = tp = 0
    for gold_doc, pred_doc in pairs:
        gold = {a["code"][:width] for a in gold_doc["gold"].get("actors", [])}
        pred = {c[:width] for a in (pred_doc or {}).get("actors", []) for c in _codes(a)}
        n_pred += len(pred)
        n_gold += len(gold)
        tp += len(gold & pred)
    p, r, f = _prf(tp, n_pred, tp, n_gold)
    return {"precision": p, "recall": r, "f1": f}


def _person_forms(doc: dict[str, Any]) -> list[set[str]]:
    text = doc.get("text") or ""
    people = []
    for actor in doc.get("actors", []) or []:
        if actor.get("kind") != "person":
            continue
        forms = {normalise(actor.get("text")), normalise(actor.get("name"))}
        for mention in actor.get("mentions") or []:
            if isinstance(mention, list | tuple) and len(mention) == 2 and all(
                isinstance(x, int) for x in mention
            ):
                forms.add(normalise(text[mention[0]:mention[1]]))
            elif isinstance(mention, dict) and isinstance(mention.get("start"), int):
                forms.add(normalise(mention.get("text")
                                    or text[mention["start"]:mention.get("end", mention["start"])]))
        forms.discard("")
        if forms:
            people.append(forms)
    if people:
        return people
    entities = {normalise(e.get("text")) for e in doc.get("entities", []) or []
                if str(e.get("type") or e.get("kind") or "").upper() in ("PER", "PERS", "PERSON")}
    entities.discard("")
    return [{form} for form in entities]


def _same_person(form: str, gold_forms: Iterable[str]) -> bool:
    return any(g and (g in form or form in g) and min(len(g), len(form)) >= 3
               for g in gold_forms)


def _score_persons(pairs: Sequence[tuple[dict, dict | None]]) -> dict[str, Any]:
    n_pred = n_gold = tp_pred = tp_gold = 0
    for gold_doc, pred_doc in pairs:
        gold = [[normalise(s) for s in a["ar"]] for a in gold_doc["gold"].get("actors", [])
                if a["kind"] == "person"]
        pred = _person_forms(pred_doc) if pred_doc else []
        n_pred += len(pred)
        n_gold += len(gold)
        tp_pred += sum(1 for forms in pred
                       if any(_same_person(f, g) for f in forms for g in gold))
        tp_gold += sum(1 for g in gold
                       if any(_same_person(f, g) for forms in pred for f in forms))
    p, r, f = _prf(tp_pred, n_pred, tp_gold, n_gold)
    return {"precision": p, "recall": r, "f1": f}


def score_documents(gold_docs: Sequence[dict[str, Any]],
                    predicted: Iterable[dict[str, Any]], verbose: bool = False) -> Scores:
    """Every measure for predictions against gold documents (matched by id)."""
    by_id = {str(d.get("id")): d for d in predicted}
    pairs = [(g, by_id.get(str(g["id"]))) for g in gold_docs]
    scores = Scores()
    report = scores if verbose else None
    scores.measures = {
        "articles": len(pairs),
        "articles_missing_from_predictions": sum(1 for _, p in pairs if p is None),
        "events": _score_events(pairs, 3, report),
        "events_role_level": _score_events(pairs, 6, None),
        "quotes": _score_quotes(pairs, True, report),
        "quote_spans": _score_quotes(pairs, False, None),
        "actors": _score_actors(pairs, 3),
        "actors_role_level": _score_actors(pairs, 6),
        "persons": _score_persons(pairs),
    }
    return scores


def _describe_pred(event: dict[str, Any], doc: dict[str, Any] | None) -> str:
    sentence = event.get("sentence") or {}
    text = (doc or {}).get("text") or ""
    context = text[sentence.get("start", 0):sentence.get("end", 0)] if sentence else ""
    trigger = (event.get("trigger") or {}).get("text", "")
    return (f"{_code(event.get('source')) or '?'} -{event.get('cameo')}-> "
            f"{_code(event.get('target')) or '-'} [{trigger}]: {context}")


def _describe_gold(event: dict[str, Any]) -> str:
    return (f"{'/'.join(event['source'])} -{'/'.join(event['cameo'])}-> "
            f"{'/'.join(event['target']) or '-'}: {event.get('evidence', '')}")


def _describe_quote(quote: dict[str, Any]) -> str:
    return f"{_code(quote.get('speaker')) or '?'}: {quote.get('text', '')[:80]}"
