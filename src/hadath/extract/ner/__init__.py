"""A learned recogniser of person, organisation and place names in Arabic news.

`NerTagger.load().tag(words)` gives BIO tags over PER, ORG and LOC for raw words (clitics
attached, hamza and diacritics as written); the model ships in hadath/models/ner.model and
is rebuilt by scripts/train_ner.py.
"""

from hadath.extract.ner.model import LABELS, NerModel, NerTagger, repair_bio
from hadath.extract.ner.scoring import bio_entities, score_entities

__all__ = ["LABELS", "NerModel", "NerTagger", "bio_entities", "repair_bio", "score_entities"]
