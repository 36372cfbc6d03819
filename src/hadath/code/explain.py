"""`hadath explain`: a sentence's tokens, actors, triggers and events, with the rule behind each."""

from __future__ import annotations

from hadath.code.events import EventCoder
from hadath.lexicon.actions import load_actions
from hadath.text.doc import Doc

__all__ = ["explain_sentence"]


def _token_line(token: object) -> str:
    pieces = [f"{p.text}+" for p in token.prefixes]  # type: ignore[attr-defined]
    stem = token.stem.text  # type: ignore[attr-defined]
    suffix = f"+{token.suffix.text}" if token.suffix else ""  # type: ignore[attr-defined]
    return f"{''.join(pieces)}{stem}{suffix} ({token.lemma})"  # type: ignore[attr-defined]


def explain_sentence(doc: Doc) -> list[str]:
    """Lines that show how a coded document's events came about."""
    lines = ["tokens: " + "  ".join(_token_line(t) for t in doc.tokens if t.is_arabic)]
    lines.append("actors:")
    lines.extend(f"  «{e.text}» {e.type} {e.code or 'uncoded'} {e.name or ''}".rstrip()
                 for e in doc.entities)
    actions = load_actions()
    coder = EventCoder(doc.text, doc.tokens, doc.sentences, doc.entities, doc.quotes, doc.dates,
                       doc.places, doc.published, actions)
    coder.code()
    lines.append("triggers:")
    for sentence in doc.sentences:
        lo, hi = coder.token_range(sentence)
        for i in range(lo, hi):
            for match in actions.match(doc.tokens, i)[:1]:
                entry = match.entry
                reads = "verb" if coder.is_verb(match) else (
                    "event noun" if coder.noun_reports(match) else "noun, not an event here")
                words = " ".join(t.text for t in doc.tokens[match.start:match.end])
                lines.append(f"  «{words}» {entry.cameo} {entry.code.label} — actions.tsv:"
                             f"{entry.line} {entry.pattern} ({entry.pos}; read as {reads})")
                if (why := coder.dropped.get(doc.tokens[i].start)) is not None:
                    lines.append(f"      no event: {why}")
    lines.append("events:")
    if not doc.events:
        lines.append("  none")
    for event in doc.events:
        source = event.source.code if event.source else "-"
        target = event.target.code if event.target else "-"
        lines.append(f"  {source} -{event.cameo}-> {target} «{event.trigger_text}» "
                     f"{event.plover_type or ''}/{event.plover_mode or ''} date {event.date} "
                     f"— {event.rule}")
    return lines
