"""Speech verbs (data/speech_verbs.tsv): the verbs that introduce quotations, not events."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from hadath.lexicon.conjugation import token_keys, verb_forms
from hadath.lexicon.tsv import fold_key, read_tsv, split_forms, version_of
from hadath.text.spans import Token

__all__ = ["SPEECH_FILE", "SpeechVerb", "SpeechVerbLexicon", "load_speech_verbs"]

SPEECH_FILE = "speech_verbs.tsv"
_SPEECH_KINDS = frozenset({"say", "assert", "deny", "warn", "call"})


@dataclass(frozen=True, slots=True)
class SpeechVerb:
    """A verb that introduces reported speech: its kind and note."""

    pattern: str
    kind: str
    note: str = ""
    line: int = 0


class SpeechVerbLexicon:
    """Speech verbs indexed by every generated conjugation."""

    def __init__(self, verbs: list[SpeechVerb], index: dict[str, SpeechVerb], version: str):
        self.verbs = tuple(verbs)
        self.version = version
        self._index = index

    def __len__(self) -> int:
        return len(self.verbs)

    def lookup(self, form: str) -> SpeechVerb | None:
        return self._index.get(fold_key(form))

    def is_speech_verb(self, token: Token) -> SpeechVerb | None:
        """The speech verb a token is a form of (قالت, وأضاف, سيؤكد), or None."""
        if not token.is_arabic:
            return None
        for key in token_keys(token):
            if key in self._index:
                return self._index[key]
        return None


@functools.cache
def load_speech_verbs() -> SpeechVerbLexicon:
    """The speech verbs from data/speech_verbs.tsv (cached).

    Raises:
        LexiconError: "speech_verbs.tsv:LINE: what is wrong" (bad kind, duplicate).
    """
    verbs: list[SpeechVerb] = []
    index: dict[str, SpeechVerb] = {}
    for row in read_tsv(SPEECH_FILE):
        pattern, kind = row["pattern"].strip(), row["kind"]
        if not pattern or " " in pattern:
            raise row.error(f"speech verb must be one word, not {pattern!r}")
        if kind not in _SPEECH_KINDS:
            kinds = ", ".join(sorted(_SPEECH_KINDS))
            raise row.error(f"bad kind {kind!r} (expected one of {kinds})")
        if any(v.pattern == pattern for v in verbs):
            raise row.error(f"{pattern!r} listed twice")
        verb = SpeechVerb(pattern, kind, row.get("note"), row.line)
        verbs.append(verb)
        for form in verb_forms(pattern, split_forms(row.get("present"))):
            index.setdefault(form, verb)
    return SpeechVerbLexicon(verbs, index, version_of(SPEECH_FILE))
