"""Entity-level precision, recall and F1 for BIO tag sequences, exact and overlap match."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

__all__ = ["EntityScore", "bio_entities", "score_entities"]

Entity = tuple[int, int, str]  # first token, one past the last token, type


@dataclass(frozen=True, slots=True)
class EntityScore:
    """Counts for one entity type and one matching rule."""

    gold: int = 0
    predicted: int = 0
    correct_predicted: int = 0  # predictions that match some gold entity
    found_gold: int = 0  # gold entities that some prediction matches

    @property
    def precision(self) -> float:
        return self.correct_predicted / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.found_gold / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: EntityScore) -> EntityScore:
        return EntityScore(
            self.gold + other.gold,
            self.predicted + other.predicted,
            self.correct_predicted + other.correct_predicted,
            self.found_gold + other.found_gold,
        )


def bio_entities(tags: Sequence[str]) -> list[Entity]:
    """Entities in a BIO sequence; an I- that does not continue its type starts an entity.

    Only the tagged words are visited: most words are O (the document pass asks this of
    every sentence of every article)."""
    entities: list[Entity] = []
    start, last, kind = -1, -2, ""
    for i in [i for i, tag in enumerate(tags) if tag != "O"]:
        tag = tags[i]
        if i == last + 1 and tag.startswith("I-") and tag[2:] == kind:
            last = i
            continue
        if kind:
            entities.append((start, last + 1, kind))
        start, last, kind = i, i, tag[2:]
    if kind:
        entities.append((start, last + 1, kind))
    return entities


def _overlaps(a: Entity, b: Entity) -> bool:
    return a[2] == b[2] and a[0] < b[1] and b[0] < a[1]


def _count(gold: list[Entity], pred: list[Entity], kind: str, exact: bool) -> EntityScore:
    gold_k = [e for e in gold if e[2] == kind]
    pred_k = [e for e in pred if e[2] == kind]
    if exact:
        hits = len(set(gold_k) & set(pred_k))
        return EntityScore(len(gold_k), len(pred_k), hits, hits)
    return EntityScore(
        len(gold_k),
        len(pred_k),
        sum(any(_overlaps(p, g) for g in gold_k) for p in pred_k),
        sum(any(_overlaps(g, p) for p in pred_k) for g in gold_k),
    )


def score_entities(
    gold_seqs: Sequence[Sequence[str]],
    pred_seqs: Sequence[Sequence[str]],
    kinds: Sequence[str] = ("PER", "ORG", "LOC"),
) -> dict[str, dict[str, EntityScore]]:
    """Scores keyed by match rule ("exact", "overlap"), then by type and "ALL".

    Overlap match counts a predicted entity correct when it shares a token with a gold
    entity of the same type (and a gold entity found when the converse holds).
    """
    result: dict[str, dict[str, EntityScore]] = {}
    for rule in ("exact", "overlap"):
        by_kind = {k: EntityScore() for k in kinds}
        for gold_tags, pred_tags in zip(gold_seqs, pred_seqs, strict=True):
            gold, pred = bio_entities(gold_tags), bio_entities(pred_tags)
            for k in kinds:
                by_kind[k] += _count(gold, pred, k, rule == "exact")
        by_kind["ALL"] = sum(by_kind.values(), EntityScore())
        result[rule] = by_kind
    return result
