"""The quote finder: direct and indirect quotations and who said them.

Direct quotations are the regions inside quotation marks (`quotemarks`) of at
least MIN_QUOTE_WORDS words that are not titles (عملية "..."، صحيفة "...").
Indirect quotations start after a speech verb's إن / أن (قال إن، أشار إلى أن،
حذر من أن) or an appeal's object (دعا إلى، طالب بـ) and run to the end of the
reported clause: the sentence end or the next speech verb that opens a new
quotation. A quotation's text never includes its marks nor the إن / أن.

Speakers come from `speakers.SpeakerFinder`. Quotations are resolved in text
order so that وأضاف، وتابع and pronoun subjects take the speaker before.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, replace

from hadath.extract import speech_words as words
from hadath.extract.quotemarks import QuotedRegion, find_quoted_regions
from hadath.extract.speakers import Discourse, SpeakerFinder
from hadath.extract.speech import (
    Cue,
    find_cues,
    is_complementizer,
    is_pronoun_pp,
    takes_prepositional_object,
    word_in,
)
from hadath.records import ActorRef, Quote
from hadath.registry import component
from hadath.text.doc import Doc
from hadath.text.fold import fold, fold_str
from hadath.text.spans import Token

__all__ = ["MIN_QUOTE_WORDS", "find_quotes", "make_quote_finder"]

MIN_QUOTE_WORDS = 4  # three words or fewer in quotation marks are scare quotes
TITLE_MAX_WORDS = 8  # a quoted name after عملية، صحيفة ... is at most this long
SUBJECT_WINDOW = 20  # tokens searched after a speech verb for its إن / أن
POSTPOSED_WINDOW = 6  # tokens searched after a closing mark for "، قال فلان"
MIN_INDIRECT_WORDS = 2
PREP_WINDOW = 3  # words allowed between a speech verb and its إلى / على / عن

_WORD_RE = re.compile(r"[^\W_]+")
_SENTENCE_PUNCT_RE = re.compile("[.\u060c!?\u061f]")  # . ، ! ? ؟
_CLAUSE_PUNCT = ".,:;!?\u060c\u061b\u061f\u2026-\u2013\u2014"  # . , : ; ! ? ، ؛ ؟ … - – —
_COLON = ":"
_SAYING = frozenset(("say", "add", "relay", "noun"))


@dataclass(slots=True)
class _Candidate:
    start: int
    end: int
    kind: str
    cue: Cue | None
    subject_end: int  # token index where the verb's subject stops
    region: QuotedRegion | None = None
    attributed: tuple[int, int] | None = None  # token range of a postposed attribution


class _WordIndex:
    """The words and sentence punctuation of a text, counted in any stretch of it.

    Words are counted on the folded text (harakat and tatweel would split them).
    Slicing and folding each stretch anew cost its length per quotation, so nested
    or repeated quotation marks made an article quadratic (40,000 guillemets took a
    minute); here a count is two binary searches.
    """

    def __init__(self, text: str) -> None:
        folded = fold(text)
        self._where = folded.where
        words = [(m.start(), m.end()) for m in _WORD_RE.finditer(folded.text)]
        self._starts = [start for start, _ in words]
        self._ends = [end for _, end in words]
        self._stops = [m.start() for m in _SENTENCE_PUNCT_RE.finditer(text)]

    def words(self, start: int, end: int) -> int:
        """How many words text[start:end] holds (a word cut by its ends counts once)."""
        a, b = bisect_left(self._where, start), bisect_left(self._where, end)
        if a >= b:
            return 0
        return max(0, bisect_left(self._starts, b) - bisect_right(self._ends, a))

    def has_sentence_punct(self, start: int, end: int) -> bool:
        at = bisect_left(self._stops, start)
        return at < len(self._stops) and self._stops[at] < end


class _Cover:
    """Whether a position falls in any of some intervals: their union, searched by bisection.

    `any(a <= x < b for a, b in intervals)` per cue or token made long articles with many
    quotation marks and speech verbs quadratic.
    """

    def __init__(self, intervals: list[tuple[int, int]]) -> None:
        merged: list[list[int]] = []
        for start, end in sorted(i for i in intervals if i[0] < i[1]):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        self._starts = [start for start, _ in merged]
        self._ends = [end for _, end in merged]

    def __contains__(self, position: int) -> bool:
        at = bisect_right(self._starts, position) - 1
        return at >= 0 and position < self._ends[at]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop surrounding space and clause punctuation, keep what the quotation says."""
    while end > start and (text[end - 1].isspace() or text[end - 1] in _CLAUSE_PUNCT):
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    return start, end


class _Finder:
    """Quotation finding over one document."""

    def __init__(self, doc: Doc, *, appeals: bool = False) -> None:
        self.appeals = appeals
        self.text = doc.text
        self.tokens = doc.tokens
        every_region = find_quoted_regions(doc.text)
        every_cue = find_cues(doc.tokens)
        self.speakers = SpeakerFinder.of(
            doc.text, doc.tokens, doc.sentences, doc.entities,
            tuple((r.open_start, r.close_end or r.end) for r in every_region),
            frozenset(c.index for c in every_cue),
        )
        self.regions = [r for r in every_region if self._is_quotation(r)]
        self.opening_marks = {r.open_start for r in self.regions}
        self.scare = _Cover([(r.open_start, r.close_end or r.end) for r in every_region
                             if r.open_start not in self.opening_marks])
        inside = _Cover([(r.start, r.end) for r in every_region])
        self.cues = [c for c in every_cue if c.start not in inside]
        self.cue_starts = [c.start for c in self.cues]  # in text order, as tokens come
        self.cue_indexes = [c.index for c in self.cues]

    @functools.cached_property
    def subject_stops(self) -> list[int]:
        """For each token, the first token from it on that ends a subject (إن / أن or ":")."""
        tokens = self.tokens
        stops = [len(tokens)] * (len(tokens) + 1)
        for i in range(len(tokens) - 1, -1, -1):
            ends = tokens[i].text == _COLON or is_complementizer(tokens[i])
            stops[i] = i if ends else stops[i + 1]
        return stops

    @functools.cached_property
    def word_index(self) -> _WordIndex:
        """Built when a quotation or a speech verb asks (most articles' sentences have none)."""
        return _WordIndex(self.text)

    # -- direct ------------------------------------------------------------------------------

    def _is_quotation(self, region: QuotedRegion) -> bool:
        n_words = self.word_index.words(region.start, region.end)
        if n_words < MIN_QUOTE_WORDS:
            return False
        if n_words > TITLE_MAX_WORDS or \
                self.word_index.has_sentence_punct(region.start, region.end):
            return True
        before = self.speakers.token_index(region.open_start)
        previous = [t for t in self.tokens[max(0, before - 2) : before] if t.text[0].isalpha()]
        return not any(word_in(t, words.TITLE_CUES) for t in previous)

    def _cue_before(self, region: QuotedRegion, floor: int) -> Cue | None:
        sentence = self.speakers.sentence_of(region.open_start)
        lower = sentence.start
        if not self.text[sentence.start : region.open_start].strip(" " + _COLON):
            # the quote opens its paragraph: "قال:" may end the one before
            previous = self.speakers.sentence_of(max(0, sentence.start - 1))
            if previous.text.rstrip().endswith(_COLON):
                lower = previous.start
        lower = max(lower, floor)
        last = bisect_left(self.cue_starts, region.open_start) - 1  # the last cue before it
        return self.cues[last] if last >= 0 and self.cues[last].start >= lower else None

    def _postposed(self, region: QuotedRegion) -> tuple[Cue | None, tuple[int, int] | None]:
        """A speech verb or attribution right after the closing mark: "…"، قال / بحسب فلان."""
        if region.close_end is None:
            return None, None
        sentence = self.speakers.sentence_of(region.open_start)
        lo = self.speakers.token_index(region.close_end)
        hi = min(lo + POSTPOSED_WINDOW, self.speakers.token_index(sentence.end))
        for at in range(bisect_left(self.cue_indexes, lo), bisect_left(self.cue_indexes, hi)):
            if self.cues[at].kind in _SAYING:
                return self.cues[at], None
        for i in range(lo, hi):
            if word_in(self.tokens[i], words.ATTRIBUTIONS):
                return None, (i, hi)
        return None, None

    def _subject_limit(self, region: QuotedRegion, cue: Cue | None) -> int:
        """Token index where the subject of the quotation's verb must stop."""
        open_at = self.speakers.token_index(region.open_start)
        if cue is None:
            return open_at
        if cue.start < region.open_start:
            return self._subject_end(cue, open_at)
        # "…"، قال فلان: the subject runs to the clause end after the verb
        sentence = self.speakers.sentence_of(cue.start)
        limit = min(cue.index + 1 + POSTPOSED_WINDOW, self.speakers.token_index(sentence.end))
        for i in range(cue.index + 1, limit):
            if self.tokens[i].start in self.opening_marks or self.tokens[i].text in _CLAUSE_PUNCT:
                return i
        return limit

    def direct(self) -> list[_Candidate]:
        found = []
        floor = 0
        for region in self.regions:
            outer = [r for r in self.regions if r.depth < region.depth
                     and r.start <= region.open_start < r.end] if region.depth else []
            base = outer[-1].start if outer else floor
            cue = self._cue_before(region, base)
            attributed = None
            if cue is None and not outer:
                cue, attributed = self._postposed(region)
            subject_end = self._subject_limit(region, cue)
            found.append(_Candidate(region.start, region.end, "direct", cue, subject_end,
                                    region, attributed))
            if region.depth == 0:
                floor = region.close_end or region.end
        return found

    # -- indirect ----------------------------------------------------------------------------

    def _subject_end(self, cue: Cue, limit: int) -> int:
        """Where the subject after `cue` stops: its إن / أن, a colon, or `limit`."""
        first = self.subject_stops[min(cue.index + 1, len(self.tokens))]
        return first if first < min(limit, len(self.tokens)) else limit

    def _content_start(self, cue: Cue, stop: int) -> tuple[int, int] | None:
        """(subject end token, content start char) of the quotation `cue` introduces."""
        for i in range(cue.index + 1, stop):
            token = self.tokens[i]
            if token.start in self.opening_marks:
                return None  # قال: "…" is a direct quotation
            if token.start in self.scare:
                continue  # a quoted name in the subject (الموقع "ري:فولت")
            if token.text == _COLON:
                return None
            if i > cue.index + 1 and cue.kind == "relay" and word_in(token, words.FROM_WORDS):
                continue
            if is_complementizer(token):
                before = self.tokens[i - 1]
                if word_in(before, words.BLOCKERS):
                    return None  # بعد أن، إلا أن: not reported speech
                if word_in(before, words.CALL_PREPS) and not takes_prepositional_object(
                    cue.text, before
                ):
                    return None  # تصنفها على أنها: a later verb's على / إلى, not the speech verb's
                return i, token.end
            if i < stop - 1 and word_in(token, words.CALL_PREPS) and self._takes_object(cue, i):
                # أشار إلى، شدد على، دعا إلى: what follows is the reported content
                after = self.tokens[i + 1]
                if is_complementizer(after):
                    return i, after.end
                if self.appeals or (cue.kind == "say"
                                    and takes_prepositional_object(cue.text, token)):
                    return i, after.start
            if cue.kind == "call" and self.appeals and self._is_beh(token):
                return i, token.start  # طالب بالإفراج: the object keeps its ب (beh)
        return None

    def _takes_object(self, cue: Cue, at: int) -> bool:
        """Is the preposition at tokens[at] the verb's own (أشار الوزير إلى), not a later
        phrase's (أفاد بيان ... بدأ زيارة إلى)? An appeal's may stand further off."""
        between = self.tokens[cue.index + 1 : at]
        if cue.kind == "call":
            return True
        # a word in between that is itself a prepositional phrase (في وقت سابق، بالتوصل،
        # من خلالها) takes the preposition, not the verb
        return len(between) <= PREP_WINDOW and not any(
            not t.text[0].isalnum() or word_in(t, words.PREPOSITIONS) or is_pronoun_pp(t)
            or any(p.label == "prep" for p in t.prefixes)
            for t in between
        )

    @staticmethod
    def _is_beh(token: Token) -> bool:
        """بـ alone or as a proclitic (بالإفراج)."""
        if fold_str(token.text).rstrip("\u0640") == "\u0628":  # beh, maybe with tatweel
            return True
        return any(p.label == "prep" and p.text[0] == "\u0628" for p in token.prefixes)

    def indirect(self) -> list[_Candidate]:
        found: list[_Candidate] = []
        for cue in self.cues:
            sentence = self.speakers.sentence_of(cue.start)
            stop = min(cue.index + 1 + SUBJECT_WINDOW, self.speakers.token_index(sentence.end))
            hit = self._content_start(cue, stop)
            if hit is None:
                continue
            subject_end, start = hit
            found.append(_Candidate(start, sentence.end, "indirect", cue, subject_end))
        found = self._split_clauses(found)
        kept = []
        for cand in found:
            cand.start, cand.end = _trim(self.text, cand.start, cand.end)
            if self.word_index.words(cand.start, cand.end) >= MIN_INDIRECT_WORDS:
                kept.append(cand)
        return kept

    def _split_clauses(self, found: list[_Candidate]) -> list[_Candidate]:
        """A speech verb inside an indirect quotation opens a new one after a clause break
        (، وأضاف / مؤكدا); without a break it is speech reported within it (قال إن X أكد أن)."""
        kept: list[_Candidate] = []
        for cand in found:
            if kept and cand.cue is not None and cand.cue.start < kept[-1].end:
                if not self._opens_clause(cand.cue):
                    continue
                kept[-1].end = cand.cue.start
            kept.append(cand)
        return kept

    def _opens_clause(self, cue: Cue) -> bool:
        before = self.tokens[cue.index - 1] if cue.index > 0 else None
        if before is None or not before.text[0].isalnum():
            return True
        return fold_str(cue.text)[0] in "\u0648\u0641"  # waw, feh: وقال، فأضاف

    # -- both --------------------------------------------------------------------------------

    def quotes(self) -> list[Quote]:
        direct = self.direct()
        opens = {c.region.open_start: c for c in direct if c.region is not None}
        candidates = list(direct)
        for cand in self.indirect():
            mark = opens.get(cand.start)
            if mark is not None and cand.cue is not None:  # قال إن "…": the same words
                if mark.cue is None or mark.cue.start < cand.cue.start:
                    mark.cue, mark.subject_end = cand.cue, cand.subject_end
                continue
            candidates.append(cand)
        candidates.sort(key=lambda c: (c.start, c.kind))
        return self._attribute(candidates)

    def _attribute(self, candidates: list[_Candidate]) -> list[Quote]:
        """Speakers in text order. A speech verb that introduces no quotation (ودعت المنظمة
        المجلس إلى تجديد التفويض) still names who speaks next (وقالت: "…")."""
        used = {c.cue.index for c in candidates if c.cue is not None}
        spans = _Cover([(c.start, c.end) for c in candidates])
        silent = [c for c in self.cues if c.index not in used and c.start not in spans]
        steps: list[tuple[int, _Candidate | Cue]] = [(c.start, c) for c in candidates]
        steps += [(c.start, c) for c in silent]
        steps.sort(key=lambda step: step[0])
        out: list[Quote] = []
        discourse = Discourse()
        for _, step in steps:
            if isinstance(step, Cue):
                hi = self._subject_end(step, self.speakers.token_index(
                    self.speakers.sentence_of(step.start).end))
                speaker, rule = self.speakers.speaker(step, hi, discourse)
                if step.kind == "say" and rule == "subject" and speaker is not None:
                    discourse.previous, discourse.previous_at = speaker, step.start
                continue
            speaker, rule = self._speaker(step, discourse)
            if speaker is not None:
                discourse.previous = speaker
                discourse.previous_at = step.cue.start if step.cue is not None else step.start
            out.append(
                Quote(speaker, self.text[step.start : step.end], step.start, step.end, step.kind,
                      step.cue.text if step.cue else None, {"speaker_rule": rule})
            )
        return out

    def _after_preposition(self, region: QuotedRegion | None) -> bool:
        """Does a quotation with no speech verb open right after a preposition?"""
        if region is None:
            return False
        at = self.speakers.token_index(region.open_start)
        return at > 0 and word_in(self.tokens[at - 1], words.PREPOSITIONS)

    def _speaker(self, cand: _Candidate, discourse: Discourse) -> tuple[ActorRef | None, str]:
        if cand.attributed is not None:
            return self.speakers.attributed(*cand.attributed), "attribution"
        if cand.cue is None and cand.region is not None and cand.region.depth > 0:
            return None, "inner"
        if cand.cue is None and self._after_preposition(cand.region):
            return None, "fragment"  # للتوصل إلى "اتفاق سياسي قابل للاستمرار": a cited phrase
        return self.speakers.speaker(cand.cue, cand.subject_end, discourse)


def find_quotes(doc: Doc, *, appeals: bool = False) -> list[Quote]:
    """The quotations of a Doc that has sentences, tokens and (coded) entities.

    With appeals=True the object of an appeal (دعا إلى الحوار، طالب بالإفراج) is
    an indirect quotation too; by default only an appeal with أن is (دعا إلى أن).

    Example: in 'وقال لافروف إن الحل في ليبيا سياسي.' with لافروف an entity coded
    RUSGOV, one indirect quote 'الحل في ليبيا سياسي' spoken by RUSGOV.
    """
    if not doc.tokens:
        return []
    return _Finder(doc, appeals=appeals).quotes()


@component("hadath.quotes.v1", requires=("sentences", "tokens", "entities"), assigns=("quotes",))
def make_quote_finder(appeals: bool = False) -> Callable[[Doc], Doc]:
    """Find direct and indirect quotations and their speakers (see `find_quotes`)."""

    def find(doc: Doc) -> Doc:
        return replace(doc, quotes=tuple(find_quotes(doc, appeals=appeals)))

    return find
